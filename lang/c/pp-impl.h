// pp-impl.h: the preprocessor's private state, shared by its parts.
//
// The preprocessor is split by phase: lexer.cpp (raw tokens from a buffer:
// splices, comments, literals, punctuators, identifiers interned with a hash
// computed while scanning), pp.cpp (the token pump, the include stack and the
// directives), pp-macro.cpp (definitions and expansion: argument collection,
// substitution, #, ##, __VA_OPT__, rescanning with the painted-blue rule),
// pp-expr.cpp (#if arithmetic), pp-predef.cpp (target predefines and
// built-in macros) and pp-output.cpp (the -E printer, -dM, -M).  The design
// follows GCC's libcpp closely where its behaviour is observable (padding
// tokens that decide -E spacing, when contexts are popped and macros
// re-enabled), because `cfree cc -E` must match `gcc -E`.
#pragma once

#include "c/pp.h"

#include <cfree/frontend.h>

#include <cstdint>
#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

namespace cfree::c {

using u8 = uint8_t;
using u16 = uint16_t;
using u32 = uint32_t;
using u64 = uint64_t;
using i64 = int64_t;

// Internal token kind: -E spacing bookkeeping (GCC's CPP_PADDING).  A padding
// whose source is "NULL" has kTokPadNull; otherwise kTokSpace mirrors the
// source token's leading white space.
constexpr Tok kPadding = Tok::Count;
constexpr uint16_t kTokPadNull = 1u << 11;
constexpr uint16_t kTokSystem = 1u << 12;       // spelled in a system header (for -E line markers)
constexpr uint16_t kTokBuiltinLoc = 1u << 13;   // result of a built-in macro inside an expansion
constexpr uint16_t kTokStringifyArg = 1u << 14; // MacroArg with # applied
constexpr uint16_t kTokDigraph = 1u << 15;

enum class Builtin : u8 {
  None,
  File,
  Line,
  Counter,
  IncludeLevel,
  BaseFile,
  Date,
  Time,
  Timestamp,
  HasInclude,     // only inside #if
  HasIncludeNext,
  HasAttribute,
  HasCAttribute,
  HasBuiltin,
  Pragma,         // _Pragma
};

struct Macro {
  CfreeSym name = 0;
  Builtin builtin = Builtin::None;
  bool funlike = false;
  bool variadic = false;
  bool disabled = false;  // being expanded (6.10.3.4p2)
  bool system = false;    // defined in a system header
  bool used = false;
  u16 nparams = 0;
  u32 ntoks = 0;
  const Token* body = nullptr;
  const CfreeSym* params = nullptr;
  CfreeLoc def_loc = 0;   // location of the name in #define
  CfreeLoc body_loc = 0;  // spelling location of the first body token (0: empty)
  u32 body_span = 0;      // locations spanned by the body
};

// Per-symbol facts: indexed by CfreeSym (the interner hands out dense ids).
struct SymInfo {
  Macro* macro = nullptr;
  Tok kw = Tok::Identifier;
  u8 directive = 0;  // Directive, for names that follow '#'
  bool poisoned = false;
};

enum Directive : u8 {
  kDirNone = 0,
  kDirDefine, kDirUndef, kDirInclude, kDirIncludeNext, kDirImport, kDirIf, kDirIfdef,
  kDirIfndef, kDirElif, kDirElifdef, kDirElifndef, kDirElse, kDirEndif, kDirLine, kDirError,
  kDirWarning, kDirPragma, kDirIdent, kDirSccs, kDirAssert, kDirUnassert,
  kDirImacros,  // internal: -imacros FILE from the command line
};

// A file as read from disk: read once, shared by every inclusion.
struct FileData {
  std::string path;
  const char* data = nullptr;
  size_t size = 0;
  bool borrowed = false;   // the main input: not ours to release
  bool once = false;        // #pragma once seen
  bool included = false;
  CfreeSym guard = 0;       // include guard macro, once known
};

// One entry of the include stack: a buffer being lexed.
struct Source {
  const char* begin = nullptr;
  const char* end = nullptr;
  const char* p = nullptr;
  const char* line_start = nullptr;
  u32 line = 1;             // physical line of p
  CfreeLoc base = 0;        // location of begin
  CfreeFileId id = 0;
  FileData* file = nullptr; // nullptr for built-in / command-line buffers
  const char* name = nullptr;   // presumed file name (after #line)
  i64 line_delta = 0;       // presumed = physical + delta
  int dir_index = -1;       // search dir the file was found in (for #include_next)
  u32 cond_base = 0;        // conditional stack depth at entry
  u8 sysp = 0;              // 0 user, 2 system (GCC's "3 4")
  u16 tok_flags = 0;        // flags every token of this buffer gets (kTokSystem / kTokBuiltinLoc)
  bool is_main = false;
  bool at_bol = true;
  bool leading_space = false;
  bool cmdline = false;     // <command-line> / <built-in>: no EOF markers
  bool discard = false;     // -imacros: keep the macros, drop the tokens
  // Multiple-include optimisation state.
  bool mi_valid = true;
  bool mi_seen_token = false;  // a token or directive before the guard
  bool mi_closed = false;      // the guard's #endif has been seen
  CfreeSym mi_macro = 0;
};

struct Cond {
  CfreeLoc loc;
  u8 dir;          // Directive that opened it
  bool was_true;   // some branch has been taken
  bool in_else;
  bool mi;         // the include-guard candidate of its file
};

// A macro-expansion context: a token array being read.
struct Context {
  const Token* cur;
  const Token* end;
  Macro* macro;  // re-enabled when the context is popped (nullptr: none)
};

struct SearchDir {
  std::string path;  // without trailing '/'; "" for the current directory
  CfreeIncludeKind kind;
  bool system;
};

// Printer callbacks (-E): implemented in pp-output.cpp.
struct PrintHooks {
  virtual ~PrintHooks() = default;
  virtual void line_change(const Token& t, const Source& s) = 0;
  // reason: 0 enter (" 1"), 1 leave (" 2"), 2 rename (#line; no flag), 3 first file
  virtual void file_change(int reason, const Source& s, u32 line) = 0;
  virtual void pragma_verbatim(const Source& s, u32 line, const char* text, size_t len) = 0;
  virtual void pragma_line_change(const Token& name_tok, const Source& s) = 0;
  virtual void after_pragma_operator() = 0;
  virtual void define(Macro* m, bool undef) = 0;
  virtual void ident(const Source& s, u32 line, const char* text, size_t len) = 0;
};

struct Preprocessor::Impl {
  Impl(CfreeCompiler* c, const CfreeCompileOptions* opts, const CfreeInput* input);
  ~Impl();

