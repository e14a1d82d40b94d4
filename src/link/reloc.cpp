// reloc.cpp: relocation policy and application, generic over RelocKind.
//
// One walk over every relocation of every kept section runs twice: first
// in scan mode, deciding what each reference needs -- a GOT slot, a PLT
// entry, a copy relocation, a canonical PLT address, a dynamic relocation
// or a TLS model change -- and then in apply mode, writing the values.
// Sharing the walk keeps the two passes from disagreeing.  The rules are
// the x86-64 psABI's (§4.4 relocation types, §5.2 PLT, the TLS ABI's
// "ELF Handling For Thread-Local Storage" §4.3/§5 for models and
// relaxations) and GNU ld's policy:
//   - a preemptible symbol (one a shared library defines, or any default-
//     visibility global of a shared output) is reached through the GOT/PLT;
//     an executable's absolute or PC-relative reference to one gets a
//     canonical PLT entry (functions) or a copy relocation (data);
//   - GOTPCRELX loads of non-preemptible symbols become LEA, calls and
//     jumps through the GOT become direct;
//   - in executables, GD and LD TLS accesses become LE (or IE for symbols
//     from shared libraries) and IE becomes LE;
//   - position-independent outputs turn absolute 64-bit addresses into
//     R_X86_64_RELATIVE and reject 32-bit absolute ones.
#include "link/impl.h"
#include "obj/elf.h"

#include <cstdio>
#include <unordered_set>

namespace cfree {

using namespace elf;
using K = RelocKind;

namespace {

bool is_tls_kind(K k) {
  switch (k) {
    case K::TlsGd: case K::TlsLd: case K::DtpOff32: case K::DtpOff64: case K::GotTpOff:
    case K::TpOff32: case K::TpOff64: case K::GotPc32TlsDesc: case K::TlsDescCall:
      return true;
    default:
      return false;
  }
}

}  // namespace

bool LinkerImpl::preemptible(const Symbol& s) const {
  switch (s.state) {
    case Symbol::Shared: return !(s.flags & (NEEDS_COPY));
    case Symbol::Undef:
      return opts.output == LinkOutput::Shared && dynamic();
    case Symbol::Defined:
    case Symbol::Common:
      return opts.output == LinkOutput::Shared && s.vis == 0;
    case Symbol::Linker: return false;
  }
  return false;
}

u32 LinkerImpl::local_got(u32 file, u32 osym, u8 kind, bool* fresh) {
  u64 key = ((u64(file) << 32 | osym) << 2) | kind;
  auto it = local_got_map.find(key);
  *fresh = it == local_got_map.end();
  if (!*fresh) return it->second;
  u32 slot = got_count;
  got_count += kind == 2 ? 2 : 1;
  local_got_map.emplace(key, slot);
  local_gots.push_back(LocalGot{file, osym, slot, kind});
  return slot;
}

// The shared walk: mode 0 scans, mode 1 applies.
namespace {

struct Walker {
  LinkerImpl& L;
  bool apply;
  std::unordered_set<u32> reported;

  void error_at(u32 fi, u32 sec, const ObjReloc& r, const char* fmt, const char* sym) {
    char msg[512];
    std::snprintf(msg, sizeof msg, fmt, sym);
    L.c.error(0, "%s: %s", L.where(fi, sec, r.offset).c_str(), msg);
  }

  // The function containing an offset, for "in function" diagnostics.
  std::string func_at(const InFile& f, u32 sec, u64 off) {
    const ObjBuilder& o = *f.ob;
    const char* best = nullptr;
    u64 best_v = 0;
    for (ObjSymId id = 1; id <= o.num_symbols(); id++) {
      const ObjSymbol& s = o.symbol_get(id);
      if (s.type != SymType::Func || s.place != SymPlace::Section || s.sec != sec) continue;
      if (s.value <= off && (!best || s.value >= best_v)) {
        best = o.symbol_name(id);
        best_v = s.value;
      }
    }
    return best ? best : "";
  }

  void undefined(u32 fi, u32 sec, const ObjReloc& r, u32 gi) {
    if (apply || !reported.insert(gi).second) return;
    const InFile& f = L.files[fi];
    std::string fn = func_at(f, sec, r.offset);
    char off[32];
    std::snprintf(off, sizeof off, "+0x%llx", static_cast<unsigned long long>(r.offset));
    if (!fn.empty())
      L.c.error(0, "%s: in function '%s': (%s%s): undefined reference to '%s'", f.name.c_str(),
                fn.c_str(), f.ob->section_name(sec), off, L.str(L.syms[gi].name));
    else
      L.c.error(0, "%s:(%s%s): undefined reference to '%s'", f.name.c_str(), f.ob->section_name(sec),
                off, L.str(L.syms[gi].name));
  }

