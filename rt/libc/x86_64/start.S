/* start.S: crt1 for cfree's static C library on x86-64 Linux.
 * The kernel enters _start with the stack holding argc, argv[], NULL,
 * envp[], NULL, auxv (System V AMD64 ABI, 3.4.1 "Initial Stack and Register
 * State"); %rdx is a function for atexit (0 for static programs).  The C part
 * (__rt_start_main in src/start.c) does the rest. */
	.text
	.globl _start
	.type _start, @function
_start:
	xor %ebp, %ebp
	mov %rsp, %rdi
	and $-16, %rsp
	call __rt_start_main
	hlt
	.size _start, .-_start
	.section .note.GNU-stack,"",@progbits
