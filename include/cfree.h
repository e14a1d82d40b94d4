/* cfree.h: the public C API of libcfree.
 *
 * A host (the `cfree` driver, or any program embedding the library) creates a
 * CfreeCompiler over a CfreeEnv: the env is the only way libcfree reaches the
 * outside world (heap, diagnostics output, files, executable memory).  Every
 * entry point returns a CfreeStatus; no C++ exception ever crosses this API.
 *
 * The header is C-compatible (C99 and later, and C++), uses opaque handles and
 * plain structs of options, so a C program -- including one built by cfree --
 * can embed the library as libtcc can be embedded.
 */
#ifndef CFREE_H
#define CFREE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Status codes -------------------------------------------------------- */

typedef enum CfreeStatus {
  CFREE_OK = 0,
  CFREE_ERR_COMPILE = 1,     /* diagnostics with severity error were reported */
  CFREE_ERR_USAGE = 2,       /* bad options or arguments                      */
  CFREE_ERR_IO = 3,          /* a file could not be read or written           */
  CFREE_ERR_UNSUPPORTED = 4, /* the requested feature is not implemented yet  */
  CFREE_ERR_NOMEM = 5,       /* allocation failed                             */
  CFREE_ERR_INTERNAL = 6     /* an internal invariant failed (a cfree bug)    */
} CfreeStatus;

/* A short, static, human-readable description of a status. */
const char* cfree_status_str(CfreeStatus status);

/* ---- Versions and targets ------------------------------------------------ */

const char* cfree_version(void);

typedef enum CfreeArch {
  CFREE_ARCH_NONE = 0,
  CFREE_ARCH_X86_64,
  CFREE_ARCH_AARCH64,
  CFREE_ARCH_RISCV64
} CfreeArch;

typedef enum CfreeOS { CFREE_OS_LINUX = 0 } CfreeOS;

typedef enum CfreeObjFormat { CFREE_OBJ_ELF = 0, CFREE_OBJ_MACHO } CfreeObjFormat;

typedef struct CfreeTarget {
  CfreeArch arch;
  CfreeOS os;
  CfreeObjFormat obj;
} CfreeTarget;

/* The target libcfree was built for (x86_64-linux-gnu on the supported host). */
CfreeTarget cfree_target_host(void);
/* Parse a GNU triple ("x86_64-linux-gnu", "aarch64-linux-gnu",
 * "riscv64-linux-gnu", and the usual spellings with "-unknown-" or "-pc-").
 * Returns CFREE_OK or CFREE_ERR_USAGE. */
CfreeStatus cfree_target_parse(const char* triple, CfreeTarget* out);
/* The canonical triple, e.g. "x86_64-linux-gnu". */
const char* cfree_target_triple(CfreeTarget target);

/* ---- Host environment vtables --------------------------------------------- */

/* Heap.  alloc returns NULL on failure; libcfree then reports CFREE_ERR_NOMEM. */
typedef struct CfreeHeap {
  void* ctx;
  void* (*alloc)(void* ctx, size_t size, size_t align);
  void (*free)(void* ctx, void* ptr, size_t size);
} CfreeHeap;

typedef enum CfreeSeverity {
  CFREE_SEV_NOTE = 0,
  CFREE_SEV_REMARK,
  CFREE_SEV_WARNING,
  CFREE_SEV_ERROR,
  CFREE_SEV_FATAL
} CfreeSeverity;

/* One diagnostic, as structured data and as the GCC/Clang-style rendering
 * (location line, source line, caret, with colour codes only when the env
 * asked for colour).  Pointers are valid for the duration of the callback. */
typedef struct CfreeDiagnostic {
  CfreeSeverity severity;
  const char* file; /* presumed file name, or NULL for a diagnostic without location */
  uint32_t line;    /* 1-based, 0 if unknown */
  uint32_t column;  /* 1-based, 0 if unknown */
  const char* message;
  const char* option;   /* the -W flag that controls it, or NULL */
  const char* rendered; /* full text ready to print, ends with '\n' */
} CfreeDiagnostic;

