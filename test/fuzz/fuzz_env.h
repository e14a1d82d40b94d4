// fuzz_env.h: the CfreeEnv every libFuzzer harness of test/fuzz uses.
//
// The harnesses reach libcfree only through its public C API (include/),
// exactly as the cfree driver and an embedding host do.  The env here is the
// smallest one that works: malloc for the heap, diagnostics dropped (their
// rendering still runs, so it is fuzzed too), no file system at all (an
// #include or a linker input by path fails with ENOENT, which keeps every run
// deterministic and independent of the machine), no executable memory.
#ifndef CFREE_FUZZ_ENV_H
#define CFREE_FUZZ_ENV_H

#include <cfree.h>

#include <cerrno>
#include <cstddef>
#include <cstdlib>
#include <string>

namespace fuzz {

inline void* heap_alloc(void*, size_t size, size_t align) {
  if (align <= alignof(std::max_align_t)) return std::malloc(size ? size : 1);
  size_t s = (size + align - 1) / align * align;
  return std::aligned_alloc(align, s ? s : align);
}
inline void heap_free(void*, void* p, size_t) { std::free(p); }
inline void diag_drop(void*, const CfreeDiagnostic* d) {
  // Touch the rendering so that ASan sees a bad pointer in it.
  volatile size_t n = 0;
  for (const char* p = d->rendered; p && *p; ++p) n = n + 1;
  (void)n;
}
inline int no_read(void*, const char*, const char**, size_t*) { return ENOENT; }
inline void no_release(void*, const char*, size_t) {}
inline int no_exists(void*, const char*) { return 0; }
inline void* no_map(void*, size_t) { return nullptr; }
inline int no_protect(void*, void*, size_t, CfreeProt) { return EPERM; }
inline void no_unmap(void*, void*, size_t) {}

inline CfreeEnv make_env() {
  CfreeEnv env{};
  env.heap = {nullptr, heap_alloc, heap_free};
  env.diag = {nullptr, diag_drop};
  env.file_io = {nullptr, no_read, no_release, no_exists};
  env.exec_mem = {nullptr, no_map, no_protect, no_unmap};
  env.now = nullptr;
  env.now_ctx = nullptr;
  return env;
}

// A compiler for the host target with a bounded error count (a mutated input
// can produce an error per byte; the cap keeps each run fast).
inline CfreeCompiler* new_compiler(const CfreeEnv* env) {
  CfreeCompiler* c = cfree_compiler_new(env, cfree_target_host());
  if (!c) std::abort();
  CfreeDiagOptions d{};
  d.max_errors = 20;
  cfree_set_diag_options(c, &d);
  return c;
}

// Output sink that keeps only a byte count (the output itself is not checked
// here; the lit suites check it).
struct Sink {
  size_t bytes = 0;
  CfreeWriter writer() {
    return CfreeWriter{this, [](void* ctx, const void*, size_t n) {
                         static_cast<Sink*>(ctx)->bytes += n;
                         return 0;
                       }};
  }
};

// libcfree's lexers rely on a NUL after the buffer (CfreeFileIO's contract);
// the fuzzer's buffer has none, so sources are copied with one.
inline std::string with_nul(const uint8_t* data, size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

// The documented contract: errors are CFREE_ERR_COMPILE (or USAGE /
// UNSUPPORTED for a feature not built); CFREE_ERR_INTERNAL means an internal
// invariant failed on input, which is a bug the fuzzer must report.
inline void check_status(CfreeStatus st) {
  if (st == CFREE_ERR_INTERNAL) std::abort();
}

}  // namespace fuzz

#endif
