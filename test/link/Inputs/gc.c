#include <stdio.h>
void unused_function_xyz(void) { puts("never"); }
int main(void) { puts("gc ok"); return 0; }
