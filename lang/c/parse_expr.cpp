// parse_expr.cpp: expression syntax (C11 6.5) and its code.
//
// Precedence climbing over the binary operators, recursive descent for the
// rest.  Each production returns a lazy Val (sema_expr.cpp) and emits CG
// operations only when a value must exist at run time.  Short-circuit and
// conditional operators branch, so whatever is live on the CG stack around
// them is spilled first (Gen::spill) and the result travels through a frame
// slot.  Constant operands fold on the spot, which is how integer constant
// expressions (array sizes, case labels, enumerators, _Static_assert, bit-field
// widths) and address constants (static initializers) are evaluated.
#include "c/parse.h"

#include "c/literal.h"

#include <string>

namespace cfree::c {

static int binary_prec(Tok k) {
  switch (k) {
    case Tok::PipePipe: return 1;
    case Tok::AmpAmp: return 2;
    case Tok::Pipe: return 3;
    case Tok::Caret: return 4;
    case Tok::Amp: return 5;
    case Tok::EqualEqual: case Tok::BangEqual: return 6;
    case Tok::Less: case Tok::Greater: case Tok::LessEqual: case Tok::GreaterEqual: return 7;
    case Tok::LessLess: case Tok::GreaterGreater: return 8;
    case Tok::Plus: case Tok::Minus: return 9;
    case Tok::Star: case Tok::Slash: case Tok::Percent: return 10;
    default: return 0;
  }
}

static bool is_assign_op(Tok k) {
  switch (k) {
    case Tok::Equal: case Tok::StarEqual: case Tok::SlashEqual: case Tok::PercentEqual:
    case Tok::PlusEqual: case Tok::MinusEqual: case Tok::LessLessEqual: case Tok::GreaterGreaterEqual:
    case Tok::AmpEqual: case Tok::CaretEqual: case Tok::PipeEqual:
      return true;
    default: return false;
  }
}

static Tok compound_base(Tok k) {
  switch (k) {
    case Tok::StarEqual: return Tok::Star;
    case Tok::SlashEqual: return Tok::Slash;
    case Tok::PercentEqual: return Tok::Percent;
    case Tok::PlusEqual: return Tok::Plus;
    case Tok::MinusEqual: return Tok::Minus;
    case Tok::LessLessEqual: return Tok::LessLess;
    case Tok::GreaterGreaterEqual: return Tok::GreaterGreater;
    case Tok::AmpEqual: return Tok::Amp;
    case Tok::CaretEqual: return Tok::Caret;
    default: return Tok::Pipe;
  }
}

Val Parser::expr() {
  Val v = assign_expr();
  while (tok.kind == Tok::Comma) {
    advance();
    discard(decay(v));
    if (v.k == Val::Lval && on_stack(v)) {
      // already popped by discard
    }
    v = assign_expr();
    if (v.k == Val::Const || v.k == Val::FConst) v.nonconst = true;
  }
  return v;
}

Val Parser::assign_expr() {
  bool discard_result = discard_;
  discard_ = false;
  Val l = cond_expr();
  if (is_assign_op(tok.kind)) {
    Tok op = tok.kind;
    CfreeLoc loc = tok.loc;
    advance();
    return assign(op, l, loc, !discard_result);
  }
  return l;
}

void Parser::readonly_error(const Val& v, CfreeLoc loc, const char* what) {
  if (v.bf && v.bf->name) error(loc, "%s of read-only member '%s'", what, sym_str(v.bf->name));
  else if (v.d && (v.base == Base::Sym || v.base == Base::Slot)) error(loc, "%s of read-only variable '%s'", what, sym_str(v.d->name));
  else error(loc, "%s of read-only location", what);
}

Val Parser::assign(Tok op, Val l, CfreeLoc loc, bool keep) {
  bool ok = true;
  if (l.k != Val::Lval) {
    error(loc, "lvalue required as left operand of assignment");
    ok = false;
  } else if (l.ty->k == TK::Array) {
    error(loc, "assignment to expression with array type");
    ok = false;
  } else if (l.ty->q & Q_CONST) {
    readonly_error(l, loc, "assignment");
  } else if (is_record(l.ty) && l.ty->rec->has_const) {
    readonly_error(l, loc, "assignment");
  } else if (l.ty->k == TK::Func) {
    error(loc, "lvalue required as left operand of assignment");
    ok = false;
  }
  if (!ok) {
    discard(l);
    Val r = assign_expr();
    discard(rvalue(r));
    return mk_const(t_int, 0);
  }
  if (op == Tok::Equal) {
    CfreeLoc rloc = tok.loc;
    Val r = assign_expr();
    r = assign_convert(r, l.ty, is_record(l.ty) ? rloc : loc, "assignment");
    return assign_to(l, r, loc, keep);
  }
  // Compound assignment: the lvalue's address is evaluated once.
  // The right operand is evaluated before the lvalue is read (GCC's order:
  // `x |= f()` sees f's store to x).
  Tok bop = compound_base(op);
  push_address(l);
  g.dup();
  Val cur = l;
  cur.k = Val::Lval;
  cur.base = Base::Stack;
  Val r = assign_expr();
  rvalue2(cur, r);
  Val res;
  if (l.ty->k == TK::Ptr && (bop == Tok::Plus || bop == Tok::Minus)) {
    if (!is_integer(r.ty)) {
      error(loc, "invalid operands to binary %s (have '%s' and '%s')", tok_name(bop), type_str(l.ty).c_str(), type_str(r.ty).c_str());
      discard(r);
      res = cur;
    } else {
      res = ptr_add(cur, r, bop == Tok::Minus, loc);
    }
  } else {
    res = arith(bop, cur, r, loc);
  }
  res = convert(res, l.ty->unq);
  Val target = l;
  target.k = Val::Lval;
  target.base = Base::Stack;
  target.off = 0;
  return assign_to(target, res, loc, keep);
}

Val Parser::cond_expr() {
  Val c = binary_expr(1);
  if (tok.kind != Tok::Question) return c;
  CfreeLoc loc = tok.loc;
  advance();
  return conditional(c, loc);
}

Val Parser::binary_expr(int min_prec) {
  Val l = cast_expr();
  for (;;) {
    int p = binary_prec(tok.kind);
    if (p == 0 || p < min_prec) return l;
    Tok op = tok.kind;
    CfreeLoc loc = tok.loc;
    advance();
    if (op == Tok::AmpAmp || op == Tok::PipePipe) {
      l = logical(op == Tok::AmpAmp, l, loc);
      continue;
    }
    Val r = binary_expr(p + 1);
    if (p == 6 || p == 7) l = compare(op, l, r, loc);
    else l = arith(op, l, r, loc);
  }
}

Val Parser::logical(bool is_and, Val a, CfreeLoc loc) {
  a = rvalue(a);
  if (a.k == Val::Void) error(a.loc ? a.loc : loc, "void value not ignored as it ought to be");
  else if (!is_scalar(a.ty)) error(a.loc ? a.loc : loc, "used %s type value where scalar is required", is_record(a.ty) ? (a.ty->k == TK::Struct ? "struct" : "union") : "array");
  int prec = is_and ? 3 : 2;
  bool a_const = a.k == Val::Const || a.k == Val::FConst || (a.k == Val::Addr && a.base == Base::Sym);
  if (a_const) {
    bool av = a.k == Val::Const ? const_wide(a) != 0 : a.k == Val::FConst ? a.f != 0 || a.fi != 0 : true;
    if (av != is_and) {
      // Result decided: the right operand is not evaluated.
      g.nocode++;
      Val b = binary_expr(prec);
      discard(rvalue(b));
      g.nocode--;
      Val r = mk_const(t_int, av ? 1 : 0);
      if (b.k != Val::Const && b.k != Val::FConst && !(b.k == Val::Addr && b.base == Base::Sym)) r.nonconst = false;
      return r;
    }
    Val b = binary_expr(prec);
    b = rvalue(b);
    if (!is_scalar(b.ty)) error(loc, "invalid operands to binary %s", is_and ? "&&" : "||");
    Val bb = convert(b, t_bool);
    return convert(bb, t_int);
  }
  Spill sp;
  g.spill_below_top(&sp, cg_ptr, on_stack(a));
  CfreeCgSlot tmp = g.slot(4, 4);
  CfreeCgLabel lshort = g.label(), lend = g.label();
  emit_cond_branch(a, !is_and, lshort);
  Val b = binary_expr(prec);
  b = rvalue(b);
  if (!is_scalar(b.ty)) error(loc, "invalid operands to binary %s", is_and ? "&&" : "||");
  emit_cond_branch(b, !is_and, lshort);
  g.push_slot(tmp, 0, cg_ptr);
  g.push_int(cgt(t_int), is_and ? 1 : 0);
  g.store(cgt(t_int), 0);
  g.jump(lend);
  g.place(lshort);
  g.push_slot(tmp, 0, cg_ptr);
  g.push_int(cgt(t_int), is_and ? 0 : 1);
  g.store(cgt(t_int), 0);
  g.place(lend);
  g.unspill(sp, cg_ptr);
  g.push_slot(tmp, 0, cg_ptr);
  g.load(cgt(t_int), 0);
  return mk_stack(t_int);
}

// The type of `c ? a : b` (6.5.15p3-6).
static CType* cond_type(Parser* p, const Val& a, const Val& b, CfreeLoc loc) {
  CType* at = a.ty ? a.ty->unq : p->t_int;
  CType* bt = b.ty ? b.ty->unq : p->t_int;
  if (Parser::is_arith(at) && Parser::is_arith(bt)) return p->arith_common(at, bt);
  if (at->k == TK::Void || bt->k == TK::Void) return p->t_void;
  if ((Parser::is_record(at) && Parser::is_record(bt)) || (Parser::is_vector(at) && Parser::is_vector(bt))) {
    if (!p->compatible(at, bt, true)) p->error(loc, "type mismatch in conditional expression");
    return at;
  }
  if (at->k == TK::Ptr && bt->k == TK::Ptr) {
    CType* ea = at->base;
    CType* eb = bt->base;
    u8 q = static_cast<u8>(ea->q | eb->q);
    if (ea->k == TK::Void && !p->null_ptr_const(a)) return p->pointer_to(p->qualify(p->t_void, q));
    if (eb->k == TK::Void && !p->null_ptr_const(b)) return p->pointer_to(p->qualify(p->t_void, q));
    if (p->null_ptr_const(a)) return bt;
    if (p->null_ptr_const(b)) return at;
    if (!p->compatible(ea->unq, eb->unq, true)) {
      p->pedwarn(loc, nullptr, "pointer type mismatch in conditional expression");
      return p->pointer_to(p->qualify(p->t_void, q));
    }
    return p->pointer_to(p->qualify(p->composite(ea->unq, eb->unq), q));
  }
  if (at->k == TK::Ptr && Parser::is_integer(bt)) {
    if (!p->null_ptr_const(b)) p->pedwarn(loc, nullptr, "pointer/integer type mismatch in conditional expression");
    return at;
  }
  if (bt->k == TK::Ptr && Parser::is_integer(at)) {
    if (!p->null_ptr_const(a)) p->pedwarn(loc, nullptr, "pointer/integer type mismatch in conditional expression");
    return bt;
  }
  p->error(loc, "type mismatch in conditional expression");
  return at;
}

Val Parser::conditional(Val c, CfreeLoc loc) {
  c = rvalue(c);
  if (!is_scalar(c.ty)) error(loc, "used %s type value where scalar is required", is_record(c.ty) ? (c.ty->k == TK::Struct ? "struct" : "union") : "non-scalar");
  bool gnu = tok.kind == Tok::Colon;
  bool c_const = c.k == Val::Const || c.k == Val::FConst || (c.k == Val::Addr && c.base == Base::Sym);
  if (c_const) {
    bool cv = c.k == Val::Const ? const_wide(c) != 0 : c.k == Val::FConst ? c.f != 0 || c.fi != 0 : true;
    Val a;
    if (gnu) {
      a = c;
    } else {
      if (!cv) g.nocode++;
      a = expr();
      a = rvalue(a);
      if (!cv) g.nocode--;
    }
    expect(Tok::Colon);
    if (cv) g.nocode++;
    Val b = cond_expr();
    b = rvalue(b);
    if (cv) g.nocode--;
    CType* t = cond_type(this, a, b, loc);
    Val r = cv ? a : b;
    Val other = cv ? b : a;
    if (t->k == TK::Void) {
      discard(r);
      Val v;
      v.k = Val::Void;
      v.ty = t_void;
      return v;
    }
    if (is_record(t) || is_vector(t)) return r;
    r = convert(r, t);
    if ((r.k == Val::Const || r.k == Val::FConst) && other.k != Val::Const && other.k != Val::FConst) r.nonconst = true;
    return r;
  }
  // Run-time condition.  Code layout (values meet in a slot):
  //   branch !c -> Lelse; a; store tmpA; jump L1;
  //   Lelse: b; convert; store tmp; jump Lend;  L1: load tmpA; convert; store tmp;  Lend:
  Spill sp;
  g.spill_below_top(&sp, cg_ptr, on_stack(c));
  CfreeCgSlot tmpa = g.slot(16, 16), tmp = g.slot(16, 16);
  CfreeCgLabel lelse = g.label(), l1 = g.label(), lend = g.label();
  Val a, a_orig;
  CType* at;
  if (gnu && c.ty->unq->k == TK::Complex) {
    // c ?: b with a complex c: kept by address (a copy if it was computed).
    at = c.ty->unq;
    c = cx_stable(c);
    Val addr = c;
    push_address(addr);
    g.push_slot(tmpa, 0, cg_ptr);
    g.swap();
    g.store(cg_ptr, 0);
    emit_cond_branch(c, false, lelse);
    a = mk_stack(at);
    g.jump(l1);
  } else if (gnu) {
    // c ?: b -- c is evaluated once and is the result when non-zero.
    at = c.ty->unq;
    materialize(c);
    g.push_slot(tmpa, 0, cg_ptr);
    g.swap();
    g.store(cgt(at), 0);
    g.push_slot(tmpa, 0, cg_ptr);
    g.load(cgt(at), 0);
    Val cv = mk_stack(at);
    emit_cond_branch(cv, false, lelse);
    a = mk_stack(at);
    g.jump(l1);
  } else {
    emit_cond_branch(c, false, lelse);
    a = expr();
    a = rvalue(a);
    a_orig = a;
    at = a.ty ? a.ty->unq : t_int;
    if (at->k != TK::Void) {
      materialize(a);
      g.push_slot(tmpa, 0, cg_ptr);
      g.swap();
      g.store(is_aggregate(at) ? cg_ptr : cgt(at), 0);
    } else {
      discard(a);
    }
    g.jump(l1);
  }
  expect(Tok::Colon);
  g.place(lelse);
  Val b = cond_expr();
  b = rvalue(b);
  Val a_desc = a_orig;
  if (gnu) a_desc = mk_stack(at);
  CType* t = cond_type(this, a_desc, b, loc);
  bool agg = is_aggregate(t);
  CfreeType st = agg ? cg_ptr : t->k == TK::Void ? 0 : cgt(t);
  if (t->k != TK::Void) {
    if (!agg || t->k == TK::Complex) b = convert(b, t);
    materialize(b);
    g.push_slot(tmp, 0, cg_ptr);
    g.swap();
    g.store(st, 0);
  } else {
    discard(b);
  }
  g.jump(lend);
  g.place(l1);
  if (t->k != TK::Void && at->k != TK::Void) {
    g.push_slot(tmpa, 0, cg_ptr);
    g.load(is_aggregate(at) ? cg_ptr : cgt(at), 0);
    Val av = mk_stack(at);
    if (t->k == TK::Complex) {
      if (is_aggregate(at)) {
        av.k = Val::Lval;
        av.base = Base::Stack;
      }
      av = convert(av, t);
      materialize(av);
    } else if (!agg) {
      av = convert(av, t);
    }
    g.push_slot(tmp, 0, cg_ptr);
    g.swap();
    g.store(st, 0);
  }
  g.place(lend);
  g.unspill(sp, cg_ptr);
  if (t->k == TK::Void) {
    Val v;
    v.k = Val::Void;
    v.ty = t_void;
    return v;
  }
  g.push_slot(tmp, 0, cg_ptr);
  g.load(st, 0);
  if (agg) {
    Val r;
    r.k = Val::Lval;
    r.base = Base::Stack;
    r.ty = t;
    r.nonconst = true;
    return r;
  }
  return mk_stack(t);
}

Val Parser::cast_expr() {
  if (tok.kind == Tok::LParen && is_type_start(peek())) {
    CfreeLoc loc = tok.loc;
    advance();
    CType* t = type_name();
    expect(Tok::RParen);
    if (tok.kind == Tok::LBrace) return postfix_ops(compound_literal(t, loc));
    Val v = cast_expr();
    if (t->k == TK::Array || t->k == TK::Func) {
      error(loc, "cast specifies %s type", t->k == TK::Array ? "array" : "function");
      discard(rvalue(v));
      return mk_const(t_int, 0);
    }
    return cast_to(v, t, loc);
  }
  return unary_expr();
}

Val Parser::incdec(Val v, bool inc, bool post, CfreeLoc loc) {
  const char* what = inc ? "increment" : "decrement";
  if (v.k != Val::Lval) {
    error(loc, "lvalue required as %s operand", inc ? "increment" : "decrement");
    discard(v);
    return mk_const(t_int, 0);
  }
  if (v.ty->q & Q_CONST) readonly_error(v, loc, what);
  CType* t = v.ty->unq;
  if (!is_scalar(t)) {
    error(loc, "wrong type argument to %s", what);
    discard(v);
    return mk_const(t_int, 0);
  }
  if (t->k == TK::Complex) {
    return cx_incdec(v, inc, post, loc);
  }
  push_address(v);
  g.dup();
  Val cur = v;
  cur = rvalue(cur);
  if (post) {
    // [A v] -> [v A v]
    g.dup();
    g.rotate(2);
    g.swap();
  }
  Val one = mk_const(t_int, 1);
  Val nv;
  if (t->k == TK::Ptr) nv = ptr_add(cur, one, !inc, loc);
  else if (t->k == TK::Bool) nv = inc ? mk_const(t_bool, 1) : arith(Tok::Minus, cur, one, loc);
  else nv = arith(inc ? Tok::Plus : Tok::Minus, cur, one, loc);
  if (t->k == TK::Bool && inc) discard(cur);
  nv = convert(nv, t);
  Val target = v;
  target.base = Base::Stack;
  target.off = 0;
  if (post) {
    assign_to(target, nv, loc, false);
    return mk_stack(t);
  }
  return assign_to(target, nv, loc, true);
}

Val Parser::unary_op(Tok op, Val v, CfreeLoc loc) {
  v = rvalue(v);
  if (v.k == Val::Void) {
    error(loc, "invalid use of void expression");
    return mk_const(t_int, 0);
  }
  CType* t = v.ty ? v.ty->unq : t_int;
  if (is_vector(t)) return vec_unary(op, v, loc);
  if (op == Tok::Bang) {
    if (!is_scalar(t)) {
      error(loc, "wrong type argument to unary exclamation mark");
      discard(v);
      return mk_const(t_int, 0);
    }
    if (t->k == TK::Complex) {
      v = cx_to_bool(v);
      t = t_bool;
    }
    if (v.k == Val::Const) return mk_const(t_int, const_wide(v) == 0);
    if (v.k == Val::FConst) return mk_const(t_int, v.f == 0 && v.fi == 0);
    if (v.k == Val::Addr && v.base == Base::Sym) return mk_const(t_int, 0);
    if (is_float(t)) {
      materialize(v);
      Val z = mk_fconst(t, 0);
      materialize(z);
      g.cmp(CFREE_CMP_FOEQ, cgt(t), cgt(t_int));
      return mk_stack(t_int);
    }
    materialize(v);
    g.push_int(cgt(t), 0);
    g.cmp(CFREE_CMP_EQ, cgt(t), cgt(t_int));
    return mk_stack(t_int);
  }
  if (op == Tok::Tilde) {
    if (!is_integer(t) && t->k != TK::Complex) {
      error(loc, "wrong type argument to bit-complement");
      discard(v);
      return mk_const(t_int, 0);
    }
    if (t->k == TK::Complex) {
      return cx_unary(Tok::Tilde, v);
    }
    CType* pt = promote(t);
    v = convert(v, pt);
    if (v.k == Val::Const) return is_int128(pt) ? mk_const128(pt, ~const_wide(v)) : mk_const(pt, ~v.i);
    materialize(v);
    g.unop(CFREE_OP_NOT, cgt(pt));
    return mk_stack(pt);
  }
  // unary + and -
  if (!is_arith(t)) {
    error(loc, "wrong type argument to unary %s", op == Tok::Plus ? "plus" : "minus");
    discard(v);
    return mk_const(t_int, 0);
  }
  if (t->k == TK::Complex) return cx_unary(op, v);
  CType* pt = is_integer(t) ? promote(t) : t;
  v = convert(v, pt);
  if (op == Tok::Plus) {
    if (v.k == Val::Const || v.k == Val::FConst) return v;
    return v;
  }
  if (v.k == Val::Const) return is_int128(pt) ? mk_const128(pt, 0 - const_wide(v)) : mk_const(pt, 0 - v.i);
  if (v.k == Val::FConst) {
    Val r = mk_fconst(pt, -v.f);
    r.fi = -v.fi;
    return r;
  }
  if (pt->k == TK::Complex) return v;
  materialize(v);
  g.unop(is_float(pt) ? CFREE_OP_FNEG : CFREE_OP_NEG, cgt(pt));
  return mk_stack(pt);
}

Val Parser::sizeof_alignof(bool is_sizeof) {
  CfreeLoc loc = tok.loc;
  const char* name = is_sizeof ? "sizeof" : "__alignof__";
  // _Alignof / alignof (not __alignof__): GCC's min_align_of_type.
  bool c11 = !is_sizeof && tok.text && tok.len > 1 && (tok.text[0] != '_' || tok.text[1] == 'A');
  advance();
  CType* t = nullptr;
  Val v;
  bool from_expr = false;
  if (tok.kind == Tok::LParen && is_type_start(peek())) {
    advance();
    loc = tok.loc;
    t = type_name();
    expect(Tok::RParen);
    if (tok.kind == Tok::LBrace) {
      g.nocode++;
      v = postfix_ops(compound_literal(t, loc));
      g.nocode--;
      t = v.ty;
      from_expr = true;
    }
  } else {
    loc = tok.loc;
    g.nocode++;
    v = unary_expr();
    g.nocode--;
    t = v.ty ? v.ty : t_int;
    from_expr = true;
    if (v.bitfield) error(loc, "'%s' applied to a bit-field", is_sizeof ? "sizeof" : "__alignof__");
  }
  if (!is_sizeof && from_expr && t->k == TK::Func && v.d && v.d->kind == DK::Func) {
    // __alignof__ of a function: its aligned(N) (GCC's DECL_ALIGN), else 1.
    const Decl* fd = v.d->canon ? v.d->canon : v.d;
    return mk_const(t_size, fd->fn_align ? fd->fn_align : 1);
  }
  if (t->k == TK::Func) {
    pedwarn(loc, "pointer-arith", "invalid application of '%s' to a function type", name);
    return mk_const(t_size, 1);
  }
  if (t->k == TK::Void) {
    pedwarn(loc, "pointer-arith", "invalid application of '%s' to a void type", name);
    return mk_const(t_size, 1);
  }
  if (!is_complete(t)) {
    error(loc, "invalid application of '%s' to incomplete type '%s'", name, type_str(t).c_str());
    return mk_const(t_size, 0);
  }
  if (!is_sizeof) return mk_const(t_size, c11 ? c11_alignof(t) : align_of(t));
  if (t->vla) return elem_size_val(t);
  return mk_const(t_size, size_of(t));
}

Val Parser::unary_expr() {
  CfreeLoc loc = tok.loc;
  switch (tok.kind) {
    case Tok::PlusPlus:
    case Tok::MinusMinus: {
      bool inc = tok.kind == Tok::PlusPlus;
      advance();
      Val v = unary_expr();
      return incdec(v, inc, false, loc);
    }
    case Tok::Amp: {
      advance();
      Val v = cast_expr();
      return address_of(v, loc);
    }
    case Tok::AmpAmp: {
      // GNU &&label
      advance();
      if (tok.kind != Tok::Identifier) {
        error(tok.loc, "label name expected");
        return mk_const(t_voidptr, 0);
      }
      if (!fn_) {
        error(loc, "taking the address of a label outside of a function");
        advance();
        return mk_const(t_voidptr, 0);
      }
      Label* l = find_label(tok.sym, tok.loc, false);
      advance();
      fn_->addr_labels.push_back(l->id);
      Val v;
      v.k = Val::Addr;
      v.base = Base::Label;
      v.slot = l->id;
      v.ty = t_voidptr;
      return v;
    }
    case Tok::Star: {
      advance();
      Val v = cast_expr();
      return deref(v, loc);
    }
    case Tok::Plus: case Tok::Minus: case Tok::Tilde: case Tok::Bang: {
      Tok op = tok.kind;
      advance();
      Val v = cast_expr();
      return unary_op(op, v, loc);
    }
    case Tok::KwSizeof: return sizeof_alignof(true);
    case Tok::KwAlignof: return sizeof_alignof(false);
    case Tok::KwExtension: advance(); return cast_expr();
    case Tok::KwReal:
    case Tok::KwImag: {
      bool imag = tok.kind == Tok::KwImag;
      advance();
      Val v = cast_expr();
      if (v.ty && v.ty->k == TK::Complex) {
        CType* et = v.ty->base;
        if (v.k == Val::Lval) {
          if (imag) v.off += static_cast<i64>(size_of(et));
          v.ty = qualify(et, v.ty->q);
          return v;
        }
        if (v.k == Val::FConst) return cx_part(v, imag);
        v = cx_stable(rvalue(v));
        Val p = cx_part(v, imag);
        return p.k == Val::Lval ? rvalue(p) : p;
      }
      v = rvalue(v);
      if (imag) {
        discard(v);
        return mk_const(v.ty && is_arith(v.ty) ? v.ty->unq : t_int, 0);
      }
      return v;
    }
    default: return postfix_expr();
  }
}

Val Parser::postfix_expr() {
  Val v = primary_expr();
  return postfix_ops(v);
}

Val Parser::postfix_ops(Val v) {
  for (;;) {
    CfreeLoc loc = tok.loc;
    switch (tok.kind) {
      case Tok::LBracket: {
        advance();
        Val i = expr();
        expect(Tok::RBracket);
        v = subscript(v, i, loc);
        break;
      }
      case Tok::LParen: v = call(v); break;
      case Tok::Dot:
      case Tok::Arrow: {
        bool arrow = tok.kind == Tok::Arrow;
        advance();
        v = member(v, arrow, loc);
        break;
      }
      case Tok::PlusPlus:
      case Tok::MinusMinus: {
        bool inc = tok.kind == Tok::PlusPlus;
        advance();
        v = incdec(v, inc, true, loc);
        break;
      }
      default: return v;
    }
  }
}

Val Parser::subscript(Val a, Val i, CfreeLoc loc) {
  rvalue2(a, i);
  CType* at = a.ty ? a.ty->unq : t_int;
  CType* it = i.ty ? i.ty->unq : t_int;
  // A vector subscripts as the array of its elements (GCC).
  if (is_vector(at)) {
    a = vec_to_addr(a);
    at = a.ty;
  } else if (is_vector(it)) {
    i = vec_to_addr(i);
    it = i.ty;
  }
  Val p;
  if (at->k == TK::Ptr && is_integer(it)) {
    p = ptr_add(a, i, false, loc);
  } else if (it->k == TK::Ptr && is_integer(at)) {
    if (on_stack(a) && on_stack(i)) g.swap();
    p = ptr_add(i, a, false, loc);
  } else {
    if (at->k != TK::Ptr && it->k != TK::Ptr) error(loc, "subscripted value is neither array nor pointer nor vector");
    else error(loc, "array subscript is not an integer");
    discard(i);
    discard(a);
    return mk_const(t_int, 0);
  }
  return deref(p, loc);
}

Val Parser::member(Val v, bool arrow, CfreeLoc loc) {
  if (tok.kind != Tok::Identifier && !tok.sym) {
    error(tok.loc, "expected identifier before %s", tok_desc(tok).c_str());
    return v;
  }
  CfreeSym name = tok.sym;
  CfreeLoc nloc = tok.loc;
  advance();
  if (arrow) {
    v = rvalue(v);
    if (!v.ty || v.ty->k != TK::Ptr) {
      error(loc, "invalid type argument of '->' (have '%s')", type_str(v.ty ? v.ty : t_int).c_str());
      discard(v);
      return mk_const(t_int, 0);
    }
    v = deref(v, loc);
  } else if (v.k != Val::Lval && is_record(v.ty)) {
    // an rvalue struct (call result): its address is on the stack
  }
  CType* rt = v.ty;
  if (!arrow && rt && rt->k == TK::Ptr && is_record(rt->base) && v.d && v.d->name) {
    error(loc, "'%s' is a pointer; did you mean to use '->'?", sym_str(v.d->name));
    discard(v);
    return mk_const(t_int, 0);
  }
  if (!rt || !is_record(rt)) {
    error(loc, "request for member '%s' in something not a structure or union", sym_str(name));
    discard(v);
    return mk_const(t_int, 0);
  }
  if (!rt->rec->complete) {
    error(loc, "invalid use of undefined type '%s'", type_str(rt->unq).c_str());
    discard(v);
    return mk_const(t_int, 0);
  }
  u64 off = 0;
  const Field* f = find_field(rt->rec, name, &off);
  if (!f) {
    error(loc, "'%s' has no member named '%s'", type_str(rt->unq).c_str(), sym_str(name));
    discard(v);
    return mk_const(t_int, 0);
  }
  if (v.k != Val::Lval) {
    v.k = Val::Lval;
    if (v.base != Base::Stack) v.base = Base::Stack;
  }
  if (f->off_slot) {
    // A member of a record with variably modified members: a run-time offset.
    if (g.on()) {
      push_address(v);
      push_member_offset(f);
    }
    v.base = Base::Stack;
    v.off = 0;
    v.nonconst = true;
  }
  v.off += static_cast<i64>(off);
  v.ty = qualify(f->ty, static_cast<u8>(f->ty->q | rt->q));
  if (f->ty->align && v.ty->align != f->ty->align) v.ty = f->ty;
  v.bf = f;
  v.bitfield = f->bitfield;
  v.loc = nloc;
  return v;
}

Val Parser::compound_literal(CType* ty, CfreeLoc loc) {
  if (ty->vla) error(loc, "compound literal has variable size");
  if (!fn_ || static_init_) {
    // File scope: an anonymous static object (6.5.2.5p5).
    Decl* d = bind(0, DK::Var, ty, loc);
    d->sc = SC_STATIC;
    d->global = true;
    d->canon = d;
    d->depth = 1;
    InitBuf buf;
    CType* t = ty;
    static_initializer(d, &t, &buf);
    d->ty = t;
    d->defined = true;
    if (static_init_ && is_vector(t)) static_lits_.push_back({d, buf});
    if (g.emit) {
      d->cgsym = cfree_cg_symbol(g.cg, 0, CFREE_SYM_OBJECT, CFREE_BIND_LOCAL, 1);
      emit_static(d, t, &buf);
    }
    Val v;
    v.k = Val::Lval;
    v.base = Base::Sym;
    v.d = d;
    v.sym = d->cgsym;
    v.ty = t;
    return v;
  }
  Val dst;
  dst.k = Val::Lval;
  dst.base = Base::Slot;
  dst.ty = ty;
  CType* t = ty;
  Spill sp;
  g.spill(&sp, cg_ptr);
  local_initializer(dst, &t);
  g.unspill(sp, cg_ptr);
  dst.ty = t;
  dst.nonconst = true;
  return dst;
}

Val Parser::stmt_expr() {
  // GNU ({ ... }): the value of the last expression statement.
  CfreeLoc loc = tok.loc;
  if (!fn_) {
    error(loc, "braced-group within expression allowed only inside a function");
    skip_balanced();
    expect(Tok::RParen);
    return mk_const(t_int, 0);
  }
  Spill sp;
  g.spill(&sp, cg_ptr);
  advance();  // {
  push_scope();
  Val result;
  result.k = Val::Void;
  result.ty = t_void;
  CfreeCgSlot tmp = 0;
  while (tok.kind != Tok::RBrace && tok.kind != Tok::Eof) {
    bool is_expr_stmt = !is_type_start(tok) && tok.kind != Tok::LBrace && tok.kind != Tok::Semi &&
                        tok.kind != Tok::KwIf && tok.kind != Tok::KwWhile && tok.kind != Tok::KwDo &&
                        tok.kind != Tok::KwFor && tok.kind != Tok::KwSwitch && tok.kind != Tok::KwReturn &&
                        tok.kind != Tok::KwGoto && tok.kind != Tok::KwBreak && tok.kind != Tok::KwContinue &&
                        tok.kind != Tok::KwCase && tok.kind != Tok::KwDefault && tok.kind != Tok::KwAsm &&
                        tok.kind != Tok::KwStaticAssert && tok.kind != Tok::KwLabel &&
                        !(tok.kind == Tok::Identifier && peek().kind == Tok::Colon) &&
                        !(tok.kind == Tok::KwExtension && is_type_start(peek()));
    if (!is_expr_stmt) {
      result.k = Val::Void;
      result.ty = t_void;
      block_item();
      continue;
    }
    Val v = expr();
    if (tok.kind == Tok::Semi && peek().kind == Tok::RBrace) {
      advance();
      v = rvalue(v);
      if (v.k == Val::Const || v.k == Val::FConst || v.k == Val::Void) {
        result = v;
        result.nonconst = true;
      } else {
        CType* t = v.ty->unq;
        bool agg = is_aggregate(t);
        tmp = g.slot(16, 16);
        materialize(v);
        g.push_slot(tmp, 0, cg_ptr);
        g.swap();
        g.store(agg ? cg_ptr : cgt(t), 0);
        result = mk_stack(t);
      }
      break;
    }
    discard(rvalue(v));
    if (!expect(Tok::Semi)) skip_to_semi();
  }
  pop_scope();
  expect(Tok::RBrace);
  expect(Tok::RParen);
  g.unspill(sp, cg_ptr);
  if (result.k == Val::Stack) {
    CType* t = result.ty;
    bool agg = is_aggregate(t);
    g.push_slot(tmp, 0, cg_ptr);
    g.load(agg ? cg_ptr : cgt(t), 0);
    if (agg) {
      result.k = Val::Lval;
      result.base = Base::Stack;
    }
  }
  return result;
}

Val Parser::generic_selection() {
  CfreeLoc loc = tok.loc;
  advance();
  expect(Tok::LParen);
  loc = tok.loc;
  g.nocode++;
  Val cv = assign_expr();
  cv = rvalue(cv);
  g.nocode--;
  CType* ct = cv.ty ? cv.ty->unq : t_int;
  Val chosen;
  bool have = false;
  bool have_default = false;
  std::vector<Token> default_toks;
  Val default_val;
  while (accept(Tok::Comma)) {
    if (tok.kind == Tok::KwDefault) {
      advance();
      expect(Tok::Colon);
      have_default = true;
      std::vector<Token>* prev = begin_record(&default_toks);
      g.nocode++;
      default_val = assign_expr();
      g.nocode--;
      rec_ = prev;
      if (!default_toks.empty()) default_toks.pop_back();
      continue;
    }
    CType* t = type_name();
    expect(Tok::Colon);
    bool match = !have && compatible(ct, t->unq);
    if (!match) g.nocode++;
    Val v = assign_expr();
    if (!match) g.nocode--;
    if (match) {
      chosen = v;
      have = true;
    }
  }
  if (!have && have_default) {
    bool lazy = default_val.k == Val::Const || default_val.k == Val::FConst || default_val.k == Val::Void ||
                ((default_val.k == Val::Addr || default_val.k == Val::Lval) && default_val.base != Base::Stack);
    if (lazy || !g.on()) {
      chosen = default_val;
    } else {
      // Evaluate the default association for real: replay its tokens.
      std::vector<Token> r = default_toks;
      r.push_back(tok);
      replay_from(&r, rec_);
      chosen = assign_expr();
    }
    have = true;
  }
  expect(Tok::RParen);
  if (!have) {
    error(loc, "'_Generic' selector of type '%s' is not compatible with any association", type_str(ct).c_str());
    return mk_const(t_int, 0);
  }
  return chosen;
}

Val Parser::number_literal() {
  CfreeLoc loc = tok.loc;
  Token t = tok;
  advance();
  if (number_is_float(t.text, t.len)) {
    FloatLiteral fl;
    if (!decode_float(c, loc, t.text, t.len, &fl)) return mk_fconst(t_double, 0);
    CType* ty = fl.suffix == 'f' ? t_float : fl.suffix == 'l' ? t_ldouble : t_double;
    if (fl.suffix == 'q') ty = t_float128;
    if (fl.imaginary) ty = complex_of(ty);
    Val v = mk_fconst(ty, fl.value);
    if (fl.imaginary) {
      v.f = 0;
      v.fi = fl.value;
    }
    v.loc = loc;
    return v;
  }
  IntLiteral il;
  if (!decode_int(c, loc, t.text, t.len, &il)) return mk_const(t_int, 0);
  static const TK order[] = {TK::Int, TK::UInt, TK::Long, TK::ULong, TK::LLong, TK::ULLong};
  CType* ty = nullptr;
  for (TK k : order) {
    CType* ct = ty_[int(k)];
    bool sgn = ksigned[int(k)];
    int r = rank(ct);
    if (il.longs == 1 && r < 5) continue;
    if (il.longs == 2 && r < 6) continue;
    if (il.is_unsigned && sgn) continue;
    if (!sgn && !il.is_unsigned && il.is_decimal) continue;
    u32 bits = kbits[int(k)];
    u64 max = sgn ? (bits >= 64 ? 0x7fffffffffffffffULL : (1ULL << (bits - 1)) - 1) : (bits >= 64 ? ~0ULL : (1ULL << bits) - 1);
    if (il.value <= max) {
      ty = ct;
      break;
    }
  }
  if (!ty) {
    if (il.is_decimal && !il.is_unsigned) warn(loc, nullptr, "integer constant is so large that it is unsigned");
    ty = il.longs == 1 ? t_ulong : t_ullong;
    if (il.longs == 0) ty = t_ulong;
  }
  Val v = mk_const(ty, il.value);
  if (il.imaginary) {
    v = mk_fconst(complex_of(ty), 0);
    v.fi = static_cast<long double>(il.value);
  }
  v.loc = loc;
  return v;
}

Val Parser::char_literal() {
  CfreeLoc loc = tok.loc;
  Token t = tok;
  advance();
  CharLiteral cl;
  if (!decode_char(c, loc, t.text, t.len, is_signed_t(t_char), static_cast<u32>(size_of(t_wchar)), is_signed_t(t_wchar), &cl))
    return mk_const(t_int, 0);
  CType* ty = t_int;
  switch (cl.enc) {
    case Encoding::Wide: ty = t_wchar; break;
    case Encoding::UTF16: ty = t_char16; break;
    case Encoding::UTF32: ty = t_char32; break;
    case Encoding::UTF8: ty = std_version > 201710 ? t_uchar : t_int; break;
    default: break;
  }
  Val v = mk_const(ty, static_cast<u64>(cl.value));
  v.loc = loc;
  return v;
}

Val Parser::string_literal() {
  CfreeLoc loc = tok.loc;
  SmallVec<Token, 4> toks;
  while (tok.kind == Tok::String) {
    toks.push_back(tok);
    advance();
  }
  Encoding enc = Encoding::Plain;
  u32 unit = 1;
  last_str_.clear();
  decode_strings(c, toks.data(), toks.size(), static_cast<u32>(size_of(t_wchar)), &last_str_, &enc, &unit);
  if (unit == 0) unit = 1;
  last_str_unit_ = unit;
  CType* et = t_char;
  switch (enc) {
    case Encoding::Wide: et = t_wchar; break;
    case Encoding::UTF16: et = t_char16; break;
    case Encoding::UTF32: et = t_char32; break;
    default: break;
  }
  i64 n = static_cast<i64>(last_str_.size() / unit) + 1;
  Val v;
  v.k = Val::Lval;
  v.base = Base::Sym;
  v.ty = array_of(et, n);
  v.loc = loc;
  if (g.emit && (g.nocode == 0 || static_init_)) {
    std::vector<u8> data = last_str_;
    data.resize(data.size() + unit, 0);
    v.sym = cfree_cg_const_data(g.cg, data.data(), data.size(), align_of(et));
  }
  return v;
}

Val Parser::func_name_val() {
  const char* name = fn_ ? fn_->name : "";
  size_t n = std::strlen(name);
  Val v;
  v.k = Val::Lval;
  v.base = Base::Sym;
  v.ty = array_of(qualify(t_char, Q_CONST), static_cast<i64>(n + 1));
  if (g.emit && fn_) {
    if (!fn_->has_func_name) {
      fn_->func_name = v;
      fn_->func_name.sym = cfree_cg_const_data(g.cg, name, n + 1, 1);
      fn_->has_func_name = true;
    }
    v.sym = fn_->func_name.sym;
  }
  if (!fn_) warn(tok.loc, nullptr, "'__func__' is not defined outside of function scope");
  return v;
}

Decl* Parser::implicit_func(CfreeSym name, CfreeLoc loc, CType* ty) {
  auto* fi = static_cast<FuncInfo*>(cfree_arena_alloc(arena, sizeof(FuncInfo), alignof(FuncInfo)));
  *fi = FuncInfo{};
  if (!ty) ty = func_type(t_int, fi);
  Decl* fd = static_cast<Decl*>(cfree_arena_alloc(arena, sizeof(Decl), alignof(Decl)));
  std::memset(static_cast<void*>(fd), 0, sizeof(Decl));
  fd->kind = DK::Func;
  fd->name = name;
  fd->ty = ty;
  fd->loc = loc;
  fd->sc = SC_EXTERN;
  fd->global = true;
  fd->canon = fd;
  if (name >= file_ord_.size()) file_ord_.resize(name * 2 + 16);
  if (!file_ord_[name]) file_ord_[name] = fd;
  // Visible from here to the end of the block (GCC binds it at file scope).
  Decl* bd = bind(name, DK::Func, ty, loc);
  *bd = *fd;
  bd->depth = depth;
  bd->shadow = nullptr;
  if (depth > 0) {
    // bind() set shadow; keep it
  }
  bd->canon = fd;
  return bd;
}

Val Parser::identifier_expr() {
  CfreeSym name = tok.sym;
  CfreeLoc loc = tok.loc;
  Decl* d = lookup(name);
  if (!d) {
    bool handled = false;
    Val bv = builtin_by_name(name, loc, &handled);
    if (handled) return bv;
    if (!std::strcmp(sym_str(name), "alloca") && peek().kind == Tok::LParen) {
      // GCC's implicit alloca is __builtin_alloca (glibc has no function).
      if (std_version >= 199901) warn(loc, "implicit-function-declaration", "implicit declaration of function '%s'", sym_str(name));
      bv = builtin_by_name(cfree_sym_intern(c, "__builtin_alloca", 16), loc, &handled);
      if (handled) return bv;
    }
    advance();
    if (tok.kind == Tok::LParen) {
      if (std_version >= 199901) warn(loc, "implicit-function-declaration", "implicit declaration of function '%s'", sym_str(name));
      // GCC declares a library builtin with its real type (memset returns
      // void *, not int).
      CType* lt = implicit_lib_type(name);
      d = implicit_func(name, loc, lt);
      if (lt) {
        d->is_builtin_decl = true;
        if (d->canon) d->canon->is_builtin_decl = true;
      }
      return load_var(d, loc);
    }
    if (!fn_) {
      error(loc, "'%s' undeclared here (not in a function)", sym_str(name));
    } else {
      error(loc, "'%s' undeclared (first use in this function)", sym_str(name));
      if (!undeclared_noted_) {
        note(loc, "each undeclared identifier is reported only once for each function it appears in");
        undeclared_noted_ = true;
      }
    }
    Decl* e = bind(name, DK::Var, t_int, loc);
    e->canon = e;
    e->global = true;
    e->sc = SC_EXTERN;
    return mk_const(t_int, 0);
  }
  advance();
  switch (d->kind) {
    case DK::EnumConst: {
      Val v = mk_const(d->ty->k == TK::Enum ? d->ty->base : d->ty, static_cast<u64>(d->value));
      v.ty = d->ty;
      v.loc = loc;
      return v;
    }
    case DK::Typedef:
      error(loc, "expected expression before '%s'", sym_str(name));
      return mk_const(t_int, 0);
    case DK::Func:
      if (d->is_builtin_decl) {
        // a library builtin referenced by name
      }
      [[fallthrough]];
    case DK::Var: {
      if (d->ty->k != TK::Func && d->kind == DK::Var && d->ty->k == TK::Void) {
        error(loc, "variable '%s' has incomplete type", sym_str(name));
      }
      Val v = load_var(d, loc);
      v.d = d->global || d->kind == DK::Func ? (d->canon ? d->canon : d) : d;
      return v;
    }
  }
  return mk_const(t_int, 0);
}

Val Parser::primary_expr() {
  CfreeLoc loc = tok.loc;
  switch (tok.kind) {
    case Tok::Identifier: return identifier_expr();
    case Tok::Number: return number_literal();
    case Tok::CharConst: return char_literal();
    case Tok::String: return string_literal();
    case Tok::LParen: {
      advance();
      if (tok.kind == Tok::LBrace) return stmt_expr();
      Val v = expr();
      expect(Tok::RParen);
      return v;
    }
    case Tok::KwGeneric: return generic_selection();
    case Tok::KwFunc: {
      advance();
      return func_name_val();
    }
    case Tok::KwTrue: advance(); return mk_const(t_bool, 1);
    case Tok::KwFalse: advance(); return mk_const(t_bool, 0);
    case Tok::KwNullptr: advance(); return mk_const(t_voidptr, 0);
    case Tok::KwBuiltinVaArg: return va_arg_expr(loc);
    case Tok::KwBuiltinOffsetof: return offsetof_expr(loc);
    case Tok::KwBuiltinTypesCompatibleP: {
      advance();
      expect(Tok::LParen);
      CType* a = type_name();
      expect(Tok::Comma);
      CType* b = type_name();
      expect(Tok::RParen);
      return mk_const(t_int, compatible(a->unq, b->unq, true) ? 1 : 0);
    }
    case Tok::KwBuiltinChooseExpr: {
      advance();
      expect(Tok::LParen);
      i64 cv = const_int("first argument to '__builtin_choose_expr'");
      expect(Tok::Comma);
      if (!cv) g.nocode++;
      Val a = assign_expr();
      if (!cv) g.nocode--;
      expect(Tok::Comma);
      if (cv) g.nocode++;
      Val b = assign_expr();
      if (cv) g.nocode--;
      expect(Tok::RParen);
      return cv ? a : b;
    }
    case Tok::KwBuiltinConvertvector: return vec_convertvector(loc);
    case Tok::KwBuiltinBitCast:
      error(loc, "'%s' is not supported", tok_name(tok.kind));
      advance();
      skip_balanced();
      return mk_const(t_int, 0);
    case Tok::Eof:
      error(loc, "expected expression at end of input");
      return mk_const(t_int, 0);
    default:
      error(loc, "expected expression before %s", tok_desc(tok).c_str());
      if (tok.kind != Tok::Semi && tok.kind != Tok::RBrace && tok.kind != Tok::RParen && tok.kind != Tok::Comma) advance();
      return mk_const(t_int, 0);
  }
}

// ---- Calls (6.5.2.2) ---------------------------------------------------------------

Val Parser::call(Val fnv) {
  CfreeLoc loc = tok.loc;
  advance();  // (
  Decl* fd = fnv.k == Val::Lval && fnv.base == Base::Sym && fnv.ty && fnv.ty->k == TK::Func ? fnv.d : nullptr;
  if (fd && !fd->defined && fd->name == sym_alloca_) {
    // alloca(n): the builtin, as GCC treats the library name.
    Val n = assign_expr();
    expect(Tok::RParen);
    n = convert(n, t_size);
    materialize(n);
    g.alloca_(16, cg_ptr);
    return mk_stack(t_voidptr);
  }
  Val f = rvalue(fnv);
  CType* pt = f.ty ? f.ty->unq : t_int;
  CType* ft = pt->k == TK::Ptr ? pt->base->unq : nullptr;
  if (!ft || ft->k != TK::Func) {
    if (fd || (fnv.d && fnv.d->name)) error(fnv.loc ? fnv.loc : loc, "called object '%s' is not a function or function pointer", sym_str(fnv.d->name));
    else error(fnv.loc ? fnv.loc : loc, "called object is not a function or function pointer");
    discard(f);
    g.nocode++;
    while (tok.kind != Tok::RParen && tok.kind != Tok::Eof) {
      Val a = assign_expr();
      (void)a;
      if (!accept(Tok::Comma)) break;
    }
    g.nocode--;
    expect(Tok::RParen);
    return mk_const(t_int, 0);
  }
  FuncInfo* fi = ft->fn;
  CType* ret = ft->base->unq;
  // A direct call of a GNU nested function passes its static chain.
  bool chain = fd && fd->nested_fn && f.k == Val::Addr && f.base == Base::Sym;
  if (chain) {
    direct_nested_++;
    materialize(f);
    direct_nested_--;
    g.push_frame(fn_level_ - fd->fn_level, cg_ptr);
  } else {
    materialize(f);
  }
  SmallVec<CfreeType, 8> arg_types;
  std::vector<Val> fmt_args;
  std::vector<CfreeLoc> fmt_locs;
  bool want_fmt = fd && fd->format_idx && cfree_warning_enabled(c, "format");
  fmt_str_idx_ = ~size_t(0);
  size_t n = 0;
  const char* fname = fd ? sym_str(fd->name) : nullptr;
  bool proto = fi && fi->proto;
  u32 np = fi ? fi->n_params : 0;
  bool too_many_reported = false;
  if (tok.kind != Tok::RParen) {
    for (;;) {
      CfreeLoc aloc = tok.loc;
      bool is_str = tok.kind == Tok::String;
      Val a = assign_expr();
      if (want_fmt && is_str && fd && n == static_cast<size_t>(fd->format_idx - 1)) {
        fmt_str_.assign(last_str_.begin(), last_str_.end());
        fmt_str_idx_ = n;
      }
      a = rvalue(a);
      if (want_fmt) {
        Val copy = a;
        fmt_args.push_back(copy);
        fmt_locs.push_back(aloc);
      }
      CType* at;
      if (proto && n < np) {
        arg_ctx_n_ = n + 1;
        arg_ctx_fname_ = fname;
        CType* ptype = fi->params[n].ty;
        a = assign_convert(a, ptype, aloc, "\x01");
        at = ptype->unq;
      } else {
        if (proto && !fi->variadic && !too_many_reported) {
          if (fname) error(fnv.loc ? fnv.loc : aloc, "too many arguments to function '%s'", fname);
          else error(aloc, "too many arguments to function");
          if (fd) note(fd->loc, "declared here");
          too_many_reported = true;
        }
        CType* t = a.ty ? a.ty->unq : t_int;
        if (a.k == Val::Void) {
          error(aloc, "invalid use of void expression");
          a = mk_const(t_int, 0);
          t = t_int;
        }
        if (t->k == TK::Float) t = t_double;
        else if (is_integer(t)) t = promote(t);
        else if (t->k == TK::Array) t = pointer_to(t->base);
        a = convert(a, t);
        at = t;
      }
      materialize(a);
      // GNU: a variably modified record travels by reference (as GCC passes
      // variable-sized types on x86-64).
      arg_types.push_back(is_record(at) && at->vla ? cg_ptr : cgt(at));
      n++;
      if (!accept(Tok::Comma)) break;
    }
  }
  if (!expect(Tok::RParen)) skip_to_semi();
  if (proto && n < np) {
    if (fname) error(fnv.loc ? fnv.loc : loc, "too few arguments to function '%s'", fname);
    else error(loc, "too few arguments to function");
    if (fd) note(fd->loc, "declared here");
    for (size_t i = n; i < np; i++) {
      Val z = mk_const(is_scalar(fi->params[i].ty) ? fi->params[i].ty->unq : t_int, 0);
      materialize(z);
      arg_types.push_back(cgt(fi->params[i].ty->unq));
    }
    n = np;
  }
  if (want_fmt) check_format(fd, fmt_args, fmt_locs, loc);
  bool need_types = !proto || fi->variadic || n != np;
  CfreeType rt = ret->k == TK::Void ? 0 : is_aggregate(ret) ? cg_ptr : cgt(ret);
  if (!is_complete(ret) && ret->k != TK::Void) error(loc, "invalid use of undefined type '%s'", type_str(ret).c_str());
  g.call(cgt(ft), n, need_types ? arg_types.data() : nullptr, rt, chain);
  if (ret->k == TK::Void) {
    Val v;
    v.k = Val::Void;
    v.ty = t_void;
    v.loc = fnv.loc ? fnv.loc : loc;
    return v;
  }
  if (is_aggregate(ret)) {
    Val v;
    v.k = Val::Lval;
    v.base = Base::Stack;
    v.ty = ret;
    v.nonconst = true;
    return v;
  }
  Val r = mk_stack(ret);
  r.loc = loc;
  return r;
}

// ---- Constant expressions (6.6) -----------------------------------------------------

// A constant expression whose failure has a context-specific message.
i64 Parser::const_int_msg(const char* msg, CfreeLoc at, bool* ok) {
  g.nocode++;
  Val v = cond_expr();
  v = rvalue(v);
  g.nocode--;
  if ((v.k == Val::Const && (is_integer(v.ty) || v.ty->k == TK::Ptr))) return static_cast<i64>(v.i);
  if (ok) *ok = false;
  error(at, "%s", msg);
  return 0;
}

i64 Parser::const_int(const char* what, CfreeLoc* loc_out, bool* ok) {
  CfreeLoc loc = tok.loc;
  if (loc_out) *loc_out = loc;
  g.nocode++;
  Val v = cond_expr();
  v = rvalue(v);
  g.nocode--;
  if (v.k == Val::Const && is_integer(v.ty)) return static_cast<i64>(v.i);
  if (v.k == Val::Const && v.ty->k == TK::Ptr) return static_cast<i64>(v.i);
  if (ok) *ok = false;
  if (v.ty && !is_integer(v.ty) && v.k != Val::Stack && v.k != Val::Lval)
    error(loc, "%s is not an integer constant", what);
  else
    error(loc, "%s is not an integer constant expression", what);
  return 0;
}

}  // namespace cfree::c