typedef struct CfreeDiagSink {
  void* ctx;
  void (*report)(void* ctx, const CfreeDiagnostic* diag);
} CfreeDiagSink;

/* File I/O.  read_all hands out a buffer the host owns until release is
 * called; libcfree never touches paths any other way. */
typedef struct CfreeFileIO {
  void* ctx;
  /* Returns 0 on success and fills *data and *size (the buffer is followed by at
   * least one readable NUL byte); non-zero errno-style value on failure. */
  int (*read_all)(void* ctx, const char* path, const char** data, size_t* size);
  void (*release)(void* ctx, const char* data, size_t size);
  /* 1 if path names an existing regular file, else 0. */
  int (*exists)(void* ctx, const char* path);
} CfreeFileIO;

/* Executable memory for the JIT.  Pages are mapped read-write, then switched
 * to their final protection; a page is never writable and executable at once. */
typedef enum CfreeProt { CFREE_PROT_RW = 1, CFREE_PROT_RX = 2, CFREE_PROT_R = 3 } CfreeProt;

typedef struct CfreeExecMem {
  void* ctx;
  void* (*map)(void* ctx, size_t size);                       /* RW, or NULL */
  int (*protect)(void* ctx, void* addr, size_t size, CfreeProt prot); /* 0 ok */
  void (*unmap)(void* ctx, void* addr, size_t size);
} CfreeExecMem;

/* An output byte sink (object files, executables, preprocessed text). */
typedef struct CfreeWriter {
  void* ctx;
  /* Returns 0 on success. */
  int (*write)(void* ctx, const void* data, size_t size);
} CfreeWriter;

typedef struct CfreeEnv {
  CfreeHeap heap;
  CfreeDiagSink diag;
  CfreeFileIO file_io;
  CfreeExecMem exec_mem;
  /* Seconds since the epoch for __DATE__/__TIME__ (SOURCE_DATE_EPOCH is the
   * host's business); NULL means "Jan  1 1970". */
  int64_t (*now)(void* ctx);
  void* now_ctx;
} CfreeEnv;

/* ---- Compiler lifecycle ---------------------------------------------------- */

typedef struct CfreeCompiler CfreeCompiler;

/* Diagnostic options, as set by -w, -Werror, -Werror=X, -Wno-X, -WX,
 * -fcolor-diagnostics, -fmax-errors=N. */
typedef struct CfreeDiagOptions {
  int suppress_warnings; /* -w */
  int warnings_as_errors; /* -Werror */
  int color;             /* 1: emit ANSI colour in `rendered` */
  uint32_t max_errors;   /* 0: unlimited */
} CfreeDiagOptions;

/* Create a compiler for `target`.  `env` is copied; its contexts must outlive
 * the compiler.  Returns NULL only if the env heap fails. */
CfreeCompiler* cfree_compiler_new(const CfreeEnv* env, CfreeTarget target);
void cfree_compiler_free(CfreeCompiler* c);
CfreeTarget cfree_compiler_target(const CfreeCompiler* c);

void cfree_set_diag_options(CfreeCompiler* c, const CfreeDiagOptions* opts);
/* Apply one warning flag as spelled after "-W": "all", "error", "no-foo",
 * "error=foo", "no-error=foo", "foo".  Returns CFREE_OK if the flag is known
 * or harmlessly ignorable, CFREE_ERR_USAGE if it is not a warning flag. */
CfreeStatus cfree_set_warning_flag(CfreeCompiler* c, const char* flag);

/* Counts of diagnostics reported so far. */
uint32_t cfree_error_count(const CfreeCompiler* c);
uint32_t cfree_warning_count(const CfreeCompiler* c);

