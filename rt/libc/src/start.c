/* start.c: program start and end for cfree's static C library.  _start
 * (<arch>/start.S) passes the initial stack; here argc/argv/envp and the
 * auxiliary vector are read, thread-local storage is set up from the
 * PT_TLS segment, the constructors in .preinit_array/.init_array run, then
 * main, then exit: atexit handlers in reverse order, .fini_array in reverse,
 * stdio flushed, exit_group (C11 7.22.4.4). */
#include "libc.h"
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

char** environ = 0; /* initialised: cfree drops a tentative definition after an extern declaration */
char* __progname;

extern void (*__preinit_array_start[])(int, char**, char**) __attribute__((weak));
extern void (*__preinit_array_end[])(int, char**, char**) __attribute__((weak));
extern void (*__init_array_start[])(int, char**, char**) __attribute__((weak));
extern void (*__init_array_end[])(int, char**, char**) __attribute__((weak));
extern void (*__fini_array_start[])(void) __attribute__((weak));
extern void (*__fini_array_end[])(void) __attribute__((weak));

int main(int, char**, char**);

#define AT_PHDR 3
#define AT_PHENT 4
#define AT_PHNUM 5
#define PT_TLS 7

struct phdr {
  uint32_t type, flags;
  uint64_t offset, vaddr, paddr, filesz, memsz, align;
};

RT_HIDDEN void __rt_tls_setup(const struct phdr* tls);

/* Thread-local storage (variant II, x86-64 psABI / Drepper's "ELF Handling
 * For Thread-Local Storage" 3.4.6): the TLS block ends at the thread pointer,
 * which points at a TCB whose first word points at itself. */
static void tls_init(unsigned long* auxv) {
  const struct phdr* ph = 0;
  unsigned long phnum = 0, phent = sizeof(struct phdr);
  for (; auxv[0]; auxv += 2) {
    if (auxv[0] == AT_PHDR) ph = (const struct phdr*)auxv[1];
    if (auxv[0] == AT_PHNUM) phnum = auxv[1];
    if (auxv[0] == AT_PHENT) phent = auxv[1];
  }
  const struct phdr* tls = 0;
  for (unsigned long i = 0; ph && i < phnum; i++) {
    const struct phdr* p = (const struct phdr*)((const char*)ph + i * phent);
    if (p->type == PT_TLS) tls = p;
  }
  __rt_tls_setup(tls);
}

#if defined(__x86_64__)
void __rt_tls_setup(const struct phdr* tls) {
  /* The linker places the block at tp - round_up(memsz, p_align). */
  unsigned long palign = tls && tls->align ? tls->align : 1;
  unsigned long align = palign > 16 ? palign : 16;
  unsigned long size = tls ? (tls->memsz + palign - 1) & -palign : 0;
  size_t total = size + 64 + align;
  char* mem = mmap(0, total, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (mem == MAP_FAILED) return;
  char* tp = (char*)(((uintptr_t)mem + size + align - 1) & -align);
  if (tls) memcpy(tp - size, (const void*)tls->vaddr, tls->filesz);  /* static ET_EXEC: vaddr is absolute */
  *(void**)tp = tp;
  SYS2(SYS_arch_prctl, 0x1002 /* ARCH_SET_FS */, tp);
}
#endif

#define NATEXIT 64
static void (*atexit_fns[NATEXIT])(void);
static int natexit;

RT_WEAK int atexit(void (*f)(void)) {
  if (natexit == NATEXIT) return -1;
  atexit_fns[natexit++] = f;
  return 0;
}
RT_WEAK int at_quick_exit(void (*f)(void)) { return atexit(f); }

RT_WEAK _Noreturn void exit(int status) {
  while (natexit > 0) atexit_fns[--natexit]();
  if (__fini_array_start)
    for (void (**f)(void) = __fini_array_end; f > __fini_array_start;) (*--f)();
  __rt_stdio_exit();
  _exit(status);
}
RT_WEAK _Noreturn void quick_exit(int status) { exit(status); }

_Noreturn void __rt_start_main(long* sp) {
  int argc = (int)sp[0];
  char** argv = (char**)(sp + 1);
  char** envp = argv + argc + 1;
  environ = envp;
  __progname = argv[0];
  char** e = envp;
  while (*e) e++;
  tls_init((unsigned long*)(e + 1));
  if (__preinit_array_start)
    for (void (**f)(int, char**, char**) = __preinit_array_start; f < __preinit_array_end; f++) (*f)(argc, argv, envp);
  if (__init_array_start)
    for (void (**f)(int, char**, char**) = __init_array_start; f < __init_array_end; f++) (*f)(argc, argv, envp);
  exit(main(argc, argv, envp));
}
