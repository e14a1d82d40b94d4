/* sys.h (x86-64): Linux system call numbers used by cfree's static C library
 * (arch/x86/entry/syscalls/syscall_64.tbl), and per-arch constants. */
#ifndef RT_SYS_ARCH_H
#define RT_SYS_ARCH_H
#define SYS_read 0
#define SYS_write 1
#define SYS_open 2
#define SYS_close 3
#define SYS_stat 4
#define SYS_fstat 5
#define SYS_lseek 8
#define SYS_mmap 9
#define SYS_munmap 11
#define SYS_brk 12
#define SYS_rt_sigaction 13
#define SYS_rt_sigprocmask 14
#define SYS_ioctl 16
#define SYS_mremap 25
#define SYS_getpid 39
#define SYS_exit 60
#define SYS_kill 62
#define SYS_unlink 87
#define SYS_gettimeofday 96
#define SYS_getrusage 98
#define SYS_arch_prctl 158
#define SYS_gettid 186
#define SYS_tkill 200
#define SYS_time 201
#define SYS_clock_gettime 228
#define SYS_exit_group 231
#define SYS_tgkill 234
#define SYS_openat 257
#define SYS_unlinkat 263
#define SYS_rename 82
#define SYS_access 21
#define SYS_getcwd 79
#define SYS_mkdir 83
#define SYS_rmdir 84
#define SYS_dup 32
#define SYS_dup2 33
#define SYS_pipe 22
#define SYS_nanosleep 35
#define SYS_getuid 102
#define SYS_fcntl 72
#define SYS_times 100
#define RT_HAVE_SA_RESTORER 1
#endif
