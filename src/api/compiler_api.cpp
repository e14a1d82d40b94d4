// compiler_api.cpp: cfree.h entry points -- versions, targets, compiler
// lifecycle and diagnostic options.  Each entry point is a thin guard()ed
// call into src/core; no exception leaves this file.
#include "core/compiler.h"

#include <cstdarg>
#include <cstring>
#include <new>

using namespace cfree;

extern "C" {

const char* cfree_status_str(CfreeStatus s) {
  switch (s) {
    case CFREE_OK: return "success";
    case CFREE_ERR_COMPILE: return "compilation failed";
    case CFREE_ERR_USAGE: return "invalid usage";
    case CFREE_ERR_IO: return "input/output error";
    case CFREE_ERR_UNSUPPORTED: return "not supported yet";
    case CFREE_ERR_NOMEM: return "out of memory";
    case CFREE_ERR_INTERNAL: return "internal compiler error";
  }
  return "unknown status";
}

const char* cfree_version(void) { return CFREE_VERSION_STRING; }

CfreeTarget cfree_target_host(void) {
  CfreeTarget t{};
#if defined(__x86_64__)
  t.arch = CFREE_ARCH_X86_64;
#elif defined(__aarch64__)
  t.arch = CFREE_ARCH_AARCH64;
#elif defined(__riscv) && __riscv_xlen == 64
  t.arch = CFREE_ARCH_RISCV64;
#else
  t.arch = CFREE_ARCH_NONE;
#endif
  t.os = CFREE_OS_LINUX;
  t.obj = CFREE_OBJ_ELF;
  return t;
}

CfreeStatus cfree_target_parse(const char* triple, CfreeTarget* out) {
  if (!triple || !out) return CFREE_ERR_USAGE;
  const char* dash = std::strchr(triple, '-');
  size_t alen = dash ? static_cast<size_t>(dash - triple) : std::strlen(triple);
  auto is = [&](const char* s) { return std::strlen(s) == alen && std::memcmp(s, triple, alen) == 0; };
  CfreeTarget t{};
  if (is("x86_64") || is("amd64")) {
    t.arch = CFREE_ARCH_X86_64;
  } else if (is("aarch64") || is("arm64")) {
    t.arch = CFREE_ARCH_AARCH64;
  } else if (is("riscv64")) {
    t.arch = CFREE_ARCH_RISCV64;
  } else {
    return CFREE_ERR_USAGE;
  }
  // The rest must name Linux (vendor fields such as "pc" or "unknown" may
  // come first); a bare architecture means Linux too.
  if (dash && !std::strstr(dash, "linux")) return CFREE_ERR_USAGE;
  t.os = CFREE_OS_LINUX;
  t.obj = CFREE_OBJ_ELF;
  *out = t;
  return CFREE_OK;
}

const char* cfree_target_triple(CfreeTarget t) {
  switch (t.arch) {
    case CFREE_ARCH_X86_64: return "x86_64-linux-gnu";
    case CFREE_ARCH_AARCH64: return "aarch64-linux-gnu";
    case CFREE_ARCH_RISCV64: return "riscv64-linux-gnu";
    case CFREE_ARCH_NONE: break;
  }
  return "unknown";
}

CfreeCompiler* cfree_compiler_new(const CfreeEnv* env, CfreeTarget target) {
  if (!env || !env->heap.alloc || !env->heap.free) return nullptr;
  void* mem = env->heap.alloc(env->heap.ctx, sizeof(CfreeCompiler), alignof(CfreeCompiler));
  if (!mem) return nullptr;
  try {
    return new (mem) CfreeCompiler(*env, target);
  } catch (...) {
    env->heap.free(env->heap.ctx, mem, sizeof(CfreeCompiler));
    return nullptr;
  }
}

void cfree_compiler_free(CfreeCompiler* c) {
  if (!c) return;
  CfreeHeap heap = c->env.heap;
  c->~CfreeCompiler();
  heap.free(heap.ctx, c, sizeof(CfreeCompiler));
}

CfreeTarget cfree_compiler_target(const CfreeCompiler* c) { return c->target; }

void cfree_set_diag_options(CfreeCompiler* c, const CfreeDiagOptions* opts) {
  if (c && opts) c->diags.set_options(*opts);
}

CfreeStatus cfree_set_warning_flag(CfreeCompiler* c, const char* flag) {
  if (!c || !flag) return CFREE_ERR_USAGE;
  return guard(c, [&] { return c->diags.set_warning_flag(flag) ? CFREE_OK : CFREE_ERR_USAGE; });
}

uint32_t cfree_error_count(const CfreeCompiler* c) { return c->diags.errors(); }
uint32_t cfree_warning_count(const CfreeCompiler* c) { return c->diags.warnings(); }

void cfree_report(CfreeCompiler* c, CfreeSeverity sev, const char* fmt, ...) {
  if (!c) return;
  va_list ap;
  va_start(ap, fmt);
  guard(c, [&] {
    c->diags.report(sev == CFREE_SEV_FATAL ? CFREE_SEV_ERROR : sev, 0, 0, 0, nullptr, fmt, ap);
    return CFREE_OK;
  });
  va_end(ap);
}

}  // extern "C"
