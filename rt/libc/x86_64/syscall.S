/* syscall.S: the raw Linux x86-64 system call, long __rt_syscall(long n,
 * long a1, ..., long a6): the kernel takes the number in %rax and arguments
 * in %rdi %rsi %rdx %r10 %r8 %r9 and returns -errno on failure
 * (x86-64 psABI, A.2.1 "Calling Conventions" for the kernel interface). */
	.text
	.globl __rt_syscall
	.hidden __rt_syscall
	.type __rt_syscall, @function
__rt_syscall:
	mov %rdi, %rax
	mov %rsi, %rdi
	mov %rdx, %rsi
	mov %rcx, %rdx
	mov %r8, %r10
	mov %r9, %r8
	mov 8(%rsp), %r9
	syscall
	ret
	.size __rt_syscall, .-__rt_syscall

/* Signal return trampoline for rt_sigaction's SA_RESTORER. */
	.globl __rt_sigreturn
	.hidden __rt_sigreturn
	.type __rt_sigreturn, @function
__rt_sigreturn:
	mov $15, %eax
	syscall
	hlt
	.size __rt_sigreturn, .-__rt_sigreturn
	.section .note.GNU-stack,"",@progbits
