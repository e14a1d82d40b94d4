// pp.cpp: the preprocessor's token pump, include stack and directives
// (C11 6.10, 6.10.1-6.10.9).
//
// Three levels hand tokens upward: lex_raw (lexer.cpp) gives raw tokens of
// one buffer; lex_token runs directives at the start of lines, skips false
// conditional groups, enters and leaves files and tells the -E printer about
// line changes; get_token expands macros (pp-macro.cpp).  Files are read
// once and shared between inclusions; a file whose whole content sits inside
// an include guard (or that said #pragma once) is not even re-entered once
// the guard is defined -- GCC's multiple-include optimisation.
#include "c/pp-impl.h"

#include <cstdarg>
#include <cstdio>

namespace cfree::c {

// ---- Standards ---------------------------------------------------------------

bool parse_std(const char* std, LangStd* out) {
  *out = LangStd{};
  if (!std) return true;
  struct Row {
    const char* name;
    int version;
    bool gnu;
  };
  static constexpr Row kStds[] = {
      {"c89", 198900, false},   {"c90", 198900, false},   {"iso9899:1990", 198900, false},
      {"iso9899:199409", 199409, false}, {"gnu89", 198900, true}, {"gnu90", 198900, true},
      {"c99", 199901, false},   {"c9x", 199901, false},   {"iso9899:1999", 199901, false},
      {"gnu99", 199901, true},  {"gnu9x", 199901, true},  {"c11", 201112, false},
      {"c1x", 201112, false},   {"iso9899:2011", 201112, false}, {"gnu11", 201112, true},
      {"gnu1x", 201112, true},  {"c17", 201710, false},   {"c18", 201710, false},
      {"iso9899:2017", 201710, false}, {"iso9899:2018", 201710, false}, {"gnu17", 201710, true},
      {"gnu18", 201710, true},  {"c2x", 202000, false},   {"gnu2x", 202000, true},
  };
  for (const Row& r : kStds) {
    if (std::strcmp(r.name, std) == 0) {
      out->version = r.version;
      out->gnu = r.gnu;
      out->trigraphs = !r.gnu;
      return true;
    }
  }
  return false;
}

namespace {
const char* cond_name(Directive d);
}  // namespace

// ---- Diagnostics -------------------------------------------------------------

int Preprocessor::Impl::diag(CfreeSeverity sev, CfreeLoc loc, const char* option, const char* fmt,
                             ...) {
  char buf[1024];
  va_list ap;
  va_start(ap, fmt);
  std::vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  int r = cfree_diag(c, sev, loc, option, "%s", buf);
  if (r == CFREE_SEV_FATAL) throw Fatal{};
  return r;
}

int Preprocessor::Impl::diag_tok(CfreeSeverity sev, const Token& t, const char* option,
                                 const char* fmt, ...) {
  char buf[1024];
  va_list ap;
  va_start(ap, fmt);
  std::vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  int r = t.len > 1 ? cfree_diag_range(c, sev, t.loc, t.loc, t.loc + t.len, option, "%s", buf)
                    : cfree_diag(c, sev, t.loc, option, "%s", buf);
  if (r == CFREE_SEV_FATAL) throw Fatal{};
  return r;
}

void Preprocessor::Impl::fatal(CfreeLoc loc, const char* fmt, ...) {
  char buf[1024];
  va_list ap;
  va_start(ap, fmt);
  std::vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  cfree_diag(c, CFREE_SEV_FATAL, loc, nullptr, "%s", buf);
  throw Fatal{};
}

// ---- Construction --------------------------------------------------------------

namespace {

enum KwMode : u8 { kAll = 0, kGnu = 1, kC99 = 2, kC23 = 4, kGnuOrC23 = 8 };

struct KwRow {
  const char* spelling;
  Tok kind;
  u8 mode;
};

constexpr KwRow kKeywordSpellings[] = {
#define CFREE_C_KW_ROW(kind, spelling) {spelling, Tok::kind, kAll},
    CFREE_C_KEYWORDS(CFREE_C_KW_ROW)
#undef CFREE_C_KW_ROW
    {"__const", Tok::KwConst, kAll},
    {"__const__", Tok::KwConst, kAll},
    {"__inline", Tok::KwInline, kAll},
    {"__inline__", Tok::KwInline, kAll},
    {"__restrict", Tok::KwRestrict, kAll},
    {"__restrict__", Tok::KwRestrict, kAll},
    {"__signed", Tok::KwSigned, kAll},
    {"__signed__", Tok::KwSigned, kAll},
    {"__volatile", Tok::KwVolatile, kAll},
    {"__volatile__", Tok::KwVolatile, kAll},
    {"__alignof", Tok::KwAlignof, kAll},
    {"__alignof__", Tok::KwAlignof, kAll},
    {"__complex", Tok::KwComplex, kAll},
    {"__complex__", Tok::KwComplex, kAll},
    {"__thread", Tok::KwThreadLocal, kAll},
    {"__asm", Tok::KwAsm, kAll},
    {"asm", Tok::KwAsm, kGnu},
    {"__attribute", Tok::KwAttribute, kAll},
    {"__typeof", Tok::KwTypeof, kAll},
    {"typeof", Tok::KwTypeof, kGnuOrC23},
    {"__typeof_unqual__", Tok::KwTypeofUnqual, kAll},
    {"__real", Tok::KwReal, kAll},
    {"__imag", Tok::KwImag, kAll},
    {"__float128", Tok::KwFloat128, kAll},
    {"__FUNCTION__", Tok::KwFunc, kAll},
    {"__PRETTY_FUNCTION__", Tok::KwFunc, kAll},
    {"alignas", Tok::KwAlignas, kC23},
    {"alignof", Tok::KwAlignof, kC23},
    {"bool", Tok::KwBool, kC23},
    {"static_assert", Tok::KwStaticAssert, kC23},
    {"thread_local", Tok::KwThreadLocal, kC23},
};

bool kw_enabled(const KwRow& r, const LangStd& l) {
  switch (r.kind) {
    case Tok::KwTrue: case Tok::KwFalse: case Tok::KwNullptr: case Tok::KwConstexpr:
    case Tok::KwTypeofUnqual:
      if (std::strcmp(r.spelling, "__typeof_unqual__") == 0) return true;
      return l.version > 201710;
    case Tok::KwInline: case Tok::KwRestrict:
      if (r.spelling[0] != '_') return l.version >= 199901 || l.gnu;
      return true;
    default: break;
  }
  switch (r.mode) {
    case kGnu: return l.gnu;
    case kC23: return l.version > 201710;
    case kGnuOrC23: return l.gnu || l.version > 201710;
    default: return true;
  }
}

struct DirRow {
  const char* name;
  Directive d;
};
constexpr DirRow kDirectives[] = {
    {"define", kDirDefine},   {"undef", kDirUndef},       {"include", kDirInclude},
    {"include_next", kDirIncludeNext}, {"import", kDirImport}, {"if", kDirIf},
    {"ifdef", kDirIfdef},     {"ifndef", kDirIfndef},     {"elif", kDirElif},
    {"elifdef", kDirElifdef}, {"elifndef", kDirElifndef}, {"else", kDirElse},
    {"endif", kDirEndif},     {"line", kDirLine},         {"error", kDirError},
    {"warning", kDirWarning}, {"pragma", kDirPragma},     {"ident", kDirIdent},
    {"sccs", kDirSccs},       {"assert", kDirAssert},     {"unassert", kDirUnassert},
    {"__cfree_imacros", kDirImacros},
};

}  // namespace

Preprocessor::Impl::Impl(CfreeCompiler* c_, const CfreeCompileOptions* opts_,
                         const CfreeInput* input_)
    : c(c_), opts(opts_), input(*input_) {
  perm = cfree_arena_new(c);
  scratch = cfree_arena_new(c);
  target = cfree_compiler_target(c);
  asm_mode = input.lang == CFREE_LANG_ASM_CPP;
  if (!parse_std(opts ? opts->std : nullptr, &lang)) lang = LangStd{};
  if (opts) {
    for (size_t i = 0; i < opts->n_extra_args; i++) {
      const char* a = opts->extra_args[i];
      if (!std::strcmp(a, "-trigraphs")) lang.trigraphs = true;
      if (!std::strcmp(a, "-fno-trigraphs")) lang.trigraphs = false;
    }
  }
  syms.resize(4096);
  if (!asm_mode) {
    for (const KwRow& r : kKeywordSpellings)
      if (kw_enabled(r, lang)) info(intern(r.spelling)).kw = r.kind;
  }
  for (const DirRow& d : kDirectives) info(intern(d.name)).directive = d.d;
  s_defined = intern("defined");
  s_va_args = intern("__VA_ARGS__");
  s_va_opt = intern("__VA_OPT__");
  s_has_include = intern("__has_include");
  s_has_include_next = intern("__has_include_next");
  s_pragma_op = intern("_Pragma");
  s_once = intern("once");
  s_gcc = intern("GCC");
  s_system_header = intern("system_header");
  s_poison = intern("poison");
  s_push_macro = intern("push_macro");
  s_pop_macro = intern("pop_macro");
  s_warning = intern("warning");
  s_error = intern("error");
  s_dependency = intern("dependency");
  s_stdc = intern("STDC");
  s_redefine_extname = intern("redefine_extname");
  s_message = intern("message");
  s_scalar_storage_order = intern("scalar_storage_order");
}

Preprocessor::Impl::~Impl() {
  const CfreeEnv* env = cfree_compiler_env(c);
  for (FileData* f : file_list) {
    if (f->data && !f->borrowed && env->file_io.release) env->file_io.release(env->file_io.ctx, f->data, f->size);
    delete f;
  }
  cfree_arena_free(scratch);
  cfree_arena_free(perm);
}

// ---- Files ---------------------------------------------------------------------

namespace {

// Lexically normalise a path: drop "./" components and "x/.." pairs (when x
// is not ".."), collapse "//".  Used for file identity and printed names the
// way GCC prints them (it keeps the path as constructed: dir + "/" + name).
std::string normalize_key(const std::string& p) {
  std::vector<std::string> parts;
  bool abs = !p.empty() && p[0] == '/';
  size_t i = 0;
  while (i <= p.size()) {
    size_t j = p.find('/', i);
    if (j == std::string::npos) j = p.size();
    std::string comp = p.substr(i, j - i);
    if (comp.empty() || comp == ".") {
    } else if (comp == ".." && !parts.empty() && parts.back() != "..") {
      parts.pop_back();
    } else {
      parts.push_back(comp);
    }
    i = j + 1;
  }
  std::string r = abs ? "/" : "";
  for (size_t k = 0; k < parts.size(); k++) {
    if (k) r += '/';
    r += parts[k];
  }
  return r;
}

std::string dir_of(const char* path) {
  const char* slash = std::strrchr(path, '/');
  if (!slash) return "";
  if (slash == path) return "/";
  return std::string(path, static_cast<size_t>(slash - path));
}

}  // namespace

FileData* Preprocessor::Impl::read_file(const std::string& path) {
  std::string key = normalize_key(path);
  auto it = files.find(key);
  if (it != files.end()) return it->second;
  const CfreeEnv* env = cfree_compiler_env(c);
  const char* data = nullptr;
  size_t size = 0;
  if (env->file_io.read_all(env->file_io.ctx, path.c_str(), &data, &size) != 0) return nullptr;
  auto* f = new FileData;
  f->path = path;
  f->data = data;
  f->size = size;
  files.emplace(key, f);
  file_list.push_back(f);
  return f;
}

void Preprocessor::Impl::setup_dirs() {
  dirs.clear();
  if (!opts) return;
  // GCC's order: quote (-iquote), angled (-I), system (-isystem and the
  // defaults), after (-idirafter).  A -I that names a system directory is
  // dropped (GCC: "as it is a non-system directory that duplicates a system
  // directory"); duplicates within a chain are dropped too.
  auto trim = [](const char* p) {
    std::string s = p;
    while (s.size() > 1 && s.back() == '/') s.pop_back();
    return s;
  };
  std::vector<std::string> system_paths;
  for (size_t i = 0; i < opts->n_include_dirs; i++)
    if (opts->include_dirs[i].kind == CFREE_INC_SYSTEM)
      system_paths.push_back(normalize_key(trim(opts->include_dirs[i].path)));
  auto add_kind = [&](CfreeIncludeKind k) {
    for (size_t i = 0; i < opts->n_include_dirs; i++) {
      const CfreeIncludeDir& d = opts->include_dirs[i];
      if (d.kind != k) continue;
      std::string p = trim(d.path);
      if (opts->sysroot && k == CFREE_INC_SYSTEM && false) p = opts->sysroot + p;
      std::string key = normalize_key(p);
      bool dup = false;
      for (const SearchDir& e : dirs)
        if (normalize_key(e.path) == key) dup = true;
      if (k != CFREE_INC_SYSTEM && k != CFREE_INC_AFTER)
        for (const std::string& sp : system_paths)
          if (sp == key) dup = true;
      if (dup) continue;
      dirs.push_back({p, k, k == CFREE_INC_SYSTEM || k == CFREE_INC_AFTER});
    }
  };
  add_kind(CFREE_INC_QUOTE);
  quote_end = dirs.size();
  angled_begin = dirs.size();
  add_kind(CFREE_INC_ANGLED);
  add_kind(CFREE_INC_SYSTEM);
  add_kind(CFREE_INC_AFTER);
}

bool Preprocessor::Impl::find_include(const char* name, size_t len, bool angled, int start_dir,
                                      std::string* path, int* dir_index) {
  std::string n(name, len);
  const CfreeEnv* env = cfree_compiler_env(c);
  auto exists = [&](const std::string& p) {
    if (files.count(normalize_key(p))) return true;
    return env->file_io.exists(env->file_io.ctx, p.c_str()) != 0;
  };
  if (!n.empty() && n[0] == '/') {
    if (exists(n)) {
      *path = n;
      *dir_index = -1;
      return true;
    }
    return false;
  }
  size_t first = start_dir >= 0 ? static_cast<size_t>(start_dir) : 0;
  if (start_dir < 0) {
    if (!angled) {
      // The directory of the current file first.
      Source* f = cur_file();
      std::string d = f && f->file ? dir_of(f->file->path.c_str()) : (f && f->cmdline ? "." : "");
      std::string p = d.empty() ? n : (d == "/" ? "/" + n : d + "/" + n);
      if (exists(p)) {
        *path = p;
        *dir_index = -1;
        return true;
      }
      first = 0;
    } else {
      first = angled_begin;
    }
  }
  for (size_t i = first; i < dirs.size(); i++) {
    const std::string& d = dirs[i].path;
    std::string p = d.empty() ? n : (d == "/" ? "/" + n : d + "/" + n);
    if (exists(p)) {
      *path = p;
      *dir_index = static_cast<int>(i);
      return true;
    }
  }
  return false;
}

Source* Preprocessor::Impl::cur_file() {
  for (size_t i = stack.size(); i-- > 0;)
    if (stack[i].file || stack[i].cmdline) return &stack[i];
  return stack.empty() ? nullptr : &stack.back();
}

void Preprocessor::Impl::push_file(FileData* f, const char* path, CfreeLoc include_loc,
                                   int dir_index, u8 sysp) {
  Source s;
  CfreeLoc base = 0;
  s.id = cfree_source_add(c, path, f->data, f->size, include_loc,
                          sysp ? CFREE_FILE_SYSTEM : CFREE_FILE_USER, &base);
  s.begin = f->data;
  s.end = f->data + f->size;
  s.p = s.begin;
  s.line_start = s.begin;
  s.base = base;
  s.file = f;
  { size_t nl; const char* nm = cfree_source_name(c, s.id); nl = std::strlen(nm); s.name = perm_dup(nm, nl); }
  s.dir_index = dir_index;
  s.cond_base = static_cast<u32>(conds.size());
  s.sysp = sysp;
  if (!f->included) deps.push_back({path, sysp != 0});
  f->included = true;
  // A UTF-8 byte order mark is skipped.
  if (f->size >= 3 && static_cast<u8>(s.p[0]) == 0xEF && static_cast<u8>(s.p[1]) == 0xBB &&
      static_cast<u8>(s.p[2]) == 0xBF)
    s.p += 3;
  stack.push_back(s);
  if (print) print->file_change(0, stack.back(), 1);
}

void Preprocessor::Impl::push_buffer(const char* name, const char* data, size_t size,
                                     CfreeFileKind kind) {
  Source s;
  CfreeLoc base = 0;
  s.id = cfree_source_add(c, name, data, size, 0, kind, &base);
  s.begin = data;
  s.end = data + size;
  s.p = data;
  s.line_start = data;
  s.base = base;
  { size_t nl; const char* nm = cfree_source_name(c, s.id); nl = std::strlen(nm); s.name = perm_dup(nm, nl); }
  s.cond_base = static_cast<u32>(conds.size());
  s.cmdline = true;
  s.mi_valid = false;
  stack.push_back(s);
}

void Preprocessor::Impl::pop_file() {
  Source& s = stack.back();
  // Unterminated conditionals of this file.
  while (conds.size() > s.cond_base) {
    diag(CFREE_SEV_ERROR, conds.back().loc, nullptr, "unterminated #%s", cond_name(static_cast<Directive>(conds.back().dir)));
    conds.pop_back();
  }
  if (s.file && s.mi_valid && s.mi_closed && s.mi_macro) s.file->guard = s.mi_macro;
  bool was_cmdline = s.cmdline;
  stack.pop_back();
  if (stack.empty()) return;
  Source& up = stack.back();
  up.at_bol = true;
  if (print) {
    if (was_cmdline && !up.cmdline) {
      print->file_change(2, up, up.line);  // back to the main file: rename
    } else if (was_cmdline) {
      print->file_change(2, up, 0);
    } else {
      print->file_change(1, up, up.line);
    }
  }
}

// ---- The token pump ------------------------------------------------------------

void Preprocessor::Impl::lex_token(Token& t) {
  for (;;) {
    if (has_lookahead) {
      t = lookahead;
      has_lookahead = false;
    } else {
      Source& s = stack.back();
      lex_raw(s, t);
      // GCC: the first token of a line read while collecting arguments has
      // white space before it (the newline).
      if (collecting && (t.flags & kTokBOL)) t.flags |= kTokSpace;
      if (t.kind == Tok::Eof) {
        if (collecting || peeking) return;  // GCC: arguments never span files
        if (stack.size() == 1) {
          Source& m = stack.back();
          while (conds.size() > m.cond_base) {
            diag(CFREE_SEV_ERROR, conds.back().loc, nullptr, "unterminated #%s", cond_name(static_cast<Directive>(conds.back().dir)));
            conds.pop_back();
          }
          return;
        }
        pop_file();
        continue;
      }
    }
    if (t.flags & kTokBOL) {
      Source& s = stack.back();
      if (t.kind == Tok::Hash && !peeking && directive(s, t)) {
        if (has_pending) {
          has_pending = false;
          t = pending;
          return;
        }
        continue;
      }
      if (print && !collecting && !peeking) print->line_change(t, stack.back());
    }
    if (!collecting && !peeking) {
      Source& s = stack.back();
      if (s.mi_valid && !in_directive) s.mi_valid = false;
      if (s.discard) continue;  // -imacros: only the definitions matter
    }
    return;
  }
}

bool Preprocessor::Impl::next_token(Token& t) {
  if (!started) start();
  for (;;) {
    get_token(t);
    if (t.kind == kPadding) continue;
    if (t.kind == Tok::Eof) {
      done = true;
      return false;
    }
    return true;
  }
}

// ---- Directives ----------------------------------------------------------------

void Preprocessor::Impl::read_line(Source& s, std::vector<Token>* out) {
  Token t;
  for (;;) {
    lex_raw(s, t);
    if (t.kind == Tok::Eod || t.kind == Tok::Eof) break;
    out->push_back(t);
  }
}

// Consume the rest of a directive line; warn once if it holds tokens.
void Preprocessor::Impl::skip_rest(Source& s, const Token& t, const char* dname) {
  Token x = t;
  if (x.kind != Tok::Eod && x.kind != Tok::Eof) {
    if (dname && !skipping) {
      bool labels = !std::strcmp(dname, "endif") || !std::strcmp(dname, "else");
      diag_tok(CFREE_SEV_WARNING, x, labels ? "endif-labels" : nullptr,
               "extra tokens at end of #%s directive", dname);
    }
    for (;;) {
      lex_raw(s, x);
      if (x.kind == Tok::Eod || x.kind == Tok::Eof) break;
    }
  }
}

namespace {

// Join tokens as GCC's cpp_output_line does: a space before each token that
// had white space before it (the first token gets none).
std::string join_tokens(const std::vector<Token>& toks) {
  std::string r;
  for (size_t i = 0; i < toks.size(); i++) {
    if (i && (toks[i].flags & kTokSpace)) r += ' ';
    r.append(toks[i].text, toks[i].len);
  }
  return r;
}

const char* cond_name(Directive d) {
  switch (d) {
    case kDirIfdef: return "ifdef";
    case kDirIfndef: return "ifndef";
    case kDirElif: return "elif";
    case kDirElifdef: return "elifdef";
    case kDirElifndef: return "elifndef";
    case kDirElse: return "else";
    case kDirEndif: return "endif";
    default: return "if";
  }
}

}  // namespace

bool Preprocessor::Impl::directive(Source& s, Token&) {
  in_directive = true;
  directive_line = s.line;
  size_t ctx_depth = ctx.size();
  Token t;
  Source saved = s;
  lex_raw(s, t);
  // Finish the directive: consume the newline.
  auto finish = [&]() {
    Source& cs = stack.back();
    if (&cs == &s) {
      if (s.p < s.end && *s.p == '\n') {
        s.p++;
        newline(s, s.p);
      }
      s.at_bol = true;
      s.leading_space = false;
    }
    while (ctx.size() > ctx_depth) pop_context();
    in_directive = false;
  };
  if (t.kind == Tok::Eod) {  // the null directive
    finish();
    return true;
  }
  Directive d = kDirNone;
  if (t.sym) d = static_cast<Directive>(info(t.sym).directive);
  // The multiple-include optimisation: only an opening conditional may be
  // the first thing in a file.
  if (d != kDirIf && d != kDirIfdef && d != kDirIfndef && d != kDirEndif && d != kDirElse &&
      d != kDirElif) {
    s.mi_valid = false;
  }
  if (d == kDirNone) {
    if (t.kind == Tok::Number && !asm_mode) {
      // GNU line marker: # 33 "file" flags
      dir_line(s, t);
      finish();
      return true;
    }
    if (asm_mode) {
      // assembler-with-cpp: a '#' line that is no directive is an assembler
      // comment; GCC passes it through as text.
      s = saved;
      in_directive = false;
      return false;
    }
  invalid:
    diag_tok(CFREE_SEV_ERROR, t, nullptr, "invalid preprocessing directive #%.*s",
             static_cast<int>(t.len), t.text);
    skip_rest(s, t, nullptr);
    finish();
    return true;
  }
  switch (d) {
    case kDirDefine: {
      Token name;
      lex_raw(s, name);
      Macro* m = define(s, name);
      if (m && print) print->define(m, false);
      break;
    }
    case kDirUndef: {
      Token name;
      lex_raw(s, name);
      if (!name.sym) {
        diag(CFREE_SEV_ERROR, name.loc, nullptr,
             name.kind == Tok::Eod ? "no macro name given in #undef directive"
                                   : "macro names must be identifiers");
        skip_rest(s, name, nullptr);
        break;
      }
      Macro* old = info(name.sym).macro;
      if (old && old->builtin != Builtin::None && old->builtin != Builtin::Pragma)
        diag_tok(CFREE_SEV_WARNING, name, nullptr, "undefining \"%.*s\"",
                 static_cast<int>(name.len), name.text);
      if (print) {
        Macro tmp;
        tmp.name = name.sym;
        tmp.def_loc = name.loc;
        print->define(&tmp, true);
      }
      undef(name.sym);
      Token x;
      lex_raw(s, x);
      skip_rest(s, x, "undef");
      break;
    }
    case kDirImacros:
      if (!s.cmdline) goto invalid;
      [[fallthrough]];
    case kDirInclude:
    case kDirIncludeNext:
    case kDirImport:
      dir_include(s, t, d);
      return true;  // dir_include finishes the line itself
    case kDirIf:
      dir_if(s, t, false);
      break;
    case kDirIfdef:
    case kDirIfndef:
      dir_ifdef(s, t, d == kDirIfndef, false);
      break;
    case kDirElif:
    case kDirElifdef:
    case kDirElifndef:
    case kDirElse:
      // Reached at the end of a group that was taken: skip to the #endif.
      if (conds.size() <= s.cond_base) {
        diag_tok(CFREE_SEV_ERROR, t, nullptr, "#%s without #if", cond_name(d));
        Token x;
        lex_raw(s, x);
        skip_rest(s, x, nullptr);
        break;
      }
      {
        Cond& cd = conds.back();
        if (cd.in_else) {
          diag_tok(CFREE_SEV_ERROR, t, nullptr, "#%s after #else", cond_name(d));
          diag(CFREE_SEV_NOTE, cd.loc, nullptr, "the conditional began here");
        }
        if (d == kDirElse) cd.in_else = true;
        if (conds.back().mi) {
          s.mi_valid = false;
          conds.back().mi = false;
        }
        Token x;
        lex_raw(s, x);
        if (d == kDirElse) skip_rest(s, x, "else");
        else skip_rest(s, x, nullptr);
        finish();
        skip_block(s);
        return true;
      }
    case kDirEndif: {
      Token x;
      lex_raw(s, x);
      skip_rest(s, x, "endif");
      if (conds.size() <= s.cond_base) {
        diag_tok(CFREE_SEV_ERROR, t, nullptr, "#endif without #if");
        break;
      }
      if (conds.back().mi) {
        s.mi_closed = true;
        s.mi_valid = true;
      }
      conds.pop_back();
      break;
    }
    case kDirLine:
      dir_line(s, t);
      break;
    case kDirError:
    case kDirWarning:
      dir_diag(s, t, d == kDirError);
      break;
    case kDirPragma:
      dir_pragma(s, t);
      break;
    case kDirIdent:
    case kDirSccs: {
      Token x;
      lex_raw(s, x);
      if (x.kind != Tok::String) {
        diag(CFREE_SEV_ERROR, x.loc, nullptr, "invalid #%s directive",
             d == kDirIdent ? "ident" : "sccs");
        skip_rest(s, x, nullptr);
        break;
      }
      u32 line = s.line;
      std::string txt(x.text, x.len);
      Token y;
      lex_raw(s, y);
      skip_rest(s, y, d == kDirIdent ? "ident" : "sccs");
      if (print) print->ident(s, line, txt.data(), txt.size());
      break;
    }
    case kDirAssert:
    case kDirUnassert: {
      Token x;
      lex_raw(s, x);
      skip_rest(s, x, nullptr);
      break;
    }
    default:
      break;
  }
  finish();
  if (skip_after) {
    skip_after = false;
    skip_block(s);
  }
  return true;
}

void Preprocessor::Impl::dir_diag(Source& s, Token& t, bool is_error) {
  std::vector<Token> toks;
  read_line(s, &toks);
  std::string msg = join_tokens(toks);
  if (is_error)
    diag_tok(CFREE_SEV_ERROR, t, nullptr, "#error %s", msg.c_str());
  else
    diag_tok(CFREE_SEV_WARNING, t, "cpp", "#warning %s", msg.c_str());
}

void Preprocessor::Impl::dir_line(Source& s, Token& t) {
  // #line digits ["name"]  or GNU  # digits ["name" [flags]]
  bool gnu = t.kind == Tok::Number;
  Token num = t;
  if (!gnu) get_token(num);
  while (num.kind == kPadding) get_token(num);
  const char* dname = gnu ? nullptr : "line";
  auto bad = [&](const Token& x, const char* msg) {
    diag(CFREE_SEV_ERROR, x.loc, nullptr, msg, static_cast<int>(x.len), x.text);
    Token y = x;
    while (y.kind != Tok::Eod && y.kind != Tok::Eof) get_token(y);
  };
  if (num.kind != Tok::Number) {
    if (num.kind == Tok::Eod)
      diag(CFREE_SEV_ERROR, num.loc, nullptr, "unexpected end of file after #line");
    else
      bad(num, "\"%.*s\" after #line is not a positive integer");
    return;
  }
  u64 line = 0;
  for (u32 i = 0; i < num.len; i++) {
    char ch = num.text[i];
    if (ch < '0' || ch > '9') {
      bad(num, gnu ? "\"%.*s\" after # is not a positive integer"
                   : "\"%.*s\" after #line is not a positive integer");
      return;
    }
    line = line * 10 + static_cast<u64>(ch - '0');
  }
  Token x;
  get_token(x);
  while (x.kind == kPadding) get_token(x);
  const char* name = nullptr;
  int flag = 0;
  if (x.kind == Tok::String) {
    // The name is the string's contents with escapes interpreted.
    std::string n;
    for (u32 i = 1; i + 1 < x.len; i++) {
      char ch = x.text[i];
      if (ch == '\\' && i + 2 < x.len) ch = x.text[++i];
      n += ch;
    }
    name = perm_dup(n.data(), n.size());
    get_token(x);
    while (x.kind == kPadding) get_token(x);
    if (gnu) {
      while (x.kind == Tok::Number) {
        if (x.len == 1 && x.text[0] >= '1' && x.text[0] <= '4') {
          int f = x.text[0] - '0';
          if (f == 1 || f == 2) flag = f;
          if (f == 3) s.sysp = 2;
        }
        get_token(x);
        while (x.kind == kPadding) get_token(x);
      }
    }
  } else if (x.kind != Tok::Eod) {
    bad(x, "invalid filename \"%.*s\"");
    return;
  }
  if (x.kind != Tok::Eod) {
    if (dname) diag(CFREE_SEV_WARNING, x.loc, nullptr, "extra tokens at end of #%s directive", dname);
    while (x.kind != Tok::Eod && x.kind != Tok::Eof) get_token(x);
  }
  (void)flag;
  // The next line has number `line`.
  u32 next_phys = s.line + 1;
  s.line_delta = static_cast<i64>(line) - static_cast<i64>(next_phys);
  if (name) s.name = name;
  cfree_source_line_directive(c, t.loc, static_cast<u32>(line), name);
  if (print) {
    // Printed after the newline is consumed (finish()), via a rename.
    Source tmp = s;
    tmp.line = next_phys;
    print->file_change(2, tmp, next_phys);
  }
}

void Preprocessor::Impl::dir_include(Source& s, Token& dname_tok, int kind) {
  CfreeLoc dloc = dname_tok.loc;
  const char* dname = kind == kDirIncludeNext ? "include_next" : kind == kDirImport ? "import" : "include";
  size_t ctx_depth = ctx.size();
  skip_ws(s);
  Token ht;
  std::string name;
  bool angled = false;
  CfreeLoc name_loc = loc_of(s, s.p);
  u32 name_len = 1;
  bool ok = true;
  if (lex_header_name(s, ht)) {
    name_len = ht.len;
    name.assign(ht.text + 1, ht.len - 2);
    angled = true;
  } else {
    Token x;
    get_token(x);
    while (x.kind == kPadding) get_token(x);
    name_loc = x.loc;
    name_len = x.len;
    if (x.kind == Tok::String && x.text[0] == '"') {
      name.assign(x.text + 1, x.len - 2);
    } else if (x.kind == Tok::Less) {
      // A macro-expanded <...>: spellings joined, a space where white space was.
      angled = true;
      bool pad_space = false;
      for (;;) {
        get_token(x);
        if (x.kind == kPadding) {
          if (x.flags & kTokSpace) pad_space = true;
          continue;
        }
        if (x.kind == Tok::Eod || x.kind == Tok::Eof) {
          diag(CFREE_SEV_ERROR, x.loc, nullptr, "missing terminating > character");
          ok = false;
          break;
        }
        if (x.kind == Tok::Greater) break;
        if (!name.empty() && ((x.flags & kTokSpace) || pad_space)) name += ' ';
        pad_space = false;
        name.append(x.text, x.len);
      }
    } else {
      diag_tok(CFREE_SEV_ERROR, x, nullptr, "#%s expects \"FILENAME\" or <FILENAME>", dname);
      while (x.kind != Tok::Eod && x.kind != Tok::Eof) get_token(x);
      ok = false;
    }
  }
  // The rest of the line.
  {
    Token x;
    for (;;) {
      if (ctx.size() > ctx_depth) get_token(x);
      else lex_raw(s, x);
      if (x.kind == kPadding) continue;
      if (x.kind == Tok::Eod || x.kind == Tok::Eof) break;
      if (ok) {
        diag_tok(CFREE_SEV_WARNING, x, nullptr, "extra tokens at end of #%s directive", dname);
        // keep going silently
        for (;;) {
          if (ctx.size() > ctx_depth) get_token(x);
          else lex_raw(s, x);
          if (x.kind == Tok::Eod || x.kind == Tok::Eof) break;
        }
        break;
      }
    }
  }
  while (ctx.size() > ctx_depth) pop_context();
  if (s.p < s.end && *s.p == '\n') {
    s.p++;
    newline(s, s.p);
  }
  s.at_bol = true;
  s.leading_space = false;
  in_directive = false;
  if (!ok) return;
  if (name.empty()) {
    diag(CFREE_SEV_ERROR, name_loc, nullptr, "empty filename in #%s", dname);
    return;
  }
  int start_dir = -1;
  if (kind == kDirIncludeNext) {
    if (stack.size() == 1 || s.is_main) {
      diag(CFREE_SEV_WARNING, dloc, nullptr, "#include_next in primary source file");
    } else if (s.dir_index >= 0) {
      start_dir = s.dir_index + 1;
    } else {
      // Found via the current directory: search the angled chain.
      start_dir = static_cast<int>(angled_begin);
    }
  }
  std::string path;
  int dir_index = -1;
  if (!find_include(name.data(), name.size(), angled, start_dir, &path, &dir_index)) {
    Token nt;
    nt.loc = name_loc;
    nt.len = name_len;
    cfree_diag_range(c, CFREE_SEV_FATAL, name_loc, name_loc, name_loc + name_len, nullptr,
                     "%s: No such file or directory", name.c_str());
    throw Fatal{};
  }
  FileData* f = read_file(path);
  if (!f) fatal(name_loc, "%s: cannot read file", name.c_str());
  if (f->once || (kind == kDirImport && f->included)) return;
  if (f->guard && info(f->guard).macro) return;
  u32 depth = 0;
  for (const Source& x : stack) depth += x.file != nullptr;
  if (depth > include_depth_limit) {
    diag(CFREE_SEV_ERROR, name_loc, nullptr,
         "#include nested depth %u exceeds maximum of %u (use -fmax-include-depth=DEPTH to increase the maximum)",
         include_depth_limit, include_depth_limit);
    return;
  }
  u8 sysp = s.sysp;
  if (dir_index >= 0 && dirs[static_cast<size_t>(dir_index)].system) sysp = 2;
  CfreeLoc inc_loc = dloc;
  if (print) print->file_change(4, s, directive_line);  // GCC: maybe_print_line(included_from)
  push_file(f, path.c_str(), inc_loc, dir_index, sysp);
  if (kind == kDirImport) f->once = true;
  if (kind == kDirImacros) stack.back().discard = true;
}

void Preprocessor::Impl::dir_ifdef(Source& s, Token& t, bool ndef, bool elif) {
  (void)elif;
  Token name;
  lex_raw(s, name);
  bool value = false;
  bool mi_now = false;
  CfreeSym cmacro = 0;
  if (!name.sym) {
    diag_tok(CFREE_SEV_ERROR, name, nullptr,
             name.kind == Tok::Eod ? "no macro name given in #%s directive"
                                   : "macro names must be identifiers",
             ndef ? "ifndef" : "ifdef");
    skip_rest(s, name, nullptr);
  } else {
    Macro* m = info(name.sym).macro;
    if (m) m->used = true;
    if (info(name.sym).poisoned)
      diag(CFREE_SEV_ERROR, name.loc, nullptr, "attempt to use poisoned \"%.*s\"",
           static_cast<int>(name.len), name.text);
    value = (m != nullptr) != ndef;
    if (ndef) cmacro = name.sym;
    Token x;
    lex_raw(s, x);
    skip_rest(s, x, ndef ? "ifndef" : "ifdef");
  }
  // Top-of-file #ifndef: a candidate include guard.
  if (s.mi_valid && !s.mi_macro && cmacro && conds.size() == s.cond_base) {
    mi_now = true;
    s.mi_macro = cmacro;
  } else if (conds.size() == s.cond_base) {
    s.mi_valid = false;
  }
  conds.push_back({t.loc, static_cast<u8>(ndef ? kDirIfndef : kDirIfdef), value, false, mi_now});
  skip_after = !value;
}

void Preprocessor::Impl::dir_if(Source& s, Token& t, bool elif) {
  (void)elif;
  CfreeSym cmacro = 0;
  // Detect "#if !defined X" / "#if !defined(X)" for the include guard.
  {
    const char* p = s.p;
    while (*p == ' ' || *p == '\t') p++;
    if (*p == '!') {
      p++;
      while (*p == ' ' || *p == '\t') p++;
      if (std::strncmp(p, "defined", 7) == 0) {
        p += 7;
        while (*p == ' ' || *p == '\t') p++;
        bool paren = *p == '(';
        if (paren) p++;
        while (*p == ' ' || *p == '\t') p++;
        const char* b = p;
        while (is_ident_char(static_cast<u8>(*p))) p++;
        const char* e = p;
        while (*p == ' ' || *p == '\t') p++;
        if (paren && *p == ')') p++;
        while (*p == ' ' || *p == '\t') p++;
        if (e > b && *p == '\n' && (paren || true)) cmacro = cfree_sym_intern(c, b, static_cast<size_t>(e - b));
      }
    }
  }
  bool value = eval_if(s, t);
  bool mi_now = false;
  if (s.mi_valid && !s.mi_macro && cmacro && conds.size() == s.cond_base) {
    mi_now = true;
    s.mi_macro = cmacro;
  } else if (conds.size() == s.cond_base) {
    s.mi_valid = false;
  }
  conds.push_back({t.loc, static_cast<u8>(kDirIf), value, false, mi_now});
  skip_after = !value;
}

// Skip a false group: scan lines until the #else/#elif/#endif that ends it
// (at nesting depth 0), evaluating #elif conditions as needed.
void Preprocessor::Impl::skip_block(Source& s) {
  bool was_skipping = skipping;
  skipping = true;
  u32 depth = 0;
  for (;;) {
    if (s.p >= s.end) break;
    // At the start of a line.
    in_directive = true;
    s.leading_space = false;
    skip_ws(s);
    if (s.p >= s.end) break;
    bool is_hash = *s.p == '#' || (s.p[0] == '%' && s.p[1] == ':');
    if (!is_hash && s.p[0] == '?' && lang.trigraphs && s.p[1] == '?' && s.p[2] == '=') is_hash = true;
    if (is_hash) {
      Token h, d;
      lex_raw(s, h);
      if (h.kind == Tok::Hash) {
        CfreeLoc hloc = h.loc;
        lex_raw(s, d);
        Directive k = d.sym ? static_cast<Directive>(info(d.sym).directive) : kDirNone;
        switch (k) {
          case kDirIf:
          case kDirIfdef:
          case kDirIfndef:
            depth++;
            break;
          case kDirEndif:
            if (depth == 0) {
              Token x;
              lex_raw(s, x);
              skipping = was_skipping;
              skip_rest(s, x, "endif");
              Cond& cd = conds.back();
              if (conds.back().mi) {
                s.mi_closed = true;
                s.mi_valid = true;
              }
              (void)cd;
              conds.pop_back();
              goto done;
            }
            depth--;
            break;
          case kDirElse:
            if (depth == 0) {
              Cond& cd = conds.back();
              if (cd.in_else) {
                skipping = was_skipping;
                diag_tok(CFREE_SEV_ERROR, d, nullptr, "#else after #else");
                diag(CFREE_SEV_NOTE, cd.loc, nullptr, "the conditional began here");
                skipping = true;
              }
              cd.in_else = true;
              if (conds.back().mi) {
          s.mi_valid = false;
          conds.back().mi = false;
        }
              Token x;
              lex_raw(s, x);
              if (!cd.was_true) {
                skipping = was_skipping;
                skip_rest(s, x, "else");
                cd.was_true = true;
                goto done;
              }
              skip_rest(s, x, nullptr);
            }
            break;
          case kDirElif:
          case kDirElifdef:
          case kDirElifndef:
            if (depth == 0) {
              Cond& cd = conds.back();
              if (cd.in_else) {
                skipping = was_skipping;
                diag_tok(CFREE_SEV_ERROR, d, nullptr, "#%s after #else", cond_name(k));
                diag(CFREE_SEV_NOTE, cd.loc, nullptr, "the conditional began here");
                skipping = true;
              }
              if (conds.back().mi) {
          s.mi_valid = false;
          conds.back().mi = false;
        }
              if (!cd.was_true) {
                skipping = was_skipping;
                bool v;
                if (k == kDirElif) {
                  v = eval_if(s, d);
                } else {
                  Token name;
                  lex_raw(s, name);
                  if (!name.sym) {
                    diag(CFREE_SEV_ERROR, name.loc, nullptr, "no macro name given in #%s directive",
                         cond_name(k));
                    skip_rest(s, name, nullptr);
                    v = false;
                  } else {
                    v = (info(name.sym).macro != nullptr) == (k == kDirElifdef);
                    Token x;
                    lex_raw(s, x);
                    skip_rest(s, x, cond_name(k));
                  }
                }
                skipping = true;
                if (v) {
                  cd.was_true = true;
                  skipping = was_skipping;
                  goto done;
                }
              }
            }
            break;
          default:
            break;
        }
        (void)hloc;
      }
    }
    // Skip the rest of this line.
    skip_line(s);
    if (s.p < s.end && *s.p == '\n') {
      s.p++;
      newline(s, s.p);
    }
    continue;
  done:
    // Consume the rest of the directive line.
    {
      Token x;
      x.kind = Tok::Eod;
      while (s.p < s.end && *s.p != '\n') {
        lex_raw(s, x);
        if (x.kind == Tok::Eod) break;
      }
      if (s.p < s.end && *s.p == '\n') {
        s.p++;
        newline(s, s.p);
      }
    }
    break;
  }
  skipping = was_skipping;
  in_directive = false;
  s.at_bol = true;
  s.leading_space = false;
}

// ---- Start-up --------------------------------------------------------------------

void Preprocessor::Impl::start() {
  started = true;
  setup_dirs();
  base_file = input.name;
  // The main file.
  {
    Source m;
    CfreeLoc base = 0;
    m.id = cfree_source_add(c, input.name, input.data, input.size, 0, CFREE_FILE_USER, &base);
    m.begin = input.data;
    m.end = input.data + input.size;
    m.p = m.begin;
    m.line_start = m.begin;
    m.base = base;
    m.name = perm_dup(input.name, std::strlen(input.name));
    m.is_main = true;
    auto* fd = new FileData;
    fd->path = input.name;
    fd->data = input.data;
    fd->borrowed = true;
    fd->size = input.size;
    file_list.push_back(fd);
    files.emplace(normalize_key(input.name), fd);
    fd->included = true;
    m.file = fd;
    if (input.size >= 3 && static_cast<u8>(m.p[0]) == 0xEF && static_cast<u8>(m.p[1]) == 0xBB &&
        static_cast<u8>(m.p[2]) == 0xBF)
      m.p += 3;
    stack.push_back(m);
    if (print) print->file_change(3, stack.back(), 0);
  }
  // <command-line>: -D, -U, the implicit stdc-predef.h, -imacros, -include.
  std::string cmd;
  bool nostdinc = opts && opts->nostdinc;
  bool freestanding = false;
  if (opts)
    for (size_t i = 0; i < opts->n_extra_args; i++)
      if (!std::strcmp(opts->extra_args[i], "-ffreestanding")) freestanding = true;
  if (opts) {
    for (size_t i = 0; i < opts->n_macro_ops; i++) {
      const CfreeMacroOp& op = opts->macro_ops[i];
      if (op.kind == CFREE_MACRO_DEFINE) {
        const char* eq = std::strchr(op.text, '=');
        cmd += "#define ";
        if (eq) {
          cmd.append(op.text, static_cast<size_t>(eq - op.text));
          cmd += ' ';
          // Newlines in the value end the definition (as in GCC).
          for (const char* p = eq + 1; *p && *p != '\n'; p++) cmd += *p;
        } else {
          cmd += op.text;
          cmd += " 1";
        }
        cmd += '\n';
      } else if (op.kind == CFREE_MACRO_UNDEF) {
        cmd += "#undef ";
        cmd += op.text;
        cmd += '\n';
      }
    }
  }
  if (opts) {
    for (size_t i = 0; i < opts->n_macro_ops; i++) {
      const CfreeMacroOp& op = opts->macro_ops[i];
      if (op.kind == CFREE_MACRO_IMACROS) {
        cmd += "#__cfree_imacros \"";
        cmd += op.text;
        cmd += "\"\n";
      }
    }
  }
  if (!nostdinc && !freestanding) {
    std::string p;
    int di;
    if (find_include("stdc-predef.h", 13, true, -1, &p, &di)) cmd += "#include <stdc-predef.h>\n";
  }
  if (opts) {
    for (size_t i = 0; i < opts->n_macro_ops; i++) {
      const CfreeMacroOp& op = opts->macro_ops[i];
      if (op.kind == CFREE_MACRO_INCLUDE) {
        cmd += "#include \"";
        cmd += op.text;
        cmd += "\"\n";
      }
    }
  }
  char* cmdbuf = perm_dup(cmd.data(), cmd.size());
  push_buffer("<command-line>", cmdbuf, cmd.size(), CFREE_FILE_BUILTIN);
  // <built-in>: the predefined macros, processed first.
  std::string pre;
  predefine(pre);
  char* prebuf = perm_dup(pre.data(), pre.size());
  if (print) {
    Source tmp;
    tmp.name = "<built-in>";
    tmp.cmdline = true;
    print->file_change(2, tmp, 0);
  }
  push_buffer("<built-in>", prebuf, pre.size(), CFREE_FILE_BUILTIN);
  stack.back().tok_flags = kTokBuiltinLoc;  // GCC forces BUILTINS_LOCATION on predefines
}

// ---- Public interface -------------------------------------------------------------

Preprocessor::Preprocessor(CfreeCompiler* c, const CfreeCompileOptions* opts,
                           const CfreeInput* input)
    : impl_(new Impl(c, opts, input)) {}
Preprocessor::~Preprocessor() { delete impl_; }

bool Preprocessor::next(Token& t) {
  if (impl_->done) {
    t = Token{};
    return false;
  }
  return impl_->next_token(t);
}

CfreeCompiler* Preprocessor::compiler() const { return impl_->c; }
const LangStd& Preprocessor::lang() const { return impl_->lang; }
Tok Preprocessor::keyword_kind(CfreeSym sym) const {
  return sym < impl_->syms.size() ? impl_->syms[sym].kw : Tok::Identifier;
}

}  // namespace cfree::c
