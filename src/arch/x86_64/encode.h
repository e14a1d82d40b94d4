// encode.h: the typed x86-64 instruction-building API.
//
// The CGTarget (and later the assembler) describe an instruction as an Insn:
// a mnemonic, an optional condition code (for jcc/setcc/cmovcc), prefixes
// (lock, rep, repne) and up to four operands in INTEL order (destination
// first, as the Intel SDM writes them; the disassembler prints AT&T order).
// The encoder looks the mnemonic up in the instruction-form table
// (table.cpp, data only, also read by the disassembler, the assembler and
// the emulator), picks the first form whose operand kinds and sizes match --
// the table lists short forms (imm8, rel8, accumulator, no-ModRM) before
// long ones -- and produces bytes: legacy prefixes, REX, opcode, ModRM, SIB,
// displacement and immediate (Intel SDM vol. 2, ch. 2).
//
// Operands:
//   reg(R)                  any register of regs.h
//   imm(v)                  an integer; its width comes from the form
//   imm_sym(S, kind, a)     an immediate that is a relocated symbol value
//   mem(size, base, disp)   [base + disp];  size = access width in bytes
//                           (needed when no register gives the width)
//   mem(size, base, index, scale, disp)
//   rip(size, S, a, kind)   [rip + S + a], relocated (PC32 by default,
//                           GotPcRel... for GOT loads)
//   rip(size, L, a)         [rip + label L + a]
//   label(L)                a branch target in this function (rel8/rel32)
//   sym(S, kind)            a call/jmp target symbol (Plt32 or Pc32)
// Operand sizes: a register operand implies its size; memory operands carry
// theirs; for string ops (movs/stos/...) and other operand-less forms the
// width comes from Insn::opsize.
//
// x87 arithmetic with a register destination other than st(0) follows GNU
// as's AT&T naming (the "fsubp/fsubrp swap"): FSUBP st(i), st(0) is DE E0+i
// and computes st(i) = st(0) - st(i), then pops; FSUBRP (DE E8+i) computes
// st(i) = st(i) - st(0).  Likewise FDIVP / FDIVRP, and FSUB/FSUBR/FDIV/FDIVR
// with an st(i) destination.  This is what `fsubp %st,%st(1)` means to gas
// and what objdump prints for those bytes.
//
// Nothing here throws on a well-formed request; an operand combination no
// form accepts is an internal error from emit() (a CGTarget bug), and a
// `false` result from x86_encode() (the assembler turns that into a
// diagnostic).
#pragma once

#include "arch/mc.h"
#include "arch/x86_64/regs.h"

