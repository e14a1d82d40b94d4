// expr.cpp: GNU as expressions -- parsing, symbols and evaluation.
//
// Operator precedence is gas's (gas manual, "Infix Operators"), lowest to
// highest: `|| &&`; `+ - == != <> < > <= >=`; `| & ^ !`; `* / % << >>`;
// then unary `- ~ !` and primaries (numbers in decimal, 0x hex, 0 octal, 0b
// binary, 'c character constants, symbols with an optional @reloc suffix,
// numeric local label references 1f / 1b, `.`, parentheses).
//
// A value is `add - sub + constant`.  A difference of two labels is a
// constant as soon as both are in the same fragment (gas resolves those
// while parsing) and, after layout, whenever both are in the same section.
#include "asm/internal.h"

#include <cstdlib>
#include <string>

namespace cfree::as {

Expr* Assembler::new_expr(Expr::Op op, Expr* a, Expr* b) {
  Expr* e = arena_.make<Expr>();
  e->op = op;
  e->a = a;
  e->b = b;
  return e;
}

Expr* Assembler::num_expr(i64 v) {
  Expr* e = new_expr(Expr::Num);
  e->num = v;
  return e;
}

Expr* Assembler::sym_expr(SymIdx s) {
  Expr* e = new_expr(Expr::SymRef);
  e->sym = s;
  return e;
}

bool Assembler::sym_is_temp_name(std::string_view n) const {
  return (n.size() >= 2 && n[0] == '.' && n[1] == 'L') || (!n.empty() && n[0] == '\x02');
}

SymIdx Assembler::sym_lookup(std::string_view name) {
  Sym nm = c_.syms.intern(name.data(), name.size());
  auto it = sym_by_name_.find(nm);
  if (it != sym_by_name_.end()) return it->second;
  Symbol s;
  s.name = nm;
  s.temp = sym_is_temp_name(name);
  syms_.push_back(s);
  SymIdx idx = static_cast<SymIdx>(syms_.size() - 1);
  sym_by_name_.emplace(nm, idx);
  return idx;
}

SymIdx Assembler::sym_numeric(u32 n, bool forward) {
  u32 k = numeric_[n] + (forward ? 1 : 0);
  std::string nm = "\x02" + std::to_string(n) + "\x03" + std::to_string(k);
  return sym_lookup(nm);
}

SymIdx Assembler::sym_temp_here() {
  Symbol s;
  s.name = 0;
  s.temp = true;
  s.defined = true;
  s.sec = cur_ + 1;
  s.frag = static_cast<u32>(cur().frags.size() - 1);
  s.off = frag_off();
  syms_.push_back(s);
  return static_cast<SymIdx>(syms_.size() - 1);
}

void Assembler::define_label(SymIdx s) {
  Symbol& sy = syms_[s];
  if (sy.defined || sy.equ) {
    error("symbol `%s' is already defined", sym_str(s));
    return;
  }
  sy.defined = true;
  sy.sec = cur_ + 1;
  sy.frag = static_cast<u32>(cur().frags.size() - 1);
  sy.off = frag_off();
  sy.loc = line_loc_;
}

namespace {

struct Parser {
  Assembler& as;
  const char*& p;
  bool failed = false;

  Expr* fail(const char* msg) {
    if (!failed) as.error("%s", msg);
    failed = true;
    return nullptr;
  }

  bool number(i64* out) {
    const char* s = p;
    u64 v = 0;
    if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
      s += 2;
      const char* d = s;
      for (;; s++) {
        char ch = *s;
        int dv = ch >= '0' && ch <= '9' ? ch - '0' : ch >= 'a' && ch <= 'f' ? ch - 'a' + 10
               : ch >= 'A' && ch <= 'F' ? ch - 'A' + 10 : -1;
        if (dv < 0) break;
        v = v * 16 + static_cast<u64>(dv);
      }
      if (s == d) return false;
    } else if (s[0] == '0' && (s[1] == 'b' || s[1] == 'B') && (s[2] == '0' || s[2] == '1')) {
      s += 2;
      while (*s == '0' || *s == '1') v = v * 2 + static_cast<u64>(*s++ - '0');
    } else if (s[0] == '0' && s[1] >= '0' && s[1] <= '7') {
      s++;
      while (*s >= '0' && *s <= '7') v = v * 8 + static_cast<u64>(*s++ - '0');
    } else {
      while (*s >= '0' && *s <= '9') v = v * 10 + static_cast<u64>(*s++ - '0');
    }
    p = s;
    *out = static_cast<i64>(v);
    return true;
  }

