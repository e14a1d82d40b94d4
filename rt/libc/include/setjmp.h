/* setjmp.h: cfree's static C library (C11 7.13).  The buffer layout is the
 * per-arch assembly's (x86_64/setjmp.S: 8 registers; 32 words leaves room
 * for aarch64/riscv64). */
#ifndef _RT_SETJMP_H
#define _RT_SETJMP_H
#ifdef __cplusplus
extern "C" {
#endif
typedef long jmp_buf[32];
typedef long sigjmp_buf[32];
int setjmp(jmp_buf);
int _setjmp(jmp_buf);
int sigsetjmp(sigjmp_buf, int);
_Noreturn void longjmp(jmp_buf, int);
_Noreturn void _longjmp(jmp_buf, int);
_Noreturn void siglongjmp(sigjmp_buf, int);
#ifdef __cplusplus
}
#endif
#endif
