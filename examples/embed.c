/* embed.c: a C program that embeds libcfree as a JIT, as one embeds libtcc.
 *
 * Each of NTHREADS threads creates its own compiler and JIT session (the
 * library has no global state, so sessions are independent), compiles a C
 * function from a string, gives it a host function to call back
 * (cfree_jit_add_symbol), links it into W^X memory, looks the function up by
 * name and calls it.  Then one JIT'd function is called from all threads at
 * once (a linked CfreeJit is immutable).  Exit status 0 when every result is
 * right.
 *
 * The host supplies the environment libcfree runs in: heap, diagnostics,
 * file access, and executable memory (mmap/mprotect: pages are never writable
 * and executable at once).
 */
#include <cfree.h>
#include <cfree/frontend.h>

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#define NTHREADS 4

/* ---- The host environment --------------------------------------------- */

static void* heap_alloc(void* ctx, size_t size, size_t align) {
  (void)ctx;
  void* p = NULL;
  if (align < sizeof(void*)) align = sizeof(void*);
  return posix_memalign(&p, align, size ? size : 1) == 0 ? p : NULL;
}
static void heap_free(void* ctx, void* p, size_t size) { (void)ctx; (void)size; free(p); }
static void diag(void* ctx, const CfreeDiagnostic* d) { (void)ctx; fputs(d->rendered, stderr); }
static int read_all(void* ctx, const char* path, const char** data, size_t* size) {
  (void)ctx; (void)path; (void)data; (void)size;
  return ENOENT; /* this host compiles from memory only */
}
static void release(void* ctx, const char* data, size_t size) { (void)ctx; (void)data; (void)size; }
static int exists(void* ctx, const char* path) { (void)ctx; (void)path; return 0; }
static void* mem_map(void* ctx, size_t size) {
  (void)ctx;
  void* p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  return p == MAP_FAILED ? NULL : p;
}
static int mem_protect(void* ctx, void* addr, size_t size, CfreeProt prot) {
  (void)ctx;
  int p = prot == CFREE_PROT_RW ? PROT_READ | PROT_WRITE : prot == CFREE_PROT_RX ? PROT_READ | PROT_EXEC : PROT_READ;
  return mprotect(addr, size, p) == 0 ? 0 : errno;
}
static void mem_unmap(void* ctx, void* addr, size_t size) { (void)ctx; munmap(addr, size); }

static CfreeEnv make_env(void) {
  CfreeEnv env;
  memset(&env, 0, sizeof env);
  env.heap.alloc = heap_alloc;
  env.heap.free = heap_free;
  env.diag.report = diag;
  env.file_io.read_all = read_all;
  env.file_io.release = release;
  env.file_io.exists = exists;
  env.exec_mem.map = mem_map;
  env.exec_mem.protect = mem_protect;
  env.exec_mem.unmap = mem_unmap;
  return env;
}

/* ---- The host function JIT code calls back ------------------------------ */

static int host_scale(int x, int k) { return x * k; }

/* The JIT'd program: no headers needed, host_scale comes from the host. */
static const char kSource[] =
    "int host_scale(int x, int k);\n"
    "static int table[8] = {1, 2, 3, 4, 5, 6, 7, 8};\n"
    "int weighted(int k) {\n"
    "  int s = 0;\n"
    "  for (int i = 0; i < 8; i++) s += host_scale(table[i], k);\n"
    "  return s + SESSION;\n"  /* SESSION is -D'd per thread */
    "}\n";

typedef struct Work {
  int id;
  int ok;
  CfreeJit* jit;
} Work;

static void* session_thread(void* arg) {
  Work* w = (Work*)arg;
  CfreeEnv env = make_env();
  CfreeCompiler* c = cfree_compiler_new(&env, cfree_target_host());
  if (!c) return NULL;
  cfree_register_frontend(c, cfree_lang_c_frontend());
  CfreeJitSession* s = cfree_jit_session_new(c, NULL);
  char def[32];
  snprintf(def, sizeof def, "SESSION=%d", w->id * 1000);
  CfreeMacroOp ops[1] = {{CFREE_MACRO_DEFINE, def}};
  CfreeCompileOptions opts;
  memset(&opts, 0, sizeof opts);
  opts.macro_ops = ops;
  opts.n_macro_ops = 1;
  opts.nostdinc = 1;
  CfreeInput in = {"weighted.c", kSource, sizeof kSource - 1, CFREE_LANG_C};
  if (cfree_jit_add_source(s, &opts, &in) == CFREE_OK &&
      cfree_jit_add_symbol(s, "host_scale", (const void*)host_scale) == CFREE_OK &&
      cfree_jit_link(s, &w->jit) == CFREE_OK) {
    int (*weighted)(int) = (int (*)(int))cfree_jit_lookup(w->jit, "weighted");
    int got = weighted ? weighted(w->id + 1) : -1;
    int want = 36 * (w->id + 1) + w->id * 1000;
    printf("session %d: weighted(%d) = %d (want %d)\n", w->id, w->id + 1, got, want);
    w->ok = got == want;
  }
  cfree_jit_session_free(s);
  cfree_compiler_free(c); /* the CfreeJit outlives its compiler */
  return NULL;
}


static void* call_thread(void* arg) {
  Work* w = (Work*)arg;
  int (*weighted)(int) = (int (*)(int))cfree_jit_lookup(w->jit, "weighted");
  int ok = 1;
  for (int i = 0; i < 100000; i++) ok &= weighted(2) == 72;
  w->ok = ok;
  return NULL;
}

int main(void) {
  pthread_t t[NTHREADS];
  Work w[NTHREADS];
  int ok = 1;
  for (int i = 0; i < NTHREADS; i++) {
    w[i].id = i;
    w[i].ok = 0;
    w[i].jit = NULL;
    pthread_create(&t[i], NULL, session_thread, &w[i]);
  }
  for (int i = 0; i < NTHREADS; i++) {
    pthread_join(t[i], NULL);
    ok &= w[i].ok;
  }
  /* One JIT, called from every thread at once. */
  Work cw[NTHREADS];
  for (int i = 0; i < NTHREADS; i++) {
    cw[i].id = i;
    cw[i].ok = 0;
    cw[i].jit = w[0].jit;
    if (cw[i].jit) pthread_create(&t[i], NULL, call_thread, &cw[i]);
  }
  for (int i = 0; i < NTHREADS; i++) {
    if (cw[i].jit) pthread_join(t[i], NULL);
    ok &= cw[i].ok;
  }
  printf("concurrent calls: %s\n", ok ? "ok" : "FAILED");
  for (int i = 0; i < NTHREADS; i++) cfree_jit_free(w[i].jit);
  printf("%s\n", ok ? "PASS" : "FAIL");
  return ok ? 0 : 1;
}
