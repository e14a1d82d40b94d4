// lexer.cpp: raw preprocessing tokens straight from a source buffer
// (C11 5.1.1.2 phases 1-3, 6.4).
//
// The lexer walks a NUL-terminated buffer with a pointer.  Line splices
// (backslash-newline, also with trailing blanks as GCC accepts) and, when
// enabled, trigraphs are handled where they can occur: between tokens they
// are white space; inside a token they send the token to a slow path that
// makes a clean copy of its spelling, so every Token's text is free of
// splices.  Identifiers are hashed (FNV-1a, the interner's function) while
// they are scanned and interned with that hash; a per-symbol table then gives
// the keyword kind and the macro in one index.  Nothing is allocated per
// token except those rare cleaned spellings.
#include "c/pp-impl.h"

namespace cfree::c {

namespace {

// Character classes: identifier start and continue; the characters that
// stop the skipping scans (a line comment: newline, splice or trigraph
// start; a line of a false #if group: those and the starts of comments and
// literals).  A table load per character instead of a chain of compares.
constexpr u8 kIdStart = 1, kIdCont = 2, kCommentStop = 4, kLineStop = 8;
struct CharTable {
  u8 t[256]{};
  constexpr CharTable() {
    for (int c = 'a'; c <= 'z'; c++) t[c] = kIdStart | kIdCont;
    for (int c = 'A'; c <= 'Z'; c++) t[c] = kIdStart | kIdCont;
    for (int c = '0'; c <= '9'; c++) t[c] = kIdCont;
    t[static_cast<u8>('_')] = kIdStart | kIdCont;
    t[static_cast<u8>('$')] = kIdStart | kIdCont;
    for (int c = 0x80; c < 0x100; c++) t[c] = kIdStart | kIdCont;  // UTF-8 (C11 6.4.2.1, D.1)
    for (char c : {'\n', '\\', '?'}) t[static_cast<u8>(c)] |= kCommentStop | kLineStop;
    for (char c : {'/', '"', '\''}) t[static_cast<u8>(c)] |= kLineStop;
  }
};
constexpr CharTable kChars;

inline bool is_hspace(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == '\r'; }

constexpr u32 kFnvBasis = 2166136261u, kFnvPrime = 16777619u;

char trigraph_char(char c) {
  switch (c) {
    case '=': return '#';
    case '(': return '[';
    case '/': return '\\';
    case ')': return ']';
    case '\'': return '^';
    case '<': return '{';
    case '!': return '|';
    case '>': return '}';
    case '-': return '~';
    default: return 0;
  }
}

}  // namespace

bool is_ident_start(unsigned char c) { return kChars.t[c] & kIdStart; }
bool is_ident_char(unsigned char c) { return kChars.t[c] & kIdCont; }

// (backslash, optional blanks, newline; or the trigraph spelling of the
// trigraph form), return the position after it, else p.
const char* Preprocessor::Impl::skip_splice(const char* p, const char* end) {
  const char* q;
  if (*p == '\\') {
    q = p + 1;
  } else if (lang.trigraphs && p[0] == '?' && p + 2 < end && p[1] == '?' && p[2] == '/') {
    q = p + 3;
  } else {
    return p;
  }
  const char* r = q;
  while (r < end && (*r == ' ' || *r == '\t' || *r == '\f' || *r == '\v')) r++;
  if (r < end && *r == '\r') r++;
  if (r < end && *r == '\n') return r + 1;
  return p;
}

// The clean spelling of [b, e): splices removed, trigraphs replaced.  Returns
// b itself when nothing needs cleaning.
const char* Preprocessor::Impl::clean_spelling(const char* b, const char* e, u32* len) {
  char* out = static_cast<char*>(cfree_arena_alloc(perm, static_cast<size_t>(e - b) + 1, 1));
  char* o = out;
  const char* p = b;
  while (p < e) {
    const char* q = skip_splice(p, e);
    if (q != p) {
      p = q;
      continue;
    }
    if (lang.trigraphs && p[0] == '?' && p + 2 < e && p[1] == '?' && trigraph_char(p[2])) {
      *o++ = trigraph_char(p[2]);
      p += 3;
      continue;
    }
    *o++ = *p++;
  }
  *o = 0;
  *len = static_cast<u32>(o - out);
  return out;
}

void Preprocessor::Impl::skip_block_comment(Source& s, const char* start) {
  const char* p = start + 2;
  const char* end = s.end;
  for (;;) {
    // Fast scan for '*', counting newlines on the way.
    const char* star = static_cast<const char*>(std::memchr(p, '*', static_cast<size_t>(end - p)));
    const char* stop = star ? star : end;
    for (;;) {
      const char* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(stop - p)));
      if (!nl) break;
      newline(s, nl + 1);
      p = nl + 1;
    }
    p = stop;
    if (p >= end) {
      diag(CFREE_SEV_ERROR, loc_of(s, start), nullptr, "unterminated comment");
      s.p = end;
      return;
    }
    if (*p == '\n') {
      newline(s, p + 1);
      p++;
      continue;
    }
    // '*': look past splices for '/'.
    const char* q = p + 1;
    for (;;) {
      const char* r = skip_splice(q, end);
      if (r == q) break;
      newline(s, r);
      q = r;
    }
    if (q < end && *q == '/') {
      s.p = q + 1;
      return;
    }
    p = q;
  }
}

