// pp.h: the C preprocessor (C11/C17 6.10 plus the GNU and C23 extensions
// that real system headers use), as the parser and `cc -E` consume it.
//
// A Preprocessor reads the main input and every header it includes (each file
// once, through the host's CfreeFileIO), lexes straight from the buffers and
// hands out fully macro-expanded tokens one at a time.  Every file entry and
// every macro expansion is registered with the compiler's source manager, so
// a token's `loc` leads diagnostics through include chains and into macro
// bodies.  Errors are reported with cfree_diag; a fatal one (missing include,
// error limit) throws cfree::c::Fatal, which the frontend hook catches.
//
// The implementation is private (pimpl): the parser depends only on this
// header and on token.h.
#pragma once

#include "c/token.h"

#include <cfree/frontend.h>

namespace cfree::c {

// Thrown after a fatal diagnostic has been reported; caught at the frontend
// hooks (lang/c/frontend.cpp), never crosses the C API.
struct Fatal {};

// The -std= dialect, as the lexer and predefined macros need it.
struct LangStd {
  int version = 201710;  // __STDC_VERSION__: 198900 for c89/c90 (none defined), 199409, 199901, 201112, 201710, 202000
  bool gnu = true;       // gnu* modes: `asm`/`typeof` keywords, no __STRICT_ANSI__
  bool trigraphs = false;
};
// Parse "c11", "gnu17", "iso9899:1999", ... ; NULL gives the default (gnu17).
// Returns false for an unknown standard.
bool parse_std(const char* std, LangStd* out);

class Preprocessor {
 public:
  // `input` is the main file (its buffer is borrowed: it must be followed by a
  // NUL byte or be at least size bytes long and outlive the preprocessor).
  // Command-line macros (-D/-U/-include/-imacros) and predefines are
  // processed lazily, before the first token is returned.
  Preprocessor(CfreeCompiler* c, const CfreeCompileOptions* opts, const CfreeInput* input);
  ~Preprocessor();
  Preprocessor(const Preprocessor&) = delete;
  Preprocessor& operator=(const Preprocessor&) = delete;

  // The next fully expanded token.  Returns false at the end of the
  // translation unit (t.kind is then Tok::Eof, and stays so on later calls).
  // May throw Fatal.
  bool next(Token& t);

  CfreeCompiler* compiler() const;
  const LangStd& lang() const;

  // The keyword kind an identifier symbol has in the current mode, or
  // Tok::Identifier.  (Tokens already carry it in `kind`; this is for
  // symbols the parser interns itself.)
  Tok keyword_kind(CfreeSym sym) const;

  // The spelling of any token (a NUL-terminated copy is not made: use
  // t.text/t.len; identifiers can also use cfree_sym_str).
  static inline const char* spelling(const Token& t, size_t* len) {
    *len = t.len;
    return t.text;
  }

  // The private state (pp-impl.h); the -E printer works on it directly.
  struct Impl;
  Impl* impl() { return impl_; }

 private:
  Impl* impl_;
};

// The frontend's `preprocess` hook (cc -E, -dM, -M...): defined in pp-output.cpp.
CfreeStatus preprocess_to_writer(CfreeCompiler* c, const CfreeCompileOptions* opts,
                                 const CfreePreprocessOptions* pp, const CfreeInput* input,
                                 CfreeWriter* out);

}  // namespace cfree::c
