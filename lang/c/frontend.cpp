// frontend.cpp: the C frontend's registration record.
//
// `preprocess` runs the preprocessor and its -E printer (pp-output.cpp);
// `compile` is filled in by the parser.  A NULL hook makes the driver report
// that phase as not built yet.
#include <cfree/frontend.h>

#include "c/pp.h"

namespace {

CfreeStatus c_preprocess(void*, CfreeCompiler* c, const CfreeCompileOptions* opts,
                         const CfreePreprocessOptions* pp, const CfreeInput* input,
                         CfreeWriter* out) {
  return cfree::c::preprocess_to_writer(c, opts, pp, input, out);
}

}  // namespace

extern "C" const CfreeFrontend* cfree_lang_c_frontend(void) {
  static const CfreeFrontend kC = {"c", CFREE_LANG_C, nullptr, c_preprocess, nullptr};
  return &kC;
}
