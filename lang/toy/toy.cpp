// toy.cpp: the toy language, a second frontend on the public CG API.
//
// It exists to prove that include/cfree/cg.h is not C-shaped: a different
// grammar, its own types and scoping, single-pass code generation straight
// into CfreeCg calls, and interoperation with C through extern declarations.
//
//   extern fn printf(fmt: str, ...) -> i32;
//   var counter: i64 = 0;
//   fn fib(n: i64) -> i64 { if (n < 2) { return n; } return fib(n - 1) + fib(n - 2); }
//   fn main() -> i32 {
//     var i: i64 = 0;
//     while (i < 10) { printf("%ld\n", fib(i)); i = i + 1; }
//     return 0;
//   }
//
// Types: i64, i32 (for C's int), ptr (a pointer to i64 elements), str (a
// pointer to bytes; string literals have it).  Expressions: integer and
// string literals, names, calls, p[i], *p, &x, unary - and !, binary
// * / % + - < <= > >= == != && ||.  Statements: var, assignment, if/else,
// while, break, continue, return, blocks.  i32 values widen to i64 in
// arithmetic; assignment and arguments convert between the integer types.
#include <cfree/cg.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

enum class Ty { Void, I64, I32, Ptr, Str };

enum class Tok {
  Eof, Ident, Int, String, LParen, RParen, LBrace, RBrace, LBracket, RBracket, Comma, Semi, Colon,
  Arrow, Ellipsis, Assign, Plus, Minus, Star, Slash, Percent, Amp, Bang, Lt, Le, Gt, Ge, EqEq, Ne,
  AndAnd, OrOr,
  KwFn, KwExtern, KwVar, KwIf, KwElse, KwWhile, KwReturn, KwBreak, KwContinue,
};

struct Token {
  Tok kind = Tok::Eof;
  uint32_t off = 0, len = 0;
  int64_t value = 0;
};

struct ToyError {};

struct FuncSig {
  CfreeSym name;
  CfreeCgSym sym;
  CfreeType type;
  Ty ret;
  std::vector<Ty> params;
  bool variadic;
};

struct Var {
  CfreeSym name;
  Ty ty;
  bool global;
  CfreeCgSlot slot;
  CfreeCgSym sym;
};

// An expression's result: with lv, the stack top is the address of an
// object of type ty; otherwise it is the value.
struct Val {
  Ty ty;
  bool lv;
};

class Toy {
 public:
  Toy(CfreeCompiler* c, const CfreeInput* in, CfreeCg* cg) : c_(c), in_(in), cg_(cg) {
    cfree_source_add(c, in->name, in->data, in->size, 0, CFREE_FILE_USER, &base_);
    t_i64_ = cfree_type_int(c, 64, 1);
    t_i32_ = cfree_type_int(c, 32, 1);
    t_u8_ = cfree_type_int(c, 8, 0);
    t_ptr_ = cfree_type_ptr(c, t_i64_);
    t_str_ = cfree_type_ptr(c, t_u8_);
    t_void_ = cfree_type_void(c);
    next();
  }

  void program() {
    while (tok_.kind != Tok::Eof) {
      if (tok_.kind == Tok::KwExtern) {
        next();
        function(true);
      } else if (tok_.kind == Tok::KwFn) {
        function(false);
      } else if (tok_.kind == Tok::KwVar) {
        global_var();
      } else {
        error(tok_, "expected 'fn', 'extern' or 'var' at file scope");
      }
    }
  }

 private:
  // ---- Lexer ------------------------------------------------------------
  [[noreturn]] void error(const Token& t, const char* msg, const char* arg = nullptr) {
    cfree_diag(c_, CFREE_SEV_ERROR, base_ + t.off, nullptr, arg ? "%s '%s'" : "%s", msg, arg);
    throw ToyError{};
  }

