// fuzz_as.cpp: libFuzzer harness for the assembler.
//
// The input is GNU as AT&T x86-64 source held in memory; cfree_assemble
// parses it, encodes it and writes a relocatable object to a counting sink.
// Seeds: test/as inputs and small gcc -S outputs.
#include "fuzz_env.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static CfreeEnv env = fuzz::make_env();
  CfreeCompiler* c = fuzz::new_compiler(&env);
  std::string src = fuzz::with_nul(data, size);
  CfreeInput in{"fuzz.s", src.data(), src.size(), CFREE_LANG_ASM};
  fuzz::Sink out;
  CfreeWriter w = out.writer();
  fuzz::check_status(cfree_assemble(c, &in, &w));
  cfree_compiler_free(c);
  return 0;
}
