// pp-pragma.cpp: #pragma and _Pragma (C11 6.10.6, 6.10.9).
//
// The preprocessor itself acts on `once`, `GCC system_header`, `GCC poison`,
// `GCC warning/error`, `push_macro`/`pop_macro`; every other pragma is passed
// on: -E prints it as GCC does (tokens re-joined with single spaces), the
// parser receives it as one Tok::Pragma token whose text is that same line.
#include "c/pp-impl.h"

namespace cfree::c {

bool Preprocessor::Impl::lex_string(const char* text, size_t len, CfreeLoc loc,
                                    std::vector<Token>* out, bool whole) {
  (void)whole;
  char* buf = perm_dup(text, len);
  Source tmp;
  tmp.begin = buf;
  tmp.end = buf + len;
  tmp.p = buf;
  tmp.line_start = buf;
  tmp.base = loc;
  tmp.at_bol = false;
  bool was = in_directive;
  in_directive = true;
  Token t;
  for (;;) {
    lex_raw(tmp, t);
    if (t.kind == Tok::Eod || t.kind == Tok::Eof) break;
    t.loc = loc;
    out->push_back(t);
  }
  in_directive = was;
  return true;
}

namespace {

std::string join(const std::vector<Token>& toks, size_t from) {
  std::string r;
  for (size_t i = from; i < toks.size(); i++) {
    if (i > from && (toks[i].flags & kTokSpace)) r += ' ';
    r.append(toks[i].text, toks[i].len);
  }
  return r;
}

}  // namespace

void Preprocessor::Impl::handle_pragma(std::vector<Token>& toks, CfreeLoc loc, u32 line,
                                       bool from_operator) {
  Source& s = *cur_file();
  auto pass_on = [&]() {
    // GCC macro-expands the operands of these pragmas (it registers them
    // "with expansion"), also in -E output.
    if (!toks.empty() && (toks[0].sym == s_message || toks[0].sym == s_redefine_extname ||
                          toks[0].sym == s_scalar_storage_order)) {
      std::vector<Token> ex;
      ex.push_back(toks[0]);
      u32 n = static_cast<u32>(toks.size() - 1);
      Token* arr = alloc_tokens(n + 1);
      scratch_used = true;
      for (u32 i = 0; i < n; i++) arr[i] = toks[i + 1];
      arr[n] = Token{};
      arr[n].kind = Tok::Eof;
      size_t depth = ctx.size();
      bool was_dir = in_directive;
      in_directive = false;
      push_tokens(arr, n + 1, nullptr);
      expand_depth++;
      bool pad_space = false;
      for (;;) {
        Token t;
        get_token(t);
        if (t.kind == Tok::Eof) break;
        if (t.kind == kPadding) {
          if (t.flags & kTokSpace) pad_space = true;
          continue;
        }
        if (pad_space) t.flags |= kTokSpace;
        pad_space = false;
        ex.push_back(t);
      }
      expand_depth--;
      while (ctx.size() > depth) pop_context();
      in_directive = was_dir;
      toks.swap(ex);
    }
    std::string text = join(toks, 0);
    if (print) {
      print->pragma_verbatim(s, line, text.data(), text.size());
      if (from_operator) print->after_pragma_operator();
      return;
    }
    Token p;
    p.kind = Tok::Pragma;
    p.text = perm_dup(text.data(), text.size());
    p.len = static_cast<u32>(text.size());
    p.loc = loc;
    p.flags = kTokBOL;
    if (from_operator) {
      Token* t = alloc_tokens(1);
      scratch_used = true;
      *t = p;
      push_tokens(t, 1, nullptr);
    } else {
      pending = p;
      has_pending = true;
    }
  };
  if (toks.empty()) {
    pass_on();
    return;
  }
  const Token& first = toks[0];
  if (first.sym == s_once) {
    if (s.is_main)
      diag_tok(CFREE_SEV_WARNING, first, nullptr, "#pragma once in main file");
    else if (s.file)
      s.file->once = true;
    if (print && !from_operator) print->pragma_line_change(first, s);
    return;
  }
  if (first.sym == s_push_macro || first.sym == s_pop_macro) {
    // push_macro("NAME") / pop_macro("NAME")
    if (toks.size() >= 4 && toks[1].kind == Tok::LParen && toks[2].kind == Tok::String &&
        toks[3].kind == Tok::RParen && toks[2].len >= 2) {
      CfreeSym name = cfree_sym_intern(c, toks[2].text + 1, toks[2].len - 2);
      if (first.sym == s_push_macro) {
        pushed_macros.push_back({name, info(name).macro});
      } else {
        for (size_t i = pushed_macros.size(); i-- > 0;) {
          if (pushed_macros[i].first == name) {
            info(name).macro = pushed_macros[i].second;
            pushed_macros.erase(pushed_macros.begin() + static_cast<std::ptrdiff_t>(i));
            break;
          }
        }
      }
    }
    if (print && !from_operator) print->pragma_line_change(first, s);
    return;
  }
  if (first.sym == s_gcc && toks.size() >= 2) {
    CfreeSym what = toks[1].sym;
    if (what == s_system_header) {
      if (s.is_main) {
        diag(CFREE_SEV_WARNING, toks[1].loc, nullptr, "#pragma system_header ignored outside include file");
      } else {
        s.sysp = 2;
        if (print) {
          Source tmp = s;
          print->file_change(2, tmp, s.line + 1);
        }
      }
      return;
    }
    if (what == s_poison) {
      for (size_t i = 2; i < toks.size(); i++)
        if (toks[i].sym) {
          if (info(toks[i].sym).macro)
            diag(CFREE_SEV_WARNING, toks[i].loc, nullptr, "poisoning existing macro \"%.*s\"",
                 static_cast<int>(toks[i].len), toks[i].text);
          info(toks[i].sym).poisoned = true;
        }
      if (print && !from_operator) print->pragma_line_change(first, s);
      return;
    }
    if (what == s_warning || what == s_error) {
      std::string msg;
      if (toks.size() >= 3 && toks[2].kind == Tok::String) msg.assign(toks[2].text + 1, toks[2].len - 2);
      else if (toks.size() >= 4 && toks[2].kind == Tok::LParen && toks[3].kind == Tok::String)
        msg.assign(toks[3].text + 1, toks[3].len - 2);
      CfreeLoc at = toks.size() >= 3 ? toks[2].loc : toks[1].loc;
      if (what == s_warning)
        diag(CFREE_SEV_WARNING, at, nullptr, "%s", msg.c_str());
      else
        diag(CFREE_SEV_ERROR, at, nullptr, "%s", msg.c_str());
      if (print && !from_operator) print->pragma_line_change(first, s);
      return;
    }
    if (what == s_dependency) {
      if (print && !from_operator) print->pragma_line_change(first, s);
      return;
    }
  }
  pass_on();
}

void Preprocessor::Impl::dir_pragma(Source& s, Token& t) {
  u32 line = s.line;
  std::vector<Token> toks;
  read_line(s, &toks);
  handle_pragma(toks, t.loc, line, false);
}

void Preprocessor::Impl::do_pragma_text(const std::string& text, const Token& name) {
  std::vector<Token> toks;
  lex_string(text.data(), text.size(), name.loc, &toks, true);
  Source& s = *cur_file();
  handle_pragma(toks, name.loc, s.line, true);
}

}  // namespace cfree::c
