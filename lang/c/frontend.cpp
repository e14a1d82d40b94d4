// frontend.cpp: the C frontend's registration record.
//
// The preprocessor and the parser fill in the hooks as they land; a NULL hook
// makes the driver report that phase as not built yet.
#include <cfree/frontend.h>

extern "C" const CfreeFrontend* cfree_lang_c_frontend(void) {
  static const CfreeFrontend kC = {"c", CFREE_LANG_C, nullptr, nullptr, nullptr};
  return &kC;
}
