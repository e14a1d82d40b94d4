// riscv64.cpp: the RISC-V LP64D calling convention (RISC-V psABI 1.0,
// "Integer Calling Convention" and "Hardware Floating-point Calling
// Convention", FLEN = XLEN = 64) for Linux.
//
// Scalar profile: LP64, `char` unsigned, `wchar_t` int, `long double` IEEE
// binary128 (16 bytes, align 16), `__int128` align 16; va_list is `void*`.
//
// Argument passing as GCC's riscv_get_arg_info does:
//   - named arguments first try the floating-point convention: a record that
//     flattens (through nested records and arrays, ignoring zero-width
//     bit-fields) to one or two floats of at most 8 bytes goes in FPRs; a
//     float/double scalar in an FPR, a _Complex float/double in two; a
//     record flattening to one float and one integer (<= 8 bytes each) in an
//     FPR and a GPR.  Each only if enough registers of the kinds remain;
//   - everything else (and every variadic argument, floats included) uses
//     the integer convention: values over 16 bytes by reference; the rest in
//     ceil(size/8) GPRs, split between a7 and the stack when only one is
//     left, on the stack when none is.  Variadic values with 16-byte
//     alignment start at an even register;
//   - stack slots are 8 bytes, aligned to the value's alignment up to 16.
// Results use the same rules from a0/fa0 (named); values passed by
// reference are returned through a hidden pointer in a0.
#include "abi/classify_util.h"

