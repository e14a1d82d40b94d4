// script.cpp: the subset of the GNU ld command language that library stubs
// use (glibc's libc.so and libm.so, ncurses' libcurses.so, ...):
//   GROUP ( file ... AS_NEEDED ( file ... ) )   INPUT ( file ... )
//   OUTPUT_FORMAT(...)  OUTPUT_ARCH(...)  SEARCH_DIR(...)  /* comments */
// (ld manual, "File Commands").  Files are paths or -lNAME; the caller
// resolves them.  Anything else is an error: cfree does not take full
// linker scripts.
#include "link/link.h"

#include "core/compiler.h"

namespace cfree {

namespace {

struct Lexer {
  const char* p;
  const char* end;
  std::string tok;
  bool next() {
    for (;;) {
      while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == ',')) p++;
      if (p + 1 < end && p[0] == '/' && p[1] == '*') {
        const char* e = p + 2;
        while (e + 1 < end && !(e[0] == '*' && e[1] == '/')) e++;
        p = e + 1 < end ? e + 2 : end;
        continue;
      }
      break;
    }
    if (p >= end) return false;
    if (*p == '(' || *p == ')') {
      tok.assign(p, 1);
      p++;
      return true;
    }
    if (*p == '"') {
      const char* s = ++p;
      while (p < end && *p != '"') p++;
      tok.assign(s, static_cast<size_t>(p - s));
      if (p < end) p++;
      return true;
    }
    const char* s = p;
    while (p < end && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r' && *p != '(' &&
           *p != ')' && *p != ',')
      p++;
    tok.assign(s, static_cast<size_t>(p - s));
    return true;
  }
};

}  // namespace

bool link_parse_script(Compiler& c, const char* name, const char* text, size_t n, ScriptSink& sink) {
  Lexer lx{text, text + n, {}};
  auto fail = [&](const char* what) {
    c.error(0, "%s: unsupported linker script: %s", name, what);
    return false;
  };
  while (lx.next()) {
    std::string cmd = lx.tok;
    if (!lx.next() || lx.tok != "(") return fail(("expected '(' after " + cmd).c_str());
    if (cmd == "OUTPUT_FORMAT" || cmd == "OUTPUT_ARCH" || cmd == "SEARCH_DIR") {
      while (lx.next() && lx.tok != ")") {}
      continue;
    }
    if (cmd != "GROUP" && cmd != "INPUT") return fail(("command " + cmd).c_str());
    if (cmd == "GROUP") sink.group(true);
    bool as_needed = false;
    for (;;) {
      if (!lx.next()) return fail("unterminated file list");
      if (lx.tok == ")") {
        if (as_needed) {
          as_needed = false;
          continue;
        }
        break;
      }
      if (lx.tok == "AS_NEEDED") {
        if (!lx.next() || lx.tok != "(") return fail("expected '(' after AS_NEEDED");
        as_needed = true;
        continue;
      }
      if (!sink.file(lx.tok, as_needed)) return false;
    }
    if (cmd == "GROUP") sink.group(false);
  }
  return true;
}

}  // namespace cfree
