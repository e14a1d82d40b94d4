// mc.cpp: the MCEmitter (see mc.h): section switching, bytes, alignment
// with nop padding, labels, fixups and branch relaxation, line rows.
//
// Fixup resolution follows ELF semantics so a fixup that cannot be resolved
// inside its section turns into the equivalent relocation: a PC-relative
// field is S + A - P, with S the label's offset, which becomes
// R_*_PC32 against the label section's symbol with addend (offset + A).
#include "arch/mc.h"

#include "core/compiler.h"

namespace cfree {

MCEmitter::MCEmitter(ObjBuilder& ob) : ob_(ob), arch_(ob.target().arch) {
  labels_.emplace_back();  // id 0: none
}

void MCEmitter::switch_section(ObjSecId s) { cur_ = s; }

void MCEmitter::push_section(ObjSecId s) {
  stack_.push_back(cur_);
  cur_ = s;
}

void MCEmitter::pop_section() {
  CFREE_ASSERT(!stack_.empty());
  cur_ = stack_.back();
  stack_.pop_back();
}

void MCEmitter::note_bytes() {
  if (loc_ && (loc_ != last_row_loc_ || cur_ != last_row_sec_)) {
    lines_.push_back(MCLineRow{cur_, ob_.size(cur_), loc_});
    last_row_loc_ = loc_;
    last_row_sec_ = cur_;
  }
}

void MCEmitter::emit(const void* data, size_t n) {
  note_bytes();
  ob_.write(cur_, data, n);
}

void MCEmitter::emit_le(u64 v, unsigned nbytes) {
  note_bytes();
  ob_.write_le(cur_, v, nbytes);
}

void MCEmitter::emit_zeros(u64 n) { ob_.write_zeros(cur_, n); }

void MCEmitter::fill(u64 n, u8 byte) {
  if (ob_.section_get(cur_).sem == SecSem::NoBits) {
    ob_.reserve_bss(cur_, n);
    return;
  }
  ob_.write_fill(cur_, n, byte);
}

void MCEmitter::align(u64 a, int fill_byte) {
  const ObjSection& s = ob_.section_get(cur_);
  if (fill_byte >= 0 || s.sem == SecSem::NoBits || !(s.flags & SECF_EXEC)) {
    ob_.align_to(cur_, a, fill_byte < 0 ? 0 : fill_byte);
    return;
  }
  if (a > s.align) ob_.section_mut(cur_).align = a;
  u64 pad = align_up(s.size, a) - s.size;
  u8 buf[64];
  while (pad) {
    size_t k = pad < sizeof buf ? static_cast<size_t>(pad) : sizeof buf;
    mc_nop_fill(arch_, buf, k);
    ob_.write(cur_, buf, k);
    pad -= k;
  }
}

void MCEmitter::define_here(ObjSymId sym, u64 size) { ob_.define(sym, cur_, offset(), size); }

MCLabel MCEmitter::label_new() {
  labels_.emplace_back();
  return static_cast<MCLabel>(labels_.size() - 1);
}

void MCEmitter::label_place(MCLabel l) {
  CFREE_ASSERT(l && l < labels_.size() && !labels_[l].sec);
  labels_[l].sec = cur_;
  labels_[l].offset = offset();
}

void MCEmitter::fixup(u64 at, MCLabel l, FixupKind k, i64 addend, MCLabel base) {
  Fixup f{cur_, at, l, base, k, addend};
  if (!try_resolve(f)) fixups_.push_back(f);
}

bool MCEmitter::branch(MCLabel l, std::span<const u8> short_op, std::span<const u8> long_op) {
  if (!short_op.empty() && label_placed(l) && labels_[l].sec == cur_) {
    i64 end = static_cast<i64>(offset() + short_op.size() + 1);
    i64 disp = static_cast<i64>(labels_[l].offset) - end;
    if (disp >= -128 && disp <= 127) {
      emit(short_op.data(), short_op.size());
      emit_u8(static_cast<u8>(disp));
      return true;
    }
  }
  emit(long_op.data(), long_op.size());
  u64 at = offset();
  emit_le(0, 4);
  fixup(at, l, FixupKind::Pc32, -4);
  return false;
}

bool MCEmitter::try_resolve(const Fixup& f) {
  const LabelRec& L = labels_[f.label];
  if (!L.sec) return false;
  switch (f.kind) {
    case FixupKind::Pc8:
    case FixupKind::Pc32: {
      if (L.sec != f.sec) {
        CFREE_ASSERT(f.kind == FixupKind::Pc32);
        ob_.reloc(f.sec, f.at, RelocKind::Pc32, ob_.section_symbol(L.sec),
                  static_cast<i64>(L.offset) + f.addend);
        return true;
      }
      i64 v = static_cast<i64>(L.offset) + f.addend - static_cast<i64>(f.at);
      if (f.kind == FixupKind::Pc8) {
        CFREE_ASSERT(v >= -128 && v <= 127);
        ob_.patch_le(f.sec, f.at, static_cast<u64>(v), 1);
      } else {
        CFREE_ASSERT(v >= INT32_MIN && v <= INT32_MAX);
        ob_.patch_le(f.sec, f.at, static_cast<u64>(v), 4);
      }
      return true;
    }
    case FixupKind::Abs32:
    case FixupKind::Abs64:
      ob_.reloc(f.sec, f.at, f.kind == FixupKind::Abs32 ? RelocKind::Abs32 : RelocKind::Abs64,
                ob_.section_symbol(L.sec), static_cast<i64>(L.offset) + f.addend);
      return true;
    case FixupKind::Diff32: {
      const LabelRec& B = labels_[f.base];
      if (!B.sec) return false;
      CFREE_ASSERT(B.sec == L.sec);
      i64 v = static_cast<i64>(L.offset) - static_cast<i64>(B.offset) + f.addend;
      ob_.patch_le(f.sec, f.at, static_cast<u64>(v), 4);
      return true;
    }
  }
  return false;
}

void MCEmitter::resolve() {
  size_t j = 0;
  for (size_t i = 0; i < fixups_.size(); i++)
    if (!try_resolve(fixups_[i])) fixups_[j++] = fixups_[i];
  fixups_.resize(j);
}

void MCEmitter::labels_reset() {
  resolve();
  CFREE_ASSERT(fixups_.empty());
  labels_.resize(1);
}

void MCEmitter::finalize() {
  resolve();
  CFREE_ASSERT(fixups_.empty());
  ob_.finalize();
}

}  // namespace cfree

