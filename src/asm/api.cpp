// api.cpp: the public assembler entry point (cfree.h cfree_assemble): a
// whole source into an ObjBuilder, then the ELF writer; nothing reaches
// `out` unless assembly succeeded.
#include "asm/asm.h"

#include "core/compiler.h"
#include "obj/obj.h"

using namespace cfree;

extern "C" CfreeStatus cfree_assemble(CfreeCompiler* c, const CfreeInput* in, CfreeWriter* out) {
  if (!c || !in || !out) return CFREE_ERR_USAGE;
  return guard(c, [&]() -> CfreeStatus {
    if (c->target.arch != CFREE_ARCH_X86_64) {
      c->diags.reportf(CFREE_SEV_ERROR, 0, "the assembler supports only x86-64 targets");
      return CFREE_ERR_UNSUPPORTED;
    }
    ObjBuilder ob(*c, c->target);
    if (!as::assemble_file(*c, ob, in->name ? in->name : "<stdin>", in->data, in->size))
      return CFREE_ERR_COMPILE;
    if (!elf_write(ob, out)) return CFREE_ERR_IO;
    return CFREE_OK;
  });
}
