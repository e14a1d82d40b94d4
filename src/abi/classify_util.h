// classify_util.h: small helpers shared by the three call classifiers.
//
// Each classifier walks the arguments in order with a register/stack cursor
// (the psABIs' NGRN/NSRN/NSAA) and fills ABIValues; these helpers build the
// common part kinds and the argument list from a prototype.
#pragma once

#include "abi/abi.h"

#include <algorithm>
#include "core/arena.h"

namespace cfree::abi {

struct ArgCursor {
  u32 gpr = 0, fpr = 0;  // next free argument register of each class
  u64 stack = 0;         // next free byte of the outgoing argument area
};

inline ABIPart gpr_part(u32 reg, u32 offset, u32 size, TypeId type) {
  ABIPart p;
  p.kind = CFREE_ABI_GPR;
  p.reg = reg;
  p.offset = offset;
  p.size = size;
  p.type = type;
  return p;
}

inline ABIPart fpr_part(u32 reg, u32 offset, u32 size, TypeId type) {
  ABIPart p = gpr_part(reg, offset, size, type);
  p.kind = CFREE_ABI_FPR;
  return p;
}

inline ABIPart stack_part(u64 stack_offset, u32 offset, u32 size, TypeId type) {
  ABIPart p;
  p.kind = CFREE_ABI_STACK;
  p.offset = offset;
  p.size = size;
  p.type = type;
  p.stack_offset = static_cast<u32>(stack_offset);
  return p;
}

// Start an ABIFuncInfo: fills n_named/variadic and allocates args.  Returns
// the type of each argument in `types` (arena-allocated).
inline const TypeId* begin_call(TypeTable& t, TypeId fn, const TypeId* arg_types, size_t n_args,
                                Arena& arena, ABIFuncInfo& out) {
  CFREE_ASSERT(t.valid(fn) && t.kind(fn) == CFREE_TY_FUNC);
  auto params = t.params(fn);
  const TypeNode& fnode = t.node(fn);
  out = ABIFuncInfo{};
  out.variadic = fnode.variadic;
  if (!arg_types) n_args = params.size();
  CFREE_ASSERT(n_args >= params.size());
  // Extra arguments to a non-variadic type are a call through an
  // unprototyped declaration: they are passed as named ones.
  out.n_named = fnode.variadic ? params.size() : n_args;
  out.n_args = n_args;
  out.args = arena.alloc_array<ABIValue>(n_args);
  TypeId* types = arena.alloc_array<TypeId>(n_args);
  for (size_t i = 0; i < n_args; i++) types[i] = arg_types ? arg_types[i] : params[i];
  return types;
}

}  // namespace cfree::abi
