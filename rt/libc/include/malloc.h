/* malloc.h: cfree static C library. */
#ifndef _RT_MALLOC_H
#define _RT_MALLOC_H
#include <stdlib.h>
size_t malloc_usable_size(void*);
#endif
