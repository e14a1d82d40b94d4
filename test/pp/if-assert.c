// Obsolete GNU assertion tests in #if: GCC asserts system(linux), cpu and
// machine(x86_64) on x86-64; nothing else (`#cpu(m68k)` is 0).
// RUN: %cfree cc -E -P %s | FileCheck %s
// CHECK: machine_asserted
// CHECK-NOT: none_asserted
#define empty
#if empty#cpu(m68k) || #machine
machine_asserted
#else
none_asserted
#endif
