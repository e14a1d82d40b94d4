// token.h: the C token, as the preprocessor hands it to the parser.
//
// One fixed-size, trivially copyable record per token (24 bytes), no heap
// behind it.  The kind says what the token is: every C punctuator (C11 6.4.6,
// digraphs map to the same kind as their primary spelling), every keyword of
// C11/C17 plus the C23 and GNU spellings that system headers use (6.4.1; GNU
// alternates such as __asm__/__asm/asm share one kind), identifiers, pp-numbers
// and character/string literals.  Keywords are recognised by kind, so the
// parser never compares identifier spellings; they still carry their interned
// symbol, because for the preprocessor a keyword is just an identifier (a
// macro may be named `int`).  Literals keep the exact spelling (pointer +
// length, never containing line splices) and are decoded lazily by
// lang/c/literal.h when the parser needs the value.
#pragma once

#include <cfree/frontend.h>

#include <cstddef>
#include <cstdint>

namespace cfree::c {

// Punctuators: X(kind, spelling).  Digraphs (<: :> <% %> %: %:%:) produce the
// kind of the token they stand for; the spelling pointer keeps the digraph.
#define CFREE_C_PUNCTUATORS(X) \
  X(LBracket, "[")             \
  X(RBracket, "]")             \
  X(LParen, "(")               \
  X(RParen, ")")               \
  X(LBrace, "{")               \
  X(RBrace, "}")               \
  X(Dot, ".")                  \
  X(Arrow, "->")               \
  X(PlusPlus, "++")            \
  X(MinusMinus, "--")          \
  X(Amp, "&")                  \
  X(Star, "*")                 \
  X(Plus, "+")                 \
  X(Minus, "-")                \
  X(Tilde, "~")                \
  X(Bang, "!")                 \
  X(Slash, "/")                \
  X(Percent, "%")              \
  X(LessLess, "<<")            \
  X(GreaterGreater, ">>")      \
  X(Less, "<")                 \
  X(Greater, ">")              \
  X(LessEqual, "<=")           \
  X(GreaterEqual, ">=")        \
  X(EqualEqual, "==")          \
  X(BangEqual, "!=")           \
  X(Caret, "^")                \
  X(Pipe, "|")                 \
  X(AmpAmp, "&&")              \
  X(PipePipe, "||")            \
  X(Question, "?")             \
  X(Colon, ":")                \
  X(Semi, ";")                 \
  X(Ellipsis, "...")           \
  X(Equal, "=")                \
  X(StarEqual, "*=")           \
  X(SlashEqual, "/=")          \
  X(PercentEqual, "%=")        \
  X(PlusEqual, "+=")           \
  X(MinusEqual, "-=")          \
  X(LessLessEqual, "<<=")      \
  X(GreaterGreaterEqual, ">>=") \
  X(AmpEqual, "&=")            \
  X(CaretEqual, "^=")          \
  X(PipeEqual, "|=")           \
  X(Comma, ",")                \
  X(Hash, "#")                 \
  X(HashHash, "##")            \
  X(ColonColon, "::")

// Keywords: X(kind, primary spelling).  Other spellings of the same keyword
// (GNU __x__/__x forms, C23 lower-case forms) are listed in kKeywordSpellings
// in lexer.cpp together with the -std modes in which they are keywords.
#define CFREE_C_KEYWORDS(X)                                      \
  X(KwAuto, "auto")                                              \
  X(KwBreak, "break")                                            \
  X(KwCase, "case")                                              \
  X(KwChar, "char")                                              \
  X(KwConst, "const")             /* __const __const__ */        \
  X(KwContinue, "continue")                                      \
  X(KwDefault, "default")                                        \
  X(KwDo, "do")                                                  \
  X(KwDouble, "double")                                          \
  X(KwElse, "else")                                              \
  X(KwEnum, "enum")                                              \
  X(KwExtern, "extern")                                          \
  X(KwFloat, "float")                                            \
  X(KwFor, "for")                                                \
  X(KwGoto, "goto")                                              \
  X(KwIf, "if")                                                  \
  X(KwInline, "inline")           /* __inline __inline__ */      \
  X(KwInt, "int")                                                \
  X(KwLong, "long")                                              \
  X(KwRegister, "register")                                      \
  X(KwRestrict, "restrict")       /* __restrict __restrict__ */  \
  X(KwReturn, "return")                                          \
  X(KwShort, "short")                                            \
  X(KwSigned, "signed")           /* __signed __signed__ */      \
  X(KwSizeof, "sizeof")                                          \
  X(KwStatic, "static")                                          \
  X(KwStruct, "struct")                                          \
  X(KwSwitch, "switch")                                          \
  X(KwTypedef, "typedef")                                        \
  X(KwUnion, "union")                                            \
  X(KwUnsigned, "unsigned")                                      \
  X(KwVoid, "void")                                              \
  X(KwVolatile, "volatile")       /* __volatile __volatile__ */  \
  X(KwWhile, "while")                                            \
  X(KwAlignas, "_Alignas")        /* C23 alignas */              \
  X(KwAlignof, "_Alignof")        /* __alignof __alignof__, C23 alignof */ \
  X(KwAtomic, "_Atomic")                                         \
  X(KwBool, "_Bool")              /* C23 bool */                 \
  X(KwComplex, "_Complex")        /* __complex __complex__ */    \
  X(KwGeneric, "_Generic")                                       \
  X(KwImaginary, "_Imaginary")                                   \
  X(KwNoreturn, "_Noreturn")                                     \
  X(KwStaticAssert, "_Static_assert") /* C23 static_assert */    \
  X(KwThreadLocal, "_Thread_local") /* __thread, C23 thread_local */ \
  X(KwTrue, "true")               /* C23 */                      \
  X(KwFalse, "false")             /* C23 */                      \
  X(KwNullptr, "nullptr")         /* C23 */                      \
  X(KwConstexpr, "constexpr")     /* C23 */                      \
  X(KwTypeofUnqual, "typeof_unqual") /* C23, __typeof_unqual__ */ \
  X(KwAsm, "__asm__")             /* __asm, asm (gnu modes) */   \
  X(KwAttribute, "__attribute__") /* __attribute */              \
  X(KwTypeof, "__typeof__")       /* __typeof, typeof (gnu, C23) */ \
  X(KwExtension, "__extension__")                                \
  X(KwLabel, "__label__")                                        \
  X(KwAutoType, "__auto_type")                                   \
  X(KwReal, "__real__")           /* __real */                   \
  X(KwImag, "__imag__")           /* __imag */                   \
  X(KwInt128, "__int128")         /* __int128__ */               \
  X(KwFloat128, "_Float128")      /* __float128 */               \
  X(KwFloat16, "_Float16")                                       \
  X(KwFloat32, "_Float32")                                       \
  X(KwFloat64, "_Float64")                                       \
  X(KwFloat32x, "_Float32x")                                     \
  X(KwFloat64x, "_Float64x")                                     \
  X(KwDecimal32, "_Decimal32")                                   \
  X(KwDecimal64, "_Decimal64")                                   \
  X(KwDecimal128, "_Decimal128")                                 \
  X(KwFunc, "__func__")           /* __FUNCTION__ __PRETTY_FUNCTION__ */ \
  X(KwBuiltinVaArg, "__builtin_va_arg")                          \
  X(KwBuiltinVaList, "__builtin_va_list")                        \
  X(KwBuiltinOffsetof, "__builtin_offsetof")                     \
  X(KwBuiltinTypesCompatibleP, "__builtin_types_compatible_p")   \
  X(KwBuiltinChooseExpr, "__builtin_choose_expr")                \
  X(KwBuiltinConvertvector, "__builtin_convertvector")           \
  X(KwBuiltinBitCast, "__builtin_bit_cast")

enum class Tok : uint8_t {
  Eof = 0,
  Identifier,  // sym set; never a keyword spelling in the current -std mode
  Number,      // a pp-number (6.4.8): integer or floating constant, or garbage
  CharConst,   // 'x' u8'x' u'x' U'x' L'x' (the prefix is in the spelling)
  String,      // "x" u8"x" u"x" U"x" L"x" (the prefix is in the spelling)
  Unknown,     // a character that is no token (stray `\`, `@`, `$` when disabled, ...)
  // A pragma the preprocessor passes through (from #pragma or _Pragma).  text/len
  // cover the pragma's tokens after `pragma`, as a destringized line of text.
  Pragma,
#define CFREE_C_TOK_ENUM(kind, spelling) kind,
  CFREE_C_PUNCTUATORS(CFREE_C_TOK_ENUM)
  CFREE_C_KEYWORDS(CFREE_C_TOK_ENUM)
#undef CFREE_C_TOK_ENUM
  // Internal to the preprocessor; never returned by Preprocessor::next().
  Eod,         // end of a directive line
  HeaderName,  // <...> in #include
  Placemarker, // 6.10.3.3
  MacroArg,    // a parameter reference in a macro body (aux = index)
  Comment,     // only with -C
  Count
};

constexpr Tok kFirstPunct = Tok::LBracket;
constexpr Tok kFirstKeyword = Tok::KwAuto;
constexpr Tok kLastKeyword = Tok::KwBuiltinBitCast;

inline bool is_keyword(Tok k) { return k >= kFirstKeyword && k <= kLastKeyword; }
inline bool is_punct(Tok k) { return k >= kFirstPunct && k < kFirstKeyword; }

// The primary spelling of a kind ("+=", "int", "__asm__"), or a description
// ("identifier", "end of file") for the others.  Never NULL.
const char* tok_name(Tok k);

// Token flags.
enum : uint16_t {
  kTokBOL = 1u << 0,        // first token on its (logical) line
  kTokSpace = 1u << 1,      // preceded by white space or a comment
  kTokNoExpand = 1u << 2,   // "painted blue" (6.10.3.4p2): never expanded again
  kTokFromMacro = 1u << 3,  // produced by a macro expansion (loc is a macro location)
  kTokStringified = 1u << 4, // produced by # (text lives in the preprocessor's arena)
  kTokPasted = 1u << 5,     // produced by ## (text lives in the preprocessor's arena)
  kTokVaOpt = 1u << 6,      // internal: __VA_OPT__ bookkeeping
  kTokHashOperand = 1u << 7, // internal: macro parameter operand of #
  kTokPasteLeft = 1u << 8,  // internal: left operand of ## in a macro body
  kTokAvoidPaste = 1u << 9, // -E output: needs a space to avoid accidental pasting
};

struct Token {
  Tok kind = Tok::Eof;
  uint8_t aux = 0;      // MacroArg: parameter index (internal)
  uint16_t flags = 0;
  CfreeLoc loc = 0;     // location of the first character (a macro location if expanded)
  CfreeSym sym = 0;     // identifiers and keywords: the interned spelling; else 0
  uint32_t len = 0;     // length of the spelling
  const char* text = nullptr;  // the spelling (no line splices), not NUL-terminated

  bool is(Tok k) const { return kind == k; }
  // Identifier or keyword: what the preprocessor treats as an identifier.
  bool is_ident_like() const { return sym != 0; }
  bool at_bol() const { return flags & kTokBOL; }
  bool has_space() const { return flags & kTokSpace; }
};

static_assert(sizeof(Token) == 24, "Token must stay compact");

}  // namespace cfree::c
