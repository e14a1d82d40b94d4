/* The README's main job: cfree compiles, assembles and links this with no
 * other tool, against the system C library. */
#include <math.h>
#include <stdio.h>

struct point { double x, y; };

static double dist(struct point a, struct point b) {
  return sqrt((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y));
}

int main(int argc, char** argv) {
  struct point o = {0, 0}, p = {3, 4};
  printf("hello from cfree: %s, %d argument(s), |p| = %.1f\n", argv[0], argc - 1, dist(o, p));
  return 0;
}
