// elf_dyn.cpp: decode dynamic symbols, symbol versions and dynamic
// relocations of a linked image (see elf_dyn.h).
#include "obj/elf_dyn.h"

#include "obj/elf.h"

namespace cfree {

namespace {

// Bounds-checked access to one section's bytes.
struct Bytes {
  std::vector<u8> v;
  bool has(u64 off, u64 n) const { return off <= v.size() && n <= v.size() - off; }
  u16 u16at(u64 off) const { return has(off, 2) ? elf::get16(&v[off]) : 0; }
  u32 u32at(u64 off) const { return has(off, 4) ? elf::get32(&v[off]) : 0; }
  u64 u64at(u64 off) const { return has(off, 8) ? elf::get64(&v[off]) : 0; }
  std::string str(u64 off) const {
    if (off >= v.size()) return "";
    const char* p = reinterpret_cast<const char*>(&v[off]);
    const void* nul = std::memchr(p, 0, v.size() - off);
    return nul ? std::string(p, static_cast<const char*>(nul) - p) : "";
  }
};

ObjSecId find_sem(const ObjBuilder& ob, SecSem sem) {
  for (ObjSecId s = 1; s <= ob.num_sections(); s++)
    if (ob.section_get(s).sem == sem) return s;
  return OBJ_SEC_NONE;
}

// ELF section index (as read) -> ObjSecId.
ObjSecId by_file_index(const ObjBuilder& ob, u32 idx) {
  for (ObjSecId s = 1; s <= ob.num_sections(); s++)
    if (ob.section_get(s).file_index == idx) return s;
  return OBJ_SEC_NONE;
}

}  // namespace

void elf_dynamic_info(const ObjBuilder& ob, DynInfo* out) {
  ObjSecId dynsym = find_sem(ob, SecSem::DynSym);
  if (!dynsym) return;
  ObjSecId dynstr = ob.section_get(dynsym).link;
  Bytes syms{ob.bytes(dynsym)}, strs;
  if (dynstr) strs.v = ob.bytes(dynstr);
  // Version names by index: definitions, then needs.
  std::vector<std::pair<std::string, bool>> vername;  // (name, from verdef)
  auto set_ver = [&](u32 idx, std::string name, bool def) {
    if (idx >= 0x8000) return;
    if (vername.size() <= idx) vername.resize(idx + 1);
    vername[idx] = {std::move(name), def};
  };
  if (ObjSecId vd = find_sem(ob, SecSem::VerDef)) {
    Bytes b{ob.bytes(vd)};
    u64 off = 0;
    for (int guard = 0; guard < 65536 && b.has(off, 20); guard++) {
      u16 ndx = b.u16at(off + 4);
      u32 aux = b.u32at(off + 12), next = b.u32at(off + 16);
      if (b.has(off + aux, 8)) set_ver(ndx, strs.str(b.u32at(off + aux)), true);
      if (!next) break;
      off += next;
    }
  }
  if (ObjSecId vn = find_sem(ob, SecSem::VerNeed)) {
    Bytes b{ob.bytes(vn)};
    u64 off = 0;
    for (int guard = 0; guard < 65536 && b.has(off, 16); guard++) {
      u16 cnt = b.u16at(off + 2);
      u32 aux = b.u32at(off + 8), next = b.u32at(off + 12);
      u64 a = off + aux;
      for (u16 k = 0; k < cnt && b.has(a, 16); k++) {
        set_ver(b.u16at(a + 6), strs.str(b.u32at(a + 8)), false);
        u32 an = b.u32at(a + 12);
        if (!an) break;
        a += an;
      }
      if (!next) break;
      off += next;
    }
  }
  Bytes versym;
  if (ObjSecId vs = find_sem(ob, SecSem::VerSym)) {
    versym.v = ob.bytes(vs);
    out->versioned = true;
  }
  size_t n = syms.v.size() / elf::kSymSize;
  out->syms.resize(n);
  for (size_t i = 1; i < n; i++) {
    u64 o = i * elf::kSymSize;
    DynSymbol& d = out->syms[i];
    d.name = strs.str(syms.u32at(o));
    u8 info = syms.v[o + 4], other = syms.v[o + 5];
    u16 shndx = syms.u16at(o + 6);
    ObjSymbol& s = d.sym;
    s.value = syms.u64at(o + 8);
    s.size = syms.u64at(o + 16);
    switch (info >> 4) {
      case elf::STB_GLOBAL: s.bind = SymBind::Global; break;
      case elf::STB_WEAK: s.bind = SymBind::Weak; break;
      case elf::STB_GNU_UNIQUE: s.bind = SymBind::GnuUnique; break;
      default: s.bind = SymBind::Local; break;
    }
    switch (info & 15) {
      case elf::STT_OBJECT: s.type = SymType::Object; break;
      case elf::STT_FUNC: s.type = SymType::Func; break;
      case elf::STT_SECTION: s.type = SymType::Section; break;
      case elf::STT_FILE: s.type = SymType::File; break;
      case elf::STT_COMMON: s.type = SymType::Common; break;
      case elf::STT_TLS: s.type = SymType::Tls; break;
      case elf::STT_GNU_IFUNC: s.type = SymType::GnuIFunc; break;
      default: s.type = SymType::NoType; break;
    }
    s.vis = static_cast<SymVis>(other & 3);
    s.other = static_cast<u8>(other & ~3u);
    if (shndx == elf::SHN_UNDEF) {
      s.place = SymPlace::Undef;
    } else if (shndx == elf::SHN_ABS || shndx >= elf::SHN_LORESERVE) {
      s.place = SymPlace::Abs;
    } else if (ObjSecId sec = by_file_index(ob, shndx)) {
      s.place = SymPlace::Section;
      s.sec = sec;
      s.value -= ob.section_get(sec).addr;
    } else {
      s.place = SymPlace::Abs;
    }
    if (versym.has(i * 2, 2)) {
      u16 v = versym.u16at(i * 2);
      u16 idx = v & 0x7fff;
      d.hidden = v & 0x8000;
      if (idx == 1) {
        d.version = "Base";
      } else if (idx > 1 && idx < vername.size()) {
        d.version = vername[idx].first;
        d.defined_version = vername[idx].second;
        if (!d.defined_version) d.hidden = true;
      }
    }
  }
  // Dynamic relocations: allocated RELA sections that use .dynsym.
  for (ObjSecId s = 1; s <= ob.num_sections(); s++) {
    const ObjSection& x = ob.section_get(s);
    if (x.sem != SecSem::Rela || !(x.flags & SECF_ALLOC)) continue;
    Bytes b{ob.bytes(s)};
    for (u64 o = 0; b.has(o, elf::kRelaSize); o += elf::kRelaSize) {
      u64 info = b.u64at(o + 8);
      u32 sym = static_cast<u32>(info >> 32);
      out->relocs.push_back(DynReloc{s, b.u64at(o), static_cast<u32>(info), sym < n ? sym : 0,
                                     static_cast<i64>(b.u64at(o + 16))});
    }
  }
}

}  // namespace cfree
