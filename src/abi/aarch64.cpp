// aarch64.cpp: the AAPCS64 procedure call standard for Linux (GNU/Linux
// variant: variadic arguments are passed exactly like named ones).
//
// Scalar profile (AAPCS64 §5.1, §10.1): LP64, `char` unsigned, `wchar_t`
// unsigned int, `long double` IEEE binary128 (16 bytes, align 16),
// `__int128` align 16.  va_list (§10.1.5) is `struct __va_list { void
// *__stack, *__gr_top, *__vr_top; int __gr_offs, __vr_offs; }` -- a record,
// not an array.  GCC sets TARGET_ALIGN_ANON_BITFIELD here: unnamed
// bit-fields raise the record's alignment too.
//
// Parameter passing (§6.8.2, stages A-C) as GCC's aarch64_layout_arg does:
// floating-point scalars, short vectors (8/16-byte GCC vectors) and
// Homogeneous Floating-point/Short-Vector Aggregates (1-4 members of one
// float type or vector size, no padding; _Complex counts as two) take
// v-registers when enough remain (else NSRN = 8 and they go on the stack);
// other composites over 16 bytes are replaced by a pointer to a caller copy;
// integers, pointers and composites up to 16 bytes take 1-2 x-registers,
// a 2-register value with 16-byte alignment starting at an even register
// (C.9); if they do not fit, NGRN = 8 and the value goes on the stack in
// 8-byte slots (16-byte aligned for 16-byte-aligned values).  The argument
// alignment of a composite is the maximum of its fields' layout alignments
// and its bit-fields' declared types (GCC 12), not the record's own
// aligned(N).  Results use the same rules from x0/v0; composites over 16
// bytes that are not HFAs are returned through memory addressed by x8.
#include "abi/classify_util.h"