  void next() {
    const char* s = in_->data;
    size_t n = in_->size;
    for (;;) {
      while (pos_ < n && (s[pos_] == ' ' || s[pos_] == '\t' || s[pos_] == '\n' || s[pos_] == '\r')) pos_++;
      if (pos_ + 1 < n && s[pos_] == '/' && s[pos_ + 1] == '/') {
        while (pos_ < n && s[pos_] != '\n') pos_++;
        continue;
      }
      break;
    }
    Token t;
    t.off = static_cast<uint32_t>(pos_);
    if (pos_ >= n) {
      t.kind = Tok::Eof;
      tok_ = t;
      return;
    }
    char ch = s[pos_];
    auto is_id = [](char x) { return (x >= 'a' && x <= 'z') || (x >= 'A' && x <= 'Z') || x == '_' || (x >= '0' && x <= '9'); };
    if (is_id(ch) && !(ch >= '0' && ch <= '9')) {
      size_t b = pos_;
      while (pos_ < n && is_id(s[pos_])) pos_++;
      t.len = static_cast<uint32_t>(pos_ - b);
      static const struct { const char* w; Tok k; } kws[] = {
          {"fn", Tok::KwFn}, {"extern", Tok::KwExtern}, {"var", Tok::KwVar}, {"if", Tok::KwIf},
          {"else", Tok::KwElse}, {"while", Tok::KwWhile}, {"return", Tok::KwReturn},
          {"break", Tok::KwBreak}, {"continue", Tok::KwContinue}};
      t.kind = Tok::Ident;
      for (auto& k : kws)
        if (std::strlen(k.w) == t.len && !std::memcmp(k.w, s + b, t.len)) t.kind = k.k;
      tok_ = t;
      return;
    }
    if (ch >= '0' && ch <= '9') {
      uint64_t v = 0;
      size_t b = pos_;
      while (pos_ < n && s[pos_] >= '0' && s[pos_] <= '9') {
        uint64_t nv = v * 10 + static_cast<uint64_t>(s[pos_] - '0');
        if (nv / 10 != v) {
          t.len = 1;
          error(t, "integer literal is too large");
        }
        v = nv;
        pos_++;
      }
      t.kind = Tok::Int;
      t.len = static_cast<uint32_t>(pos_ - b);
      t.value = static_cast<int64_t>(v);
      tok_ = t;
      return;
    }
    if (ch == '"') {
      pos_++;
      str_.clear();
      while (pos_ < n && s[pos_] != '"') {
        char x = s[pos_++];
        if (x == '\n') error(t, "missing terminating '\"' character");
        if (x == '\\' && pos_ < n) {
          char e = s[pos_++];
          x = e == 'n' ? '\n' : e == 't' ? '\t' : e == '0' ? '\0' : e;
        }
        str_.push_back(x);
      }
      if (pos_ >= n) error(t, "missing terminating '\"' character");
      pos_++;
      t.kind = Tok::String;
      t.len = static_cast<uint32_t>(pos_ - t.off);
      tok_ = t;
      return;
    }
    auto two = [&](char a, char b) { return ch == a && pos_ + 1 < n && s[pos_ + 1] == b; };
    t.len = 2;
    if (two('-', '>')) t.kind = Tok::Arrow;
    else if (two('<', '=')) t.kind = Tok::Le;
    else if (two('>', '=')) t.kind = Tok::Ge;
    else if (two('=', '=')) t.kind = Tok::EqEq;
    else if (two('!', '=')) t.kind = Tok::Ne;
    else if (two('&', '&')) t.kind = Tok::AndAnd;
    else if (two('|', '|')) t.kind = Tok::OrOr;
    else if (ch == '.' && pos_ + 2 < n && s[pos_ + 1] == '.' && s[pos_ + 2] == '.') {
      t.kind = Tok::Ellipsis;
      t.len = 3;
    } else {
      t.len = 1;
      switch (ch) {
        case '(': t.kind = Tok::LParen; break;
        case ')': t.kind = Tok::RParen; break;
        case '{': t.kind = Tok::LBrace; break;
        case '}': t.kind = Tok::RBrace; break;
        case '[': t.kind = Tok::LBracket; break;
        case ']': t.kind = Tok::RBracket; break;
        case ',': t.kind = Tok::Comma; break;
        case ';': t.kind = Tok::Semi; break;
        case ':': t.kind = Tok::Colon; break;
        case '=': t.kind = Tok::Assign; break;
        case '+': t.kind = Tok::Plus; break;
        case '-': t.kind = Tok::Minus; break;
        case '*': t.kind = Tok::Star; break;
        case '/': t.kind = Tok::Slash; break;
        case '%': t.kind = Tok::Percent; break;
        case '&': t.kind = Tok::Amp; break;
        case '!': t.kind = Tok::Bang; break;
        case '<': t.kind = Tok::Lt; break;
        case '>': t.kind = Tok::Gt; break;
        default: {
          char buf[2] = {ch, 0};
          error(t, "unexpected character", buf);
        }
      }
    }
    pos_ += t.len;
    tok_ = t;
  }