  CfreeCompiler* c;
  const CfreeCompileOptions* opts;
  CfreeInput input;
  LangStd lang;
  CfreeTarget target;
  bool asm_mode = false;       // assembler-with-cpp
  bool want_padding = false;   // -E
  bool keep_comments = false;  // -C
  PrintHooks* print = nullptr;
  CfreeArena* perm = nullptr;     // spellings, macros: live as long as the preprocessor
  CfreeArena* scratch = nullptr;  // expansion token arrays: reset when no context is live

  // Symbols.
  std::vector<SymInfo> syms;
  SymInfo& info(CfreeSym s) {
    if (s >= syms.size()) syms.resize(s + 1024);
    return syms[s];
  }
  CfreeSym intern(const char* s) { return cfree_sym_intern(c, s, std::strlen(s)); }
  CfreeSym s_defined, s_va_args, s_va_opt, s_has_include, s_has_include_next, s_pragma_op,
      s_once, s_gcc, s_system_header, s_poison, s_push_macro, s_pop_macro, s_warning, s_error,
      s_dependency, s_stdc, s_redefine_extname, s_message, s_scalar_storage_order;

  // Sources.
  std::vector<Source> stack;
  std::vector<Cond> conds;
  std::vector<SearchDir> dirs;
  size_t quote_end = 0, angled_begin = 0;  // dirs[0..quote_end) quote-only; angled from angled_begin
  std::unordered_map<std::string, FileData*> files;
  std::vector<FileData*> file_list;
  std::string main_dir;
  const char* base_file = nullptr;
  u32 include_depth_limit = 200;
  CfreeFileId last_file_id = 0;

