/* setjmp.S: setjmp/longjmp for x86-64.  jmp_buf holds the callee-saved
 * registers %rbx %rbp %r12-%r15, the caller's %rsp and the return address
 * (x86-64 psABI 3.2.1: those are what a call must preserve).  sigsetjmp
 * saves no signal mask here (the static library has no sigprocmask users). */
	.text
	.globl setjmp, _setjmp, sigsetjmp, __sigsetjmp
	.type setjmp, @function
setjmp:
_setjmp:
sigsetjmp:
__sigsetjmp:
	mov %rbx, 0(%rdi)
	mov %rbp, 8(%rdi)
	mov %r12, 16(%rdi)
	mov %r13, 24(%rdi)
	mov %r14, 32(%rdi)
	mov %r15, 40(%rdi)
	lea 8(%rsp), %rdx
	mov %rdx, 48(%rdi)
	mov (%rsp), %rdx
	mov %rdx, 56(%rdi)
	xor %eax, %eax
	ret
	.size setjmp, .-setjmp

	.globl longjmp, _longjmp, siglongjmp
	.type longjmp, @function
longjmp:
_longjmp:
siglongjmp:
	mov %esi, %eax
	test %eax, %eax
	jnz 1f
	inc %eax
1:	mov 0(%rdi), %rbx
	mov 8(%rdi), %rbp
	mov 16(%rdi), %r12
	mov 24(%rdi), %r13
	mov 32(%rdi), %r14
	mov 40(%rdi), %r15
	mov 48(%rdi), %rsp
	jmp *56(%rdi)
	.size longjmp, .-longjmp
	.section .note.GNU-stack,"",@progbits