  void expect(Tok k, const char* what) {
    if (tok_.kind != k) error(tok_, "expected", what);
    next();
  }
  CfreeSym ident() {
    if (tok_.kind != Tok::Ident) error(tok_, "expected an identifier");
    CfreeSym s = cfree_sym_intern(c_, in_->data + tok_.off, tok_.len);
    next();
    return s;
  }
  void loc() { cfree_cg_set_loc(cg_, base_ + tok_.off); }

  // ---- Types ------------------------------------------------------------------
  Ty type() {
    Token t = tok_;
    CfreeSym s = ident();
    const char* n = cfree_sym_str(c_, s, nullptr);
    if (!std::strcmp(n, "i64")) return Ty::I64;
    if (!std::strcmp(n, "i32")) return Ty::I32;
    if (!std::strcmp(n, "ptr")) return Ty::Ptr;
    if (!std::strcmp(n, "str")) return Ty::Str;
    error(t, "unknown type", n);
  }
  CfreeType ct(Ty t) {
    switch (t) {
      case Ty::I64: return t_i64_;
      case Ty::I32: return t_i32_;
      case Ty::Ptr: return t_ptr_;
      case Ty::Str: return t_str_;
      default: return t_void_;
    }
  }
  static bool is_ptr(Ty t) { return t == Ty::Ptr || t == Ty::Str; }

  // ---- Declarations -------------------------------------------------------------
  void function(bool is_extern) {
    expect(Tok::KwFn, "'fn'");
    Token name_tok = tok_;
    FuncSig f{};
    f.name = ident();
    expect(Tok::LParen, "'('");
    std::vector<std::pair<CfreeSym, Ty>> params;
    while (tok_.kind != Tok::RParen) {
      if (tok_.kind == Tok::Ellipsis) {
        f.variadic = true;
        next();
        break;
      }
      CfreeSym pn = ident();
      expect(Tok::Colon, "':'");
      Ty pt = type();
      params.push_back({pn, pt});
      f.params.push_back(pt);
      if (tok_.kind != Tok::Comma) break;
      next();
    }
    expect(Tok::RParen, "')'");
    f.ret = Ty::Void;
    if (tok_.kind == Tok::Arrow) {
      next();
      f.ret = type();
    }
    std::vector<CfreeType> pts;
    for (Ty t : f.params) pts.push_back(ct(t));
    f.type = cfree_type_func(c_, ct(f.ret), pts.data(), pts.size(), f.variadic);
    FuncSig* existing = find_func(f.name);
    if (existing && !is_extern && existing->sym && defined_.count_defined(f.name))
      error(name_tok, "redefinition of", cfree_sym_str(c_, f.name, nullptr));
    f.sym = existing ? existing->sym : cfree_cg_symbol(cg_, f.name, CFREE_SYM_FUNC, CFREE_BIND_GLOBAL, 0);
    if (!existing) funcs_.push_back(f);
    else *existing = f;
    if (is_extern) {
      expect(Tok::Semi, "';'");
      return;
    }
    defined_.add(f.name);
    cfree_cg_set_loc(cg_, base_ + name_tok.off);
    CfreeFuncDesc d{};
    d.sym = f.sym;
    d.type = f.type;
    cfree_cg_func_begin(cg_, &d);
    cur_ = f;
    size_t mark = vars_.size();
    for (size_t i = 0; i < params.size(); i++)
      vars_.push_back({params[i].first, params[i].second, false, cfree_cg_param_slot(cg_, i), 0});
    block();
    vars_.resize(mark);
    // Falling off the end returns 0 (or nothing).
    if (f.ret != Ty::Void) cfree_cg_push_int(cg_, ct(f.ret), 0);
    cfree_cg_ret(cg_);
    cfree_cg_func_end(cg_);
  }

