// input.cpp: linker inputs and symbol resolution, in command-line order.
//
// GNU ld's rules (ld manual, "Options": -( archives -), --whole-archive,
// --as-needed; gABI "Symbol Table" for binding precedence):
//   - a strong definition beats a weak one and a COMMON; two strong ones are
//     "multiple definition" errors; COMMONs merge to the largest size;
//   - an archive member is loaded only for a symbol undefined (by a
//     non-weak reference) when the archive is scanned; a group is rescanned
//     until no member is added;
//   - the first COMDAT group of a signature wins; the sections of later
//     ones are discarded and symbols defined in them resolve to the winner;
//   - a shared library defines what no regular object defines; it is
//     DT_NEEDED unless --as-needed and nothing binds to it.
// Shared libraries are read straight from their .dynsym, .gnu.version,
// .gnu.version_d and .dynamic (DT_SONAME); only default versions bind.
#include "link/impl.h"
#include "obj/elf.h"

#include <cstdio>

namespace cfree {

using namespace elf;

LinkerImpl::LinkerImpl(Compiler& cc, const LinkOptions& o) : c(cc), opts(o) {
  syms.emplace_back();
  outs.emplace_back();
  for (const std::string& u : opts.undefined) {
    Symbol& s = syms[intern_sym(c.syms.intern(u.c_str()))];
    s.referenced = s.strong_ref = true;
  }
}

u32 LinkerImpl::intern_sym(Sym name) {
  auto it = symtab.find(name);
  if (it != symtab.end()) return it->second;
  u32 id = static_cast<u32>(syms.size());
  syms.emplace_back();
  syms.back().name = name;
  symtab.emplace(name, id);
  return id;
}

u32 LinkerImpl::find_sym(Sym name) const {
  auto it = symtab.find(name);
  return it == symtab.end() ? 0 : it->second;
}

std::string LinkerImpl::where(u32 file, u32 sec, u64 off) const {
  const InFile& f = files[file];
  char buf[64];
  std::snprintf(buf, sizeof buf, "+0x%llx", static_cast<unsigned long long>(off));
  std::string s = f.name + ":(";
  s += sec ? f.ob->section_name(sec) : "*ABS*";
  s += buf;
  s += ")";
  return s;
}

bool LinkerImpl::add_object(std::unique_ptr<ObjBuilder> ob, const std::string& name) {
  if (ob->file_type() != ObjFileType::Rel) {
    c.error(0, "%s: not a relocatable object", name.c_str());
    return false;
  }
  u32 fi = static_cast<u32>(files.size());
  files.emplace_back();
  InFile& f = files.back();
  f.kind = InFile::Obj;
  f.name = name;
  f.ob = std::move(ob);
  ObjBuilder& o = *f.ob;
  u32 nsec = o.num_sections() + 1;
  f.discarded.assign(nsec, 0);
  f.live.assign(nsec, 1);
  f.out.assign(nsec, 0);
  f.off.assign(nsec, 0);
  // COMDAT groups: the first signature wins.
  for (ObjGroupId g = 1; g <= o.num_groups(); g++) {
    const ObjGroup& grp = o.group_get(g);
    if (!(grp.flags & 1)) continue;
    Sym sig = grp.signature ? o.symbol_get(grp.signature).name : 0;
    if (!sig) continue;
    auto [it, fresh] = comdats.emplace(sig, fi + 1);
    if (!fresh)
      for (ObjSecId s : grp.members) f.discarded[s] = 1;
  }
  for (ObjSecId s = 1; s < nsec; s++) {
    const ObjSection& sec = o.section_get(s);
    if ((sec.flags & SECF_EXCLUDE) || sec.raw_type == 0x6fff4c03 /* SHT_LLVM_ADDRSIG */)
      f.discarded[s] = 1;
  }
  f.symmap.assign(o.num_symbols() + 1, 0);
  for (ObjSymId id = 1; id <= o.num_symbols(); id++) {
    const ObjSymbol& os = o.symbol_get(id);
    if (os.bind == SymBind::Local || !os.name) continue;
    u32 gi = intern_sym(os.name);
    f.symmap[id] = gi;
    Symbol& s = syms[gi];
    if (os.vis != SymVis::Default) {
      u8 v = static_cast<u8>(os.vis);
      // Most constraining: internal(1) < hidden(2) < protected(3) < default(0).
      if (!s.vis || v < s.vis) s.vis = v;
    }
    bool weak = os.bind == SymBind::Weak;
    bool undef = os.place == SymPlace::Undef ||
                 (os.place == SymPlace::Section && f.discarded[os.sec]);
    if (undef) {
      s.referenced = true;
      if (!weak) s.strong_ref = true;
      if (!s.ref_file) s.ref_file = fi + 1;
      continue;
    }
    u8 stt = elf::st_type_of(os.type);
    if (os.place == SymPlace::Common) {
      if (s.state == Symbol::Common) {
        if (os.size > s.size) s.size = os.size;
        if (os.value > s.align) s.align = os.value;
      } else if (s.state == Symbol::Undef || s.state == Symbol::Shared ||
                 (s.state == Symbol::Defined && s.weak_def)) {
        s.state = Symbol::Common;
        s.file = fi + 1;
        s.osym = id;
        s.size = os.size;
        s.align = os.value ? os.value : 1;
        s.type = STT_OBJECT;
        s.weak_def = false;
      }
      continue;
    }
    if (s.state == Symbol::Defined) {
      if (weak || !s.weak_def) {
        if (!weak && !s.weak_def) {
          const InFile& prev = files[s.file - 1];
          const ObjSymbol& ps = prev.ob->symbol_get(s.osym);
          c.error(0, "%s: multiple definition of '%s'; %s: first defined here",
                  where(fi, os.place == SymPlace::Section ? os.sec : 0, os.value).c_str(),
                  str(os.name),
                  where(s.file - 1, ps.place == SymPlace::Section ? ps.sec : 0, ps.value).c_str());
        }
        continue;
      }
    } else if (s.state == Symbol::Common && weak) {
      continue;  // a COMMON beats a weak definition
    }
    s.state = Symbol::Defined;
    s.weak_def = weak;
    s.file = fi + 1;
    s.osym = id;
    s.type = stt;
    s.size = os.size;
  }
  return true;
}

bool LinkerImpl::add_object_bytes(const std::string& name, const u8* d, size_t n) {
  auto ob = std::make_unique<ObjBuilder>(c, c.target);
  if (!elf_read(*ob, name.c_str(), d, n)) return false;
  return add_object(std::move(ob), name);
}

bool LinkerImpl::scan_archive(ArchiveIn& a) {
  bool any = false;
  for (bool changed = true; changed;) {
    changed = false;
    for (size_t i = 0; i < a.ar.symbols.size(); i++) {
      u32 m = a.sym_member[i];
      if (a.loaded[m]) continue;
      const std::string_view nm = a.ar.symbols[i].name;
      u32 gi = find_sym(c.syms.intern(nm.data(), nm.size()));
      if (!gi) continue;
      const Symbol& s = syms[gi];
      if (s.state != Symbol::Undef || !s.strong_ref) continue;
      a.loaded[m] = 1;
      const ArMember& mem = a.ar.members[m];
      std::string mname = a.name + "(" + std::string(mem.name) + ")";
      if (!add_object_bytes(mname, mem.data, mem.size)) return false;
      changed = any = true;
    }
  }
  return any;
}

bool LinkerImpl::add_archive_bytes(const std::string& name, const u8* d, size_t n, bool whole) {
  auto a = std::make_unique<ArchiveIn>();
  a->name = name;
  a->bytes.assign(d, d + n);
  if (!ar_read(c, name.c_str(), a->bytes.data(), a->bytes.size(), &a->ar)) return false;
  a->loaded.assign(a->ar.members.size(), 0);
  std::unordered_map<u64, u32> by_off;
  for (u32 i = 0; i < a->ar.members.size(); i++) by_off[a->ar.members[i].header_offset] = i;
  for (const ArSymbol& s : a->ar.symbols) {
    auto it = by_off.find(s.header_offset);
    a->sym_member.push_back(it == by_off.end() ? 0 : it->second);
  }
  if (whole) {
    for (u32 i = 0; i < a->ar.members.size(); i++) {
      const ArMember& mem = a->ar.members[i];
      a->loaded[i] = 1;
      if (!add_object_bytes(name + "(" + std::string(mem.name) + ")", mem.data, mem.size))
        return false;
    }
  } else {
    if (!a->ar.has_index && !a->ar.members.empty()) {
      c.error(0, "%s: error adding symbols: archive has no index; run ranlib to add one",
              name.c_str());
      return false;
    }
    if (c.diags.errors() == 0) scan_archive(*a);
  }
  if (in_group_) group_.push_back(a.get());
  archives.push_back(std::move(a));
  return c.diags.errors() == 0;
}

void LinkerImpl::group_end() {
  in_group_ = false;
  for (bool changed = true; changed && c.diags.errors() == 0;) {
    changed = false;
    for (ArchiveIn* a : group_)
      if (scan_archive(*a)) changed = true;
  }
  group_.clear();
}

bool LinkerImpl::add_shared_bytes(const std::string& name, const u8* d, size_t n, bool as_needed) {
  auto bad = [&](const char* what) {
    c.error(0, "%s: malformed shared library: %s", name.c_str(), what);
    return false;
  };
  if (n < kEhdrSize || std::memcmp(d, "\x7f" "ELF", 4) || d[4] != 2 || d[5] != 1)
    return bad("not a 64-bit little-endian ELF file");
  if (get16(d + 16) != ET_DYN) return bad("not a shared object");
  if (arch_of(get16(d + 18)) != c.target.arch) {
    c.error(0, "%s: incompatible with the target (machine %u)", name.c_str(), get16(d + 18));
    return false;
  }
  u64 shoff = get64(d + 40);
  u32 shnum = get16(d + 60);
  if (get16(d + 58) != kShdrSize || shoff > n || shnum > (n - shoff) / kShdrSize)
    return bad("section header table out of range");
  std::vector<Shdr> sh(shnum);
  for (u32 i = 0; i < shnum; i++) {
    sh[i] = read_shdr(d + shoff + u64(i) * kShdrSize);
    if (sh[i].type != SHT_NOBITS && (sh[i].offset > n || sh[i].size > n - sh[i].offset))
      return bad("section contents out of range");
  }
  auto strz = [&](u32 strsec, u64 off) -> const char* {
    if (strsec >= shnum || off >= sh[strsec].size) return nullptr;
    const char* p = reinterpret_cast<const char*>(d + sh[strsec].offset + off);
    return std::memchr(p, 0, static_cast<size_t>(sh[strsec].size - off)) ? p : nullptr;
  };
  u32 dynsym = 0, versym = 0, verdef = 0, dyn = 0;
  for (u32 i = 1; i < shnum; i++) {
    if (sh[i].type == SHT_DYNSYM) dynsym = i;
    if (sh[i].type == SHT_GNU_VERSYM) versym = i;
    if (sh[i].type == SHT_GNU_VERDEF) verdef = i;
    if (sh[i].type == SHT_DYNAMIC) dyn = i;
  }
  u32 fi = static_cast<u32>(files.size());
  files.emplace_back();
  InFile& f = files.back();
  f.kind = InFile::Dso;
  f.name = name;
  f.as_needed = as_needed;
  size_t slash = name.rfind('/');
  f.soname = slash == std::string::npos ? name : name.substr(slash + 1);
  if (dyn) {
    for (u64 k = 0; k + 16 <= sh[dyn].size; k += 16) {
      u64 tag = get64(d + sh[dyn].offset + k), val = get64(d + sh[dyn].offset + k + 8);
      if (tag == 0) break;
      if (tag == 14 /* DT_SONAME */)
        if (const char* s = strz(sh[dyn].link, val)) f.soname = s;
    }
  }
  // Version definitions: index -> name.
  std::vector<Sym> vernames;
  if (verdef) {
    u64 p = sh[verdef].offset, end = sh[verdef].offset + sh[verdef].size;
    for (u32 guard = 0; p + 20 <= end && guard < 65536; guard++) {
      u16 ndx = get16(d + p + 4);
      u32 aux = get32(d + p + 12), next = get32(d + p + 16);
      if (p + aux + 8 <= end) {
        const char* vn = strz(sh[verdef].link, get32(d + p + aux));
        if (vn) {
          if (vernames.size() <= ndx) vernames.resize(ndx + 1u, 0);
          vernames[ndx] = c.syms.intern(vn);
        }
      }
      if (!next) break;
      p += next;
    }
  }
  if (!dynsym) return true;  // nothing to bind to
  const Shdr& ds = sh[dynsym];
  if (ds.entsize != kSymSize) return bad("bad .dynsym entry size");
  u64 count = ds.size / kSymSize;
  if (versym && sh[versym].size < count * 2) versym = 0;
  for (u64 i = 1; i < count; i++) {
    const u8* p = d + ds.offset + i * kSymSize;
    u8 bind = p[4] >> 4, type = p[4] & 15;
    u16 shndx = get16(p + 6);
    if (bind == STB_LOCAL) continue;
    const char* nm = strz(ds.link, get32(p));
    if (!nm || !*nm) continue;
    Sym name = c.syms.intern(nm);
    u16 vs = versym ? get16(d + sh[versym].offset + i * 2) : 1;
    if (shndx == SHN_UNDEF) {
      syms[intern_sym(name)].dso_ref = true;
      continue;
    }
    if (vs & 0x8000) continue;  // a hidden (non-default) version
    if ((p[5] & 3) == 2 || (p[5] & 3) == 1) continue;  // hidden/internal
    DsoSym dsym;
    dsym.name = name;
    u16 vi = vs & 0x7fff;
    dsym.version = vi >= 2 && vi < vernames.size() ? vernames[vi] : 0;
    dsym.value = get64(p + 8);
    dsym.size = get64(p + 16);
    dsym.type = type;
    dsym.weak = bind == STB_WEAK;
    u32 di = static_cast<u32>(f.dsyms.size());
    f.dsyms.push_back(dsym);
    Symbol& s = syms[intern_sym(name)];
    if (s.state == Symbol::Undef) {
      s.state = Symbol::Shared;
      s.file = fi + 1;
      s.osym = di;
      s.type = type;
      s.size = dsym.size;
      s.weak_def = dsym.weak;
    }
  }
  return true;
}

// ---- Linker facade ----------------------------------------------------

Linker::Linker(Compiler& c, const LinkOptions& o) : impl_(std::make_unique<LinkerImpl>(c, o)) {}
Linker::~Linker() = default;
bool Linker::add_object(std::unique_ptr<ObjBuilder> ob, const std::string& name) {
  return impl_->add_object(std::move(ob), name);
}
bool Linker::add_object_bytes(const std::string& name, const u8* d, size_t n) {
  return impl_->add_object_bytes(name, d, n);
}
bool Linker::add_archive_bytes(const std::string& name, const u8* d, size_t n, bool whole) {
  return impl_->add_archive_bytes(name, d, n, whole);
}
bool Linker::add_shared_bytes(const std::string& name, const u8* d, size_t n, bool as_needed) {
  return impl_->add_shared_bytes(name, d, n, as_needed);
}
bool Linker::add_bytes(const std::string& name, const u8* d, size_t n, bool whole, bool as_needed) {
  if (is_archive(d, n)) return add_archive_bytes(name, d, n, whole);
  if (n >= 18 && !std::memcmp(d, "\x7f" "ELF", 4) && get16(d + 16) == ET_DYN)
    return add_shared_bytes(name, d, n, as_needed);
  return add_object_bytes(name, d, n);
}
void Linker::group_begin() { impl_->group_begin(); }
void Linker::group_end() { impl_->group_end(); }
std::unique_ptr<LinkImage> Linker::link() { return impl_->link(); }

}  // namespace cfree
