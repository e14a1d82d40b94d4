// fatal.h: the exceptions that carry control out of a failed operation.
//
// The seed's setjmp/longjmp panic maps to C++ exceptions: a fatal diagnostic
// is reported first and then `Fatal` is thrown; RAII releases what was
// allocated; every public entry point (src/api) catches and converts to a
// CfreeStatus via guard().  Nothing here ever crosses the C API.
#pragma once

#include "core/base.h"

#include <cfree.h>

namespace cfree {

// Thrown after a fatal (or error-limit) diagnostic was reported.
struct Fatal {
  CfreeStatus status = CFREE_ERR_COMPILE;
};

// Thrown when the host heap refuses an allocation.
struct OutOfMemory {};

// Thrown by CFREE_ASSERT; the message was already reported.
struct InternalError {
  const char* file;
  int line;
  const char* what;
};

}  // namespace cfree
