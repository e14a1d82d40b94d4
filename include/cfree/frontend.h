/* cfree/frontend.h: services libcfree offers to language frontends.
 *
 * Frontends (lang/c, lang/toy) live outside src/ and see only include/.  This
 * header gives them what they share with the rest of the toolchain without
 * exposing CfreeCompiler's internals:
 *   - arenas (bump allocation, freed in one step),
 *   - interned symbols (CfreeSym, a 32-bit id; one table per compiler),
 *   - the source manager (buffers, 32-bit locations, include edges, macro
 *     expansion locations, #line),
 *   - diagnostics at a location, rendered GCC/Clang style by libcfree,
 *   - file access through the host's CfreeFileIO,
 *   - frontend registration.
 *
 * Locations: a CfreeLoc is a 32-bit offset into one address space covering
 * every buffer and every macro expansion registered with the compiler (the
 * scheme clang uses).  0 is "no location".
 */
#ifndef CFREE_FRONTEND_H
#define CFREE_FRONTEND_H

#include <cfree.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef uint32_t CfreeSym; /* 0 is the empty/none symbol */
typedef uint32_t CfreeLoc; /* 0 is "no location"         */

/* ---- Arenas ---------------------------------------------------------------- */

typedef struct CfreeArena CfreeArena;
CfreeArena* cfree_arena_new(CfreeCompiler* c);
void* cfree_arena_alloc(CfreeArena* a, size_t size, size_t align);
/* Free everything allocated since creation, keeping the first chunk. */
void cfree_arena_reset(CfreeArena* a);
void cfree_arena_free(CfreeArena* a);

/* ---- Interned symbols ------------------------------------------------------- */

/* The hash function the interner uses (FNV-1a, 32 bit), exposed so that a
 * lexer can hash while it scans and intern with the precomputed value. */
uint32_t cfree_sym_hash(const char* s, size_t len);
CfreeSym cfree_sym_intern(CfreeCompiler* c, const char* s, size_t len);
CfreeSym cfree_sym_intern_hashed(CfreeCompiler* c, const char* s, size_t len, uint32_t hash);
/* NUL-terminated spelling; *len (if non-NULL) receives its length. */
const char* cfree_sym_str(const CfreeCompiler* c, CfreeSym sym, size_t* len);

/* ---- Sources ------------------------------------------------------------------ */

typedef uint32_t CfreeFileId; /* 0 is none */

typedef enum CfreeFileKind {
  CFREE_FILE_USER = 0,
  CFREE_FILE_SYSTEM = 1,   /* from a system include directory (GCC flag 3) */
  CFREE_FILE_BUILTIN = 2   /* "<built-in>", "<command-line>" */
} CfreeFileKind;

/* Register a buffer (the whole contents of one file entry).  Each #include of
 * a file registers a new entry (with the location of the #include), so
 * include chains can be printed.  The data is borrowed and must outlive the
 * compiler (or until the host releases it after compilation).  Returns the
 * entry id and, in *base, the location of the first byte. */
CfreeFileId cfree_source_add(CfreeCompiler* c, const char* name, const char* data, size_t size,
                             CfreeLoc include_loc, CfreeFileKind kind, CfreeLoc* base);
/* Register a macro expansion: `size` locations starting at the returned base
 * map one-to-one onto spelling locations starting at `spelling`, and all of
 * them expand at [exp_begin, exp_end]. */
CfreeLoc cfree_source_add_expansion(CfreeCompiler* c, CfreeLoc spelling, uint32_t size,
                                    CfreeLoc exp_begin, CfreeLoc exp_end);
/* #line: from `loc` on (within its file entry), the presumed line of the next
 * line is `line` and, if `name` is non-NULL, the presumed file name is `name`. */
void cfree_source_line_directive(CfreeCompiler* c, CfreeLoc loc, uint32_t line, const char* name);

typedef struct CfreePresumedLoc {
  const char* file; /* presumed name (after #line) */
  uint32_t line, column;
  CfreeFileId id;   /* the file entry */
  CfreeLoc include_loc;
} CfreePresumedLoc;
/* Decompose a location (macro locations are followed to their expansion
 * point).  Returns 0 if loc is invalid. */
int cfree_source_presumed(CfreeCompiler* c, CfreeLoc loc, CfreePresumedLoc* out);
/* The spelling location of a (possibly macro) location. */
CfreeLoc cfree_source_spelling(CfreeCompiler* c, CfreeLoc loc);
/* The expansion location of a (possibly macro) location. */
CfreeLoc cfree_source_expansion(CfreeCompiler* c, CfreeLoc loc);
/* File entry facts, for dependency output and line markers. */
const char* cfree_source_name(CfreeCompiler* c, CfreeFileId id);
uint32_t cfree_source_count(CfreeCompiler* c); /* ids are 1..count */
CfreeLoc cfree_source_include_loc(CfreeCompiler* c, CfreeFileId id);

/* ---- Diagnostics -------------------------------------------------------------- */