// Skip white space and comments.  Returns true when a newline is reached in
// directive mode (the newline is left unconsumed).
bool Preprocessor::Impl::skip_ws(Source& s) {
  const char* p = s.p;
  const char* end = s.end;
  for (;;) {
    char ch = *p;
    if (ch == ' ' || ch == '\t') {
      do p++;
      while (*p == ' ' || *p == '\t');  // the buffer ends in a sentinel
      s.leading_space = true;
      continue;
    }
    if (ch == '\n') {
      if (in_directive) {
        s.p = p;
        return true;
      }
      p++;
      newline(s, p);
      s.at_bol = true;
      s.leading_space = false;
      continue;
    }
    if (ch == '/') {
      if (keep_comments && !in_directive && (p[1] == '*' || p[1] == '/')) break;  // a token
      if (p[1] == '*') {
        s.p = p;
        skip_block_comment(s, p);
        p = s.p;
        s.leading_space = true;
        continue;
      }
      if (p[1] == '/') {
        // Line comment: up to the newline, honouring splices.
        p += 2;
        for (;;) {
          while (p < end && !(kChars.t[static_cast<u8>(*p)] & kCommentStop)) p++;
          if (p >= end || *p == '\n') break;
          const char* q = skip_splice(p, end);
          if (q != p) {
            if (lang.version >= 199901 || lang.gnu) {
              // GCC warns about multi-line // comments only with -Wcomment.
            }
            newline(s, q);
            p = q;
          } else {
            p++;
          }
        }
        s.leading_space = true;
        continue;
      }
      if (p[1] == '\\' || (p[1] == '?' && lang.trigraphs)) {
        // "/\<newline>*" starts a comment too.
        const char* q = skip_splice(p + 1, end);
        if (q != p + 1 && (*q == '*' || *q == '/')) {
          // Rare: fall back by cleaning; treat as comment start.
          const char* r = p + 1;
          while ((q = skip_splice(r, end)) != r) {
            newline(s, q);
            r = q;
          }
          if (*r == '*') {
            s.p = r - 1;  // position so that skip_block_comment sees "x*"
            skip_block_comment(s, r - 1);
            p = s.p;
          } else {
            p = r + 1;
            while (p < end && *p != '\n') p++;
          }
          s.leading_space = true;
          continue;
        }
      }
      break;
    }
    if (ch == '\\' || (ch == '?' && lang.trigraphs)) {
      const char* q = skip_splice(p, end);
      if (q != p) {
        newline(s, q);
        p = q;
        continue;
      }
      break;
    }
    if (ch == '\r' || ch == '\f' || ch == '\v') {
      p++;
      s.leading_space = true;
      continue;
    }
    if (ch == 0 && p < end) {
      diag(CFREE_SEV_WARNING, loc_of(s, p), nullptr, "null character(s) ignored");
      p++;
      s.leading_space = true;
      continue;
    }
    break;
  }
  s.p = p;
  return false;
}

void Preprocessor::Impl::finish_ident(Token& t, const char* text, u32 len, u32 hash) {
  t.sym = cfree_sym_intern_hashed(c, text, len, hash);
  t.text = text;
  t.len = len;
  t.kind = info(t.sym).kw;
}