  // Expansion.
  struct ArgRange {
    u32 begin = 0, end = 0;          // unexpanded tokens in argbuf
    u32 exp_begin = 0, exp_end = 0;  // expanded tokens in argbuf
    bool expanded = false;
    bool absent = false;  // the variadic argument was omitted (GNU comma swallowing)
  };
  std::vector<Token> argbuf;     // a stack: arguments, expansions, substitution output
  std::vector<ArgRange> args;    // a stack of argument ranges
  u32 expand_depth = 0;
  u32 prevent_expansion = 0;
  bool scratch_used = false;
  std::vector<Context> ctx;
  bool collecting = false;   // reading macro arguments (no expansion, no line changes)
  bool peeking = false;      // looking for '(' after a function-like macro name
  bool in_directive = false;
  bool skip_after = false;   // a directive opened a false group
  bool in_if = false;        // evaluating #if (defined, __has_include are operators)
  bool skipping = false;
  bool has_lookahead = false;
  Token lookahead;           // one raw token pushed back to the lexer level
  u32 counter = 0;
  bool started = false;
  bool done = false;
  std::vector<std::pair<CfreeSym, Macro*>> pushed_macros;  // #pragma push_macro
  Token pending;             // a #pragma for the parser, returned after its directive
  bool has_pending = false;
  u32 directive_line = 0;    // physical line of the directive being processed
  bool last_from_ctx = false;        // the last token get_token returned came from a context
  CfreeLoc top_exp_loc = 0;  // name of the outermost macro being expanded (-E)
  struct FileDep {
    std::string path;
    bool system;
  };
  std::vector<FileDep> deps;  // headers in first-inclusion order (-M)

  // Lexer (lexer.cpp).
  void lex_raw(Source& s, Token& t);  // one raw token (Eod at end of a directive line)
  void lex_number(Source& s, Token& t, const char* start);
  void lex_quote(Source& s, Token& t, const char* start, char q);
  void lex_ident(Source& s, Token& t, const char* start);
  void lex_ident_slow(Source& s, Token& t, const char* start);
  bool skip_ws(Source& s);  // returns true if a newline ends a directive
  const char* skip_splice(const char* p, const char* end);
  void skip_block_comment(Source& s, const char* start);
  const char* clean_spelling(const char* b, const char* e, u32* len);
  void skip_line(Source& s);  // rest of line, for skipped blocks
  bool lex_header_name(Source& s, Token& t);
  void finish_ident(Token& t, const char* text, u32 len, u32 hash);
  CfreeLoc loc_of(const Source& s, const char* p) const {
    return s.base + static_cast<CfreeLoc>(p - s.begin);
  }
  void newline(Source& s, const char* after) {
    s.line++;
    s.line_start = after;
  }

  // The physical line of loc if it lies in s before the lexer position.
  bool line_in_current(const Source& s, CfreeLoc loc, u32* line) const {
    if (loc < s.base || loc - s.base > static_cast<size_t>(s.p - s.begin)) return false;
    const char* t = s.begin + (loc - s.base);
    u32 n = 0;
    for (const char* q = t; q < s.line_start; q++) n += *q == '\n';
    *line = s.line - n;
    return true;
  }

