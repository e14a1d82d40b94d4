// cg.h: the x86-64 CGTarget at -O0 (System V AMD64 psABI 1.0).
//
// Registers: the CG allocates from rdi, rsi, r8, r9, r10 and xmm2..xmm15;
// rax, rcx, rdx, r11 and xmm0/xmm1 are this target's scratch registers,
// never live between two CGTarget calls, so each lowering may clobber them
// freely (division, shifts, call setup, address preparation).  All
// allocatable registers are caller-saved, so nothing is saved in the
// prologue but rbp.
//
// Frame: rbp-based.  Slots grow downwards from rbp; the prologue's
// `sub rsp, imm32` is patched with the final frame size at func_end.  Every
// call adjusts rsp for its own stack arguments, so alloca can move rsp
// freely.  Register-passed parameters are stored to their slots by the
// prologue; a variadic function also stores the register save area
// (psABI §3.5.7).
//
// Nested functions (GNU C): a nested function's code is emitted inside its
// enclosing function's (which jumps over it); it receives the enclosing
// frame's rbp in r10 (the psABI's static chain register, §3.2.3 figure 3.4),
// saved in a slot by the prologue, and reaches outer locals as
// chain + slot offset.  A non-local goto loads the target frame into rbp
// and jumps to a landing pad of that function, which resets rsp to the
// bottom of its fixed frame.
//
// Symbols: -fPIE (the default) reaches symbols defined in this object
// RIP-relatively and others through the GOT (GOTPCRELX, relaxable by the
// linker); -fPIC also treats default-visibility globals as preemptible;
// calls always go through PLT32.  TLS uses local-exec for symbols defined
// here and initial-exec otherwise (a thread pointer from %fs:0).
#pragma once

#include "arch/arch.h"
#include "arch/mc.h"
#include "arch/x86_64/encode.h"
#include "core/compiler.h"

#include <algorithm>
#include <vector>

namespace cfree::x86 {

class X86CG final : public CGTarget {
 public:
  X86CG(Compiler& c, MCEmitter& mc, const CGOptions& o);

  void func_begin(const CGFuncDesc& d) override;
  void func_end() override;
  void finalize() override {}

  CGSlot frame_slot(u64 size, u32 align, u32 flags) override;
  void param(u32 index, CGSlot slot, const CfreeAbiValue& abi, u64 size, bool aggregate) override;
  CGReg alloc_reg(RC cls) override;
  void free_reg(CGReg r) override;
  RC reg_class_of(CGReg r) const override { return is_xmm(Reg(r)) ? RC::Fpr : RC::Gpr; }
  void spill(CGReg r, MT t, CGSlot slot) override;
  void reload(CGReg r, MT t, CGSlot slot) override;
  bool reg_caller_saved(CGReg) const override { return true; }

  void move(MT t, Opd dst, Opd src) override;
  void load_const(MT t, Opd dst, const void* bytes) override;
  void load(MT t, Opd dst, Opd mem, const MemAccess& m) override;
  void store(MT t, Opd mem, Opd src, const MemAccess& m) override;
  void addr_of(Opd dst, Opd mem) override;
  void copy_bytes(Opd dst_mem, Opd src_mem, u64 size, u32 align) override;
  void set_bytes(Opd dst_mem, Opd byte, u64 size, u32 align) override;
  void copy_dynamic(Opd dst, Opd src, Opd size) override;
  void fill_dynamic(Opd dst, Opd size, Opd byte) override;
  void bitfield_load(MT t, Opd dst, Opd mem, const CfreeBitField& bf) override;
  void bitfield_store(MT t, Opd mem, Opd src, const CfreeBitField& bf) override;

  void binop(BinOp op, MT t, Opd dst, Opd a, Opd b) override;
  void unop(UnOp op, MT t, Opd dst, Opd a) override;
  void cmp(CfreeCmp c, MT t, Opd dst, MT dst_t, Opd a, Opd b) override;
  void convert(CfreeConv c, MT to, Opd dst, MT from, Opd src) override;

  CGLabel label_new() override { return mc_.label_new(); }
  void label_place(CGLabel l) override { mc_.label_place(l); }
  void jump(CGLabel l) override { e_.jmp(l); }
  void cmp_branch(CfreeCmp c, MT t, Opd a, Opd b, CGLabel l) override;
  void jump_indirect(Opd addr) override;
  void switch_(MT t, Opd v, const CGCase* cases, size_t n, CGLabel dflt) override;

  void frame_of(CGReg dst, unsigned up) override;
  void outer_slot_addr(CGReg dst, unsigned up, CGSlot s, i64 off) override;
  void nonlocal_jump(unsigned up, CGLabel l) override;
  void builtin_setjmp(Opd buf, Opd dst) override;
  void builtin_longjmp(Opd buf) override;

  void call(const CGCallDesc& d) override;
  void ret(const CGRetDesc& d) override;