void Preprocessor::Impl::lex_ident_slow(Source& s, Token& t, const char* start) {
  const char* p = start;
  const char* end = s.end;
  bool dirty = false;
  for (;;) {
    unsigned char ch = static_cast<unsigned char>(*p);
    if (kChars.t[ch] & kIdCont) {
      p++;
      continue;
    }
    if (ch == '\\' || (ch == '?' && lang.trigraphs)) {
      const char* q = skip_splice(p, end);
      if (q != p) {
        newline(s, q);
        p = q;
        dirty = true;
        continue;
      }
      if (ch == '\\' && (p[1] == 'u' || p[1] == 'U')) {
        int n = p[1] == 'u' ? 4 : 8, i = 0;
        while (i < n && std::isxdigit(static_cast<unsigned char>(p[2 + i]))) i++;
        if (i == n) {
          p += 2 + n;
          continue;
        }
      }
    }
    break;
  }
  s.p = p;
  u32 len = static_cast<u32>(p - start);
  const char* text = start;
  if (dirty) text = clean_spelling(start, p, &len);
  finish_ident(t, text, len, cfree_sym_hash(text, len));
}

void Preprocessor::Impl::lex_ident(Source& s, Token& t, const char* start) {
  const char* p = start;
  u32 h = kFnvBasis;
  while (kChars.t[static_cast<u8>(*p)] & kIdCont) {
    h = (h ^ static_cast<u8>(*p)) * kFnvPrime;
    p++;
  }
  if (*p == '\\' || (*p == '?' && lang.trigraphs)) {
    lex_ident_slow(s, t, start);
    return;
  }
  s.p = p;
  finish_ident(t, start, static_cast<u32>(p - start), h);
}

// pp-number (6.4.8): digit or .digit, then digits, identifier characters,
// e+ e- E+ E- p+ p- P+ P- and '.'.
void Preprocessor::Impl::lex_number(Source& s, Token& t, const char* start) {
  const char* p = start;
  const char* end = s.end;
  bool dirty = false;
  for (;;) {
    unsigned char ch = static_cast<unsigned char>(*p);
    if ((kChars.t[ch] & kIdCont) || ch == '.') {
      if ((ch == 'e' || ch == 'E' || ch == 'p' || ch == 'P') && (p[1] == '+' || p[1] == '-')) {
        p += 2;
        continue;
      }
      p++;
      continue;
    }
    if (ch == '\\' || (ch == '?' && lang.trigraphs)) {
      const char* q = skip_splice(p, end);
      if (q != p) {
        // A splice between 'e' and '+' is rare enough to ignore here.
        newline(s, q);
        p = q;
        dirty = true;
        continue;
      }
    }
    if ((ch == '+' || ch == '-') && dirty && p > start) {
      char prev = p[-1];
      if (prev == 'e' || prev == 'E' || prev == 'p' || prev == 'P') {
        p++;
        continue;
      }
    }
    break;
  }
  s.p = p;
  t.kind = Tok::Number;
  u32 len = static_cast<u32>(p - start);
  t.text = dirty ? clean_spelling(start, p, &len) : start;
  t.len = len;
}

// Character constant or string literal; start points at the prefix (if any),
// the quote is q.
void Preprocessor::Impl::lex_quote(Source& s, Token& t, const char* start, char q) {
  const char* p = s.p;  // at the opening quote
  const char* end = s.end;
  bool dirty = false;
  p++;
  for (;;) {
    char ch = *p;
    if (ch == q) {
      p++;
      break;
    }
    if (ch == '\\' || (ch == '?' && lang.trigraphs)) {
      const char* r = skip_splice(p, end);
      if (r != p) {
        newline(s, r);
        p = r;
        dirty = true;
        continue;
      }
      if (ch == '\\') {
        p++;
        // The escaped character (which may itself be behind a splice).
        for (;;) {
          const char* r2 = skip_splice(p, end);
          if (r2 == p) break;
          newline(s, r2);
          p = r2;
          dirty = true;
        }
        if (p < end && *p != '\n') p++;
        continue;
      }
      if (lang.trigraphs && p[1] == '?' && trigraph_char(p[2])) dirty = true;
      p++;
      continue;
    }
    if (ch == '\n' || p >= end) {
      // Unterminated: GCC lexes the rest of the line as one "other" token.
      s.p = p;
      t.kind = Tok::Unknown;
      u32 len = static_cast<u32>(p - start);
      t.text = dirty ? clean_spelling(start, p, &len) : start;
      t.len = len;
      if (!skipping && !asm_mode)
        diag(CFREE_SEV_WARNING, loc_of(s, start), nullptr, "missing terminating %c character", q);
      return;
    }
    p++;
  }
  s.p = p;
  t.kind = q == '"' ? Tok::String : Tok::CharConst;
  u32 len = static_cast<u32>(p - start);
  t.text = dirty ? clean_spelling(start, p, &len) : start;
  t.len = len;
}

