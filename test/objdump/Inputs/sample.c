/* An object with most of what objdump has to print: functions and data of
 * every binding and visibility, TLS, COMMON, weak and hidden symbols,
 * mergeable strings, relocations of several kinds and a COMDAT group. */
#include <stdio.h>

static int counter;
int initialised = 42;
__thread int tls_var;
const char* message = "hello, objdump";
int common_var __attribute__((common));
__attribute__((weak)) int weak_fn(int x) { return x - 1; }
__attribute__((visibility("hidden"))) int hidden_fn(int x) { return x * 3; }
extern int external_fn(int);
double scale = 2.5;

__asm__(".section .text.grp,\"axG\",@progbits,grp_sig,comdat\n"
        "\t.globl grp_sig\n"
        "grp_sig:\n"
        "\tmovabs $0x123456789,%rax\n"
        "\tret\n"
        "\t.previous\n");

static double mix(double a, long b) { return a * scale + (double)b; }

int work(int n, long long *out) {
  long double acc = 0;
  for (int i = 0; i < n; i++) {
    counter += i;
    acc += mix(i, out[i]);
    out[i] = (long long)acc ^ (out[i] >> 3);
  }
  tls_var += n;
  printf("%s %d\n", message, counter);
  return (int)acc + weak_fn(n) + hidden_fn(tls_var) + common_var;
}

int main(int argc, char** argv) {
  long long v[4] = {1, 2, 3, 4};
  (void)argv;
  return work(argc + 3, v) & 0;
}
