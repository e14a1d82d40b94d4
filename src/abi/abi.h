// abi.h: the TargetABI -- every target fact the type system and call
// lowering need, for x86-64 SysV, AAPCS64 and RISC-V LP64D (all Linux).
//
// A TargetABI is constant data plus two behaviours:
//   - the C scalar profile (what `long`, `char`, `long double`, `wchar_t` are)
//     and the layout rules GCC applies to records on the target (layout.cpp
//     implements GCC's stor-layout algorithm once, parameterised by
//     LayoutRules);
//   - call classification (classify_call), producing an ABIFuncInfo: for the
//     return value and each argument, the list of parts saying which bytes
//     of the value travel where (a GPR or FPR of the argument sequence, the
//     x87 stack, the outgoing stack area, or a pointer to a caller copy).
//
// Specs: System V AMD64 psABI 1.0 §3.2.3 (parameter passing) and §3.5.7
// (va_list); AAPCS64 (2023Q3) §5 (data types), §6.8 (parameter passing),
// §10.1 (va_list), and the Linux variadic rule (variadic arguments are passed
// as named ones); RISC-V psABI 1.0, "Integer Calling Convention" and
// "Hardware Floating-point Calling Convention" (LP64D).
//
// Register numbers in parts are positions in the target's argument register
// sequence (see kGprArgNames/kFprArgNames):
//   x86-64  GPR args 0..5 = rdi rsi rdx rcx r8 r9, returns 0..1 = rax rdx;
//           FPR args/returns 0..7 = xmm0..xmm7; X87 returns 0..1 = st0 st1;
//           sret pointer: GPR 0 (rdi), returned again in rax.
//   aarch64 GPR 0..7 = x0..x7 (8 = x8, the sret pointer); FPR 0..7 = v0..v7
//           (s/d/q view per the part's type); returns use the same numbers.
//   riscv64 GPR 0..7 = a0..a7; FPR 0..7 = fa0..fa7; sret pointer: GPR 0.
//
// Part conventions (the CG lowers each part independently):
//   - GPR/FPR: bytes [offset, offset+size) of the value travel in the
//     register, in its low bytes; `type` is the machine type of the register
//     contents (i64 for a GPR eightbyte, f32/f64/f128 for an FPR, f32 also
//     for x86-64's eightbyte of two floats has size 8 and type f64).  `size`
//     may be smaller than the register (the last piece of a 12-byte struct
//     has size 4; a 3-byte struct has size 3): load/store exactly `size`
//     bytes so nothing outside the value is touched.  Scalars narrower than
//     the register are extended per the type's signedness (sign for signed
//     ints on riscv64 32-bit values, as the psABI requires; the CG may
//     always extend).
//   - STACK: bytes [offset, offset+size) are stored at `stack_offset` in the
//     outgoing argument area (for a whole aggregate: a by-value copy).
//   - INDIRECT: the value is copied by the caller to a temporary and its
//     address travels in GPR `reg`, or (if `on_stack`) at `stack_offset`.
//     For the return value, INDIRECT means sret (see ABIFuncInfo::sret_reg).
//   - X87 (x86-64 returns only): st0/st1.
// A value may have parts of several kinds: x86-64 {double, long} is FPR +
// GPR; riscv64 splits a 2*XLEN value between a7 and the stack (GPR + STACK).
#pragma once

#include "abi/types.h"

namespace cfree {
class Arena;
}

namespace cfree::abi {

struct ABIPart {
  CfreeAbiPartKind kind = CFREE_ABI_IGNORE;
  u32 reg = 0;           // GPR/FPR/X87/INDIRECT-in-register: register number
  u32 offset = 0;        // byte offset within the value
  u32 size = 0;          // bytes of the value carried
  TypeId type = 0;       // machine type carried (INDIRECT: the pointer type)
  u32 stack_offset = 0;  // STACK, INDIRECT on_stack
  bool on_stack = false; // INDIRECT: pointer passed on the stack
};

struct ABIValue {
  u32 n_parts = 0;
  ABIPart parts[4];
  bool byval = false;    // an aggregate passed as a stack copy (STACK part)
  bool indirect = false; // passed/returned through a pointer to a copy

