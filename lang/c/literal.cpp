// literal.cpp: decoding integer, floating, character and string literal
// spellings (C11 6.4.4.1, 6.4.4.2, 6.4.4.4, 6.4.5) with GCC's diagnostics.
#include "c/literal.h"

#include <cstdlib>
#include <cstring>
#include <string>

namespace cfree::c {

Encoding literal_encoding(const char* s, size_t len, size_t* prefix_len) {
  Encoding e = Encoding::Plain;
  size_t p = 0;
  if (len >= 2 && s[0] == 'u' && s[1] == '8') {
    e = Encoding::UTF8;
    p = 2;
  } else if (len >= 1 && s[0] == 'u') {
    e = Encoding::UTF16;
    p = 1;
  } else if (len >= 1 && s[0] == 'U') {
    e = Encoding::UTF32;
    p = 1;
  } else if (len >= 1 && s[0] == 'L') {
    e = Encoding::Wide;
    p = 1;
  }
  if (prefix_len) *prefix_len = p;
  return e;
}

bool number_is_float(const char* s, size_t len) {
  bool hex = len >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X');
  for (size_t i = 0; i < len; i++) {
    char c = s[i];
    if (c == '.') return true;
    if (!hex && (c == 'e' || c == 'E')) return true;
    if (hex && (c == 'p' || c == 'P')) return true;
  }
  return false;
}

namespace {

int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return 99;
}

}  // namespace

bool decode_int(CfreeCompiler* c, CfreeLoc loc, const char* s, size_t len, IntLiteral* out) {
  *out = IntLiteral{};
  size_t i = 0;
  int base = 10;
  if (len >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
    base = 16;
    i = 2;
  } else if (len >= 2 && s[0] == '0' && (s[1] == 'b' || s[1] == 'B')) {
    base = 2;
    i = 2;
  } else if (s[0] == '0') {
    base = 8;
  }
  out->is_decimal = base == 10;
  size_t digits_begin = i;
  uint64_t v = 0;
  bool overflow = false;
  for (; i < len; i++) {
    char ch = s[i];
    if (ch == '\'') continue;  // C23 digit separator
    int d = digit_value(ch);
    if (d >= base) {
      if (base == 8 && d < 10) {
        cfree_diag(c, CFREE_SEV_ERROR, loc, nullptr, "invalid digit \"%c\" in octal constant", ch);
        return false;
      }
      if (base == 2 && d < 10) {
        cfree_diag(c, CFREE_SEV_ERROR, loc, nullptr, "invalid digit \"%c\" in binary constant", ch);
        return false;
      }
      break;
    }
    uint64_t nv = v * static_cast<uint64_t>(base) + static_cast<uint64_t>(d);
    if (v > (UINT64_MAX - static_cast<uint64_t>(d)) / static_cast<uint64_t>(base)) overflow = true;
    v = nv;
  }
  if (i == digits_begin && base != 8) {
    cfree_diag(c, CFREE_SEV_ERROR, loc, nullptr, "invalid suffix \"%.*s\" on integer constant",
               static_cast<int>(len - 1), s + 1);
    return false;
  }
  // Suffix: u, l, ll (either order), GNU i/j.
  const char* suf = s + i;
  size_t sl = len - i;
  bool u = false, imag = false;
  int longs = 0;
  size_t k = 0;
  bool ok = true;
  while (k < sl && ok) {
    char ch = suf[k];
    if ((ch == 'u' || ch == 'U') && !u) {
      u = true;
      k++;
    } else if ((ch == 'l' || ch == 'L') && longs == 0) {
      if (k + 1 < sl && suf[k + 1] == ch) {
        longs = 2;
        k += 2;
      } else {
        longs = 1;
        k++;
      }
    } else if ((ch == 'i' || ch == 'j' || ch == 'I' || ch == 'J') && !imag) {
      imag = true;
      k++;
    } else {
      ok = false;
    }
  }
  if (!ok) {
    cfree_diag(c, CFREE_SEV_ERROR, loc, nullptr, "invalid suffix \"%.*s\" on integer constant",
               static_cast<int>(sl), suf);
    return false;
  }
  if (overflow) {
    cfree_diag(c, CFREE_SEV_ERROR, loc, nullptr, "integer constant is too large for its type");
    out->overflow = true;
  }
  out->value = v;
  out->is_unsigned = u;
  out->longs = static_cast<uint8_t>(longs);
  out->imaginary = imag;
  return true;
}

