// compiler.h: the Compiler, root of all per-invocation state.
//
// There is no global mutable state in libcfree: the interner, the source
// manager, the diagnostics engine, registered frontends and the target hang
// off this object, which the public API hands out as the opaque
// CfreeCompiler.  Subsystems receive it (or the parts they need) explicitly.
#pragma once

#include "core/arena.h"
#include "core/diag.h"
#include "core/fatal.h"
#include "core/intern.h"
#include "core/source.h"

#include <cfree/frontend.h>
#include <array>
#include <memory>
#include <new>

namespace cfree {

// A subsystem whose state hangs off the Compiler but whose type core does not
// know (e.g. the type table of src/abi).  Created lazily by its owner.
struct Subsystem {
  virtual ~Subsystem() = default;
};

struct Compiler {
  Compiler(const CfreeEnv& env, CfreeTarget target);

  CfreeEnv env;
  CfreeTarget target;
  Interner syms;
  SourceManager sources;
  DiagEngine diags;
  Arena perm;  // lives as long as the compiler
  std::array<CfreeFrontend, 4> frontends{};
  std::array<bool, 4> has_frontend{};
  std::unique_ptr<Subsystem> types;  // src/abi: TypeTable + TargetABI

  // Report and throw Fatal.
  [[noreturn]] void fatal(Loc loc, const char* fmt, ...)
#if defined(__GNUC__)
      __attribute__((format(printf, 3, 4)))
#endif
      ;
  void error(Loc loc, const char* fmt, ...)
#if defined(__GNUC__)
      __attribute__((format(printf, 3, 4)))
#endif
      ;
};

// A CfreeHeap over malloc/free, for hosts (and tests) that want the default.
CfreeHeap libc_heap();

// Run `fn` at a public API boundary: every exception becomes a status, so
// none crosses the C API.
template <class Fn>
CfreeStatus guard(Compiler* c, Fn&& fn) {
  try {
    return fn();
  } catch (const Fatal& f) {
    return f.status;
  } catch (const OutOfMemory&) {
    if (c) c->diags.reportf(CFREE_SEV_ERROR, 0, "out of memory");
    return CFREE_ERR_NOMEM;
  } catch (const InternalError& e) {
    if (c) {
      try {
        c->diags.reportf(CFREE_SEV_ERROR, 0, "internal compiler error: %s:%d: %s", e.file,
                         e.line, e.what);
      } catch (...) {
      }
    }
    return CFREE_ERR_INTERNAL;
  } catch (const std::bad_alloc&) {
    return CFREE_ERR_NOMEM;
  }
}

}  // namespace cfree

struct CfreeCompiler : cfree::Compiler {
  using cfree::Compiler::Compiler;
};