  ABIPart& add(const ABIPart& p) {
    CFREE_ASSERT(n_parts < 4);
    parts[n_parts] = p;
    return parts[n_parts++];
  }
};

struct ABIFuncInfo {
  ABIValue ret;            // sret: one INDIRECT part (reg = sret_reg)
  bool sret = false;       // hidden pointer to the return slot
  u32 sret_reg = 0;        // its GPR number (x86-64: 0 = rdi; aarch64: 8 = x8; riscv64: 0 = a0)
  bool variadic = false;
  size_t n_named = 0;      // arguments covered by the prototype
  u32 stack_size = 0;      // bytes of outgoing stack arguments (all args), 16-byte rounded
  u32 named_stack_size = 0;// bytes used by the named args (va_start's overflow area start)
  u32 n_gpr = 0, n_fpr = 0;// registers used by the named args (va_start; x86-64's al uses
                           // vector_regs)
  u32 vector_regs = 0;     // x86-64 variadic call: value for %al (FPRs used by all args)
  size_t n_args = 0;
  ABIValue* args = nullptr;// n_args entries, allocated in the arena given to classify
};

// GCC's record layout knobs that differ between the three targets
// (PCC_BITFIELD_TYPE_MATTERS is true on all of them).
struct LayoutRules {
  bool anon_bitfield_aligns_record;  // TARGET_ALIGN_ANON_BITFIELD
};

// The C scalar profile: machine kind/bits/signedness of each CfreeCScalar.
struct ScalarDesc {
  CfreeTypeKind kind;  // CFREE_TY_INT, CFREE_TY_FLOAT, CFREE_TY_BOOL
  u8 bits;             // 8..128 (floats: 32/64/80/128)
  bool is_signed;
};

struct TargetABI {
  CfreeArch arch;
  const char* name;
  const ScalarDesc* scalars;  // CFREE_C_SCALAR_COUNT entries
  LayoutRules layout;
  u32 long_double_bits;       // 80 (x87) or 128
  u32 max_gpr_args, max_fpr_args;

  virtual ~TargetABI() = default;
  // Size/alignment of scalar machine types (ints, floats, pointers).
  virtual u64 float_size(u32 bits) const { return bits == 80 ? 16 : bits / 8; }
  virtual u32 float_align(u32 bits) const { return bits == 80 ? 16 : bits / 8; }
  // GCC vector types (TYPE_ALIGN, what layout and argument slots use):
  // their size on x86-64 and riscv64 (default_vector_alignment), capped at
  // 16 bytes on aarch64.  C11 _Alignof reports at most BIGGEST_ALIGNMENT
  // (16) for them; that is the C front end's business.
  virtual u32 vector_align(u64 size) const { return static_cast<u32>(size); }
  // The va_list type (built in the table on first use).
  virtual TypeId make_va_list(TypeTable& t) const = 0;
  // Classify a call to function type `fn`: `arg_types` gives every argument
  // (n_args >= the prototype's parameter count; extra ones are variadic and
  // already promoted), or is null to use the prototype's.  out.args is
  // allocated from `arena`.
  virtual void classify_call(TypeTable& t, TypeId fn, const TypeId* arg_types, size_t n_args,
                             Arena& arena, ABIFuncInfo& out) const = 0;
};

const TargetABI& target_abi(CfreeArch arch);  // x86_64.cpp/aarch64.cpp/riscv64.cpp
const TargetABI& x86_64_abi();
const TargetABI& aarch64_abi();
const TargetABI& riscv64_abi();

// Assembler names of argument registers (for dumps and tests).
const char* gpr_arg_name(CfreeArch arch, u32 reg, bool is_return);
const char* fpr_arg_name(CfreeArch arch, u32 reg);

// Record layout (layout.cpp): fills the node's size/align and field infos.
bool layout_record(TypeTable& t, TypeId rec, const CfreeField* fields, size_t n,
                   const CfreeRecordAttrs& attrs);

// Convert to the public form (src/api/cg_types.cpp).
void to_public(const ABIValue& in, CfreeAbiValue& out);

}  // namespace cfree::abi