  // Token pump (pp.cpp).
  void start();
  void lex_token(Token& t);   // lexer level: directives, skipping, includes, line changes
  void get_token(Token& t);   // expanded level (paddings included when want_padding)
  bool next_token(Token& t);  // what Preprocessor::next returns
  bool directive(Source& s, Token& hash);  // false: not a directive (assembler '#')
  void skip_block(Source& s);
  void dir_include(Source& s, Token& t, int kind);
  void dir_line(Source& s, Token& t);
  void dir_pragma(Source& s, Token& t);
  void handle_pragma(std::vector<Token>& toks, CfreeLoc loc, u32 line, bool from_operator);
  void do_pragma_text(const std::string& text, const Token& name);
  void dir_ifdef(Source& s, Token& t, bool ndef, bool elif);
  void dir_if(Source& s, Token& t, bool elif);
  void dir_else(Source& s, Token& t);
  void dir_endif(Source& s, Token& t);
  void dir_diag(Source& s, Token& t, bool is_error);
  void read_line(Source& s, std::vector<Token>* out);  // rest of the directive, raw
  void skip_rest(Source& s, const Token& t, const char* dname);  // warn on extra tokens
  void push_file(FileData* f, const char* path, CfreeLoc include_loc, int dir_index, u8 sysp);
  void pop_file();
  void push_buffer(const char* name, const char* data, size_t size, CfreeFileKind kind);
  FileData* read_file(const std::string& path);
  bool find_include(const char* name, size_t len, bool angled, int start_dir,
                    std::string* path, int* dir_index);
  void setup_dirs();
  void end_cond_check(Source& s);
  Source* cur_file();  // innermost real file

  // Macros (pp-macro.cpp).
  Macro* define(Source& s, Token& name_tok);
  void undef(CfreeSym name);
  bool enter_macro(Macro* m, Token& name);
  bool expand_builtin(Macro* m, Token& name);
  bool collect_args(Macro* m, const Token& name, CfreeLoc* rparen);
  void expand_arg(size_t ai);
  Token* substitute(Macro* m, const Token& name, size_t a0, u32* count, CfreeLoc exp_end);
  void push_number(u64 v, const Token& at);
  void push_string(const std::string& text, const Token& at);
  Token stringify(const Token* toks, size_t n, CfreeLoc loc, u16 flags);
  void paste_all(Token& lhs);
  bool paste(Token& lhs, const Token& rhs, CfreeLoc loc);
  void push_tokens(const Token* toks, u32 n, Macro* m);
  void pop_context();
  bool macro_equal(const Macro* a, const Macro* b) const;
  Macro* new_macro();
  void define_cmdline(const char* text, size_t len, bool undef);
  void define_builtin(const char* name, Builtin b);
  // Lexing a string of text as tokens (for pasting, _Pragma, -D).
  bool lex_string(const char* text, size_t len, CfreeLoc loc, std::vector<Token>* out, bool whole);
  Token* alloc_tokens(u32 n) {
    return static_cast<Token*>(cfree_arena_alloc(scratch, sizeof(Token) * (n ? n : 1), alignof(Token)));
  }
  char* perm_dup(const char* s, size_t n) {
    char* p = static_cast<char*>(cfree_arena_alloc(perm, n + 1, 1));
    std::memcpy(p, s, n);
    p[n] = 0;
    return p;
  }

  // #if (pp-expr.cpp).
  bool eval_if(Source& s, Token& first);
  bool has_attribute(CfreeSym name, bool c_attr, i64* value);
  bool has_builtin(CfreeSym name);

  // Predefines (pp-predef.cpp).
  void predefine(std::string& out);

  // Diagnostics.
  int diag(CfreeSeverity sev, CfreeLoc loc, const char* option, const char* fmt, ...)
#if defined(__GNUC__)
      __attribute__((format(printf, 5, 6)))
#endif
      ;
  // A diagnostic underlining a whole token (GCC's ^~~~).
  int diag_tok(CfreeSeverity sev, const Token& t, const char* option, const char* fmt, ...)
#if defined(__GNUC__)
      __attribute__((format(printf, 5, 6)))
#endif
      ;
  [[noreturn]] void fatal(CfreeLoc loc, const char* fmt, ...)
#if defined(__GNUC__)
      __attribute__((format(printf, 3, 4)))
#endif
      ;
  std::string spell(const Token& t) const { return std::string(t.text, t.len); }
};

// Spelling helpers (lexer.cpp).
bool is_ident_start(unsigned char c);
bool is_ident_char(unsigned char c);

}  // namespace cfree::c
