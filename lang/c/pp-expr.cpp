// pp-expr.cpp: #if and #elif expressions (C11 6.10.1).
//
// The line is macro-expanded first (with `defined X` / `defined(X)` and the
// __has_* operators evaluated on the way, since their operands must not be
// expanded), then parsed by precedence climbing.  Arithmetic is done in
// intmax_t / uintmax_t (64 bits) with the usual arithmetic conversions;
// remaining identifiers are 0 (6.10.1p4).  Errors use GCC's wording and make
// the condition false.
#include "c/literal.h"
#include "c/pp-impl.h"

namespace cfree::c {

namespace {

struct Value {
  u64 v = 0;
  bool is_unsigned = false;
};

struct ExprParser {
  Preprocessor::Impl* pp;
  const Token* toks;
  size_t n;
  size_t i = 0;
  bool error = false;
  CfreeLoc dir_loc;

  const Token* peek() const { return i < n ? &toks[i] : nullptr; }
  CfreeLoc end_loc = 0;  // the end of the line (GCC points there for missing operands)

  void fail(const Token* at, const char* fmt, const char* a = nullptr, int alen = 0) {
    if (error) return;
    error = true;
    CfreeLoc loc = at ? at->loc : dir_loc;
    if (a)
      pp->diag(CFREE_SEV_ERROR, loc, nullptr, fmt, alen, a);
    else
      pp->diag(CFREE_SEV_ERROR, loc, nullptr, "%s", fmt);
  }

  static int prec(Tok k) {
    switch (k) {
      case Tok::Star: case Tok::Slash: case Tok::Percent: return 10;
      case Tok::Plus: case Tok::Minus: return 9;
      case Tok::LessLess: case Tok::GreaterGreater: return 8;
      case Tok::Less: case Tok::Greater: case Tok::LessEqual: case Tok::GreaterEqual: return 7;
      case Tok::EqualEqual: case Tok::BangEqual: return 6;
      case Tok::Amp: return 5;
      case Tok::Caret: return 4;
      case Tok::Pipe: return 3;
      case Tok::AmpAmp: return 2;
      case Tok::PipePipe: return 1;
      default: return -1;
    }
  }

  Value primary(bool eval) {
    const Token* t = peek();
    if (!t) {
      pp->diag(CFREE_SEV_ERROR, end_loc, nullptr, "#if with no expression");
      error = true;
      return {};
    }
    i++;
    switch (t->kind) {
      case Tok::Number: {
        if (number_is_float(t->text, t->len)) {
          error = true;
          pp->diag_tok(CFREE_SEV_ERROR, *t, nullptr, "floating constant in preprocessor expression");
          return {};
        }
        IntLiteral lit;
        if (!decode_int(pp->c, t->loc, t->text, t->len, &lit)) {
          error = true;
          return {};
        }
        Value v;
        v.v = lit.value;
        v.is_unsigned = lit.is_unsigned || (lit.value > static_cast<u64>(INT64_MAX));
        if (!lit.is_unsigned && lit.value > static_cast<u64>(INT64_MAX) && lit.is_decimal)
          pp->diag(CFREE_SEV_WARNING, t->loc, nullptr, "integer constant is so large that it is unsigned");
        return v;
      }
      case Tok::CharConst: {
        CharLiteral ch;
        if (!decode_char(pp->c, t->loc, t->text, t->len, true, 4, true, &ch)) {
          error = true;
          return {};
        }
        Value v;
        v.v = static_cast<u64>(ch.value);
        v.is_unsigned = ch.enc == Encoding::UTF16 || ch.enc == Encoding::UTF32 ||
                        (ch.enc == Encoding::UTF8);
        return v;
      }
      case Tok::LParen: {
        const Token* close = peek();
        if (close && close->kind == Tok::RParen) {
          fail(close, "missing expression between '(' and ')'");
          return {};
        }
        Value v = expr(eval, 0);
        if (error) return {};
        const Token* r = peek();
        if (!r || r->kind != Tok::RParen) {
          fail(r ? r : t, "missing ')' in expression");
          return {};
        }
        i++;
        return v;
      }
      case Tok::Plus: case Tok::Minus: case Tok::Tilde: case Tok::Bang: {
        if (!peek()) {
          std::string op(t->text, t->len);
          pp->diag(CFREE_SEV_ERROR, end_loc, nullptr, "operator '%s' has no right operand", op.c_str());
          error = true;
          return {};
        }
        Value v = primary(eval);
        if (error) return {};
        switch (t->kind) {
          case Tok::Minus:
            if (eval && !v.is_unsigned && v.v == static_cast<u64>(INT64_MIN))
              pp->diag(CFREE_SEV_WARNING, t->loc, nullptr, "integer overflow in preprocessor expression");
            v.v = 0 - v.v;
            break;
          case Tok::Tilde: v.v = ~v.v; break;
          case Tok::Bang: v.v = v.v == 0; v.is_unsigned = false; break;
          default: break;
        }
        return v;
      }
      default:
        break;
    }
    if (t->sym) {
      // Identifiers left after expansion are 0 (C23 true is 1).
      Value v;
      if (t->kind == Tok::KwTrue) v.v = 1;
      return v;
    }
    if (t->kind == Tok::RParen) {
      fail(t, "missing '(' in expression");
      return {};
    }
    if (prec(t->kind) >= 0 || t->kind == Tok::Question || t->kind == Tok::Colon ||
        t->kind == Tok::Comma) {
      std::string op(t->text, t->len);
      pp->diag(CFREE_SEV_ERROR, t->loc, nullptr, "operator '%s' has no left operand", op.c_str());
      error = true;
      return {};
    }
    if (!error) {
      error = true;
      pp->diag_tok(CFREE_SEV_ERROR, *t, nullptr, "token \"%.*s\" is not valid in preprocessor expressions",
                   static_cast<int>(t->len), t->text);
    }
    return {};
  }

