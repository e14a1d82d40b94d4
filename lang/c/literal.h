// literal.h: decoding C literal spellings (C11 6.4.4, 6.4.5) into values.
//
// The lexer keeps literals as spellings; the parser calls these when it needs
// a value.  Integer constants give their value and the suffix (the parser
// picks the type by 6.4.4.1p5 with the target's sizes); floating constants
// (decimal and hex) give a long double-precise value parsed exactly with
// strtold semantics; character constants their int value (multi-character
// constants as GCC computes them); string literals their bytes in the
// encoding of their prefix, with escapes and UCNs decoded and adjacent
// literals concatenated (6.4.5p5: the result takes the wide prefix if any).
// Errors are reported with cfree_diag at the literal's location.
#pragma once

#include "c/token.h"

#include <cstdint>
#include <vector>

namespace cfree::c {

enum class Encoding : uint8_t {
  Plain,  // "x" 'x'        char
  UTF8,   // u8"x" u8'x'    char (C23: unsigned char for u8 chars)
  Wide,   // L"x" L'x'      wchar_t
  UTF16,  // u"x" u'x'      char16_t
  UTF32   // U"x" U'x'      char32_t
};

// The encoding prefix of a char/string spelling and the length of the prefix.
Encoding literal_encoding(const char* spelling, size_t len, size_t* prefix_len);

struct IntLiteral {
  uint64_t value = 0;
  bool is_unsigned = false;  // u/U suffix
  uint8_t longs = 0;         // 0, 1 (l/L) or 2 (ll/LL)
  bool is_decimal = false;   // decimal constants never become unsigned implicitly (C99+)
  bool overflow = false;     // does not fit in 64 bits (reported as an error)
  bool imaginary = false;    // GNU i/j suffix
};

struct FloatLiteral {
  long double value = 0;
  char suffix = 0;           // 0, 'f' or 'l'
  bool imaginary = false;    // GNU i/j suffix
};

// Classify a pp-number: true if it is a floating constant spelling (has a
// '.', or a decimal exponent e/E without 0x prefix, or a p/P exponent with it).
bool number_is_float(const char* s, size_t len);

// Decode an integer constant.  Returns false (after an error diagnostic at
// `loc`) for an invalid spelling or suffix.
bool decode_int(CfreeCompiler* c, CfreeLoc loc, const char* s, size_t len, IntLiteral* out);
// Decode a floating constant.  Returns false after an error.
bool decode_float(CfreeCompiler* c, CfreeLoc loc, const char* s, size_t len, FloatLiteral* out);

// Decode a character constant.  For plain constants the value is as GCC
// computes it for a signed `char` (plain_char_signed) target: 'ab' is
// ('a' << 8 | 'b') with a -Wmultichar warning.  Wide/UTF constants give the
// code unit value.  Returns false after an error.
struct CharLiteral {
  int64_t value = 0;
  Encoding enc = Encoding::Plain;
};
bool decode_char(CfreeCompiler* c, CfreeLoc loc, const char* s, size_t len, bool plain_char_signed,
                 uint32_t wchar_bytes, bool wchar_signed, CharLiteral* out);

// Decode and concatenate adjacent string literal tokens toks[0..n) into
// `out`: the code units in the result encoding (1, 2 or 4 bytes each, host
// byte order), WITHOUT the terminating NUL.  *enc receives the result
// encoding; *unit_bytes its code unit size (wchar_bytes for Wide).  Mixing
// different non-plain prefixes is an error.  Returns false after an error.
bool decode_strings(CfreeCompiler* c, const Token* toks, size_t n, uint32_t wchar_bytes,
                    std::vector<uint8_t>* out, Encoding* enc, uint32_t* unit_bytes);

// Append the UTF-8 encoding of code point cp to out.
void append_utf8(std::vector<uint8_t>* out, uint32_t cp);

}  // namespace cfree::c
