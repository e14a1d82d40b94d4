// sema_vector.cpp: GCC generic vector extensions (GCC manual, "Using Vector
// Instructions through Built-in Functions").
//
// `__attribute__((vector_size(N)))` on an integer or floating type T makes a
// vector of N / sizeof(T) elements (a power of 2); the machine type comes
// from cfree_type_vector, whose size, alignment and call classification are
// the target ABI's (src/abi).  For the value stack a vector is an aggregate:
// it lives in memory and travels by address, like a struct, so assignment,
// argument passing and returns reuse the aggregate paths.
//
// Operations are lowered element by element through memory, by one shared
// mechanism: each operand is first made symbolic (a vector at a fixed
// address: its variable, or a temporary copy of a value on the CG stack; a
// scalar operand of a mixed operation is converted to the element type once
// and "splat"), then a loop over the element indices applies the ordinary C
// scalar operation (arith/compare/unary_op, so promotions, wrap-around and
// division semantics are exactly C's on the element type) to element
// lvalues and stores the result, converted back to the element type, into a
// fresh temporary that is the expression's value.  Comparisons yield
// vectors of the signed integer type of the element's size holding -1
// (true) or 0.  Casts between vectors, and between a vector and a scalar of
// the same size, reinterpret the bits.  Subscripting v[i] views the vector as
// an array of its elements.  __builtin_shuffle and __builtin_convertvector
// use the same element loop.
#include "c/parse.h"

