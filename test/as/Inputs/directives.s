# Hand-written assembly covering the directive set; assembled by GNU as and
# by cfree as, and the objects compared (see gnu-diff.test).
	.file	"directives.s"
	.set	SIZE, 4 * 4
	.equ	ONE, 1
	COUNT = 3

	.macro	pushall a, b=%rbx, c:vararg
	pushq	\a
	pushq	\b
	.ifnb	\c
	pushq	\c
	.endif
	.endm

	.text
	.globl	entry
	.type	entry, @function
entry:
	.cfi_startproc
	pushall	%rbp
	.cfi_adjust_cfa_offset 16
	pushall	%r12, %r13, %r14
	.cfi_adjust_cfa_offset 24
	.cfi_rel_offset %r12, 0
	movl	$SIZE, %eax
	movabsq	$0x123456789abcdef0, %rcx
	leaq	.Ltable(%rip), %rdx
	movl	(%rdx,%rax,4), %eax
1:	decl	%eax
	jnz	1b
	jmp	2f
	.rept	COUNT
	nop
	.endr
2:	.irp	reg, %r14, %r13, %r12, %rbx, %rbp
	popq	\reg
	.endr
	.cfi_def_cfa_offset 8
	movq	%fs:0, %rax
	movl	tvar@tpoff(%rax), %eax
	movq	ext@GOTPCREL(%rip), %rax
	call	*ext@GOTPCREL(%rip)
	call	local_fn
	call	ext_fn@PLT
	lock cmpxchgq %rcx, (%rdi)
	rep stosq
	cmovge	%ecx, %eax
	sete	%al
	movzbl	%al, %eax
	movsbq	(%rsi), %rdx
	movslq	%eax, %rax
	cltq
	cqto
	idivq	%rcx
	shlq	%cl, %rax
	sarl	%eax
	imulq	$24, %rax, %rdx
	cvtsi2sdl	(%rdi), %xmm0
	cvttsd2siq	%xmm1, %rax
	ucomisd	%xmm1, %xmm0
	pxor	%xmm2, %xmm2
	movq	%xmm0, %rax
	movq	%rax, %xmm3
	fldt	16(%rsp)
	fstpl	(%rsp)
	faddp	%st, %st(1)
	ret
	.cfi_endproc
	.size	entry, .-entry

	.p2align 4
local_fn:
	.cfi_startproc
	subq	$8, %rsp
	.cfi_def_cfa_offset 16
	.cfi_remember_state
	addq	$8, %rsp
	.cfi_def_cfa_offset 8
	ret
	.cfi_restore_state
	.p2align 4,,10
	.p2align 3
	.ifdef	SIZE
	addq	$8, %rsp
	.else
	.err
	.endif
	.if	COUNT > 2 && ONE
	ret
	.endif
	.cfi_endproc

	.section	.rodata
	.p2align 2
.Ltable:
	.long	1, 2, 3, 4, 5
	.long	.Ltable - .
	.quad	entry, ext + 8
	.byte	'a', 0x7f, -1
	.short	0x1234
	.value	SIZE
	.uleb128 300, .Lend - .Ltable
	.sleb128 -129
	.ascii	"abc\n\t\"\001"
	.asciz	"zero-terminated"
	.string	"another"
	.zero	3
	.fill	2, 4, 0xdeadbeef
	.balign	8, 0xcc
	.octa	0x0123456789abcdef
.Lend:

	.section	.rodata.str1.1,"aMS",@progbits,1
.LC0:	.string	"merged"

	.data
	.globl	dvar
	.type	dvar, @object
	.size	dvar, 8
dvar:	.quad	.LC0
	.pushsection .data.rel.local,"aw"
	.quad	local_fn
	.popsection
	.long	dvar - .

	.section	.tbss,"awT",@nobits
	.globl	tvar
	.type	tvar, @object
tvar:	.zero	4

	.bss
	.local	lcommon
	.comm	lcommon, 24, 8
	.comm	gcommon, 16, 16
	.lcomm	lc2, 5

	.section	.text.hot,"axG",@progbits,hotgroup,comdat
	.globl	hotgroup
	.hidden	hotgroup
hotgroup:
	.weak	weakref
	call	weakref@PLT
	ret

	.section	.note.GNU-stack,"",@progbits
	.ident	"cfree test"