namespace cfree::abi {
namespace {

// HFA/HVA detection (aapcs_vfp_sub_candidate): count of members of one
// float type `base`, or -1.
int hfa_count(TypeTable& t, TypeId ty, TypeId& base) {
  const TypeNode& n = t.node(ty);
  auto same = [&](TypeId f) {
    if (!base) base = f;
    return base == f;
  };
  switch (n.kind) {
    case CFREE_TY_FLOAT: return same(ty) ? 1 : -1;
    case CFREE_TY_VECTOR: {
      // Short vectors (§5.4): GCC uses V2SI/V4SI as the representative of
      // every 64-/128-bit vector, so an HVA mixes element types freely.
      u64 sz = t.size(ty);
      if (sz != 8 && sz != 16) return -1;
      return same(t.vector(t.int_type(32, true), sz / 4)) ? 1 : -1;
    }
    case CFREE_TY_COMPLEX:
      if (t.kind(n.elem) != CFREE_TY_FLOAT) return -1;
      return same(n.elem) ? 2 : -1;
    case CFREE_TY_ARRAY: {
      // Flexible and zero-length arrays have no usable index range in GCC.
      if (n.flexible || n.count == 0) return -1;
      int c = hfa_count(t, n.elem, base);
      if (c < 0) return -1;
      return static_cast<int>(std::min<u64>(u64(c) * n.count, 1000));
    }
    case CFREE_TY_RECORD: {
      // A struct whose only member of non-zero size is one short vector
      // filling it gets that vector's machine mode (compute_record_mode) and
      // travels as the vector even beside zero-length arrays (observed GCC 12).
      if (!n.is_union) {
        const FieldInfo* only = nullptr;
        int nonzero = 0;
        for (const FieldInfo& f : t.fields(ty))
          if (f.is_bitfield() ? f.bit_width != 0 : t.size(f.type) != 0) {
            nonzero++;
            only = &f;
          }
        if (nonzero == 1 && !only->is_bitfield() && t.kind(only->type) == CFREE_TY_VECTOR &&
            t.size(only->type) == t.size(ty))
          return hfa_count(t, only->type, base);
      }
      int count = 0;
      for (const FieldInfo& f : t.fields(ty)) {
        // GCC 12 ignores zero-width bit-fields of structs (PR102024), not
        // of unions; any other bit-field is an integer.
        if (f.is_bitfield() && f.bit_width == 0 && !n.is_union) continue;
        if (f.is_bitfield()) return -1;
        int c = hfa_count(t, f.type, base);
        if (c < 0) return -1;
        count = n.is_union ? std::max(count, c) : count + c;
      }
      // No padding allowed; an empty record counts 0 members.
      if (count == 0) return t.size(ty) == 0 ? 0 : -1;
      if (t.size(ty) != u64(count) * t.size(base)) return -1;
      return count;
    }
    default: return -1;
  }
}

// aarch64_function_arg_alignment, in bytes.
u32 arg_alignment(const TypeTable& t, TypeId ty) {
  const TypeNode& n = t.node(ty);
  if (t.size(ty) == 0) return 0;
  if (n.kind == CFREE_TY_ARRAY) return t.align(n.elem);
  if (n.kind != CFREE_TY_RECORD) return t.align(ty);
  u32 a = 0, bf = 0;
  for (const FieldInfo& f : t.fields(ty)) {
    a = std::max(a, f.decl_align_bits);
    if (f.is_bitfield()) bf = std::max(bf, t.align(f.type) * 8);
  }
  return std::max(a, bf) / 8;
}

struct AArch64ABI final : TargetABI {
  AArch64ABI();
  TypeId make_va_list(TypeTable& t) const override;
  void classify_call(TypeTable& t, TypeId fn, const TypeId* arg_types, size_t n_args, Arena& arena,
                     ABIFuncInfo& out) const override;
  // aarch64_simd_vector_alignment: at most 128 bits.
  u32 vector_align(u64 size) const override { return static_cast<u32>(size < 16 ? size : 16); }
  // Place one value; `ret` selects the result registers (no stack).
  // Returns false if a result must go through memory.
  bool place(TypeTable& t, TypeId ty, ArgCursor& cur, ABIValue& v, bool ret) const;
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
    {CFREE_TY_INT, 32, false},                              // wchar_t: unsigned int
    {CFREE_TY_INT, 16, false},  {CFREE_TY_INT, 32, false},  // char16_t, char32_t
    {CFREE_TY_INT, 64, false},  {CFREE_TY_INT, 64, true},   // size_t, ptrdiff_t
    {CFREE_TY_INT, 64, true},   {CFREE_TY_INT, 64, false},  // intptr_t, uintptr_t
    {CFREE_TY_INT, 64, true},   {CFREE_TY_INT, 64, false},  // intmax_t, uintmax_t
    {CFREE_TY_INT, 32, false},                              // wint_t
};

AArch64ABI::AArch64ABI() {
  arch = CFREE_ARCH_AARCH64;
  name = "aapcs64";
  scalars = kScalars;
  layout = LayoutRules{true};
  long_double_bits = 128;
  max_gpr_args = 8;
  max_fpr_args = 8;
}

TypeId AArch64ABI::make_va_list(TypeTable& t) const {
  Interner& syms = t.compiler().syms;
  TypeId rec = t.record(false, syms.intern("__va_list"));
  TypeId i32 = t.int_type(32, true), vp = t.ptr(t.void_type());
  CfreeField f[5] = {
      {syms.intern("__stack"), vp, 0, 0, 0},    {syms.intern("__gr_top"), vp, 0, 0, 0},
      {syms.intern("__vr_top"), vp, 0, 0, 0},   {syms.intern("__gr_offs"), i32, 0, 0, 0},
      {syms.intern("__vr_offs"), i32, 0, 0, 0},
  };
  CfreeRecordAttrs attrs{};
  t.complete_record(rec, f, 5, attrs);
  return rec;
}

bool AArch64ABI::place(TypeTable& t, TypeId ty, ArgCursor& cur, ABIValue& v, bool ret) const {
  u32 size = static_cast<u32>(t.size(ty));
  if (size == 0) return true;  // empty record: IGNORE
  bool scalar = !t.is_aggregate(ty);
  TypeId base = 0;
  int members = hfa_count(t, ty, base);
  if (members >= 1 && members <= 4) {
    u32 esz = static_cast<u32>(t.size(base));
    if (cur.fpr + u32(members) <= max_fpr_args) {
      // A short vector travels as the whole 64/128-bit register (d/q view).
      TypeId pt = t.kind(base) == CFREE_TY_VECTOR ? t.float_type(esz * 8) : base;
      for (int i = 0; i < members; i++) v.add(fpr_part(cur.fpr++, i * esz, esz, pt));
      return true;
    }
    cur.fpr = max_fpr_args;  // C.3
  } else {
    if (!scalar && size > 16) {  // B.4: pointer to a copy
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
    u32 nregs = (size + 7) / 8;
    // GCC allocates core registers only to non-float types (FLOAT_TYPE_P
    // covers float vectors): a float vector that is not a short vector (a
    // one-float vector_size(4)) goes on the stack, and NGRN becomes 8 (C.11).
    bool float_vec = t.kind(ty) == CFREE_TY_VECTOR && t.kind(t.node(ty).elem) == CFREE_TY_FLOAT;
    if (cur.gpr + nregs <= max_gpr_args && !(float_vec && !ret)) {
      if (nregs == 2 && (cur.gpr & 1) && arg_alignment(t, ty) == 16) cur.gpr++;  // C.9
      TypeId i64 = t.int_type(64, false);
      for (u32 i = 0; i < nregs; i++) {
        u32 sz = std::min<u32>(8, size - i * 8);
        v.add(gpr_part(cur.gpr++, i * 8, sz, scalar && size <= 8 ? ty : i64));
      }
      return true;
    }
    cur.gpr = max_gpr_args;  // C.12
  }
  if (ret) return false;
  if (arg_alignment(t, ty) == 16) cur.stack = align_up(cur.stack, 16);
  v.add(stack_part(cur.stack, 0, size, ty));
  v.byval = !scalar;
  cur.stack += align_up(size, 8);
  return true;
}

void AArch64ABI::classify_call(TypeTable& t, TypeId fn, const TypeId* arg_types, size_t n_args,
                               Arena& arena, ABIFuncInfo& out) const {
  const TypeId* types = begin_call(t, fn, arg_types, n_args, arena, out);
  TypeId rt = t.node(fn).elem;
  if (t.kind(rt) != CFREE_TY_VOID) {
    ArgCursor rc;
    if (!place(t, rt, rc, out.ret, true)) {
      out.ret = ABIValue{};
      out.sret = true;
      out.sret_reg = 8;  // x8
      ABIPart p = gpr_part(8, 0, static_cast<u32>(t.size(rt)), t.ptr(rt));
      p.kind = CFREE_ABI_INDIRECT;
      out.ret.add(p);
      out.ret.indirect = true;
    }
  }
  ArgCursor cur;
  auto snap = [&] {
    out.n_gpr = cur.gpr;
    out.n_fpr = cur.fpr;
    out.named_stack_size = static_cast<u32>(cur.stack);
  };
  for (size_t i = 0; i < out.n_args; i++) {
    if (i == out.n_named) snap();
    place(t, types[i], cur, out.args[i], false);
  }
  if (out.n_named == out.n_args) snap();
  out.vector_regs = cur.fpr;
  out.stack_size = static_cast<u32>(align_up(cur.stack, 16));
}

}  // namespace

const TargetABI& aarch64_abi() {
  static const AArch64ABI abi;  // immutable after construction
  return abi;
}

}  // namespace cfree::abi