namespace cfree::c {

CType* Parser::vector_of(CType* elem, u64 bytes, CfreeLoc loc) {
  CType* e = int_underlying(elem->unq);
  bool ok = (is_integer(e) && e->k != TK::Bool) || e->k == TK::Float || e->k == TK::Double;
  if (!ok) {
    error(loc, "invalid vector type for attribute 'vector_size'");
    return elem;
  }
  u64 es = size_of(e);
  if (bytes % es) {
    error(loc, "vector size not an integral multiple of component size");
    return elem;
  }
  u64 n = bytes / es;
  if (n & (n - 1)) {
    error(loc, "number of vector components %llu not a power of two", static_cast<unsigned long long>(n));
    return elem;
  }
  if (bytes > (1u << 16)) {
    error(loc, "vector size too large");
    return elem;
  }
  CType* v = new_type(TK::Vector);
  v->base = e;
  v->count = static_cast<i64>(n);
  return elem->q ? qualify(v, elem->q) : v;
}

// GCC applies vector_size to the innermost type of a declarator: `V *p`,
// arrays and function returns keep their shape around the vector.
CType* Parser::apply_vector(CType* t, const Attrs& a, CfreeLoc loc) {
  if (!a.vector) return t;
  switch (t->k) {
    case TK::Ptr: return qualify(pointer_to(apply_vector(t->base, a, loc)), t->q);
    case TK::Array: {
      CType* r = array_of(apply_vector(t->base, a, loc), t->count);
      return qualify(r, t->q);
    }
    case TK::Func: return func_type(apply_vector(t->base, a, loc), t->fn);
    default: break;
  }
  if (t->k == TK::Vector) {
    error(loc, "invalid vector type for attribute 'vector_size'");
    return t;
  }
  CType* v = vector_of(t, a.vector_size, loc);
  if (t->align && v != t) v = with_align(v, t->align);
  return v;
}

// Vectors convert implicitly when they have the same shape and their
// elements differ at most in signedness (GCC without -flax-vector-conversions).
bool Parser::vec_convertible(CType* a, CType* b) {
  a = a->unq;
  b = b->unq;
  if (!is_vector(a) || !is_vector(b) || a->count != b->count) return false;
  if (compatible(a->base, b->base, true)) return true;
  return is_integer(a->base) && is_integer(b->base) && size_of(a->base) == size_of(b->base);
}

CType* Parser::vec_cmp_type(CType* v) {
  v = v->unq;
  u64 es = size_of(v->base);
  CType* e = es == 1 ? t_schar : es == 2 ? t_short : es == 4 ? t_int : es == 8 ? t_long : t_int128;
  if (e == v->base) return v;
  CType* r = new_type(TK::Vector);
  r->base = e;
  r->count = v->count;
  return r;
}

// Make an operand symbolic (see the file comment).  `vt` is the vector type
// of the operation; a scalar operand becomes an element-typed constant or
// an element-typed temporary.
Val Parser::vec_operand(Val v, CType* vt, CfreeLoc loc) {
  if (v.ty && is_vector(v.ty->unq)) {
    if (!on_stack(v)) return v;
    CfreeCgSlot s = g.slot(size_of(v.ty), align_of(v.ty));
    if (v.off) push_address(v);
    g.push_slot(s, 0, cg_ptr);
    g.swap();
    g.copy(size_of(v.ty), align_of(v.ty));
    Val r;
    r.k = Val::Lval;
    r.base = Base::Slot;
    r.slot = s;
    r.ty = v.ty;
    r.loc = v.loc;
    return r;
  }
  CType* et = vt->unq->base;
  v = rvalue(v);
  CType* from = v.ty ? v.ty->unq : t_int;
  // GCC rejects a scalar that the element type cannot represent: a wider
  // non-constant integer, a non-constant float for integer elements, a
  // constant that does not fit.
  bool bad = false;
  if (v.k == Val::Const && is_integer(from) && is_integer(et)) {
    bad = norm_int(et, v.i) != v.i && !(is_signed_t(from) != is_signed_t(et) && size_of(from) <= size_of(et));
  } else if (v.k != Val::Const && v.k != Val::FConst) {
    if (is_integer(from) && is_integer(et)) bad = size_of(from) > size_of(et);
    else if (is_float(from) && is_integer(et)) bad = true;
    else if (is_float(from) && is_float(et)) bad = size_of(from) > size_of(et);
  } else if (v.k == Val::FConst && is_integer(et)) {
    bad = true;
  }
  if (bad) error(loc, "conversion of scalar '%s' to vector '%s' involves truncation", type_str(from).c_str(), type_str(vt).c_str());
  v = convert(v, et);
  if (v.k == Val::Const || v.k == Val::FConst) return v;
  CfreeCgSlot s = g.slot(size_of(et), align_of(et));
  materialize(v);
  g.push_slot(s, 0, cg_ptr);
  g.swap();
  g.store(cgt(et), 0);
  Val r;
  r.k = Val::Lval;
  r.base = Base::Slot;
  r.slot = s;
  r.ty = et;
  return r;
}

// Element i of a symbolic operand (a splat scalar is its own element).
Val Parser::vec_elem(const Val& op, CType* vt, u64 i) {
  if (!op.ty || !is_vector(op.ty->unq)) return op;
  (void)vt;
  Val e = op;
  CType* et = op.ty->unq->base;
  e.ty = op.ty->q ? qualify(et, op.ty->q) : et;
  e.k = Val::Lval;
  e.bitfield = false;
  e.off += static_cast<i64>(i * size_of(et));
  return e;
}

Val Parser::vec_result(CType* vt, u64 n, CfreeCgSlot* slot) {
  (void)n;
  *slot = g.slot(size_of(vt), align_of(vt));
  Val r;
  r.k = Val::Lval;
  r.base = Base::Slot;
  r.slot = *slot;
  r.ty = vt->unq;
  r.nonconst = true;
  return r;
}

void Parser::vec_store_elem(CfreeCgSlot slot, CType* et, u64 i, Val v) {
  v = convert(v, et);
  materialize(v);
  g.push_slot(slot, static_cast<i64>(i * size_of(et)), cg_ptr);
  g.swap();
  g.store(cgt(et), 0);
}

static bool int_only_op(Tok op) {
  return op == Tok::Percent || op == Tok::Amp || op == Tok::Pipe || op == Tok::Caret || op == Tok::LessLess ||
         op == Tok::GreaterGreater;
}

Val Parser::vec_binary(Tok op, Val a, Val b, CfreeLoc loc, bool is_cmp) {
  CType* at = a.ty ? a.ty->unq : t_int;
  CType* bt = b.ty ? b.ty->unq : t_int;
  bool av = is_vector(at), bv = is_vector(bt);
  CType* vt = av ? at : bt;
  auto invalid = [&]() {
    error(loc, "invalid operands to binary %s (have '%s' and '%s')", tok_name(op), type_str(a.ty).c_str(),
          type_str(b.ty).c_str());
    discard(b);
    discard(a);
    return mk_const(t_int, 0);
  };
  if (a.k == Val::Void || b.k == Val::Void) return invalid();
  if (av && bv) {
    if (!vec_convertible(at, bt) || size_of(at) != size_of(bt)) return invalid();
  } else {
    CType* st = av ? bt : at;
    if (!is_integer(st) && !is_float(st)) return invalid();
  }
  if (int_only_op(op) && !is_integer(vt->base)) return invalid();
  // Operands top of the CG stack first, so each pops what it owns.
  b = vec_operand(b, vt, loc);
  a = vec_operand(a, vt, loc);
  CType* rt = is_cmp ? vec_cmp_type(vt) : vt;
  CfreeCgSlot rs = 0;
  u64 n = static_cast<u64>(vt->count);
  Val r = vec_result(rt, n, &rs);
  for (u64 i = 0; i < n; i++) {
    Val x = vec_elem(a, vt, i), y = vec_elem(b, vt, i);
    Val e;
    if (is_cmp) {
      e = compare(op, x, y, loc);
      e = unary_op(Tok::Minus, e, loc);  // true -> -1 (all bits set)
    } else {
      e = arith(op, x, y, loc);
    }
    vec_store_elem(rs, rt->base, i, e);
  }
  return r;
}

Val Parser::vec_unary(Tok op, Val v, CfreeLoc loc) {
  CType* vt = v.ty->unq;
  if (op == Tok::Plus) return v;
  if (op == Tok::Bang || (op == Tok::Tilde && !is_integer(vt->base))) {
    error(loc, op == Tok::Bang ? "wrong type argument to unary exclamation mark" : "wrong type argument to bit-complement");
    discard(v);
    return mk_const(t_int, 0);
  }
  v = vec_operand(v, vt, loc);
  CfreeCgSlot rs = 0;
  u64 n = static_cast<u64>(vt->count);
  Val r = vec_result(vt, n, &rs);
  for (u64 i = 0; i < n; i++) vec_store_elem(rs, vt->base, i, unary_op(op, vec_elem(v, vt, i), loc));
  return r;
}

// Casts involving a vector: same-size reinterpretation (6.5.4 does not
// cover vectors; GCC's rules).
Val Parser::vec_cast(Val v, CType* to, CfreeLoc loc) {
  v = rvalue(v);
  CType* tu = to->unq;
  CType* from = v.ty ? v.ty->unq : t_int;
  if (v.k == Val::Void) {
    error(loc, "void value not ignored as it ought to be");
    return mk_const(t_int, 0);
  }
  if (is_vector(tu)) {
    if (is_vector(from)) {
      if (size_of(from) != size_of(tu)) {
        error(loc, "cannot convert a vector of type '%s' to type '%s' which has different size",
              type_str(from).c_str(), type_str(tu).c_str());
      }
      v.ty = tu;
      return v;
    }
    if (!is_integer(from) && !is_float(from) && from->k != TK::Ptr) {
      error(loc, "conversion to non-scalar type requested");
      discard(v);
      return mk_const(t_int, 0);
    }
    if (size_of(from) != size_of(tu)) {
      error(loc, "cannot convert a value of type '%s' to vector type '%s' which has different size",
            type_str(from).c_str(), type_str(tu).c_str());
      discard(v);
      CfreeCgSlot rs = 0;
      return vec_result(tu, 0, &rs);
    }
    // The scalar's bits become the vector: store them into a temporary.
    CfreeCgSlot s = g.slot(size_of(tu), align_of(tu));
    materialize(v);
    g.push_slot(s, 0, cg_ptr);
    g.swap();
    g.store(cgt(from), 0);
    Val r;
    r.k = Val::Lval;
    r.base = Base::Slot;
    r.slot = s;
    r.ty = tu;
    r.nonconst = true;
    return r;
  }
  // Vector to scalar: only integers (and pointers) of the same size.
  if ((!is_integer(tu) && tu->k != TK::Ptr) || tu->k == TK::Bool || size_of(tu) != size_of(from)) {
    if (is_integer(tu) || tu->k == TK::Ptr)
      error(loc, "cannot convert a vector of type '%s' to type '%s' which has different size", type_str(from).c_str(),
            type_str(tu).c_str());
    else
      error(loc, "aggregate value used where %s was expected", is_float(tu) ? "a floating-point" : "an integer");
    discard(v);
    return mk_const(tu->k == TK::Ptr || is_integer(tu) ? tu : t_int, 0);
  }
  v.ty = tu;
  v.k = Val::Lval;
  v.bitfield = false;
  Val r = rvalue(v);
  r.nonconst = true;
  return r;
}

Val Parser::vec_to_addr(Val v) {
  CType* et = v.ty->unq->base;
  if (v.ty->q) et = qualify(et, v.ty->q);
  v.k = Val::Addr;
  v.ty = pointer_to(et);
  v.bitfield = false;
  return v;
}

// __builtin_shuffle (a, mask) / (a, b, mask): element i of the result is
// element mask[i] mod n (one input) or mod 2n of the concatenation a:b.
// Lowered as the other operations: symbolic operands, then per element an
// index computation and a load through a pointer to the chosen element.
Val Parser::vec_shuffle(CfreeLoc loc) {
  advance();  // the name
  expect(Tok::LParen);
  Val ops[3];
  CfreeLoc locs[3] = {};
  int n_ops = 0;
  while (tok.kind != Tok::RParen && tok.kind != Tok::Eof) {
    if (n_ops == 3) {
      error(tok.loc, "too many arguments to function '__builtin_shuffle'");
      g.nocode++;
      discard(rvalue(assign_expr()));
      g.nocode--;
    } else {
      locs[n_ops] = tok.loc;
      ops[n_ops++] = rvalue(assign_expr());
    }
    if (!accept(Tok::Comma)) break;
  }
  expect(Tok::RParen);
  auto fail = [&](const char* msg) {
    error(loc, "%s", msg);
    for (int i = n_ops; i-- > 0;) discard(ops[i]);
    return mk_const(t_int, 0);
  };
  if (n_ops < 2) return fail("too few arguments to function '__builtin_shuffle'");
  for (int i = 0; i < n_ops; i++)
    if (!ops[i].ty || !is_vector(ops[i].ty->unq)) return fail("'__builtin_shuffle' arguments must be vectors");
  CType* vt = ops[0].ty->unq;
  CType* mt = ops[n_ops - 1].ty->unq;
  if (!is_integer(mt->base)) return fail("'__builtin_shuffle' last argument must be an integer vector");
  if (mt->count != vt->count) return fail("'__builtin_shuffle' number of elements of the argument vector(s) and the mask vector should be the same");
  if (n_ops == 3 && !compatible(vt, ops[1].ty->unq, true))
    return fail("'__builtin_shuffle' argument vectors must be of the same type");
  for (int i = n_ops; i-- > 0;) ops[i] = vec_operand(ops[i], vt, locs[i]);
  u64 n = static_cast<u64>(vt->count);
  u64 es = size_of(vt->base);
  CfreeCgSlot rs = 0;
  Val r = vec_result(vt, n, &rs);
  // With two inputs, copy them into one contiguous 2n-element temporary.
  Val src = ops[0];
  if (n_ops == 3) {
    CfreeCgSlot both = g.slot(2 * size_of(vt), align_of(vt));
    for (int k = 0; k < 2; k++) {
      Val dst;
      dst.k = Val::Lval;
      dst.base = Base::Slot;
      dst.slot = both;
      dst.off = static_cast<i64>(k * size_of(vt));
      dst.ty = vt;
      assign_to(dst, ops[k], loc, false);
    }
    src = Val{};
    src.k = Val::Lval;
    src.base = Base::Slot;
    src.slot = both;
    src.ty = vt;
  }
  u64 total = n_ops == 3 ? 2 * n : n;
  Val base = vec_to_addr(src);
  for (u64 i = 0; i < n; i++) {
    // idx = mask[i] & (total - 1)  (total is a power of 2)
    Val m = vec_elem(ops[n_ops - 1], mt, i);
    Val idx = arith(Tok::Amp, convert(m, t_ulong), mk_const(t_ulong, total - 1), loc);
    Val p = ptr_add(base, idx, false, loc);
    Val e = rvalue(deref(p, loc));
    vec_store_elem(rs, vt->base, i, e);
  }
  (void)es;
  return r;
}

// __builtin_convertvector (v, T): element-wise C conversion to the vector
// type T with the same number of elements.
Val Parser::vec_convertvector(CfreeLoc loc) {
  advance();  // the keyword
  expect(Tok::LParen);
  CfreeLoc vloc = tok.loc;
  Val v = rvalue(assign_expr());
  expect(Tok::Comma);
  CType* to = type_name();
  expect(Tok::RParen);
  if (!v.ty || !is_vector(v.ty->unq)) {
    error(vloc, "'__builtin_convertvector' first argument must be an integer or floating vector");
    discard(v);
    return mk_const(t_int, 0);
  }
  CType* tu = to->unq;
  CType* ft = v.ty->unq;
  if (!is_vector(tu)) {
    error(loc, "'__builtin_convertvector' second argument must be an integer or floating vector type");
    discard(v);
    return mk_const(t_int, 0);
  }
  if (tu->count != ft->count) {
    error(loc, "'__builtin_convertvector' number of elements of the first argument vector and the second argument vector type should be the same");
    discard(v);
    return mk_const(t_int, 0);
  }
  v = vec_operand(v, ft, vloc);
  u64 n = static_cast<u64>(tu->count);
  CfreeCgSlot rs = 0;
  Val r = vec_result(tu, n, &rs);
  for (u64 i = 0; i < n; i++) vec_store_elem(rs, tu->base, i, vec_elem(v, ft, i));
  return r;
}

// A static initializer element that is a vector compound literal: copy the
// literal's bytes (GCC treats it as a constant).
bool Parser::init_static_literal(const Val& v, u64 off) {
  if (v.k != Val::Lval || v.base != Base::Sym || !v.d || v.off != 0) return false;
  for (auto it = static_lits_.rbegin(); it != static_lits_.rend(); ++it) {
    if (it->first != v.d) continue;
    const InitBuf& lit = it->second;
    InitBuf* b = init_buf_;
    u64 size = size_of(v.ty);
    if (b->bytes.size() < off + size) b->bytes.resize(off + size, 0);
    std::memcpy(b->bytes.data() + off, lit.bytes.data(), std::min<u64>(size, lit.bytes.size()));
    for (InitBuf::Reloc r : lit.relocs) {
      r.off += off;
      b->relocs.push_back(r);
    }
    return true;
  }
  return false;
}

}  // namespace cfree::c
