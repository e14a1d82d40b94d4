// fuzz_ar.cpp: libFuzzer harness for the archive (GNU ar format) reader.
//
// cfree_archive_open parses the input; every member header and every symbol
// index entry is then read back (and their names and bytes touched so that
// ASan checks the pointers the reader hands out).  The same bytes then go to
// the linker as a whole archive (--whole-archive), which reads each member as
// an object.  Seeds: small archives made by GNU ar (with and without an
// index, long names).
#include "fuzz_env.h"

#include <cstring>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static CfreeEnv env = fuzz::make_env();
  CfreeCompiler* c = fuzz::new_compiler(&env);
  (void)cfree_is_archive(data, size);
  CfreeArchive* a = nullptr;
  CfreeStatus st = cfree_archive_open(c, "fuzz.a", data, size, &a);
  fuzz::check_status(st);
  if (st == CFREE_OK && a) {
    volatile size_t sum = 0;
    size_t n = cfree_archive_member_count(a);
    for (size_t i = 0; i < n; ++i) {
      CfreeArchiveMember m{};
      cfree_archive_member(a, i, &m);
      if (m.name) sum = sum + std::strlen(m.name);
      const uint8_t* p = static_cast<const uint8_t*>(m.data);
      if (m.size) sum = sum + p[0] + p[m.size - 1];
    }
    size_t ns = cfree_archive_symbol_count(a);
    for (size_t i = 0; i < ns; ++i) {
      size_t member = 0;
      const char* name = cfree_archive_symbol(a, i, &member);
      if (name) sum = sum + std::strlen(name);
      if (member >= n) std::abort();  // the reader must validate the index
    }
    (void)cfree_archive_is_thin(a);
    cfree_archive_free(a);
  }
  CfreeLinkOptions lo{};
  lo.static_link = 1;
  if (CfreeLinker* l = cfree_linker_new(c, &lo)) {
    fuzz::check_status(cfree_linker_add(l, "fuzz.a", data, size, 1, 0));
    cfree_linker_free(l);
  }
  cfree_compiler_free(c);
  return 0;
}
