// parse.cpp: the parser's token stream, diagnostics and scopes.
//
// Tokens come one at a time from the preprocessor; a small lookahead ring
// serves the few places C needs a second token (labels `x:`, casts versus
// parenthesised expressions are decided on the first token alone).
//
// Scopes (C11 6.2.1): ordinary identifiers and tags each have an array
// indexed by the interned symbol holding the innermost binding; a binding
// records the binding it shadows and every scope keeps a log of what it
// bound, so leaving a scope restores the outer bindings in time linear in
// what the scope declared.  Lookup is one array load.
#include "c/parse.h"

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace cfree::c {

Parser::Parser(CfreeCompiler* cc, Preprocessor* p, CfreeCg* cg, bool emit, const CfreeCompileOptions* o)
    : c(cc), pp(p) {
  arena = cfree_arena_new(c);
  g.cg = cg;
  g.c = c;
  g.emit = emit;
  std_version = pp->lang().version;
  for (size_t i = 0; o && i < o->n_extra_args; i++) {
    const char* a = o->extra_args[i];
    if (!std::strcmp(a, "-fwrapv")) fwrapv = true;
    if (!std::strcmp(a, "-fgnu89-inline")) gnu89_inline = true;
    if (!std::strcmp(a, "-finstrument-functions")) instrument_functions = true;
    if (!std::strcmp(a, "-fno-instrument-functions")) instrument_functions = false;
  }
  init_types();
  ord_.resize(4096);
  tags_.resize(4096);
  // GCC's predefined typedef names.
  auto td = [&](const char* name, CType* t) {
    Decl* d = bind(cfree_sym_intern(c, name, std::strlen(name)), DK::Typedef, t, 0);
    d->canon = d;
  };
  sym_alloca_ = cfree_sym_intern(c, "alloca", 6);
  td("__int128_t", t_int128);
  td("__uint128_t", t_uint128);
  advance();
}

Parser::~Parser() { cfree_arena_free(arena); }

void Parser::fetch(Token& t) {
  if (replay_pos_ < replay_.size()) {
    t = replay_[replay_pos_++];
    if (replay_pos_ == replay_.size()) {
      replay_.clear();
      replay_pos_ = 0;
    }
    return;
  }
  pp->next(t);
}

void Parser::advance() {
  prev_end = tok.loc;
  for (;;) {
    if (n_la) {
      tok = la[0];
      for (int i = 1; i < n_la; i++) la[i - 1] = la[i];
      n_la--;
    } else {
      fetch(tok);
    }
    if (tok.kind == Tok::Pragma) {
      handle_pragma(tok);
      continue;
    }
    break;
  }
  if (rec_) rec_->push_back(tok);
  if (tok.kind == Tok::Unknown) {
    error(tok.loc, "stray '%.*s' in program", static_cast<int>(tok.len), tok.text);
    advance();
  }
}

const Token& Parser::peek(int n) {
  while (n_la < n) {
    Token t;
    fetch(t);
    while (t.kind == Tok::Pragma) fetch(t);
    la[n_la++] = t;
  }
  return la[n - 1];
}

// Dry runs: record the tokens a parse consumes, then hand them out again.
std::vector<Token>* Parser::begin_record(std::vector<Token>* r) {
  std::vector<Token>* prev = rec_;
  r->clear();
  r->push_back(tok);
  rec_ = r;
  return prev;
}

void Parser::end_record(std::vector<Token>* r, std::vector<Token>* prev) {
  rec_ = prev;
  if (prev)
    for (size_t i = 1; i < r->size(); i++) prev->push_back((*r)[i]);
}

void Parser::replay_from(std::vector<Token>* r, std::vector<Token>* prev) {
  rec_ = prev;
  std::vector<Token> q;
  q.reserve(r->size() + n_la + replay_.size() - replay_pos_);
  for (size_t i = 1; i < r->size(); i++) q.push_back((*r)[i]);
  for (int i = 0; i < n_la; i++) q.push_back(la[i]);
  for (size_t i = replay_pos_; i < replay_.size(); i++) q.push_back(replay_[i]);
  n_la = 0;
  replay_ = std::move(q);
  replay_pos_ = 0;
  tok = (*r)[0];
}

const char* Parser::tok_text(const Token& t) {
  if (t.kind == Tok::Eof) return "end of input";
  static thread_local char buf[64];
  size_t n = t.len < 60 ? t.len : 60;
  std::memcpy(buf, t.text, n);
  buf[n] = 0;
  return buf;
}

// How GCC names the token an error points at.
std::string Parser::tok_desc(const Token& t) {
  switch (t.kind) {
    case Tok::Number: return "numeric constant";
    case Tok::String: return "string constant";
    case Tok::CharConst: return "character constant";
    case Tok::Eof: return "end of input";
    case Tok::Identifier: return std::string("'") + tok_text(t) + "'";
    default:
      if (is_keyword(t.kind)) return std::string("'") + tok_text(t) + "'";
      return std::string("'") + tok_text(t) + "' token";
  }
}

bool Parser::expect(Tok k, const char* what) {
  if (tok.kind == k) {
    advance();
    return true;
  }
  const char* name = what ? what : tok_name(k);
  if (tok.kind == Tok::Eof) error(tok.loc, "expected '%s' at end of input", name);
  else error(tok.loc, "expected '%s' before %s", name, tok_desc(tok).c_str());
  return false;
}

// Skip to the end of the current statement or declaration: past the next
// `;` at nesting level 0, or up to (not past) an unbalanced `}`.
void Parser::skip_to_semi() {
  int depth = 0;
  while (tok.kind != Tok::Eof) {
    if (tok.kind == Tok::LParen || tok.kind == Tok::LBracket || tok.kind == Tok::LBrace) depth++;
    else if (tok.kind == Tok::RParen || tok.kind == Tok::RBracket) depth = depth ? depth - 1 : 0;
    else if (tok.kind == Tok::RBrace) {
      if (depth == 0) return;
      depth--;
      if (depth == 0) {
        advance();
        if (tok.kind == Tok::Semi) advance();
        return;
      }
    } else if (tok.kind == Tok::Semi && depth == 0) {
      advance();
      return;
    }
    advance();
  }
}

void Parser::skip_balanced() {
  int depth = 0;
  do {
    if (tok.kind == Tok::LParen || tok.kind == Tok::LBracket || tok.kind == Tok::LBrace) depth++;
    else if (tok.kind == Tok::RParen || tok.kind == Tok::RBracket || tok.kind == Tok::RBrace) depth--;
    advance();
  } while (depth > 0 && tok.kind != Tok::Eof);
}

void Parser::diag(CfreeSeverity sev, CfreeLoc loc, const char* opt, const char* fmt, va_list ap) {
  char buf[1024];
  std::vsnprintf(buf, sizeof buf, fmt, ap);
  int r = cfree_diag(c, sev, loc, opt, "%s", buf);
  if (r == CFREE_SEV_FATAL) throw Fatal{};
}
void Parser::error(CfreeLoc loc, const char* fmt, ...) {
  if (quiet_) return;
  va_list ap;
  va_start(ap, fmt);
  diag(CFREE_SEV_ERROR, loc, nullptr, fmt, ap);
  va_end(ap);
}
void Parser::warn(CfreeLoc loc, const char* opt, const char* fmt, ...) {
  if (quiet_ || (opt && !cfree_warning_enabled(c, opt))) return;
  va_list ap;
  va_start(ap, fmt);
  diag(CFREE_SEV_WARNING, loc, opt, fmt, ap);
  va_end(ap);
}
void Parser::pedwarn(CfreeLoc loc, const char* opt, const char* fmt, ...) {
  if (quiet_ || (opt && !cfree_warning_enabled(c, opt))) return;
  va_list ap;
  va_start(ap, fmt);
  diag(CFREE_SEV_WARNING, loc, opt, fmt, ap);
  va_end(ap);
}
void Parser::note(CfreeLoc loc, const char* fmt, ...) {
  if (quiet_) return;
  va_list ap;
  va_start(ap, fmt);
  diag(CFREE_SEV_NOTE, loc, nullptr, fmt, ap);
  va_end(ap);
}

// ---- Scopes ------------------------------------------------------------------

void Parser::push_scope() {
  scopes_.push_back({scope_decls_.size(), scope_tags_.size()});
  depth++;
}

void Parser::pop_scope() {
  ScopeMark m = scopes_.back();
  scopes_.pop_back();
  while (scope_decls_.size() > m.decls) {
    Decl* d = scope_decls_.back();
    scope_decls_.pop_back();
    ord_[d->name] = d->shadow;
  }
  while (scope_tags_.size() > m.tags) {
    Tag* t = scope_tags_.back();
    scope_tags_.pop_back();
    tags_[t->name] = t->shadow;
  }
  depth--;
}

Decl* Parser::bind(CfreeSym name, DK kind, CType* ty, CfreeLoc loc) {
  auto* d = static_cast<Decl*>(cfree_arena_alloc(arena, sizeof(Decl), alignof(Decl)));
  std::memset(static_cast<void*>(d), 0, sizeof(Decl));
  d->kind = kind;
  d->name = name;
  d->ty = ty;
  d->loc = loc;
  d->depth = depth;
  d->fn_level = fn_level_;
  if (!name) return d;
  if (name >= ord_.size()) ord_.resize(name * 2 + 16);
  d->shadow = ord_[name];
  ord_[name] = d;
  if (depth > 0) scope_decls_.push_back(d);
  else {
    if (name >= file_ord_.size()) file_ord_.resize(name * 2 + 16);
    file_ord_[name] = d;
  }
  return d;
}

Decl* Parser::file_scope_decl(CfreeSym name) { return name < file_ord_.size() ? file_ord_[name] : nullptr; }

Tag* Parser::bind_tag(CfreeSym name, CType* ty, CfreeLoc loc) {
  auto* t = static_cast<Tag*>(cfree_arena_alloc(arena, sizeof(Tag), alignof(Tag)));
  t->name = name;
  t->ty = ty;
  t->loc = loc;
  t->depth = depth;
  if (name >= tags_.size()) tags_.resize(name * 2 + 16);
  t->shadow = tags_[name];
  tags_[name] = t;
  if (depth > 0) scope_tags_.push_back(t);
  return t;
}

bool Parser::is_typedef_name(const Token& t) {
  if (t.kind != Tok::Identifier) return false;
  Decl* d = lookup(t.sym);
  return d && d->kind == DK::Typedef;
}

void Parser::handle_pragma(const Token& t) {
  // #pragma pack(...) changes record layout; other pragmas are ignored.
  const char* s = t.text;
  size_t n = t.len;
  auto skip_ws = [&]() {
    while (n && (*s == ' ' || *s == '\t')) s++, n--;
  };
  skip_ws();
  if (n < 4 || std::strncmp(s, "pack", 4) != 0) return;
  s += 4, n -= 4;
  skip_ws();
  if (!n || *s != '(') return;
  s++, n--;
  std::string body(s, n);
  size_t close = body.find(')');
  if (close != std::string::npos) body.resize(close);
  std::string clean;
  for (char ch : body)
    if (ch != ' ' && ch != '\t') clean += ch;
  auto num = [](const std::string& x) -> u32 { return x.empty() ? 0 : static_cast<u32>(std::strtoul(x.c_str(), nullptr, 0)); };
  if (clean.empty()) {
    pack_ = 0;
  } else if (clean.rfind("push", 0) == 0) {
    pack_stack_.push_back(pack_);
    size_t comma = clean.rfind(',');
    if (comma != std::string::npos && std::isdigit(static_cast<unsigned char>(clean[comma + 1]))) pack_ = num(clean.substr(comma + 1));
  } else if (clean.rfind("pop", 0) == 0) {
    if (!pack_stack_.empty()) {
      pack_ = pack_stack_.back();
      pack_stack_.pop_back();
    }
  } else if (std::isdigit(static_cast<unsigned char>(clean[0]))) {
    pack_ = num(clean);
  }
}

// ---- Translation unit (6.9) ---------------------------------------------------

void Parser::translation_unit() {
  while (tok.kind != Tok::Eof) {
    if (tok.kind == Tok::Semi) {
      pedwarn(tok.loc, "pedantic", "ISO C does not allow extra ';' outside of a function");
      advance();
      continue;
    }
    if (tok.kind == Tok::KwAsm) {
      top_level_asm();
      continue;
    }
    if (tok.kind == Tok::KwStaticAssert) {
      static_assert_decl();
      continue;
    }
    if (tok.kind == Tok::RBrace || tok.kind == Tok::RParen) {
      error(tok.loc, "expected identifier or '(' before %s", tok_desc(tok).c_str());
      advance();
      continue;
    }
    declaration(true);
  }
  emit_tentatives();
}

}  // namespace cfree::c