  Expr* primary() {
    skip_ws(p);
    char ch = *p;
    if (ch == '(') {
      p++;
      Expr* e = expr(0);
      skip_ws(p);
      if (*p != ')') return fail("missing ')' in expression");
      p++;
      return e;
    }
    if (ch == '-' || ch == '~' || ch == '!' || ch == '+') {
      p++;
      Expr* a = primary();
      if (!a) return nullptr;
      if (ch == '+') return a;
      return as.new_expr(ch == '-' ? Expr::Neg : ch == '~' ? Expr::Not : Expr::LNot, a);
    }
    if (ch == '\'') {
      p++;
      i64 v = static_cast<unsigned char>(*p);
      if (*p == '\\') {
        p++;
        char e = *p;
        v = e == 'n' ? 10 : e == 't' ? 9 : e == 'r' ? 13 : e == '0' ? 0 : e == '\\' ? '\\'
          : e == 'b' ? 8 : e == 'f' ? 12 : static_cast<unsigned char>(e);
      }
      if (*p) p++;
      if (*p == '\'') p++;
      return as.num_expr(v);
    }
    if (ch >= '0' && ch <= '9') {
      // Numeric local label reference: 1f, 1b.
      const char* s = p;
      while (*s >= '0' && *s <= '9') s++;
      if ((*s == 'f' || *s == 'b') && !is_ident_char(s[1]) &&
          !(p[0] == '0' && p + 1 == s && *s == 'b' && (s[1] == '0' || s[1] == '1'))) {
        u32 n = static_cast<u32>(std::strtoul(p, nullptr, 10));
        bool fwd = *s == 'f';
        p = s + 1;
        return as.sym_expr(as.sym_numeric(n, fwd));
      }
      i64 v;
      if (!number(&v)) return fail("bad number");
      return as.num_expr(v);
    }
    if (ch == '.' && !is_ident_char(p[1])) {
      p++;
      return as.sym_expr(as.sym_temp_here());
    }
    if (is_ident_start(ch) || ch == '"') {
      std::string_view name;
      std::string quoted;
      if (ch == '"') {
        p++;
        while (*p && *p != '"') quoted.push_back(*p++);
        if (*p == '"') p++;
        name = quoted;
      } else {
        name = read_ident(p);
      }
      Expr* e = as.sym_expr(as.sym_lookup(name));
      if (*p == '@') {
        p++;
        std::string_view suf = read_ident(p);
        std::string s(suf);
        for (char& c : s) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
        RelocKind k = RelocKind::None;
        if (s == "PLT") k = RelocKind::Plt32;
        else if (s == "GOTPCREL") k = RelocKind::GotPcRel;
        else if (s == "GOTTPOFF") k = RelocKind::GotTpOff;
        else if (s == "TPOFF") k = RelocKind::TpOff32;
        else if (s == "TLSGD") k = RelocKind::TlsGd;
        else if (s == "TLSLD") k = RelocKind::TlsLd;
        else if (s == "DTPOFF") k = RelocKind::DtpOff32;
        else if (s == "GOTOFF") k = RelocKind::GotOff64;
        else if (s == "GOT") k = RelocKind::Got32;
        else if (s == "GOTPC") k = RelocKind::GotPc32;
        else if (s == "TLSDESC") k = RelocKind::GotPc32TlsDesc;
        else if (s == "TLSCALL") k = RelocKind::TlsDescCall;
        else return fail("unknown relocation operator after '@'");
        e->rk = k;
        // gas makes _GLOBAL_OFFSET_TABLE_ for every relocation operator but @PLT.
        if (k != RelocKind::Plt32) as.syms_[as.sym_lookup("_GLOBAL_OFFSET_TABLE_")].global = true;
      }
      return e;
    }
    return fail("expected an expression");
  }

