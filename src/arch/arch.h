// arch.h: CGTarget, the typed per-function lowering interface (seed §5.1).
//
// The CG layer (src/api/cg*.cpp) owns the -O0 value stack: it resolves every
// public cfree_cg_* operation to concrete operands (immediates, registers,
// frame slots, symbol-relative and register-indirect memory) and calls the
// CGTarget, which lowers one operation at a time into its MCEmitter.  The
// optimizer (src/opt, later) is itself a CGTarget: it records these calls as
// IR, and replays them into the real target at finalize.  So every method
// here takes plain data (no pointers into CG state that outlive the call)
// and every operation is explicit about its machine type.
//
// Method groups, as in the seed: function lifecycle; frame slots and
// parameters; registers (alloc/free/spill/reload -- CG decides when);
// data movement (move, load, store, addr_of, copy/fill bytes, bit-fields);
// arithmetic, compare, convert; control flow (labels, jumps, fused
// compare-and-branch, switch, indirect jump); calls and returns with ABI
// parts (from the TargetABI's classification); va_*; alloca; atomics;
// inline asm; source locations; finalize.
#pragma once

#include "core/base.h"
#include "core/source.h"
#include "obj/obj.h"

#include <cfree/cg.h>
#include <memory>

namespace cfree {

class MCEmitter;
struct Compiler;

// Machine types: what a value is in a register.  Pointers are U64.
enum class MT : u8 { S8, U8, S16, U16, S32, U32, S64, U64, S128, U128, F32, F64, F80, F128 };
constexpr bool mt_is_float(MT t) { return t >= MT::F32; }
constexpr bool mt_is_int(MT t) { return t < MT::F32; }
constexpr bool mt_is_signed(MT t) { return t < MT::F32 && (u8(t) & 1) == 0; }
constexpr unsigned mt_size(MT t) {
  switch (t) {
    case MT::S8: case MT::U8: return 1;
    case MT::S16: case MT::U16: return 2;
    case MT::S32: case MT::U32: case MT::F32: return 4;
    case MT::S64: case MT::U64: case MT::F64: return 8;
    default: return 16;  // 128-bit integers, x87 (stored in 16), binary128
  }
}
const char* mt_name(MT t);

// Register classes the CG asks for.  Values of types a target keeps in
// memory (x87 long double, binary128, __int128 on some targets) use Mem:
// the "register" is then a frame slot the target hands out.
enum class RC : u8 { Gpr, Fpr, Mem };

// A target register id: physical on -O0 targets, virtual in the optimizer.
// 0 is none.
using CGReg = u32;
using CGSlot = u32;   // frame slot id (1-based, function-scoped)
using CGLabel = u32;  // function-scoped label

// Operands.  Imm and Reg are values; Frame, Global and Indirect name memory
// (as an instruction source they mean the memory's contents; addr_of turns
// them into an address); LabelAddr is the address of a code label.
enum class OK : u8 { None, Imm, Reg, Frame, Global, Indirect, LabelAddr };
struct Opd {
  OK kind = OK::None;
  CGReg reg = 0;   // Reg; Indirect: base register
  CGReg reg2 = 0;  // Reg: high half of a register pair (__int128)
  u32 id = 0;      // Frame: slot; Global: ObjSymId; LabelAddr: label
  i64 off = 0;     // Imm: value (low 64 bits); memory: byte offset / addend
  u64 hi = 0;      // Imm: high 64 bits (128-bit constants)

