// compile.cpp: the C frontend's `compile` hook (cc -c, -S, -fsyntax-only,
// -femit-cg).
//
// Builds the preprocessor over the input, a CfreeCg in the mode the driver
// asked for (object, -emit-cg dump, or nothing at all for -fsyntax-only:
// the parser then skips every CG call), runs the parser over the whole
// translation unit and finishes the CG.  A fatal diagnostic unwinds to here
// as cfree::c::Fatal.
#include "c/parse.h"

#include <cstring>

namespace cfree::c {

CfreeStatus compile_c(CfreeCompiler* c, const CfreeCompileOptions* opts, const CfreeInput* input,
                      CfreeWriter* out) {
  bool dump = false;
  for (size_t i = 0; opts && i < opts->n_extra_args; i++) {
    const char* a = opts->extra_args[i];
    if (!std::strcmp(a, "-femit-cg") || !std::strcmp(a, "-emit-cg")) dump = true;
  }
  bool syntax_only = out == nullptr;
  CfreeCg* cg = nullptr;
  CfreeStatus st = CFREE_OK;
  try {
    Preprocessor pp(c, opts, input);
    if (!syntax_only || dump) {
      cg = cfree_cg_new(c, opts, dump ? CFREE_CG_DUMP : CFREE_CG_OBJECT, input->name);
      if (!cg) return CFREE_ERR_INTERNAL;
    }
    {
      Parser p(c, &pp, cg, cg != nullptr, opts);
      p.translation_unit();
    }
    if (cg) {
      st = cfree_cg_finish(cg, cfree_error_count(c) ? nullptr : out);
      cfree_cg_free(cg);
      cg = nullptr;
    }
  } catch (const Fatal&) {
    if (cg) cfree_cg_free(cg);
    return CFREE_ERR_COMPILE;
  }
  if (cfree_error_count(c)) return CFREE_ERR_COMPILE;
  return st;
}

}  // namespace cfree::c
