// fuzz_exe.cpp: libFuzzer harness for objdump on linked images.
//
// The input is read as an executable or shared library: cfree_objdump with
// everything GNU objdump -x -T -R -d prints for one (file, program and section
// headers, dynamic section, symbols, dynamic symbols and relocations,
// disassembly), then the linker reads it as a shared library (the input of
// `cfree ld ... libfoo.so`).  Seeds: small gcc-linked executables and
// shared libraries.
#include "fuzz_env.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static CfreeEnv env = fuzz::make_env();
  CfreeCompiler* c = fuzz::new_compiler(&env);
  CfreeObjdumpOptions o{};
  o.archive_headers = o.file_headers = o.private_headers = o.section_headers = 1;
  o.syms = o.dynamic_syms = o.relocs = o.dynamic_relocs = o.disassemble = 1;
  fuzz::Sink dump;
  CfreeWriter dw = dump.writer();
  fuzz::check_status(cfree_objdump(c, &o, "fuzz.so", data, size, &dw));
  CfreeLinkOptions lo{};
  lo.output = CFREE_LINK_PIE;
  if (CfreeLinker* l = cfree_linker_new(c, &lo)) {
    fuzz::check_status(cfree_linker_add(l, "fuzz.so", data, size, 0, 1));
    cfree_linker_free(l);
  }
  cfree_compiler_free(c);
  return 0;
}