  static Opd imm(i64 v, u64 hi = 0) { Opd o; o.kind = OK::Imm; o.off = v; o.hi = hi; return o; }
  static Opd r(CGReg r, CGReg r2 = 0) { Opd o; o.kind = OK::Reg; o.reg = r; o.reg2 = r2; return o; }
  static Opd frame(CGSlot s, i64 off) { Opd o; o.kind = OK::Frame; o.id = s; o.off = off; return o; }
  static Opd global(ObjSymId s, i64 off) { Opd o; o.kind = OK::Global; o.id = s; o.off = off; return o; }
  static Opd ind(CGReg base, i64 off) { Opd o; o.kind = OK::Indirect; o.reg = base; o.off = off; return o; }
  static Opd label(CGLabel l) { Opd o; o.kind = OK::LabelAddr; o.id = l; return o; }
  bool is_mem() const { return kind == OK::Frame || kind == OK::Global || kind == OK::Indirect; }
  Opd plus(i64 d) const { Opd o = *this; o.off += d; return o; }
};

// Explicit memory semantics of one access (seed §5.6).
struct MemAccess {
  u32 size = 0;   // bytes
  u32 align = 0;  // known alignment; 0 unknown
  u32 flags = 0;  // CfreeMemFlags
};

enum class BinOp : u8 {
  Add, Sub, Mul, SDiv, UDiv, SRem, URem, And, Or, Xor, Shl, LShr, AShr,
  FAdd, FSub, FMul, FDiv
};
enum class UnOp : u8 { Neg, Not, FNeg };

struct CGFuncDesc {
  ObjSymId sym = OBJ_SYM_NONE;
  CfreeType type = 0;
  const CfreeAbiCallInfo* abi = nullptr;  // classification of the function's own signature
  bool variadic = false;
  const char* section = nullptr;  // nullptr: .text
  Loc loc = 0;
  // A GNU nested function, begun while its enclosing function is open: the
  // target suspends the enclosing function's state, keeps counting slot ids
  // (so the enclosing slots stay addressable through outer_slot_addr), and
  // saves the incoming static chain (the enclosing frame) in the prologue.
  bool nested = false;
};

// One argument of a call: a scalar value, or the memory holding an aggregate.
// Scalars may be Imm (integer bits; float bytes for float types), Reg,
// memory contents, or -- with `addr` -- the address of a memory operand.
struct CGArg {
  Opd val;
  bool addr = false;
  MT mt = MT::U64;           // scalars
  bool aggregate = false;    // val is memory holding `size` bytes
  u64 size = 0;
  u32 align = 0;
  const CfreeAbiValue* abi = nullptr;
};

struct CGCallDesc {
  Opd callee;                // direct: the Global symbol; else a Reg or memory holding the address
  bool direct = false;
  CfreeType fn_type = 0;
  const CfreeAbiCallInfo* abi = nullptr;
  const CGArg* args = nullptr;
  size_t n_args = 0;
  bool variadic = false;
  // GNU nested functions: a static chain value passed in the target's
  // chain register (x86-64: r10).
  bool has_chain = false;
  Opd chain;
  // Result: scalars into ret (a Reg from alloc_reg of the right class, or a
  // Mem-class register); aggregates into the memory ret_mem.
  Opd ret;
  MT ret_mt = MT::U64;
  bool ret_aggregate = false;
  Opd ret_mem;
  u64 ret_size = 0;
};

struct CGRetDesc {
  bool has_value = false;
  Opd val;                  // scalar value, or aggregate memory
  MT mt = MT::U64;
  bool aggregate = false;
  u64 size = 0;
};

struct CGCase {
  u64 lo, hi;
  CGLabel label;
};

struct CGAsmOperand {
  const char* constraint;
  Opd opd;   // outputs: memory to store into; inputs: value or memory
  MT mt;
};

class CGTarget {
 public:
  virtual ~CGTarget() = default;

  // ---- Function lifecycle --------------------------------------------
  virtual void func_begin(const CGFuncDesc& d) = 0;
  virtual void func_end() = 0;
  // End of the translation unit (the optimizer's replay; no-op here).
  virtual void finalize() = 0;

  // ---- Frame slots, parameters, registers -----------------------------
  virtual CGSlot frame_slot(u64 size, u32 align, u32 flags) = 0;
  // Bind parameter i (its ABI parts) to `slot`; the prologue stores it.
  virtual void param(u32 index, CGSlot slot, const CfreeAbiValue& abi, u64 size, bool aggregate) = 0;
  // A free register of the class, or 0 if none (the CG then spills).
  virtual CGReg alloc_reg(RC cls) = 0;
  virtual void free_reg(CGReg r) = 0;
  virtual RC reg_class_of(CGReg r) const = 0;
  virtual void spill(CGReg r, MT t, CGSlot slot) = 0;
  virtual void reload(CGReg r, MT t, CGSlot slot) = 0;
  // Registers a call clobbers (the CG spills live values held in them).
  virtual bool reg_caller_saved(CGReg r) const = 0;

  // ---- Data movement --------------------------------------------------
  // dst (a register) = src (Imm, Reg, memory contents, or label address).
  virtual void move(MT t, Opd dst, Opd src) = 0;
  // dst = constant with exact target bytes (floats, 128-bit).
  virtual void load_const(MT t, Opd dst, const void* bytes) = 0;
  virtual void load(MT t, Opd dst, Opd mem, const MemAccess& m) = 0;
  virtual void store(MT t, Opd mem, Opd src, const MemAccess& m) = 0;
  virtual void addr_of(Opd dst, Opd mem) = 0;
  virtual void copy_bytes(Opd dst_mem, Opd src_mem, u64 size, u32 align) = 0;
  virtual void set_bytes(Opd dst_mem, Opd byte, u64 size, u32 align) = 0;
  // Runtime-sized: dst/src/size/byte are values (addresses, counts).
  virtual void copy_dynamic(Opd dst, Opd src, Opd size) = 0;
  virtual void fill_dynamic(Opd dst, Opd size, Opd byte) = 0;
  virtual void bitfield_load(MT t, Opd dst, Opd mem, const CfreeBitField& bf) = 0;
  virtual void bitfield_store(MT t, Opd mem, Opd src, const CfreeBitField& bf) = 0;

