/* sys/types.h: cfree's static C library (POSIX). */
#ifndef _RT_SYS_TYPES_H
#define _RT_SYS_TYPES_H
#include <stddef.h>
#include <stdint.h>
#ifndef _RT_OFF_T
#define _RT_OFF_T
typedef long off_t;
typedef long ssize_t;
#endif
typedef int pid_t;
typedef unsigned uid_t;
typedef unsigned gid_t;
typedef unsigned mode_t;
typedef unsigned long dev_t;
typedef unsigned long ino_t;
typedef unsigned long nlink_t;
typedef long blksize_t;
typedef long blkcnt_t;
typedef long time_t;
typedef long suseconds_t;
typedef long clock_t;
typedef int clockid_t;
typedef unsigned char u_char;
typedef unsigned short u_short;
typedef unsigned int u_int;
typedef unsigned long u_long;
typedef unsigned int uint;
typedef unsigned long ulong;
typedef unsigned short ushort;
typedef char* caddr_t;
#endif
