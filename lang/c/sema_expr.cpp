// sema_expr.cpp: expression semantics on lazy values (C11 6.3, 6.5).
//
// A Val is what an expression produced: a constant (folded here, so integer
// and arithmetic constant expressions need no second evaluator), an address
// still symbolic (symbol+offset or frame slot+offset: address constants for
// static initializers, and one memory operand at -O0), an lvalue at such an
// address, or a value already on the CG stack.  The helpers here apply C's
// conversions -- lvalue conversion and decay (6.3.2.1), integer promotions
// and the usual arithmetic conversions (6.3.1), pointer arithmetic (6.5.6),
// assignment constraints (6.5.16.1) -- folding what is constant and
// emitting CG operations for the rest.  The stack order invariant: a Val
// that is on the stack was pushed after every Val parsed before it that is
// also on the stack; materialize2() restores operand order with swaps.
#include "c/parse.h"

#include <cmath>
#include <string>

namespace cfree::c {

u64 Parser::norm_int(CType* t, u64 v) {
  t = int_underlying(t->unq);
  if (t->k == TK::Bool) return v != 0;
  if (t->k == TK::Ptr) return v;
  u32 bits = kbits[int(t->k)];
  if (bits == 0 || bits >= 64) return v;
  u64 mask = (1ULL << bits) - 1;
  v &= mask;
  if (ksigned[int(t->k)] && (v >> (bits - 1)) & 1) v |= ~mask;
  return v;
}

Val Parser::mk_const(CType* t, u64 v) {
  Val r;
  r.k = Val::Const;
  r.ty = t;
  r.i = norm_int(t, v);
  if (t->k == TK::Int128 && static_cast<i64>(v) < 0) r.hi = ~0ULL;
  return r;
}

Val Parser::mk_const128(CType* t, unsigned __int128 x) {
  if (!is_int128(t)) return mk_const(t, static_cast<u64>(x));
  Val r;
  r.k = Val::Const;
  r.ty = t;
  r.i = static_cast<u64>(x);
  r.hi = static_cast<u64>(x >> 64);
  return r;
}

unsigned __int128 Parser::const_wide(const Val& v) {
  CType* t = v.ty ? v.ty->unq : t_int;
  if (is_int128(t)) return (static_cast<unsigned __int128>(v.hi) << 64) | v.i;
  if (is_signed_t(t) && t->k != TK::Ptr) return static_cast<unsigned __int128>(static_cast<__int128>(static_cast<i64>(v.i)));
  return v.i;
}

Val Parser::mk_fconst(CType* t, long double f) {
  Val r;
  r.k = Val::FConst;
  r.ty = t;
  if (t->k == TK::Float) f = static_cast<float>(f);
  else if (t->k == TK::Double) f = static_cast<double>(f);
  r.f = f;
  return r;
}

Val Parser::mk_stack(CType* t) {
  Val r;
  r.k = Val::Stack;
  r.ty = t;
  return r;
}

bool Parser::on_stack(const Val& v) const {
  return v.k == Val::Stack || ((v.k == Val::Lval || v.k == Val::Addr) && v.base == Base::Stack);
}

u32 Parser::mem_flags(CType* t) {
  u32 f = 0;
  if (t->q & Q_VOLATILE) f |= CFREE_MEM_VOLATILE;
  if (t->q & Q_ATOMIC) f |= CFREE_MEM_ATOMIC;
  return f;
}

CfreeBitField Parser::bf_desc(const Field* f) {
  CfreeBitField b{};
  b.storage_size = f->storage ? f->storage : static_cast<u32>(size_of(f->ty));
  b.bit_offset = f->bit_offset;
  b.bit_width = f->bit_width;
  b.is_signed = is_signed_t(f->ty) && f->ty->k != TK::Bool;
  return b;
}

void Parser::float_bytes(CType* t, long double f, u8* out) {
  std::memset(out, 0, 16);
  switch (t->k) {
    case TK::Float: {
      float x = static_cast<float>(f);
      std::memcpy(out, &x, 4);
      break;
    }
    case TK::Double: {
      double x = static_cast<double>(f);
      std::memcpy(out, &x, 8);
      break;
    }
    case TK::LDouble:
      if (kbits[int(TK::LDouble)] == 80) {
        std::memcpy(out, &f, sizeof(long double) < 16 ? sizeof(long double) : 10);
        break;
      }
      [[fallthrough]];
    case TK::Float128: {
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
      __float128 q = static_cast<__float128>(f);
      std::memcpy(out, &q, 16);
#else
      double x = static_cast<double>(f);
      std::memcpy(out, &x, 8);
#endif
      break;
    }
    default: break;
  }
}

void Parser::decay_in_place(Val& v) {
  if (v.k == Val::Lval && v.ty) {
    if (v.ty->k == TK::Array) {
      v.k = Val::Addr;
      v.ty = pointer_to(v.ty->base);
      v.bitfield = false;
    } else if (v.ty->k == TK::Func) {
      v.k = Val::Addr;
      v.ty = pointer_to(v.ty);
    }
  }
}

Val Parser::decay(Val v) {
  decay_in_place(v);
  return v;
}

void Parser::push_address(Val& v) {
  switch (v.base) {
    case Base::Sym: {
      if (v.d && v.d->nested_fn) {
        push_nested_fn_addr(v.d, v.off);
        break;
      }
      CfreeCgSym s = v.sym;
      if (!s && v.d) s = decl_sym(v.d);
      g.push_sym(s, v.off, cg_ptr);
      break;
    }
    case Base::Slot: g.push_slot(v.slot, v.off, cg_ptr); break;
    case Base::Label: g.push_label(v.slot, cg_ptr); break;
    case Base::Stack:
      if (v.off) {
        g.retype(cg_ptr);
        g.push_int(cgt(t_long), static_cast<u64>(v.off));
        g.binop(CFREE_OP_ADD, cg_ptr);
      }
      break;
    case Base::None: g.push_int(cg_ptr, static_cast<u64>(v.off)); break;
  }
  v.base = Base::Stack;
  v.off = 0;
  v.nonconst = true;
}

// rvalue is the parser's hottest function: it updates `v` in place (a
// whole-Val copy through decay() costs store-forwarding stalls: the Val
// holds two long doubles).
Val Parser::rvalue(Val v) {
  decay_in_place(v);
  if (v.k != Val::Lval) return v;
  if (is_aggregate(v.ty)) return v;
  if (v.ty->k == TK::Void) {
    if (on_stack(v)) g.pop();
    Val r;
    r.k = Val::Void;
    r.ty = t_void;
    r.loc = v.loc;
    return r;
  }
  CType* t = v.ty->unq;
  push_address(v);
  if (v.bitfield) {
    g.bf_load(cgt(t), bf_desc(v.bf), mem_flags(v.ty));
  } else {
    g.load(cgt(t), mem_flags(v.ty));
  }
  Val r = mk_stack(t);
  r.loc = v.loc;
  if (v.bitfield && v.bf && t->k != TK::Bool) {
    // A bit-field's value has the promoted type of its width (6.3.1.1p2, as
    // GCC applies it also to long bit-fields): narrower than int -> int.
    u32 w = v.bf->bit_width;
    if (w < bits_of(t_int)) r = convert(r, t_int);
    else if (w == bits_of(t_int) && bits_of(t) > w) r = convert(r, is_signed_t(t) ? t_int : t_uint);
    r.loc = v.loc;
  }
  return r;
}

void Parser::materialize(Val& v) {
  switch (v.k) {
    case Val::Void:
      g.push_int(cgt(t_int), 0);
      v = mk_stack(t_int);
      return;
    case Val::Const:
      if (v.ty->k == TK::Int128 || v.ty->k == TK::UInt128) {
        if (g.on()) {
          cfree_cg_push_int128(g.cg, cgt(v.ty), v.i, v.hi);
          g.stack.push_back(cgt(v.ty));
        }
      } else {
        g.push_int(cgt(v.ty), v.i);
      }
      v.k = Val::Stack;
      return;
    case Val::FConst: {
      if (v.ty->k == TK::Complex) {
        // A complex constant operand: a temporary holding it, by address.
        Val t = cx_temp(v.ty);
        cx_set(t, false, cx_part(v, false));
        cx_set(t, true, cx_part(v, true));
        t.loc = v.loc;
        v = t;
        push_address(v);
        return;
      }
      u8 b[16];
      float_bytes(v.ty, v.f, b);
      g.push_float(cgt(v.ty), b);
      v.k = Val::Stack;
      return;
    }
    case Val::Addr:
      push_address(v);
      g.retype(cgt(v.ty));
      v.k = Val::Stack;
      v.base = Base::None;
      return;
    case Val::Lval:
      if (is_aggregate(v.ty) || v.ty->k == TK::Array) {
        push_address(v);
        return;
      }
      v = rvalue(v);
      if (v.k != Val::Stack) materialize(v);
      return;
    case Val::Stack: return;
  }
}

// Put a below b on the CG stack, whatever their current state.
void Parser::materialize2(Val& a, Val& b) {
  bool as = on_stack(a), bs = on_stack(b);
  if (as && bs) {
    if (a.k != Val::Stack) {
      g.swap();
      materialize(a);
      g.swap();
    }
    materialize(b);
  } else if (bs) {
    materialize(b);
    materialize(a);
    g.swap();
  } else {
    materialize(a);
    materialize(b);
  }
}

// Lvalue-convert two operands parsed in order a, b, keeping a below b on
// the CG stack: a deeper on-stack lvalue is loaded under b, a lazy one that
// loads after b is swapped under it.
void Parser::rvalue2(Val& a, Val& b) {
  bool as = on_stack(a), bs = on_stack(b);
  if (as && bs) {
    if (a.k != Val::Stack) {
      g.swap();
      a = rvalue(a);
      if (a.k == Val::Addr && a.base == Base::Stack && a.off) push_address(a);
      g.swap();
    }
    b = rvalue(b);
  } else if (bs) {
    b = rvalue(b);
    a = rvalue(a);
    if (on_stack(a)) g.swap();
  } else {
    a = rvalue(a);
    b = rvalue(b);
  }
}

void Parser::discard(Val v) {
  if (on_stack(v)) g.pop();
}

bool Parser::null_ptr_const(const Val& v) {
  if (v.k != Val::Const) return false;
  if (v.i != 0) return false;
  if (is_integer(v.ty)) return true;
  return v.ty->k == TK::Ptr && v.ty->base->k == TK::Void && v.ty->base->q == 0;
}

Val Parser::elem_size_val(CType* t) {
  if (t->vla) {
    Val r = mk_stack(t_size);
    if (g.on()) {
      if (t->vla_size) {
        g.push_slot(t->vla_size, 0, cg_ptr);
        g.load(cgt(t_size), 0);
      } else {
        g.push_int(cgt(t_size), size_of(t->base));
      }
    }
    return r;
  }
  return mk_const(t_size, size_of(t));
}

// ---- Conversions (6.3) ---------------------------------------------------------

Val Parser::convert(Val v, CType* to, bool explicit_cast) {
  (void)explicit_cast;
  CType* tu = to->unq;
  if (tu->k == TK::Void) {
    if (v.k != Val::Void) {
      decay_in_place(v);
      if (on_stack(v)) g.pop();
    }
    Val r;
    r.k = Val::Void;
    r.ty = t_void;
    return r;
  }
  v = rvalue(v);
  if (!v.ty) return v;
  CType* from = v.ty->unq;
  if (from == tu) {
    v.ty = tu;
    return v;
  }
  if (is_record(tu) || tu->k == TK::Array || tu->k == TK::Vector) {
    v.ty = tu;
    return v;
  }
  bool to_int = is_integer(tu), to_flt = is_float(tu), to_ptr = tu->k == TK::Ptr;
  bool fr_int = is_integer(from), fr_flt = is_float(from), fr_ptr = from->k == TK::Ptr;
  if (tu->k == TK::Complex || from->k == TK::Complex) {
    if (v.k == Val::Const || v.k == Val::FConst) {
      long double re = v.k == Val::Const ? (is_signed_t(from) ? static_cast<long double>(static_cast<i64>(v.i)) : static_cast<long double>(v.i)) : v.f;
      long double im = v.k == Val::FConst && from->k == TK::Complex ? v.fi : 0;
      if (tu->k == TK::Complex) {
        CType* et = tu->base;
        Val r = mk_fconst(tu, re);
        if (et->k == TK::Float) re = static_cast<float>(re), im = static_cast<float>(im);
        else if (et->k == TK::Double) re = static_cast<double>(re), im = static_cast<double>(im);
        else if (is_integer(et)) {
          re = static_cast<long double>(static_cast<i64>(mk_const(et, static_cast<u64>(static_cast<i64>(re))).i));
          im = static_cast<long double>(static_cast<i64>(mk_const(et, static_cast<u64>(static_cast<i64>(im))).i));
          if (!is_signed_t(et)) {
            re = static_cast<long double>(static_cast<u64>(static_cast<i64>(re)) & (bits_of(et) >= 64 ? ~0ULL : (1ULL << bits_of(et)) - 1));
            im = static_cast<long double>(static_cast<u64>(static_cast<i64>(im)) & (bits_of(et) >= 64 ? ~0ULL : (1ULL << bits_of(et)) - 1));
          }
        }
        r.f = re;
        r.fi = im;
        return r;
      }
      if (is_float(tu)) return mk_fconst(tu, re);
      if (tu->k == TK::Bool) return mk_const(tu, re != 0 || im != 0);
      if (is_integer(tu)) return mk_const(tu, static_cast<u64>(static_cast<i64>(re)));
    }
    return cx_convert(v, tu);
  }
  if (v.k == Val::Const) {
    if (to_int || to_ptr) {
      if (tu->k == TK::Bool) return mk_const(tu, const_wide(v) != 0);
      if (is_int128(tu)) return mk_const128(tu, const_wide(v));
      return mk_const(tu, v.i);
    }
    if (to_flt && is_int128(from)) {
      unsigned __int128 x = const_wide(v);
      return mk_fconst(tu, from->k == TK::Int128 ? static_cast<long double>(static_cast<__int128>(x)) : static_cast<long double>(x));
    }
    if (to_flt) {
      long double f = is_signed_t(from) && from->k != TK::Ptr ? static_cast<long double>(static_cast<i64>(v.i)) : static_cast<long double>(v.i);
      return mk_fconst(tu, f);
    }
  }
  if (v.k == Val::FConst) {
    if (to_flt) return mk_fconst(tu, v.f);
    if (tu->k == TK::Bool) return mk_const(tu, v.f != 0);
    if (to_int) {
      if (tu->k == TK::Int128) return mk_const128(tu, static_cast<unsigned __int128>(static_cast<__int128>(v.f)));
      if (tu->k == TK::UInt128) return mk_const128(tu, static_cast<unsigned __int128>(v.f));
      if (is_signed_t(tu)) return mk_const(tu, static_cast<u64>(static_cast<i64>(v.f)));
      return mk_const(tu, v.f >= 9223372036854775808.0L ? static_cast<u64>(v.f) : static_cast<u64>(static_cast<i64>(v.f)));
    }
  }
  if (v.k == Val::Addr && (to_ptr || (to_int && bits_of(tu) == 64))) {
    v.ty = tu;
    return v;
  }
  if (v.k == Val::Addr && tu->k == TK::Bool && v.base == Base::Sym) return mk_const(tu, 1);
  materialize(v);
  CfreeType ct = cgt(tu);
  if (tu->k == TK::Bool) {
    g.convert(CFREE_CONV_TOBOOL, ct);
  } else if ((to_int || to_ptr) && (fr_int || fr_ptr)) {
    u32 fb = fr_ptr ? 64 : bits_of(from);
    u32 tb = to_ptr ? 64 : bits_of(tu);
    if (fr_ptr && !to_ptr) g.retype(cgt(t_ulong));
    if (fb == tb) g.retype(ct);
    else if (tb < fb) g.convert(CFREE_CONV_TRUNC, ct);
    else {
      CfreeType mid = to_ptr ? cgt(is_signed_t(from) ? t_long : t_ulong) : ct;
      g.convert(is_signed_t(from) && from->k != TK::Bool ? CFREE_CONV_SEXT : CFREE_CONV_ZEXT, mid);
      if (mid != ct) g.retype(ct);
    }
  } else if (to_flt && fr_int) {
    if (bits_of(from) < 32) g.convert(is_signed_t(from) ? CFREE_CONV_SEXT : CFREE_CONV_ZEXT, cgt(is_signed_t(from) ? t_int : t_uint));
    g.convert(is_signed_t(from) ? CFREE_CONV_SITOF : CFREE_CONV_UITOF, ct);
  } else if (to_int && fr_flt) {
    g.convert(is_signed_t(tu) ? CFREE_CONV_FTOSI : CFREE_CONV_FTOUI, ct);
  } else if (to_flt && fr_flt) {
    u32 fb = kbits[int(from->k)], tb = kbits[int(tu->k)];
    g.convert(tb > fb ? CFREE_CONV_FEXT : CFREE_CONV_FTRUNC, ct);
  } else {
    g.retype(ct);
  }
  Val r = mk_stack(tu);
  r.loc = v.loc;
  return r;
}

Val Parser::cast_to(Val v, CType* to, CfreeLoc loc) {
  CType* tu = to->unq;
  if (tu->k == TK::Void) return convert(v, tu);
  v = rvalue(v);
  CType* from = v.ty ? v.ty->unq : t_int;
  if (is_vector(tu) || is_vector(from)) return vec_cast(v, to, loc);
  if (is_record(tu)) {
    if (tu->k == TK::Union && !compatible(from, tu, true)) {
      // GNU cast to union: a compound literal of the union with that member.
      bool ok = false;
      for (u32 i = 0; i < tu->rec->n_fields; i++)
        if (compatible(tu->rec->fields[i].ty->unq, from, true)) ok = true;
      if (!ok) error(loc, "cast to union type from type not present in union");
      else pedwarn(loc, "pedantic", "ISO C forbids casts to union type");
      if (g.on()) {
        CfreeCgSlot s = g.slot(size_of(tu), align_of(tu));
        Val lv;
        lv.k = Val::Lval;
        lv.base = Base::Slot;
        lv.slot = s;
        lv.ty = from;
        assign_to(lv, v, loc, false);
        lv.ty = tu;
        return lv;
      }
      discard(v);
      Val r = mk_stack(tu);
      r.k = Val::Lval;
      r.base = Base::Stack;
      return r;
    }
    if (!compatible(from, tu, true)) error(loc, "conversion to non-scalar type requested");
    v.ty = to;
    return v;
  }
  if (!is_scalar(tu)) {
    error(loc, "conversion to non-scalar type requested");
    return v;
  }
  if (!is_scalar(from)) {
    error(loc, "aggregate value used where %s was expected", is_float(tu) ? "a floating-point" : tu->k == TK::Ptr ? "a pointer" : "an integer");
    discard(v);
    return mk_const(tu, 0);
  }
  if ((is_float(tu) && from->k == TK::Ptr) || (tu->k == TK::Ptr && is_float(from))) {
    error(loc, tu->k == TK::Ptr ? "cannot convert to a pointer type" : "pointer value used where a floating-point was expected");
    discard(v);
    return mk_const(tu, 0);
  }
  if (tu->k == TK::Ptr && is_integer(from) && v.k != Val::Const && bits_of(from) != 64)
    warn(loc, "int-to-pointer-cast", "cast to pointer from integer of different size");
  if (is_integer(tu) && from->k == TK::Ptr && bits_of(tu) != 64 && tu->k != TK::Bool)
    warn(loc, "pointer-to-int-cast", "cast from pointer to integer of different size");
  Val r = convert(v, tu, true);
  if (r.k == Val::Addr && is_integer(tu)) r.nonconst = r.nonconst;
  return r;
}

static std::string ctx_prefix(const char* ctx) { return ctx ? ctx : "assignment"; }

// 6.5.16.1 simple assignment constraints, for assignment, initialization,
// argument passing and return (`ctx` names the context in messages).
Val Parser::assign_convert(Val v, CType* to, CfreeLoc loc, const char* ctx) {
  v = rvalue(v);
  CType* tu = to->unq;
  CType* from = v.ty ? v.ty->unq : t_int;
  // Fast paths: nothing to diagnose.
  if (v.k != Val::Void && from->k != TK::Void) {
    if (is_arith(tu) && is_arith(from)) return convert(v, tu);
    if (tu->k == TK::Ptr && from->k == TK::Ptr) {
      CType* a = tu->base;
      CType* b = from->base;
      if ((a->k == TK::Void || b->k == TK::Void || compatible(a->unq, b->unq, true)) && !((b->q & ~a->q) & (Q_CONST | Q_VOLATILE)))
        return convert(v, tu);
    }
    if (is_record(tu) && compatible(from, tu, true)) {
      v.ty = to;
      return v;
    }
    if (is_vector(tu) && vec_convertible(from, tu)) {
      v.ty = to;
      return v;
    }
  }
  std::string c_;
  if (ctx && ctx[0] == '\x01') c_ = "passing argument " + std::to_string(arg_ctx_n_) + " of '" + (arg_ctx_fname_ ? arg_ctx_fname_ : "function") + "'";
  else c_ = ctx_prefix(ctx);
  auto where = [&](const char* what) -> std::string {
    // "assignment to 'T' from 'U'", "initialization of 'T' from 'U'",
    // "passing argument N of 'f'", "returning 'U' from a function with return type 'T'"
    if (c_ == "assignment") return std::string("assignment to '") + type_str(to) + "' from " + what;
    if (c_ == "initialization") return std::string("initialization of '") + type_str(to) + "' from " + what;
    if (c_ == "return") return std::string("returning '") + type_str(v.ty) + "' from a function with " + (what[0] == 'i' && !std::strncmp(what, "incompatible", 12) ? "incompatible return type '" : "return type '") + type_str(to) + "'";
    return c_;
  };
  if (v.k == Val::Void || from->k == TK::Void) {
    error(loc, "void value not ignored as it ought to be");
    return mk_const(tu, 0);
  }
  if (is_arith(tu) && is_arith(from)) return convert(v, tu);
  if (is_record(tu) || is_vector(tu) || is_vector(from)) {
    if (is_vector(tu) || is_vector(from) ? !vec_convertible(from, tu) : !compatible(from, tu, true)) {
      if (c_ == "return")
        error(loc, "incompatible types when returning type '%s' but '%s' was expected", type_str(v.ty).c_str(), type_str(to).c_str());
      else if (c_ == "initialization")
        error(loc, "incompatible types when initializing type '%s' using type '%s'", type_str(to).c_str(), type_str(v.ty).c_str());
      else if (c_ == "assignment")
        error(loc, "incompatible types when assigning to type '%s' from type '%s'", type_str(to).c_str(), type_str(v.ty).c_str());
      else
        error(loc, "incompatible type for %s", c_.c_str() + (c_.rfind("passing ", 0) == 0 ? 8 : 0));
    }
    v.ty = to;
    return v;
  }
  if (tu->k == TK::Bool && from->k == TK::Ptr) return convert(v, tu);
  if (tu->k == TK::Ptr) {
    if (null_ptr_const(v)) return convert(v, tu);
    if (from->k == TK::Ptr) {
      CType* a = tu->base;
      CType* b = from->base;
      bool ok = a->k == TK::Void || b->k == TK::Void || compatible(a->unq, b->unq, true);
      if (!ok) {
        std::string m = where((std::string("incompatible pointer type '") + type_str(v.ty) + "'").c_str());
        if (c_.rfind("passing", 0) == 0) m = c_ + " from incompatible pointer type";
        else if (c_ == "return") m = std::string("returning '") + type_str(v.ty) + "' from a function with incompatible return type '" + type_str(to) + "'";
        warn(loc, "incompatible-pointer-types", "%s", m.c_str());
      } else if ((b->q & ~a->q) & (Q_CONST | Q_VOLATILE)) {
        const char* qn = (b->q & ~a->q & Q_CONST) ? "const" : "volatile";
        std::string m;
        if (c_.rfind("passing", 0) == 0) m = c_ + " discards '" + qn + "' qualifier from pointer target type";
        else if (c_ == "return") m = std::string("return discards '") + qn + "' qualifier from pointer target type";
        else m = c_ + " discards '" + qn + "' qualifier from pointer target type";
        warn(loc, "discarded-qualifiers", "%s", m.c_str());
      }
      return convert(v, tu);
    }
    if (is_integer(from)) {
      std::string m;
      if (c_.rfind("passing", 0) == 0) m = c_ + " makes pointer from integer without a cast";
      else if (c_ == "return") m = std::string("returning '") + type_str(v.ty) + "' from a function with return type '" + type_str(to) + "' makes pointer from integer without a cast";
      else m = where((std::string("'") + type_str(v.ty) + "'").c_str()) + " makes pointer from integer without a cast";
      warn(loc, "int-conversion", "%s", m.c_str());
      return convert(v, tu);
    }
  }
  if (is_integer(tu) && from->k == TK::Ptr) {
    std::string m;
    if (c_.rfind("passing", 0) == 0) m = c_ + " makes integer from pointer without a cast";
    else if (c_ == "return") m = std::string("returning '") + type_str(v.ty) + "' from a function with return type '" + type_str(to) + "' makes integer from pointer without a cast";
    else m = where((std::string("'") + type_str(v.ty) + "'").c_str()) + " makes integer from pointer without a cast";
    warn(loc, "int-conversion", "%s", m.c_str());
    return convert(v, tu);
  }
  // Anything else is a constraint violation.
  if (c_ == "return")
    error(loc, "incompatible types when returning type '%s' but '%s' was expected", type_str(v.ty).c_str(), type_str(to).c_str());
  else if (c_ == "initialization")
    error(loc, "incompatible types when initializing type '%s' using type '%s'", type_str(to).c_str(), type_str(v.ty).c_str());
  else if (c_ == "assignment")
    error(loc, "incompatible types when assigning to type '%s' from type '%s'", type_str(to).c_str(), type_str(v.ty).c_str());
  else
    error(loc, "incompatible type for %s", c_.c_str() + (c_.rfind("passing ", 0) == 0 ? 8 : 0));
  discard(v);
  return mk_const(is_scalar(tu) ? tu : t_int, 0);
}

Val Parser::to_bool_val(Val v) {
  v = rvalue(v);
  return convert(v, t_bool);
}

void Parser::emit_cond_branch(Val v, bool when_true, CfreeCgLabel l) {
  v = rvalue(v);
  if (v.k == Val::Const) {
    if ((v.i != 0) == when_true) g.jump(l);
    return;
  }
  if (v.k == Val::FConst) {
    if ((v.f != 0 || v.fi != 0) == when_true) g.jump(l);
    return;
  }
  if (v.ty && v.ty->unq->k == TK::Complex) {
    v = cx_to_bool(v);
    if (v.k == Val::Const) {
      if ((v.i != 0) == when_true) g.jump(l);
      return;
    }
  }
  if (v.k == Val::Addr && v.base == Base::Sym) {
    if (when_true) g.jump(l);
    return;
  }
  if (is_float(v.ty)) {
    materialize(v);
    Val z = mk_fconst(v.ty->unq, 0);
    materialize(z);
    g.cmp(CFREE_CMP_FUNE, cgt(v.ty->unq), cgt(t_int));
  } else {
    materialize(v);
  }
  g.branch(when_true, l);
}

bool Parser::check_lvalue(const Val& v, CfreeLoc loc, const char* what) {
  if (v.k != Val::Lval) {
    if (!std::strcmp(what, "assignment")) error(loc, "lvalue required as left operand of assignment");
    else error(loc, "lvalue required as %s operand", what);
    return false;
  }
  return true;
}

// Store v into lvalue lv.  With keep, the stored value is the result.
Val Parser::assign_to(Val lv, Val v, CfreeLoc loc, bool keep) {
  (void)loc;
  CType* t = lv.ty;
  if (is_aggregate(t)) {
    v = rvalue(v);
    bool lvs = on_stack(lv), vs = on_stack(v);
    // A member of an aggregate on the stack carries its offset separately:
    // apply it before the copy uses the address.
    if (vs && v.off) push_address(v);
    if (lvs && vs) {
      // [dst src]
      if (lv.off) {
        g.swap();
        push_address(lv);
        g.swap();
      }
    } else if (vs) {
      push_address(lv);
      g.swap();
    } else {
      push_address(lv);
      materialize(v);
    }
    if (keep && lv.base == Base::Stack) {
      // keep dst: [dst src] -> [dst dst src]
      g.swap();
      g.dup();
      g.rotate(2);
    }
    if (t->vla) {
      Val sz = elem_size_val(t);
      materialize(sz);
      g.copy_dynamic();
    } else {
      g.copy(size_of(t), align_of(t));
    }
    if (keep) return lv;
    Val r;
    r.k = Val::Void;
    r.ty = t_void;
    return r;
  }
  CType* tu = t->unq;
  CfreeType ct = cgt(tu);
  bool vs = on_stack(v);
  bool lvs = on_stack(lv);
  if (lvs && vs) {
    materialize(v);
    if (lv.off) {
      g.swap();
      push_address(lv);
      g.swap();
    }
  } else if (vs) {
    materialize(v);
    push_address(lv);
    g.swap();
  } else {
    push_address(lv);
    materialize(v);
  }
  if (keep) {
    g.dup();
    g.rotate(2);
    g.swap();
  }
  if (lv.bitfield) g.bf_store(ct, bf_desc(lv.bf), mem_flags(t));
  else g.store(ct, mem_flags(t));
  if (!keep) {
    Val r;
    r.k = Val::Void;
    r.ty = t_void;
    return r;
  }
  Val r = mk_stack(tu);
  if (lv.bitfield && lv.bf && lv.bf->bit_width < bits_of(tu) && tu->k != TK::Bool) {
    // The value of a bit-field assignment is the stored (truncated) value.
    CType* pt = bits_of(tu) < 32 ? (is_signed_t(tu) ? t_int : t_uint) : tu;
    r = convert(r, pt);
    u32 sh = bits_of(pt) - lv.bf->bit_width;
    g.push_int(cgt(pt), sh);
    g.binop(CFREE_OP_SHL, cgt(pt));
    g.push_int(cgt(pt), sh);
    g.binop(is_signed_t(tu) ? CFREE_OP_ASHR : CFREE_OP_LSHR, cgt(pt));
    r = convert(mk_stack(pt), tu);
  }
  return r;
}

Val Parser::load_var(Decl* d, CfreeLoc loc) {
  Val v;
  v.k = Val::Lval;
  v.ty = d->ty;
  v.loc = loc;
  d->used = true;
  Decl* canon = d->canon ? d->canon : d;
  canon->used = true;
  if (d->kind == DK::Func || d->global) {
    v.base = Base::Sym;
    v.d = canon;
    v.ty = canon->ty;
    if (g.emit) v.sym = decl_sym(canon);
    return v;
  }
  if (d->ty->vla && !d->is_param) {
    // The VLA's storage is addressed through its pointer slot.
    v.base = Base::Stack;
    v.nonconst = true;
    if (g.on()) {
      g.push_slot(d->slot, 0, cg_ptr);
      g.load(cg_ptr, 0);
    }
    return v;
  }
  v.base = Base::Slot;
  v.slot = d->slot;
  v.nonconst = true;
  return v;
}

// ---- Operators ----------------------------------------------------------------

static const char* op_spelling(Tok op) { return tok_name(op); }

Val Parser::ptr_add(Val p, Val n, bool sub, CfreeLoc loc) {
  CType* pt = p.ty->unq;
  CType* et = pt->base;
  if (!is_complete(et) && et->k != TK::Void && et->k != TK::Func && !(et->k == TK::Array && et->vla)) {
    error(loc, "invalid use of undefined type '%s'", type_str(et).c_str());
  }
  n = convert(n, t_long);
  if (n.k == Val::Const && !et->vla) {
    i64 off = static_cast<i64>(n.i) * static_cast<i64>(size_of(et));
    if (sub) off = -off;
    if (p.k == Val::Addr) {
      p.off += off;
      p.ty = pt;
      return p;
    }
    if (p.k == Val::Const) return mk_const(pt, p.i + static_cast<u64>(off));
    if (off == 0) return p;
    materialize(p);
    g.push_int(cgt(t_long), static_cast<u64>(off));
    g.binop(CFREE_OP_ADD, cgt(pt));
    Val r = mk_stack(pt);
    return r;
  }
  // Scale at run time.
  materialize2(p, n);
  Val es = elem_size_val(et);
  if (es.k == Val::Const) {
    if (es.i != 1) {
      g.push_int(cgt(t_long), es.i);
      g.binop(CFREE_OP_MUL, cgt(t_long));
    }
  } else {
    g.retype(cgt(t_long));
    g.binop(CFREE_OP_MUL, cgt(t_long));
  }
  g.binop(sub ? CFREE_OP_SUB : CFREE_OP_ADD, cgt(pt));
  return mk_stack(pt);
}

Val Parser::ptr_diff(Val a, Val b, CfreeLoc loc) {
  CType* et = a.ty->unq->base;
  if (!compatible(a.ty->unq->base->unq, b.ty->unq->base->unq, true))
    error(loc, "invalid operands to binary - (have '%s' and '%s')", type_str(a.ty).c_str(), type_str(b.ty).c_str());
  u64 es = et->k == TK::Void || et->k == TK::Func ? 1 : size_of(et);
  if (es == 0) es = 1;
  if (a.k == Val::Addr && b.k == Val::Addr && a.base == b.base && a.base != Base::Stack &&
      a.d == b.d && a.sym == b.sym && a.slot == b.slot)
    return mk_const(t_ptrdiff, static_cast<u64>((a.off - b.off) / static_cast<i64>(es)));
  if (a.k == Val::Const && b.k == Val::Const) return mk_const(t_ptrdiff, (a.i - b.i) / es);
  materialize2(a, b);
  CfreeType pd = cgt(t_ptrdiff);
  g.swap();
  g.retype(pd);
  g.swap();
  g.retype(pd);
  g.binop(CFREE_OP_SUB, pd);
  if (et->vla) {
    Val s = elem_size_val(et);
    materialize(s);
    g.binop(CFREE_OP_SDIV, pd);
  } else if (es != 1) {
    g.push_int(pd, es);
    g.binop(CFREE_OP_SDIV, pd);
  }
  return mk_stack(t_ptrdiff);
}

static bool fold_int(Tok op, u64 a, u64 b, bool sgn, u32 bits, u64* out, bool* divzero) {
  *divzero = false;
  switch (op) {
    case Tok::Plus: *out = a + b; return true;
    case Tok::Minus: *out = a - b; return true;
    case Tok::Star: *out = a * b; return true;
    case Tok::Slash:
    case Tok::Percent:
      if (b == 0) {
        *divzero = true;
        return false;
      }
      if (sgn) {
        i64 x = static_cast<i64>(a), y = static_cast<i64>(b);
        if (y == -1) {
          *out = op == Tok::Slash ? static_cast<u64>(0) - a : 0;
          return true;
        }
        *out = static_cast<u64>(op == Tok::Slash ? x / y : x % y);
      } else {
        u64 mask = bits >= 64 ? ~0ULL : (1ULL << bits) - 1;
        a &= mask;
        b &= mask;
        *out = op == Tok::Slash ? a / b : a % b;
      }
      return true;
    case Tok::Amp: *out = a & b; return true;
    case Tok::Pipe: *out = a | b; return true;
    case Tok::Caret: *out = a ^ b; return true;
    case Tok::LessLess: *out = b >= 64 ? 0 : a << b; return true;
    case Tok::GreaterGreater:
      if (sgn) *out = b >= 64 ? (static_cast<i64>(a) < 0 ? ~0ULL : 0) : static_cast<u64>(static_cast<i64>(a) >> b);
      else {
        u64 mask = bits >= 64 ? ~0ULL : (1ULL << bits) - 1;
        *out = b >= 64 ? 0 : (a & mask) >> b;
      }
      return true;
    default: return false;
  }
}

// fold_int for 128-bit operands.
static bool fold_int128(Tok op, unsigned __int128 a, unsigned __int128 b, bool sgn, unsigned __int128* out,
                        bool* divzero) {
  using U = unsigned __int128;
  using S = __int128;
  *divzero = false;
  switch (op) {
    case Tok::Plus: *out = a + b; return true;
    case Tok::Minus: *out = a - b; return true;
    case Tok::Star: *out = a * b; return true;
    case Tok::Slash:
    case Tok::Percent:
      if (b == 0) {
        *divzero = true;
        return false;
      }
      if (sgn) {
        if (static_cast<S>(b) == -1) {
          *out = op == Tok::Slash ? U(0) - a : 0;
          return true;
        }
        *out = static_cast<U>(op == Tok::Slash ? static_cast<S>(a) / static_cast<S>(b) : static_cast<S>(a) % static_cast<S>(b));
      } else {
        *out = op == Tok::Slash ? a / b : a % b;
      }
      return true;
    case Tok::Amp: *out = a & b; return true;
    case Tok::Pipe: *out = a | b; return true;
    case Tok::Caret: *out = a ^ b; return true;
    case Tok::LessLess: *out = b >= 128 ? 0 : a << static_cast<unsigned>(b); return true;
    case Tok::GreaterGreater:
      if (sgn) *out = static_cast<U>(static_cast<S>(a) >> (b >= 128 ? 127 : static_cast<unsigned>(b)));
      else *out = b >= 128 ? 0 : a >> static_cast<unsigned>(b);
      return true;
    default: return false;
  }
}

Val Parser::arith(Tok op, Val a, Val b, CfreeLoc loc) {
  rvalue2(a, b);
  CType* at = a.ty ? a.ty->unq : t_int;
  CType* bt = b.ty ? b.ty->unq : t_int;
  auto invalid = [&]() {
    if (a.k == Val::Void || b.k == Val::Void) {
      const Val& vv = a.k == Val::Void ? a : b;
      error(vv.loc ? vv.loc : loc, "void value not ignored as it ought to be");
      discard(b);
      discard(a);
      return mk_const(t_int, 0);
    }
    error(loc, "invalid operands to binary %s (have '%s' and '%s')", op_spelling(op), type_str(a.ty).c_str(), type_str(b.ty).c_str());
    discard(b);
    discard(a);
    return mk_const(t_int, 0);
  };
  if (a.k == Val::Void || b.k == Val::Void) return invalid();
  if (is_vector(at) || is_vector(bt)) return vec_binary(op, a, b, loc, false);
  if (op == Tok::Plus || op == Tok::Minus) {
    if (at->k == TK::Ptr && is_integer(bt)) return ptr_add(a, b, op == Tok::Minus, loc);
    if (op == Tok::Plus && is_integer(at) && bt->k == TK::Ptr) {
      // n + p: keep evaluation order on the stack.
      if (on_stack(a) && on_stack(b)) {
        g.swap();
        Val r = ptr_add(b, a, false, loc);
        return r;
      }
      return ptr_add(b, a, false, loc);
    }
    if (op == Tok::Minus && at->k == TK::Ptr && bt->k == TK::Ptr) return ptr_diff(a, b, loc);
  }
  bool int_only = op == Tok::Percent || op == Tok::LessLess || op == Tok::GreaterGreater || op == Tok::Amp ||
                  op == Tok::Pipe || op == Tok::Caret;
  if (int_only ? !(is_integer(at) && is_integer(bt)) : !(is_arith(at) && is_arith(bt))) return invalid();
  if (op == Tok::LessLess || op == Tok::GreaterGreater) {
    CType* rt = promote(at);
    a = convert(a, rt);
    b = convert(b, promote(bt));
    if (b.k == Val::Const) {
      i64 cnt = static_cast<i64>(b.i);
      if (cnt < 0) warn(loc, "shift-count-negative", "%s shift count is negative", op == Tok::LessLess ? "left" : "right");
      else if (static_cast<u64>(cnt) >= bits_of(rt))
        warn(loc, "shift-count-overflow", "%s shift count >= width of type", op == Tok::LessLess ? "left" : "right");
    }
    if (a.k == Val::Const && b.k == Val::Const) {
      bool dz;
      if (is_int128(rt)) {
        unsigned __int128 r;
        u64 cnt = is_int128(b.ty) && b.hi ? ~0ULL : b.i;
        fold_int128(op, const_wide(a), cnt, is_signed_t(rt), &r, &dz);
        return mk_const128(rt, r);
      }
      u64 r;
      fold_int(op, a.i, b.i, is_signed_t(rt), bits_of(rt), &r, &dz);
      return mk_const(rt, r);
    }
    materialize2(a, b);
    CfreeBinop bo = op == Tok::LessLess ? CFREE_OP_SHL : is_signed_t(rt) ? CFREE_OP_ASHR : CFREE_OP_LSHR;
    g.binop(bo, cgt(rt));
    return mk_stack(rt);
  }
  CType* ct = arith_common(at, bt);
  if (ct->k == TK::Complex) return cx_arith(op, a, b, ct, loc);
  // Convert in stack order: a (deeper) then b.
  if (on_stack(a) && on_stack(b)) {
    g.swap();
    a = convert(a, ct);
    g.swap();
    b = convert(b, ct);
  } else {
    a = convert(a, ct);
    b = convert(b, ct);
  }
  if (is_float(ct)) {
    if (a.k == Val::FConst && b.k == Val::FConst) {
      long double x = a.f, y = b.f, r = 0;
      switch (op) {
        case Tok::Plus: r = x + y; break;
        case Tok::Minus: r = x - y; break;
        case Tok::Star: r = x * y; break;
        case Tok::Slash: r = x / y; break;
        default: break;
      }
      return mk_fconst(ct, r);
    }
    materialize2(a, b);
    CfreeBinop bo = op == Tok::Plus ? CFREE_OP_FADD : op == Tok::Minus ? CFREE_OP_FSUB : op == Tok::Star ? CFREE_OP_FMUL : CFREE_OP_FDIV;
    g.binop(bo, cgt(ct));
    return mk_stack(ct);
  }
  bool sgn = is_signed_t(ct);
  if (a.k == Val::Const && b.k == Val::Const && is_int128(ct)) {
    unsigned __int128 r;
    bool dz;
    if (fold_int128(op, const_wide(a), const_wide(b), sgn, &r, &dz)) return mk_const128(ct, r);
    if (dz) warn(loc, "div-by-zero", "division by zero");
  } else if (a.k == Val::Const && b.k == Val::Const) {
    u64 r;
    bool dz;
    if (fold_int(op, a.i, b.i, sgn, bits_of(ct), &r, &dz)) return mk_const(ct, r);
    if (dz) warn(loc, "div-by-zero", "division by zero");
  } else if (b.k == Val::Const && b.i == 0 && (op == Tok::Slash || op == Tok::Percent)) {
    warn(loc, "div-by-zero", "division by zero");
  }
  materialize2(a, b);
  CfreeBinop bo;
  switch (op) {
    case Tok::Plus: bo = CFREE_OP_ADD; break;
    case Tok::Minus: bo = CFREE_OP_SUB; break;
    case Tok::Star: bo = CFREE_OP_MUL; break;
    case Tok::Slash: bo = sgn ? CFREE_OP_SDIV : CFREE_OP_UDIV; break;
    case Tok::Percent: bo = sgn ? CFREE_OP_SREM : CFREE_OP_UREM; break;
    case Tok::Amp: bo = CFREE_OP_AND; break;
    case Tok::Pipe: bo = CFREE_OP_OR; break;
    default: bo = CFREE_OP_XOR; break;
  }
  g.binop(bo, cgt(ct));
  Val r = mk_stack(ct);
  r.loc = loc;
  return r;
}

Val Parser::compare(Tok op, Val a, Val b, CfreeLoc loc) {
  rvalue2(a, b);
  CType* at = a.ty ? a.ty->unq : t_int;
  CType* bt = b.ty ? b.ty->unq : t_int;
  bool eq = op == Tok::EqualEqual || op == Tok::BangEqual;
  if (is_vector(at) || is_vector(bt)) return vec_binary(op, a, b, loc, true);
  CType* ct;
  if (is_arith(at) && is_arith(bt)) {
    ct = arith_common(at, bt);
  } else if (at->k == TK::Ptr && bt->k == TK::Ptr) {
    if (!compatible(at->base->unq, bt->base->unq, true) && at->base->k != TK::Void && bt->base->k != TK::Void)
      warn(loc, nullptr, "comparison of distinct pointer types lacks a cast");
    ct = t_ulong;
  } else if (at->k == TK::Ptr && is_integer(bt)) {
    if (!null_ptr_const(b)) warn(loc, nullptr, "comparison between pointer and integer");
    ct = t_ulong;
  } else if (bt->k == TK::Ptr && is_integer(at)) {
    if (!null_ptr_const(a)) warn(loc, nullptr, "comparison between pointer and integer");
    ct = t_ulong;
  } else {
    error(loc, "invalid operands to binary %s (have '%s' and '%s')", op_spelling(op), type_str(a.ty).c_str(), type_str(b.ty).c_str());
    discard(b);
    discard(a);
    return mk_const(t_int, 0);
  }
  if (ct->k == TK::Complex) {
    if (eq) return cx_compare(op == Tok::EqualEqual, a, b, ct, loc);
    error(loc, "invalid operands to binary %s (have '%s' and '%s')", op_spelling(op), type_str(a.ty).c_str(), type_str(b.ty).c_str());
    discard(b);
    discard(a);
    return mk_const(t_int, 0);
  }
  if (on_stack(a) && on_stack(b)) {
    g.swap();
    a = convert(a, ct);
    g.swap();
    b = convert(b, ct);
  } else {
    a = convert(a, ct);
    b = convert(b, ct);
  }
  if (a.k == Val::Const && b.k == Val::Const && is_int128(ct)) {
    unsigned __int128 x = const_wide(a), y = const_wide(b);
    __int128 sx = static_cast<__int128>(x), sy = static_cast<__int128>(y);
    bool sgn = ct->k == TK::Int128, r;
    switch (op) {
      case Tok::EqualEqual: r = x == y; break;
      case Tok::BangEqual: r = x != y; break;
      case Tok::Less: r = sgn ? sx < sy : x < y; break;
      case Tok::LessEqual: r = sgn ? sx <= sy : x <= y; break;
      case Tok::Greater: r = sgn ? sx > sy : x > y; break;
      default: r = sgn ? sx >= sy : x >= y; break;
    }
    return mk_const(t_int, r);
  }
  if (a.k == Val::Const && b.k == Val::Const) {
    bool sgn = is_signed_t(ct) && ct->k != TK::Ptr;
    u64 x = a.i, y = b.i;
    bool r;
    switch (op) {
      case Tok::EqualEqual: r = x == y; break;
      case Tok::BangEqual: r = x != y; break;
      case Tok::Less: r = sgn ? static_cast<i64>(x) < static_cast<i64>(y) : x < y; break;
      case Tok::LessEqual: r = sgn ? static_cast<i64>(x) <= static_cast<i64>(y) : x <= y; break;
      case Tok::Greater: r = sgn ? static_cast<i64>(x) > static_cast<i64>(y) : x > y; break;
      default: r = sgn ? static_cast<i64>(x) >= static_cast<i64>(y) : x >= y; break;
    }
    return mk_const(t_int, r);
  }
  if (a.k == Val::FConst && b.k == Val::FConst) {
    long double x = a.f, y = b.f;
    bool r;
    switch (op) {
      case Tok::EqualEqual: r = x == y; break;
      case Tok::BangEqual: r = x != y; break;
      case Tok::Less: r = x < y; break;
      case Tok::LessEqual: r = x <= y; break;
      case Tok::Greater: r = x > y; break;
      default: r = x >= y; break;
    }
    return mk_const(t_int, r);
  }
  if (eq && a.k == Val::Addr && b.k == Val::Const && b.i == 0 && a.base == Base::Sym && a.d && !a.d->weak)
    return mk_const(t_int, op == Tok::BangEqual);
  if (eq && a.k == Val::Addr && b.k == Val::Addr && a.base == Base::Sym && b.base == Base::Sym && a.d == b.d && a.sym == b.sym)
    return mk_const(t_int, (a.off == b.off) == (op == Tok::EqualEqual));
  materialize2(a, b);
  CfreeCmp cm;
  if (is_float(ct)) {
    switch (op) {
      case Tok::EqualEqual: cm = CFREE_CMP_FOEQ; break;
      case Tok::BangEqual: cm = CFREE_CMP_FUNE; break;
      case Tok::Less: cm = CFREE_CMP_FOLT; break;
      case Tok::LessEqual: cm = CFREE_CMP_FOLE; break;
      case Tok::Greater: cm = CFREE_CMP_FOGT; break;
      default: cm = CFREE_CMP_FOGE; break;
    }
  } else {
    bool sgn = is_signed_t(ct) && ct->k != TK::Ptr;
    switch (op) {
      case Tok::EqualEqual: cm = CFREE_CMP_EQ; break;
      case Tok::BangEqual: cm = CFREE_CMP_NE; break;
      case Tok::Less: cm = sgn ? CFREE_CMP_SLT : CFREE_CMP_ULT; break;
      case Tok::LessEqual: cm = sgn ? CFREE_CMP_SLE : CFREE_CMP_ULE; break;
      case Tok::Greater: cm = sgn ? CFREE_CMP_SGT : CFREE_CMP_UGT; break;
      default: cm = sgn ? CFREE_CMP_SGE : CFREE_CMP_UGE; break;
    }
  }
  g.cmp(cm, cgt(ct), cgt(t_int));
  return mk_stack(t_int);
}

Val Parser::address_of(Val v, CfreeLoc loc) {
  if (v.k == Val::Lval) {
    if (v.bitfield) {
      error(loc, "cannot take address of bit-field '%s'", v.bf && v.bf->name ? sym_str(v.bf->name) : "");
      discard(v);
      return mk_const(t_voidptr, 0);
    }
    if (v.d && v.d->sc == SC_REGISTER && !v.d->global) error(loc, "address of register variable '%s' requested", sym_str(v.d->name));
    v.k = Val::Addr;
    v.ty = pointer_to(v.ty);
    return v;
  }
  error(loc, "lvalue required as unary '&' operand");
  discard(v);
  return mk_const(t_voidptr, 0);
}

Val Parser::deref(Val v, CfreeLoc loc) {
  v = rvalue(v);
  CType* t = v.ty ? v.ty->unq : t_int;
  if (t->k != TK::Ptr) {
    if (t->k == TK::Array) {
      t = pointer_to(t->base);
    } else {
      error(loc, "invalid type argument of unary '*' (have '%s')", type_str(v.ty).c_str());
      discard(v);
      Val r = mk_const(t_int, 0);
      return r;
    }
  }
  CType* et = t->base;
  if (et->k == TK::Func) {
    // *fp is the function designator again.
    Val r = v;
    if (v.k == Val::Addr) {
      r.k = Val::Lval;
      r.ty = et;
      return r;
    }
    materialize(r);
    r.k = Val::Lval;
    r.base = Base::Stack;
    r.off = 0;
    r.ty = et;
    return r;
  }
  if (v.k == Val::Addr) {
    v.k = Val::Lval;
    v.ty = et;
    v.loc = loc;
    return v;
  }
  materialize(v);
  Val r;
  r.k = Val::Lval;
  r.base = Base::Stack;
  r.ty = et;
  r.loc = loc;
  r.nonconst = true;
  return r;
}

}  // namespace cfree::c