  // Binary operator at *p: returns precedence (1..4) and op, or 0.
  int binop(Expr::Op* op, int* len) {
    skip_ws(p);
    char a = p[0], b = a ? p[1] : 0;  // never read past the terminating NUL
    *len = 1;
    switch (a) {
      case '*': *op = Expr::Mul; return 4;
      case '/': *op = Expr::Div; return 4;
      case '%': *op = Expr::Mod; return 4;
      case '<':
        if (b == '<') { *len = 2; *op = Expr::Shl; return 4; }
        if (b == '=') { *len = 2; *op = Expr::Le; return 2; }
        if (b == '>') { *len = 2; *op = Expr::Ne; return 2; }
        *op = Expr::Lt; return 2;
      case '>':
        if (b == '>') { *len = 2; *op = Expr::Shr; return 4; }
        if (b == '=') { *len = 2; *op = Expr::Ge; return 2; }
        *op = Expr::Gt; return 2;
      case '|':
        if (b == '|') { *len = 2; *op = Expr::LOr; return 1; }
        *op = Expr::Or; return 3;
      case '&':
        if (b == '&') { *len = 2; *op = Expr::LAnd; return 1; }
        *op = Expr::And; return 3;
      case '^': *op = Expr::Xor; return 3;
      case '!':
        if (b == '=') { *len = 2; *op = Expr::Ne; return 2; }
        *op = Expr::OrNot; return 3;
      case '+': *op = Expr::Add; return 2;
      case '-': *op = Expr::Sub; return 2;
      case '=':
        if (b == '=') { *len = 2; *op = Expr::Eq; return 2; }
        return 0;
      default: return 0;
    }
  }

  Expr* expr(int min_prec) {
    Expr* lhs = primary();
    if (!lhs) return nullptr;
    for (;;) {
      Expr::Op op;
      int len;
      int prec = binop(&op, &len);
      if (prec == 0 || prec <= min_prec) return lhs;
      p += len;
      Expr* rhs = expr(prec);
      if (!rhs) return nullptr;
      lhs = as.new_expr(op, lhs, rhs);
    }
  }
};

}  // namespace

Expr* Assembler::parse_expr(const char*& p) {
  Parser ps{*this, p};
  Expr* e = ps.expr(0);
  skip_ws(p);
  return ps.failed ? nullptr : e;
}

bool Assembler::sym_addr(SymIdx s, u32* sec, u64* addr, bool final) {
  const Symbol& sy = syms_[s];
  if (!sy.defined || !sy.sec) return false;
  *sec = sy.sec;
  const Frag& f = secs_[sy.sec - 1].frags[sy.frag];
  *addr = (final ? f.addr : 0) + sy.off;
  return true;
}

namespace {

// Cancel add against sub when both are labels at a known distance.
void simplify(Assembler& as, Val& v, bool final) {
  if (!v.add || !v.sub) return;
  if (v.add == v.sub) {
    v.add = v.sub = 0;
    return;
  }
  const Symbol& a = as.syms_[v.add];
  const Symbol& b = as.syms_[v.sub];
  if (!a.defined || !b.defined || a.sec != b.sec) return;
  if (!final && a.frag != b.frag) return;
  u32 sa, sb;
  u64 xa, xb;
  as.sym_addr(v.add, &sa, &xa, final);
  as.sym_addr(v.sub, &sb, &xb, final);
  v.c += static_cast<i64>(xa - xb);
  v.add = v.sub = 0;
}

}  // namespace

