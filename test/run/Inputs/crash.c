#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int boom(int* p) { return *p + 1; }
int divz(int a, int b) { return a / b; }
int main(int argc, char** argv) {
  if (argc > 1 && !strcmp(argv[1], "segv")) return boom((int*)8);
  if (argc > 1 && !strcmp(argv[1], "fpe")) return divz(1, argc - 2);
  if (argc > 1 && !strcmp(argv[1], "abort")) abort();
  return 0;
}