bool decode_float(CfreeCompiler* c, CfreeLoc loc, const char* s, size_t len, FloatLiteral* out) {
  *out = FloatLiteral{};
  std::string buf(s, len);
  // Strip the suffix.
  size_t e = len;
  bool hex = len >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X');
  while (e > 0) {
    char ch = buf[e - 1];
    if (ch == 'f' || ch == 'F' || ch == 'l' || ch == 'L' || ch == 'i' || ch == 'j' ||
        ch == 'I' || ch == 'J') {
      if (hex && (ch == 'f' || ch == 'F')) {
        // 'f' is a hex digit only before the exponent.
        size_t ppos = buf.find_first_of("pP");
        if (ppos == std::string::npos || e - 1 < ppos) break;
      }
      if (ch == 'f' || ch == 'F') out->suffix = 'f';
      else if (ch == 'l' || ch == 'L') out->suffix = 'l';
      else out->imaginary = true;
      e--;
      continue;
    }
    break;
  }
  std::string num = buf.substr(0, e);
  if (hex && num.find_first_of("pP") == std::string::npos) {
    cfree_diag(c, CFREE_SEV_ERROR, loc, nullptr, "hexadecimal floating constants require an exponent");
    return false;
  }
  char* endp = nullptr;
  out->value = std::strtold(num.c_str(), &endp);
  if (!endp || *endp) {
    cfree_diag(c, CFREE_SEV_ERROR, loc, nullptr, "invalid suffix \"%s\" on floating constant",
               num.c_str() + (endp ? endp - num.c_str() : 0));
    return false;
  }
  return true;
}

void append_utf8(std::vector<uint8_t>* out, uint32_t cp) {
  if (cp < 0x80) {
    out->push_back(static_cast<uint8_t>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<uint8_t>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<uint8_t>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<uint8_t>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<uint8_t>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<uint8_t>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<uint8_t>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<uint8_t>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<uint8_t>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<uint8_t>(0x80 | (cp & 0x3F)));
  }
}

