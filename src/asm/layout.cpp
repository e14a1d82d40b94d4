// layout.cpp: relaxation, output through the MCEmitter, relocations and
// symbols, following GNU as (gas/write.c relax_segment and fixup_segment,
// tc-i386.c md_estimate_size_before_relax and tc_i386_fix_adjustable).
//
// Relaxation.  A jmp/jcc to a label in the same section that is not global
// or weak starts in its 2-byte form and grows to rel32 (5 bytes, or 6 for
// jcc) when the displacement does not fit; growth is monotonic, alignments
// and LEB128s are recomputed each pass, and the passes repeat until nothing
// changes.  Any other jump target (another section, a global, weak or
// undefined symbol) gets the long form with a relocation from the start.
//
// Fixups.  A value A + S - P whose symbol is a local label of the same
// section is resolved to bytes when the field is PC-relative (branches,
// RIP-relative operands, `.long x - .`); otherwise it becomes a relocation.
// Relocations against local symbols name the section symbol with the
// symbol's offset folded into the addend, except for the relocation types
// gas never "adjusts" (PLT32, GOTPCREL*, the TLS family, SIZE*), which keep
// the symbol, and PC-relative references into SHF_MERGE sections.
#include "asm/internal.h"

namespace cfree::as {

unsigned leb128_size(i64 v, bool sign);

namespace {

bool non_adjustable(RelocKind k) {
  switch (k) {
    case RelocKind::Plt32: case RelocKind::GotPcRel: case RelocKind::GotPcRelX:
    case RelocKind::RexGotPcRelX: case RelocKind::Got32: case RelocKind::TlsGd:
    case RelocKind::TlsLd: case RelocKind::DtpOff32: case RelocKind::DtpOff64:
    case RelocKind::GotTpOff: case RelocKind::TpOff32: case RelocKind::TpOff64:
    case RelocKind::GotOff64: case RelocKind::GotPc32TlsDesc: case RelocKind::TlsDescCall:
    case RelocKind::Size32: case RelocKind::Size64:
      return true;
    default:
      return false;
  }
}

bool is_tls(RelocKind k) {
  switch (k) {
    case RelocKind::TlsGd: case RelocKind::TlsLd: case RelocKind::DtpOff32:
    case RelocKind::DtpOff64: case RelocKind::GotTpOff: case RelocKind::TpOff32:
    case RelocKind::TpOff64: case RelocKind::GotPc32TlsDesc: case RelocKind::TlsDescCall:
      return true;
    default:
      return false;
  }
}

}  // namespace

bool Assembler::jump_relaxable(const Frag& f, u32 sec) const {
  Val v = const_cast<Assembler*>(this)->eval(f.target, false);
  if (!v.ok || v.sub || !v.add) return false;
  const Symbol& s = syms_[v.add];
  // gas (elf_symbol_resolved_in_segment_p): a global of this section cannot
  // be preempted in an executable, so it relaxes too -- unless named @PLT.
  if (v.rk == RelocKind::Plt32 && s.global) return false;
  if (v.rk != RelocKind::None && v.rk != RelocKind::Plt32) return false;
  return s.defined && s.sec == sec + 1 && !s.weak;
}

// gas's relax_segment, step for step: an initial layout with every
// relaxable jump short, each alignment at its initial padding and each
// LEB128 one byte; then passes that visit the fragments in order carrying
// the accumulated growth (`stretch`).  A jump's target is read at its
// fragment's current address, which for a fragment not yet visited in this
// pass is the previous pass's address plus `stretch` -- unless an alignment
// lies between (a different "region"), when the alignment is assumed to
// absorb it (write.c relax_frag).  Alignment growth is the change in
// padding between the old and new address; max-skip alignments can shrink.
// Code sections first: label differences and location views that other
// sections (.debug_*, .gcc_except_table) evaluate then see final addresses.
// The line program (.debug_line) is built between the two groups.
void Assembler::relax() {
  for (u32 si = 0; si < secs_.size(); si++)
    if (secs_[si].code()) relax_section(si);
  if (!inline_mode_) finish_debug_line();
  for (u32 si = 0; si < secs_.size(); si++)
    if (!secs_[si].code()) relax_section(si);
}

void Assembler::relax_section(u32 si) {
  {
    Section& s = secs_[si];
    std::vector<u32> region(s.frags.size());
    u64 addr = s.base;
    u32 reg = 0;
    for (size_t fi = 0; fi < s.frags.size(); fi++) {
      Frag& f = s.frags[fi];
      region[fi] = reg;
      f.addr = addr;
      u64 end = addr + f.len;
      switch (f.kind) {
        case FragKind::Jump:
          f.grown = !jump_relaxable(f, si);
          f.var = f.grown ? jump_long_size(f) : 2;
          break;
        case FragKind::Align: {
          u64 pad = align_up(end, f.align) - end;
          f.var = (f.max && pad > f.max) ? 0 : static_cast<u32>(pad);
          reg++;
          break;
        }
        case FragKind::Org:
          f.var = 0;
          reg++;
          break;
        case FragKind::Leb:
          f.var = 1;
          break;
        case FragKind::None:
          break;
      }
      addr = end + f.var;
    }
    for (int pass = 0; pass < 10000; pass++) {
      i64 stretch = 0;
      bool stretched = false;
      for (size_t fi = 0; fi < s.frags.size(); fi++) {
        Frag& f = s.frags[fi];
        u64 was = f.addr;
        f.addr = static_cast<u64>(static_cast<i64>(f.addr) + stretch);
        i64 growth = 0;
        switch (f.kind) {
          case FragKind::Align: {
            auto padding = [&](u64 a) -> u64 {
              u64 end = a + f.len;
              u64 pad = align_up(end, f.align) - end;
              return (f.max && pad > f.max) ? 0 : pad;
            };
            u64 nw = padding(f.addr);
            growth = static_cast<i64>(nw) - static_cast<i64>(padding(was));
            f.var = static_cast<u32>(nw);
            break;
          }
          case FragKind::Jump: {
            if (f.grown) break;
            Val v = eval(f.target, true);
            const Symbol& t = syms_[v.add];
            i64 target = static_cast<i64>(s.frags[t.frag].addr + t.off) + v.c;
            i64 address = static_cast<i64>(f.addr + f.len + 1);
            if (stretch != 0 && t.frag > fi) {
              if (stretch < 0 || region[t.frag] == region[fi]) target += stretch;
              else if (target < address) break;
            }
            i64 aim = target - address;
            if (aim > 128 || aim < -127) {
              f.grown = true;
              growth = jump_long_size(f) - 2;
              f.var = jump_long_size(f);
            }
            break;
          }
          case FragKind::Leb: {
            Val v = eval(f.e, true);
            if (v.constant()) {
              u32 n = leb128_size(v.c, f.sign);
              growth = static_cast<i64>(n) - static_cast<i64>(f.var);
              f.var = n;
            }
            break;
          }
          case FragKind::Org: {
            i64 target = -1;
            Val v = eval(f.e, true);
            if (v.constant()) target = v.c;
            else if (v.add && !v.sub && syms_[v.add].sec == si + 1) {
              const Symbol& t = syms_[v.add];
              target = static_cast<i64>(s.frags[t.frag].addr + t.off) + v.c;
            }
            i64 end = static_cast<i64>(f.addr + f.len);
            u32 nv = target > end ? static_cast<u32>(target - end) : 0;
            growth = static_cast<i64>(nv) - static_cast<i64>(f.var);
            f.var = nv;
            break;
          }
          case FragKind::None:
            break;
        }
        if (growth) {
          stretch += growth;
          stretched = true;
        }
      }
      if (!stretched) break;
    }
  }
}

ObjSymId Assembler::obj_sym(SymIdx si) {
  Symbol& s = syms_[si];
  if (s.id) return s.id;
  if (!s.name) {
    // A `.` temporary: name it after nothing (a local label at its place).
    ObjSymbol os;
    os.place = SymPlace::Section;
    os.sec = secs_[s.sec - 1].id;
    os.value = secs_[s.sec - 1].frags[s.frag].addr + s.off;
    s.id = ob_.symbol(os);
    return s.id;
  }
  if (inline_mode_ && !s.defined && !s.common && !s.equ) {
    s.id = inline_->resolve ? inline_->resolve(inline_->resolve_ctx, s.name) : ob_.global(s.name);
    return s.id;
  }
  if (inline_mode_ && s.defined && (s.global || s.weak)) {
    const Section& sec = secs_[s.sec - 1];
    s.id = ob_.global(s.name);
    ob_.define(s.id, sec.id, sec.frags[s.frag].addr + s.off);
    ObjSymbol& os = ob_.sym(s.id);
    os.bind = s.weak ? SymBind::Weak : SymBind::Global;
    if (s.type) os.type = SymType(s.type);
    os.vis = SymVis(s.vis);
    return s.id;
  }
  {
    ObjSymbol os;
    os.name = s.name;
    bool global = s.global || s.weak || (!s.defined && !s.equ && !s.common);
    if (s.local_dir && (s.defined || s.common)) global = false;
    os.bind = s.weak ? SymBind::Weak : global ? SymBind::Global : SymBind::Local;
    os.type = SymType(s.type);
    os.vis = SymVis(s.vis);
    if (s.defined) {
      const Section& sec = secs_[s.sec - 1];
      os.place = SymPlace::Section;
      os.sec = sec.id;
      os.value = sec.frags[s.frag].addr + s.off;
      if ((sec.flags & 0x400) && (os.type == SymType::Object || os.type == SymType::NoType))
        os.type = SymType::Tls;
    } else if (s.common) {
      os.place = SymPlace::Common;
      os.value = s.common_align;
      os.size = s.common_size;
      if (os.type == SymType::NoType) os.type = SymType::Object;
    } else if (s.equ) {
      Val v = eval(s.equ, true);
      if (v.constant()) {
        os.place = SymPlace::Abs;
        os.value = static_cast<u64>(v.c);
      } else if (v.ok && v.add && !v.sub && syms_[v.add].defined) {
        const Symbol& t = syms_[v.add];
        const Section& sec = secs_[t.sec - 1];
        os.place = SymPlace::Section;
        os.sec = sec.id;
        os.value = sec.frags[t.frag].addr + t.off + static_cast<u64>(v.c);
        if (os.type == SymType::NoType) os.type = SymType(t.type);
      } else {
        line_loc_ = s.loc;
        error("can't resolve value for symbol `%s'", sym_str(si));
      }
    } else {
      os.place = SymPlace::Undef;
      if (s.tls) os.type = SymType::Tls;
    }
    if (s.size) {
      Val v = eval(s.size, true);
      if (v.constant()) os.size = static_cast<u64>(v.c);
      else {
        line_loc_ = s.loc;
        error(".size expression for %s does not evaluate to a constant", sym_str(si));
      }
    }
    s.id = ob_.symbol(os);
  }
  return s.id;
}

bool Assembler::resolve_fixup(u32 si, const Fixup& fx, MCEmitter& mc) {
  Section& sec = secs_[si];
  line_loc_ = fx.loc;
  u64 P = sec.frags[fx.frag].addr + fx.off;
  Val v = eval(fx.e, true);
  if (!v.ok) {
    error("invalid or unsupported expression");
    return false;
  }
  i64 A = v.c + fx.adj;
  const i64 A0 = A;  // gas's fx_offset: the addend before any symbol value is folded in
  RelocKind k = v.rk;
  bool pcrel = fx.pcrel;
  if (v.sub) {
    // S - B where B is in this section: a PC-relative relocation.
    const Symbol& b = syms_[v.sub];
    if (pcrel || !b.defined || b.sec != si + 1 || !v.add) {
      error("can't resolve `%s' - `%s'", v.add ? sym_str(v.add) : "0", sym_str(v.sub));
      return false;
    }
    u32 bs;
    u64 ba;
    sym_addr(v.sub, &bs, &ba, true);
    A += static_cast<i64>(P - ba);
    pcrel = true;
  }
  auto patch = [&](i64 val) {
    if (fx.size < 8) {
      i64 lo = -(i64(1) << (8 * fx.size - 1)), hi = (i64(1) << (8 * fx.size)) - 1;
      if (val < lo || val > hi) {
        error("value 0x%llx truncated to 0x%llx", static_cast<unsigned long long>(val),
              static_cast<unsigned long long>(val & ((i64(1) << (8 * fx.size)) - 1)));
      }
    }
    ob_.patch_le(sec.id, P, static_cast<u64>(val), fx.size);
  };
  if (!v.add) {
    if (pcrel) {
      // An absolute target of a PC-relative field: relocation against nothing.
      mc.switch_section(sec.id);
      mc.reloc(P, fx.size == 4 ? RelocKind::Pc32 : RelocKind::Pc64, OBJ_SYM_NONE, A);
      return true;
    }
    patch(A);
    return true;
  }
  Symbol& s = syms_[v.add];
  if (s.mclabel) {
    // asm goto: a jump to one of the C function's labels.
    mc.switch_section(sec.id);
    mc.fixup(P, s.mclabel, fx.size == 1 ? FixupKind::Pc8 : FixupKind::Pc32, A);
    return true;
  }
  if (is_tls(k)) s.tls = true;
  bool local_def = s.defined && !s.global && !s.weak;
  if (pcrel && local_def && s.sec == si + 1 &&
      (k == RelocKind::None || k == RelocKind::Pc32 || (k == RelocKind::Plt32 && fx.branch))) {
    u32 ss;
    u64 sa;
    sym_addr(v.add, &ss, &sa, true);
    patch(static_cast<i64>(sa) + A - static_cast<i64>(P));
    return true;
  }
  if (k == RelocKind::None) {
    if (pcrel) {
      if (fx.branch && !local_def) k = RelocKind::Plt32;
      else k = fx.size == 8 ? RelocKind::Pc64 : fx.size == 2 ? RelocKind::Pc16
             : fx.size == 1 ? RelocKind::Pc8 : RelocKind::Pc32;
    } else {
      k = fx.size == 8 ? RelocKind::Abs64 : fx.size == 2 ? RelocKind::Abs16
        : fx.size == 1 ? RelocKind::Abs8 : fx.sext32 ? RelocKind::Abs32S : RelocKind::Abs32;
    }
  } else if (k == RelocKind::GotPcRel && fx.gotx) {
    k = fx.rex ? RelocKind::RexGotPcRelX : RelocKind::GotPcRelX;
  } else if (k == RelocKind::Plt32 && !pcrel) {
    error("relocation %s is not valid here", "@PLT");
    return false;
  } else if (k == RelocKind::DtpOff32 && fx.size == 8) {
    k = RelocKind::DtpOff64;
  } else if (k == RelocKind::TpOff32 && fx.size == 8) {
    k = RelocKind::TpOff64;
  } else if (k == RelocKind::GotOff64 && fx.size != 8) {
    error("@GOTOFF needs a 64-bit field");
    return false;
  }
  ObjSymId target;
  // gas (write.c adjust_reloc_syms) never replaces a symbol in a mergeable
  // section by the section symbol when the addend is not zero: the linker
  // must know which string is meant.
  bool merge_keep = s.defined && (secs_[s.sec - 1].flags & 0x10) && (pcrel || A0 != 0 || v.sub);
  if (local_def && !non_adjustable(k) && !merge_keep) {
    u32 ss;
    u64 sa;
    sym_addr(v.add, &ss, &sa, true);
    target = ob_.section_symbol(secs_[s.sec - 1].id);
    A += static_cast<i64>(sa);
  } else {
    s.in_reloc = true;
    // A relocation that keeps its symbol names the equated symbol if the
    // value came through one (gas keeps `.set .LC14, .LC11` as .LC14).
    if (v.via) A -= v.via_c;
    target = obj_sym(v.via ? v.via : v.add);
  }
  mc.switch_section(sec.id);
  mc.reloc(P, k, target, A);
  return true;
}

bool Assembler::emit_object() {
  MCEmitter local(ob_);
  MCEmitter& mc = inline_mode_ ? *inline_mc_ : local;
  // Sections.
  for (Section& s : secs_) {
    const char* name = c_.syms.str(s.name);
    if (s.id) continue;  // inline asm: the caller's section
    ObjSecDesc d;
    d.name = name;
    d.flags = s.flags & ~u64(SECF_GROUP);
    d.align = s.align;
    d.entsize = s.entsize;
    switch (s.type) {
      case 1: d.sem = SecSem::ProgBits; break;
      case 8: d.sem = SecSem::NoBits; break;
      case 7: d.sem = SecSem::Note; break;
      case 14: d.sem = SecSem::InitArray; break;
      case 15: d.sem = SecSem::FiniArray; break;
      case 16: d.sem = SecSem::PreinitArray; break;
      case 0x70000001: d.sem = SecSem::X86_64Unwind; break;
      default: d.sem = SecSem::Other; d.raw_type = s.type; break;
    }
    bool tls = s.flags & SECF_TLS;
    if (s.flags & SECF_EXEC) d.kind = SecKind::Text;
    else if (!(s.flags & SECF_ALLOC)) d.kind = std::string_view(name).substr(0, 7) == ".debug_" ? SecKind::Debug : SecKind::Other;
    else if (s.type == 8) d.kind = tls ? SecKind::TBss : SecKind::Bss;
    else if (tls) d.kind = SecKind::TData;
    else if (s.type == 7) d.kind = SecKind::Note;
    else if (s.flags & SECF_WRITE) d.kind = SecKind::Data;
    else d.kind = SecKind::RoData;
    if (s.type != 1 && s.type != 8 && s.type != 7) d.kind = s.type == 0x70000001 ? SecKind::Other : d.kind;
    s.id = ob_.section(d);
  }
  // Bytes.
  std::vector<u8> buf;
  for (u32 si = 0; si < secs_.size(); si++) {
    Section& s = secs_[si];
    mc.switch_section(s.id);
    for (Frag& f : s.frags) {
      if (s.nobits()) {
        for (u64 i = f.begin; i < f.begin + f.len; i++)
          if (s.data[i]) {
            line_loc_ = f.loc;
            error("attempt to initialize memory in a nobits section");
            return false;
          }
        if (f.len + f.var) ob_.reserve_bss(s.id, f.len + f.var);
        continue;
      }
      if (f.len) mc.emit(s.data.data() + f.begin, f.len);
      if (!f.var) continue;
      buf.assign(f.var, 0);
      line_loc_ = f.loc;
      switch (f.kind) {
        case FragKind::Align:
        case FragKind::Org:
          if (f.kind == FragKind::Align && f.fill < 0) mc_nop_fill(CFREE_ARCH_X86_64, buf.data(), buf.size());
          else std::fill(buf.begin(), buf.end(), static_cast<u8>(f.kind == FragKind::Org ? f.org_fill : f.fill));
          break;
        case FragKind::Leb: {
          Val v = eval(f.e, true);
          if (!v.constant()) {
            error("uleb128/sleb128 of a non-constant expression");
            return false;
          }
          i64 x = v.c;
          u64 u = static_cast<u64>(x);
          for (u32 i = 0; i < f.var; i++) {
            u8 b = static_cast<u8>((f.sign ? static_cast<u64>(x) : u) & 0x7f);
            x >>= 7;
            u >>= 7;
            if (i + 1 < f.var) b |= 0x80;
            buf[i] = b;
          }
          break;
        }
        case FragKind::Jump: {
          u64 at = f.addr + f.len;
          bool relaxed = jump_relaxable(f, si);
          i64 disp = 0;
          if (relaxed) {
            Val v = eval(f.target, true);
            u32 sc;
            u64 t;
            sym_addr(v.add, &sc, &t, true);
            disp = static_cast<i64>(t) + v.c - static_cast<i64>(at + f.var);
          }
          if (f.var == 2) {
            buf[0] = f.cc < 0 ? 0xEB : static_cast<u8>(0x70 + f.cc);
            buf[1] = static_cast<u8>(disp);
          } else {
            unsigned n = 0;
            if (f.cc < 0) buf[n++] = 0xE9;
            else { buf[n++] = 0x0F; buf[n++] = static_cast<u8>(0x80 + f.cc); }
            for (int k = 0; k < 4; k++) buf[n + k] = static_cast<u8>(disp >> (8 * k));
            if (!relaxed) {
              // Becomes an ordinary branch fixup on the rel32 field.
              Fixup fx{};
              fx.frag = static_cast<u32>(&f - s.frags.data());
              fx.off = static_cast<u32>(f.len + n);
              fx.size = 4;
              fx.pcrel = true;
              fx.branch = true;
              fx.adj = -4;
              fx.e = f.target;
              fx.loc = f.loc;
              s.fixups.push_back(fx);
            }
          }
          break;
        }
        case FragKind::None:
          break;
      }
      mc.emit(buf.data(), buf.size());
    }
  }
  if (errors_) return false;
  // Symbols that must exist (defined non-temporary ones, globals, commons).
  if (file_sym_ && !inline_mode_) {
    ObjSymbol fs;
    fs.name = file_sym_;
    fs.type = SymType::File;
    fs.place = SymPlace::Abs;
    ob_.symbol(fs);
  }
  for (SymIdx i = 1; i < syms_.size(); i++) {
    Symbol& s = syms_[i];
    if (s.temp || !s.name) continue;
    if (s.defined || s.common || s.equ || s.global || s.weak) obj_sym(i);
  }
  // Fixups.
  for (u32 si = 0; si < secs_.size(); si++)
    for (size_t k = 0; k < secs_[si].fixups.size(); k++) {
      Fixup fx = secs_[si].fixups[k];
      resolve_fixup(si, fx, mc);
    }
  // Undefined symbols named only by TLS relocations get their type now.
  for (SymIdx i = 1; i < syms_.size(); i++) {
    Symbol& s = syms_[i];
    if (s.id && s.tls && !s.defined) ob_.sym(s.id).type = SymType::Tls;
  }
  // Groups.
  for (Section& s : secs_) {
    if (!s.group) continue;
    std::string_view g(c_.syms.str(s.group));
    SymIdx gs = sym_lookup(g);
    ObjSymId sig = obj_sym(gs);
    ObjGroupId gid = OBJ_GROUP_NONE;
    for (u32 i = 1; i <= ob_.num_groups(); i++)
      if (ob_.group_get(i).signature == sig) gid = i;
    if (!gid) gid = ob_.group(sig, s.comdat ? 1 : 0);
    ob_.group_add(gid, s.id);
  }
  return !errors_;
}

}  // namespace cfree::as
