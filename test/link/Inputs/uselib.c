#include <stdio.h>
#include <dlfcn.h>
extern int lib_counter;
int lib_fn(int);
void lib_hello(void);
int main(void) { int r = lib_fn(5); lib_hello(); printf("r=%d counter=%d\n", r, lib_counter);
  void* h = dlopen("./libl.so", RTLD_NOW); if (!h) { printf("dlopen: %s\n", dlerror()); return 1; }
  int (*f)(int) = (int(*)(int))dlsym(h, "lib_fn"); printf("dl %d\n", f(1)); return 0; }
