/* varargs.h: the pre-standard interface, which cfree (like GCC) does not
 * implement: use <stdarg.h>. */
#error "cfree does not implement <varargs.h>; use <stdarg.h> instead."
