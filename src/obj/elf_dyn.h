// elf_dyn.h: the dynamic-linking view of a linked ELF image read into an
// ObjBuilder -- dynamic symbols with their versions, and dynamic
// relocations -- decoded from the sections the reader keeps verbatim
// (.dynsym + .dynstr, .gnu.version, .gnu.version_d, .gnu.version_r, and
// the allocated SHT_RELA sections).  objdump prints them (-T, -R, @plt
// labels); the linker reads shared libraries' exports through the same code.
//
// Sources: gABI "Dynamic Section" and "Symbol Table"; the LSB's symbol
// versioning chapter (Elfxx_Verdef, Elfxx_Verdaux, Elfxx_Verneed,
// Elfxx_Vernaux, and .gnu.version's hidden bit 0x8000).  Out-of-range
// offsets in these tables make the affected entry versionless or nameless;
// they never read outside the section.
#pragma once

#include "obj/obj.h"

#include <string>
#include <vector>

namespace cfree {

struct DynSymbol {
  std::string name;
  std::string version;  // "" for none; "Base" for the base version (index 1)
  bool hidden = false;  // .gnu.version bit 0x8000, or a reference (Vernaux)
  bool defined_version = false;  // the version comes from .gnu.version_d
  ObjSymbol sym;        // binding, type, placement (name unused)
};

struct DynReloc {
  ObjSecId sec;  // the relocation section it came from
  u64 offset;
  u32 type;
  u32 sym;  // index into DynInfo::syms (0: none)
  i64 addend;
};

struct DynInfo {
  std::vector<DynSymbol> syms;  // index 0 is the null symbol
  std::vector<DynReloc> relocs;
  bool versioned = false;  // the image has .gnu.version
};

// Fills `out` from a linked image (does nothing useful for relocatable
// objects: they have no dynamic sections).
void elf_dynamic_info(const ObjBuilder& ob, DynInfo* out);

}  // namespace cfree