/* Report a diagnostic without a source location ("cfree: error: ..."). */
void cfree_report(CfreeCompiler* c, CfreeSeverity sev, const char* fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* ---- Compilation ----------------------------------------------------------- */

typedef enum CfreeLang { CFREE_LANG_C = 0, CFREE_LANG_ASM, CFREE_LANG_ASM_CPP, CFREE_LANG_TOY } CfreeLang;

/* One translation unit held in memory.  `name` is the path used in
 * diagnostics and debug info; the buffer is borrowed for the call. */
typedef struct CfreeInput {
  const char* name;
  const char* data;
  size_t size;
  CfreeLang lang;
} CfreeInput;

/* ---- Object inspection (objdump) ---------------------------------------- */

/* What `cfree objdump` prints, one flag per GNU objdump option.  Output is
 * GNU objdump's layout for the same options. */
typedef struct CfreeObjdumpOptions {
  int archive_headers; /* -a (part of -x): the member or file name */
  int file_headers;    /* -f */
  int private_headers; /* -p: program headers of linked images */
  int section_headers; /* -h */
  int syms;            /* -t */
  int dynamic_syms;    /* -T */
  int relocs;          /* -r */
  int dynamic_relocs;  /* -R */
  int full_contents;   /* -s */
  int disassemble;     /* -d: sections holding code */
  int disassemble_all; /* -D: every section with contents */
  const char* const* only_sections; /* -j NAME (repeatable); NULL: all */
  size_t num_only_sections;
  int has_start_address; /* --start-address */
  uint64_t start_address;
  int has_stop_address; /* --stop-address */
  uint64_t stop_address;
} CfreeObjdumpOptions;

/* Print the ELF object, executable or shared library in `data` (named `name`
 * in the output and in diagnostics).  Malformed input: an error diagnostic
 * and CFREE_ERR_COMPILE; nothing is written for that file. */
CfreeStatus cfree_objdump(CfreeCompiler* c, const CfreeObjdumpOptions* opts, const char* name,
                          const void* data, size_t size, CfreeWriter* out);

/* Read a relocatable object into libcfree's object model and write it out
 * again with libcfree's ELF writer (what `cfree objdump --rewrite` does; the
 * result must link exactly like the input). */
CfreeStatus cfree_object_rewrite(CfreeCompiler* c, const char* name, const void* data, size_t size,
                                 CfreeWriter* out);

/* ---- Assembly -------------------------------------------------------------- */

/* Assemble one GNU-as-syntax source (AT&T x86-64) held in memory into a
 * relocatable ELF object written to `out`.  `in->lang` must be CFREE_LANG_ASM
 * (a .S file is preprocessed by the host first).  Errors are reported as
 * diagnostics at their source lines; on error nothing is written.  Returns
 * CFREE_ERR_UNSUPPORTED for targets other than x86-64. */
CfreeStatus cfree_assemble(CfreeCompiler* c, const CfreeInput* in, CfreeWriter* out);

/* ---- Archives (GNU ar format) ------------------------------------------------ */

typedef struct CfreeArchive CfreeArchive;

/* One member.  When read, pointers stay valid until cfree_archive_free (data
 * points into the caller's buffer, which must outlive the archive).  Thin
 * archives are rejected.  Writing is deterministic (zero dates and ids). */
typedef struct CfreeArchiveMember {
  const char* name;
  const void* data;
  size_t size;
  int64_t mtime;
  uint32_t uid, gid, mode;
} CfreeArchiveMember;

/* 1 if the bytes begin with an archive magic ("!<arch>\n" or "!<thin>\n"). */
int cfree_is_archive(const void* data, size_t size);
/* Parse an archive.  Malformed input: an error diagnostic naming `name` and
 * CFREE_ERR_COMPILE. */
CfreeStatus cfree_archive_open(CfreeCompiler* c, const char* name, const void* data, size_t size,
                               CfreeArchive** out);
size_t cfree_archive_member_count(const CfreeArchive* a);
void cfree_archive_member(const CfreeArchive* a, size_t i, CfreeArchiveMember* out);
int cfree_archive_is_thin(const CfreeArchive* a);
/* The symbol index ("/" member): name and defining member index. */
size_t cfree_archive_symbol_count(const CfreeArchive* a);
const char* cfree_archive_symbol(const CfreeArchive* a, size_t i, size_t* member);
void cfree_archive_free(CfreeArchive* a);
/* Write an archive of `n` members; with symbol_index, a "/" index of the
 * global symbols the ELF members define comes first (as GNU ar does). */
CfreeStatus cfree_archive_write(CfreeCompiler* c, const CfreeArchiveMember* members, size_t n,
                                int symbol_index, CfreeWriter* out);


/* ---- Linking ------------------------------------------------------------------ */

/* A link in progress.  Inputs are added in command-line order and resolved as
 * they arrive, with GNU ld's rules (archive members are extracted only for
 * symbols undefined at that point; groups are rescanned).  Input bytes are
 * copied or parsed during the call: the caller may release them afterwards.
 * Nothing here opens files: the host resolves -l/-L and linker scripts. */
typedef struct CfreeLinker CfreeLinker;

typedef enum CfreeLinkOutput {
  CFREE_LINK_EXEC = 0, /* position-dependent executable (ld's default, -no-pie) */
  CFREE_LINK_PIE,      /* position-independent executable (-pie) */
  CFREE_LINK_SHARED    /* shared library (-shared) */
} CfreeLinkOutput;

typedef struct CfreeLinkOptions {
  CfreeLinkOutput output;
  int static_link;          /* -static: no PT_INTERP/.dynamic (executables) */
  const char* entry;        /* -e SYMBOL; NULL: _start */
  const char* interp;       /* --dynamic-linker; NULL: the target's */
  const char* const* rpath; /* -rpath DIRs (DT_RUNPATH) */
  size_t n_rpath;
  const char* soname;       /* -soname (shared) */
  int gc_sections;          /* --gc-sections */
  int export_dynamic;       /* --export-dynamic / -rdynamic */
  int build_id;             /* --build-id: 0 none, else the id size (8, 16 or 20) */
  int no_eh_frame_hdr;      /* omit .eh_frame_hdr / PT_GNU_EH_FRAME */
  int strip_all;            /* -s */
  const char* const* undefined; /* -u SYMBOLs */
  size_t n_undefined;
  uint64_t image_base;      /* 0: the default (0x400000 for executables) */
} CfreeLinkOptions;

CfreeLinker* cfree_linker_new(CfreeCompiler* c, const CfreeLinkOptions* opts);
/* Add a relocatable object, an archive (whole_archive: every member) or a
 * shared library (as_needed: DT_NEEDED only if something binds to it),
 * recognised by content.  Malformed input: an error diagnostic naming `name`. */
CfreeStatus cfree_linker_add(CfreeLinker* l, const char* name, const void* data, size_t size,
                             int whole_archive, int as_needed);
/* --start-group (begin=1) / --end-group (begin=0). */
void cfree_linker_group(CfreeLinker* l, int begin);
/* Resolve, lay out, relocate and write the ELF output.  On failure nothing
 * was written to `out`. */
CfreeStatus cfree_linker_link(CfreeLinker* l, CfreeWriter* out);
void cfree_linker_free(CfreeLinker* l);

/* Linker-script stubs (libc.so is one): 1 if the bytes look like text rather
 * than an ELF file or an archive. */
int cfree_is_linker_script(const void* data, size_t size);
typedef struct CfreeScriptSink {
  void* ctx;
  /* A file named by the script ("-lNAME" for -l); return non-zero to go on. */
  int (*file)(void* ctx, const char* path, int as_needed);
  void (*group)(void* ctx, int begin);
} CfreeScriptSink;
/* Walk GROUP/INPUT/AS_NEEDED of a script; other commands are an error. */
CfreeStatus cfree_link_script(CfreeCompiler* c, const char* name, const char* text, size_t size,
                              const CfreeScriptSink* sink);


/* ---- JIT: compile, link and run in memory (cfree run, embedding) ----------- */

/* How JIT code reaches the rest of the process.  `resolve` returns the
 * address of a function or object of the host process or of a library the
 * host loaded (dlsym in the cfree driver), or NULL.  libcfree itself never
 * calls the dynamic loader. */
typedef struct CfreeJitHost {
  void* ctx;
  void* (*resolve)(void* ctx, const char* name);
  /* Thread-specific storage for _Thread_local variables of JIT code (one
   * block per image and thread); pthread keys fit.  All NULL: JIT code
   * with _Thread_local is refused.  `dtor` runs with a thread's value when
   * that thread exits. */
  int (*tls_key_create)(void* ctx, void (*dtor)(void*), uintptr_t* key);
  void (*tls_key_delete)(void* ctx, uintptr_t key);
  void* (*tls_get)(void* ctx, uintptr_t key);
  int (*tls_set)(void* ctx, uintptr_t key, void* value);
} CfreeJitHost;

/* A session collects inputs (C sources, objects, archives, host symbols) and
 * links them into one CfreeJit.  Thread-safety: a session, and the compiler
 * it was created on, are used by one thread at a time; independent sessions
 * on independent compilers may run on different threads at once (libcfree has
 * no global state).  A linked CfreeJit is immutable: lookups, symbolize and
 * calls into its code may happen from any number of threads. */
typedef struct CfreeJitSession CfreeJitSession;
typedef struct CfreeJit CfreeJit;

/* `host` is copied (NULL: only symbols added with cfree_jit_add_symbol are
 * visible).  Executable memory comes from the compiler env's exec_mem. */
CfreeJitSession* cfree_jit_session_new(CfreeCompiler* c, const CfreeJitHost* host);
void cfree_jit_session_free(CfreeJitSession* s);
/* Compile one translation unit with the frontend registered for input->lang
 * (opts: a struct CfreeCompileOptions from <cfree/frontend.h>, or NULL for
 * the defaults; position-independent code is forced).  Diagnostics go to the
 * env's sink; returns CFREE_ERR_COMPILE after errors. */
struct CfreeCompileOptions;
CfreeStatus cfree_jit_add_source(CfreeJitSession* s, const struct CfreeCompileOptions* opts,
                                 const CfreeInput* input);
/* A relocatable object or archive, by content. */
CfreeStatus cfree_jit_add_object(CfreeJitSession* s, const char* name, const void* data, size_t size);
/* Make `name` resolve to `addr` in JIT code (before the host resolver). */
CfreeStatus cfree_jit_add_symbol(CfreeJitSession* s, const char* name, const void* addr);
/* 1 if this session's host memory may go from writable to executable (probed
 * once per session without executing anything), else 0. */
int cfree_jit_memory_supported(CfreeJitSession* s);
/* Link everything added so far and map it (W^X).  The session may then be
 * freed; the CfreeJit does not refer to it nor to the compiler, only to the
 * env's exec_mem vtable. */
CfreeStatus cfree_jit_link(CfreeJitSession* s, CfreeJit** out);

/* Address of a global function or object defined by the JIT code, or NULL. */
void* cfree_jit_lookup(const CfreeJit* j, const char* name);
/* Run .preinit_array and .init_array (once). */
void cfree_jit_run_init(CfreeJit* j, int argc, char** argv, char** envp);
/* Run .fini_array in reverse (once, and only after run_init). */
void cfree_jit_run_fini(CfreeJit* j);
/* run_init, then main(argc, argv, envp); returns main's result (exit() from
 * JIT code leaves through the host's exit as usual). */
int cfree_jit_run_main(CfreeJit* j, int argc, char** argv, char** envp);
/* The function containing `addr`: 1 and *name (NULL if no symbol precedes
 * it) and *offset if addr is inside the JIT image, else 0.  Allocates
 * nothing, so a signal handler may call it. */
int cfree_jit_symbolize(const CfreeJit* j, uintptr_t addr, const char** name, uint64_t* offset);
/* Runs fini (if init ran and fini did not), unmaps, releases everything. */
void cfree_jit_free(CfreeJit* j);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* CFREE_H */