  void global_var() {
    expect(Tok::KwVar, "'var'");
    Token nt = tok_;
    CfreeSym name = ident();
    expect(Tok::Colon, "':'");
    Ty t = type();
    int64_t init = 0;
    if (tok_.kind == Tok::Assign) {
      next();
      bool neg = false;
      if (tok_.kind == Tok::Minus) {
        neg = true;
        next();
      }
      if (tok_.kind != Tok::Int) error(tok_, "expected an integer constant");
      init = neg ? -tok_.value : tok_.value;
      next();
    }
    expect(Tok::Semi, "';'");
    if (lookup(name)) error(nt, "redefinition of", cfree_sym_str(c_, name, nullptr));
    CfreeCgSym s = cfree_cg_symbol(cg_, name, CFREE_SYM_OBJECT, CFREE_BIND_GLOBAL, 0);
    CfreeDataDesc d{};
    uint64_t size = t == Ty::I32 ? 4 : 8;
    d.section = init ? CFREE_SEC_DATA : CFREE_SEC_BSS;
    d.align = static_cast<uint32_t>(size);
    d.size = size;
    cfree_cg_data_begin(cg_, s, &d);
    if (init) cfree_cg_data_bytes(cg_, &init, size);
    else cfree_cg_data_zero(cg_, size);
    cfree_cg_data_end(cg_);
    vars_.push_back({name, t, true, 0, s});
  }

  FuncSig* find_func(CfreeSym n) {
    for (auto& f : funcs_)
      if (f.name == n) return &f;
    return nullptr;
  }
  Var* lookup(CfreeSym n) {
    for (size_t i = vars_.size(); i-- > 0;)
      if (vars_[i].name == n) return &vars_[i];
    return nullptr;
  }

  // ---- Statements ----------------------------------------------------------------
  void block() {
    expect(Tok::LBrace, "'{'");
    size_t mark = vars_.size();
    while (tok_.kind != Tok::RBrace) {
      if (tok_.kind == Tok::Eof) error(tok_, "expected '}' at end of input");
      statement();
    }
    next();
    vars_.resize(mark);
  }

