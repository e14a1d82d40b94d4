#include <stdio.h>
int twice(int);
extern int answer;
int main(void) {
  printf("%d %d\n", twice(20), answer);
  return twice(20) + 2;
}
