// Identifiers spelled with universal character names are printed with GCC's
// long form \UXXXXXXXX (lower-case hex), as gcc -E does.
// RUN: %cfree cc -E -P %s | FileCheck %s --match-full-lines
// CHECK:int \U000000e9t\U000000e9 = 1; int \U0001f600x; \U000000e9;
int \u00e9t\u00E9 = 1; int \U0001F600x; \u00e9;
