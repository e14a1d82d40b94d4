// elf_read.cpp: read an ELF64 little-endian file into an ObjBuilder.
//
// Relocatable objects become the same model the compiler builds: content
// sections keep their order; the symbol table becomes ObjSymbols (values
// stay section offsets); each SHT_RELA section becomes the relocations of
// the section its sh_info names; SHT_GROUP sections become ObjGroups; the
// string tables disappear.  Executables and shared libraries keep every
// section but .symtab, its .strtab and .shstrtab verbatim (dynamic symbol
// tables, dynamic relocations, ...), their program headers and entry point;
// symbol values are turned into offsets from their section's address.
//
// Every field read is checked against the buffer first (gABI, "ELF Header",
// "Sections", "Symbol Table", "Relocation"): a malformed file gets an error
// "NAME: malformed ELF: what", never a crash or an out-of-bounds read.
#include "obj/elf.h"

#include "core/compiler.h"

#include <cstdarg>
#include <cstdio>
#include <string>

namespace cfree {

using namespace elf;

namespace {

struct BadElf {};

class ElfReader {
 public:
  ElfReader(ObjBuilder& ob, const char* name, const u8* d, size_t n)
      : ob_(ob), name_(name), d_(d), n_(n) {}
  void run();

 private:
  [[noreturn]] void bad(const char* fmt, ...) __attribute__((format(printf, 2, 3)));
  void need(u64 off, u64 size, const char* what) {
    if (off > n_ || size > n_ - off) bad("%s extends past the end of the file", what);
  }
  const char* str_at(u32 strtab, u64 off, const char* what);
  void read_sections();
  void read_symbols();
  void read_relocs();
  void read_groups();
  void read_segments(u64 phoff, u32 phnum, u32 phentsize);
  ObjSecId map_sec(u32 idx, const char* what) {
    if (idx >= shdrs_.size() || !sec_map_[idx]) bad("%s refers to invalid section %u", what, idx);
    return sec_map_[idx];
  }