  // ---- Arithmetic, compare, convert -----------------------------------
  virtual void binop(BinOp op, MT t, Opd dst, Opd a, Opd b) = 0;
  virtual void unop(UnOp op, MT t, Opd dst, Opd a) = 0;
  virtual void cmp(CfreeCmp c, MT t, Opd dst, MT dst_t, Opd a, Opd b) = 0;
  virtual void convert(CfreeConv c, MT to, Opd dst, MT from, Opd src) = 0;

  // ---- Control flow ---------------------------------------------------
  virtual CGLabel label_new() = 0;
  virtual void label_place(CGLabel l) = 0;
  virtual void jump(CGLabel l) = 0;
  virtual void cmp_branch(CfreeCmp c, MT t, Opd a, Opd b, CGLabel l) = 0;
  virtual void jump_indirect(Opd addr) = 0;
  virtual void switch_(MT t, Opd v, const CGCase* cases, size_t n, CGLabel dflt) = 0;

  // ---- GNU nested functions ---------------------------------------------
  // dst (a GPR) = the frame of the function `up` levels out (0: this one's;
  // 1: the static chain; more: followed through each level's saved chain).
  virtual void frame_of(CGReg dst, unsigned up) = 0;
  // dst (a GPR) = the address of slot `s` (+off) of the function `up` levels out.
  virtual void outer_slot_addr(CGReg dst, unsigned up, CGSlot s, i64 off) = 0;
  // Non-local goto: unwind to the frame `up` levels out and jump to its label l.
  virtual void nonlocal_jump(unsigned up, CGLabel l) = 0;
  // __builtin_setjmp: save frame, resume address and stack pointer in the
  // buffer at `buf` (a GPR); dst (a GPR) = 0, or 1 when resumed.  No other
  // value may be live in a register.
  virtual void builtin_setjmp(Opd buf, Opd dst) = 0;
  // __builtin_longjmp through the buffer at `buf` (a GPR).
  virtual void builtin_longjmp(Opd buf) = 0;

  // ---- Calls and returns ----------------------------------------------
  virtual void call(const CGCallDesc& d) = 0;
  virtual void ret(const CGRetDesc& d) = 0;

  // ---- Variadics, alloca ----------------------------------------------
  virtual void va_start_(Opd va_list_addr) = 0;
  // Scalars into dst; aggregates: dst receives the address of the argument.
  virtual void va_arg_(Opd va_list_addr, MT t, bool aggregate, CfreeType type, Opd dst) = 0;
  virtual void va_copy_(Opd dst_addr, Opd src_addr) = 0;
  virtual void alloca_(Opd dst, Opd size, u32 align) = 0;
  virtual void stack_save(Opd dst) = 0;
  virtual void stack_restore(Opd v) = 0;

  // ---- Atomics --------------------------------------------------------
  virtual void atomic_load(MT t, Opd dst, Opd addr, CfreeMemOrder o) = 0;
  virtual void atomic_store(MT t, Opd addr, Opd v, CfreeMemOrder o) = 0;
  virtual void atomic_rmw(CfreeAtomicOp op, MT t, Opd dst, Opd addr, Opd v, CfreeMemOrder o) = 0;
  virtual void atomic_cas(MT t, Opd dst, MT dst_t, Opd addr, Opd expected_addr, Opd desired,
                          CfreeMemOrder success, CfreeMemOrder failure) = 0;
  virtual void fence(CfreeMemOrder o) = 0;

  // ---- Intrinsics, inline asm -----------------------------------------
  // dst/a/b as the intrinsic needs (see cfree_cg_intrinsic); dst2 is the
  // overflow flag of the *_OVERFLOW intrinsics.
  virtual void intrinsic(CfreeIntrinsic id, MT t, Opd dst, Opd a, Opd b, Opd dst2) = 0;
  // GCC extended asm: outputs are memory to store into (their `opd`), inputs
  // values or (for memory constraints) memory; goto_labels are this
  // target's labels for `asm goto`.
  virtual void asm_block(const CfreeAsmDesc& d, const CGAsmOperand* outs, const CGAsmOperand* ins,
                         const CGLabel* goto_labels) = 0;

  // ---- Source locations -----------------------------------------------
  virtual void set_loc(Loc loc) = 0;
};

// Options a target needs from the command line.
struct CGOptions {
  int pic = 2;  // 0: -fno-pic
  int pie = 1;
  int opt_level = 0;
};

// The CGTarget for `c.target` over `mc` (src/arch/target.cpp), or nullptr if
// the architecture has no code generator yet.
std::unique_ptr<CGTarget> cgtarget_new(Compiler& c, MCEmitter& mc, const CGOptions& o);

}  // namespace cfree
