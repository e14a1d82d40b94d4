// JIT code reads /proc/self/maps: no mapping of the process is writable and
// executable at once, and main itself lies in a read-execute mapping.
// RUN: %cfree run %s | FileCheck %s
// CHECK: main in {{.*}} r-xp
// CHECK: wx=0 main_rx=1
#include <stdio.h>
#include <string.h>
int main(void) {
  FILE* f = fopen("/proc/self/maps", "r");
  char line[512]; int bad = 0, x = 0;
  unsigned long me = (unsigned long)&main;
  while (fgets(line, sizeof line, f)) {
    unsigned long lo, hi; char perm[8];
    if (sscanf(line, "%lx-%lx %7s", &lo, &hi, perm) != 3) continue;
    if (perm[1] == 'w' && perm[2] == 'x') { bad++; printf("WX: %s", line); }
    if (me >= lo && me < hi) { x = perm[2] == 'x' && perm[1] != 'w'; printf("main in %s", line); }
  }
  fclose(f);
  printf("wx=%d main_rx=%d\n", bad, x);
  return bad || !x;
}
