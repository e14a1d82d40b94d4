movl %eax, %ebx
foo %eax
movl %eaz, %eax
.bogus 1
x: nop
x: nop
addl %xmm0, %eax
.long 1 +
jmp 7f
.if 1