  Value binop(const Token* op, Value a, Value b, bool eval) {
    bool u = a.is_unsigned || b.is_unsigned;
    Value r;
    r.is_unsigned = u;
    i64 sa = static_cast<i64>(a.v), sb = static_cast<i64>(b.v);
    auto overflow = [&]() {
      if (eval) pp->diag(CFREE_SEV_WARNING, op->loc, nullptr, "integer overflow in preprocessor expression");
    };
    switch (op->kind) {
      case Tok::Star:
        r.v = a.v * b.v;
        if (!u && sa != 0 && (static_cast<i64>(r.v) / sa != sb || (sa == -1 && sb == INT64_MIN)))
          overflow();
        break;
      case Tok::Slash:
      case Tok::Percent:
        if (b.v == 0) {
          if (eval) {
            fail(op, "division by zero in #if");
            return {};
          }
          r.v = 0;
          break;
        }
        if (u) {
          r.v = op->kind == Tok::Slash ? a.v / b.v : a.v % b.v;
        } else if (sa == INT64_MIN && sb == -1) {
          if (op->kind == Tok::Slash) overflow();
          r.v = op->kind == Tok::Slash ? a.v : 0;
        } else {
          r.v = static_cast<u64>(op->kind == Tok::Slash ? sa / sb : sa % sb);
        }
        break;
      case Tok::Plus:
        r.v = a.v + b.v;
        if (!u && ((sa >= 0) == (sb >= 0)) && ((static_cast<i64>(r.v) >= 0) != (sa >= 0))) overflow();
        break;
      case Tok::Minus:
        r.v = a.v - b.v;
        if (!u && ((sa >= 0) != (sb >= 0)) && ((static_cast<i64>(r.v) >= 0) != (sa >= 0))) overflow();
        break;
      case Tok::LessLess:
      case Tok::GreaterGreater: {
        // GCC: shifting by a negative amount shifts the other way; by >= 64 gives 0 (or -1).
        r.is_unsigned = a.is_unsigned;
        bool left = op->kind == Tok::LessLess;
        i64 cnt = sb;
        if (!b.is_unsigned && cnt < 0) {
          left = !left;
          cnt = -cnt;
        }
        u64 ucnt = b.is_unsigned ? b.v : static_cast<u64>(cnt);
        if (left) {
          r.v = ucnt >= 64 ? 0 : a.v << ucnt;
        } else if (a.is_unsigned) {
          r.v = ucnt >= 64 ? 0 : a.v >> ucnt;
        } else {
          r.v = ucnt >= 64 ? (sa < 0 ? ~0ull : 0) : static_cast<u64>(sa >> ucnt);
        }
        break;
      }
      case Tok::Less: r.v = u ? a.v < b.v : sa < sb; r.is_unsigned = false; break;
      case Tok::Greater: r.v = u ? a.v > b.v : sa > sb; r.is_unsigned = false; break;
      case Tok::LessEqual: r.v = u ? a.v <= b.v : sa <= sb; r.is_unsigned = false; break;
      case Tok::GreaterEqual: r.v = u ? a.v >= b.v : sa >= sb; r.is_unsigned = false; break;
      case Tok::EqualEqual: r.v = a.v == b.v; r.is_unsigned = false; break;
      case Tok::BangEqual: r.v = a.v != b.v; r.is_unsigned = false; break;
      case Tok::Amp: r.v = a.v & b.v; break;
      case Tok::Caret: r.v = a.v ^ b.v; break;
      case Tok::Pipe: r.v = a.v | b.v; break;
      default: break;
    }
    return r;
  }

