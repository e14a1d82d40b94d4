// cg_asm.cpp: `cc -S` output for the CG.  Assembly text will be printed
// from the finished object by the disassembler (one encoder, never a
// second one); until the disassembler lands, -S reports that it is missing.
#include "api/cg_internal.h"

namespace cfree {

CfreeStatus cg_write_asm(CfreeCg* cg, CfreeWriter*) {
  cg->c.diags.reportf(CFREE_SEV_ERROR, 0, "-S (assembly output) is not implemented yet; use -c");
  return CFREE_ERR_UNSUPPORTED;
}

}  // namespace cfree