namespace {

// Decode one UTF-8 sequence at s (bounded by e); advances s.
uint32_t read_utf8(const char*& s, const char* e) {
  auto b = static_cast<uint8_t>(*s++);
  if (b < 0x80) return b;
  int n = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : b >= 0xC0 ? 1 : 0;
  uint32_t cp = b & (0x3F >> n);
  for (int i = 0; i < n && s < e; i++) cp = (cp << 6) | (static_cast<uint8_t>(*s++) & 0x3F);
  return cp;
}

// Whether a well-formed UTF-8 sequence starts at s.
bool valid_utf8(const char* s, const char* e) {
  auto b = static_cast<uint8_t>(*s);
  int n = b >= 0xC2 && b <= 0xDF ? 1 : b >= 0xE0 && b <= 0xEF ? 2 : b >= 0xF0 && b <= 0xF4 ? 3 : 0;
  if (!n || e - s <= n) return false;
  for (int i = 1; i <= n; i++)
    if ((static_cast<uint8_t>(s[i]) & 0xC0) != 0x80) return false;
  return true;
}

// One character or escape of a literal body.  Returns false on error.
// *is_cp says whether the value is a code point (UCN / UTF-8 source char) that
// must be encoded, rather than a raw code unit (octal/hex escape).
bool read_char(CfreeCompiler* c, CfreeLoc loc, const char*& p, const char* e, uint64_t* value,
               bool* is_cp, uint32_t unit_bits) {
  *is_cp = false;
  if (*p != '\\') {
    if (static_cast<uint8_t>(*p) >= 0x80) {
      if (valid_utf8(p, e)) {
        *value = read_utf8(p, e);
        *is_cp = true;
        return true;
      }
      // Not UTF-8 (a Latin-1 source, say): GCC copies the byte unchanged.
      *value = static_cast<uint8_t>(*p++);
      return true;
    }
    *value = static_cast<uint8_t>(*p++);
    return true;
  }
  p++;
  if (p >= e) return false;
  char ch = *p++;
  switch (ch) {
    case 'n': *value = '\n'; return true;
    case 't': *value = '\t'; return true;
    case 'r': *value = '\r'; return true;
    case 'a': *value = 7; return true;
    case 'b': *value = 8; return true;
    case 'f': *value = 12; return true;
    case 'v': *value = 11; return true;
    case 'e': case 'E': *value = 27; return true;  // GNU
    case '\\': case '\'': case '"': case '?': *value = static_cast<uint8_t>(ch); return true;
    case 'x': {
      uint64_t v = 0;
      int nd = 0;
      bool over = false;
      while (p < e && digit_value(*p) < 16) {
        v = (v << 4) | static_cast<uint64_t>(digit_value(*p++));
        if (unit_bits < 64 && (v >> unit_bits)) over = true;
        nd++;
      }
      if (nd == 0) {
        cfree_diag(c, CFREE_SEV_ERROR, loc, nullptr, "\\x used with no following hex digits");
        return false;
      }
      if (over) cfree_diag(c, CFREE_SEV_WARNING, loc, nullptr, "hex escape sequence out of range");
      *value = unit_bits < 64 ? v & ((1ull << unit_bits) - 1) : v;
      return true;
    }
    case 'u':
    case 'U': {
      int n = ch == 'u' ? 4 : 8;
      uint32_t v = 0;
      for (int i = 0; i < n; i++) {
        if (p >= e || digit_value(*p) >= 16) {
          cfree_diag(c, CFREE_SEV_ERROR, loc, nullptr, "incomplete universal character name");
          return false;
        }
        v = (v << 4) | static_cast<uint32_t>(digit_value(*p++));
      }
      *value = v;
      *is_cp = true;
      return true;
    }
    default:
      if (ch >= '0' && ch <= '7') {
        uint64_t v = static_cast<uint64_t>(ch - '0');
        for (int i = 0; i < 2 && p < e && *p >= '0' && *p <= '7'; i++) v = v * 8 + static_cast<uint64_t>(*p++ - '0');
        if (unit_bits < 64 && (v >> unit_bits))
          cfree_diag(c, CFREE_SEV_WARNING, loc, nullptr, "octal escape sequence out of range");
        *value = unit_bits < 64 ? v & ((1ull << unit_bits) - 1) : v;
        return true;
      }
      cfree_diag(c, CFREE_SEV_WARNING, loc, nullptr, "unknown escape sequence: '\\%c'", ch);
      *value = static_cast<uint8_t>(ch);
      return true;
  }
}

}  // namespace

