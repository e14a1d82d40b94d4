// frontend.cpp: the C frontend's registration record.
//
// `preprocess` runs the preprocessor and its -E printer (pp-output.cpp);
// `compile` runs the parser over the CG API (compile.cpp).  A NULL hook
// makes the driver report that phase as not built yet.
#include <cfree/frontend.h>

#include "c/pp.h"

namespace cfree::c {
CfreeStatus compile_c(CfreeCompiler* c, const CfreeCompileOptions* opts, const CfreeInput* input,
                      CfreeWriter* out);
}

namespace {

CfreeStatus c_preprocess(void*, CfreeCompiler* c, const CfreeCompileOptions* opts,
                         const CfreePreprocessOptions* pp, const CfreeInput* input,
                         CfreeWriter* out) {
  return cfree::c::preprocess_to_writer(c, opts, pp, input, out);
}

CfreeStatus c_compile(void*, CfreeCompiler* c, const CfreeCompileOptions* opts, const CfreeInput* input,
                      CfreeWriter* out) {
  return cfree::c::compile_c(c, opts, input, out);
}

}  // namespace

extern "C" const CfreeFrontend* cfree_lang_c_frontend(void) {
  static const CfreeFrontend kC = {"c", CFREE_LANG_C, nullptr, c_preprocess, c_compile};
  return &kC;
}