  void statement() {
    loc();
    switch (tok_.kind) {
      case Tok::LBrace: block(); return;
      case Tok::KwVar: {
        next();
        CfreeSym name = ident();
        expect(Tok::Colon, "':'");
        Ty t = type();
        CfreeCgSlot slot = cfree_cg_slot(cg_, 8, 8, 0);
        if (tok_.kind == Tok::Assign) {
          next();
          cfree_cg_push_slot_addr(cg_, slot, 0);
          Val v = expr();
          convert_to(rvalue(v), t);
          cfree_cg_store(cg_, ct(t), nullptr);
        }
        expect(Tok::Semi, "';'");
        vars_.push_back({name, t, false, slot, 0});
        return;
      }
      case Tok::KwIf: {
        next();
        expect(Tok::LParen, "'('");
        CfreeCgLabel else_l = cfree_cg_label_new(cg_), end_l = cfree_cg_label_new(cg_);
        condition(else_l);
        expect(Tok::RParen, "')'");
        cfree_cg_scope_begin(cg_, CFREE_SCOPE_IF, end_l, 0);
        block();
        if (tok_.kind == Tok::KwElse) {
          next();
          cfree_cg_jump(cg_, end_l);
          cfree_cg_scope_else(cg_);
          cfree_cg_label_place(cg_, else_l);
          if (tok_.kind == Tok::KwIf) statement();
          else block();
        } else {
          cfree_cg_label_place(cg_, else_l);
        }
        cfree_cg_label_place(cg_, end_l);
        cfree_cg_scope_end(cg_);
        return;
      }
      case Tok::KwWhile: {
        next();
        CfreeCgLabel top = cfree_cg_label_new(cg_), end = cfree_cg_label_new(cg_);
        cfree_cg_scope_begin(cg_, CFREE_SCOPE_LOOP, end, top);
        cfree_cg_label_place(cg_, top);
        expect(Tok::LParen, "'('");
        condition(end);
        expect(Tok::RParen, "')'");
        loops_.push_back({end, top});
        block();
        loops_.pop_back();
        cfree_cg_jump(cg_, top);
        cfree_cg_label_place(cg_, end);
        cfree_cg_scope_end(cg_);
        return;
      }
      case Tok::KwBreak:
      case Tok::KwContinue: {
        Token t = tok_;
        next();
        if (loops_.empty()) error(t, t.kind == Tok::KwBreak ? "'break' outside a loop" : "'continue' outside a loop");
        cfree_cg_jump(cg_, t.kind == Tok::KwBreak ? loops_.back().first : loops_.back().second);
        expect(Tok::Semi, "';'");
        return;
      }
      case Tok::KwReturn: {
        Token t = tok_;
        next();
        if (tok_.kind != Tok::Semi) {
          if (cur_.ret == Ty::Void) error(t, "'return' with a value in a function returning nothing");
          Val v = expr();
          convert_to(rvalue(v), cur_.ret);
        } else if (cur_.ret != Ty::Void) {
          error(t, "'return' without a value in a function returning a value");
        }
        cfree_cg_ret(cg_);
        expect(Tok::Semi, "';'");
        return;
      }
      default: break;
    }
    Token start = tok_;
    Val v = expr();
    if (tok_.kind == Tok::Assign) {
      if (!v.lv) error(start, "expression is not assignable");
      next();
      Val r = expr();
      convert_to(rvalue(r), v.ty);
      cfree_cg_store(cg_, ct(v.ty), nullptr);
    } else if (v.ty != Ty::Void || v.lv) {
      cfree_cg_pop(cg_);
    }
    expect(Tok::Semi, "';'");
  }

  // Branch to `false_label` when the condition is zero (fusing comparisons).
  void condition(CfreeCgLabel false_label) {
    Val v = rvalue(expr());
    if (v.ty == Ty::Void) error(tok_, "a condition must have a value");
    cfree_cg_branch(cg_, 0, false_label);
  }

  // ---- Expressions --------------------------------------------------------------------
  Val rvalue(Val v) {
    if (v.lv) {
      cfree_cg_load(cg_, ct(v.ty), nullptr);
      v.lv = false;
    }
    return v;
  }

  // Convert the rvalue on the stack from `from` to `to`.
  void convert_to(Val from, Ty to) {
    if (from.ty == to) return;
    if (from.ty == Ty::Void) error(tok_, "a void value is not ignored as it ought to be");
    if (from.ty == Ty::I32 && to != Ty::I32) {
      cfree_cg_convert(cg_, CFREE_CONV_SEXT, t_i64_);
      if (is_ptr(to)) cfree_cg_retype(cg_, ct(to));
      return;
    }
    if (to == Ty::I32) {
      if (is_ptr(from.ty)) cfree_cg_retype(cg_, t_i64_);
      cfree_cg_convert(cg_, CFREE_CONV_TRUNC, t_i32_);
      return;
    }
    cfree_cg_retype(cg_, ct(to));  // i64 <-> pointers
  }

  Val widen(Val v) {
    if (v.ty == Ty::I32) {
      cfree_cg_convert(cg_, CFREE_CONV_SEXT, t_i64_);
      v.ty = Ty::I64;
    }
    return v;
  }

  Val expr() { return logic_or(); }

  Val logic_or() { return logic(true); }

