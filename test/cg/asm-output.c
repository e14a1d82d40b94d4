// -S prints the object that -c writes: GNU as turns the text back into the
// same instructions and relocations (one encoder, no second code path).
// REQUIRES: gnu-as, gnu-objdump
// RUN: %cfree cc -c %S/features.c -o %t.o
// RUN: %cfree cc -S %S/features.c -o %t.s
// RUN: as %t.s -o %t.as.o 2>&1 | count 0
// RUN: objdump -d %t.o | tail -n +4 > %t.d1 && objdump -d %t.as.o | tail -n +4 > %t.d2 && diff %t.d1 %t.d2
// RUN: objdump -r %t.o | awk '/^0/ {print $1, $2}' > %t.r1 && objdump -r %t.as.o | awk '/^0/ {print $1, $2}' > %t.r2 && diff %t.r1 %t.r2
// RUN: FileCheck %s < %t.s
// CHECK: .globl main
// CHECK: .type main,@function
// CHECK: .section .text,"ax",@progbits
// CHECK: main:
// CHECK-NEXT: .byte 0x55 # push %rbp
// CHECK: .reloc .+1, R_X86_64_PLT32, printf-4
// CHECK: .section .tdata,"awT",@progbits
