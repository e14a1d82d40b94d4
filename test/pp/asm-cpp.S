// assembler-with-cpp: __ASSEMBLER__ is defined, '#' lines that are not
// directives pass through as assembler comments, apostrophes in them are fine.
// RUN: %cfree cc -E -P %s | FileCheck %s --match-full-lines --strict-whitespace
#define R %rax
# a comment, isn't it
#ifdef __ASSEMBLER__
	mov $1, R  # trailing
#endif
// CHECK:# a comment, isn't it
// CHECK-NEXT: mov $1, %rax # trailing
