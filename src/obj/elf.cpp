// elf.cpp: the mappings between the ObjBuilder model and ELF numbers
// (machines, section types, symbol bindings and types), shared by the
// writer and the reader so that the two stay inverse to each other, and the
// standard sections every cfree object carries.
#include "obj/elf.h"

#include <cstring>
#include <string>

namespace cfree::elf {

u16 machine_of(CfreeArch arch) {
  switch (arch) {
    case CFREE_ARCH_X86_64: return EM_X86_64;
    case CFREE_ARCH_AARCH64: return EM_AARCH64;
    case CFREE_ARCH_RISCV64: return EM_RISCV;
    default: return 0;
  }
}

CfreeArch arch_of(u16 machine) {
  switch (machine) {
    case EM_X86_64: return CFREE_ARCH_X86_64;
    case EM_AARCH64: return CFREE_ARCH_AARCH64;
    case EM_RISCV: return CFREE_ARCH_RISCV64;
    default: return CFREE_ARCH_NONE;
  }
}

namespace {
struct SemType {
  SecSem sem;
  u32 type;
};
constexpr SemType kSemTypes[] = {
    {SecSem::ProgBits, SHT_PROGBITS}, {SecSem::NoBits, SHT_NOBITS},
    {SecSem::Note, SHT_NOTE},         {SecSem::InitArray, SHT_INIT_ARRAY},
    {SecSem::FiniArray, SHT_FINI_ARRAY}, {SecSem::PreinitArray, SHT_PREINIT_ARRAY},
    {SecSem::X86_64Unwind, SHT_X86_64_UNWIND}, {SecSem::Rela, SHT_RELA},
    {SecSem::Rel, SHT_REL},           {SecSem::SymTab, SHT_SYMTAB},
    {SecSem::StrTab, SHT_STRTAB},     {SecSem::DynSym, SHT_DYNSYM},
    {SecSem::Dynamic, SHT_DYNAMIC},   {SecSem::Hash, SHT_HASH},
    {SecSem::GnuHash, SHT_GNU_HASH},  {SecSem::VerSym, SHT_GNU_VERSYM},
    {SecSem::VerNeed, SHT_GNU_VERNEED}, {SecSem::VerDef, SHT_GNU_VERDEF},
    {SecSem::Group, SHT_GROUP},
};
}  // namespace

u32 sh_type_of(const ObjSection& s) {
  if (s.sem == SecSem::Other) return s.raw_type;
  for (const SemType& st : kSemTypes)
    if (st.sem == s.sem) return st.type;
  return SHT_PROGBITS;
}

SecSem sem_of(u32 sh_type) {
  for (const SemType& st : kSemTypes)
    if (st.type == sh_type) return st.sem;
  return SecSem::Other;
}

SecKind kind_of(const char* name, SecSem sem, u64 flags) {
  if (!std::strncmp(name, ".debug", 6) || !std::strncmp(name, ".zdebug", 7)) return SecKind::Debug;
  if (sem == SecSem::Note) return SecKind::Note;
  if (!std::strncmp(name, ".note", 5) && !(flags & SECF_ALLOC)) return SecKind::Note;
  if (sem != SecSem::ProgBits && sem != SecSem::NoBits) return SecKind::Other;
  bool tls = flags & SECF_TLS;
  if (sem == SecSem::NoBits) return tls ? SecKind::TBss : SecKind::Bss;
  if (tls) return SecKind::TData;
  if (flags & SECF_EXEC) return SecKind::Text;
  if (!(flags & SECF_ALLOC)) return SecKind::Other;
  if (!std::strcmp(name, ".eh_frame")) return SecKind::Other;
  return (flags & SECF_WRITE) ? SecKind::Data : SecKind::RoData;
}

u8 st_bind_of(SymBind b) {
  switch (b) {
    case SymBind::Local: return STB_LOCAL;
    case SymBind::Global: return STB_GLOBAL;
    case SymBind::Weak: return STB_WEAK;
    case SymBind::GnuUnique: return STB_GNU_UNIQUE;
  }
  return STB_LOCAL;
}

u8 st_type_of(SymType t) {
  switch (t) {
    case SymType::NoType: return STT_NOTYPE;
    case SymType::Object: return STT_OBJECT;
    case SymType::Func: return STT_FUNC;
    case SymType::Section: return STT_SECTION;
    case SymType::File: return STT_FILE;
    case SymType::Common: return STT_COMMON;
    case SymType::Tls: return STT_TLS;
    case SymType::GnuIFunc: return STT_GNU_IFUNC;
  }
  return STT_NOTYPE;
}

}  // namespace cfree::elf

namespace cfree {

void obj_add_standard_sections(ObjBuilder& ob, const char* comment) {
  Sym cname = ob.syms().intern(".comment");
  if (!ob.find_section(cname)) {
    ObjSecDesc d;
    d.sym = cname;
    d.kind = SecKind::Other;
    d.flags = SECF_MERGE | SECF_STRINGS;
    d.entsize = 1;
    ObjSecId s = ob.section(d);
    std::string text = comment ? comment : std::string("cfree ") + cfree_version();
    ob.write_u8(s, 0);
    ob.write(s, text.c_str(), text.size() + 1);
  }
  Sym sname = ob.syms().intern(".note.GNU-stack");
  if (!ob.find_section(sname)) {
    ObjSecDesc d;
    d.sym = sname;
    d.kind = SecKind::Note;
    d.flags = 0;
    ob.section(d);
  }
}

}  // namespace cfree
