// gen.cpp: the parser's thin layer over the public value-stack CG API.
//
// Every call is forwarded to cfree_cg_* only when code is wanted: not under
// -fsyntax-only (no CG behind), not in unevaluated contexts (sizeof operands,
// constant expressions, the dead arm of a constant ?:, static initializers)
// and not outside functions.  The layer mirrors the CG stack's types so the
// parser can spill live values to frame slots before a branch -- the API
// requires an empty stack at labels and jumps (C's &&, ||, ?: and statement
// expressions inside a larger expression need this).
#include "c/parse.h"

namespace cfree::c {

void Gen::push_int(CfreeType t, u64 v) {
  if (!on()) return;
  cfree_cg_push_int(cg, t, v);
  stack.push_back(t);
}
void Gen::push_float(CfreeType t, const void* bytes) {
  if (!on()) return;
  cfree_cg_push_float(cg, t, bytes);
  stack.push_back(t);
}
void Gen::push_sym(CfreeCgSym s, i64 add, CfreeType ptr_ty) {
  if (!on()) return;
  cfree_cg_push_sym_addr(cg, s, add);
  stack.push_back(ptr_ty);
}
void Gen::push_slot(CfreeCgSlot s, i64 off, CfreeType ptr_ty) {
  if (!on()) return;
  cfree_cg_push_slot_addr(cg, s, off);
  stack.push_back(ptr_ty);
}
void Gen::push_label(CfreeCgLabel l, CfreeType ptr_ty) {
  if (!on()) return;
  cfree_cg_push_label_addr(cg, l);
  stack.push_back(ptr_ty);
}
void Gen::dup() {
  if (!on() || stack.empty()) return;
  cfree_cg_dup(cg);
  stack.push_back(stack.back());
}
void Gen::swap() {
  if (!on() || stack.size() < 2) return;
  cfree_cg_swap(cg);
  std::swap(stack[stack.size() - 1], stack[stack.size() - 2]);
}
void Gen::pop() {
  if (!on() || stack.empty()) return;
  cfree_cg_pop(cg);
  drop(1);
}
void Gen::rotate(unsigned depth) {
  if (!on() || stack.size() <= depth) return;
  cfree_cg_rotate(cg, depth);
  CfreeType t = stack[stack.size() - 1 - depth];
  stack.erase(stack.end() - 1 - depth);
  stack.push_back(t);
}
void Gen::retype(CfreeType t) {
  if (!on() || stack.empty()) return;
  if (stack.back() == t) return;
  cfree_cg_retype(cg, t);
  set_top(t);
}
void Gen::load(CfreeType t, u32 flags) {
  if (!on()) return;
  CfreeMemAccess m{0, flags};
  cfree_cg_load(cg, t, flags ? &m : nullptr);
  set_top(t);
}
void Gen::store(CfreeType t, u32 flags) {
  if (!on()) return;
  CfreeMemAccess m{0, flags};
  cfree_cg_store(cg, t, flags ? &m : nullptr);
  drop(1);
  drop(1);
}
void Gen::copy(u64 size, u32 align) {
  if (!on()) return;
  cfree_cg_copy(cg, size, align);
  drop(1);
  drop(1);
}
void Gen::copy_dynamic() {
  if (!on()) return;
  cfree_cg_copy_dynamic(cg);
  drop(3);
}
void Gen::fill(u64 size, u32 align) {
  if (!on()) return;
  cfree_cg_fill(cg, size, align);
  drop(1);
  drop(1);
}
void Gen::bf_load(CfreeType t, const CfreeBitField& bf, u32 flags) {
  if (!on()) return;
  CfreeMemAccess m{0, flags};
  cfree_cg_bitfield_load(cg, t, &bf, flags ? &m : nullptr);
  set_top(t);
}
void Gen::bf_store(CfreeType t, const CfreeBitField& bf, u32 flags) {
  if (!on()) return;
  CfreeMemAccess m{0, flags};
  cfree_cg_bitfield_store(cg, t, &bf, flags ? &m : nullptr);
  drop(1);
  drop(1);
}
void Gen::binop(CfreeBinop op, CfreeType t) {
  if (!on()) return;
  cfree_cg_binop(cg, op, t);
  drop(1);
  set_top(t);
}
void Gen::unop(CfreeUnop op, CfreeType t) {
  if (!on()) return;
  cfree_cg_unop(cg, op, t);
  set_top(t);
}
void Gen::cmp(CfreeCmp op, CfreeType ot, CfreeType rt) {
  if (!on()) return;
  cfree_cg_cmp(cg, op, ot, rt);
  drop(1);
  set_top(rt);
}
void Gen::convert(CfreeConv conv, CfreeType to) {
  if (!on()) return;
  cfree_cg_convert(cg, conv, to);
  set_top(to);
}
CfreeCgLabel Gen::label() {
  if (!emit || !in_func) return 0;
  return cfree_cg_label_new(cg);
}
void Gen::place(CfreeCgLabel l) {
  if (!on() || !l) return;
  cfree_cg_label_place(cg, l);
}
void Gen::jump(CfreeCgLabel l) {
  if (!on() || !l) return;
  cfree_cg_jump(cg, l);
}
void Gen::branch(bool when_true, CfreeCgLabel l) {
  if (!on()) return;
  cfree_cg_branch(cg, when_true, l);
  drop(1);
}
CfreeCgSlot Gen::slot(u64 size, u32 align, u32 flags) {
  if (!emit || !in_func) return 0;
  return cfree_cg_slot(cg, size ? size : 1, align ? align : 1, flags);
}
void Gen::call(CfreeType fn, size_t n, const CfreeType* arg_types, CfreeType ret, bool chain) {
  if (!on()) return;
  if (chain) cfree_cg_call_chain(cg, fn, n, arg_types);
  else cfree_cg_call(cg, fn, n, arg_types);
  drop(n + 1 + (chain ? 1 : 0));
  if (ret) stack.push_back(ret);
}
void Gen::push_frame(unsigned up, CfreeType ptr_ty) {
  if (!on()) return;
  cfree_cg_push_frame(cg, up);
  stack.push_back(ptr_ty);
}
void Gen::ret(bool has_value) {
  if (!on()) return;
  cfree_cg_ret(cg);
  if (has_value) drop(1);
}
void Gen::alloca_(u32 align, CfreeType ptr_ty) {
  if (!on()) return;
  cfree_cg_alloca(cg, align);
  set_top(ptr_ty);
}
void Gen::intrinsic(CfreeIntrinsic id, CfreeType t, unsigned pops, unsigned pushes, CfreeType push_ty) {
  if (!on()) return;
  cfree_cg_intrinsic(cg, id, t);
  drop(pops);
  for (unsigned i = 0; i < pushes; i++) stack.push_back(i + 1 == pushes ? push_ty : t);
}

void Gen::spill(Spill* s, CfreeType ptr_ty) {
  s->slots.clear();
  if (!on()) return;
  while (!stack.empty()) {
    CfreeType t = stack.back();
    CfreeCgSlot sl = cfree_cg_slot(cg, 16, 16, 0);
    s->slots.push_back({sl, t});
    push_slot(sl, 0, ptr_ty);
    swap();
    store(t, 0);
  }
}
void Gen::spill_below_top(Spill* s, CfreeType ptr_ty, bool top_on_stack) {
  spill(s, ptr_ty);
  if (top_on_stack && !s->slots.empty()) {
    auto top = s->slots.front();
    s->slots.erase(s->slots.begin());
    push_slot(top.first, 0, ptr_ty);
    load(top.second, 0);
  }
}

void Gen::unspill(const Spill& s, CfreeType ptr_ty) {
  if (!on()) return;
  for (size_t i = s.slots.size(); i-- > 0;) {
    push_slot(s.slots[i].first, 0, ptr_ty);
    load(s.slots[i].second, 0);
  }
}

}  // namespace cfree::c