  void va_start_(Opd va_list_addr) override;
  void va_arg_(Opd va_list_addr, MT t, bool aggregate, CfreeType type, Opd dst) override;
  void va_copy_(Opd dst_addr, Opd src_addr) override;
  void alloca_(Opd dst, Opd size, u32 align) override;
  void stack_save(Opd dst) override;
  void stack_restore(Opd v) override;

  void atomic_load(MT t, Opd dst, Opd addr, CfreeMemOrder o) override;
  void atomic_store(MT t, Opd addr, Opd v, CfreeMemOrder o) override;
  void atomic_rmw(CfreeAtomicOp op, MT t, Opd dst, Opd addr, Opd v, CfreeMemOrder o) override;
  void atomic_cas(MT t, Opd dst, MT dst_t, Opd addr, Opd expected_addr, Opd desired,
                  CfreeMemOrder success, CfreeMemOrder failure) override;
  void fence(CfreeMemOrder o) override;

  void intrinsic(CfreeIntrinsic id, MT t, Opd dst, Opd a, Opd b, Opd dst2) override;
  void asm_block(const CfreeAsmDesc& d, const CGAsmOperand* outs, const CGAsmOperand* ins,
                 const CGLabel* goto_labels) override;

  void set_loc(Loc loc) override { mc_.set_loc(loc); }

  // ---- Helpers shared by the cg_*.cpp files ----------------------------
  struct Slot {
    i32 off;  // from rbp
    u32 size;
  };
  Compiler& c_;
  MCEmitter& mc_;
  ObjBuilder& ob_;
  Encoder e_;
  CGOptions opt_;
  std::vector<Slot> slots_;
  u64 frame_ = 0;       // bytes below rbp
  u64 sub_at_ = 0;      // offset of the prologue's imm32
  u32 used_ = 0;        // allocated pool registers (bit = hw number; xmm at +16)
  CGSlot sret_slot_ = 0, rsa_slot_ = 0, scratch_slot_ = 0;
  const CfreeAbiCallInfo* fabi_ = nullptr;
  bool variadic_ = false;
  u32 named_gp_ = 0, named_fp_ = 0, named_stack_ = 0;
  // GNU nested functions: the slot holding the incoming static chain (r10),
  // the non-local goto landing pads (pad, label) emitted at func_end, and
  // the suspended state of the enclosing functions (outermost first).
  CGSlot chain_slot_ = 0;
  std::vector<std::pair<CGLabel, CGLabel>> pads_;
  struct Suspended {
    u64 frame, sub_at;
    u32 used;
    CGSlot sret, rsa, scratch, chain;
    const CfreeAbiCallInfo* fabi;
    bool variadic;
    u32 named_gp, named_fp, named_stack;
    std::vector<std::pair<CGLabel, CGLabel>> pads;
  };
  std::vector<Suspended> outer_;
  void frame_into(Reg dst64, unsigned up);

  // An x86 memory operand for m (Frame/Global/Indirect); may emit an
  // instruction into `scratch` (GOT or TLS address).
  Operand mem(Opd m, unsigned size, Reg scratch = Reg::R11);
  i32 slot_off(CGSlot s) const { return slots_[s].off; }
  Operand frame_mem(CGSlot s, i64 off, unsigned size) { return x86::mem(size, Reg::RBP, slot_off(s) + off); }
  bool sym_needs_got(ObjSymId s) const;
  bool sym_is_tls(ObjSymId s) const;
  // Load src (Imm/Reg/memory/label address) of type t into GPR or XMM dst,
  // with the register conventions (narrow ints extended to 32 bits).
  void get(Reg dst, MT t, Opd src);
  void put(MT t, Operand m, Reg src);  // store register src of type t
  void lea(Reg dst64, Opd m);
  void mov_imm(Reg dst, i64 v);         // any width of dst
  void extend(Reg r, MT t);             // re-extend a narrow int in r
  void copy_mem(Operand dst, Operand src, u64 size);  // both bases are stable
  void load_partial(Reg dst64, Opd m, unsigned size);  // exactly size bytes, zero-extended
  void store_partial(Opd m, Reg src64, unsigned size);
  CGSlot scratch_slot();
  ObjSymId const_sym(const void* bytes, size_t n, u32 align);
  void x87_load(MT t, Opd src);   // push src (any float type, or int) onto the x87 stack
  void x87_store(Opd dst);        // pop st0 as F80 into memory dst
  void sse_cmp_flags(MT t, Opd a, Opd b, bool swap);
  void int_cmp_flags(MT t, Opd a, Opd b);
  void get128(Reg lo, Reg hi, Opd v);
  void binop128(BinOp op, Opd dst, Opd a, Opd b);
  void overflow128(CfreeIntrinsic id, bool sgn, Opd dst, Opd a, Opd b, Opd flag);
  std::vector<ObjSymId> consts_;
};

Reg R(CGReg r, unsigned size);  // a pool register at a width (GPR) or itself (XMM)
constexpr unsigned isz(MT t) { return mt_size(t) <= 4 ? 4 : 8; }
Cond int_cond(CfreeCmp c);

}  // namespace cfree::x86