  // a && b / a || b through a temporary slot (the value stack must be
  // empty across branches except for values the CG preserves).
  Val logic(bool is_or) {
    Val l = is_or ? logic(false) : equality();
    Tok op = is_or ? Tok::OrOr : Tok::AndAnd;
    if (tok_.kind != op) return l;
    CfreeCgSlot tmp = cfree_cg_slot(cg_, 8, 8, 0);
    CfreeCgLabel short_l = cfree_cg_label_new(cg_), end = cfree_cg_label_new(cg_);
    rvalue(l);
    cfree_cg_branch(cg_, is_or, short_l);
    while (tok_.kind == op) {
      next();
      Val r = rvalue(is_or ? logic(false) : equality());
      (void)r;
      cfree_cg_branch(cg_, is_or, short_l);
    }
    cfree_cg_push_slot_addr(cg_, tmp, 0);
    cfree_cg_push_int(cg_, t_i64_, is_or ? 0 : 1);
    cfree_cg_store(cg_, t_i64_, nullptr);
    cfree_cg_jump(cg_, end);
    cfree_cg_label_place(cg_, short_l);
    cfree_cg_push_slot_addr(cg_, tmp, 0);
    cfree_cg_push_int(cg_, t_i64_, is_or ? 1 : 0);
    cfree_cg_store(cg_, t_i64_, nullptr);
    cfree_cg_label_place(cg_, end);
    cfree_cg_push_slot_addr(cg_, tmp, 0);
    cfree_cg_load(cg_, t_i64_, nullptr);
    return {Ty::I64, false};
  }

  Val equality() {
    Val l = relational();
    while (tok_.kind == Tok::EqEq || tok_.kind == Tok::Ne) {
      CfreeCmp c = tok_.kind == Tok::EqEq ? CFREE_CMP_EQ : CFREE_CMP_NE;
      next();
      l = compare(l, c, &Toy::relational);
    }
    return l;
  }

  Val relational() {
    Val l = additive();
    for (;;) {
      CfreeCmp c;
      switch (tok_.kind) {
        case Tok::Lt: c = CFREE_CMP_SLT; break;
        case Tok::Le: c = CFREE_CMP_SLE; break;
        case Tok::Gt: c = CFREE_CMP_SGT; break;
        case Tok::Ge: c = CFREE_CMP_SGE; break;
        default: return l;
      }
      next();
      l = compare(l, c, &Toy::additive);
    }
  }

  Val compare(Val l, CfreeCmp c, Val (Toy::*sub)()) {
    l = widen(rvalue(l));
    bool ptr = is_ptr(l.ty);
    if (ptr) cfree_cg_retype(cg_, t_i64_);
    Val r = widen(rvalue((this->*sub)()));
    if (is_ptr(r.ty)) cfree_cg_retype(cg_, t_i64_);
    if (ptr || is_ptr(r.ty)) {
      // Pointers compare unsigned.
      if (c == CFREE_CMP_SLT) c = CFREE_CMP_ULT;
      else if (c == CFREE_CMP_SLE) c = CFREE_CMP_ULE;
      else if (c == CFREE_CMP_SGT) c = CFREE_CMP_UGT;
      else if (c == CFREE_CMP_SGE) c = CFREE_CMP_UGE;
    }
    cfree_cg_cmp(cg_, c, t_i64_, t_i64_);
    return {Ty::I64, false};
  }

  Val additive() {
    Val l = multiplicative();
    while (tok_.kind == Tok::Plus || tok_.kind == Tok::Minus) {
      bool add = tok_.kind == Tok::Plus;
      Token t = tok_;
      next();
      l = widen(rvalue(l));
      Val r = widen(rvalue(multiplicative()));
      if (is_ptr(l.ty) && r.ty == Ty::I64) {
        // Pointer arithmetic: scale by the element size.
        if (l.ty == Ty::Ptr) {
          cfree_cg_push_int(cg_, t_i64_, 8);
          cfree_cg_binop(cg_, CFREE_OP_MUL, t_i64_);
        }
        cfree_cg_retype(cg_, ct(l.ty));
        cfree_cg_binop(cg_, add ? CFREE_OP_ADD : CFREE_OP_SUB, ct(l.ty));
        continue;
      }
      if (is_ptr(l.ty) || is_ptr(r.ty)) error(t, "invalid operands to pointer arithmetic");
      cfree_cg_binop(cg_, add ? CFREE_OP_ADD : CFREE_OP_SUB, t_i64_);
      l = {Ty::I64, false};
    }
    return l;
  }

