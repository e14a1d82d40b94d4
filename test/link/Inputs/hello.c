#include <stdio.h>
#include <stdlib.h>
static int ctor_ran;
__attribute__((constructor)) static void init(void) { ctor_ran = 1; }
static void bye(void) { printf("atexit ran\n"); }
int main(int argc, char** argv) {
  atexit(bye);
  printf("hello %d ctor=%d\n", argc, ctor_ran);
  fprintf(stdout, "via stdout %s\n", argv[1] ? argv[1] : "none");
  return 3;
}