namespace cfree {

// x86: the nop forms GNU as pads code with (Intel SDM vol. 2B, "NOP",
// table 4-12: recommended multi-byte sequences); longer runs repeat the
// longest.  aarch64: NOP (0xd503201f); riscv64: addi x0, x0, 0.
void mc_nop_fill(CfreeArch arch, u8* out, size_t n) {
  static const u8 kX86[11][11] = {
      {0x90},
      {0x66, 0x90},
      {0x0f, 0x1f, 0x00},
      {0x0f, 0x1f, 0x40, 0x00},
      {0x0f, 0x1f, 0x44, 0x00, 0x00},
      {0x66, 0x0f, 0x1f, 0x44, 0x00, 0x00},
      {0x0f, 0x1f, 0x80, 0x00, 0x00, 0x00, 0x00},
      {0x0f, 0x1f, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00},
      {0x66, 0x0f, 0x1f, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00},
      {0x66, 0x2e, 0x0f, 0x1f, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00},
      {0x66, 0x66, 0x2e, 0x0f, 0x1f, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00},
  };
  if (arch == CFREE_ARCH_X86_64) {
    while (n) {
      size_t k = n > 11 ? 11 : n;
      std::memcpy(out, kX86[k - 1], k);
      out += k;
      n -= k;
    }
    return;
  }
  u32 word = arch == CFREE_ARCH_AARCH64 ? 0xd503201fu : 0x00000013u;
  size_t i = 0;
  for (; i + 4 <= n; i += 4)
    for (int b = 0; b < 4; b++) out[i + b] = static_cast<u8>(word >> (8 * b));
  for (; i < n; i++) out[i] = 0;
}

}  // namespace cfree
