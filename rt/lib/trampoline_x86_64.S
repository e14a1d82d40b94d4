/* trampoline_x86_64.S: the two machine-level pieces of trampoline.c on
 * x86-64 Linux -- a raw system call (rt cannot rely on a C library: it is
 * also linked into -static programs) and the calling thread's identity (the
 * thread pointer, %fs:0 holds its own address per the psABI TLS layout). */
#if defined(__x86_64__)
	.text
	/* long __cfree_rt_syscall6(long nr, long a1, ..., long a6): Linux
	   syscall convention rax, rdi, rsi, rdx, r10, r8, r9; a6 on the stack. */
	.globl __cfree_rt_syscall6
	.hidden __cfree_rt_syscall6
	.type __cfree_rt_syscall6, @function
__cfree_rt_syscall6:
	movq %rdi, %rax
	movq %rsi, %rdi
	movq %rdx, %rsi
	movq %rcx, %rdx
	movq %r8, %r10
	movq %r9, %r8
	movq 8(%rsp), %r9
	syscall
	ret
	.size __cfree_rt_syscall6, .-__cfree_rt_syscall6

	/* void *__cfree_rt_thread_self(void) */
	.globl __cfree_rt_thread_self
	.hidden __cfree_rt_thread_self
	.type __cfree_rt_thread_self, @function
__cfree_rt_thread_self:
	movq %fs:0, %rax
	ret
	.size __cfree_rt_thread_self, .-__cfree_rt_thread_self
#endif
	.section .note.GNU-stack,"",@progbits
