/* stdlib.h: cfree's static C library (C11 7.22). */
#ifndef _RT_STDLIB_H
#define _RT_STDLIB_H
#include <stddef.h>
#ifdef __cplusplus
extern "C" {
#endif
#define EXIT_SUCCESS 0
#define EXIT_FAILURE 1
#define RAND_MAX 2147483647
#define MB_CUR_MAX 1
typedef struct { int quot, rem; } div_t;
typedef struct { long quot, rem; } ldiv_t;
typedef struct { long long quot, rem; } lldiv_t;
double atof(const char*);
int atoi(const char*);
long atol(const char*);
long long atoll(const char*);
double strtod(const char* restrict, char** restrict);
float strtof(const char* restrict, char** restrict);
long double strtold(const char* restrict, char** restrict);
long strtol(const char* restrict, char** restrict, int);
long long strtoll(const char* restrict, char** restrict, int);
unsigned long strtoul(const char* restrict, char** restrict, int);
unsigned long long strtoull(const char* restrict, char** restrict, int);
int rand(void);
void srand(unsigned);
long random(void);
void srandom(unsigned);
void* aligned_alloc(size_t, size_t);
void* calloc(size_t, size_t);
void free(void*);
void* malloc(size_t);
void* realloc(void*, size_t);
void* reallocarray(void*, size_t, size_t);
int posix_memalign(void**, size_t, size_t);
void* memalign(size_t, size_t);
_Noreturn void abort(void);
int atexit(void (*)(void));
int at_quick_exit(void (*)(void));
_Noreturn void exit(int);
_Noreturn void _Exit(int);
_Noreturn void quick_exit(int);
char* getenv(const char*);
int setenv(const char*, const char*, int);
int unsetenv(const char*);
int putenv(char*);
int system(const char*);
void* bsearch(const void*, const void*, size_t, size_t, int (*)(const void*, const void*));
void qsort(void*, size_t, size_t, int (*)(const void*, const void*));
int abs(int);
long labs(long);
long long llabs(long long);
div_t div(int, int);
ldiv_t ldiv(long, long);
lldiv_t lldiv(long long, long long);
int mblen(const char*, size_t);
char* mktemp(char*);
int mkstemp(char*);
char* realpath(const char* restrict, char* restrict);
#ifndef __cplusplus
#define alloca(n) __builtin_alloca(n)
#endif
#ifdef __cplusplus
}
#endif
#endif