  void run() {
    for (u32 fi = 0; fi < L.files.size(); fi++) {
      InFile& f = L.files[fi];
      if (f.kind != InFile::Obj) continue;
      for (ObjSecId s = 1; s <= f.ob->num_sections(); s++) {
        if (!f.out[s]) continue;
        section(fi, s);
      }
    }
  }

  void section(u32 fi, u32 s);
};

void Walker::section(u32 fi, u32 s) {
  InFile& f = L.files[fi];
  ObjBuilder& o = *f.ob;
  const ObjSection& isec = o.section_get(s);
  bool alloc = isec.flags & SECF_ALLOC;
  bool writable = isec.flags & SECF_WRITE;
  OutSec& out = L.outs[f.out[s]];
  u64 sec_addr = out.addr + f.off[s];
  u8* data = apply && out.type != SHT_NOBITS ? out.data.data() + f.off[s] : nullptr;
  std::span<const ObjReloc> rels = o.relocs(s);
  bool is_ehframe = !std::strcmp(o.section_name(s), ".eh_frame");
  const bool exe = L.opts.output != LinkOutput::Shared;
  bool skip_next = false;
  for (size_t ri = 0; ri < rels.size(); ri++) {
    const ObjReloc& r = rels[ri];
    if (skip_next) {
      skip_next = false;
      continue;
    }
    if (r.kind == K::None) continue;
    u32 gi = r.sym ? L.gsym_of(f, r.sym) : 0;
    Symbol* g = gi ? &L.syms[gi] : nullptr;
    const ObjSymbol* os = r.sym ? &o.symbol_get(r.sym) : nullptr;
    // Relocations against discarded sections: tombstones (debug info) or
    // an error (allocated code referring to a discarded COMDAT member).
    bool dead_target = !g && os && os->place == SymPlace::Section && !f.out[os->sec];
    if (dead_target) {
      if (apply && data && r.offset + 4 <= isec.size) {
        // Non-allocated sections: 0 (or 1 for .debug_ranges/.debug_loc as
        // GNU ld does, so the entry does not end the list).
        const char* n = o.section_name(s);
        u64 tomb = !alloc && (!std::strcmp(n, ".debug_ranges") || !std::strcmp(n, ".debug_loc")) ? 1 : 0;
        unsigned w = r.kind == K::Abs64 || r.kind == K::Pc64 || r.kind == K::DtpOff64 ? 8 : 4;
        for (unsigned i = 0; i < w && r.offset + i < isec.size; i++)
          data[r.offset + i] = static_cast<u8>(tomb >> (8 * i));
      }
      continue;
    }
    if (g && g->state == Symbol::Undef && os && os->bind != SymBind::Weak && alloc) {
      bool allowed = !exe && L.opts.allow_undefined;
      if (!exe) allowed = true;  // GNU ld: shared objects may leave symbols undefined
      if (!allowed) {
        undefined(fi, s, r, gi);
        continue;
      }
    }
    bool pre = g && L.preemptible(*g);
    bool is_func = g && (g->type == STT_FUNC || g->type == STT_GNU_IFUNC);
    bool undef_weak = g && g->state == Symbol::Undef;
    bool absolute = undef_weak || (!g && os && os->place == SymPlace::Abs) ||
                    (g && g->state == Symbol::Defined &&
                     L.files[g->file - 1].ob->symbol_get(g->osym).place == SymPlace::Abs);
    const char* sname = g ? L.str(g->name) : (os && os->name ? o.symbol_name(r.sym)
                                                   : os && os->place == SymPlace::Section ? o.section_name(os->sec) : "");
    const u64 P = sec_addr + r.offset;
    const i64 A = r.addend;
    u8* loc = data ? data + r.offset : nullptr;
    auto S = [&]() -> u64 { return r.sym ? L.sym_addr(f, r.sym) : 0; };
    auto w32 = [&](u64 v, bool sign, const char* kind) {
      if (!loc) return;
      i64 sv = static_cast<i64>(v);
      bool ok = sign ? (sv >= INT32_MIN && sv <= INT32_MAX) : (v <= 0xffffffffull);
      if (!ok) {
        char m[256];
        std::snprintf(m, sizeof m, "relocation truncated to fit: %s against '%%s'", kind);
        error_at(fi, s, r, m, sname);
      }
      put32(loc, static_cast<u32>(v));
    };
    auto need_dynsym = [&]() {
      if (g) g->flags |= g->state == Symbol::Shared || g->state == Symbol::Undef ? IMPORT : EXPORT;
    };
    // References from an executable to data/functions in shared libraries
    // through non-GOT relocations: copy relocations or canonical PLT.
    auto direct_ref_to_shared = [&]() -> bool {
      if (!g || g->state != Symbol::Shared) return false;
      if (!exe) return false;
      if (!apply) {
        if (is_func) {
          if (!(g->flags & NEEDS_PLT)) {
            g->flags |= NEEDS_PLT;
            g->plt = L.plt_count++;
            L.plt_syms.push_back(gi);
          }
          g->flags |= CANON_PLT;
        } else {
          g->flags |= NEEDS_COPY;
        }
      }
      return true;
    };
    switch (r.kind) {
      case K::Abs64: {
        if (!alloc) {
          if (loc) put64(loc, S() + A);
          break;
        }
        if (g && (pre || g->state == Symbol::Shared)) {
          if (!writable && exe && direct_ref_to_shared()) {
            if (loc) put64(loc, L.gsym_addr(*g) + A);
            break;
          }
          if (!apply) {
            need_dynsym();
            L.ndynrel++;
            if (!writable) L.textrel = true;
          } else {
            L.dynrels.push_back(DynRel{P, x86_64::R_64, gi, A});
            if (loc) put64(loc, 0);
          }
          break;
        }
        if (L.pic() && !absolute && L.dynamic()) {
          if (!apply) {
            L.ndynrel++;
            if (!writable) L.textrel = true;
          } else {
            L.dynrels.push_back(DynRel{P, x86_64::R_RELATIVE, 0, static_cast<i64>(S() + A)});
          }
        }
        if (loc) put64(loc, S() + A);
        break;
      }
      case K::Abs32: case K::Abs32S: case K::Abs16: case K::Abs8: {
        if (!alloc) {
          if (loc) {
            u64 v = S() + A;
            if (r.kind == K::Abs16) put16(loc, static_cast<u16>(v));
            else if (r.kind == K::Abs8) *loc = static_cast<u8>(v);
            else put32(loc, static_cast<u32>(v));
          }
          break;
        }
        if (g && g->state == Symbol::Shared && !direct_ref_to_shared()) {
          if (!apply) error_at(fi, s, r, "relocation against symbol '%s' can not be used when making a shared object; recompile with -fPIC", sname);
          break;
        }
        if (pre && g->state != Symbol::Shared) {
          if (!apply) error_at(fi, s, r, "relocation against symbol '%s' can not be used when making a shared object; recompile with -fPIC", sname);
          break;
        }
        if (L.pic() && !absolute) {
          if (!apply)
            error_at(fi, s, r, L.opts.output == LinkOutput::Pie
                                   ? "relocation R_X86_64_32 against '%s' can not be used when making a PIE object; recompile with -fPIE"
                                   : "relocation R_X86_64_32 against '%s' can not be used when making a shared object; recompile with -fPIC",
                     sname);
          break;
        }
        u64 v = (g ? L.gsym_addr(*g) : S()) + A;
        if (r.kind == K::Abs16) { if (loc) put16(loc, static_cast<u16>(v)); }
        else if (r.kind == K::Abs8) { if (loc) *loc = static_cast<u8>(v); }
        else w32(v, r.kind == K::Abs32S, r.kind == K::Abs32S ? "R_X86_64_32S" : "R_X86_64_32");
        break;
      }
      case K::Pc8: case K::Pc16: case K::Pc32: case K::Pc64: {
        if (g && g->state == Symbol::Shared && !is_ehframe) {
          if (!direct_ref_to_shared()) {
            if (!apply) error_at(fi, s, r, "relocation R_X86_64_PC32 against symbol '%s' can not be used when making a shared object; recompile with -fPIC", sname);
            break;
          }
        } else if (pre && !is_ehframe) {
          if (!apply) error_at(fi, s, r, "relocation R_X86_64_PC32 against symbol '%s' can not be used when making a shared object; recompile with -fPIC", sname);
          break;
        }
        if (!loc) break;
        u64 v = (g ? L.gsym_addr(*g) : S()) + A - P;
        if (r.kind == K::Pc64) put64(loc, v);
        else if (r.kind == K::Pc16) put16(loc, static_cast<u16>(v));
        else if (r.kind == K::Pc8) *loc = static_cast<u8>(v);
        else w32(v, true, "R_X86_64_PC32");
        break;
      }
      case K::Plt32: case K::Plt64: {
        if (g && (pre || g->state == Symbol::Shared)) {
          if (!apply) {
            if (!(g->flags & NEEDS_PLT)) {
              g->flags |= NEEDS_PLT;
              g->plt = L.plt_count++;
              L.plt_syms.push_back(gi);
            }
            need_dynsym();
          } else if (loc) {
            u64 v = L.plt_addr(g->plt) + A - P;
            if (r.kind == K::Plt64) put64(loc, v); else w32(v, true, "R_X86_64_PLT32");
          }
          break;
        }
        if (!loc) break;
        u64 v = (g ? L.gsym_addr(*g) : S()) + A - P;
        if (r.kind == K::Plt64) put64(loc, v); else w32(v, true, "R_X86_64_PLT32");
        break;
      }
      case K::GotPcRel: case K::GotPcRelX: case K::RexGotPcRelX: case K::Got32: case K::Got64: {
        bool pcrel = r.kind == K::GotPcRel || r.kind == K::GotPcRelX || r.kind == K::RexGotPcRelX;
        bool relaxable = (r.kind == K::GotPcRelX || r.kind == K::RexGotPcRelX) && !pre &&
                         !(g && g->state == Symbol::Shared) && !absolute && r.offset >= 2 && A == -4;
        if (relaxable) {
          std::vector<u8> b(2);
          o.read(s, r.offset - 2, b.data(), 2);
          relaxable = b[1] == 0x8b || (b[0] == 0xff && (b[1] == 0x15 || b[1] == 0x25));
        }
        if (relaxable) {
          if (loc) {
            x86_64::relax_gotpcrelx(data, r.offset, r.kind == K::RexGotPcRelX);
            w32((g ? L.gsym_addr(*g) : S()) + A - P, true, "R_X86_64_GOTPCRELX");
          }
          break;
        }
        u32 slot;
        if (g) {
          if (!apply && g->got == ~0u) {
            g->got = L.got_count++;
            g->flags |= NEEDS_GOT;
            if (pre || g->state == Symbol::Shared) {
              need_dynsym();
              if (L.dynamic()) L.ndynrel++;
            } else if (L.pic() && !absolute && L.dynamic()) {
              L.ndynrel++;
            }
          }
          slot = g->got;
        } else {
          bool fresh;
          slot = L.local_got(fi, r.sym, 0, &fresh);
          if (!apply && fresh && L.pic() && !absolute && L.dynamic()) L.ndynrel++;
        }
        if (!apply || !loc) break;
        u64 gaddr = L.got_addr(slot);
        u64 gotbase = L.outs[L.o_gotplt].addr;
        if (pcrel) w32(gaddr + A - P, true, "R_X86_64_GOTPCREL");
        else if (r.kind == K::Got64) put64(loc, gaddr - gotbase + A);
        else w32(gaddr - gotbase + A, true, "R_X86_64_GOT32");
        break;
      }
      case K::GotOff64:
        if (loc) put64(loc, (g ? L.gsym_addr(*g) : S()) + A - L.outs[L.o_gotplt].addr);
        break;
      case K::GotPc32:
        if (loc) w32(L.outs[L.o_gotplt].addr + A - P, true, "R_X86_64_GOTPC32");
        break;
      case K::GotPc64:
        if (loc) put64(loc, L.outs[L.o_gotplt].addr + A - P);
        break;
      case K::PltOff64:
        if (loc) put64(loc, (g && (g->flags & NEEDS_PLT) ? L.plt_addr(g->plt) : (g ? L.gsym_addr(*g) : S())) + A - L.outs[L.o_gotplt].addr);
        break;
      case K::Size32: case K::Size64: {
        u64 z = g ? g->size : os ? os->size : 0;
        if (loc) {
          if (r.kind == K::Size64) put64(loc, z + A); else put32(loc, static_cast<u32>(z + A));
        }
        break;
      }
      case K::TlsGd: {
        if (exe) {
          // GD -> LE (or IE for a symbol from a shared library).  The next
          // relocation is the call to __tls_get_addr.
          skip_next = true;
          if (g && g->state == Symbol::Shared) {
            if (!apply && g->gottp == ~0u) {
              g->gottp = L.got_count++;
              g->flags |= NEEDS_GOTTP;
              need_dynsym();
              L.ndynrel++;
            }
            if (loc) {
              if (!x86_64::relax_gd_to_ie(data, r.offset, isec.size)) error_at(fi, s, r, "unsupported TLS GD sequence for '%s'", sname);
              // The GOT-relative field is now at r.offset + 8.
              put32(data + r.offset + 8, static_cast<u32>(L.got_addr(g->gottp) - (P + 12)));
            }
          } else if (loc) {
            if (!x86_64::relax_gd_to_le(data, r.offset, isec.size)) error_at(fi, s, r, "unsupported TLS GD sequence for '%s'", sname);
            put32(data + r.offset + 8, static_cast<u32>(L.tp_offset((g ? L.gsym_addr(*g) : S()) + A + 4)));
          }
          break;
        }
        u32 slot;
        if (g) {
          if (!apply && g->gd == ~0u) {
            g->gd = L.got_count;
            L.got_count += 2;
            g->flags |= NEEDS_TLSGD;
            if (pre) need_dynsym();
            L.ndynrel += pre ? 2 : 1;
          }
          slot = g->gd;
        } else {
          bool fresh;
          slot = L.local_got(fi, r.sym, 2, &fresh);
          if (!apply && fresh) L.ndynrel++;
        }
        if (loc) w32(L.got_addr(slot) + A - P, true, "R_X86_64_TLSGD");
        break;
      }
      case K::TlsLd:
        if (exe) {
          skip_next = true;
          if (loc && !x86_64::relax_ld_to_le(data, r.offset, isec.size))
            error_at(fi, s, r, "unsupported TLS LD sequence for '%s'", sname);
          break;
        }
        if (!apply && L.tlsld_got == ~0u) {
          L.tlsld_got = L.got_count;
          L.got_count += 2;
          L.ndynrel++;
        }
        if (loc) w32(L.got_addr(L.tlsld_got) + A - P, true, "R_X86_64_TLSLD");
        break;
      case K::DtpOff32: case K::DtpOff64: {
        if (!loc) break;
        u64 addr = (g ? L.gsym_addr(*g) : S()) + A;
        u64 v = exe && alloc ? L.tp_offset(addr) : L.dtp_offset(addr);
        if (r.kind == K::DtpOff64) put64(loc, v); else put32(loc, static_cast<u32>(v));
        break;
      }
      case K::GotTpOff: {
        if (exe && !(g && g->state == Symbol::Shared)) {
          if (loc) {
            if (!x86_64::relax_ie_to_le(data, r.offset)) error_at(fi, s, r, "unsupported TLS IE sequence for '%s'", sname);
            put32(loc, static_cast<u32>(L.tp_offset(g ? L.gsym_addr(*g) : S())));
          }
          break;
        }
        u32 slot;
        if (g) {
          if (!apply && g->gottp == ~0u) {
            g->gottp = L.got_count++;
            g->flags |= NEEDS_GOTTP;
            if (pre || g->state == Symbol::Shared) need_dynsym();
            if (L.dynamic()) L.ndynrel++;
          }
          slot = g->gottp;
        } else {
          bool fresh;
          slot = L.local_got(fi, r.sym, 1, &fresh);
          if (!apply && fresh && L.dynamic() && !exe) L.ndynrel++;
        }
        if (loc) w32(L.got_addr(slot) + A - P, true, "R_X86_64_GOTTPOFF");
        break;
      }
      case K::TpOff32: case K::TpOff64: {
        if (!exe) {
          if (!apply) error_at(fi, s, r, "relocation R_X86_64_TPOFF32 against '%s' can not be used when making a shared object; recompile with -fPIC", sname);
          break;
        }
        if (!loc) break;
        u64 v = L.tp_offset((g ? L.gsym_addr(*g) : S()) + A);
        if (r.kind == K::TpOff64) put64(loc, v); else w32(v, true, "R_X86_64_TPOFF32");
        break;
      }
      case K::GotPc32TlsDesc: case K::TlsDescCall: {
        if (!exe) {
          if (!apply) error_at(fi, s, r, "TLS descriptors in shared objects are not supported yet ('%s'); use -mtls-dialect=gnu", sname);
          break;
        }
        if (g && g->state == Symbol::Shared) {
          if (!apply && g->gottp == ~0u) {
            g->gottp = L.got_count++;
            g->flags |= NEEDS_GOTTP;
            need_dynsym();
            L.ndynrel++;
          }
          if (loc) {
            if (r.kind == K::GotPc32TlsDesc) {
              x86_64::relax_tlsdesc_to_ie(data, r.offset);
              w32(L.got_addr(g->gottp) + A - P, true, "R_X86_64_GOTPC32_TLSDESC");
            } else {
              loc[0] = 0x66;
              loc[1] = 0x90;
            }
          }
          break;
        }
        if (!loc) break;
        if (r.kind == K::GotPc32TlsDesc) {
          x86_64::relax_tlsdesc_to_le(data, r.offset);
          put32(loc, static_cast<u32>(L.tp_offset(g ? L.gsym_addr(*g) : S())));
        } else {
          loc[0] = 0x66;
          loc[1] = 0x90;
        }
        break;
      }
      default:
        if (!apply) {
          const char* rn = reloc_name(L.c.target.arch, r.type);
          char m[128];
          std::snprintf(m, sizeof m, "unsupported relocation %s (%u) against '%%s'", rn ? rn : "?", r.type);
          error_at(fi, s, r, m, sname);
        }
        break;
    }
    (void)is_tls_kind;
  }
}

}  // namespace

void LinkerImpl::scan_relocs() {
  Walker w{*this, false, {}};
  w.run();
  // Copy relocations: space in .bss, shared by aliases (other names for the
  // same address in the same library).
  std::vector<u32> todo;
  for (u32 i = 1; i < syms.size(); i++)
    if (syms[i].flags & NEEDS_COPY) todo.push_back(i);
  for (u32 i : todo) {
    Symbol& s = syms[i];
    if (s.lout) continue;
    const DsoSym& d = files[s.file - 1].dsyms[s.osym];
    if (!o_bss) o_bss = out_for(S(".bss"), SHT_NOBITS, SECF_ALLOC | SECF_WRITE, 50);
    OutSec& b = outs[o_bss];
    u64 align = d.value ? (d.value & (~d.value + 1)) : 8;
    if (align > 64) align = 64;
    u64 off = align_up(b.size, align);
    b.size = off + (d.size ? d.size : 1);
    if (align > b.align) b.align = align;
    for (u32 k = 1; k < syms.size(); k++) {
      Symbol& t = syms[k];
      if (t.state != Symbol::Shared || t.file != s.file) continue;
      const DsoSym& td = files[t.file - 1].dsyms[t.osym];
      if (td.value != d.value || (td.type != STT_OBJECT && td.type != STT_NOTYPE)) continue;
      t.flags |= NEEDS_COPY;
      t.lout = o_bss;
      t.loff = off;
      if (k == i || t.referenced || t.dso_ref) copies.push_back(k);
    }
    ndynrel++;  // one R_X86_64_COPY per copied object
  }
  if (has_dso_handle && opts.output == LinkOutput::Shared) ndynrel++;
}

void LinkerImpl::apply_relocs() {
  Walker w{*this, true, {}};
  w.run();
}

// ---- Section contents ------------------------------------------------------

void LinkerImpl::copy_sections() {
  for (u32 oi = 1; oi < outs.size(); oi++) {
    OutSec& o = outs[oi];
    if (o.synthetic || o.type == SHT_NOBITS) continue;
    o.data.assign(o.size, 0);
    for (const Piece& p : o.pieces) {
      if (p.file == ~0u) continue;
      const InFile& f = files[p.file];
      if (!f.ob->has_bytes(p.sec)) continue;
      u64 at = p.off;
      f.ob->for_each_chunk(p.sec, [&](const u8* d, size_t n) {
        std::memcpy(o.data.data() + at, d, n);
        at += n;
      });
    }
    // Executable padding: int3 would be nicer, but GNU ld uses nop/zero; we
    // leave zeros.
  }
  if (has_dso_handle) {
    u32 gi = find_sym(S("__dso_handle"));
    Symbol& s = syms[gi];
    u64 addr = gsym_addr(s);
    if (opts.output == LinkOutput::Shared) {
      put64(outs[s.lout].data.data() + s.loff, addr);
      dynrels.push_back(DynRel{addr, x86_64::R_RELATIVE, 0, static_cast<i64>(addr)});
    }
  }
}

}  // namespace cfree
