// GCC extended asm on x86-64: every constraint (r q Q m o V i n g X a b c d
// S D A f t u x), matching digits, = + & and % (commutative), named
// operands, the modifiers %b %w %k %q %h %c %P %a %z %l, memory and cc
// clobbers, asm goto, asm volatile, top-level asm and register variables.
// Each check prints its result; the program is compiled by cfree and by gcc
// and both outputs must be equal (and every CHECK holds in each).
// REQUIRES: gcc
// RUN: %cfree cc %s -o %t.cfree
// RUN: %t.cfree > %t.cfree.out
// RUN: gcc -O0 %s -o %t.gcc
// RUN: %t.gcc > %t.gcc.out
// RUN: diff %t.gcc.out %t.cfree.out
// RUN: FileCheck %s < %t.cfree.out
// CHECK: r: 12
// CHECK: t/u: 42
// CHECK: all ok
#include <stdio.h>
#include <string.h>

static int fails;
#define CHECK(name, got, want)                                                    \
  do {                                                                            \
    long long g_ = (long long)(got), w_ = (long long)(want);                      \
    printf("%s: %lld\n", name, g_);                                               \
    if (g_ != w_) {                                                               \
      printf("  FAIL: want %lld\n", w_);                                          \
      fails++;                                                                    \
    }                                                                             \
  } while (0)

// Top-level asm: a function written in assembly.
__asm__(".text\n"
        ".globl asm_triple\n"
        ".type asm_triple, @function\n"
        "asm_triple:\n"
        "  leal (%rdi,%rdi,2), %eax\n"
        "  ret\n"
        ".size asm_triple, .-asm_triple\n");
int asm_triple(int);

static int g_mem = 41;
static long g_arr[4] = {10, 20, 30, 40};

static int t_r(int x) {
  int y;
  __asm__("movl %1, %0\n\taddl $2, %0" : "=r"(y) : "r"(x));
  return y;
}

static int t_q_h(unsigned x) {
  // "Q": a register with a high byte; %h names it, %b the low byte.
  unsigned char hi, lo;
  __asm__("movb %h2, %0\n\tmovb %b2, %1" : "=q"(hi), "=q"(lo) : "Q"(x));
  return hi * 1000 + lo;
}

static int t_m(void) {
  int v;
  __asm__("movl %1, %0" : "=r"(v) : "m"(g_mem));
  __asm__("addl $1, %0" : "+m"(g_mem));
  return v * 100 + g_mem;
}

static long t_o_V(void) {
  long a, b;
  __asm__("movq %1, %0" : "=r"(a) : "o"(g_arr[1]));
  __asm__("movq %1, %0" : "=r"(b) : "Vm"(g_arr[2]));
  return a + b;
}

static int t_i_n(int x) {
  int y = x;
  __asm__("addl %1, %0" : "+r"(y) : "i"(100));
  __asm__("imull %1, %0" : "+r"(y) : "n"(3));
  return y;
}

static int t_g(int x) {
  int y = 0, z = x;
  __asm__("addl %1, %0" : "+r"(y) : "g"(z));
  __asm__("addl %1, %0" : "+r"(y) : "g"(5));
  __asm__("addl %1, %0" : "+r"(y) : "g"(g_mem));
  return y;
}

static int t_X(int x) {
  int y;
  __asm__("movl %1, %0" : "=r"(y) : "X"(x));
  return y;
}

static long t_abcdSD(void) {
  long a, b, c, d, s, di;
  __asm__("movq $1, %%rax\n\tmovq $2, %%rbx\n\tmovq $3, %%rcx\n\t"
          "movq $4, %%rdx\n\tmovq $5, %%rsi\n\tmovq $6, %%rdi"
          : "=a"(a), "=b"(b), "=c"(c), "=d"(d), "=S"(s), "=D"(di));
  return a * 100000 + b * 10000 + c * 1000 + d * 100 + s * 10 + di;
}

static long t_abcd_in(long x) {
  long r;
  __asm__("leaq (%1,%2), %0\n\taddq %3, %0\n\taddq %4, %0"
          : "=&r"(r)
          : "a"(x), "b"(x + 1), "c"(x + 2), "d"(x + 3));
  return r;
}

static unsigned long t_A(unsigned long x, unsigned long y) {
  // "A": the rdx:rax pair of a 128-bit value.
  unsigned __int128 p;
  __asm__("mulq %2" : "=A"(p) : "a"(x), "rm"(y) : "cc");
  return (unsigned long)(p >> 64) * 1000 + (unsigned long)p % 1000;
}

static long double t_t_u(long double y, long double x) {
  // st(1) stays on the stack: the compiler pops it after the block.
  long double r;
  __asm__("fmul %%st(1), %%st" : "=t"(r) : "0"(x), "u"(y));
  return r;
}

static long double t_t_u_pop(long double y, long double x) {
  // faddp pops st(1)... into st(0)'s place: the clobber says st(1) is gone.
  long double r;
  __asm__("faddp %%st, %%st(1)" : "=t"(r) : "0"(x), "u"(y) : "st(1)");
  return r;
}

static long double t_t_sqrt(long double x) {
  long double r;
  __asm__("fsqrt" : "=t"(r) : "0"(x));
  return r;
}

static double t_f(double a, double b) {
  double r;
  __asm__("fld %1\n\tfstpl %0" : "=m"(r) : "f"(a + b));
  return r;
}

static double t_x(double a, double b) {
  __asm__("addsd %1, %0" : "+x"(a) : "x"(b));
  return a;
}

