// sema_complex.cpp: _Complex arithmetic at run time (C11 6.3.1.6-7, 6.5.5-6,
// 6.5.9, Annex G; GNU integer complex types, __real__/__imag__, ~ as
// conjugate).
//
// The CG API has no complex values: a complex object is an aggregate of two
// elements, handled through its address.  So a complex Val here is either a
// constant (FConst with f/fi) or an lvalue -- a variable, a dereference, or a
// frame temporary holding a computed result -- and each part of it is a
// scalar lvalue at offset 0 (real) or sizeof(element) (imaginary).  Every
// operation first takes its operands off the CG stack (cx_stable copies an
// on-stack complex or scalar into a temporary), then computes part by part
// with the ordinary scalar operations of sema_expr.cpp, which fold constants
// as usual.  The code follows GCC at -O0: +, - and operations with one real
// operand are done per part (the real operand has no imaginary part, so
// signed zeros and infinities come out as Annex G wants), floating complex
// products and quotients call libgcc's __mul?c3/__div?c3 (Annex G
// inf/nan recovery), and integer complex division is GCC's "wide range"
// (Smith's) algorithm inline.
#include "c/parse.h"

namespace cfree::c {

static bool is_const_val(const Val& v) { return v.k == Val::Const || v.k == Val::FConst; }

Val Parser::cx_temp(CType* ct) {
  Val r;
  r.k = Val::Lval;
  r.base = Base::Slot;
  r.ty = ct->unq;
  r.slot = g.slot(size_of(ct), align_of(ct));
  r.nonconst = true;
  return r;
}

// Take v off the CG stack (it must be the top value there): a complex (or
// other aggregate) is copied into a temporary, a scalar stored into one.
Val Parser::cx_stable(Val v) {
  if (!on_stack(v)) return v;
  CType* t = v.ty ? v.ty->unq : t_int;
  if (v.k == Val::Lval && is_aggregate(t)) {
    push_address(v);
    Val r = cx_temp(t);
    g.push_slot(r.slot, 0, cg_ptr);
    g.swap();
    g.copy(size_of(t), align_of(t));
    r.loc = v.loc;
    return r;
  }
  v = rvalue(v);
  if (!on_stack(v)) return v;
  materialize(v);
  t = v.ty->unq;
  Val r = cx_temp(t);
  g.push_slot(r.slot, 0, cg_ptr);
  g.swap();
  g.store(cgt(t), 0);
  r.loc = v.loc;
  return r;
}

Val Parser::cx_part(const Val& v, bool imag) {
  CType* t = v.ty ? v.ty->unq : t_int;
  if (t->k != TK::Complex) {
    if (!imag) return v;
    return is_float(t) ? mk_fconst(t, 0) : mk_const(is_arith(t) ? t : t_int, 0);
  }
  CType* et = t->base;
  if (v.k == Val::FConst) {
    long double x = imag ? v.fi : v.f;
    if (is_float(et)) return mk_fconst(et, x);
    return mk_const(et, x < 0 ? static_cast<u64>(static_cast<i64>(x)) : static_cast<u64>(x));
  }
  Val p = v;
  if (p.k != Val::Lval) {
    // A complex value that is not an lvalue nor a constant only arises after
    // an error; give a zero of the element type.
    return is_float(et) ? mk_fconst(et, 0) : mk_const(et, 0);
  }
  p.ty = qualify(et, v.ty->q);
  if (imag) p.off += static_cast<i64>(size_of(et));
  p.bitfield = false;
  p.bf = nullptr;
  return p;
}

// Part of a stable v as a stable value of type et (converted into a
// temporary if its type differs).
static Val part_as(Parser* p, const Val& v, bool imag, CType* et) {
  Val x = p->cx_part(v, imag);
  if (x.k == Val::Lval && x.ty->unq == et) return x;
  return p->cx_stable(p->convert(x, et));
}

void Parser::cx_set(const Val& dst, bool imag, Val v) {
  Val p = cx_part(dst, imag);
  p.ty = p.ty->unq;
  v = convert(v, p.ty);
  assign_to(p, v, 0, false);
}

static long double const_ld(Parser* p, const Val& v) {
  if (v.k == Val::FConst) return v.f;
  if (Parser::is_integer(v.ty) && p->is_signed_t(v.ty)) return static_cast<long double>(static_cast<i64>(v.i));
  return static_cast<long double>(v.i);
}

Val Parser::cx_from_parts(CType* ct, Val re, Val im) {
  CType* et = ct->base;
  re = convert(re, et);
  im = convert(im, et);
  if (is_const_val(re) && is_const_val(im)) {
    Val r = mk_fconst(ct, 0);
    r.f = const_ld(this, re);
    r.fi = const_ld(this, im);
    if (re.nonconst || im.nonconst) r.nonconst = true;
    return r;
  }
  Val d = cx_temp(ct);
  cx_set(d, false, re);
  cx_set(d, true, im);
  return d;
}

// A conversion to or from a complex type (6.3.1.6, 6.3.1.7); v is an rvalue.
Val Parser::cx_convert(Val v, CType* to) {
  CType* tu = to->unq;
  CType* from = v.ty->unq;
  v = cx_stable(v);
  if (tu->k == TK::Bool) return cx_to_bool(v);
  if (tu->k != TK::Complex) return convert(cx_part(v, false), tu);
  CType* et = tu->base;
  if (from->k != TK::Complex) {
    // real -> complex: the imaginary part is a (positive) zero.
    Val re = convert(v, et);
    Val im = is_float(et) ? mk_fconst(et, 0) : mk_const(et, 0);
    if (is_const_val(re)) return cx_from_parts(tu, re, im);
    Val d = cx_temp(tu);
    cx_set(d, false, re);
    cx_set(d, true, im);
    return d;
  }
  if (from->base->unq == et) {
    v.ty = tu;
    return v;
  }
  if (v.k == Val::FConst) return cx_from_parts(tu, cx_part(v, false), cx_part(v, true));
  Val d = cx_temp(tu);
  cx_set(d, false, cx_part(v, false));
  cx_set(d, true, cx_part(v, true));
  return d;
}

Val Parser::cx_to_bool(Val v) {
  v = cx_stable(v);
  CType* t = v.ty->unq;
  if (t->k != TK::Complex) return convert(v, t_bool);
  Val z = is_float(t->base) ? mk_fconst(t->base, 0) : mk_const(t->base, 0);
  Val a = compare(Tok::BangEqual, cx_part(v, false), z, 0);
  Val b = compare(Tok::BangEqual, cx_part(v, true), z, 0);
  Val r = arith(Tok::Pipe, a, b, 0);
  return convert(r, t_bool);
}

Val Parser::cx_libcall(const char* op, CType* ct, Val ar, Val ai, Val br, Val bi) {
  CType* et = ct->base;
  char name[16];
  char k = et->k == TK::Float ? 's' : et->k == TK::Double ? 'd' : et->k == TK::LDouble && kbits[int(TK::LDouble)] == 80 ? 'x' : 't';
  std::snprintf(name, sizeof name, "__%s%cc3", op, k);
  if (g.on()) {
    CfreeCgSym s = cfree_cg_symbol(g.cg, cfree_sym_intern(c, name, std::strlen(name)), CFREE_SYM_FUNC, CFREE_BIND_GLOBAL, 0);
    g.push_sym(s, 0, cg_ptr);
  }
  Val args[4] = {ar, ai, br, bi};
  for (Val& a : args) {
    a = convert(a, et);
    materialize(a);
  }
  CfreeType e = cgt(et);
  CfreeType ps[4] = {e, e, e, e};
  CfreeType fty = cfree_type_func(c, cgt(ct), ps, 4, 0);
  g.call(fty, 4, nullptr, cg_ptr);
  Val r;
  r.k = Val::Lval;
  r.base = Base::Stack;
  r.ty = ct;
  r.nonconst = true;
  return cx_stable(r);
}

// GCC's expand_complex_div_wide for integer complex types:
//   |br| < |bi|: ratio = br/bi, div = br*ratio + bi, (ar*ratio + ai)/div, (ai*ratio - ar)/div
//   otherwise:   ratio = bi/br, div = bi*ratio + br, (ai*ratio + ar)/div, (ai - ar*ratio)/div
Val Parser::cx_int_div(CType* ct, Val ar, Val ai, Val br, Val bi, CfreeLoc loc) {
  // Every intermediate is in the element type, as GCC computes at run time
  // (_Complex unsigned char quotients wrap at 8 bits).
  CType* et = ct->base;
  Val d = cx_temp(ct);
  Spill sp;
  g.spill(&sp, cg_ptr);
  auto tmp = [&](Val v) {
    v = convert(v, et);
    if (is_const_val(v)) return v;
    Val t = cx_temp(et);
    assign_to(t, v, loc, false);
    return t;
  };
  auto absv = [&](Val x) {
    if (!is_signed_t(et)) return x;
    // (x ^ s) - s with s = x >> (bits-1)
    Val s = tmp(arith(Tok::GreaterGreater, x, mk_const(t_int, bits_of(et) - 1), loc));
    Val xs = arith(Tok::Caret, x, s, loc);
    return tmp(arith(Tok::Minus, xs, s, loc));
  };
  auto mul_add = [&](Val x, Val y, Val z, bool sub) {  // x*y + z, or z - x*y with sub
    Val p = arith(Tok::Star, x, y, loc);
    return tmp(sub ? arith(Tok::Minus, z, p, loc) : arith(Tok::Plus, p, z, loc));
  };
  br = tmp(br);
  bi = tmp(bi);
  ar = tmp(ar);
  ai = tmp(ai);
  Val abr = absv(br);
  Val abi = absv(bi);
  Val cond = compare(Tok::Less, abr, abi, loc);
  CfreeCgLabel lelse = g.label(), lend = g.label();
  emit_cond_branch(cond, false, lelse);
  {
    Val ratio = tmp(arith(Tok::Slash, br, bi, loc));
    Val div = mul_add(br, ratio, bi, false);
    cx_set(d, false, arith(Tok::Slash, mul_add(ar, ratio, ai, false), div, loc));
    Val ti = tmp(arith(Tok::Minus, arith(Tok::Star, ai, ratio, loc), ar, loc));
    cx_set(d, true, arith(Tok::Slash, ti, div, loc));
  }
  g.jump(lend);
  g.place(lelse);
  {
    Val ratio = tmp(arith(Tok::Slash, bi, br, loc));
    Val div = mul_add(bi, ratio, br, false);
    cx_set(d, false, arith(Tok::Slash, mul_add(ai, ratio, ar, false), div, loc));
    cx_set(d, true, arith(Tok::Slash, mul_add(ar, ratio, ai, true), div, loc));
  }
  g.place(lend);
  g.unspill(sp, cg_ptr);
  return d;
}

// a OP b where the usual arithmetic conversions gave the complex type ct.
// a and b are rvalues, a below b if both are on the CG stack.
Val Parser::cx_arith(Tok op, Val a, Val b, CType* ct, CfreeLoc loc) {
  if (on_stack(a) && on_stack(b)) {
    g.swap();
    a = cx_stable(a);
    b = cx_stable(b);
  } else {
    a = cx_stable(a);
    b = cx_stable(b);
  }
  CType* et = ct->base;
  bool ac = a.ty->unq->k == TK::Complex, bc = b.ty->unq->k == TK::Complex;
  // Parts, each converted to the element type; a real operand has no
  // imaginary part (not even a zero: (-0.0i) + 1.0 keeps its -0.0).
  Val ar = part_as(this, a, false, et), ai = ac ? part_as(this, a, true, et) : Val{};
  Val br = part_as(this, b, false, et), bi = bc ? part_as(this, b, true, et) : Val{};
  Val zero = is_float(et) ? mk_fconst(et, 0) : mk_const(et, 0);
  bool all_const = is_const_val(ar) && is_const_val(br) && (!ac || is_const_val(ai)) && (!bc || is_const_val(bi));
  switch (op) {
    case Tok::Plus:
    case Tok::Minus: {
      Val re = cx_from_parts(ct, arith(op, ar, br, loc), zero);  // real part first, kept in a temp
      Val im;
      if (ac && bc) im = arith(op, ai, bi, loc);
      else if (ac) im = ai;
      else if (op == Tok::Minus) im = unary_op(Tok::Minus, bi, loc);
      else im = bi;
      if (re.k == Val::FConst) return cx_from_parts(ct, cx_part(re, false), im);
      cx_set(re, true, im);
      return re;
    }
    case Tok::Star:
      if (!ac || !bc) {
        // Real times complex: per part.
        Val d = cx_temp(ct);
        Val re = arith(Tok::Star, ar, br, loc);
        if (all_const) {
          Val im = ac ? arith(Tok::Star, ai, br, loc) : arith(Tok::Star, ar, bi, loc);
          return cx_from_parts(ct, re, im);
        }
        cx_set(d, false, re);
        cx_set(d, true, ac ? arith(Tok::Star, ai, br, loc) : arith(Tok::Star, ar, bi, loc));
        return d;
      }
      if (all_const && is_float(et)) break;  // folded below
      if (is_float(et)) return cx_libcall("mul", ct, ar, ai, br, bi);
      {
        // (ar*br - ai*bi) + (ar*bi + ai*br)i
        auto mul_part = [&](Tok o, Val x1, Val y1, Val x2, Val y2) {
          Val p1 = arith(Tok::Star, x1, y1, loc);
          Val p2 = arith(Tok::Star, x2, y2, loc);
          return arith(o, p1, p2, loc);
        };
        Val re = mul_part(Tok::Minus, ar, br, ai, bi);
        if (all_const) {
          Val im = mul_part(Tok::Plus, ar, bi, ai, br);
          return cx_from_parts(ct, re, im);
        }
        Val d = cx_temp(ct);
        cx_set(d, false, re);
        cx_set(d, true, mul_part(Tok::Plus, ar, bi, ai, br));
        return d;
      }
    default:  // Tok::Slash
      if (!bc) {
        // Complex divided by real: per part.
        Val re = arith(Tok::Slash, ar, br, loc);
        if (all_const) return cx_from_parts(ct, re, ac ? arith(Tok::Slash, ai, br, loc) : zero);
        Val d = cx_temp(ct);
        cx_set(d, false, re);
        cx_set(d, true, ac ? arith(Tok::Slash, ai, br, loc) : zero);
        return d;
      }
      if (!ac) ai = zero;
      if (all_const && is_float(et)) break;
      if (is_float(et)) return cx_libcall("div", ct, ar, ai, br, bi);
      if (is_const_val(br) && is_const_val(bi) && br.i == 0 && bi.i == 0) {
        // A constant zero divisor: the quotient traps at run time, as GCC's
        // does, without a -Wdiv-by-zero for the parts.
        quiet_++;
        Val r = cx_int_div(ct, ar, ai, br, bi, loc);
        quiet_--;
        return r;
      }
      if (all_const) break;
      return cx_int_div(ct, ar, ai, br, bi, loc);
  }
  // Constant folding of complex products and quotients.
  long double xr = const_ld(this, ar), xi = ac ? const_ld(this, ai) : 0;
  long double yr = const_ld(this, br), yi = bc ? const_ld(this, bi) : 0;
  long double rr, ri;
  if (op == Tok::Star) {
    rr = xr * yr - xi * yi;
    ri = xr * yi + xi * yr;
  } else if (is_float(et)) {
    long double dd = yr * yr + yi * yi;
    rr = (xr * yr + xi * yi) / dd;
    ri = (xi * yr - xr * yi) / dd;
  } else {
    // Integer: the same algorithm as at run time, each step in the element type.
    bool sg = is_signed_t(et);
    auto W = [&](u64 x) { return mk_const(et, x).i; };
    auto mul = [&](u64 x, u64 y) { return W(x * y); };
    auto add = [&](u64 x, u64 y) { return W(x + y); };
    auto sub = [&](u64 x, u64 y) { return W(x - y); };
    auto dv = [&](u64 x, u64 y) -> u64 {
      if (y == 0) return 0;
      if (sg) return W(static_cast<i64>(y) == -1 ? 0 - x : static_cast<u64>(static_cast<i64>(x) / static_cast<i64>(y)));
      return W(x / y);
    };
    auto ab = [&](u64 x) { return sg && static_cast<i64>(x) < 0 ? W(0 - x) : x; };
    auto lt = [&](u64 x, u64 y) { return sg ? static_cast<i64>(x) < static_cast<i64>(y) : x < y; };
    u64 r0 = ar.i, i0 = ac ? ai.i : 0, r1 = br.i, i1 = bi.i, qr, qi;
    if (lt(ab(r1), ab(i1))) {
      u64 ratio = dv(r1, i1), d = add(mul(r1, ratio), i1);
      qr = dv(add(mul(r0, ratio), i0), d);
      qi = dv(sub(mul(i0, ratio), r0), d);
    } else {
      u64 ratio = dv(i1, r1), d = add(mul(i1, ratio), r1);
      qr = dv(add(mul(i0, ratio), r0), d);
      qi = dv(sub(i0, mul(r0, ratio)), d);
    }
    rr = sg ? static_cast<long double>(static_cast<i64>(qr)) : static_cast<long double>(qr);
    ri = sg ? static_cast<long double>(static_cast<i64>(qi)) : static_cast<long double>(qi);
  }
  Val r = mk_fconst(ct, 0);
  if (is_float(et)) {
    r.f = mk_fconst(et, rr).f;
    r.fi = mk_fconst(et, ri).f;
  } else {
    r.f = rr;
    r.fi = ri;
  }
  return r;
}

// a == b, a != b with a complex operand: both parts compare equal.
Val Parser::cx_compare(bool eq, Val a, Val b, CType* ct, CfreeLoc loc) {
  if (on_stack(a) && on_stack(b)) {
    g.swap();
    a = cx_stable(a);
    b = cx_stable(b);
  } else {
    a = cx_stable(a);
    b = cx_stable(b);
  }
  CType* et = ct->base;
  Tok op = eq ? Tok::EqualEqual : Tok::BangEqual;
  Val r1 = compare(op, part_as(this, a, false, et), part_as(this, b, false, et), loc);
  Val r2 = compare(op, part_as(this, a, true, et), part_as(this, b, true, et), loc);
  return arith(eq ? Tok::Amp : Tok::Pipe, r1, r2, loc);
}

// Unary -, + and ~ (conjugate) of a complex rvalue.
Val Parser::cx_unary(Tok op, Val v) {
  v = cx_stable(v);
  CType* ct = v.ty->unq;
  if (op == Tok::Plus) {
    if (v.k == Val::FConst) return v;
    Val d = cx_temp(ct);
    cx_set(d, false, cx_part(v, false));
    cx_set(d, true, cx_part(v, true));
    return d;
  }
  if (v.k == Val::FConst) {
    Val r = v;
    if (op == Tok::Minus) r.f = -r.f;
    r.fi = -r.fi;
    return r;
  }
  Val d = cx_temp(ct);
  Val re = cx_part(v, false);
  cx_set(d, false, op == Tok::Minus ? unary_op(Tok::Minus, re, v.loc) : re);
  cx_set(d, true, unary_op(Tok::Minus, cx_part(v, true), v.loc));
  return d;
}

// ++/-- on a complex lvalue (GNU): adds 1 to the real part.
Val Parser::cx_incdec(Val v, bool inc, bool post, CfreeLoc loc) {
  CType* ct = v.ty->unq;
  push_address(v);  // [A]
  g.dup();          // [A A]
  Val cur = v;
  cur.base = Base::Stack;
  cur.off = 0;
  Val old = cx_stable(cur);  // [A]
  Val d = cx_temp(ct);
  Val re = arith(inc ? Tok::Plus : Tok::Minus, cx_part(old, false), mk_const(t_int, 1), loc);
  cx_set(d, false, re);
  cx_set(d, true, cx_part(old, true));
  Val target = v;
  target.base = Base::Stack;
  target.off = 0;
  target.ty = ct;
  assign_to(target, d, loc, false);
  return post ? old : d;
}

}  // namespace cfree::c
