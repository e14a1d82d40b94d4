/* unistd.h: cfree's static C library (POSIX, the file I/O subset). */
#ifndef _RT_UNISTD_H
#define _RT_UNISTD_H
#include <sys/types.h>
#ifdef __cplusplus
extern "C" {
#endif
#define STDIN_FILENO 0
#define STDOUT_FILENO 1
#define STDERR_FILENO 2
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2
#define F_OK 0
#define X_OK 1
#define W_OK 2
#define R_OK 4
ssize_t read(int, void*, size_t);
ssize_t write(int, const void*, size_t);
int close(int);
off_t lseek(int, off_t, int);
pid_t getpid(void);
uid_t getuid(void);
_Noreturn void _exit(int);
int unlink(const char*);
int rmdir(const char*);
int access(const char*, int);
char* getcwd(char*, size_t);
int dup(int);
int dup2(int, int);
int pipe(int[2]);
int isatty(int);
unsigned sleep(unsigned);
int usleep(unsigned);
void* sbrk(long);
int brk(void*);
long sysconf(int);
int getpagesize(void);
extern char** environ;
extern char* optarg;
extern int optind, opterr, optopt;
int getopt(int, char* const[], const char*);
#define _SC_PAGESIZE 30
#define _SC_PAGE_SIZE 30
#define _SC_CLK_TCK 2
#define _SC_NPROCESSORS_ONLN 84
#ifdef __cplusplus
}
#endif
#endif