  ObjBuilder& ob_;
  const char* name_;
  const u8* d_;
  size_t n_;
  u16 type_ = 0;
  std::vector<Shdr> shdrs_;
  std::vector<ObjSecId> sec_map_;  // ELF index -> ObjSecId (0: not a model section)
  std::vector<ObjSymId> sym_map_;  // ELF symbol index -> ObjSymId
  u32 shstrndx_ = 0, symtab_ = 0;
  std::vector<u32> xindex_;  // SHT_SYMTAB_SHNDX contents, if any
};

void ElfReader::bad(const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char buf[512];
  std::vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  ob_.compiler().error(0, "%s: malformed ELF: %s", name_, buf);
  throw BadElf{};
}

const char* ElfReader::str_at(u32 strtab, u64 off, const char* what) {
  if (strtab >= shdrs_.size()) bad("%s: string table index %u out of range", what, strtab);
  const Shdr& s = shdrs_[strtab];
  if (s.type != SHT_STRTAB) bad("%s: section %u is not a string table", what, strtab);
  if (off >= s.size) bad("%s: name offset %llu outside the string table", what, (unsigned long long)off);
  const char* p = reinterpret_cast<const char*>(d_ + s.offset + off);
  if (!std::memchr(p, 0, static_cast<size_t>(s.size - off))) bad("%s: unterminated name", what);
  return p;
}

void ElfReader::run() {
  if (n_ < kEhdrSize) bad("file too short for an ELF header (%zu bytes)", n_);
  if (std::memcmp(d_, "\x7f" "ELF", 4)) bad("not an ELF file (bad magic)");
  if (d_[4] != 2) bad("not a 64-bit ELF file (class %u)", d_[4]);
  if (d_[5] != 1) bad("not a little-endian ELF file");
  if (d_[6] != 1) bad("unknown ELF version %u", d_[6]);
  type_ = get16(d_ + 16);
  CfreeArch arch = arch_of(get16(d_ + 18));
  if (arch == CFREE_ARCH_NONE) bad("unsupported machine %u", get16(d_ + 18));
  if (arch != ob_.target().arch) bad("machine %u does not match the target", get16(d_ + 18));
  switch (type_) {
    case ET_REL: ob_.set_file_type(ObjFileType::Rel); break;
    case ET_EXEC: ob_.set_file_type(ObjFileType::Exec); break;
    case ET_DYN: ob_.set_file_type(ObjFileType::Dyn); break;
    case ET_CORE: ob_.set_file_type(ObjFileType::Core); break;
    default: bad("unknown file type %u", type_);
  }
  ob_.set_entry(get64(d_ + 24));
  ob_.set_elf_flags(get32(d_ + 48));
  u64 phoff = get64(d_ + 32), shoff = get64(d_ + 40);
  u16 ehsize = get16(d_ + 52), phentsize = get16(d_ + 54), phnum = get16(d_ + 56);
  u16 shentsize = get16(d_ + 58);
  u32 shnum = get16(d_ + 60);
  shstrndx_ = get16(d_ + 62);
  if (ehsize < kEhdrSize) bad("ELF header size %u too small", ehsize);
  if (shoff) {
    if (shentsize != kShdrSize) bad("section header size %u is not 64", shentsize);
    need(shoff, kShdrSize, "section header table");
    Shdr s0 = read_shdr(d_ + shoff);
    if (shnum == 0) shnum = static_cast<u32>(s0.size);
    if (shstrndx_ == SHN_XINDEX) shstrndx_ = s0.link;
    if (shnum > (n_ - shoff) / kShdrSize) bad("section header table extends past the end of the file");
    for (u32 i = 0; i < shnum; i++) shdrs_.push_back(read_shdr(d_ + shoff + u64(i) * kShdrSize));
    if (shnum && shstrndx_ >= shnum) bad("section name table index %u out of range", shstrndx_);
  }
  for (u32 i = 1; i < shdrs_.size(); i++) {
    const Shdr& s = shdrs_[i];
    if (s.type != SHT_NOBITS) need(s.offset, s.size, "section contents");
    if (s.addralign > 1 && (s.addralign & (s.addralign - 1))) bad("section %u alignment %llu is not a power of two", i, (unsigned long long)s.addralign);
  }
  if (phoff && phnum) read_segments(phoff, phnum, phentsize);
  read_sections();
  read_symbols();
  read_groups();
  read_relocs();
  ob_.finalize();
}

void ElfReader::read_segments(u64 phoff, u32 phnum, u32 phentsize) {
  if (phentsize != kPhdrSize) bad("program header size %u is not 56", phentsize);
  need(phoff, u64(phnum) * kPhdrSize, "program header table");
  for (u32 i = 0; i < phnum; i++) {
    const u8* p = d_ + phoff + u64(i) * kPhdrSize;
    ObjSegment s;
    s.type = get32(p);
    s.flags = get32(p + 4);
    s.offset = get64(p + 8);
    s.vaddr = get64(p + 16);
    s.paddr = get64(p + 24);
    s.filesz = get64(p + 32);
    s.memsz = get64(p + 40);
    s.align = get64(p + 48);
    ob_.add_segment(s);
  }
}

void ElfReader::read_sections() {
  sec_map_.assign(shdrs_.size(), 0);
  bool rel = type_ == ET_REL;
  for (u32 i = 1; i < shdrs_.size(); i++)
    if (shdrs_[i].type == SHT_SYMTAB) {
      if (symtab_) bad("more than one symbol table");
      symtab_ = i;
    }
  u32 symstr = symtab_ ? shdrs_[symtab_].link : 0;
  for (u32 i = 1; i < shdrs_.size(); i++) {
    const Shdr& s = shdrs_[i];
    const char* name = str_at(shstrndx_, s.name, "section name");
    if (i == symtab_ || i == shstrndx_ || (i == symstr && symtab_) || s.type == SHT_NULL)
      continue;
    if (s.type == SHT_SYMTAB_SHNDX) {
      if (s.size % 4) bad("SHT_SYMTAB_SHNDX size is not a multiple of 4");
      xindex_.resize(static_cast<size_t>(s.size / 4));
      for (size_t k = 0; k < xindex_.size(); k++) xindex_[k] = get32(d_ + s.offset + 4 * k);
      continue;
    }
    if (rel && (s.type == SHT_RELA || s.type == SHT_REL || s.type == SHT_GROUP)) continue;
    ObjSecDesc desc;
    desc.name = name;
    desc.sem = sem_of(s.type);
    desc.raw_type = s.type;
    desc.flags = s.flags & ~u64(SECF_GROUP);  // group_add sets it again
    desc.align = s.addralign ? s.addralign : 1;
    desc.entsize = s.entsize;
    desc.kind = kind_of(name, desc.sem, s.flags);
    ObjSecId id = ob_.section(desc);
    ObjSection& sec = ob_.section_mut(id);
    sec.flags = s.flags;
    sec.addr = s.addr;
    sec.info = s.info;
    sec.file_off = s.offset;
    sec.file_index = i;
    if (s.type == SHT_NOBITS) {
      sec.size = s.size;
    } else {
      ob_.write(id, d_ + s.offset, static_cast<size_t>(s.size));
    }
    sec_map_[i] = id;
  }
  for (u32 i = 1; i < shdrs_.size(); i++) {
    if (!sec_map_[i] || !shdrs_[i].link) continue;
    if (shdrs_[i].link < shdrs_.size() && sec_map_[shdrs_[i].link])
      ob_.section_mut(sec_map_[i]).link = sec_map_[shdrs_[i].link];
  }
}

void ElfReader::read_symbols() {
  if (!symtab_) return;
  const Shdr& st = shdrs_[symtab_];
  if (st.entsize != kSymSize) bad("symbol table entry size %llu is not 24", (unsigned long long)st.entsize);
  if (st.size % kSymSize) bad("symbol table size is not a multiple of 24");
  u64 n = st.size / kSymSize;
  sym_map_.assign(static_cast<size_t>(n), 0);
  for (u64 i = 1; i < n; i++) {
    const u8* p = d_ + st.offset + i * kSymSize;
    ObjSymbol s;
    u32 name = get32(p);
    u8 info = p[4], other = p[5];
    u32 shndx = get16(p + 6);
    s.value = get64(p + 8);
    s.size = get64(p + 16);
    switch (info >> 4) {
      case STB_LOCAL: s.bind = SymBind::Local; break;
      case STB_GLOBAL: s.bind = SymBind::Global; break;
      case STB_WEAK: s.bind = SymBind::Weak; break;
      case STB_GNU_UNIQUE: s.bind = SymBind::GnuUnique; break;
      default: bad("symbol %llu has unknown binding %u", (unsigned long long)i, info >> 4);
    }
    switch (info & 15) {
      case STT_NOTYPE: s.type = SymType::NoType; break;
      case STT_OBJECT: s.type = SymType::Object; break;
      case STT_FUNC: s.type = SymType::Func; break;
      case STT_SECTION: s.type = SymType::Section; break;
      case STT_FILE: s.type = SymType::File; break;
      case STT_COMMON: s.type = SymType::Common; break;
      case STT_TLS: s.type = SymType::Tls; break;
      case STT_GNU_IFUNC: s.type = SymType::GnuIFunc; break;
      default: bad("symbol %llu has unknown type %u", (unsigned long long)i, info & 15);
    }
    s.vis = static_cast<SymVis>(other & 3);
    s.other = static_cast<u8>(other & ~3u);
    if (shndx == SHN_XINDEX) {
      if (i >= xindex_.size()) bad("symbol %llu uses SHN_XINDEX without an index table", (unsigned long long)i);
      shndx = xindex_[static_cast<size_t>(i)];
    }
    if (shndx == SHN_UNDEF) {
      s.place = SymPlace::Undef;
    } else if (shndx == SHN_ABS) {
      s.place = SymPlace::Abs;
    } else if (shndx == SHN_COMMON) {
      s.place = SymPlace::Common;
    } else if (shndx >= SHN_LORESERVE && shndx < shdrs_.size() && shndx <= 0xffff) {
      s.place = SymPlace::Abs;  // other reserved indices: treat as absolute
    } else {
      s.place = SymPlace::Section;
      s.sec = map_sec(shndx, "symbol");
      if (type_ != ET_REL) s.value -= ob_.section_get(s.sec).addr;
    }
    if (s.type != SymType::Section) s.name = ob_.syms().intern(str_at(st.link, name, "symbol name"));
    ObjSymId id = ob_.symbol(s);
    sym_map_[static_cast<size_t>(i)] = id;
    if (s.type == SymType::Section && s.place == SymPlace::Section && !ob_.section_get(s.sec).sym)
      ob_.section_mut(s.sec).sym = id;
  }
}

void ElfReader::read_groups() {
  if (type_ != ET_REL) return;
  for (u32 i = 1; i < shdrs_.size(); i++) {
    const Shdr& s = shdrs_[i];
    if (s.type != SHT_GROUP) continue;
    if (s.link != symtab_ || !symtab_) bad("group section %u does not use the symbol table", i);
    if (s.size < 4 || s.size % 4) bad("group section %u has size %llu", i, (unsigned long long)s.size);
    if (s.info == 0 || s.info >= sym_map_.size()) bad("group section %u has invalid signature symbol %u", i, s.info);
    ObjGroupId g = ob_.group(sym_map_[s.info], get32(d_ + s.offset));
    ObjGroup& grp = ob_.group_mut(g);
    grp.name = ob_.syms().intern(str_at(shstrndx_, s.name, "section name"));
    grp.file_off = s.offset;
    grp.file_index = i;
    for (u64 k = 1; k < s.size / 4; k++) {
      u32 m = get32(d_ + s.offset + 4 * k);
      if (m >= shdrs_.size()) bad("group section %u names invalid section %u", i, m);
      if (shdrs_[m].type == SHT_RELA || shdrs_[m].type == SHT_REL) continue;
      ObjSecId id = map_sec(m, "group member");
      if (ob_.section_get(id).group) bad("section %u is in two groups", m);
      ob_.group_add(g, id);
    }
  }
}

void ElfReader::read_relocs() {
  if (type_ != ET_REL) return;
  for (u32 i = 1; i < shdrs_.size(); i++) {
    const Shdr& s = shdrs_[i];
    if (s.type == SHT_REL) bad("SHT_REL section %u: only RELA relocations are supported in ELF64", i);
    if (s.type != SHT_RELA) continue;
    if (s.entsize != kRelaSize || s.size % kRelaSize) bad("relocation section %u has bad entry size", i);
    if (s.link != symtab_ || !symtab_) bad("relocation section %u does not use the symbol table", i);
    ObjSecId target = map_sec(s.info, "relocation section");
    ob_.section_mut(target).rela_file_index = i;
    u64 tsize = ob_.section_get(target).size;
    std::vector<ObjReloc>& out = ob_.relocs_mut(target);
    for (u64 k = 0; k < s.size / kRelaSize; k++) {
      const u8* p = d_ + s.offset + k * kRelaSize;
      ObjReloc r;
      r.offset = get64(p);
      u64 info = get64(p + 8);
      u32 sym = static_cast<u32>(info >> 32);
      r.type = static_cast<u32>(info);
      r.kind = ob_.kind_of(r.type);
      r.addend = static_cast<i64>(get64(p + 16));
      if (sym >= sym_map_.size()) bad("relocation %llu in section %u refers to symbol %u out of range", (unsigned long long)k, i, sym);
      r.sym = sym ? sym_map_[sym] : OBJ_SYM_NONE;
      if (r.offset > tsize) bad("relocation %llu in section %u is outside its section", (unsigned long long)k, i);
      out.push_back(r);
    }
  }
}

}  // namespace

bool elf_read(ObjBuilder& ob, const char* name, const u8* data, size_t n) {
  CFREE_ASSERT(ob.num_sections() == 0 && ob.num_symbols() == 0);
  ElfReader r(ob, name, data, n);
  try {
    r.run();
  } catch (const BadElf&) {
    return false;
  }
  return true;
}

}  // namespace cfree
