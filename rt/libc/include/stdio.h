/* stdio.h: cfree's static C library (C11 7.21). */
#ifndef _RT_STDIO_H
#define _RT_STDIO_H
#include <stddef.h>
#include <stdarg.h>
#ifdef __cplusplus
extern "C" {
#endif
typedef struct _rt_file FILE;
typedef long fpos_t;
#ifndef _RT_OFF_T
#define _RT_OFF_T
typedef long off_t;
typedef long ssize_t;
#endif
extern FILE* stdin;
extern FILE* stdout;
extern FILE* stderr;
#define stdin stdin
#define stdout stdout
#define stderr stderr
#define EOF (-1)
#define BUFSIZ 8192
#define FILENAME_MAX 4096
#define FOPEN_MAX 1000
#define L_tmpnam 32
#define TMP_MAX 10000
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2
#define _IOFBF 0
#define _IOLBF 1
#define _IONBF 2
FILE* fopen(const char* restrict, const char* restrict);
FILE* freopen(const char* restrict, const char* restrict, FILE* restrict);
FILE* fdopen(int, const char*);
int fclose(FILE*);
int fflush(FILE*);
void setbuf(FILE* restrict, char* restrict);
int setvbuf(FILE* restrict, char* restrict, int, size_t);
int fprintf(FILE* restrict, const char* restrict, ...);
int printf(const char* restrict, ...);
int sprintf(char* restrict, const char* restrict, ...);
int snprintf(char* restrict, size_t, const char* restrict, ...);
int vfprintf(FILE* restrict, const char* restrict, va_list);
int vprintf(const char* restrict, va_list);
int vsprintf(char* restrict, const char* restrict, va_list);
int vsnprintf(char* restrict, size_t, const char* restrict, va_list);
int dprintf(int, const char* restrict, ...);
int vdprintf(int, const char* restrict, va_list);
int asprintf(char**, const char*, ...);
int vasprintf(char**, const char*, va_list);
int fscanf(FILE* restrict, const char* restrict, ...);
int scanf(const char* restrict, ...);
int sscanf(const char* restrict, const char* restrict, ...);
int vfscanf(FILE* restrict, const char* restrict, va_list);
int vscanf(const char* restrict, va_list);
int vsscanf(const char* restrict, const char* restrict, va_list);
int fgetc(FILE*);
char* fgets(char* restrict, int, FILE* restrict);
int fputc(int, FILE*);
int fputs(const char* restrict, FILE* restrict);
int getc(FILE*);
int getchar(void);
int putc(int, FILE*);
int putchar(int);
int puts(const char*);
int ungetc(int, FILE*);
ssize_t getline(char** restrict, size_t* restrict, FILE* restrict);
ssize_t getdelim(char** restrict, size_t* restrict, int, FILE* restrict);
size_t fread(void* restrict, size_t, size_t, FILE* restrict);
size_t fwrite(const void* restrict, size_t, size_t, FILE* restrict);
int fgetpos(FILE* restrict, fpos_t* restrict);
int fseek(FILE*, long, int);
int fseeko(FILE*, off_t, int);
int fsetpos(FILE*, const fpos_t*);
long ftell(FILE*);
off_t ftello(FILE*);
void rewind(FILE*);
void clearerr(FILE*);
int feof(FILE*);
int ferror(FILE*);
int fileno(FILE*);
void perror(const char*);
int remove(const char*);
int rename(const char*, const char*);
FILE* tmpfile(void);
char* tmpnam(char*);
int getc_unlocked(FILE*);
int putc_unlocked(int, FILE*);
int getchar_unlocked(void);
int putchar_unlocked(int);
int fputs_unlocked(const char*, FILE*);
size_t fwrite_unlocked(const void*, size_t, size_t, FILE*);
#ifdef __cplusplus
}
#endif
#endif
