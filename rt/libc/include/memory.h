/* memory.h: cfree static C library. */
#include <string.h>
