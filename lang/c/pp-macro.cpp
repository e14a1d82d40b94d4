// pp-macro.cpp: macro definition and expansion (C11 6.10.3).
//
// Expansion works on token ranges held in contexts (a stack of [cur, end)
// arrays).  An object-like macro's body is copied once per expansion into a
// scratch arena with its locations mapped through one expansion entry of the
// source manager; a function-like macro's arguments are collected on a
// shared token stack (no per-argument allocation), pre-expanded lazily and
// only when a parameter is used outside # and ##, and substituted.  ## is
// recorded as a flag on its left operand and performed when the result is
// rescanned, # is applied during substitution; a macro is disabled while its
// context is live and an identifier naming a disabled macro is painted so it
// never expands again (6.10.3.4p2).  The order of these steps, and the
// "padding" tokens that let -E reproduce GCC's spacing, follow GCC's libcpp.
#include "c/pp-impl.h"

#include <cstdio>

namespace cfree::c {

namespace {

Token make_padding(const Token* source) {
  Token p;
  p.kind = kPadding;
  if (!source) {
    p.flags = kTokPadNull;
  } else {
    p.flags = source->flags & kTokSpace;
    p.loc = source->loc;
  }
  return p;
}

}  // namespace

Macro* Preprocessor::Impl::new_macro() {
  void* p = cfree_arena_alloc(perm, sizeof(Macro), alignof(Macro));
  return new (p) Macro();
}

void Preprocessor::Impl::define_builtin(const char* name, Builtin b) {
  Macro* m = new_macro();
  m->name = intern(name);
  m->builtin = b;
  info(m->name).macro = m;
}

void Preprocessor::Impl::undef(CfreeSym name) { info(name).macro = nullptr; }

bool Preprocessor::Impl::macro_equal(const Macro* a, const Macro* b) const {
  if (a->funlike != b->funlike || a->variadic != b->variadic || a->nparams != b->nparams ||
      a->ntoks != b->ntoks || a->builtin != b->builtin)
    return false;
  for (u32 i = 0; i < a->nparams; i++)
    if (a->params[i] != b->params[i]) return false;
  for (u32 i = 0; i < a->ntoks; i++) {
    const Token& x = a->body[i];
    const Token& y = b->body[i];
    if (x.kind != y.kind || x.len != y.len) return false;
    if ((x.flags & (kTokSpace | kTokPasteLeft | kTokStringifyArg)) !=
        (y.flags & (kTokSpace | kTokPasteLeft | kTokStringifyArg)))
      return false;
    if (x.kind == Tok::MacroArg ? x.aux != y.aux : std::memcmp(x.text, y.text, x.len) != 0)
      return false;
  }
  return true;
}

// #define: `name` has been lexed; the rest of the line follows in s.
Macro* Preprocessor::Impl::define(Source& s, Token& name) {
  if (!name.sym) {
    if (name.kind == Tok::Eod)
      diag(CFREE_SEV_ERROR, name.loc, nullptr, "no macro name given in #define directive");
    else
      diag(CFREE_SEV_ERROR, name.loc, nullptr, "macro names must be identifiers");
    skip_rest(s, name, nullptr);
    return nullptr;
  }
  if (name.sym == s_defined || name.sym == s_has_include || name.sym == s_has_include_next) {
    diag_tok(CFREE_SEV_ERROR, name, nullptr, "\"%.*s\" cannot be used as a macro name",
             static_cast<int>(name.len), name.text);
    skip_rest(s, name, nullptr);
    return nullptr;
  }
  Macro* m = new_macro();
  m->name = name.sym;
  m->def_loc = name.loc;
  m->system = s.sysp != 0;
  Token t;
  lex_raw(s, t);
  std::vector<CfreeSym> params;
  auto fail0 = [&](const Token& at, const char* msg) -> Macro* {
    diag(CFREE_SEV_ERROR, at.loc, nullptr, "%s", msg);
    skip_rest(s, at, nullptr);
    return nullptr;
  };
  auto fail = [&](const Token& at, const char* fmt) -> Macro* {
    diag(CFREE_SEV_ERROR, at.loc, nullptr, fmt, static_cast<int>(at.len), at.text);
    skip_rest(s, at, nullptr);
    return nullptr;
  };
  if (t.kind == Tok::LParen && !(t.flags & kTokSpace)) {
    m->funlike = true;
    lex_raw(s, t);
    if (t.kind != Tok::RParen) {
      for (;;) {
        if (t.kind == Tok::Ellipsis) {
          m->variadic = true;
          params.push_back(s_va_args);
          lex_raw(s, t);
          if (t.kind != Tok::RParen) {
            if (t.kind == Tok::Eod) return fail0(t, "expected ')' before end of line");
            return fail0(t, "expected ')' after \"...\"");
          }
          break;
        }
        if (!t.sym) {
          if (t.kind == Tok::Eod) return fail0(t, "expected parameter name before end of line");
          return fail(t, "expected parameter name, found \"%.*s\"");
        }
        if (t.sym == s_va_args) {
          diag(CFREE_SEV_WARNING, t.loc, nullptr,
               "__VA_ARGS__ can only appear in the expansion of a C99 variadic macro");
        }
        for (CfreeSym p : params)
          if (p == t.sym) return fail(t, "duplicate macro parameter \"%.*s\"");
        params.push_back(t.sym);
        lex_raw(s, t);
        if (t.kind == Tok::Ellipsis) {  // GNU named variadic: args...
          m->variadic = true;
          lex_raw(s, t);
          if (t.kind != Tok::RParen) return fail0(t, "expected ')' after \"...\"");
          break;
        }
        if (t.kind == Tok::RParen) break;
        if (t.kind != Tok::Comma) {
          if (t.kind == Tok::Eod) return fail0(t, "expected ')' before end of line");
          return fail(t, "expected ',' or ')', found \"%.*s\"");
        }
        lex_raw(s, t);
        if (t.kind == Tok::RParen) return fail(t, "expected parameter name, found \"%.*s\"");
      }
    }
    if (params.size() > 255) return fail(name, "too many parameters in macro \"%.*s\"");
    lex_raw(s, t);
  } else if (t.kind != Tok::Eod && !(t.flags & kTokSpace)) {
    if (lang.version >= 199901)
      diag(CFREE_SEV_WARNING, name.loc, nullptr, "ISO C99 requires whitespace after the macro name");
    else
      diag(CFREE_SEV_WARNING, name.loc, nullptr, "missing whitespace after the macro name");
  }
  m->nparams = static_cast<u16>(params.size());
  if (!params.empty()) {
    auto* pa = static_cast<CfreeSym*>(cfree_arena_alloc(perm, sizeof(CfreeSym) * params.size(), alignof(CfreeSym)));
    std::memcpy(pa, params.data(), sizeof(CfreeSym) * params.size());
    m->params = pa;
  }
  // The replacement list.
  std::vector<Token> body;
  bool paste_next_space = false;
  while (t.kind != Tok::Eod && t.kind != Tok::Eof) {
    t.flags &= static_cast<u16>(~kTokBOL);
    if (paste_next_space) {
      t.flags |= kTokSpace;
      paste_next_space = false;
    }
    if (m->funlike && t.sym) {
      int idx = -1;
      for (size_t i = 0; i < params.size(); i++)
        if (params[i] == t.sym) idx = static_cast<int>(i);
      if (idx >= 0) {
        t.kind = Tok::MacroArg;
        t.aux = static_cast<u8>(idx);
      }
    }
    if (t.sym == s_va_args && !m->variadic && !(m->funlike && t.kind == Tok::MacroArg)) {
      diag(CFREE_SEV_WARNING, t.loc, nullptr,
           "__VA_ARGS__ can only appear in the expansion of a C99 variadic macro");
    }
    if (t.kind == Tok::Hash && m->funlike && !asm_mode) {
      Token h = t;
      lex_raw(s, t);
      if (t.kind == Tok::Eod || !t.sym) {
        diag(CFREE_SEV_ERROR, h.loc, nullptr, "'#' is not followed by a macro parameter");
        skip_rest(s, t, nullptr);
        return nullptr;
      }
      int idx = -1;
      for (size_t i = 0; i < params.size(); i++)
        if (params[i] == t.sym) idx = static_cast<int>(i);
      if (idx < 0 && !(t.sym == s_va_opt && m->variadic)) {
        diag(CFREE_SEV_ERROR, h.loc, nullptr, "'#' is not followed by a macro parameter");
        skip_rest(s, t, nullptr);
        return nullptr;
      }
      // The operand keeps the '#''s location and white space.
      t.flags = static_cast<u16>((t.flags & ~(kTokSpace | kTokBOL)) | (h.flags & kTokSpace) |
                                 kTokStringifyArg);
      t.loc = h.loc;
      if (idx >= 0) {
        t.kind = Tok::MacroArg;
        t.aux = static_cast<u8>(idx);
      }
      body.push_back(t);
      lex_raw(s, t);
      continue;
    }
    if (t.kind == Tok::HashHash) {
      if (body.empty()) {
        diag(CFREE_SEV_ERROR, name.loc, nullptr, "'##' cannot appear at either end of a macro expansion");
        skip_rest(s, t, nullptr);
        return nullptr;
      }
      lex_raw(s, t);
      if (t.kind == Tok::Eod) {
        diag(CFREE_SEV_ERROR, name.loc, nullptr, "'##' cannot appear at either end of a macro expansion");
        return nullptr;
      }
      body.back().flags |= kTokPasteLeft;
      paste_next_space = true;
      continue;
    }
    body.push_back(t);
    lex_raw(s, t);
  }
  if (!body.empty()) body[0].flags &= static_cast<u16>(~kTokSpace);
  m->ntoks = static_cast<u32>(body.size());
  if (!body.empty()) {
    auto* b = static_cast<Token*>(cfree_arena_alloc(perm, sizeof(Token) * body.size(), alignof(Token)));
    std::memcpy(static_cast<void*>(b), body.data(), sizeof(Token) * body.size());
    m->body = b;
    m->body_loc = body.front().loc;
    CfreeLoc last = body.back().loc + body.back().len;
    m->body_span = last > m->body_loc ? last - m->body_loc : 1;
    // Locations of # operands and pasted-away tokens stay within the span.
    for (const Token& x : body)
      if (x.loc < m->body_loc || x.loc >= m->body_loc + m->body_span) m->body_span = 0;
  }
  // Redefinition.
  Macro* old = info(name.sym).macro;
  if (old) {
    if (old->builtin != Builtin::None) {
      diag(CFREE_SEV_WARNING, name.loc, nullptr, "\"%.*s\" redefined", static_cast<int>(name.len),
           name.text);
    } else if (!macro_equal(old, m)) {
      if (diag(CFREE_SEV_WARNING, name.loc, nullptr, "\"%.*s\" redefined",
               static_cast<int>(name.len), name.text) >= 0 &&
          old->def_loc)
        diag(CFREE_SEV_NOTE, old->def_loc, nullptr, "this is the location of the previous definition");
    }
  }
  info(name.sym).macro = m;
  return m;
}

// A -D/-U from the command line (already turned into #define text by start()).
void Preprocessor::Impl::define_cmdline(const char*, size_t, bool) {}

// ---- Contexts ----------------------------------------------------------------------

void Preprocessor::Impl::push_tokens(const Token* toks, u32 n, Macro* m) {
  ctx.push_back({toks, toks + n, m});
  if (m) m->disabled = true;
}

void Preprocessor::Impl::pop_context() {
  Context& x = ctx.back();
  if (x.macro) x.macro->disabled = false;
  ctx.pop_back();
}

void Preprocessor::Impl::get_token(Token& t) {
  for (;;) {
    if (!ctx.empty()) {
      Context& x = ctx.back();
      if (x.cur == x.end) {
        pop_context();
        if (in_directive || !want_padding) continue;
        t = make_padding(nullptr);
        return;
      }
      t = *x.cur++;
      last_from_ctx = true;
      if (t.flags & kTokPasteLeft) {
        Token lhs = t;
        paste_all(t);
        if (in_directive || !want_padding) continue;
        t = make_padding(&lhs);
        return;
      }
    } else {
      if (!collecting && !peeking && expand_depth == 0 && scratch_used) {
        cfree_arena_reset(scratch);
        scratch_used = false;
      }
      lex_token(t);
      last_from_ctx = false;
    }
    if (!t.sym || (t.flags & kTokNoExpand)) return;
    if (t.sym >= syms.size()) return;
    const SymInfo& si = syms[t.sym];
    if (si.poisoned) {
      diag_tok(CFREE_SEV_ERROR, t, nullptr, "attempt to use poisoned \"%.*s\"", static_cast<int>(t.len), t.text);
    }
    Macro* m = si.macro;
    if (!m) return;
    if (m->disabled) {
      t.flags |= kTokNoExpand;
      return;
    }
    if (prevent_expansion) return;
    Token name = t;
    bool from_ctx = last_from_ctx;
    if (ctx.empty() && !collecting && !peeking && expand_depth == 0) top_exp_loc = t.loc;
    if (enter_macro(m, name)) {
      if (in_directive || !want_padding) continue;
      t = make_padding(&name);
      return;
    }
    last_from_ctx = from_ctx;
    t = name;
    return;
  }
}

// ---- Invocation -----------------------------------------------------------------

bool Preprocessor::Impl::enter_macro(Macro* m, Token& name) {
  if (m->builtin != Builtin::None) return expand_builtin(m, name);
  m->used = true;
  if (!m->funlike) {
    u32 n = m->ntoks;
    if (n == 0) {
      push_tokens(nullptr, 0, m);
      return true;
    }
    Token* out = alloc_tokens(n);
    scratch_used = true;
    CfreeLoc base = 0;
    if (m->body_span) base = cfree_source_add_expansion(c, m->body_loc, m->body_span, name.loc, name.loc);
    for (u32 i = 0; i < n; i++) {
      out[i] = m->body[i];
      if (base) out[i].loc = base + (m->body[i].loc - m->body_loc);
      else out[i].loc = name.loc;
      out[i].flags |= kTokFromMacro;
    }
    push_tokens(out, n, m);
    return true;
  }
  // Function-like: is the next token '('?
  Token nt, pad;
  bool have_pad = false;
  bool pad_null = false;
  peeking = true;
  prevent_expansion++;
  for (;;) {
    get_token(nt);
    if (nt.kind != kPadding) break;
    bool nt_null = nt.flags & kTokPadNull;
    if (!have_pad || pad_null || (!(pad.flags & kTokSpace) && nt_null)) {
      pad = nt;
      pad_null = nt_null;
      have_pad = true;
    }
  }
  peeking = false;
  prevent_expansion--;
  if (nt.kind != Tok::LParen) {
    // Back up: the token came from the top context or from the lexer.
    if (nt.kind == Tok::Eof && ctx.empty()) {
      // End of a file: not backed up (GCC); the next read sees it again.
    } else if (!ctx.empty()) {
      ctx.back().cur--;
    } else {
      lookahead = nt;
      has_lookahead = true;
    }
    if (have_pad && want_padding) {
      Token* p = alloc_tokens(1);
      scratch_used = true;
      *p = pad;
      push_tokens(p, 1, nullptr);
    }
    return false;
  }
  // Collect the arguments.
  size_t stack_mark = argbuf.size();
  size_t ranges_mark = args.size();
  CfreeLoc rparen = 0;
  if (!collect_args(m, name, &rparen)) {
    argbuf.resize(stack_mark);
    args.resize(ranges_mark);
    return false;
  }
  m->used = true;
  if (m->nparams == 0) {
    argbuf.resize(stack_mark);
    args.resize(ranges_mark);
    if (m->ntoks == 0) {
      push_tokens(nullptr, 0, m);
      return true;
    }
    Token* out = alloc_tokens(m->ntoks);
    scratch_used = true;
    CfreeLoc base = 0;
    if (m->body_span) base = cfree_source_add_expansion(c, m->body_loc, m->body_span, name.loc, rparen);
    for (u32 i = 0; i < m->ntoks; i++) {
      out[i] = m->body[i];
      out[i].loc = base ? base + (m->body[i].loc - m->body_loc) : name.loc;
      out[i].flags |= kTokFromMacro;
    }
    push_tokens(out, m->ntoks, m);
    return true;
  }
  u32 count = 0;
  Token* out = substitute(m, name, ranges_mark, &count, rparen);
  argbuf.resize(stack_mark);
  args.resize(ranges_mark);
  push_tokens(out, count, m);
  return true;
}

bool Preprocessor::Impl::collect_args(Macro* m, const Token& name, CfreeLoc* rparen) {
  collecting = true;
  prevent_expansion++;
  u32 depth = 0;
  size_t first_range = args.size();
  args.push_back(ArgRange{static_cast<u32>(argbuf.size()), 0});
  Token t;
  bool ok = true;
  for (;;) {
    get_token(t);
    ArgRange& a = args.back();
    if (t.kind == kPadding) {
      if (argbuf.size() == a.begin) continue;  // drop leading padding
      argbuf.push_back(t);
      continue;
    }
    if (t.kind == Tok::LParen) {
      depth++;
    } else if (t.kind == Tok::RParen) {
      if (depth == 0) {
        *rparen = t.loc;
        break;
      }
      depth--;
    } else if (t.kind == Tok::Comma) {
      if (depth == 0 && !(m->variadic && args.size() - first_range == m->nparams)) {
        // End this argument (dropping trailing padding).
        size_t e = argbuf.size();
        while (e > a.begin && argbuf[e - 1].kind == kPadding) e--;
        argbuf.resize(e);
        a.end = static_cast<u32>(e);
        args.push_back(ArgRange{static_cast<u32>(argbuf.size()), 0});
        continue;
      }
    } else if (t.kind == Tok::Eof) {
      if (!ctx.empty()) ctx.back().cur--;  // an argument-end marker: leave it
      ok = false;
      collecting = false;
      prevent_expansion--;
      diag(CFREE_SEV_ERROR, t.loc, nullptr, "unterminated argument list invoking macro \"%.*s\"",
           static_cast<int>(name.len), name.text);
      collecting = true;
      prevent_expansion++;
      break;
    }
    argbuf.push_back(t);
  }
  collecting = false;
  prevent_expansion--;
  {
    ArgRange& a = args.back();
    size_t e = argbuf.size();
    while (e > a.begin && argbuf[e - 1].kind == kPadding) e--;
    argbuf.resize(e);
    a.end = static_cast<u32>(e);
  }
  if (!ok) return false;
  u32 argc = static_cast<u32>(args.size() - first_range);
  if (argc == 1 && m->nparams == 0 && args[first_range].begin == args[first_range].end) argc = 0;
  if (argc == m->nparams) {
    if (m->variadic && argc == 1 && args[first_range].begin == args[first_range].end && lang.gnu)
      args[first_range].absent = true;
    return true;
  }
  if (argc < m->nparams) {
    if (argc + 1 == m->nparams && m->variadic) {
      ArgRange r{static_cast<u32>(argbuf.size()), static_cast<u32>(argbuf.size())};
      r.absent = true;
      args.push_back(r);
      return true;
    }
    diag(CFREE_SEV_ERROR, *rparen, nullptr, "macro \"%.*s\" requires %u arguments, but only %u given",
         static_cast<int>(name.len), name.text, m->nparams, argc);
  } else {
    diag(CFREE_SEV_ERROR, *rparen, nullptr, "macro \"%.*s\" passed %u arguments, but takes just %u",
         static_cast<int>(name.len), name.text, argc, m->nparams);
  }
  if (m->def_loc) diag(CFREE_SEV_NOTE, m->def_loc, nullptr, "macro \"%.*s\" defined here",
                       static_cast<int>(name.len), name.text);
  return false;
}

// Fully macro-expand one argument in isolation (6.10.3.1): its tokens are
// pushed as a context ending in an end marker, and read back expanded.
void Preprocessor::Impl::expand_arg(size_t ai) {
  ArgRange& a0 = args[ai];
  u32 n = a0.end - a0.begin;
  Token* toks = alloc_tokens(n + 1);
  scratch_used = true;
  if (n) std::memcpy(static_cast<void*>(toks), &argbuf[a0.begin], sizeof(Token) * n);
  toks[n] = Token{};
  toks[n].kind = Tok::Eof;
  toks[n].flags = kTokPadNull;  // marks "argument end"
  size_t depth = ctx.size();
  push_tokens(toks, n + 1, nullptr);
  expand_depth++;
  u32 begin = static_cast<u32>(argbuf.size());
  Token t;
  for (;;) {
    get_token(t);
    if (t.kind == Tok::Eof) break;
    argbuf.push_back(t);
  }
  expand_depth--;
  while (ctx.size() > depth) pop_context();
  ArgRange& a = args[ai];
  a.exp_begin = begin;
  a.exp_end = static_cast<u32>(argbuf.size());
  a.expanded = true;
}

Token Preprocessor::Impl::stringify(const Token* toks, size_t n, CfreeLoc loc, u16 flags) {
  std::string s = "\"";
  bool src_set = false, src_white = false;
  bool first = true;
  for (size_t i = 0; i < n; i++) {
    const Token& t = toks[i];
    if (t.kind == kPadding) {
      bool pnull = t.flags & kTokPadNull;
      if (!src_set || (!src_white && pnull)) {
        src_set = !pnull;
        src_white = (t.flags & kTokSpace) != 0;
      }
      continue;
    }
    if (!first) {
      bool white = src_set ? src_white : (t.flags & kTokSpace) != 0;
      if (white) s += ' ';
    }
    first = false;
    src_set = false;
    bool escape = t.kind == Tok::String || t.kind == Tok::CharConst;
    if (escape) {
      for (u32 k = 0; k < t.len; k++) {
        char ch = t.text[k];
        if (ch == '"' || ch == '\\') s += '\\';
        if (ch == '\n') {
          s += "\\n";
          continue;
        }
        s += ch;
      }
    } else {
      s.append(t.text, t.len);
    }
  }
  // An odd number of trailing backslashes would escape the closing quote.
  size_t bs = 0;
  while (bs < s.size() - 1 && s[s.size() - 1 - bs] == '\\') bs++;
  if (bs & 1) {
    diag(CFREE_SEV_WARNING, loc, nullptr, "invalid string literal, ignoring final '\\'");
    s.pop_back();
  }
  s += '"';
  Token r;
  r.kind = Tok::String;
  r.text = perm_dup(s.data(), s.size());
  r.len = static_cast<u32>(s.size());
  r.loc = loc;
  // GCC gives the new token the location of the last token lexed (the
  // invocation), so its "system header"-ness is that of the current file.
  r.flags = static_cast<u16>((flags & kTokSpace) | (stack.back().sysp ? kTokSystem : 0) |
                             kTokStringified | kTokFromMacro);
  return r;
}

// Substitute the arguments into m's body (6.10.3.1-3), following GCC's
// replace_args: paddings around expanded arguments, # applied, ## operands
// unexpanded and flagged, GNU ", ## __VA_ARGS__", __VA_OPT__.
Token* Preprocessor::Impl::substitute(Macro* m, const Token& name, size_t a0, u32* count,
                                      CfreeLoc exp_end) {
  const Token* body = m->body;
  u32 nb = m->ntoks;
  // First pass: expand and stringify what is needed.  (Expansion uses the
  // token stack, so it happens before output is built on it.)
  std::vector<Token> strs;  // stringified tokens, by body index (rare)
  bool has_vaopt = false;
  for (u32 i = 0; i < nb; i++) {
    const Token& src = body[i];
    if (src.kind != Tok::MacroArg) {
      if (src.sym == s_va_opt && m->variadic) has_vaopt = true;
      continue;
    }
    ArgRange& a = args[a0 + src.aux];
    if (src.flags & kTokStringifyArg) continue;
    if (src.flags & kTokPasteLeft) continue;
    if (i > 0 && (body[i - 1].flags & kTokPasteLeft)) continue;
    if (!a.expanded) expand_arg(a0 + src.aux);
  }
  // The __VA_OPT__ decision: does the expanded variadic argument hold tokens?
  bool vaopt_include = false;
  if (has_vaopt) {
    size_t vi = a0 + m->nparams - 1;
    if (!args[vi].expanded) expand_arg(vi);
    for (u32 k = args[vi].exp_begin; k < args[vi].exp_end; k++)
      if (argbuf[k].kind != kPadding) vaopt_include = true;
  }
  CfreeLoc base = 0;
  if (m->body_span) base = cfree_source_add_expansion(c, m->body_loc, m->body_span, name.loc, exp_end);
  auto mloc = [&](const Token& t) { return base ? base + (t.loc - m->body_loc) : name.loc; };
  size_t out0 = argbuf.size();
  auto last_is = [&](size_t pos) { return argbuf.size() > out0 && argbuf.size() - 1 == pos; };
  const size_t kNone = SIZE_MAX;
  size_t vaopt_start = kNone;  // index (in argbuf) of the last token before __VA_OPT__'s content
  bool vaopt_start_empty = false;
  int vo_state = 0;  // 0 none, 1 saw __VA_OPT__, >=2 inside (paren depth + 1)
  bool vo_stringify = false;
  CfreeLoc vo_loc = 0;
  size_t vo_begin_out = 0;
  auto at_vaopt_start = [&]() {
    if (vaopt_start == kNone) return false;
    if (vaopt_start_empty) return argbuf.size() == out0;
    return last_is(vaopt_start);
  };
  for (u32 i = 0; i < nb; i++) {
    const Token& src = body[i];
    // __VA_OPT__ tracking.
    if (m->variadic) {
      if (src.sym == s_va_opt && src.kind != Tok::MacroArg && vo_state == 0) {
        vo_state = 1;
        vo_loc = src.loc;
        vo_stringify = src.flags & kTokStringifyArg;
        if (i > 0 && !(body[i - 1].flags & kTokPasteLeft)) argbuf.push_back(make_padding(&src));
        vaopt_start_empty = argbuf.size() == out0;
        vaopt_start = vaopt_start_empty ? kNone - 1 : argbuf.size() - 1;
        vo_begin_out = argbuf.size();
        continue;
      }
      if (vo_state == 1) {
        if (src.kind != Tok::LParen) {
          diag(CFREE_SEV_ERROR, vo_loc, nullptr, "__VA_OPT__ must be followed by an open parenthesis");
          vo_state = 0;
        } else {
          vo_state = 2;
        }
        continue;
      }
      if (vo_state >= 2) {
        if (src.kind == Tok::LParen) {
          vo_state++;
        } else if (src.kind == Tok::RParen) {
          vo_state--;
          if (vo_state == 1) {
            // The closing parenthesis.
            vo_state = 0;
            size_t start_pos = vaopt_start;
            bool start_empty = vaopt_start_empty;
            vaopt_start = kNone;
            if (vo_stringify) {
              Token st = stringify(argbuf.data() + vo_begin_out, argbuf.size() - vo_begin_out, mloc(src), src.flags);
              argbuf.resize(vo_begin_out);
              argbuf.push_back(st);
            } else if (src.flags & kTokPasteLeft) {
              // Don't avoid paste after all.
              while (argbuf.size() > out0 && !(start_empty ? false : argbuf.size() - 1 == start_pos) &&
                     argbuf.back().kind == kPadding && (argbuf.back().flags & kTokPadNull))
                argbuf.pop_back();
              if (argbuf.size() > out0 && argbuf.back().kind != kPadding &&
                  !(start_empty ? false : argbuf.size() - 1 == start_pos))
                argbuf.back().flags |= kTokPasteLeft;
            } else {
              argbuf.push_back(make_padding(nullptr));
            }
            continue;
          }
        }
        if (!vaopt_include) continue;
      }
    }
    if (src.kind != Tok::MacroArg) {
      Token t = src;
      t.loc = mloc(src);
      t.flags |= kTokFromMacro;
      argbuf.push_back(t);
      continue;
    }
    ArgRange& a = args[a0 + src.aux];
    const Token* from = nullptr;
    u32 n = 0;
    bool paste_flag_set = false;
    size_t paste_flag_pos = 0;
    Token strtok;
    if (src.flags & kTokStringifyArg) {
      strtok = stringify(&argbuf[a.begin], a.end - a.begin, mloc(src), src.flags);
      from = &strtok;
      n = 1;
    } else if (src.flags & kTokPasteLeft) {
      from = a.end > a.begin ? &argbuf[a.begin] : nullptr;
      n = a.end - a.begin;
    } else if (i > 0 && (body[i - 1].flags & kTokPasteLeft)) {
      from = a.end > a.begin ? &argbuf[a.begin] : nullptr;
      n = a.end - a.begin;
      if (argbuf.size() > out0) {
        Token& prev = argbuf.back();
        if (prev.kind == Tok::Comma && m->variadic && src.aux == m->nparams - 1) {
          // GNU: , ## __VA_ARGS__ swallows the comma if the argument was omitted.
          if (a.absent) argbuf.pop_back();
          else {
            paste_flag_set = true;
            paste_flag_pos = argbuf.size() - 1;
          }
        } else if (n == 0 && !at_vaopt_start()) {
          paste_flag_set = true;
          paste_flag_pos = argbuf.size() - 1;
        }
      }
    } else {
      n = a.exp_end - a.exp_begin;
      from = n ? &argbuf[a.exp_begin] : nullptr;
      if (at_vaopt_start()) {
        while (n && from->kind == kPadding) {
          from++;
          n--;
        }
      }
    }
    // `from` may point into argbuf, which may reallocate while appending:
    // keep it as an index from here on.
    size_t off = from && from >= argbuf.data() && from < argbuf.data() + argbuf.size()
                     ? static_cast<size_t>(from - argbuf.data()) : SIZE_MAX;
    // Padding on the left of an argument (unless RHS of ##).
    if (!in_directive && i > 0 && !(body[i - 1].flags & kTokPasteLeft) && !at_vaopt_start())
      argbuf.push_back(make_padding(&src));
    if (n) {
      argbuf.reserve(argbuf.size() + n + 2);
      if (off != SIZE_MAX) from = argbuf.data() + off;
      for (u32 k = 0; k < n; k++) {
        Token t = from[k];
        t.flags &= static_cast<u16>(~kTokBOL);
        argbuf.push_back(t);
      }
      if (src.flags & kTokPasteLeft) {
        paste_flag_set = true;
        paste_flag_pos = argbuf.size() - 1;
      }
    }
    // Avoid paste on RHS (even case count == 0).
    if (!in_directive && !(src.flags & kTokPasteLeft) && !at_vaopt_start())
      argbuf.push_back(make_padding(nullptr));
    if (paste_flag_set) {
      Token& pt = argbuf[paste_flag_pos];
      if (src.flags & kTokPasteLeft) pt.flags |= kTokPasteLeft;
      else pt.flags &= static_cast<u16>(~kTokPasteLeft);
    }
  }
  if (vo_state != 0) diag(CFREE_SEV_ERROR, name.loc, nullptr, "unterminated __VA_OPT__");
  u32 n = static_cast<u32>(argbuf.size() - out0);
  Token* out = alloc_tokens(n);
  scratch_used = true;
  if (n) std::memcpy(static_cast<void*>(out), &argbuf[out0], sizeof(Token) * n);
  (void)strs;
  *count = n;
  return out;
}

// ---- ## -----------------------------------------------------------------------------

bool Preprocessor::Impl::paste(Token& lhs, const Token& rhs, CfreeLoc loc) {
  std::string buf(lhs.text, lhs.len);
  if (lhs.kind == Tok::Slash && rhs.kind != Tok::Equal) buf += ' ';
  if (rhs.kind != kPadding) buf.append(rhs.text, rhs.len);
  char* text = perm_dup(buf.data(), buf.size());
  Source tmp;
  tmp.begin = text;
  tmp.end = text + buf.size();
  tmp.p = text;
  tmp.line_start = text;
  tmp.base = lhs.loc;
  tmp.at_bol = false;
  Token r;
  bool was_dir = in_directive;
  in_directive = true;
  bool was_skipping = skipping;
  skipping = true;  // no lexer diagnostics on the attempt
  lex_raw(tmp, r);
  skipping = was_skipping;
  in_directive = was_dir;
  if (tmp.p != tmp.end || r.kind == Tok::Eod || r.kind == Tok::Eof ||
      (r.kind == Tok::Unknown && r.len > 1)) {
    if (!asm_mode)
      diag(CFREE_SEV_ERROR, loc, nullptr,
           "pasting \"%.*s\" and \"%.*s\" does not give a valid preprocessing token",
           static_cast<int>(lhs.len), lhs.text, static_cast<int>(rhs.len), rhs.text);
    lhs.flags &= static_cast<u16>(~kTokPasteLeft);
    return false;
  }
  r.loc = lhs.loc;
  r.flags = static_cast<u16>((lhs.flags & (kTokSpace | kTokSystem | kTokFromMacro)) | kTokPasted |
                             (r.flags & kTokDigraph));
  lhs = r;
  return true;
}

void Preprocessor::Impl::paste_all(Token& lhs) {
  Token rhs;
  Context* x = &ctx.back();
  do {
    if (x->cur == x->end) break;
    rhs = *x->cur++;
    if (rhs.kind == kPadding) {
      continue;  // (the loop condition ends the paste: GCC's behaviour)
    }
    if (!paste(lhs, rhs, lhs.loc)) {
      x->cur--;
      break;
    }
  } while (rhs.flags & kTokPasteLeft);
  lhs.flags &= static_cast<u16>(~kTokPasteLeft);
  Token* p = alloc_tokens(1);
  scratch_used = true;
  *p = lhs;
  push_tokens(p, 1, nullptr);
}

}  // namespace cfree::c
