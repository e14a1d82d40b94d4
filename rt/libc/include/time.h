/* time.h: cfree's static C library (C11 7.27, POSIX clocks). */
#ifndef _RT_TIME_H
#define _RT_TIME_H
#include <stddef.h>
#ifdef __cplusplus
extern "C" {
#endif
typedef long time_t;
typedef long clock_t;
typedef int clockid_t;
#ifndef _RT_TIMESPEC
#define _RT_TIMESPEC
struct timespec { time_t tv_sec; long tv_nsec; };
#endif
struct tm { int tm_sec, tm_min, tm_hour, tm_mday, tm_mon, tm_year, tm_wday, tm_yday, tm_isdst; long tm_gmtoff; const char* tm_zone; };
#define CLOCKS_PER_SEC 1000000L
#define CLOCK_REALTIME 0
#define CLOCK_MONOTONIC 1
#define CLOCK_PROCESS_CPUTIME_ID 2
#define CLOCK_THREAD_CPUTIME_ID 3
#define TIME_UTC 1
clock_t clock(void);
time_t time(time_t*);
double difftime(time_t, time_t);
time_t mktime(struct tm*);
int clock_gettime(clockid_t, struct timespec*);
int clock_getres(clockid_t, struct timespec*);
int timespec_get(struct timespec*, int);
int nanosleep(const struct timespec*, struct timespec*);
struct tm* gmtime(const time_t*);
struct tm* gmtime_r(const time_t*, struct tm*);
struct tm* localtime(const time_t*);
struct tm* localtime_r(const time_t*, struct tm*);
char* asctime(const struct tm*);
char* ctime(const time_t*);
size_t strftime(char* restrict, size_t, const char* restrict, const struct tm* restrict);
#ifdef __cplusplus
}
#endif
#endif