Val Assembler::eval(const Expr* e, bool final) {
  Val v;
  if (!e) {
    v.ok = false;
    return v;
  }
  switch (e->op) {
    case Expr::Num:
      v.c = e->num;
      return v;
    case Expr::SymRef: {
      Symbol& s = syms_[e->sym];
      if (s.equ && !s.defined) {
        if (s.evaluating) {
          v.ok = false;
          return v;
        }
        s.evaluating = true;
        v = eval(s.equ, final);
        s.evaluating = false;
        if (v.add && !v.sub) {
          v.via = e->sym;
          v.via_c = v.c;
        }
        // An equate naming a global/undefined symbol is that symbol.
      } else {
        v.add = e->sym;
      }
      if (e->rk != RelocKind::None) v.rk = e->rk;
      return v;
    }
    case Expr::Neg: {
      Val a = eval(e->a, final);
      std::swap(a.add, a.sub);
      a.c = -a.c;
      simplify(*this, a, final);
      return a;
    }
    case Expr::Add:
    case Expr::Sub: {
      Val a = eval(e->a, final), b = eval(e->b, final);
      if (e->op == Expr::Sub) {
        std::swap(b.add, b.sub);
        b.c = -b.c;
      }
      v.ok = a.ok && b.ok;
      v.rk = a.rk != RelocKind::None ? a.rk : b.rk;
      v.c = a.c + b.c;
      SymIdx adds[2] = {a.add, b.add}, subs[2] = {a.sub, b.sub};
      // Cancel identical and same-place pairs, then require at most one each.
      for (SymIdx& x : adds)
        for (SymIdx& y : subs)
          if (x && y) {
            Val t;
            t.add = x;
            t.sub = y;
            simplify(*this, t, final);
            if (!t.add) {
              v.c += t.c;
              x = y = 0;
            }
          }
      if (adds[0] && adds[1]) v.ok = false;
      if (subs[0] && subs[1]) v.ok = false;
      v.add = adds[0] ? adds[0] : adds[1];
      v.sub = subs[0] ? subs[0] : subs[1];
      simplify(*this, v, final);
      return v;
    }
    default:
      break;
  }
  Val a = eval(e->a, final);
  Val b = e->b ? eval(e->b, final) : Val{};
  if (!a.constant() || !b.constant()) {
    v.ok = false;
    return v;
  }
  i64 x = a.c, y = b.c;
  switch (e->op) {
    case Expr::Not: v.c = ~x; break;
    case Expr::LNot: v.c = !x; break;
    case Expr::Mul: v.c = static_cast<i64>(static_cast<u64>(x) * static_cast<u64>(y)); break;
    case Expr::Div:
    case Expr::Mod:
      if (y == 0) {
        error("division by zero");
        v.ok = false;
        break;
      }
      v.c = e->op == Expr::Div ? x / y : x % y;
      break;
    case Expr::Shl: v.c = y >= 64 ? 0 : static_cast<i64>(static_cast<u64>(x) << y); break;
    case Expr::Shr: v.c = y >= 64 ? 0 : static_cast<i64>(static_cast<u64>(x) >> y); break;
    case Expr::And: v.c = x & y; break;
    case Expr::Or: v.c = x | y; break;
    case Expr::Xor: v.c = x ^ y; break;
    case Expr::OrNot: v.c = x | ~y; break;
    // gas: comparisons yield -1 for true, 0 for false.
    case Expr::Eq: v.c = x == y ? -1 : 0; break;
    case Expr::Ne: v.c = x != y ? -1 : 0; break;
    case Expr::Lt: v.c = x < y ? -1 : 0; break;
    case Expr::Le: v.c = x <= y ? -1 : 0; break;
    case Expr::Gt: v.c = x > y ? -1 : 0; break;
    case Expr::Ge: v.c = x >= y ? -1 : 0; break;
    case Expr::LAnd: v.c = x && y; break;
    case Expr::LOr: v.c = x || y; break;
    default: v.ok = false; break;
  }
  return v;
}

bool Assembler::eval_const(const Expr* e, i64* out, bool final) {
  Val v = eval(e, final);
  if (!v.constant()) return false;
  *out = v.c;
  return true;
}

}  // namespace cfree::as