  Val multiplicative() {
    Val l = unary();
    while (tok_.kind == Tok::Star || tok_.kind == Tok::Slash || tok_.kind == Tok::Percent) {
      Tok k = tok_.kind;
      Token t = tok_;
      next();
      l = widen(rvalue(l));
      Val r = widen(rvalue(unary()));
      if (is_ptr(l.ty) || is_ptr(r.ty)) error(t, "invalid operands to arithmetic on pointers");
      cfree_cg_binop(cg_, k == Tok::Star ? CFREE_OP_MUL : k == Tok::Slash ? CFREE_OP_SDIV : CFREE_OP_SREM, t_i64_);
      l = {Ty::I64, false};
    }
    return l;
  }

  Val unary() {
    Token t = tok_;
    switch (tok_.kind) {
      case Tok::Minus: {
        next();
        Val v = widen(rvalue(unary()));
        if (is_ptr(v.ty)) error(t, "invalid operand to unary '-'");
        cfree_cg_unop(cg_, CFREE_OP_NEG, t_i64_);
        return {Ty::I64, false};
      }
      case Tok::Bang: {
        next();
        Val v = widen(rvalue(unary()));
        if (is_ptr(v.ty)) cfree_cg_retype(cg_, t_i64_);
        cfree_cg_push_int(cg_, t_i64_, 0);
        cfree_cg_cmp(cg_, CFREE_CMP_EQ, t_i64_, t_i64_);
        return {Ty::I64, false};
      }
      case Tok::Star: {
        next();
        Val v = rvalue(unary());
        if (!is_ptr(v.ty)) error(t, "cannot dereference a non-pointer");
        if (v.ty == Ty::Str) {
          cfree_cg_load(cg_, t_u8_, nullptr);
          cfree_cg_convert(cg_, CFREE_CONV_ZEXT, t_i64_);
          return {Ty::I64, false};
        }
        return {Ty::I64, true};
      }
      case Tok::Amp: {
        next();
        Val v = unary();
        if (!v.lv) error(t, "cannot take the address of an rvalue");
        cfree_cg_retype(cg_, t_ptr_);
        return {Ty::Ptr, false};
      }
      default:
        return postfix();
    }
  }

  Val postfix() {
    Val v = primary();
    while (tok_.kind == Tok::LBracket) {
      Token t = tok_;
      next();
      v = rvalue(v);
      if (!is_ptr(v.ty)) error(t, "subscripted value is not a pointer");
      Ty elem = v.ty;
      Val i = widen(rvalue(expr()));
      if (is_ptr(i.ty)) error(t, "array subscript is not an integer");
      expect(Tok::RBracket, "']'");
      if (elem == Ty::Ptr) {
        cfree_cg_push_int(cg_, t_i64_, 8);
        cfree_cg_binop(cg_, CFREE_OP_MUL, t_i64_);
      }
      cfree_cg_retype(cg_, ct(elem));
      cfree_cg_binop(cg_, CFREE_OP_ADD, ct(elem));
      if (elem == Ty::Str) {
        // Bytes load as u8 and widen to i64.
        cfree_cg_load(cg_, t_u8_, nullptr);
        cfree_cg_convert(cg_, CFREE_CONV_ZEXT, t_i64_);
        v = {Ty::I64, false};
      } else {
        v = {Ty::I64, true};
      }
    }
    return v;
  }

  Val primary() {
    Token t = tok_;
    switch (tok_.kind) {
      case Tok::Int:
        next();
        cfree_cg_push_int(cg_, t_i64_, static_cast<uint64_t>(t.value));
        return {Ty::I64, false};
      case Tok::String: {
        std::string bytes = str_;
        next();
        CfreeCgSym s = cfree_cg_const_data(cg_, bytes.c_str(), bytes.size() + 1, 1);
        cfree_cg_push_sym_addr(cg_, s, 0);
        cfree_cg_retype(cg_, t_str_);
        return {Ty::Str, false};
      }
      case Tok::LParen: {
        next();
        Val v = expr();
        expect(Tok::RParen, "')'");
        return v;
      }
      case Tok::Ident: {
        CfreeSym name = ident();
        if (tok_.kind == Tok::LParen) return call(t, name);
        Var* v = lookup(name);
        if (!v) error(t, "use of undeclared identifier", cfree_sym_str(c_, name, nullptr));
        if (v->global) cfree_cg_push_sym_addr(cg_, v->sym, 0);
        else cfree_cg_push_slot_addr(cg_, v->slot, 0);
        return {v->ty, true};
      }
      default:
        error(t, "expected an expression");
    }
  }