namespace cfree::x86 {

// SSE1-4.2, SSSE3, AES and CLMUL mnemonics beyond the SSE2 core (SDM vol. 2).
#define CFREE_X86_MNEMONICS_SSE(X)                                                               \
  X(MOVNTPS) X(MOVNTPD) X(MOVNTDQ) X(MOVNTDQA) X(RCPPS) X(RCPSS) X(RSQRTPS) X(RSQRTSS)          \
  X(CVTPS2DQ) X(CVTPD2DQ) X(PADDSB) X(PADDSW) X(PADDUSB) X(PADDUSW) X(PSUBSB) X(PSUBSW)        \
  X(PSUBUSB) X(PSUBUSW) X(PAVGB) X(PAVGW) X(PMAXSW) X(PMAXUB) X(PMINSW) X(PMINUB) X(PMULHUW)   \
  X(PMULHW) X(PMULLW) X(PMULUDQ) X(PMADDWD) X(PSADBW) X(PCMPEQW) X(PCMPGTB) X(PCMPGTW)          \
  X(PCMPGTD) X(PACKSSWB) X(PACKSSDW) X(PACKUSWB) X(PUNPCKHBW) X(PUNPCKHWD) X(PUNPCKHDQ)          \
  X(PUNPCKHQDQ) X(PUNPCKLWD) X(PSLLW) X(PSRAW) X(PSRAD) X(PSRLW) X(PINSRW)                      \
  X(ADDSUBPS) X(ADDSUBPD) X(HADDPS) X(HADDPD) X(HSUBPS) X(HSUBPD) X(LDDQU) X(MOVDDUP)           \
  X(MOVSHDUP) X(MOVSLDUP) X(PSHUFB) X(PHADDW) X(PHADDD) X(PHADDSW) X(PMADDUBSW) X(PHSUBW)       \
  X(PHSUBD) X(PHSUBSW) X(PSIGNB) X(PSIGNW) X(PSIGND) X(PMULHRSW) X(PABSB) X(PABSW) X(PABSD)     \
  X(PALIGNR) X(PBLENDVB) X(BLENDVPS) X(BLENDVPD) X(PTEST) X(PMOVSXBW) X(PMOVSXBD) X(PMOVSXBQ)   \
  X(PMOVSXWD) X(PMOVSXWQ) X(PMOVSXDQ) X(PMOVZXBW) X(PMOVZXBD) X(PMOVZXBQ) X(PMOVZXWD)          \
  X(PMOVZXWQ) X(PMOVZXDQ) X(PMULDQ) X(PCMPEQQ) X(PACKUSDW) X(PCMPGTQ) X(PMINSB) X(PMINSD)       \
  X(PMINUW) X(PMINUD) X(PMAXSB) X(PMAXSD) X(PMAXUW) X(PMAXUD) X(PMULLD) X(PHMINPOSUW)           \
  X(ROUNDPS) X(ROUNDPD) X(BLENDPS) X(BLENDPD) X(PBLENDW) X(PEXTRB) X(PEXTRD) X(PEXTRQ)          \
  X(EXTRACTPS) X(PINSRB) X(INSERTPS) X(PINSRD) X(PINSRQ) X(DPPS) X(DPPD) X(MPSADBW)             \
  X(PCLMULQDQ) X(PCMPESTRM) X(PCMPESTRI) X(PCMPISTRM) X(PCMPISTRI) X(AESENC) X(AESENCLAST)      \
  X(AESDEC) X(AESDECLAST) X(AESIMC) X(AESKEYGENASSIST) X(LDMXCSR) X(STMXCSR)

// AVX, AVX2, FMA3 and FMA4 (VEX-encoded) mnemonics.
#define CFREE_X86_MNEMONICS_AVX(X)                                                               \
  X(VMOVSS) X(VMOVSD) X(VMOVUPS) X(VMOVUPD) X(VMOVAPS) X(VMOVAPD) X(VMOVDQA) X(VMOVDQU)         \
  X(VMOVD) X(VMOVQ) X(VMOVHLPS) X(VMOVLHPS) X(VMOVLPS) X(VMOVHPS) X(VMOVLPD) X(VMOVHPD)         \
  X(VMOVMSKPS) X(VMOVMSKPD) X(VMOVNTPS) X(VMOVNTPD) X(VMOVNTDQ) X(VMOVNTDQA) X(VMOVDDUP)       \
  X(VMOVSHDUP) X(VMOVSLDUP) X(VLDDQU)                                                          \
  X(VADDPS) X(VADDPD) X(VADDSS) X(VADDSD) X(VSUBPS) X(VSUBPD) X(VSUBSS) X(VSUBSD)              \
  X(VMULPS) X(VMULPD) X(VMULSS) X(VMULSD) X(VDIVPS) X(VDIVPD) X(VDIVSS) X(VDIVSD)              \
  X(VMINPS) X(VMINPD) X(VMINSS) X(VMINSD) X(VMAXPS) X(VMAXPD) X(VMAXSS) X(VMAXSD)              \
  X(VSQRTPS) X(VSQRTPD) X(VSQRTSS) X(VSQRTSD) X(VANDPS) X(VANDPD) X(VANDNPS) X(VANDNPD)        \
  X(VORPS) X(VORPD) X(VXORPS) X(VXORPD) X(VRCPPS) X(VRCPSS) X(VRSQRTPS) X(VRSQRTSS)            \
  X(VADDSUBPS) X(VADDSUBPD) X(VHADDPS) X(VHADDPD) X(VHSUBPS) X(VHSUBPD)                        \
  X(VCMPPS) X(VCMPPD) X(VCMPSS) X(VCMPSD) X(VUCOMISS) X(VUCOMISD) X(VCOMISS) X(VCOMISD)        \
  X(VCVTSI2SS) X(VCVTSI2SD) X(VCVTSS2SD) X(VCVTSD2SS) X(VCVTTSS2SI) X(VCVTTSD2SI)             \
  X(VCVTSS2SI) X(VCVTSD2SI) X(VCVTDQ2PD) X(VCVTDQ2PS) X(VCVTPS2PD) X(VCVTPD2PS)               \
  X(VCVTTPS2DQ) X(VCVTTPD2DQ) X(VCVTPS2DQ) X(VCVTPD2DQ) X(VCVTPH2PS) X(VCVTPS2PH)             \
  X(VUNPCKLPS) X(VUNPCKLPD) X(VUNPCKHPS) X(VUNPCKHPD) X(VSHUFPS) X(VSHUFPD) X(VROUNDPS)        \
  X(VROUNDPD) X(VROUNDSS) X(VROUNDSD) X(VBLENDPS) X(VBLENDPD) X(VBLENDVPS) X(VBLENDVPD)        \
  X(VDPPS) X(VDPPD) X(VINSERTPS) X(VEXTRACTPS)                                                 \
  X(VPXOR) X(VPOR) X(VPAND) X(VPANDN) X(VPADDB) X(VPADDW) X(VPADDD) X(VPADDQ) X(VPSUBB)       \
  X(VPSUBW) X(VPSUBD) X(VPSUBQ) X(VPADDSB) X(VPADDSW) X(VPADDUSB) X(VPADDUSW) X(VPSUBSB)       \
  X(VPSUBSW) X(VPSUBUSB) X(VPSUBUSW) X(VPAVGB) X(VPAVGW) X(VPMAXSW) X(VPMAXUB) X(VPMINSW)       \
  X(VPMINUB) X(VPMULHUW) X(VPMULHW) X(VPMULLW) X(VPMULUDQ) X(VPMADDWD) X(VPSADBW)              \
  X(VPCMPEQB) X(VPCMPEQW) X(VPCMPEQD) X(VPCMPEQQ) X(VPCMPGTB) X(VPCMPGTW) X(VPCMPGTD)          \
  X(VPCMPGTQ) X(VPACKSSWB) X(VPACKSSDW) X(VPACKUSWB) X(VPACKUSDW) X(VPUNPCKLBW)               \
  X(VPUNPCKLWD) X(VPUNPCKLDQ) X(VPUNPCKLQDQ) X(VPUNPCKHBW) X(VPUNPCKHWD) X(VPUNPCKHDQ)         \
  X(VPUNPCKHQDQ) X(VPSLLW) X(VPSLLD) X(VPSLLQ) X(VPSRLW) X(VPSRLD) X(VPSRLQ) X(VPSRAW)         \
  X(VPSRAD) X(VPSLLDQ) X(VPSRLDQ) X(VPSHUFD) X(VPSHUFLW) X(VPSHUFHW) X(VPSHUFB) X(VPMOVMSKB)  \
  X(VPEXTRB) X(VPEXTRW) X(VPEXTRD) X(VPEXTRQ) X(VPINSRB) X(VPINSRW) X(VPINSRD) X(VPINSRQ)      \
  X(VPALIGNR) X(VPHADDW) X(VPHADDD) X(VPHADDSW) X(VPHSUBW) X(VPHSUBD) X(VPHSUBSW)              \
  X(VPMADDUBSW) X(VPSIGNB) X(VPSIGNW) X(VPSIGND) X(VPMULHRSW) X(VPABSB) X(VPABSW) X(VPABSD)    \
  X(VPBLENDVB) X(VPBLENDW) X(VPTEST) X(VPMOVSXBW) X(VPMOVSXBD) X(VPMOVSXBQ) X(VPMOVSXWD)       \
  X(VPMOVSXWQ) X(VPMOVSXDQ) X(VPMOVZXBW) X(VPMOVZXBD) X(VPMOVZXBQ) X(VPMOVZXWD) X(VPMOVZXWQ)   \
  X(VPMOVZXDQ) X(VPMULDQ) X(VPMINSB) X(VPMINSD) X(VPMINUW) X(VPMINUD) X(VPMAXSB) X(VPMAXSD)    \
  X(VPMAXUW) X(VPMAXUD) X(VPMULLD) X(VPHMINPOSUW) X(VMPSADBW) X(VPCLMULQDQ) X(VPCMPESTRI)      \
  X(VPCMPESTRM) X(VPCMPISTRI) X(VPCMPISTRM) X(VAESENC) X(VAESENCLAST) X(VAESDEC)              \
  X(VAESDECLAST) X(VAESIMC) X(VAESKEYGENASSIST)                                                \
  X(VBROADCASTSS) X(VBROADCASTSD) X(VBROADCASTF128) X(VINSERTF128) X(VEXTRACTF128)            \
  X(VPERM2F128) X(VPERMILPS) X(VPERMILPD) X(VMASKMOVPS) X(VMASKMOVPD) X(VTESTPS) X(VTESTPD)    \
  X(VZEROUPPER) X(VZEROALL) X(VLDMXCSR) X(VSTMXCSR)                                            \
  X(VPBROADCASTB) X(VPBROADCASTW) X(VPBROADCASTD) X(VPBROADCASTQ) X(VBROADCASTI128)           \
  X(VINSERTI128) X(VEXTRACTI128) X(VPERM2I128) X(VPERMQ) X(VPERMPD) X(VPERMD) X(VPERMPS)      \
  X(VPBLENDD) X(VPMASKMOVD) X(VPMASKMOVQ) X(VPSLLVD) X(VPSLLVQ) X(VPSRLVD) X(VPSRLVQ)         \
  X(VPSRAVD) X(VGATHERDPS) X(VGATHERDPD) X(VGATHERQPS) X(VGATHERQPD) X(VPGATHERDD)             \
  X(VPGATHERDQ) X(VPGATHERQD) X(VPGATHERQQ)                                                    \
  CFREE_X86_FMA3(X, 132) CFREE_X86_FMA3(X, 213) CFREE_X86_FMA3(X, 231)                         \
  X(VFMADDPS) X(VFMADDPD) X(VFMADDSS) X(VFMADDSD) X(VFMSUBPS) X(VFMSUBPD) X(VFMSUBSS)         \
  X(VFMSUBSD) X(VFNMADDPS) X(VFNMADDPD) X(VFNMADDSS) X(VFNMADDSD) X(VFNMSUBPS) X(VFNMSUBPD)   \
  X(VFNMSUBSS) X(VFNMSUBSD) X(VFMADDSUBPS) X(VFMADDSUBPD) X(VFMSUBADDPS) X(VFMSUBADDPD)

#define CFREE_X86_FMA3(X, n)                                                                     \
  X(VFMADD##n##PS) X(VFMADD##n##PD) X(VFMADD##n##SS) X(VFMADD##n##SD) X(VFMSUB##n##PS)         \
  X(VFMSUB##n##PD) X(VFMSUB##n##SS) X(VFMSUB##n##SD) X(VFNMADD##n##PS) X(VFNMADD##n##PD)       \
  X(VFNMADD##n##SS) X(VFNMADD##n##SD) X(VFNMSUB##n##PS) X(VFNMSUB##n##PD) X(VFNMSUB##n##SS)    \
  X(VFNMSUB##n##SD) X(VFMADDSUB##n##PS) X(VFMADDSUB##n##PD) X(VFMSUBADD##n##PS)               \
  X(VFMSUBADD##n##PD)

// AVX-512 (EVEX) mnemonics that have no VEX spelling, and the opmask
// instructions (VEX-encoded, k registers).
#define CFREE_X86_MNEMONICS_AVX512(X)                                                            \
  X(VMOVDQU8) X(VMOVDQU16) X(VMOVDQU32) X(VMOVDQU64) X(VMOVDQA32) X(VMOVDQA64) X(VPTESTMB)      \
  X(VPTESTMW) X(VPTESTMD) X(VPTESTMQ) X(VPTESTNMB) X(VPTESTNMW) X(VPTESTNMD) X(VPTESTNMQ)       \
  X(VPXORD) X(VPXORQ) X(VPORD) X(VPORQ) X(VPANDD) X(VPANDQ) X(VPANDND) X(VPANDNQ) X(VPMINUQ)    \
  X(VPMAXUQ) X(VPCMPB) X(VPCMPUB) X(VPCMPW) X(VPCMPUW) X(VPCMPD) X(VPCMPUD) X(VPCMPQ) X(VPCMPUQ) \
  X(VPTERNLOGD) X(VPTERNLOGQ) X(KMOVB) X(KMOVW) X(KMOVD) X(KMOVQ) X(KORTESTB) X(KORTESTW)       \
  X(KORTESTD) X(KORTESTQ) X(KTESTB) X(KTESTW) X(KTESTD) X(KTESTQ) X(KUNPCKBW) X(KUNPCKWD)       \
  X(KUNPCKDQ) X(KANDB) X(KANDW) X(KANDD) X(KANDQ) X(KANDNB) X(KANDNW) X(KANDND) X(KANDNQ)       \
  X(KORB) X(KORW) X(KORD) X(KORQ) X(KXNORB) X(KXNORW) X(KXNORD) X(KXNORQ) X(KXORB) X(KXORW)     \
  X(KXORD) X(KXORQ) X(KNOTB) X(KNOTW) X(KNOTD) X(KNOTQ)

// x87 beyond the core set.
#define CFREE_X86_MNEMONICS_X87(X)                                                               \
  X(FXAM) X(FNSTENV) X(FLDENV) X(FNCLEX) X(FPATAN) X(FSCALE) X(FCMOVB) X(FCMOVE) X(FCMOVBE)    \
  X(FCMOVU) X(FCMOVNB) X(FCMOVNE) X(FCMOVNBE) X(FCMOVNU) X(F2XM1) X(FYL2X) X(FPTAN)            \
  X(FXTRACT) X(FPREM1) X(FYL2XP1) X(FSINCOS) X(FSIN) X(FCOS) X(FTST) X(FLDL2E) X(FLDL2T)       \
  X(FLDPI) X(FLDLG2) X(FLDLN2) X(FUCOM) X(FUCOMP) X(FCOM) X(FCOMP) X(FCOMPP) X(FIADD) X(FIMUL) \
  X(FISUB) X(FISUBR) X(FIDIV) X(FIDIVR) X(FICOM) X(FICOMP) X(FFREE) X(FNSAVE) X(FRSTOR)        \
  X(FDECSTP) X(FINCSTP) X(FNOP) X(FFREEP)

// BMI1/BMI2, system and the rest of what libc and compilers emit.
#define CFREE_X86_MNEMONICS_MISC(X)                                                              \
  X(ANDN) X(BEXTR) X(BLSI) X(BLSMSK) X(BLSR) X(BZHI) X(MULX) X(PDEP) X(PEXT) X(RORX) X(SARX)   \
  X(SHLX) X(SHRX) X(RDTSCP) X(XGETBV) X(RDRAND) X(RDSEED) X(XTEST) X(XBEGIN) X(XEND) X(XABORT)  \
  X(PREFETCHNTA) X(PREFETCHT0) X(PREFETCHT1) X(PREFETCHT2) X(PREFETCHW) X(FXSAVE) X(FXRSTOR)    \
  X(FXSAVE64) X(FXRSTOR64) X(XSAVE) X(XRSTOR) X(XSAVE64) X(XRSTOR64) X(XSAVEOPT) X(XSAVEC)      \
  X(XSAVEC64) X(XRSTORS) X(XSAVES) X(CLFLUSH) X(CLFLUSHOPT) X(MOVBE) X(CRC32) X(MOVNTI) X(INT)  \
  X(RDFSBASE) X(RDGSBASE) X(WRFSBASE) X(WRGSBASE) X(CMPXCHG8B) X(UD1) X(RDPID)      \
  X(SYSENTER) X(RDPMC) X(SERIALIZE) X(CLWB) X(MONITOR) X(MWAIT) X(INT1) X(JRCXZ) X(RDPKRU)   \
  X(WRPKRU) X(INCSSPD) X(INCSSPQ) X(RDSSPD) X(RDSSPQ)

// Mnemonics (Intel names).  String, condition and size variants are one
// mnemonic each: the condition lives in Insn::cc and the width in the
// operands or Insn::opsize.
#define CFREE_X86_MNEMONICS(X)                                                                   \
  X(ADD) X(OR) X(ADC) X(SBB) X(AND) X(SUB) X(XOR) X(CMP) X(TEST) X(NEG) X(NOT) X(INC) X(DEC)    \
  X(IMUL) X(MUL) X(IDIV) X(DIV) X(SHL) X(SHR) X(SAR) X(ROL) X(ROR) X(RCL) X(RCR) X(SHLD) X(SHRD) \
  X(MOV) X(MOVABS) X(MOVZX) X(MOVSX) X(MOVSXD) X(LEA) X(CMOVCC) X(SETCC) X(XCHG) X(BSWAP)       \
  X(BSF) X(BSR) X(LZCNT) X(TZCNT) X(POPCNT) X(BT) X(BTS) X(BTR) X(BTC)                          \
  X(PUSH) X(POP) X(CALL) X(RET) X(JMP) X(JCC) X(LEAVE)                                          \
  X(CBW) X(CWDE) X(CDQE) X(CWD) X(CDQ) X(CQO)                                                   \
  X(MOVS) X(STOS) X(LODS) X(CMPS) X(SCAS)                                                       \
  X(MOVSS) X(MOVSD) X(MOVAPS) X(MOVAPD) X(MOVUPS) X(MOVUPD) X(MOVDQA) X(MOVDQU) X(MOVD) X(MOVQ) \
  X(MOVHLPS) X(MOVLHPS) X(MOVLPS) X(MOVHPS) X(MOVLPD) X(MOVHPD) X(MOVMSKPS) X(MOVMSKPD)          \
  X(ADDSS) X(ADDSD) X(ADDPS) X(ADDPD) X(SUBSS) X(SUBSD) X(SUBPS) X(SUBPD)                       \
  X(MULSS) X(MULSD) X(MULPS) X(MULPD) X(DIVSS) X(DIVSD) X(DIVPS) X(DIVPD)                       \
  X(SQRTSS) X(SQRTSD) X(SQRTPS) X(SQRTPD) X(MINSS) X(MINSD) X(MAXSS) X(MAXSD)                   \
  X(MINPS) X(MINPD) X(MAXPS) X(MAXPD)                                                           \
  X(ANDPS) X(ANDPD) X(ANDNPS) X(ANDNPD) X(ORPS) X(ORPD) X(XORPS) X(XORPD)                       \
  X(PXOR) X(POR) X(PAND) X(PANDN) X(PADDB) X(PADDW) X(PADDD) X(PADDQ) X(PSUBB) X(PSUBW)         \
  X(PSUBD) X(PSUBQ) X(PCMPEQB) X(PCMPEQD) X(PMOVMSKB) X(PSHUFD) X(PSHUFLW) X(PSHUFHW) X(PEXTRW) X(PUNPCKLBW) X(PUNPCKLDQ)        \
  X(PUNPCKLQDQ) X(PSLLQ) X(PSRLQ) X(PSLLD) X(PSRLD) X(PSLLDQ) X(PSRLDQ)                          \
  X(UCOMISS) X(UCOMISD) X(COMISS) X(COMISD) X(CMPSS) X(CMPSD_SSE) X(CMPPS) X(CMPPD)              \
  X(CVTSI2SS) X(CVTSI2SD) X(CVTSS2SD) X(CVTSD2SS) X(CVTTSS2SI) X(CVTTSD2SI) X(CVTSS2SI)          \
  X(CVTSD2SI) X(CVTDQ2PD) X(CVTDQ2PS) X(CVTPS2PD) X(CVTPD2PS) X(CVTTPS2DQ) X(CVTTPD2DQ)          \
  X(UNPCKLPS) X(UNPCKLPD) X(UNPCKHPS) X(UNPCKHPD) X(SHUFPS) X(SHUFPD)                           \
  CFREE_X86_MNEMONICS_SSE(X) CFREE_X86_MNEMONICS_AVX(X) CFREE_X86_MNEMONICS_AVX512(X) X(ROUNDSS)  \
  X(ROUNDSD)                  \
  X(FLD) X(FST) X(FSTP) X(FILD) X(FIST) X(FISTP) X(FISTTP) X(FADD) X(FSUB) X(FSUBR) X(FMUL)     \
  X(FDIV) X(FDIVR) X(FADDP) X(FSUBP) X(FSUBRP) X(FMULP) X(FDIVP) X(FDIVRP) X(FUCOMI) X(FUCOMIP)  \
  X(FCOMI) X(FCOMIP) X(FUCOMPP) X(FXCH) X(FCHS) X(FABS) X(FLDZ) X(FLD1) X(FNSTCW) X(FLDCW)      \
  X(FNSTSW) X(FWAIT) X(FNINIT) X(FPREM) X(FRNDINT) CFREE_X86_MNEMONICS_X87(X) X(FSQRT)          \
  X(CMPXCHG) X(CMPXCHG16B) X(XADD) X(MFENCE) X(LFENCE) X(SFENCE) X(PAUSE)                       \
  X(UD2) X(NOP) X(ENDBR64) X(SYSCALL) X(HLT) X(INT3) X(CPUID) X(RDTSC) X(CLD) X(STD)            \
  X(SAHF) X(LAHF) X(CLC) X(STC) X(CMC) CFREE_X86_MNEMONICS_MISC(X)

enum class Mn : u16 {
#define CFREE_X86_MN_ENUM(n) n,
  CFREE_X86_MNEMONICS(CFREE_X86_MN_ENUM)
#undef CFREE_X86_MN_ENUM
  Count
};
const char* mn_name(Mn m);  // Intel spelling, lower case ("movzx", "jcc")

// Condition codes, in hardware order (the low nibble of jcc/setcc/cmovcc).
enum class Cond : u8 { O, NO, B, AE, E, NE, BE, A, S, NS, P, NP, L, GE, LE, G };
constexpr Cond negate(Cond c) { return Cond(u8(c) ^ 1); }
const char* cond_name(Cond c);  // "o", "no", "b", "ae", "e", "ne", ...

enum class OpKind : u8 { None, Reg, Imm, Mem, Label, Sym };

struct Operand {
  OpKind kind = OpKind::None;
  u8 size = 0;           // bytes: register width, memory access width; 0 = unknown
  Reg reg = Reg::None;   // Reg
  Reg base = Reg::None;  // Mem (RIP for rip-relative)
  Reg index = Reg::None;
  u8 scale = 1;
  Reg seg = Reg::None;   // fs/gs override (TLS)
  i64 imm = 0;           // Imm: value; Mem: displacement; Sym/Label: addend
  ObjSymId sym = OBJ_SYM_NONE;      // Imm/Mem/Sym with a relocation
  RelocKind rkind = RelocKind::None;
  MCLabel label = MC_LABEL_NONE;    // Label, or Mem rip-relative to a label
};

inline Operand reg(Reg r) {
  Operand o;
  o.kind = OpKind::Reg;
  o.reg = r;
  o.size = static_cast<u8>(reg_size(r));
  return o;
}
inline Operand imm(i64 v) {
  Operand o;
  o.kind = OpKind::Imm;
  o.imm = v;
  return o;
}
inline Operand imm_sym(ObjSymId s, RelocKind k, i64 addend = 0) {
  Operand o = imm(addend);
  o.sym = s;
  o.rkind = k;
  return o;
}
inline Operand mem(unsigned size, Reg base, Reg index, unsigned scale, i64 disp) {
  Operand o;
  o.kind = OpKind::Mem;
  o.size = static_cast<u8>(size);
  o.base = base;
  o.index = index;
  o.scale = static_cast<u8>(scale);
  o.imm = disp;
  return o;
}
inline Operand mem(unsigned size, Reg base, i64 disp) { return mem(size, base, Reg::None, 1, disp); }
inline Operand rip(unsigned size, ObjSymId s, i64 addend = 0, RelocKind k = RelocKind::Pc32) {
  Operand o = mem(size, Reg::RIP, addend);
  o.sym = s;
  o.rkind = k;
  return o;
}
inline Operand rip_label(unsigned size, MCLabel l, i64 addend = 0) {
  Operand o = mem(size, Reg::RIP, addend);
  o.label = l;
  return o;
}
// An absolute symbol address as a memory operand (no base; -fno-pic).
inline Operand abs_sym(unsigned size, ObjSymId s, i64 addend = 0) {
  Operand o = mem(size, Reg::None, addend);
  o.sym = s;
  o.rkind = RelocKind::Abs32S;
  return o;
}
inline Operand label(MCLabel l) {
  Operand o;
  o.kind = OpKind::Label;
  o.label = l;
  return o;
}
inline Operand sym(ObjSymId s, RelocKind k = RelocKind::Plt32, i64 addend = 0) {
  Operand o;
  o.kind = OpKind::Sym;
  o.sym = s;
  o.rkind = k;
  o.imm = addend;
  return o;
}
// Segment override on a memory operand (TLS: fs).
inline Operand with_seg(Operand o, Reg seg) {
  o.seg = seg;
  return o;
}

enum InsnPrefix : u8 { PFX_LOCK = 1, PFX_REP = 2, PFX_REPNE = 4 };

struct Insn {
  Mn mn = Mn::NOP;
  Cond cc = Cond::O;  // JCC / SETCC / CMOVCC
  u8 prefixes = 0;    // InsnPrefix bits
  u8 opsize = 0;      // width for forms without a sized operand (movs, stos, cqo...)
  u8 nops = 0;
  // AVX-512 (EVEX) decorations: the opmask register of the destination
  // ({%k1}, 0: none), zeroing-masking ({z}) and an embedded broadcast of the
  // memory operand ({1to16}).
  u8 kmask = 0;
  bool kzero = false;
  bool bcst = false;
  Operand ops[4];
};

inline Insn insn(Mn m, Operand a = {}, Operand b = {}, Operand c = {}) {
  Insn i;
  i.mn = m;
  i.ops[0] = a;
  i.ops[1] = b;
  i.ops[2] = c;
  i.nops = a.kind == OpKind::None ? 0 : b.kind == OpKind::None ? 1 : c.kind == OpKind::None ? 2 : 3;
  return i;
}
inline Insn insn_cc(Mn m, Cond cc, Operand a = {}, Operand b = {}) {
  Insn i = insn(m, a, b);
  i.cc = cc;
  return i;
}

// The result of encoding one instruction without an emitter.
struct Encoded {
  u8 bytes[16];
  u8 len = 0;
  // At most one relocated field (displacement or immediate or branch).
  u8 field_off = 0, field_size = 0;  // where in `bytes` and how wide
  bool has_reloc = false;            // field is a relocation against sym
  bool has_label = false;            // field is a fixup against label
  ObjSymId sym = OBJ_SYM_NONE;
  RelocKind rkind = RelocKind::None;
  MCLabel label = MC_LABEL_NONE;
  i64 addend = 0;  // already includes -(bytes from the field to the end of the insn) for PC-relative
  bool pcrel = false;
  bool branch = false;  // a jmp/jcc/call to a label: bytes[0..len-4] + rel32
  // Branches to labels: the rel8 form's bytes (without the rel8) when one exists.
  u8 short_len = 0;  // 0: no short form
  u8 short_bytes[4];
};

// Encode; false if no form matches (assembler: report it).  A label branch
// is encoded in its long form, with the short form described in Encoded.
bool x86_encode(const Insn& i, Encoded* out);

// The Encoder's form-selection cache (encode.cpp, encode_any): the position
// in forms_of(mn) of the first form whose operand types accept an
// instruction of a given shape.  Direct-mapped; a slot is a hint, never a
// different answer.
struct SelCache {
  static constexpr size_t kSlots = 512;
  struct Slot {
    u64 a[3];
    u16 mn;  // mnemonic + 1; 0: empty
    u8 opsize;
    u16 pos;
  };
  Slot slots[kSlots] = {};
};

// Encode and emit into the MCEmitter's current section: bytes, the
// relocation or label fixup, and branch relaxation through mc.branch().
class Encoder {
 public:
  explicit Encoder(MCEmitter& mc) : mc_(mc) {}
  MCEmitter& mc() { return mc_; }
  // Internal error if no form matches.
  void emit(const Insn& i);
  // Returns false (and emits nothing) if no form matches.
  bool try_emit(const Insn& i);
  // Shorthands.
  void op(Mn m, Operand a = {}, Operand b = {}, Operand c = {}) { emit(insn(m, a, b, c)); }
  void jcc(Cond c, MCLabel l) { emit(insn_cc(Mn::JCC, c, label(l))); }
  void jmp(MCLabel l) { emit(insn(Mn::JMP, label(l))); }
  void setcc(Cond c, Reg r8) { emit(insn_cc(Mn::SETCC, c, reg(r8))); }
  void cmovcc(Cond c, Reg d, Operand s) { emit(insn_cc(Mn::CMOVCC, c, reg(d), s)); }
  void call(ObjSymId s, RelocKind k = RelocKind::Plt32) { emit(insn(Mn::CALL, sym(s, k))); }

 private:
  MCEmitter& mc_;
  SelCache sel_;
};

}  // namespace cfree::x86