namespace cfree::abi {
namespace {

struct Flat {
  TypeId type;
  u32 offset;
};

// riscv_flatten_aggregate_field: append the scalars of `ty` at `off`;
// returns the new count or -1.
int flatten(TypeTable& t, TypeId ty, u32 off, Flat* f, int n) {
  const TypeNode& node = t.node(ty);
  switch (node.kind) {
    case CFREE_TY_RECORD:
      if (node.is_union || !node.complete) return -1;
      for (size_t i = 0; i < t.fields(ty).size(); i++) {
        const FieldInfo& fi = t.fields(ty)[i];
        if (fi.is_bitfield() && fi.bit_width == 0) continue;
        // Observed GCC 12 behaviour (no psABI rule): a zero-sized array
        // between flattened fields makes the record ineligible, while one
        // before the first or after the last field is ignored.
        if (!fi.is_bitfield() && t.kind(fi.type) == CFREE_TY_ARRAY && t.size(fi.type) == 0 && n > 0) {
          for (size_t j = i + 1; j < t.fields(ty).size(); j++)
            if (t.fields(ty)[j].is_bitfield() ? t.fields(ty)[j].bit_width != 0 : t.size(t.fields(ty)[j].type) != 0)
              return -1;
        }
        // A bit-field's type is the C front end's integer of its width, whose
        // mode (1, 2, 4, 8 or 16 bytes) is what travels.
        TypeId ft = fi.type;
        if (fi.is_bitfield()) {
          u32 w = fi.bit_width;
          ft = t.int_type(w <= 8 ? 8 : w <= 16 ? 16 : w <= 32 ? 32 : w <= 64 ? 64 : 128,
                                                   t.node(fi.type).is_signed);
        }
        n = flatten(t, ft, static_cast<u32>(off + fi.bit_pos / 8), f, n);
        if (n < 0) return -1;
      }
      return n;
    case CFREE_TY_ARRAY: {
      if (node.flexible) return -1;
      if (t.size(ty) == 0) return n;  // zero-sized arrays contribute nothing
      Flat sub[2];
      int ns = flatten(t, node.elem, off, sub, 0);
      if (ns <= 0) return -1;
      u32 esz = static_cast<u32>(t.size(node.elem));
      for (u64 i = 0; i < node.count; i++)
        for (int j = 0; j < ns; j++) {
          if (n >= 2) return -1;
          f[n] = sub[j];
          f[n++].offset += static_cast<u32>(i * esz);
        }
      return n;
    }
    case CFREE_TY_COMPLEX: {
      if (n != 0) return -1;
      u32 esz = static_cast<u32>(t.size(node.elem));
      if (t.kind(node.elem) != CFREE_TY_FLOAT || esz > 8) return -1;
      f[0] = {node.elem, off};
      f[1] = {node.elem, off + esz};
      return 2;
    }
    case CFREE_TY_FLOAT:
    case CFREE_TY_INT:
    case CFREE_TY_BOOL:
    case CFREE_TY_PTR:
      if (n < 2 && t.size(ty) <= 8) {
        f[n] = {ty, off};
        return n + 1;
      }
      return -1;
    default: return -1;
  }
}

struct RiscV64ABI final : TargetABI {
  RiscV64ABI();
  TypeId make_va_list(TypeTable& t) const override { return t.ptr(t.void_type()); }
  void classify_call(TypeTable& t, TypeId fn, const TypeId* arg_types, size_t n_args, Arena& arena,
                     ABIFuncInfo& out) const override;
  bool place(TypeTable& t, TypeId ty, ArgCursor& cur, ABIValue& v, bool named, bool ret) const;
};

constexpr ScalarDesc kScalars[CFREE_C_SCALAR_COUNT] = {
    {CFREE_TY_INT, 8, false},   // char: unsigned
    {CFREE_TY_INT, 8, true},    // signed char
    {CFREE_TY_INT, 8, false},   // unsigned char
    {CFREE_TY_INT, 16, true},   {CFREE_TY_INT, 16, false},  // short
    {CFREE_TY_INT, 32, true},   {CFREE_TY_INT, 32, false},  // int
    {CFREE_TY_INT, 64, true},   {CFREE_TY_INT, 64, false},  // long
    {CFREE_TY_INT, 64, true},   {CFREE_TY_INT, 64, false},  // long long
    {CFREE_TY_INT, 128, true},  {CFREE_TY_INT, 128, false}, // __int128
    {CFREE_TY_FLOAT, 32, true}, {CFREE_TY_FLOAT, 64, true}, // float, double
    {CFREE_TY_FLOAT, 128, true},                            // long double: binary128
    {CFREE_TY_BOOL, 8, false},                              // _Bool
    {CFREE_TY_INT, 32, true},                               // wchar_t: int
    {CFREE_TY_INT, 16, false},  {CFREE_TY_INT, 32, false},  // char16_t, char32_t
    {CFREE_TY_INT, 64, false},  {CFREE_TY_INT, 64, true},   // size_t, ptrdiff_t
    {CFREE_TY_INT, 64, true},   {CFREE_TY_INT, 64, false},  // intptr_t, uintptr_t
    {CFREE_TY_INT, 64, true},   {CFREE_TY_INT, 64, false},  // intmax_t, uintmax_t
    {CFREE_TY_INT, 32, false},                              // wint_t
};

RiscV64ABI::RiscV64ABI() {
  arch = CFREE_ARCH_RISCV64;
  name = "riscv-lp64d";
  scalars = kScalars;
  layout = LayoutRules{false};
  long_double_bits = 128;
  max_gpr_args = 8;
  max_fpr_args = 8;
}

bool RiscV64ABI::place(TypeTable& t, TypeId ty, ArgCursor& cur, ABIValue& v, bool named,
                       bool ret) const {
  u32 size = static_cast<u32>(t.size(ty));
  if (size == 0) {
    // GCC passes an empty record "on the stack" with no bytes: it still
    // aligns the stack cursor (visible for aligned(16) empty records).
    if (!ret) cur.stack = align_up(cur.stack, std::min<u32>(16, std::max<u32>(8, t.align(ty))));
    return true;
  }
  const TypeNode& n = t.node(ty);
  bool scalar = !t.is_aggregate(ty);
  if (named) {
    Flat f[2];
    int nf = n.kind == CFREE_TY_RECORD ? flatten(t, ty, 0, f, 0) : -1;
    int nfloat = 0, nint = 0;
    for (int i = 0; i < nf; i++) (t.kind(f[i].type) == CFREE_TY_FLOAT ? nfloat : nint)++;
    auto piece = [&](const Flat& x, bool fpr) {
      u32 sz = std::min<u32>(static_cast<u32>(t.size(x.type)), size - x.offset);
      v.add(fpr ? fpr_part(cur.fpr++, x.offset, sz, x.type) : gpr_part(cur.gpr++, x.offset, sz, x.type));
    };
    if (nf > 0 && nint == 0 && cur.fpr + u32(nf) <= max_fpr_args) {
      for (int i = 0; i < nf; i++) piece(f[i], true);
      return true;
    }
    if (n.kind == CFREE_TY_FLOAT && size <= 8 && cur.fpr < max_fpr_args) {
      v.add(fpr_part(cur.fpr++, 0, size, ty));
      return true;
    }
    if (n.kind == CFREE_TY_COMPLEX && t.kind(n.elem) == CFREE_TY_FLOAT && size <= 16 &&
        cur.fpr + 2 <= max_fpr_args) {
      u32 esz = size / 2;
      v.add(fpr_part(cur.fpr++, 0, esz, n.elem));
      v.add(fpr_part(cur.fpr++, esz, esz, n.elem));
      return true;
    }
    if (nf == 2 && nint == 1 && nfloat == 1 && cur.gpr < max_gpr_args && cur.fpr < max_fpr_args) {
      for (int i = 0; i < 2; i++) piece(f[i], t.kind(f[i].type) == CFREE_TY_FLOAT);
      return true;
    }
  }
  if (size > 16) {  // by reference
    if (ret) return false;
    v.indirect = true;
    ABIPart p;
    p.kind = CFREE_ABI_INDIRECT;
    p.size = size;
    p.type = t.ptr(ty);
    if (cur.gpr < max_gpr_args) {
      p.reg = cur.gpr++;
    } else {
      p.on_stack = true;
      p.stack_offset = static_cast<u32>(cur.stack);
      cur.stack += 8;
    }
    v.add(p);
    return true;
  }
  u32 words = (size + 7) / 8;
  u32 align = std::min<u32>(16, std::max<u32>(8, t.align(ty)));
  if (!named && align > 8) cur.gpr += cur.gpr & 1;
  u32 ngpr = cur.gpr >= max_gpr_args ? 0 : std::min(words, max_gpr_args - cur.gpr);
  TypeId i64 = t.int_type(64, false);
  for (u32 i = 0; i < ngpr; i++) {
    u32 sz = std::min<u32>(8, size - i * 8);
    v.add(gpr_part(cur.gpr++, i * 8, sz, scalar && size <= 8 ? ty : i64));
  }
  if (ngpr == words) return true;
  if (ret) return true;  // results always fit in a0/a1
  if (ngpr == 0) {
    cur.stack = align_up(cur.stack, align);
    v.add(stack_part(cur.stack, 0, size, ty));
    v.byval = !scalar;
    cur.stack += align_up(size, 8);
  } else {  // split: low word in a7, the rest on the stack
    u32 rest = size - ngpr * 8;
    v.add(stack_part(cur.stack, ngpr * 8, rest, i64));
    cur.stack += align_up(rest, 8);
  }
  return true;
}

void RiscV64ABI::classify_call(TypeTable& t, TypeId fn, const TypeId* arg_types, size_t n_args,
                               Arena& arena, ABIFuncInfo& out) const {
  const TypeId* types = begin_call(t, fn, arg_types, n_args, arena, out);
  TypeId rt = t.node(fn).elem;
  ArgCursor cur;
  if (t.kind(rt) != CFREE_TY_VOID) {
    ArgCursor rc;
    if (!place(t, rt, rc, out.ret, true, true)) {
      out.ret = ABIValue{};
      out.sret = true;
      out.sret_reg = 0;  // a0
      ABIPart p = gpr_part(0, 0, static_cast<u32>(t.size(rt)), t.ptr(rt));
      p.kind = CFREE_ABI_INDIRECT;
      out.ret.add(p);
      out.ret.indirect = true;
      cur.gpr = 1;
    }
  }
  auto snap = [&] {
    out.n_gpr = cur.gpr;
    out.n_fpr = cur.fpr;
    out.named_stack_size = static_cast<u32>(cur.stack);
  };
  for (size_t i = 0; i < out.n_args; i++) {
    if (i == out.n_named) snap();
    place(t, types[i], cur, out.args[i], i < out.n_named, false);
  }
  if (out.n_named == out.n_args) snap();
  out.vector_regs = cur.fpr;
  out.stack_size = static_cast<u32>(align_up(cur.stack, 16));
}

}  // namespace

const TargetABI& riscv64_abi() {
  static const RiscV64ABI abi;  // immutable after construction
  return abi;
}

}  // namespace cfree::abi