  // Binary operators with precedence >= min_prec, then ?: and ',' at the top.
  Value expr(bool eval, int min_prec) {
    Value lhs = primary(eval);
    for (;;) {
      if (error) return {};
      const Token* op = peek();
      if (!op) return lhs;
      if (op->kind == Tok::RParen || op->kind == Tok::Colon) return lhs;
      if (op->kind == Tok::Question) {
        if (min_prec > 0) return lhs;
        i++;
        bool c = lhs.v != 0;
        Value a = expr(eval && c, 0);
        if (error) return {};
        const Token* colon = peek();
        if (!colon || colon->kind != Tok::Colon) {
          if (colon) fail(colon, "'?' without following ':'");
          else {
            pp->diag(CFREE_SEV_ERROR, end_loc, nullptr, "'?' without following ':'");
            error = true;
          }
          return {};
        }
        i++;
        Value b = expr(eval && !c, 0);  // right-associative: lower precedence parse
        if (error) return {};
        Value r = c ? a : b;
        r.is_unsigned = a.is_unsigned || b.is_unsigned;
        lhs = r;
        continue;
      }
      if (op->kind == Tok::Comma) {
        if (min_prec > 0) return lhs;
        i++;
        if (eval)
          pp->diag(CFREE_SEV_WARNING, op->loc, "pedantic", "comma operator in operand of #if");
        lhs = expr(eval, 1);
        continue;
      }
      int p = prec(op->kind);
      if (p < 0) {
        if (op->kind == Tok::Number || op->kind == Tok::CharConst || op->sym ||
            op->kind == Tok::LParen || op->kind == Tok::String)
          fail(op, "missing binary operator before token \"%.*s\"", op->text, static_cast<int>(op->len));
        else
          fail(op, "token \"%.*s\" is not valid in preprocessor expressions", op->text,
               static_cast<int>(op->len));
        return {};
      }
      if (p < min_prec) return lhs;
      i++;
      if (!peek()) {
        std::string o(op->text, op->len);
        pp->diag(CFREE_SEV_ERROR, end_loc, nullptr, "operator '%s' has no right operand", o.c_str());
        error = true;
        return {};
      }
      if (op->kind == Tok::AmpAmp || op->kind == Tok::PipePipe) {
        bool and_ = op->kind == Tok::AmpAmp;
        bool short_c = and_ ? lhs.v == 0 : lhs.v != 0;
        Value rhs = expr(eval && !short_c, p + 1);
        if (error) return {};
        Value r;
        r.v = and_ ? (lhs.v != 0 && rhs.v != 0) : (lhs.v != 0 || rhs.v != 0);
        lhs = r;
        continue;
      }
      Value rhs = expr(eval, p + 1);
      if (error) return {};
      lhs = binop(op, lhs, rhs, eval);
    }
  }
};

}  // namespace

bool Preprocessor::Impl::eval_if(Source& s, Token& dir) {
  (void)s;
  std::vector<Token> toks;
  in_if = true;
  Token t;
  bool bad = false;
  for (;;) {
    get_token(t);
    if (t.kind == kPadding) continue;
    if (t.kind == Tok::Eod || t.kind == Tok::Eof) break;
    if (t.sym == s_defined) {
      prevent_expansion++;
      Token x;
      do get_token(x); while (x.kind == kPadding);
      bool paren = x.kind == Tok::LParen;
      if (paren) {
        do get_token(x); while (x.kind == kPadding);
      }
      if (!x.sym) {
        prevent_expansion--;
        diag(CFREE_SEV_ERROR, x.loc, nullptr, "operator \"defined\" requires an identifier");
        bad = true;
        if (x.kind == Tok::Eod) break;
        continue;
      }
      Macro* m = info(x.sym).macro;
      if (m) m->used = true;
      Token num = x;
      if (paren) {
        Token r;
        do get_token(r); while (r.kind == kPadding);
        if (r.kind != Tok::RParen) {
          prevent_expansion--;
          diag(CFREE_SEV_ERROR, r.loc, nullptr, "missing ')' after \"defined\"");
          bad = true;
          if (r.kind == Tok::Eod) break;
          continue;
        }
      }
      prevent_expansion--;
      num.kind = Tok::Number;
      num.sym = 0;
      num.text = m ? "1" : "0";
      num.len = 1;
      toks.push_back(num);
      continue;
    }
    if (t.kind == Tok::Hash) {
      // A GNU assertion test `#pred` or `#pred(answer)` (obsolete).  GCC
      // asserts system(linux unix posix) and, on x86-64, cpu/machine(x86_64).
      diag(CFREE_SEV_WARNING, t.loc, "deprecated", "assertions are a deprecated extension");
      prevent_expansion++;
      Token x;
      do get_token(x); while (x.kind == kPadding);
      if (!x.sym) {
        prevent_expansion--;
        diag(CFREE_SEV_ERROR, x.loc, nullptr, "assertion without predicate");
        bad = true;
        t = x;
        break;
      }
      Token y;
      do get_token(y); while (y.kind == kPadding);
      std::string answer;
      bool has_answer = y.kind == Tok::LParen;
      if (has_answer) {
        for (;;) {
          get_token(y);
          if (y.kind == kPadding) continue;
          if (y.kind == Tok::RParen || y.kind == Tok::Eod || y.kind == Tok::Eof) break;
          if (!answer.empty() && (y.flags & kTokSpace)) answer += ' ';
          answer.append(y.text, y.len);
        }
      }
      prevent_expansion--;
      std::string pred(x.text, x.len);
      bool x86 = target.arch == CFREE_ARCH_X86_64;
      bool v = false;
      if (pred == "system") v = !has_answer || answer == "linux" || answer == "unix" || answer == "posix";
      else if (pred == "cpu" || pred == "machine") v = x86 && (!has_answer || answer == "x86_64");
      Token num = x;
      num.kind = Tok::Number;
      num.sym = 0;
      num.text = v ? "1" : "0";
      num.len = 1;
      toks.push_back(num);
      if (!has_answer) {
        t = y;
        if (t.kind == Tok::Eod || t.kind == Tok::Eof) break;
        toks.push_back(t);
      }
      continue;
    }
    toks.push_back(t);
  }
  in_if = false;
  // Consume whatever is left of the line (after an error).
  while (t.kind != Tok::Eod && t.kind != Tok::Eof) {
    get_token(t);
  }
  if (bad) return false;
  if (toks.empty()) {
    diag(CFREE_SEV_ERROR, t.loc, nullptr, "#%.*s with no expression", static_cast<int>(dir.len),
         dir.text);
    return false;
  }
  ExprParser p{this, toks.data(), toks.size(), 0, false, dir.loc};
  p.dir_loc = dir.loc;
  p.end_loc = t.loc;
  Value v = p.expr(true, 0);
  if (!p.error && p.i < toks.size()) {
    const Token& x = toks[p.i];
    if (x.kind == Tok::RParen)
      p.fail(&x, "missing '(' in expression");
    else if (x.kind == Tok::Colon)
      p.fail(&x, " ':' without preceding '?'");
    else
      p.fail(&x, "missing binary operator before token \"%.*s\"", x.text, static_cast<int>(x.len));
  }
  if (p.error) return false;
  return v.v != 0;
}

}  // namespace cfree::c
