// builtins.cpp: GCC builtins (GCC manual "Other Builtins", "__atomic
// Builtins", "__sync Builtins") and -Wformat checking.
//
// A builtin is resolved by name when an undeclared identifier starting with
// __builtin_, __atomic_ or __sync_ is used.  Three kinds:
//  - library builtins (__builtin_memcpy, __builtin_abort, ...) become the
//    library function, declared on the fly with its prototype;
//  - folded builtins (__builtin_constant_p, __builtin_huge_val, bswap/clz/...
//    of constants, __builtin_object_size) give constants;
//  - the rest map onto CG intrinsics, va_*, alloca, atomics and fences.
#include "c/parse.h"

#include "c/literal.h"

#include <cmath>
#include <limits>
#include <string>

namespace cfree::c {

namespace {

// Library builtins: name, return code, parameter codes ('.' = variadic).
// Codes: v void, i int, u unsigned, l long, z size_t, p void*, q const void*,
// s char*, c const char*, d double, f float, e long double, F FILE* (void*).
struct LibBuiltin {
  const char* name;
  const char* sig;
};
constexpr LibBuiltin kLib[] = {
    {"memcpy", "p:pqz"}, {"memmove", "p:pqz"}, {"memset", "p:piz"}, {"memcmp", "i:qqz"},
    {"memchr", "p:qiz"}, {"strlen", "z:c"}, {"strnlen", "z:cz"}, {"strcmp", "i:cc"},
    {"strncmp", "i:ccz"}, {"strcpy", "s:sc"}, {"strncpy", "s:scz"}, {"strcat", "s:sc"},
    {"strncat", "s:scz"}, {"strchr", "s:ci"}, {"strrchr", "s:ci"}, {"strstr", "s:cc"},
    {"strdup", "s:c"}, {"strndup", "s:cz"}, {"strspn", "z:cc"}, {"strcspn", "z:cc"}, {"strpbrk", "s:cc"},
    {"stpcpy", "s:sc"}, {"abort", "v:"}, {"exit", "v:i"}, {"_exit", "v:i"}, {"malloc", "p:z"},
    {"calloc", "p:zz"}, {"realloc", "p:pz"}, {"free", "v:p"}, {"printf", "i:c."},
    {"sprintf", "i:sc."}, {"snprintf", "i:szc."}, {"fprintf", "i:pc."}, {"vprintf", "i:cp"},
    {"vsprintf", "i:scp"}, {"vsnprintf", "i:szcp"}, {"vfprintf", "i:pcp"}, {"puts", "i:c"},
    {"putchar", "i:i"}, {"fputs", "i:cp"}, {"fputc", "i:ip"}, {"fwrite", "z:qzzp"}, {"scanf", "i:c."},
    {"sscanf", "i:cc."}, {"abs", "i:i"}, {"labs", "l:l"}, {"llabs", "l:l"}, {"imaxabs", "l:l"},
    {"fabs", "d:d"}, {"fabsf", "f:f"}, {"fabsl", "e:e"}, {"sqrt", "d:d"}, {"sqrtf", "f:f"},
    {"sqrtl", "e:e"}, {"copysign", "d:dd"}, {"copysignf", "f:ff"}, {"copysignl", "e:ee"},
    {"floor", "d:d"}, {"floorf", "f:f"}, {"floorl", "e:e"}, {"ceil", "d:d"}, {"ceilf", "f:f"},
    {"ceill", "e:e"}, {"round", "d:d"}, {"roundf", "f:f"}, {"roundl", "e:e"}, {"trunc", "d:d"},
    {"truncf", "f:f"}, {"truncl", "e:e"}, {"fmod", "d:dd"}, {"fmodf", "f:ff"}, {"fmodl", "e:ee"},
    {"pow", "d:dd"}, {"powf", "f:ff"}, {"powl", "e:ee"}, {"exp", "d:d"}, {"log", "d:d"},
    {"log2", "d:d"}, {"log10", "d:d"}, {"sin", "d:d"}, {"cos", "d:d"}, {"tan", "d:d"},
    {"atan2", "d:dd"}, {"ldexp", "d:di"}, {"frexp", "d:dp"}, {"modf", "d:dp"}, {"fmin", "d:dd"},
    {"fmax", "d:dd"}, {"fminf", "f:ff"}, {"fmaxf", "f:ff"}, {"fminl", "e:ee"}, {"fmaxl", "e:ee"}, {"lround", "l:d"}, {"lrint", "l:d"},
    {"rint", "d:d"}, {"nearbyint", "d:d"}, {"cabs", "d:d"}, {"toupper", "i:i"}, {"tolower", "i:i"},
    {"isdigit", "i:i"}, {"isalpha", "i:i"}, {"isspace", "i:i"}, {"isupper", "i:i"}, {"islower", "i:i"},
    {"isalnum", "i:i"}, {"isprint", "i:i"}, {"isxdigit", "i:i"}, {"ffs", "i:i"}, {"ffsl", "i:l"},
    {"ffsll", "i:l"}, {"index", "s:ci"}, {"rindex", "s:ci"}, {"bzero", "v:pz"}, {"bcmp", "i:qqz"},
    {"bcopy", "v:qpz"}, {"setjmp", "i:p"}, {"longjmp", "v:pi"}, {"__memcpy_chk", "p:pqzz"},
    {"__memset_chk", "p:pizz"}, {"__memmove_chk", "p:pqzz"}, {"__strcpy_chk", "s:scz"},
    {"__sprintf_chk", "i:sizc."}, {"__snprintf_chk", "i:szizc."}, {"__strcat_chk", "s:scz"},
    {"__strncpy_chk", "s:sczz"}, {"__stpcpy_chk", "s:scz"}, {"__strncat_chk", "s:sczz"},
    {"__vsnprintf_chk", "i:szizcp"}, {"__vsprintf_chk", "i:sizcp"}, {"__printf_chk", "i:ic."},
    {"__fprintf_chk", "i:pic."}, {"__vprintf_chk", "i:icp"}, {"__vfprintf_chk", "i:picp"},
    {"__mempcpy_chk", "p:pqzz"}, {"mempcpy", "p:pqz"}, {"__stpncpy_chk", "s:sczz"},
    {"stpncpy", "s:scz"}, {"__cyg_profile_func_enter", "v:pp"}, {"__cyg_profile_func_exit", "v:pp"},
};

}  // namespace

static CType* sig_type(Parser* p, char ch) {
  switch (ch) {
    case 'v': return p->t_void;
    case 'i': return p->t_int;
    case 'u': return p->t_uint;
    case 'l': return p->t_long;
    case 'z': return p->t_size;
    case 'p': return p->t_voidptr;
    case 'q': return p->pointer_to(p->qualify(p->t_void, Q_CONST));
    case 's': return p->t_charptr;
    case 'c': return p->pointer_to(p->qualify(p->t_char, Q_CONST));
    case 'd': return p->t_double;
    case 'f': return p->t_float;
    case 'e': return p->t_ldouble;
    default: return p->t_int;
  }
}

static CType* lib_type(Parser* p, const char* sig) {
  auto* fi = static_cast<FuncInfo*>(cfree_arena_alloc(p->arena, sizeof(FuncInfo), alignof(FuncInfo)));
  *fi = FuncInfo{};
  fi->proto = true;
  CType* ret = sig_type(p, sig[0]);
  std::vector<Param> ps;
  for (const char* s = sig + 2; *s; s++) {
    if (*s == '.') {
      fi->variadic = true;
      break;
    }
    ps.push_back(Param{0, sig_type(p, *s), 0});
  }
  fi->n_params = static_cast<u32>(ps.size());
  fi->params = static_cast<Param*>(cfree_arena_alloc(p->arena, sizeof(Param) * (ps.size() + 1), alignof(Param)));
  for (size_t i = 0; i < ps.size(); i++) fi->params[i] = ps[i];
  return p->func_type(ret, fi);
}

Val Parser::va_arg_expr(CfreeLoc loc) {
  advance();
  expect(Tok::LParen);
  Val ap = assign_expr();
  expect(Tok::Comma);
  CType* t = type_name();
  expect(Tok::RParen);
  ap = rvalue(ap);
  if (!ap.ty || (ap.ty->k != TK::Ptr && !ap.ty->is_va_list)) error(loc, "first argument to 'va_arg' not of type 'va_list'");
  materialize(ap);
  CType* tu = t->unq;
  bool agg = is_aggregate(tu);
  if (g.on()) {
    // GNU: a variably modified record arrives by reference.
    cfree_cg_va_arg(g.cg, is_record(tu) && tu->vla ? cg_ptr : cgt(tu));
    g.set_top(agg ? cg_ptr : cgt(tu));
  }
  if (agg) {
    Val r;
    r.k = Val::Lval;
    r.base = Base::Stack;
    r.ty = tu;
    r.nonconst = true;
    return r;
  }
  if (tu->k == TK::Float || (is_integer(tu) && rank(tu) < 4))
    warn(loc, nullptr, "'%s' is promoted to '%s' when passed through '...'", type_str(tu).c_str(), type_str(tu->k == TK::Float ? t_double : promote(tu)).c_str());
  return mk_stack(tu);
}

Val Parser::offsetof_expr(CfreeLoc loc) {
  advance();
  expect(Tok::LParen);
  CType* t = type_name();
  expect(Tok::Comma);
  u64 off = 0;
  CType* cur = t;
  bool first = true;
  // GNU: a non-constant index or a member of a variably modified record
  // makes a run-time offset, accumulated on the CG stack.
  bool rt = false;
  CfreeType szt = cgt(t_size);
  auto add_rt = [&]() {
    if (rt) g.binop(CFREE_OP_ADD, szt);
    rt = true;
  };
  for (;;) {
    if (first || tok.kind == Tok::Dot) {
      if (!first) advance();
      first = false;
      if (tok.kind != Tok::Identifier) {
        error(tok.loc, "expected identifier before %s", tok_desc(tok).c_str());
        break;
      }
      if (!is_record(cur) || !cur->rec->complete) {
        error(loc, "request for member '%s' in something not a structure or union", sym_str(tok.sym));
        advance();
        break;
      }
      u64 fo = 0;
      const Field* f = find_field(cur->rec, tok.sym, &fo);
      if (!f) {
        error(tok.loc, "'%s' has no member named '%s'", type_str(cur->unq).c_str(), sym_str(tok.sym));
        advance();
        break;
      }
      if (f->bitfield) error(tok.loc, "attempt to take address of bit-field structure member '%s'", sym_str(tok.sym));
      advance();
      if (f->off_slot && g.on()) {
        g.push_slot(f->off_slot, 0, cg_ptr);
        g.load(szt, 0);
        add_rt();
      }
      off += fo;
      cur = f->ty;
    } else if (tok.kind == Tok::LBracket) {
      advance();
      CfreeLoc iloc = tok.loc;
      Val iv = rvalue(expr());
      expect(Tok::RBracket);
      if (cur->k != TK::Array) {
        error(loc, "subscripted value is neither array nor pointer nor vector");
        discard(iv);
        break;
      }
      if (!iv.ty || !is_integer(iv.ty)) {
        error(iloc, "array subscript is not an integer");
        discard(iv);
      } else if (iv.k == Val::Const && !cur->base->vla) {
        off += iv.i * size_of(cur->base);
      } else {
        Val n = convert(iv, t_size);
        materialize(n);
        Val es = elem_size_val(cur->base);
        materialize(es);
        g.binop(CFREE_OP_MUL, szt);
        add_rt();
      }
      cur = cur->base;
    } else {
      break;
    }
  }
  expect(Tok::RParen);
  if (rt) {
    g.push_int(szt, off);
    g.binop(CFREE_OP_ADD, szt);
    return mk_stack(t_size);
  }
  return mk_const(t_size, off);
}

static int ctz64(u64 x) { return x ? __builtin_ctzll(x) : 64; }
static int clz64(u64 x) { return x ? __builtin_clzll(x) : 64; }

CType* Parser::implicit_lib_type(CfreeSym name) {
  const char* s = sym_str(name);
  for (const LibBuiltin& lb : kLib)
    if (!std::strcmp(s, lb.name)) return lib_type(this, lb.sig);
  return nullptr;
}

// Whether every value v can have (its value, when constant) is a value of
// type `to` (the __builtin_*_overflow operand check).
bool Parser::overflow_operand_fits(const Val& v, CType* to) {
  CType* from = v.ty ? v.ty->unq : t_int;
  bool fs = is_signed_t(from) && from->k != TK::Ptr, ts = is_signed_t(to);
  u32 fb = bits_of(from), tb = bits_of(to);
  if (v.k == Val::Const) {
    unsigned __int128 x = const_wide(v);
    bool neg = fs && static_cast<__int128>(x) < 0;
    if (tb >= 128) return ts ? (neg || !(x >> 127)) : !neg;
    __int128 sx = static_cast<__int128>(x);
    if (fs && fb < 128) {
      __int128 lo = ts ? -(static_cast<__int128>(1) << (tb - 1)) : 0;
      __int128 hi = ts ? (static_cast<__int128>(1) << (tb - 1)) - 1 : (static_cast<__int128>(1) << tb) - 1;
      return sx >= lo && sx <= hi;
    }
    return x <= (ts ? (static_cast<unsigned __int128>(1) << (tb - 1)) - 1 : (static_cast<unsigned __int128>(1) << tb) - 1);
  }
  if (fs == ts) return fb <= tb;
  return !fs && ts && fb < tb;
}

Val Parser::builtin_by_name(CfreeSym name, CfreeLoc loc, bool* handled) {
  size_t nlen = 0;
  const char* s = cfree_sym_str(c, name, &nlen);
  *handled = false;
  bool is_b = nlen > 10 && !std::strncmp(s, "__builtin_", 10);
  bool is_atomic = nlen > 9 && !std::strncmp(s, "__atomic_", 9);
  bool is_sync = nlen > 7 && !std::strncmp(s, "__sync_", 7);
  if (!is_b && !is_atomic && !is_sync) return Val{};
  std::string n = is_b ? std::string(s + 10) : std::string(s);
  *handled = true;
  if (is_b && n == "shuffle") return vec_shuffle(loc);
  advance();  // the name
  // evaluate: 0 = parse only (no code), 1 = evaluate lazily, 2 = convert each
  // argument to an rvalue as soon as it is parsed (so stack order is source order).
  auto args = [&](std::vector<Val>* out, std::vector<CfreeLoc>* locs, int evaluate) {
    if (!expect(Tok::LParen)) return;
    if (!evaluate) g.nocode++;
    while (tok.kind != Tok::RParen && tok.kind != Tok::Eof) {
      if (locs) locs->push_back(tok.loc);
      out->push_back(evaluate == 2 ? rvalue(assign_expr()) : assign_expr());
      if (!accept(Tok::Comma)) break;
    }
    if (!evaluate) g.nocode--;
    expect(Tok::RParen);
  };
  auto need = [&](const std::vector<Val>& a, size_t k) {
    if (a.size() < k) {
      error(loc, "too few arguments to function '%s'", s);
      return false;
    }
    if (a.size() > k) {
      error(loc, "too many arguments to function '%s'", s);
      return false;
    }
    return true;
  };
  auto order_of = [&](const Val& v) -> CfreeMemOrder {
    if (v.k == Val::Const && v.i <= 5) return static_cast<CfreeMemOrder>(v.i);
    return CFREE_ORDER_SEQ_CST;
  };

  // ---- library builtins ----
  // (__builtin_setjmp/longjmp are GCC's own primitives, below.)
  if (is_b && n != "setjmp" && n != "longjmp") {
    for (const LibBuiltin& lb : kLib) {
      if (n != lb.name) continue;
      CfreeSym lname = cfree_sym_intern(c, lb.name, std::strlen(lb.name));
      Decl* d = file_scope_decl(lname);
      if (!d || d->kind != DK::Func) {
        d = implicit_func(lname, loc, lib_type(this, lb.sig));
        d->is_builtin_decl = true;
        if (d->canon) d->canon->is_builtin_decl = true;
      }
      return load_var(d->canon ? d->canon : d, loc);
    }
  }
  std::vector<Val> a;
  std::vector<CfreeLoc> al;

  // ---- creal/cimag/conj (f, l): parts and conjugate of a complex ----
  if (is_b && (n.rfind("creal", 0) == 0 || n.rfind("cimag", 0) == 0 || n.rfind("conj", 0) == 0)) {
    size_t bl = n[1] == 'o' ? 4 : 5;
    std::string suf = n.substr(bl);
    if (suf.empty() || suf == "f" || suf == "l") {
      CType* et = suf == "f" ? t_float : suf == "l" ? t_ldouble : t_double;
      CType* ct = complex_of(et);
      args(&a, &al, 2);
      if (!need(a, 1)) {
        for (size_t i = a.size(); i-- > 0;) discard(a[i]);
        return bl == 4 ? mk_fconst(ct, 0) : mk_fconst(et, 0);
      }
      arg_ctx_n_ = 1;
      arg_ctx_fname_ = s;
      Val v = cx_stable(assign_convert(a[0], ct, al[0], "\x01"));
      if (bl == 4) return cx_unary(Tok::Tilde, v);
      Val p = cx_part(v, n[1] == 'i');
      return p.k == Val::Lval ? rvalue(p) : p;
    }
  }

  // ---- va_* ----
  if (n == "va_start" || n == "va_end" || n == "va_copy" || n == "stdarg_start") {
    args(&a, &al, true);
    if (a.empty()) {
      error(loc, "too few arguments to function '%s'", s);
      return Val{Val::Void, Base::None, false, false, t_void};
    }
    if (n == "va_copy") {
      if (a.size() != 2) {
        error(loc, "wrong number of arguments to function '%s'", s);
      } else {
        // evaluated in order: dst then src are already pushed lazily
        Val d0 = rvalue(a[0]), s0 = rvalue(a[1]);
        materialize2(d0, s0);
        if (g.on()) {
          cfree_cg_va_copy(g.cg);
          g.drop(2);
        }
      }
    } else {
      Val ap = rvalue(a[0]);
      for (size_t i = 1; i < a.size(); i++) discard(rvalue(a[i]));
      if (a.size() > 1) {
        // discard() popped later args; ap is still deepest
      }
      materialize(ap);
      if (g.on()) {
        if (n == "va_end") cfree_cg_va_end(g.cg);
        else {
          if (!fn_ || !fn_->decl || !fn_->decl->ty->fn || !fn_->decl->ty->fn->variadic)
            error(loc, "'va_start' used in function with fixed arguments");
          cfree_cg_va_start(g.cg);
        }
        g.drop(1);
      }
    }
    Val r;
    r.k = Val::Void;
    r.ty = t_void;
    return r;
  }
  if (n == "constant_p") {
    args(&a, &al, false);
    if (!need(a, 1)) return mk_const(t_int, 0);
    Val v = decay(a[0]);
    bool k = (v.k == Val::Const || v.k == Val::FConst) && !v.nonconst;
    if (v.k == Val::Addr && v.base == Base::Sym && !v.d) k = true;  // string literal
    return mk_const(t_int, k);
  }
  if (n == "expect" || n == "expect_with_probability" || n == "assume_aligned") {
    args(&a, &al, true);
    if (a.empty()) return mk_const(t_long, 0);
    Val v = rvalue(a[0]);
    for (size_t i = a.size(); i-- > 1;) discard(rvalue(a[i]));
    if (n == "assume_aligned") return v;
    return convert(v, t_long);
  }
  if (n == "unreachable" || n == "trap") {
    args(&a, &al, true);
    g.intrinsic(n == "trap" ? CFREE_INTR_TRAP : CFREE_INTR_UNREACHABLE, cgt(t_void), 0, 0, 0);
    Val r;
    r.k = Val::Void;
    r.ty = t_void;
    return r;
  }
  if (n == "huge_val" || n == "inf" || n == "huge_valf" || n == "inff" || n == "huge_vall" || n == "infl" ||
      n == "nan" || n == "nanf" || n == "nanl" || n == "nans" || n == "nansf" || n == "nansl" ||
      n == "huge_valf128" || n == "inff128" || n == "nanf128") {
    args(&a, &al, false);
    char last = n.back();
    CType* t = last == 'f' ? t_float : last == 'l' ? t_ldouble : t_double;
    if (n.size() > 4 && n.substr(n.size() - 4) == "f128") t = t_float128;
    long double v = n[0] == 'n' ? std::numeric_limits<long double>::quiet_NaN() : std::numeric_limits<long double>::infinity();
    return mk_fconst(t, v);
  }
  if (n.rfind("bswap", 0) == 0) {
    args(&a, &al, true);
    if (!need(a, 1)) return mk_const(t_int, 0);
    int bits = std::atoi(n.c_str() + 5);
    CType* t = bits == 16 ? t_ushort : bits == 32 ? t_uint : t_ulong;
    if (bits == 64) t = t_ulong;
    Val v = convert(a[0], t);
    if (v.k == Val::Const) {
      u64 x = v.i, r = 0;
      for (int i = 0; i < bits / 8; i++) r |= ((x >> (8 * i)) & 0xff) << (bits - 8 - 8 * i);
      return mk_const(t, r);
    }
    materialize(v);
    g.intrinsic(CFREE_INTR_BSWAP, cgt(t), 1, 1, cgt(t));
    return mk_stack(t);
  }
  {
    struct Bit {
      const char* base;
      CfreeIntrinsic id;
      bool signed_arg;
    };
    static const Bit bits[] = {{"clz", CFREE_INTR_CLZ, false}, {"ctz", CFREE_INTR_CTZ, false},
                               {"popcount", CFREE_INTR_POPCOUNT, false}, {"parity", CFREE_INTR_PARITY, false},
                               {"ffs", CFREE_INTR_FFS, true}, {"clrsb", CFREE_INTR_CLRSB, true}};
    for (const Bit& b : bits) {
      size_t bl = std::strlen(b.base);
      if (n.compare(0, bl, b.base) != 0) continue;
      std::string suf = n.substr(bl);
      if (suf != "" && suf != "l" && suf != "ll") continue;
      args(&a, &al, true);
      if (!need(a, 1)) return mk_const(t_int, 0);
      CType* t = suf.empty() ? (b.signed_arg ? t_int : t_uint) : suf == "l" ? (b.signed_arg ? t_long : t_ulong) : (b.signed_arg ? t_llong : t_ullong);
      Val v = convert(a[0], t);
      u32 w = bits_of(t);
      if (v.k == Val::Const) {
        u64 x = w == 64 ? v.i : v.i & ((1ULL << w) - 1);
        int r = 0;
        switch (b.id) {
          case CFREE_INTR_CLZ: r = clz64(x) - (64 - static_cast<int>(w)); break;
          case CFREE_INTR_CTZ: r = x ? ctz64(x) : static_cast<int>(w); break;
          case CFREE_INTR_POPCOUNT: r = __builtin_popcountll(x); break;
          case CFREE_INTR_PARITY: r = __builtin_popcountll(x) & 1; break;
          case CFREE_INTR_FFS: r = x ? ctz64(x) + 1 : 0; break;
          default: {
            i64 sx = static_cast<i64>(v.i);
            u64 y = static_cast<u64>(sx < 0 ? ~sx : sx);
            if (w < 64) y &= (1ULL << w) - 1;
            r = (y ? clz64(y) - (64 - static_cast<int>(w)) : static_cast<int>(w)) - 1;
          }
        }
        return mk_const(t_int, static_cast<u64>(r));
      }
      materialize(v);
      g.intrinsic(b.id, cgt(t), 1, 1, cgt(t_int));
      return mk_stack(t_int);
    }
  }
  if (n == "add_overflow" || n == "sub_overflow" || n == "mul_overflow" || n.find("_overflow") != std::string::npos) {
    args(&a, &al, 2);
    if (!need(a, 3)) return mk_const(t_bool, 0);
    CfreeIntrinsic id = n.find("add") != std::string::npos ? CFREE_INTR_ADD_OVERFLOW : n.find("sub") != std::string::npos ? CFREE_INTR_SUB_OVERFLOW : CFREE_INTR_MUL_OVERFLOW;
    Val p = a[2];
    if (!p.ty || p.ty->k != TK::Ptr || !is_integer(p.ty->base)) {
      error(al[2], "argument 3 in call to function '%s' does not have pointer to integer type", s);
      return mk_const(t_bool, 0);
    }
    CType* rt = p.ty->base->unq;
    // Stack order: a, b, p evaluated in order; bring p to the bottom.
    Val x = a[0], y = a[1];
    if (on_stack(p)) {
      // p is on top: convert x,y below it is awkward; materialize p first by rotation
      materialize(p);
      if (on_stack(x) && on_stack(y)) {
        g.rotate(2);
        g.rotate(2);
      } else if (on_stack(x) || on_stack(y)) {
        g.swap();
      }
    } else {
      materialize(p);
      if (on_stack(x) && on_stack(y)) {
        g.rotate(2);
        g.rotate(2);
      } else if (on_stack(x) || on_stack(y)) {
        g.swap();
      }
    }
    // now p is below x/y (those on stack)
    // GCC computes in infinite precision.  When an operand's values do not
    // all fit the result type, compute in a type wide enough for the exact
    // result (or whose overflow implies the result's) and check that the
    // result fits.  128-bit operations with mixed signedness stay inexact.
    CType* ot = rt;
    if (!overflow_operand_fits(x, rt) || !overflow_operand_fits(y, rt)) {
      u32 ob = std::max(bits_of(x.ty->unq), bits_of(y.ty->unq));
      if (bits_of(rt) <= 32 && ob <= 32) ot = t_llong;
      else if (bits_of(rt) <= 64 && ob <= 64) ot = t_int128;
    }
    if (on_stack(x) && on_stack(y)) {
      g.swap();
      x = convert(x, ot);
      g.swap();
      y = convert(y, ot);
    } else {
      x = convert(x, ot);
      y = convert(y, ot);
    }
    materialize2(x, y);
    g.intrinsic(id, cgt(ot), 2, 2, cgt(t_int));
    if (ot != rt) {
      // [p r f] -> [p r' f|(r doesn't fit)]
      g.swap();
      g.dup();
      g.dup();
      Val r = convert(convert(mk_stack(ot), rt), ot);
      (void)r;
      g.cmp(CFREE_CMP_NE, cgt(ot), cgt(t_int));
      g.rotate(2);
      g.binop(CFREE_OP_OR, cgt(t_int));
      g.swap();
      r = convert(mk_stack(ot), rt);
      g.swap();
    }
    // [p r f] -> store r at p, keep f
    g.rotate(2);
    g.rotate(2);
    g.store(cgt(rt), 0);
    Val f = mk_stack(t_int);
    return convert(f, t_bool);
  }
  if (is_b && (n == "setjmp" || n == "longjmp")) {
    // GCC's non-local goto primitives over a 5-pointer buffer (not the C
    // library's setjmp: the buffer is too small for it).
    args(&a, &al, true);
    if (!need(a, n == "setjmp" ? 1 : 2)) return mk_const(t_int, 0);
    Val b = convert(rvalue(a[0]), t_voidptr);
    if (n == "longjmp") {
      Val v = rvalue(a[1]);
      if (v.k != Val::Const || v.i != 1) error(loc, "%s", "'__builtin_longjmp' second argument must be 1");
      discard(v);
    }
    materialize(b);
    Val r;
    if (g.on()) {
      g.stack.pop_back();
      if (n == "setjmp") {
        cfree_cg_builtin_setjmp(g.cg, cgt(t_int));
        g.stack.push_back(cgt(t_int));
      } else {
        cfree_cg_builtin_longjmp(g.cg);
      }
    }
    if (n == "setjmp") return mk_stack(t_int);
    r.k = Val::Void;
    r.ty = t_void;
    return r;
  }
  if (n == "frame_address" || n == "return_address") {
    args(&a, &al, true);
    if (!need(a, 1)) return mk_const(t_voidptr, 0);
    Val v = convert(a[0], t_uint);
    materialize(v);
    g.intrinsic(n == "frame_address" ? CFREE_INTR_FRAME_ADDRESS : CFREE_INTR_RETURN_ADDRESS, cg_ptr, 1, 1, cg_ptr);
    return mk_stack(t_voidptr);
  }
  if (n == "prefetch") {
    args(&a, &al, true);
    if (a.empty()) return Val{Val::Void, Base::None, false, false, t_void};
    for (size_t i = a.size(); i-- > 1;) discard(rvalue(a[i]));
    Val v = rvalue(a[0]);
    materialize(v);
    g.intrinsic(CFREE_INTR_PREFETCH, cg_ptr, 1, 0, 0);
    Val r;
    r.k = Val::Void;
    r.ty = t_void;
    return r;
  }
  if (n == "alloca" || n == "alloca_with_align") {
    args(&a, &al, true);
    if (a.empty()) return mk_const(t_voidptr, 0);
    u32 al2 = 16;
    if (a.size() > 1) {
      Val av = rvalue(a[1]);
      if (av.k == Val::Const && av.i / 8 > 16) al2 = static_cast<u32>(av.i / 8);
      discard(av);
    }
    Val v = convert(a[0], t_size);
    materialize(v);
    g.alloca_(al2, cg_ptr);
    return mk_stack(t_voidptr);
  }
  if (n == "object_size" || n == "dynamic_object_size") {
    args(&a, &al, false);
    i64 ty = a.size() > 1 && a[1].k == Val::Const ? static_cast<i64>(a[1].i) : 0;
    return mk_const(t_size, ty < 2 ? ~0ULL : 0);
  }
  if (n == "classify_type") {
    args(&a, &al, false);
    if (a.empty()) return mk_const(t_int, 0);
    CType* t = a[0].ty ? decay(a[0]).ty->unq : t_int;
    int k = t->k == TK::Void ? 0 : t->k == TK::Enum ? 3 : t->k == TK::Bool ? 4 : is_integer(t) ? 1 : t->k == TK::Ptr ? 5 : is_float(t) ? 8 : t->k == TK::Complex ? 9 : t->k == TK::Struct ? 12 : t->k == TK::Union ? 13 : 14;
    return mk_const(t_int, static_cast<u64>(k));
  }
  if (n == "LINE" || n == "FILE" || n == "FUNCTION") {
    args(&a, &al, false);
    CfreePresumedLoc pl{};
    cfree_source_presumed(c, loc, &pl);
    if (n == "LINE") return mk_const(t_int, pl.line);
    Val v;
    v.k = Val::Addr;
    v.base = Base::Sym;
    std::string str = n == "FILE" ? (pl.file ? pl.file : "") : (fn_ ? fn_->name : "");
    v.ty = t_charptr;
    if (g.emit) v.sym = cfree_cg_const_data(g.cg, str.c_str(), str.size() + 1, 1);
    return v;
  }
  // isinff/isnanl/finite...: the typed variants classify the same way.
  if (n == "isinff" || n == "isinfl" || n == "isnanf" || n == "isnanl") n.pop_back();
  if (n == "finite" || n == "finitef" || n == "finitel") n = "isfinite";
  if (n == "isnan" || n == "isinf" || n == "isfinite" || n == "isnormal" || n == "signbit" || n == "isinf_sign" ||
      n == "signbitf" || n == "signbitl" || n == "isless" || n == "islessequal" || n == "isgreater" ||
      n == "isgreaterequal" || n == "islessgreater" || n == "isunordered" || n == "fpclassify" ||
      n == "iszero" || n == "issignaling" || n == "fabs" || n == "fabsf" || n == "fabsl" || n == "sqrt" || n == "sqrtf" || n == "sqrtl") {
    args(&a, &al, true);
    if (a.empty()) return mk_const(t_int, 0);
    // Constant operands fold; otherwise the classification is computed
    // with compares on a stashed copy.
    bool all_const = true;
    for (Val& v : a) {
      v = rvalue(v);
      if (v.k != Val::FConst && v.k != Val::Const) all_const = false;
    }
    if (all_const) {
      auto fv = [&](const Val& v) -> long double { return v.k == Val::FConst ? v.f : static_cast<long double>(static_cast<i64>(v.i)); };
      long double x = fv(a.back());
      if (n == "isnan") return mk_const(t_int, std::isnan(x));
      if (n == "isinf") return mk_const(t_int, std::isinf(x));
      if (n == "isinf_sign") return mk_const(t_int, std::isinf(x) ? (x < 0 ? ~0ULL : 1) : 0);
      if (n == "isfinite") return mk_const(t_int, std::isfinite(x));
      if (n == "isnormal") return mk_const(t_int, std::isnormal(x));
      if (n.rfind("signbit", 0) == 0) return mk_const(t_int, std::signbit(x));
      if (n == "fabs" || n == "fabsf" || n == "fabsl") return mk_fconst(n == "fabsf" ? t_float : n == "fabsl" ? t_ldouble : t_double, std::fabs(x));
      if (n == "sqrt" || n == "sqrtf" || n == "sqrtl") return mk_fconst(n == "sqrtf" ? t_float : n == "sqrtl" ? t_ldouble : t_double, std::sqrt(x));
      if (a.size() >= 2) {
        long double y0 = fv(a[0]), y1 = fv(a[1]);
        if (n == "isless") return mk_const(t_int, y0 < y1);
        if (n == "islessequal") return mk_const(t_int, y0 <= y1);
        if (n == "isgreater") return mk_const(t_int, y0 > y1);
        if (n == "isgreaterequal") return mk_const(t_int, y0 >= y1);
        if (n == "islessgreater") return mk_const(t_int, y0 < y1 || y0 > y1);
        if (n == "isunordered") return mk_const(t_int, std::isnan(y0) || std::isnan(y1));
      }
      if (n == "fpclassify" && a.size() == 6) {
        int k = std::isnan(x) ? 0 : std::isinf(x) ? 1 : std::isnormal(x) ? 2 : x == 0 ? 4 : 3;
        return mk_const(t_int, a[k].i);
      }
    }
    if (n == "fabs" || n == "fabsf" || n == "fabsl" || n == "sqrt" || n == "sqrtf" || n == "sqrtl") {
      CType* t = n.back() == 'f' ? t_float : n.back() == 'l' ? t_ldouble : t_double;
      Val v = convert(a[0], t);
      materialize(v);
      g.intrinsic(n[0] == 'f' ? CFREE_INTR_FABS : CFREE_INTR_SQRT, cgt(t), 1, 1, cgt(t));
      return mk_stack(t);
    }
    if (a.size() >= 2 && (n == "isless" || n == "islessequal" || n == "isgreater" || n == "isgreaterequal")) {
      Tok op = n == "isless" ? Tok::Less : n == "islessequal" ? Tok::LessEqual : n == "isgreater" ? Tok::Greater : Tok::GreaterEqual;
      return compare(op, a[0], a[1], loc);
    }
    // Stash x in a slot and build the test from compares.
    Val x = a.back();
    for (size_t i = 0; i + 1 < a.size(); i++) {
      // fpclassify's class constants are already constants
    }
    CType* t = x.ty ? x.ty->unq : t_double;
    if (!is_float(t)) {
      x = convert(x, t_double);
      t = t_double;
    }
    CfreeCgSlot sl = g.slot(16, 16);
    materialize(x);
    g.push_slot(sl, 0, cg_ptr);
    g.swap();
    g.store(cgt(t), 0);
    auto xval = [&]() {
      Val v;
      v.k = Val::Lval;
      v.base = Base::Slot;
      v.slot = sl;
      v.ty = t;
      return v;
    };
    auto fabsx = [&]() {
      Val v = rvalue(xval());
      materialize(v);
      g.intrinsic(CFREE_INTR_FABS, cgt(t), 1, 1, cgt(t));
      return mk_stack(t);
    };
    Val inf = mk_fconst(t, std::numeric_limits<long double>::infinity());
    if (n == "isnan") return compare(Tok::BangEqual, xval(), xval(), loc);
    if (n == "isinf") return compare(Tok::EqualEqual, fabsx(), inf, loc);
    if (n == "isfinite") return compare(Tok::Less, fabsx(), inf, loc);
    if (n == "isinf_sign") {
      Val p1 = compare(Tok::EqualEqual, xval(), inf, loc);
      Val m1 = compare(Tok::EqualEqual, xval(), mk_fconst(t, -std::numeric_limits<long double>::infinity()), loc);
      return arith(Tok::Minus, p1, m1, loc);
    }
    if (n == "isnormal") {
      long double mn = t->k == TK::Float ? std::numeric_limits<float>::min() : t->k == TK::Double ? std::numeric_limits<double>::min() : std::numeric_limits<long double>::min();
      Val ge = compare(Tok::GreaterEqual, fabsx(), mk_fconst(t, mn), loc);
      Val lt = compare(Tok::Less, fabsx(), inf, loc);
      return arith(Tok::Amp, ge, lt, loc);
    }
    if (n.rfind("signbit", 0) == 0) {
      if (t->k == TK::Float || t->k == TK::Double) {
        CType* it = t->k == TK::Float ? t_uint : t_ulong;
        Val v = rvalue(xval());
        materialize(v);
        g.convert(CFREE_CONV_BITCAST, cgt(it));
        Val iv = mk_stack(it);
        Val sh = arith(Tok::GreaterGreater, iv, mk_const(t_int, bits_of(it) - 1), loc);
        return convert(sh, t_int);
      }
      return compare(Tok::Less, xval(), mk_fconst(t, 0), loc);
    }
    if (n == "isunordered" && a.size() >= 2) {
      error(loc, "'%s' with non-constant operands is not supported", s);
      return mk_const(t_int, 0);
    }
    if (n == "iszero") return compare(Tok::EqualEqual, xval(), mk_fconst(t, 0), loc);
    error(loc, "'%s' with non-constant operands is not supported", s);
    return mk_const(t_int, 0);
  }

  // ---- atomics ----
  if (is_atomic || is_sync) {
    Val vvoid;
    vvoid.k = Val::Void;
    vvoid.ty = t_void;
    if (n == "__atomic_always_lock_free" || n == "__atomic_is_lock_free") {
      args(&a, &al, false);
      if (a.empty()) return mk_const(t_bool, 0);
      Val v = rvalue(a[0]);
      return mk_const(t_bool, v.k == Val::Const && v.i <= 8);
    }
    if (n == "__atomic_thread_fence" || n == "__atomic_signal_fence" || n == "__sync_synchronize") {
      args(&a, &al, false);
      CfreeMemOrder o = a.empty() ? CFREE_ORDER_SEQ_CST : order_of(rvalue(a[0]));
      if (g.on()) cfree_cg_fence(g.cg, o);
      return vvoid;
    }
    // Value arguments are evaluated, converted and pushed in order as they
    // are parsed; memory orders (constants) follow them.
    bool cas_n = n == "__atomic_compare_exchange_n";
    bool sync_cas = n == "__sync_bool_compare_and_swap" || n == "__sync_val_compare_and_swap";
    int nv = 2;
    if (n == "__atomic_load_n" || n == "__sync_lock_release" || n == "__atomic_test_and_set" || n == "__atomic_clear") nv = 1;
    else if (cas_n || sync_cas) nv = 3;
    if (!expect(Tok::LParen)) return mk_const(t_int, 0);
    std::vector<Val> rv;
    CType* vt = t_int;
    bool bad = false;
    while (tok.kind != Tok::RParen && tok.kind != Tok::Eof) {
      CfreeLoc aloc = tok.loc;
      Val v = assign_expr();
      v = rvalue(v);
      int idx = static_cast<int>(rv.size());
      if (idx == 0) {
        if (!v.ty || v.ty->k != TK::Ptr || v.ty->base->k == TK::Void) {
          error(aloc, "argument 1 of '%s' must be a non-void pointer type", s);
          bad = true;
        } else {
          vt = v.ty->base->unq;
        }
        materialize(v);
      } else if (idx < nv) {
        if (!(cas_n && idx == 1)) v = convert(v, vt->k == TK::Ptr && !(sync_cas) && n != "__atomic_exchange_n" && n != "__atomic_store_n" ? t_long : vt);
        materialize(v);
      }
      rv.push_back(v);
      if (!accept(Tok::Comma)) break;
    }
    expect(Tok::RParen);
    for (size_t i = rv.size(); i-- > static_cast<size_t>(nv);)
      if (on_stack(rv[i])) g.pop();
    if (bad || static_cast<int>(rv.size()) < nv) {
      if (!bad) error(loc, "too few arguments to function '%s'", s);
      for (int i = std::min<int>(nv, static_cast<int>(rv.size())); i-- > 0;) g.pop();
      return mk_const(t_int, 0);
    }
    CfreeMemOrder o1 = rv.size() > static_cast<size_t>(nv) ? order_of(rv[nv]) : CFREE_ORDER_SEQ_CST;
    CfreeType ct = cgt(vt->k == TK::Bool ? t_uchar : vt);
    if (n == "__atomic_load_n") {
      if (g.on()) {
        cfree_cg_atomic_load(g.cg, ct, o1);
        g.set_top(ct);
      }
      return mk_stack(vt);
    }
    if (n == "__atomic_store_n") {
      if (g.on()) {
        cfree_cg_atomic_store(g.cg, ct, o1);
        g.drop(2);
      }
      return vvoid;
    }
    if (n == "__sync_lock_release" || n == "__atomic_clear") {
      g.push_int(ct, 0);
      if (g.on()) {
        cfree_cg_atomic_store(g.cg, ct, is_sync ? CFREE_ORDER_RELEASE : o1);
        g.drop(2);
      }
      return vvoid;
    }
    if (n == "__atomic_test_and_set") {
      g.push_int(ct, 1);
      if (g.on()) {
        cfree_cg_atomic_rmw(g.cg, CFREE_ATOMIC_XCHG, ct, o1);
        g.drop(1);
        g.set_top(ct);
      }
      return convert(mk_stack(vt), t_bool);
    }
    if (n == "__atomic_exchange_n" || n == "__sync_lock_test_and_set") {
      if (g.on()) {
        cfree_cg_atomic_rmw(g.cg, CFREE_ATOMIC_XCHG, ct, is_sync ? CFREE_ORDER_ACQUIRE : o1);
        g.drop(1);
        g.set_top(ct);
      }
      return mk_stack(vt);
    }
    if (cas_n) {
      // rv: p, expected*, desired, weak, success, failure
      int weak = rv.size() > 3 && rv[3].k == Val::Const && rv[3].i;
      CfreeMemOrder so = rv.size() > 4 ? order_of(rv[4]) : CFREE_ORDER_SEQ_CST;
      CfreeMemOrder fo = rv.size() > 5 ? order_of(rv[5]) : CFREE_ORDER_SEQ_CST;
      if (g.on()) {
        cfree_cg_atomic_cas(g.cg, ct, weak, so, fo, cgt(t_bool));
        g.drop(3);
        g.stack.push_back(cgt(t_bool));
      }
      return mk_stack(t_bool);
    }
    if (sync_cas) {
      // [p old new] -> [p &e new] with e = old
      CfreeCgSlot es = g.slot(16, 16);
      g.swap();
      g.push_slot(es, 0, cg_ptr);
      g.swap();
      g.store(ct, 0);
      g.push_slot(es, 0, cg_ptr);
      g.swap();
      if (g.on()) {
        cfree_cg_atomic_cas(g.cg, ct, 0, CFREE_ORDER_SEQ_CST, CFREE_ORDER_SEQ_CST, cgt(t_bool));
        g.drop(3);
        g.stack.push_back(cgt(t_bool));
      }
      if (n == "__sync_bool_compare_and_swap") return mk_stack(t_bool);
      g.pop();
      g.push_slot(es, 0, cg_ptr);
      g.load(ct, 0);
      return mk_stack(vt);
    }
    // The operation word: __sync_fetch_and_OP, __sync_OP_and_fetch,
    // __atomic_fetch_OP, __atomic_OP_fetch (a plain search finds the "and"
    // of fetch_and_or).
    std::string w = n.substr(n.rfind("__atomic_", 0) == 0 ? 9 : n.rfind("__sync_", 0) == 0 ? 7 : 0);
    if (w.rfind("fetch_and_", 0) == 0) w = w.substr(10);
    else if (w.rfind("fetch_", 0) == 0) w = w.substr(6);
    else if (w.size() > 10 && w.compare(w.size() - 10, 10, "_and_fetch") == 0) w.resize(w.size() - 10);
    else if (w.size() > 6 && w.compare(w.size() - 6, 6, "_fetch") == 0) w.resize(w.size() - 6);
    int op = -1;
    if (w == "nand") op = CFREE_ATOMIC_NAND;
    else if (w == "add") op = CFREE_ATOMIC_ADD;
    else if (w == "sub") op = CFREE_ATOMIC_SUB;
    else if (w == "xor") op = CFREE_ATOMIC_XOR;
    else if (w == "and") op = CFREE_ATOMIC_AND;
    else if (w == "or") op = CFREE_ATOMIC_OR;
    if (op < 0) {
      error(loc, "'%s' is not supported", s);
      g.pop();
      g.pop();
      return mk_const(t_int, 0);
    }
    bool fetch_first = n.find("fetch_and_") != std::string::npos || n.rfind("__atomic_fetch_", 0) == 0;
    CfreeMemOrder o = is_sync ? CFREE_ORDER_SEQ_CST : o1;
    CType* opt = vt->k == TK::Ptr ? t_long : vt;
    CfreeCgSlot os = 0;
    if (!fetch_first) {
      os = g.slot(16, 16);
      g.dup();
      g.push_slot(os, 0, cg_ptr);
      g.swap();
      g.store(cgt(opt), 0);
    }
    if (g.on()) {
      cfree_cg_atomic_rmw(g.cg, static_cast<CfreeAtomicOp>(op), ct, o);
      g.drop(1);
      g.set_top(ct);
    }
    if (fetch_first) return mk_stack(vt);
    if (vt->k == TK::Ptr) g.retype(cgt(t_long));
    Val old = mk_stack(opt);
    Val opnd;
    opnd.k = Val::Lval;
    opnd.base = Base::Slot;
    opnd.slot = os;
    opnd.ty = opt;
    static const Tok kOps[] = {Tok::Eof, Tok::Plus, Tok::Minus, Tok::Amp, Tok::Pipe, Tok::Caret, Tok::Amp};
    Val r = arith(kOps[op], old, opnd, loc);
    if (op == CFREE_ATOMIC_NAND) r = unary_op(Tok::Tilde, r, loc);
    return convert(r, vt);
  }

  // Unknown __builtin_X: GCC reports an implicit declaration.
  if (std_version >= 199901) warn(loc, "implicit-function-declaration", "implicit declaration of function '%s'", s);
  Decl* d = implicit_func(name, loc, nullptr);
  return load_var(d, loc);
}

// -Wformat: printf/scanf argument checks for functions with the format attribute.
void Parser::check_format(Decl* fn, const std::vector<Val>& args, const std::vector<CfreeLoc>& locs, CfreeLoc loc) {
  (void)loc;
  size_t fi = static_cast<size_t>(fn->format_idx - 1);
  if (fi >= args.size() || fmt_str_idx_ != fi) return;
  const std::string& f = fmt_str_;
  size_t ai = fn->format_first > 0 ? static_cast<size_t>(fn->format_first - 1) : args.size();
  if (fn->format_first == 0) return;
  for (size_t i = 0; i < f.size(); i++) {
    if (f[i] != '%') continue;
    size_t st = i++;
    if (i < f.size() && f[i] == '%') continue;
    while (i < f.size() && std::strchr("-+ #0'", f[i])) i++;
    bool star = false;
    if (i < f.size() && f[i] == '*') star = true, i++;
    while (i < f.size() && std::isdigit(static_cast<unsigned char>(f[i]))) i++;
    if (i < f.size() && f[i] == '.') {
      i++;
      if (i < f.size() && f[i] == '*') star = true, i++;
      while (i < f.size() && std::isdigit(static_cast<unsigned char>(f[i]))) i++;
    }
    std::string len;
    while (i < f.size() && std::strchr("hlLqjzt", f[i])) len += f[i++];
    if (i >= f.size()) break;
    char conv = f[i];
    std::string spec = f.substr(st, i - st + 1);
    if (star) {
      if (ai < args.size()) ai++;
    }
    if (conv == 'm') continue;
    if (ai >= args.size()) {
      const char* want = conv == 'd' || conv == 'i' || conv == 'c' ? "int" : conv == 's' ? "char *" : conv == 'p' ? "void *" : std::strchr("feEgGaA", conv) ? "double" : "unsigned int";
      if (fn->format_scanf) want = conv == 's' ? "char *" : "int *";
      warn(locs.empty() ? loc : locs[fi], "format", "format '%s' expects a matching '%s' argument", spec.c_str(), want);
      return;
    }
    const Val& a = args[ai];
    CType* at = a.ty ? a.ty->unq : t_int;
    bool bad = false;
    const char* want = nullptr;
    if (fn->format_scanf) {
      ai++;
      continue;
    }
    if (std::strchr("diouxXc", conv)) {
      bool is_long = len == "l" || len == "z" || len == "t" || len == "j";
      bool is_ll = len == "ll" || len == "q";
      if (!is_integer(at)) bad = true;
      else if ((is_long || is_ll) && bits_of(at) != 64) bad = true;
      else if (!is_long && !is_ll && len.empty() && bits_of(promote(at)) != 32) bad = true;
      bool sgn = conv == 'd' || conv == 'i';
      if (len.empty()) want = conv == 'c' ? "int" : sgn ? "int" : "unsigned int";
      else if (len == "l") want = sgn ? "long int" : "long unsigned int";
      else if (len == "ll") want = sgn ? "long long int" : "long long unsigned int";
      else if (len == "z") want = sgn ? "long int" : "size_t";
      else want = sgn ? "long int" : "long unsigned int";
    } else if (std::strchr("feEgGaA", conv)) {
      if (!is_float(at)) bad = true;
      else if (len == "L" && at->k != TK::LDouble) bad = true;
      want = len == "L" ? "long double" : "double";
    } else if (conv == 's') {
      if (at->k != TK::Ptr || !is_integer(at->base) || size_of(at->base) != 1) bad = true;
      want = "char *";
    } else if (conv == 'p') {
      if (at->k != TK::Ptr) bad = true;
      want = "void *";
    } else if (conv == 'n') {
      if (at->k != TK::Ptr) bad = true;
      want = "int *";
    }
    if (bad && want)
      warn(locs[ai], "format", "format '%s' expects argument of type '%s', but argument %zu has type '%s'", spec.c_str(), want, ai + 1, type_str(a.ty).c_str());
    ai++;
  }
  if (ai < args.size() && fn->format_first > 0)
    warn(locs[ai], "format-extra-args", "too many arguments for format");
}

}  // namespace cfree::c
