// objdump.h: printing an object model the way GNU objdump prints the file
// it came from (objdump.cpp), behind the public cfree_objdump entry point.
#pragma once

#include "obj/archive.h"
#include "obj/obj.h"

#include <cfree.h>

namespace cfree {

// Write the report for `ob` (read from a file called `name`).  Returns false
// if the writer failed.
// `member` is the archive member it came from, or null.
bool objdump(const ObjBuilder& ob, const CfreeObjdumpOptions& opts, const char* name, CfreeWriter* out,
             const ArMember* member = nullptr);

// The architecture named by an ELF header's e_machine, or NONE if `data` is
// not ELF (the reader then says why).
CfreeArch elf_peek_arch(const u8* data, size_t n);

}  // namespace cfree