// <header-name> in #include (6.4.7): called with s.p after white space.
bool Preprocessor::Impl::lex_header_name(Source& s, Token& t) {
  const char* p = s.p;
  if (*p != '<') return false;
  const char* q = p + 1;
  while (q < s.end && *q != '>' && *q != '\n') q++;
  if (q >= s.end || *q != '>') return false;
  t.kind = Tok::HeaderName;
  t.loc = loc_of(s, p);
  t.text = p;
  t.len = static_cast<u32>(q + 1 - p);
  t.sym = 0;
  t.flags = s.leading_space ? kTokSpace : 0;
  s.leading_space = false;
  s.p = q + 1;
  return true;
}

void Preprocessor::Impl::lex_raw(Source& s, Token& t) {
  t.sym = 0;
  t.aux = 0;
  if (skip_ws(s)) {
    t.kind = Tok::Eod;
    t.flags = 0;
    t.loc = loc_of(s, s.p);
    t.text = s.p;
    t.len = 0;
    return;
  }
  const char* p = s.p;
  u16 flags = static_cast<u16>((s.at_bol ? kTokBOL : 0) | (s.leading_space ? kTokSpace : 0) |
                               (s.sysp ? kTokSystem : 0) | s.tok_flags);
  s.at_bol = false;
  s.leading_space = false;
  t.flags = flags;
  t.loc = loc_of(s, p);
  t.text = p;
  if (p >= s.end) {
    t.kind = in_directive ? Tok::Eod : Tok::Eof;
    t.len = 0;
    // GCC places the end of file at the end of the last line.
    if (t.kind == Tok::Eof && s.end > s.begin && s.end[-1] == '\n') t.loc = loc_of(s, s.end - 1);
    return;
  }
  unsigned char ch = static_cast<unsigned char>(*p);
  // Punctuator helper: kind k, n characters.
  auto punct = [&](Tok k, int n) {
    t.kind = k;
    t.len = static_cast<u32>(n);
    s.p = p + n;
  };
  // Next character after p+i, looking through splices (rare).
  auto at = [&](int i) -> char {
    char x = p[i];
    if (x == '\\' || x == '?') {
      if (skip_splice(p + i, s.end) != p + i) return 0;  // handled by the slow path below
    }
    return x;
  };
  switch (ch) {
    case 'L':
    case 'U':
      if (p[1] == '"' || p[1] == '\'') {
        s.p = p + 1;
        lex_quote(s, t, p, p[1]);
        return;
      }
      lex_ident(s, t, p);
      return;
    case 'u':
      if (p[1] == '"' || p[1] == '\'') {
        s.p = p + 1;
        lex_quote(s, t, p, p[1]);
        return;
      }
      if (p[1] == '8' && (p[2] == '"' || (p[2] == '\'' && lang.version > 201710))) {
        s.p = p + 2;
        lex_quote(s, t, p, p[2]);
        return;
      }
      lex_ident(s, t, p);
      return;
    case '"':
    case '\'':
      lex_quote(s, t, p, static_cast<char>(ch));
      return;
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      lex_number(s, t, p);
      return;
    case '.':
      if (p[1] >= '0' && p[1] <= '9') {
        lex_number(s, t, p);
        return;
      }
      if (p[1] == '.' && p[2] == '.') return punct(Tok::Ellipsis, 3);
      return punct(Tok::Dot, 1);
    case '[': return punct(Tok::LBracket, 1);
    case ']': return punct(Tok::RBracket, 1);
    case '(': return punct(Tok::LParen, 1);
    case ')': return punct(Tok::RParen, 1);
    case '{': return punct(Tok::LBrace, 1);
    case '}': return punct(Tok::RBrace, 1);
    case ';': return punct(Tok::Semi, 1);
    case ',': return punct(Tok::Comma, 1);
    case '~': return punct(Tok::Tilde, 1);
    case '?':
      if (lang.trigraphs && p[1] == '?' && trigraph_char(p[2])) break;  // slow path
      return punct(Tok::Question, 1);
    case '-':
      if (at(1) == '>') return punct(Tok::Arrow, 2);
      if (at(1) == '-') return punct(Tok::MinusMinus, 2);
      if (at(1) == '=') return punct(Tok::MinusEqual, 2);
      if (at(1) == 0 && p[1] != 0) break;
      return punct(Tok::Minus, 1);
    case '+':
      if (at(1) == '+') return punct(Tok::PlusPlus, 2);
      if (at(1) == '=') return punct(Tok::PlusEqual, 2);
      if (at(1) == 0 && p[1] != 0) break;
      return punct(Tok::Plus, 1);
    case '&':
      if (at(1) == '&') return punct(Tok::AmpAmp, 2);
      if (at(1) == '=') return punct(Tok::AmpEqual, 2);
      if (at(1) == 0 && p[1] != 0) break;
      return punct(Tok::Amp, 1);
    case '|':
      if (at(1) == '|') return punct(Tok::PipePipe, 2);
      if (at(1) == '=') return punct(Tok::PipeEqual, 2);
      if (at(1) == 0 && p[1] != 0) break;
      return punct(Tok::Pipe, 1);
    case '*':
      if (at(1) == '=') return punct(Tok::StarEqual, 2);
      if (at(1) == 0 && p[1] != 0) break;
      return punct(Tok::Star, 1);
    case '/':
      if (keep_comments && !in_directive && (p[1] == '*' || p[1] == '/')) {
        // -C: the comment is a token of its own.
        const char* e;
        if (p[1] == '*') {
          skip_block_comment(s, p);
          e = s.p;
        } else {
          e = p + 2;
          while (e < s.end && *e != '\n') e++;
          s.p = e;
        }
        t.kind = Tok::Comment;
        t.len = static_cast<u32>(e - p);
        if (std::memchr(p, '\\', t.len)) t.text = clean_spelling(p, e, &t.len);  // splices
        s.leading_space = false;
        return;
      }
      if (at(1) == '=') return punct(Tok::SlashEqual, 2);
      if (at(1) == 0 && p[1] != 0) break;
      return punct(Tok::Slash, 1);
    case '^':
      if (at(1) == '=') return punct(Tok::CaretEqual, 2);
      if (at(1) == 0 && p[1] != 0) break;
      return punct(Tok::Caret, 1);
    case '=':
      if (at(1) == '=') return punct(Tok::EqualEqual, 2);
      if (at(1) == 0 && p[1] != 0) break;
      return punct(Tok::Equal, 1);
    case '!':
      if (at(1) == '=') return punct(Tok::BangEqual, 2);
      if (at(1) == 0 && p[1] != 0) break;
      return punct(Tok::Bang, 1);
    case ':':
      if (at(1) == '>') {
        t.flags |= kTokDigraph;
        return punct(Tok::RBracket, 2);
      }
      if (at(1) == 0 && p[1] != 0) break;
      return punct(Tok::Colon, 1);
    case '#':
      if (at(1) == '#') return punct(Tok::HashHash, 2);
      if (at(1) == 0 && p[1] != 0) break;
      return punct(Tok::Hash, 1);
    case '<':
      if (at(1) == '<') {
        if (at(2) == '=') return punct(Tok::LessLessEqual, 3);
        if (at(2) == 0 && p[2] != 0) break;
        return punct(Tok::LessLess, 2);
      }
      if (at(1) == '=') return punct(Tok::LessEqual, 2);
      if (at(1) == ':') {
        t.flags |= kTokDigraph;
        return punct(Tok::LBracket, 2);
      }
      if (at(1) == '%') {
        t.flags |= kTokDigraph;
        return punct(Tok::LBrace, 2);
      }
      if (at(1) == 0 && p[1] != 0) break;
      return punct(Tok::Less, 1);
    case '>':
      if (at(1) == '>') {
        if (at(2) == '=') return punct(Tok::GreaterGreaterEqual, 3);
        if (at(2) == 0 && p[2] != 0) break;
        return punct(Tok::GreaterGreater, 2);
      }
      if (at(1) == '=') return punct(Tok::GreaterEqual, 2);
      if (at(1) == 0 && p[1] != 0) break;
      return punct(Tok::Greater, 1);
    case '%':
      if (at(1) == '=') return punct(Tok::PercentEqual, 2);
      if (at(1) == '>') {
        t.flags |= kTokDigraph;
        return punct(Tok::RBrace, 2);
      }
      if (at(1) == ':') {
        t.flags |= kTokDigraph;
        if (at(2) == '%' && at(3) == ':') return punct(Tok::HashHash, 4);
        return punct(Tok::Hash, 2);
      }
      if (at(1) == 0 && p[1] != 0) break;
      return punct(Tok::Percent, 1);
    case '\\':
      if ((p[1] == 'u' || p[1] == 'U')) {
        lex_ident_slow(s, t, p);
        if (t.len > 1) return;
      }
      return punct(Tok::Unknown, 1);
    default:
      if (kChars.t[ch] & kIdStart) {
        lex_ident(s, t, p);
        return;
      }
      return punct(Tok::Unknown, 1);
  }
  // Slow path: a punctuator interrupted by a splice or spelled with a
  // trigraph.  Clean the rest of the logical line's first few characters and
  // lex the punctuator from the clean copy.
  char buf[8];
  const char* src[8];
  int n = 0;
  const char* q = p;
  while (n < 4 && q < s.end) {
    const char* r = skip_splice(q, s.end);
    if (r != q) {
      q = r;
      continue;
    }
    if (lang.trigraphs && q[0] == '?' && q[1] == '?' && trigraph_char(q[2])) {
      src[n] = q;
      buf[n++] = trigraph_char(q[2]);
      q += 3;
      continue;
    }
    if (*q == '\n') break;
    src[n] = q;
    buf[n++] = *q++;
  }
  src[n] = q;
  buf[n] = 0;
  // Longest match over the punctuator table.
  static constexpr struct {
    const char* sp;
    Tok k;
  } kPuncts[] = {
#define CFREE_C_PUNCT_ROW(kind, spelling) {spelling, Tok::kind},
      CFREE_C_PUNCTUATORS(CFREE_C_PUNCT_ROW)
#undef CFREE_C_PUNCT_ROW
      {"<:", Tok::LBracket}, {":>", Tok::RBracket}, {"<%", Tok::LBrace}, {"%>", Tok::RBrace},
      {"%:%:", Tok::HashHash}, {"%:", Tok::Hash},
  };
  int best = 0;
  Tok bk = Tok::Unknown;
  for (const auto& e : kPuncts) {
    int l = static_cast<int>(std::strlen(e.sp));
    if (l > best && l <= n && std::memcmp(buf, e.sp, static_cast<size_t>(l)) == 0) {
      best = l;
      bk = e.k;
    }
  }
  if (best == 0) best = 1;
  if (bk == Tok::Hash && buf[0] == '#' && best == 1 && n >= 2 && buf[1] == '#') bk = Tok::HashHash, best = 2;
  const char* e = src[best];
  // Account for newlines inside the token.
  for (const char* x = p; x < e; x++)
    if (*x == '\n') newline(s, x + 1);
  s.p = e;
  t.kind = bk;
  u32 len = 0;
  t.text = clean_spelling(p, e, &len);
  t.len = len;
}

