#include <stdio.h>
int lib_counter = 10;
__thread int lib_tls = 3;
static int helper(int x) { return x * 2; }
int lib_fn(int x) { lib_counter++; lib_tls++; return helper(x) + lib_counter + lib_tls; }
void lib_hello(void) { printf("lib hello %d\n", lib_counter); }
