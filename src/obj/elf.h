// elf.h: ELF64 constants and little-endian field access, shared by the ELF
// writer, the reader, objdump and (later) the linker.
//
// Values are from the System V gABI ("ELF-64 Object File Format" and the
// gABI 4.1 chapters on sections, symbols, relocation and program headers)
// plus the GNU extensions binutils uses.  We define our own constants rather
// than use the host's <elf.h>: libcfree depends on the C++ library only.
// Structures are not overlaid on input bytes (alignment and endianness are
// not guaranteed); fields are read with get16/32/64 at fixed offsets.
#pragma once

#include "core/base.h"
#include "obj/obj.h"

namespace cfree::elf {

inline u16 get16(const u8* p) { return u16(p[0] | p[1] << 8); }
inline u32 get32(const u8* p) { return u32(p[0]) | u32(p[1]) << 8 | u32(p[2]) << 16 | u32(p[3]) << 24; }
inline u64 get64(const u8* p) { return u64(get32(p)) | u64(get32(p + 4)) << 32; }
inline void put16(u8* p, u16 v) { p[0] = u8(v); p[1] = u8(v >> 8); }
inline void put32(u8* p, u32 v) { for (int i = 0; i < 4; i++) p[i] = u8(v >> (8 * i)); }
inline void put64(u8* p, u64 v) { for (int i = 0; i < 8; i++) p[i] = u8(v >> (8 * i)); }

enum : u16 { ET_NONE = 0, ET_REL = 1, ET_EXEC = 2, ET_DYN = 3, ET_CORE = 4 };
enum : u16 { EM_X86_64 = 62, EM_AARCH64 = 183, EM_RISCV = 243 };

enum : u32 {
  SHT_NULL = 0, SHT_PROGBITS = 1, SHT_SYMTAB = 2, SHT_STRTAB = 3, SHT_RELA = 4, SHT_HASH = 5,
  SHT_DYNAMIC = 6, SHT_NOTE = 7, SHT_NOBITS = 8, SHT_REL = 9, SHT_SHLIB = 10, SHT_DYNSYM = 11,
  SHT_INIT_ARRAY = 14, SHT_FINI_ARRAY = 15, SHT_PREINIT_ARRAY = 16, SHT_GROUP = 17,
  SHT_SYMTAB_SHNDX = 18, SHT_GNU_HASH = 0x6ffffff6, SHT_GNU_VERDEF = 0x6ffffffd,
  SHT_GNU_VERNEED = 0x6ffffffe, SHT_GNU_VERSYM = 0x6fffffff, SHT_X86_64_UNWIND = 0x70000001,
};

enum : u16 { SHN_UNDEF = 0, SHN_LORESERVE = 0xff00, SHN_ABS = 0xfff1, SHN_COMMON = 0xfff2, SHN_XINDEX = 0xffff };

enum : u8 { STB_LOCAL = 0, STB_GLOBAL = 1, STB_WEAK = 2, STB_GNU_UNIQUE = 10 };
enum : u8 {
  STT_NOTYPE = 0, STT_OBJECT = 1, STT_FUNC = 2, STT_SECTION = 3, STT_FILE = 4, STT_COMMON = 5,
  STT_TLS = 6, STT_GNU_IFUNC = 10,
};
enum : u32 { GRP_COMDAT = 1 };
enum : u32 {
  PT_NULL = 0, PT_LOAD = 1, PT_DYNAMIC = 2, PT_INTERP = 3, PT_NOTE = 4, PT_SHLIB = 5, PT_PHDR = 6,
  PT_TLS = 7, PT_GNU_EH_FRAME = 0x6474e550, PT_GNU_STACK = 0x6474e551, PT_GNU_RELRO = 0x6474e552,
  PT_GNU_PROPERTY = 0x6474e553,
};

inline constexpr size_t kEhdrSize = 64, kShdrSize = 64, kSymSize = 24, kRelaSize = 24, kPhdrSize = 56;

// Section header fields, decoded.
struct Shdr {
  u32 name, type;
  u64 flags, addr, offset, size;
  u32 link, info;
  u64 addralign, entsize;
};
inline Shdr read_shdr(const u8* p) {
  return Shdr{get32(p), get32(p + 4), get64(p + 8), get64(p + 16), get64(p + 24),
              get64(p + 32), get32(p + 40), get32(p + 44), get64(p + 48), get64(p + 56)};
}
inline void write_shdr(u8* p, const Shdr& s) {
  put32(p, s.name); put32(p + 4, s.type); put64(p + 8, s.flags); put64(p + 16, s.addr);
  put64(p + 24, s.offset); put64(p + 32, s.size); put32(p + 40, s.link); put32(p + 44, s.info);
  put64(p + 48, s.addralign); put64(p + 56, s.entsize);
}

u16 machine_of(CfreeArch arch);
CfreeArch arch_of(u16 machine);  // CFREE_ARCH_NONE if unknown
u32 sh_type_of(const ObjSection& s);
SecSem sem_of(u32 sh_type);
// The compiler kind a section of this name, type and flags has.
SecKind kind_of(const char* name, SecSem sem, u64 flags);
u8 st_bind_of(SymBind b);
u8 st_type_of(SymType t);

}  // namespace cfree::elf