  Val call(const Token& t, CfreeSym name) {
    FuncSig* f = find_func(name);
    if (!f) error(t, "call to undeclared function", cfree_sym_str(c_, name, nullptr));
    FuncSig sig = *f;
    next();  // (
    cfree_cg_push_sym_addr(cg_, sig.sym, 0);
    std::vector<CfreeType> arg_types;
    while (tok_.kind != Tok::RParen) {
      Token at = tok_;
      Val a = rvalue(expr());
      size_t i = arg_types.size();
      if (i < sig.params.size()) {
        convert_to(a, sig.params[i]);
        arg_types.push_back(ct(sig.params[i]));
      } else if (sig.variadic) {
        a = widen(a);
        if (a.ty == Ty::Void) error(at, "a void value cannot be an argument");
        arg_types.push_back(ct(a.ty));
      } else {
        error(at, "too many arguments to function", cfree_sym_str(c_, name, nullptr));
      }
      if (tok_.kind != Tok::Comma) break;
      next();
    }
    expect(Tok::RParen, "')'");
    if (arg_types.size() < sig.params.size())
      error(t, "too few arguments to function", cfree_sym_str(c_, name, nullptr));
    // The prototype's type; arg_types also covers the variadic arguments.
    cfree_cg_call(cg_, sig.type, arg_types.size(), arg_types.data());
    return {sig.ret, false};
  }

  struct Defined {
    std::vector<CfreeSym> names;
    void add(CfreeSym s) { names.push_back(s); }
    bool count_defined(CfreeSym s) const {
      for (CfreeSym x : names)
        if (x == s) return true;
      return false;
    }
  };

  CfreeCompiler* c_;
  const CfreeInput* in_;
  CfreeCg* cg_;
  CfreeLoc base_ = 0;
  size_t pos_ = 0;
  Token tok_;
  std::string str_;
  CfreeType t_i64_, t_i32_, t_u8_, t_ptr_, t_str_, t_void_;
  std::vector<FuncSig> funcs_;
  std::vector<Var> vars_;
  std::vector<std::pair<CfreeCgLabel, CfreeCgLabel>> loops_;
  FuncSig cur_{};
  Defined defined_;
};

CfreeStatus toy_compile(void*, CfreeCompiler* c, const CfreeCompileOptions* opts, const CfreeInput* input,
                        CfreeWriter* out) {
  CfreeCgMode mode = out ? CFREE_CG_OBJECT : CFREE_CG_SYNTAX_ONLY;
  for (size_t i = 0; i < opts->n_extra_args; i++) {
    const char* a = opts->extra_args[i];
    if (!std::strcmp(a, "-femit-cg")) mode = CFREE_CG_DUMP;
    else if (!std::strncmp(a, "-W", 2) || !std::strncmp(a, "-f", 2) || !std::strncmp(a, "-m", 2)) continue;
  }
  CfreeCg* cg = cfree_cg_new(c, opts, mode, input->name);
  if (!cg) return CFREE_ERR_UNSUPPORTED;
  CfreeStatus st = CFREE_OK;
  try {
    Toy toy(c, input, cg);
    toy.program();
  } catch (const ToyError&) {
    st = CFREE_ERR_COMPILE;
  }
  if (st == CFREE_OK) st = cfree_cg_finish(cg, out);
  cfree_cg_free(cg);
  return st;
}

}  // namespace

extern "C" const CfreeFrontend* cfree_lang_toy_frontend(void) {
  static const CfreeFrontend kToy = {"toy", CFREE_LANG_TOY, nullptr, nullptr, toy_compile};
  return &kToy;
}
