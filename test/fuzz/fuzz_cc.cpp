// fuzz_cc.cpp: libFuzzer harness for the C preprocessor and parser.
//
// Each input is one C translation unit held in memory, compiled as
// `cfree cc -fsyntax-only` does (the C frontend's compile entry with no output
// writer: preprocess, parse, type-check, no code generation).  The env has no
// file system, so #include of anything fails with a diagnostic; the seeds are
// gcc.c-torture/execute programs, most of which include nothing.
#include <cfree/frontend.h>

#include "fuzz_env.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static CfreeEnv env = fuzz::make_env();
  CfreeCompiler* c = fuzz::new_compiler(&env);
  cfree_register_frontend(c, cfree_lang_c_frontend());
  const CfreeFrontend* fe = cfree_frontend_for(c, CFREE_LANG_C);
  std::string src = fuzz::with_nul(data, size);
  CfreeCompileOptions opts{};
  opts.nostdinc = 1;
  opts.pie = 1;
  CfreeInput in{"fuzz.c", src.data(), src.size(), CFREE_LANG_C};
  fuzz::check_status(fe->compile(fe->ctx, c, &opts, &in, nullptr));
  cfree_compiler_free(c);
  return 0;
}