bool decode_char(CfreeCompiler* c, CfreeLoc loc, const char* s, size_t len, bool plain_char_signed,
                 uint32_t wchar_bytes, bool wchar_signed, CharLiteral* out) {
  size_t pl = 0;
  out->enc = literal_encoding(s, len, &pl);
  const char* p = s + pl + 1;
  const char* e = s + len - 1;
  if (p > e) return false;
  if (p == e) {
    cfree_diag(c, CFREE_SEV_ERROR, loc, nullptr, "empty character constant");
    return false;
  }
  uint32_t bits = out->enc == Encoding::Plain || out->enc == Encoding::UTF8 ? 8
                  : out->enc == Encoding::UTF16 ? 16
                  : out->enc == Encoding::UTF32 ? 32 : wchar_bytes * 8;
  int64_t result = 0;
  int nchars = 0;
  while (p < e) {
    uint64_t v;
    bool cp;
    if (!read_char(c, loc, p, e, &v, &cp, bits)) return false;
    if (cp && bits == 8) {
      // A multibyte character in a plain constant: its UTF-8 bytes.
      std::vector<uint8_t> b;
      append_utf8(&b, static_cast<uint32_t>(v));
      for (uint8_t x : b) {
        result = (result << 8) | x;
        nchars++;
      }
      continue;
    }
    if (bits == 8) {
      result = (result << 8) | static_cast<int64_t>(v & 0xFF);
    } else {
      result = static_cast<int64_t>(v);
    }
    nchars++;
  }
  if (bits == 8) {
    if (nchars > 1) {
      if (nchars > 4)
        cfree_diag(c, CFREE_SEV_WARNING, loc, nullptr, "character constant too long for its type");
      else
        cfree_diag_range(c, CFREE_SEV_WARNING, loc, loc, loc + static_cast<CfreeLoc>(len), "multichar",
                         "multi-character character constant");
      out->value = static_cast<int32_t>(static_cast<uint32_t>(result));
    } else {
      out->value = plain_char_signed && out->enc == Encoding::Plain ? static_cast<int8_t>(result)
                                                                    : static_cast<uint8_t>(result);
    }
  } else {
    if (nchars > 1)
      cfree_diag(c, CFREE_SEV_WARNING, loc, nullptr, "character constant too long for its type");
    if (bits == 16) out->value = static_cast<uint16_t>(result);
    else if (bits == 32 && (out->enc == Encoding::Wide && wchar_signed)) out->value = static_cast<int32_t>(result);
    else out->value = static_cast<uint32_t>(result);
  }
  return true;
}

bool decode_strings(CfreeCompiler* c, const Token* toks, size_t n, uint32_t wchar_bytes,
                    std::vector<uint8_t>* out, Encoding* enc, uint32_t* unit_bytes) {
  out->clear();
  Encoding re = Encoding::Plain;
  for (size_t i = 0; i < n; i++) {
    Encoding e = literal_encoding(toks[i].text, toks[i].len, nullptr);
    if (e == Encoding::Plain) continue;
    if (re != Encoding::Plain && re != e) {
      cfree_diag(c, CFREE_SEV_ERROR, toks[i].loc, nullptr,
                 "unsupported non-standard concatenation of string literals");
      return false;
    }
    re = e;
  }
  uint32_t ub = re == Encoding::Plain || re == Encoding::UTF8 ? 1
                : re == Encoding::UTF16 ? 2 : re == Encoding::UTF32 ? 4 : wchar_bytes;
  *enc = re;
  *unit_bytes = ub;
  auto put_unit = [&](uint32_t u) {
    for (uint32_t k = 0; k < ub; k++) out->push_back(static_cast<uint8_t>(u >> (8 * k)));
  };
  std::vector<uint8_t> tmp;
  for (size_t i = 0; i < n; i++) {
    size_t pl = 0;
    literal_encoding(toks[i].text, toks[i].len, &pl);
    const char* p = toks[i].text + pl + 1;
    const char* e = toks[i].text + toks[i].len - 1;
    while (p < e) {
      uint64_t v;
      bool cp;
      if (!read_char(c, toks[i].loc, p, e, &v, &cp, ub * 8)) return false;
      if (!cp) {
        put_unit(static_cast<uint32_t>(v));
        continue;
      }
      uint32_t code = static_cast<uint32_t>(v);
      if (ub == 1) {
        tmp.clear();
        append_utf8(&tmp, code);
        for (uint8_t b : tmp) out->push_back(b);
      } else if (ub == 2) {
        if (code >= 0x10000) {
          code -= 0x10000;
          put_unit(0xD800 + (code >> 10));
          put_unit(0xDC00 + (code & 0x3FF));
        } else {
          put_unit(code);
        }
      } else {
        put_unit(code);
      }
    }
  }
  return true;
}

}  // namespace cfree::c