// Skip the rest of a line in a skipped conditional block: comments (which
// may span lines), splices and literals (so a quote cannot hide the end of
// the line) are honoured.  Leaves s.p at the newline (or end).
void Preprocessor::Impl::skip_line(Source& s) {
  const char* p = s.p;
  const char* end = s.end;
  for (;;) {
    // Fast scan to an interesting character.
    while (p < end && !(kChars.t[static_cast<u8>(*p)] & kLineStop)) p++;
    if (p >= end || *p == '\n') break;
    char ch = *p;
    if (ch == '\\' || ch == '?') {
      const char* q = skip_splice(p, end);
      if (q != p) {
        newline(s, q);
        p = q;
      } else {
        p++;
      }
      continue;
    }
    if (ch == '/') {
      if (p[1] == '*') {
        s.p = p;
        bool was = skipping;
        skipping = true;
        skip_block_comment(s, p);
        skipping = was;
        p = s.p;
        continue;
      }
      if (p[1] == '/') {
        p += 2;
        for (;;) {
          while (p < end && *p != '\n' && *p != '\\') p++;
          if (p >= end || *p == '\n') break;
          const char* q = skip_splice(p, end);
          if (q != p) {
            newline(s, q);
            p = q;
          } else {
            p++;
          }
        }
        break;
      }
      p++;
      continue;
    }
    // A literal: to its closing quote or the end of the line.
    char q = ch;
    p++;
    while (p < end && *p != q && *p != '\n') {
      if (*p == '\\') {
        const char* r = skip_splice(p, end);
        if (r != p) {
          newline(s, r);
          p = r;
          continue;
        }
        p++;
        if (p < end && *p != '\n') p++;
        continue;
      }
      p++;
    }
    if (p < end && *p == q) p++;
  }
  s.p = p;
}

}  // namespace cfree::c
