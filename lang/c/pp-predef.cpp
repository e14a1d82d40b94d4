// pp-predef.cpp: predefined macros (C11 6.10.8 and the target's GCC set),
// the dynamic built-in macros (__FILE__, __LINE__, __COUNTER__, ...), the
// _Pragma operator and the __has_* feature tests.
//
// The target tables (predef-<arch>.inc) are data generated from GCC 12 by
// test/pp/gen-predef.sh, so real headers that test __SIZEOF_*__,
// __INT32_TYPE__-style or __GNUC__ macros see what they see under GCC.
// Macros that depend on options (-std, -O, -fpic/-fpie, assembler-with-cpp)
// are added here.  The __has_attribute/__has_builtin answers list what the
// cfree C frontend accepts (issue 4), not everything GCC knows.
#include "c/pp-impl.h"

#include <cstdio>

namespace cfree::c {

namespace {

struct Predef {
  const char* name;
  const char* value;
};

constexpr Predef kX86_64[] = {
#include "c/predef-x86_64.inc"
};
constexpr Predef kAArch64[] = {
#include "c/predef-aarch64.inc"
};
constexpr Predef kRiscv64[] = {
#include "c/predef-riscv64.inc"
};

// GNU attributes the C frontend accepts (__has_attribute answers 1; GCC's
// own answer for these is 1 too).  Spellings with and without __x__.
constexpr const char* kAttributes[] = {
    "aligned", "packed", "noreturn", "unused", "used", "format", "format_arg", "visibility",
    "weak", "alias", "weakref", "section", "constructor", "destructor", "cleanup",
    "always_inline", "noinline", "deprecated", "mode", "const", "pure", "malloc", "nonnull",
    "returns_nonnull", "warn_unused_result", "nothrow", "leaf", "cold", "hot", "sentinel",
    "may_alias", "transparent_union", "alloc_size", "alloc_align", "assume_aligned",
    "artificial", "gnu_inline", "error", "warning", "externally_visible", "flatten", "noclone",
    "no_instrument_function", "fallthrough", "copy", "nonstring", "access", "tls_model",
    "unavailable", "noipa", "returns_twice", "naked", "no_reorder", "no_split_stack",
    "optimize", "target", "designated_init", "scalar_storage_order", "vector_size",
    "ifunc", "common", "nocommon", "no_stack_protector", "no_sanitize", "no_sanitize_address",
    "no_sanitize_undefined", "no_sanitize_thread", "no_address_safety_analysis",
    "no_profile_instrument_function", "noplt", "patchable_function_entry", "retain",
    "symver", "zero_call_used_regs", "fd_arg", "fd_arg_read", "fd_arg_write",
};

// Standard C attributes: __has_c_attribute values as GCC 12 reports them.
constexpr struct {
  const char* name;
  int value;
} kCAttributes[] = {
    {"deprecated", 201904}, {"fallthrough", 201904}, {"maybe_unused", 201904},
    {"nodiscard", 202003},
};

// Builtins the C frontend implements (issue 4's list).
constexpr const char* kBuiltins[] = {
    "__builtin_va_start", "__builtin_va_end", "__builtin_va_arg", "__builtin_va_copy",
    "__builtin_va_list", "__builtin_offsetof", "__builtin_expect", "__builtin_constant_p",
    "__builtin_types_compatible_p", "__builtin_choose_expr", "__builtin_unreachable",
    "__builtin_trap", "__builtin_abort", "__builtin_bswap16", "__builtin_bswap32",
    "__builtin_bswap64", "__builtin_clz", "__builtin_clzl", "__builtin_clzll", "__builtin_ctz",
    "__builtin_ctzl", "__builtin_ctzll", "__builtin_popcount", "__builtin_popcountl",
    "__builtin_popcountll", "__builtin_parity", "__builtin_parityl", "__builtin_parityll",
    "__builtin_ffs", "__builtin_ffsl", "__builtin_ffsll", "__builtin_add_overflow",
    "__builtin_sub_overflow", "__builtin_mul_overflow", "__builtin_sadd_overflow",
    "__builtin_saddl_overflow", "__builtin_saddll_overflow", "__builtin_uadd_overflow",
    "__builtin_uaddl_overflow", "__builtin_uaddll_overflow", "__builtin_ssub_overflow",
    "__builtin_ssubl_overflow", "__builtin_ssubll_overflow", "__builtin_usub_overflow",
    "__builtin_usubl_overflow", "__builtin_usubll_overflow", "__builtin_smul_overflow",
    "__builtin_smull_overflow", "__builtin_smulll_overflow", "__builtin_umul_overflow",
    "__builtin_umull_overflow", "__builtin_umulll_overflow", "__builtin_memcpy",
    "__builtin_memmove", "__builtin_memset", "__builtin_memcmp", "__builtin_strlen",
    "__builtin_strcmp", "__builtin_strcpy", "__builtin_strncpy", "__builtin_strcat",
    "__builtin_strchr", "__builtin_huge_val", "__builtin_huge_valf", "__builtin_huge_vall",
    "__builtin_inf", "__builtin_inff", "__builtin_infl", "__builtin_nan", "__builtin_nanf",
    "__builtin_nanl", "__builtin_frame_address", "__builtin_return_address",
    "__builtin_prefetch", "__builtin_alloca",
};

bool match_attr(const char* name, size_t len, const char* a) {
  size_t al = std::strlen(a);
  if (len == al && std::memcmp(name, a, len) == 0) return true;
  return len == al + 4 && name[0] == '_' && name[1] == '_' && name[len - 1] == '_' &&
         name[len - 2] == '_' && std::memcmp(name + 2, a, al) == 0;
}

// Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
void civil(int64_t days, int* y, int* m, int* d) {
  days += 719468;
  int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  int64_t doe = days - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t yy = yoe + era * 400;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  *d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  *m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *y = static_cast<int>(yy + (*m <= 2));
}

}  // namespace

void Preprocessor::Impl::predefine(std::string& out) {
  auto def = [&](const char* name, const char* value) {
    out += "#define ";
    out += name;
    out += ' ';
    out += value;
    out += '\n';
  };
  bool freestanding = false;
  if (opts)
    for (size_t i = 0; i < opts->n_extra_args; i++)
      if (!std::strcmp(opts->extra_args[i], "-ffreestanding")) freestanding = true;
  def("__STDC__", "1");
  if (!asm_mode) {
    if (lang.version != 198900) {
      char v[32];
      std::snprintf(v, sizeof v, "%dL", lang.version);
      def("__STDC_VERSION__", v);
    }
    // GCC defines these for C11 and later, and for gnu99.
    if (lang.version >= 201112 || (lang.version == 199901 && lang.gnu)) {
      def("__STDC_UTF_16__", "1");
      def("__STDC_UTF_32__", "1");
    }
  } else {
    def("__ASSEMBLER__", "1");
  }
  def("__STDC_HOSTED__", freestanding ? "0" : "1");
  if (lang.version >= 199901) def("__GNUC_STDC_INLINE__", "1");
  else def("__GNUC_GNU_INLINE__", "1");
  const Predef* table = kX86_64;
  size_t n = sizeof kX86_64 / sizeof kX86_64[0];
  if (target.arch == CFREE_ARCH_AARCH64) {
    table = kAArch64;
    n = sizeof kAArch64 / sizeof kAArch64[0];
  } else if (target.arch == CFREE_ARCH_RISCV64) {
    table = kRiscv64;
    n = sizeof kRiscv64 / sizeof kRiscv64[0];
  }
  for (size_t i = 0; i < n; i++) def(table[i].name, table[i].value);
  if (!lang.gnu) {
    def("__STRICT_ANSI__", "1");
  } else {
    def("unix", "1");
    def("linux", "1");
  }
  int opt = opts ? opts->opt_level : 0;
  bool opt_size = false;
  if (opts)
    for (size_t i = 0; i < opts->n_extra_args; i++)
      if (!std::strcmp(opts->extra_args[i], "-Os") || !std::strcmp(opts->extra_args[i], "-Oz"))
        opt_size = true;
  if (opt > 0) {
    def("__OPTIMIZE__", "1");
    if (opt_size) def("__OPTIMIZE_SIZE__", "1");
  } else {
    def("__NO_INLINE__", "1");
  }
  if (target.arch == CFREE_ARCH_RISCV64) {
    // The code model follows position independence (GCC's riscv defaults).
    if (opts && opts->pic) {
      def("__riscv_cmodel_medany", "1");
      def("__riscv_cmodel_pic", "1");
    } else {
      def("__riscv_cmodel_medlow", "1");
    }
  }
  if (opts && opts->pic) {
    const char* v = opts->pic == 2 ? "2" : "1";
    def("__pic__", v);
    def("__PIC__", v);
    if (opts->pie) {
      def("__pie__", v);
      def("__PIE__", v);
    }
  }
  // The dynamic built-ins.
  define_builtin("__FILE__", Builtin::File);
  define_builtin("__LINE__", Builtin::Line);
  define_builtin("__COUNTER__", Builtin::Counter);
  define_builtin("__INCLUDE_LEVEL__", Builtin::IncludeLevel);
  define_builtin("__BASE_FILE__", Builtin::BaseFile);
  define_builtin("__DATE__", Builtin::Date);
  define_builtin("__TIME__", Builtin::Time);
  define_builtin("__TIMESTAMP__", Builtin::Timestamp);
  define_builtin("__has_include", Builtin::HasInclude);
  define_builtin("__has_include_next", Builtin::HasIncludeNext);
  define_builtin("__has_attribute", Builtin::HasAttribute);
  define_builtin("__has_cpp_attribute", Builtin::HasAttribute);
  define_builtin("__has_c_attribute", Builtin::HasCAttribute);
  define_builtin("__has_builtin", Builtin::HasBuiltin);
  if (!asm_mode) define_builtin("_Pragma", Builtin::Pragma);
}

bool Preprocessor::Impl::has_attribute(CfreeSym name, bool c_attr, i64* value) {
  size_t len = 0;
  const char* s = cfree_sym_str(c, name, &len);
  if (c_attr) {
    for (const auto& a : kCAttributes)
      if (match_attr(s, len, a.name)) {
        *value = a.value;
        return true;
      }
    *value = 0;
    return false;
  }
  for (const char* a : kAttributes)
    if (match_attr(s, len, a)) {
      *value = 1;
      return true;
    }
  *value = 0;
  return false;
}

bool Preprocessor::Impl::has_builtin(CfreeSym name) {
  size_t len = 0;
  const char* s = cfree_sym_str(c, name, &len);
  for (const char* b : kBuiltins)
    if (std::strlen(b) == len && std::memcmp(b, s, len) == 0) return true;
  return false;
}

void Preprocessor::Impl::push_number(u64 v, const Token& at) {
  char buf[32];
  int n = std::snprintf(buf, sizeof buf, "%llu", static_cast<unsigned long long>(v));
  Token* t = alloc_tokens(1);
  scratch_used = true;
  *t = Token{};
  t->kind = Tok::Number;
  t->text = perm_dup(buf, static_cast<size_t>(n));
  t->len = static_cast<u32>(n);
  t->loc = at.loc;
  t->flags = static_cast<u16>(ctx.empty() ? (at.flags & kTokSystem) : kTokBuiltinLoc);
  push_tokens(t, 1, nullptr);
}

void Preprocessor::Impl::push_string(const std::string& text, const Token& at) {
  std::string s = "\"";
  for (char ch : text) {
    if (ch == '"' || ch == '\\') s += '\\';
    s += ch;
  }
  s += '"';
  Token* t = alloc_tokens(1);
  scratch_used = true;
  *t = Token{};
  t->kind = Tok::String;
  t->text = perm_dup(s.data(), s.size());
  t->len = static_cast<u32>(s.size());
  t->loc = at.loc;
  t->flags = static_cast<u16>(ctx.empty() ? (at.flags & kTokSystem) : kTokBuiltinLoc);
  push_tokens(t, 1, nullptr);
}

bool Preprocessor::Impl::expand_builtin(Macro* m, Token& name) {
  switch (m->builtin) {
    case Builtin::File:
    case Builtin::BaseFile: {
      // The presumed file of the name's location (its expansion point when
      // it comes from a macro body), as GCC resolves it.
      const char* nm = base_file;
      if (m->builtin == Builtin::File) {
        CfreePresumedLoc pl;
        Source* f = cur_file();
        nm = f ? f->name : "";
        if (!(name.flags & kTokBuiltinLoc) && cfree_source_presumed(c, name.loc, &pl) && pl.file)
          nm = pl.file;
        if (f && f->cmdline) nm = f->name;
      }
      push_string(nm ? nm : "", name);
      return true;
    }
    case Builtin::Line: {
      // The line of the name, or of the outermost expansion point when the
      // name comes from a macro body (GCC).  Found from the lexer's position
      // when possible: asking the source manager builds a line table.
      Source& s = stack.back();
      i64 line = s.cmdline ? 0 : static_cast<i64>(s.line) + s.line_delta;
      CfreeLoc at = (name.flags & kTokFromMacro) ? top_exp_loc : name.loc;
      u32 phys = 0;
      CfreePresumedLoc pl;
      if (s.cmdline) {
      } else if (line_in_current(s, at, &phys)) {
        line = static_cast<i64>(phys) + s.line_delta;
      } else if (cfree_source_presumed(c, name.loc, &pl) && pl.line) {
        line = pl.line;
      }
      push_number(static_cast<u64>(line < 0 ? 0 : line), name);
      return true;
    }
    case Builtin::Counter:
      push_number(counter++, name);
      return true;
    case Builtin::IncludeLevel: {
      u64 level = 0;
      for (const Source& s : stack)
        if (s.file && !s.is_main) level++;
      push_number(level, name);
      return true;
    }
    case Builtin::Date:
    case Builtin::Time:
    case Builtin::Timestamp: {
      const CfreeEnv* env = cfree_compiler_env(c);
      int64_t now = env->now ? env->now(env->now_ctx) : 0;
      static constexpr const char* kMon[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
      static constexpr const char* kDay[] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};
      int64_t days = now >= 0 ? now / 86400 : (now - 86399) / 86400;
      int64_t secs = now - days * 86400;
      int y, mo, d;
      civil(days, &y, &mo, &d);
      char buf[64];
      if (m->builtin == Builtin::Date)
        std::snprintf(buf, sizeof buf, "%s %2d %d", kMon[mo - 1], d, y);
      else if (m->builtin == Builtin::Time)
        std::snprintf(buf, sizeof buf, "%02d:%02d:%02d", static_cast<int>(secs / 3600),
                      static_cast<int>(secs / 60 % 60), static_cast<int>(secs % 60));
      else
        std::snprintf(buf, sizeof buf, "%s %s %2d %02d:%02d:%02d %d", kDay[((days % 7) + 7) % 7],
                      kMon[mo - 1], d, static_cast<int>(secs / 3600),
                      static_cast<int>(secs / 60 % 60), static_cast<int>(secs % 60), y);
      push_string(buf, name);
      return true;
    }
    case Builtin::HasInclude:
    case Builtin::HasIncludeNext: {
      if (!in_if) {
        diag(CFREE_SEV_ERROR, name.loc, nullptr, "\"%.*s\" used outside of preprocessing directive",
             static_cast<int>(name.len), name.text);
        return false;
      }
      Token t;
      prevent_expansion++;
      do get_token(t); while (t.kind == kPadding);
      prevent_expansion--;
      if (t.kind != Tok::LParen) {
        diag(CFREE_SEV_ERROR, t.loc, nullptr, "missing '(' before \"%.*s\" operand",
             static_cast<int>(name.len), name.text);
        push_number(0, name);
        return true;
      }
      std::string hname;
      bool angled = false;
      Source& s = stack.back();
      Token ht;
      if (ctx.empty() && (skip_ws(s), lex_header_name(s, ht))) {
        hname.assign(ht.text + 1, ht.len - 2);
        angled = true;
      } else {
        do get_token(t); while (t.kind == kPadding);
        if (t.kind == Tok::String && t.text[0] == '"') {
          hname.assign(t.text + 1, t.len - 2);
        } else if (t.kind == Tok::Less) {
          angled = true;
          for (;;) {
            get_token(t);
            if (t.kind == kPadding) continue;
            if (t.kind == Tok::Greater || t.kind == Tok::Eod || t.kind == Tok::Eof) break;
            if (!hname.empty() && (t.flags & kTokSpace)) hname += ' ';
            hname.append(t.text, t.len);
          }
        } else {
          diag(CFREE_SEV_ERROR, t.loc, nullptr, "operator \"%.*s\" requires a header-name",
               static_cast<int>(name.len), name.text);
        }
      }
      do get_token(t); while (t.kind == kPadding);
      if (t.kind != Tok::RParen)
        diag(CFREE_SEV_ERROR, t.loc, nullptr, "missing ')' after \"%.*s\" operand",
             static_cast<int>(name.len), name.text);
      bool found = false;
      if (!hname.empty()) {
        int start_dir = -1;
        if (m->builtin == Builtin::HasIncludeNext) {
          Source* f = cur_file();
          if (f && !f->is_main) start_dir = f->dir_index >= 0 ? f->dir_index + 1 : static_cast<int>(angled_begin);
        }
        std::string path;
        int di;
        found = find_include(hname.data(), hname.size(), angled, start_dir, &path, &di);
      }
      push_number(found, name);
      return true;
    }
    case Builtin::HasAttribute:
    case Builtin::HasCAttribute:
    case Builtin::HasBuiltin: {
      Token t;
      prevent_expansion++;
      do get_token(t); while (t.kind == kPadding);
      if (t.kind != Tok::LParen) {
        prevent_expansion--;
        diag(CFREE_SEV_ERROR, t.loc, nullptr, "missing '(' after \"%.*s\"",
             static_cast<int>(name.len), name.text);
        return false;
      }
      do get_token(t); while (t.kind == kPadding);
      i64 value = 0;
      if (!t.sym) {
        diag(CFREE_SEV_ERROR, t.loc, nullptr, "macro \"%.*s\" requires an identifier",
             static_cast<int>(name.len), name.text);
      } else {
        CfreeSym id = t.sym;
        bool scoped_gnu = false, scoped_other = false;
        do get_token(t); while (t.kind == kPadding);
        if (t.kind == Tok::ColonColon || t.kind == Tok::Colon) {
          if (t.kind == Tok::Colon) get_token(t);  // "::" lexes as two colons in C
          size_t l;
          const char* ns = cfree_sym_str(c, id, &l);
          if ((l == 3 && !std::memcmp(ns, "gnu", 3)) || (l == 7 && !std::memcmp(ns, "__gnu__", 7)))
            scoped_gnu = true;
          else
            scoped_other = true;
          do get_token(t); while (t.kind == kPadding);
          if (t.sym) id = t.sym;
          do get_token(t); while (t.kind == kPadding);
        }
        if (m->builtin == Builtin::HasBuiltin) {
          value = has_builtin(id) || info(id).kw == Tok::KwBuiltinVaArg ||
                  info(id).kw == Tok::KwBuiltinOffsetof ||
                  info(id).kw == Tok::KwBuiltinTypesCompatibleP ||
                  info(id).kw == Tok::KwBuiltinChooseExpr;
        } else if (scoped_other) {
          value = 0;
        } else if (scoped_gnu) {
          has_attribute(id, false, &value);
        } else {
          has_attribute(id, m->builtin == Builtin::HasCAttribute, &value);
        }
      }
      while (t.kind != Tok::RParen && t.kind != Tok::Eod && t.kind != Tok::Eof) get_token(t);
      prevent_expansion--;
      if (t.kind != Tok::RParen)
        diag(CFREE_SEV_ERROR, t.loc, nullptr, "missing ')' after \"%.*s\" operand",
             static_cast<int>(name.len), name.text);
      push_number(static_cast<u64>(value), name);
      return true;
    }
    case Builtin::Pragma: {
      // _Pragma ( string-literal )  (6.10.9)
      Token t;
      do get_token(t); while (t.kind == kPadding);
      if (t.kind != Tok::LParen) {
        diag(CFREE_SEV_ERROR, name.loc, nullptr, "_Pragma takes a parenthesized string literal");
        if (!ctx.empty()) ctx.back().cur--;
        else {
          lookahead = t;
          has_lookahead = true;
        }
        return false;
      }
      Token str;
      do get_token(str); while (str.kind == kPadding);
      do get_token(t); while (t.kind == kPadding);
      if (str.kind != Tok::String || t.kind != Tok::RParen) {
        diag(CFREE_SEV_ERROR, name.loc, nullptr, "_Pragma takes a parenthesized string literal");
        return false;
      }
      // Destringize (6.10.9p1).
      std::string text;
      size_t pl = str.text[0] == 'L' ? 1 : 0;
      for (u32 i = static_cast<u32>(pl) + 1; i + 1 < str.len; i++) {
        char ch = str.text[i];
        if (ch == '\\' && i + 2 < str.len && (str.text[i + 1] == '"' || str.text[i + 1] == '\\')) ch = str.text[++i];
        text += ch;
      }
      do_pragma_text(text, name);
      return true;
    }
    case Builtin::None:
      break;
  }
  return false;
}

}  // namespace cfree::c
