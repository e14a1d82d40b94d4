/* alloca.h: cfree static C library. */
#ifndef _RT_ALLOCA_H
#define _RT_ALLOCA_H
#include <stddef.h>
#define alloca(n) __builtin_alloca(n)
#endif