/* Report a diagnostic at `loc` (0: none) with an optional highlighted range
 * [range_begin, range_end) (0s: just the caret).  `option` names the warning
 * flag without "-W" (e.g. "unused-variable"), or NULL.  Warnings may be
 * suppressed or promoted by the compiler's options.  Returns the severity
 * actually reported (-1 if suppressed).  CFREE_SEV_FATAL does not unwind: the
 * frontend must stop (lang/ frontends throw their own exception and catch it
 * at their entry). */
int cfree_diag(CfreeCompiler* c, CfreeSeverity sev, CfreeLoc loc, const char* option,
               const char* fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;
int cfree_diag_range(CfreeCompiler* c, CfreeSeverity sev, CfreeLoc loc, CfreeLoc range_begin,
                     CfreeLoc range_end, const char* option, const char* fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 7, 8)))
#endif
    ;
/* Whether a warning flag is enabled (after -w, -Wall, -Wno-X). */
int cfree_warning_enabled(CfreeCompiler* c, const char* option);
/* The host environment (file I/O, time) of this compiler. */
const CfreeEnv* cfree_compiler_env(CfreeCompiler* c);

/* ---- Frontends ---------------------------------------------------------------- */

/* Options that reach a frontend; the driver fills them from its command line.
 * Arrays are borrowed for the duration of the call. */
typedef enum CfreeIncludeKind {
  CFREE_INC_QUOTE = 0,  /* -iquote */
  CFREE_INC_ANGLED,     /* -I      */
  CFREE_INC_SYSTEM,     /* -isystem and the discovered system directories */
  CFREE_INC_AFTER       /* -idirafter */
} CfreeIncludeKind;

typedef struct CfreeIncludeDir {
  const char* path;
  CfreeIncludeKind kind;
} CfreeIncludeDir;

typedef enum CfreeMacroOpKind { CFREE_MACRO_DEFINE = 0, CFREE_MACRO_UNDEF, CFREE_MACRO_INCLUDE, CFREE_MACRO_IMACROS } CfreeMacroOpKind;

/* -D, -U, -include and -imacros, in command-line order.  For DEFINE, text is
 * "NAME" or "NAME=VALUE" as written after -D. */
typedef struct CfreeMacroOp {
  CfreeMacroOpKind kind;
  const char* text;
} CfreeMacroOp;

typedef struct CfreeCompileOptions {
  int opt_level;          /* -O0..-O3; -Os counts as 2 */
  int debug_info;         /* -g */
  const char* std;        /* "gnu17", "c11", ... or NULL for the default */
  const CfreeIncludeDir* include_dirs;
  size_t n_include_dirs;
  const CfreeMacroOp* macro_ops;
  size_t n_macro_ops;
  const char* sysroot;    /* --sysroot, or NULL */
  int nostdinc;           /* -nostdinc */
  int pic;                /* 0 no-pic, 1 pic, 2 PIC; PIE is the default */
  int pie;
  int emit_asm;           /* -S: write GNU assembly text instead of an object */
  /* Frontend-specific flags the driver did not understand, in order, for the
   * frontend to accept or reject (e.g. -trigraphs, -fwrapv). */
  const char* const* extra_args;
  size_t n_extra_args;
} CfreeCompileOptions;

/* Preprocess-only output options (cc -E). */
typedef struct CfreePreprocessOptions {
  int no_line_markers; /* -P */
  int keep_comments;   /* -C */
  int dump_macros;     /* -dM: 1; -dD: 2 */
  /* Dependency output (-M family); NULL writer means none. */
  int deps_mode;       /* 0 none, 1 -M (all), 2 -MM (user only) */
  int deps_phony;      /* -MP */
  const char* deps_target; /* -MT/-MQ joined, or NULL for the default */
  CfreeWriter* deps_out;
} CfreePreprocessOptions;

typedef struct CfreeFrontend {
  const char* name;
  CfreeLang lang;
  void* ctx;
  /* Preprocess `input` and write text to `out` (NULL if unsupported). */
  CfreeStatus (*preprocess)(void* ctx, CfreeCompiler* c, const CfreeCompileOptions* opts,
                            const CfreePreprocessOptions* pp, const CfreeInput* input,
                            CfreeWriter* out);
  /* Compile `input` to an object written to `out` (NULL if unsupported). */
  CfreeStatus (*compile)(void* ctx, CfreeCompiler* c, const CfreeCompileOptions* opts,
                         const CfreeInput* input, CfreeWriter* out);
} CfreeFrontend;

/* Register a frontend for frontend->lang on this compiler (replacing any
 * earlier one).  The struct is copied. */
CfreeStatus cfree_register_frontend(CfreeCompiler* c, const CfreeFrontend* frontend);
const CfreeFrontend* cfree_frontend_for(CfreeCompiler* c, CfreeLang lang);

/* The frontends built into the cfree distribution (implemented in lang/). */
const CfreeFrontend* cfree_lang_c_frontend(void);
const CfreeFrontend* cfree_lang_toy_frontend(void); /* lang/toy: the toy language (.toy) */

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* CFREE_FRONTEND_H */
