/* syscalls.c: errno and the POSIX wrappers over raw Linux system calls
 * (read, write, open, close, lseek, mmap, getpid, _exit, clocks, signals). */
#include "libc.h"
#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static int errno_value;
RT_WEAK int* __errno_location(void) { return &errno_value; }

long __rt_sys(long r) {
  if (r < 0 && r > -4096) {
    errno_value = (int)-r;
    return -1;
  }
  return r;
}

RT_WEAK ssize_t read(int fd, void* b, size_t n) { return __rt_sys(SYS3(SYS_read, fd, b, n)); }
RT_WEAK ssize_t write(int fd, const void* b, size_t n) { return __rt_sys(SYS3(SYS_write, fd, b, n)); }
RT_WEAK int close(int fd) { return (int)__rt_sys(SYS1(SYS_close, fd)); }
RT_WEAK off_t lseek(int fd, off_t o, int w) { return __rt_sys(SYS3(SYS_lseek, fd, o, w)); }
RT_WEAK pid_t getpid(void) { return (pid_t)SYS0(SYS_getpid); }
RT_WEAK uid_t getuid(void) { return (uid_t)SYS0(SYS_getuid); }
RT_WEAK _Noreturn void _exit(int s) {
  for (;;) SYS1(SYS_exit_group, s);
}
RT_WEAK _Noreturn void _Exit(int s) { _exit(s); }
RT_WEAK int unlink(const char* p) { return (int)__rt_sys(SYS1(SYS_unlink, p)); }
RT_WEAK int rmdir(const char* p) { return (int)__rt_sys(SYS1(SYS_rmdir, p)); }
RT_WEAK int mkdir(const char* p, mode_t m) { return (int)__rt_sys(SYS2(SYS_mkdir, p, m)); }
RT_WEAK int access(const char* p, int m) { return (int)__rt_sys(SYS2(SYS_access, p, m)); }
RT_WEAK int rename(const char* a, const char* b) { return (int)__rt_sys(SYS2(SYS_rename, a, b)); }
RT_WEAK int remove(const char* p) {
  int r = unlink(p);
  if (r < 0 && errno_value == EISDIR) r = rmdir(p);
  return r;
}
RT_WEAK char* getcwd(char* b, size_t n) { return __rt_sys(SYS2(SYS_getcwd, b, n)) < 0 ? 0 : b; }
RT_WEAK int dup(int fd) { return (int)__rt_sys(SYS1(SYS_dup, fd)); }
RT_WEAK int dup2(int a, int b) { return (int)__rt_sys(SYS2(SYS_dup2, a, b)); }
RT_WEAK int pipe(int fd[2]) { return (int)__rt_sys(SYS1(SYS_pipe, fd)); }
RT_WEAK int stat(const char* p, struct stat* st) { return (int)__rt_sys(SYS2(SYS_stat, p, st)); }
RT_WEAK int fstat(int fd, struct stat* st) { return (int)__rt_sys(SYS2(SYS_fstat, fd, st)); }

RT_WEAK int open(const char* p, int flags, ...) {
  va_list ap;
  va_start(ap, flags);
  int mode = (flags & O_CREAT) ? va_arg(ap, int) : 0;
  va_end(ap);
  return (int)__rt_sys(SYS4(SYS_openat, AT_FDCWD, p, flags, mode));
}
RT_WEAK int openat(int d, const char* p, int flags, ...) {
  va_list ap;
  va_start(ap, flags);
  int mode = (flags & O_CREAT) ? va_arg(ap, int) : 0;
  va_end(ap);
  return (int)__rt_sys(SYS4(SYS_openat, d, p, flags, mode));
}
RT_WEAK int creat(const char* p, mode_t m) { return open(p, O_WRONLY | O_CREAT | O_TRUNC, m); }
RT_WEAK int fcntl(int fd, int cmd, ...) {
  va_list ap;
  va_start(ap, cmd);
  long a = va_arg(ap, long);
  va_end(ap);
  return (int)__rt_sys(SYS3(SYS_fcntl, fd, cmd, a));
}

