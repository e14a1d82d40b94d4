/* sys/time.h: cfree's static C library (gettimeofday). */
#ifndef _RT_SYS_TIME_H
#define _RT_SYS_TIME_H
#include <sys/types.h>
#include <time.h>
#ifdef __cplusplus
extern "C" {
#endif
struct timeval { time_t tv_sec; suseconds_t tv_usec; };
struct timezone { int tz_minuteswest, tz_dsttime; };
int gettimeofday(struct timeval* restrict, void* restrict);
#ifdef __cplusplus
}
#endif
#endif
