// token.cpp: names of token kinds, for diagnostics and the -E printer.
#include "c/token.h"

namespace cfree::c {

const char* tok_name(Tok k) {
  switch (k) {
    case Tok::Eof: return "end of file";
    case Tok::Identifier: return "identifier";
    case Tok::Number: return "numeric constant";
    case Tok::CharConst: return "character constant";
    case Tok::String: return "string literal";
    case Tok::Unknown: return "stray character";
    case Tok::Pragma: return "#pragma";
#define CFREE_C_TOK_CASE(kind, spelling) \
  case Tok::kind:                        \
    return spelling;
      CFREE_C_PUNCTUATORS(CFREE_C_TOK_CASE)
      CFREE_C_KEYWORDS(CFREE_C_TOK_CASE)
#undef CFREE_C_TOK_CASE
    case Tok::Eod: return "end of line";
    case Tok::HeaderName: return "header name";
    case Tok::Placemarker: return "placemarker";
    case Tok::MacroArg: return "macro argument";
    case Tok::Comment: return "comment";
    case Tok::Count: break;
  }
  return "token";
}

}  // namespace cfree::c
