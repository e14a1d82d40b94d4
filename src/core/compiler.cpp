// compiler.cpp: Compiler construction and the fatal/error helpers.
#include "core/compiler.h"

#include <cstdlib>

namespace cfree {

Compiler::Compiler(const CfreeEnv& e, CfreeTarget t)
    : env(e), target(t), syms(e.heap), diags(e.diag, sources), perm(e.heap) {}

void Compiler::fatal(Loc loc, const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  try {
    diags.report(CFREE_SEV_FATAL, loc, 0, 0, nullptr, fmt, ap);
  } catch (...) {
    va_end(ap);
    throw;
  }
  va_end(ap);
  throw Fatal{CFREE_ERR_COMPILE};
}

void Compiler::error(Loc loc, const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  try {
    diags.report(CFREE_SEV_ERROR, loc, 0, 0, nullptr, fmt, ap);
  } catch (...) {
    va_end(ap);
    throw;
  }
  va_end(ap);
}

static void* libc_alloc(void*, size_t size, size_t align) {
  if (align <= alignof(std::max_align_t)) return std::malloc(size ? size : 1);
  return std::aligned_alloc(align, align_up(size ? size : 1, align));
}
static void libc_free(void*, void* p, size_t) { std::free(p); }

CfreeHeap libc_heap() { return CfreeHeap{nullptr, libc_alloc, libc_free}; }

void internal_error(const char* file, int line, const char* what) {
  // An invariant failure is a cfree bug: unwind to the API boundary, which
  // reports it through the host's diagnostic sink (see guard()).
  throw InternalError{file, line, what};
}

}  // namespace cfree
