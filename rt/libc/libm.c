/* libm.c: libm.a for cfree -static holds nothing of its own: the math
 * functions live in libc.a, and this archive lets -lm resolve. */
int __cfree_libm_placeholder;