RT_WEAK int isatty(int fd) {
  char termios[64];
  return SYS3(SYS_ioctl, fd, 0x5401 /* TCGETS */, termios) == 0;
}

RT_WEAK void* mmap(void* a, size_t n, int prot, int flags, int fd, off_t off) {
  long r = __rt_sys(SYS6(SYS_mmap, a, n, prot, flags, fd, off));
  return r == -1 ? MAP_FAILED : (void*)r;
}
RT_WEAK int munmap(void* a, size_t n) { return (int)__rt_sys(SYS2(SYS_munmap, a, n)); }
RT_WEAK int mprotect(void* a, size_t n, int p) { return (int)__rt_sys(SYS3(10, a, n, p)); }

RT_WEAK int getpagesize(void) { return 4096; }
RT_WEAK long sysconf(int name) {
  switch (name) {
    case _SC_PAGESIZE: return 4096;
    case _SC_CLK_TCK: return 100;
    case _SC_NPROCESSORS_ONLN: return 1;
  }
  errno_value = EINVAL;
  return -1;
}

/* ---- time ---- */
RT_WEAK int clock_gettime(clockid_t c, struct timespec* ts) { return (int)__rt_sys(SYS2(SYS_clock_gettime, c, ts)); }
RT_WEAK int clock_getres(clockid_t c, struct timespec* ts) { return (int)__rt_sys(SYS2(229, c, ts)); }
RT_WEAK int timespec_get(struct timespec* ts, int base) {
  return base == TIME_UTC && clock_gettime(CLOCK_REALTIME, ts) == 0 ? base : 0;
}
RT_WEAK time_t time(time_t* t) {
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  if (t) *t = ts.tv_sec;
  return ts.tv_sec;
}
RT_WEAK int gettimeofday(struct timeval* restrict tv, void* restrict tz) {
  (void)tz;
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  if (tv) {
    tv->tv_sec = ts.tv_sec;
    tv->tv_usec = ts.tv_nsec / 1000;
  }
  return 0;
}
RT_WEAK clock_t clock(void) {
  struct timespec ts;
  if (clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts) < 0) return -1;
  return ts.tv_sec * 1000000L + ts.tv_nsec / 1000;
}
RT_WEAK double difftime(time_t a, time_t b) { return (double)(a - b); }
RT_WEAK int nanosleep(const struct timespec* a, struct timespec* b) { return (int)__rt_sys(SYS2(SYS_nanosleep, a, b)); }
RT_WEAK unsigned sleep(unsigned s) {
  struct timespec ts = {s, 0};
  nanosleep(&ts, &ts);
  return 0;
}
RT_WEAK int usleep(unsigned us) {
  struct timespec ts = {us / 1000000, (long)(us % 1000000) * 1000};
  return nanosleep(&ts, 0);
}

/* ---- signals ---- */
struct ksigaction {
  void (*handler)(int);
  unsigned long flags;
  void (*restorer)(void);
  unsigned long mask;
};
RT_HIDDEN void __rt_sigreturn(void);

RT_WEAK void (*signal(int sig, void (*h)(int)))(int) {
  struct ksigaction sa = {h, 0x04000000 /* SA_RESTORER */ | 0x10000000 /* SA_RESTART */, __rt_sigreturn, 0}, old;
  if (__rt_sys(SYS4(SYS_rt_sigaction, sig, &sa, &old, 8)) < 0) return SIG_ERR;
  return old.handler;
}
RT_WEAK int kill(pid_t p, int s) { return (int)__rt_sys(SYS2(SYS_kill, p, s)); }
RT_WEAK int raise(int s) { return (int)__rt_sys(SYS3(SYS_tgkill, SYS0(SYS_getpid), SYS0(SYS_gettid), s)); }

RT_WEAK _Noreturn void abort(void) {
  unsigned long unblock = 1UL << (SIGABRT - 1);
  SYS4(SYS_rt_sigprocmask, 1 /* SIG_UNBLOCK */, &unblock, 0, 8);
  raise(SIGABRT);
  signal(SIGABRT, SIG_DFL);
  raise(SIGABRT);
  for (;;) _exit(127);
}
