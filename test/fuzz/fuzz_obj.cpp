// fuzz_obj.cpp: libFuzzer harness for the ELF relocatable-object reader.
//
// The input is handed, as an object file, to the three public entry points
// that read one: cfree_objdump (-f -h -r -t -s -d, GNU objdump's options),
// cfree_object_rewrite (reads it into the object model and writes it back
// out) and cfree_linker_add (the linker's reader, recognising objects,
// archives and shared libraries by content).  Seeds: gcc -c outputs.
#include "fuzz_env.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static CfreeEnv env = fuzz::make_env();
  CfreeCompiler* c = fuzz::new_compiler(&env);
  CfreeObjdumpOptions o{};
  o.file_headers = o.section_headers = o.relocs = o.syms = o.full_contents = o.disassemble = 1;
  fuzz::Sink dump, rewrite;
  CfreeWriter dw = dump.writer(), rw = rewrite.writer();
  fuzz::check_status(cfree_objdump(c, &o, "fuzz.o", data, size, &dw));
  fuzz::check_status(cfree_object_rewrite(c, "fuzz.o", data, size, &rw));
  CfreeLinkOptions lo{};
  lo.output = CFREE_LINK_EXEC;
  lo.static_link = 1;
  if (CfreeLinker* l = cfree_linker_new(c, &lo)) {
    fuzz::check_status(cfree_linker_add(l, "fuzz.o", data, size, 0, 0));
    cfree_linker_free(l);
  }
  cfree_compiler_free(c);
  return 0;
}