static int t_match(int x) {
  int y;
  __asm__("addl $7, %0" : "=r"(y) : "0"(x));
  return y;
}

static int t_commutative(int a, int b) {
  __asm__("addl %2, %0" : "=r"(a) : "%0"(a), "r"(b));
  return a;
}

static int t_earlyclobber(int a, int b) {
  int r;
  __asm__("movl $1, %0\n\taddl %1, %0\n\taddl %2, %0" : "=&r"(r) : "r"(a), "r"(b));
  return r;
}

static int t_named(int a, int b) {
  int r;
  __asm__("movl %[x], %[out]\n\tsubl %[y], %[out]" : [out] "=&r"(r) : [x] "r"(a), [y] "r"(b));
  return r;
}

static long t_bwkq(long x) {
  long r = 0;
  __asm__("movq %q1, %q0\n\taddb %b1, %b0\n\taddw %w1, %w0\n\taddl %k1, %k0"
          : "+r"(r)
          : "r"(x));
  return r;
}

static long t_c_P(void) {
  long r;
  __asm__("movq $%c1+%P2, %0" : "=r"(r) : "i"(1000), "i"(234));
  return r;
}

static long t_a(void) {
  long r;
  __asm__("movq %a1, %0" : "=r"(r) : "r"(&g_arr[3]));
  return r;
}

static int t_z(short s, int i) {
  int r = 0;
  short ss = s;
  __asm__("add%z1 %1, %1\n\tadd%z2 %2, %2" : "+r"(r), "+r"(ss), "+r"(i));
  return ss * 1000 + i;
}

static int t_goto(int x) {
  __asm__ goto("cmpl $10, %0\n\tjg %l1" : : "r"(x) : "cc" : big);
  return 1;
big:
  return 2;
}

static int t_goto_named(int x) {
  __asm__ goto("testl %0, %0\n\tjz %l[zero]" : : "r"(x) : "cc" : zero);
  return 1;
zero:
  return 0;
}

static int t_clobbers(int x) {
  int y = x;
  __asm__ volatile("movl $99, %%ecx\n\tmovl $98, %%edx" : : : "ecx", "rdx", "cc", "memory");
  return y + 1;
}

static int t_memory_clobber(void) {
  int v = 5;
  int* p = &v;
  __asm__ volatile("movl $77, (%0)" : : "r"(p) : "memory");
  return v;
}

static int t_volatile(void) {
  unsigned lo, hi;
  __asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
  return (lo | hi) != 0 || 1;
}

static long t_regvar(long x) {
  register long r asm("r12") = x;
  __asm__("addq %%r12, %0" : "+r"(r));
  register long a asm("rax");
  __asm__("movq $5, %%rax" : "=r"(a));
  return r + a;
}

static int t_cc_flag(int a, int b) {
  int lt;
  __asm__("cmpl %2, %1" : "=@ccl"(lt) : "r"(a), "r"(b));
  return lt;
}

static int t_percent_eq(void) {
  int r;
  __asm__("movl $3, %0\n.Lx%=:\n\tdecl %0\n\tjnz .Lx%=" : "=r"(r) : : "cc");
  return r;
}

int main(void) {
  CHECK("r", t_r(10), 12);
  CHECK("q/Q/h/b", t_q_h(0x1234), 0x12 * 1000 + 0x34);
  CHECK("m", t_m(), 4142);
  CHECK("o/V", t_o_V(), 50);
  CHECK("i/n", t_i_n(1), 303);
  CHECK("g", t_g(4), 4 + 5 + g_mem);
  CHECK("X", t_X(7), 7);
  CHECK("a/b/c/d/S/D out", t_abcdSD(), 123456);
  CHECK("a/b/c/d in", t_abcd_in(10), 10 + 11 + 12 + 13);
  CHECK("A", t_A(1ul << 63, 6), 3 * 1000 + 0);
  CHECK("t/u", (long long)t_t_u(6.0L, 7.0L), 42);
  CHECK("t/u pop", (long long)t_t_u_pop(40.0L, 2.0L), 42);
  CHECK("t sqrt", (long long)t_t_sqrt(1764.0L), 42);
  CHECK("f", (long long)t_f(1.5, 2.5), 4);
  CHECK("x", (long long)t_x(1.25, 2.75), 4);
  CHECK("0 match", t_match(5), 12);
  CHECK("% commutative", t_commutative(20, 22), 42);
  CHECK("& earlyclobber", t_earlyclobber(3, 4), 8);
  CHECK("named", t_named(50, 8), 42);
  CHECK("b/w/k/q", t_bwkq(1), 4);
  CHECK("c/P", t_c_P(), 1234);
  CHECK("a", t_a(), 40);
  CHECK("z", t_z(3, 5), 6010);
  CHECK("goto", t_goto(5) * 10 + t_goto(50), 12);
  CHECK("goto named", t_goto_named(0) * 10 + t_goto_named(3), 1);
  CHECK("clobbers", t_clobbers(41), 42);
  CHECK("memory clobber", t_memory_clobber(), 77);
  CHECK("volatile", t_volatile(), 1);
  CHECK("register var", t_regvar(37), 79);
  CHECK("@cc", t_cc_flag(1, 2) * 10 + t_cc_flag(3, 2), 10);
  CHECK("%=", t_percent_eq(), 0);
  CHECK("top-level", asm_triple(14), 42);
  if (!fails) printf("all ok\n");
  return fails != 0;
}
