// x86_64.cpp: the System V AMD64 ABI (psABI 1.0) for Linux.
//
// Scalar profile (§3.1.2, Figure 3.1): LP64, `char` signed, `long double` the
// x87 80-bit extended type in 16 bytes aligned to 16, `__int128` aligned to
// 16, wchar_t int.  va_list (§3.5.7) is `struct __va_list_tag { unsigned
// gp_offset, fp_offset; void *overflow_arg_area, *reg_save_area; }[1]`.
//
// Call classification follows §3.2.3 as GCC implements it
// (classify_argument/merge_classes in i386.c): each eightbyte of a value of
// at most 16 bytes gets a class (INTEGER, SSE, SSEUP, X87, X87UP, NO_CLASS,
// MEMORY) from the scalars that overlap it, merged by the psABI rules;
// misaligned scalars, anything over 16 bytes, and X87UP without X87 make the
// value MEMORY.  Bit-fields are INTEGER; zero-width bit-fields and flexible
// arrays are ignored (GCC 12).  Arguments: MEMORY/X87 classes go on the
// stack (8-byte slots, aligned to the type's alignment when larger); the rest
// take rdi,rsi,rdx,rcx,r8,r9 / xmm0-7 by eightbyte, and if any eightbyte has
// no register left, the whole argument goes on the stack.  Returns: INTEGER
// in rax,rdx; SSE in xmm0,xmm1; X87 in st0; _Complex long double in st0/st1
// (COMPLEX_X87); MEMORY through a hidden pointer in rdi, returned in rax.
// Variadic calls pass the number of vector registers used in %al.
#include "abi/classify_util.h"

namespace cfree::abi {
namespace {

enum Cls : u8 { NO_CLASS, INTEGER, SSE, SSEUP, X87, X87UP, COMPLEX_X87, MEMORY };

Cls merge(Cls a, Cls b) {
  if (a == b) return a;
  if (a == NO_CLASS) return b;
  if (b == NO_CLASS) return a;
  if (a == MEMORY || b == MEMORY) return MEMORY;
  if (a == INTEGER || b == INTEGER) return INTEGER;
  if (a == X87 || a == X87UP || a == COMPLEX_X87 || b == X87 || b == X87UP || b == COMPLEX_X87)
    return MEMORY;
  return SSE;
}

// classify_argument: the classes of `ty` at absolute bit offset `off`, in
// out[0..n) relative to the eightbyte containing `off`; returns n, or 0 for
// MEMORY.  Mirrors GCC's structure exactly, including its quirks: an array
// classifies its element once and repeats the classes, and a zero-length
// array not starting on an eightbyte still contributes its element's class.
u32 classify(TypeTable& t, TypeId ty, u64 off, Cls* out) {
  const TypeNode& n = t.node(ty);
  u64 bytes = t.size(ty);
  switch (n.kind) {
    case CFREE_TY_BOOL:
    case CFREE_TY_INT:
    case CFREE_TY_PTR:
      if (off % (bytes * 8)) return 0;
      out[0] = INTEGER;
      if (bytes == 16) out[1] = INTEGER;
      return bytes == 16 ? 2 : 1;
    case CFREE_TY_FLOAT:
      if (n.bits == 80 || n.bits == 128) {
        if (off % 128) return 0;
        out[0] = n.bits == 80 ? X87 : SSE;
        out[1] = n.bits == 80 ? X87UP : SSEUP;
        return 2;
      }
      if (off % n.bits) return 0;
      out[0] = SSE;
      return 1;
    case CFREE_TY_COMPLEX: {
      const TypeNode& e = t.node(n.elem);
      u64 ebits = t.size(n.elem) * 8;
      if (off % ebits) return 0;
      if (e.kind == CFREE_TY_FLOAT) {
        if (e.bits == 80 || e.bits == 128) return 0;  // XCmode/TCmode
        out[0] = SSE;
        if (e.bits == 64 || off % 64) {
          out[1] = SSE;
          return 2;
        }
        return 1;
      }
      u64 end = (off % 64 + 2 * ebits + 63) / 64;  // complex integers: by span
      for (u64 i = 0; i < end; i++) out[i] = INTEGER;
      return static_cast<u32>(end);
    }
    case CFREE_TY_VECTOR: {
      // GCC classifies a vector by its machine mode.  Integer-element
      // vectors have a vector mode or else an integer mode of their size;
      // float-element ones a vector mode (V2SF, V4SF, V2DF) or else BLKmode
      // (one-element float vectors: MEMORY).  Without AVX, 8-byte vector
      // modes are SSE, 16-byte ones SSE+SSEUP (one XMM register), smaller
      // integer ones INTEGER, and anything over 16 bytes MEMORY.
      bool fl = t.kind(n.elem) == CFREE_TY_FLOAT;
      if (bytes > 16 || (fl && (n.count == 1 || t.node(n.elem).bits > 64))) return 0;
      if (off % (bytes * 8)) return 0;
      if (bytes == 16) {
        out[0] = SSE;
        out[1] = SSEUP;
        return 2;
      }
      out[0] = bytes == 8 ? SSE : INTEGER;
      return 1;
    }
    case CFREE_TY_ARRAY:
    case CFREE_TY_RECORD:
      break;
    default: return 0;
  }
  // Aggregates.
  if (bytes > 64) return 0;
  u32 words = static_cast<u32>((bytes + (off % 64) / 8 + 7) / 8);
  for (u32 i = 0; i < words; i++) out[i] = NO_CLASS;
  if (words == 0) {
    out[0] = NO_CLASS;
    return 1;
  }
  Cls sub[9];
  if (n.kind == CFREE_TY_ARRAY) {
    u32 num = classify(t, n.elem, off, sub);
    if (!num) return 0;
    for (u32 i = 0; i < words; i++) out[i] = sub[i % num];
  } else if (n.is_union) {
    for (const FieldInfo& f : t.fields(ty)) {
      // A union classifies each member's type; a bit-field's type is the C
      // front end's integer of the field's width (so its mode: 1, 2, 4, 8
      // or 16 bytes), or the declared type for a zero-width one.
      TypeId mt = f.type;
      if (f.is_bitfield() && f.bit_width != 0) {
        u32 w = f.bit_width <= 8 ? 8 : f.bit_width <= 16 ? 16 : f.bit_width <= 32 ? 32
              : f.bit_width <= 64 ? 64 : 128;
        mt = t.int_type(w, false);
      }
      u32 num = classify(t, mt, off, sub);
      if (!num) return 0;
      for (u32 i = 0; i < num && i < words; i++) out[i] = merge(sub[i], out[i]);
    }
  } else {
    for (const FieldInfo& f : t.fields(ty)) {
      u64 pos = f.bit_pos + off % 64;
      if (f.is_bitfield()) {
        if (f.bit_width == 0) continue;  // GCC 12: zero-width bit-fields are ignored
        for (u64 i = pos / 64; i < (pos + f.bit_width + 63) / 64; i++)
          if (i < words) out[i] = merge(INTEGER, out[i]);
        continue;
      }
      const TypeNode& ft = t.node(f.type);
      if (ft.kind == CFREE_TY_ARRAY && ft.flexible) continue;  // ignored
      u32 num = classify(t, f.type, (off + f.bit_pos) % 512, sub);
      if (!num) return 0;
      for (u32 i = 0; i < num && pos / 64 + i < words; i++)
        out[pos / 64 + i] = merge(sub[i], out[pos / 64 + i]);
    }
  }
  // Over two eightbytes only [SSE, SSEUP...] (AVX vectors, which cfree does
  // not enable) stays in registers; this applies at every nesting level.
  if (words > 2) return 0;
  for (u32 i = 0; i < words; i++) {
    if (out[i] == MEMORY) return 0;
    if (out[i] == SSEUP && (i == 0 || (out[i - 1] != SSE && out[i - 1] != SSEUP))) out[i] = SSE;
    if (out[i] == X87UP && (i == 0 || out[i - 1] != X87)) return 0;
  }
  return words;
}

// Classify a whole value: returns the number of eightbytes, 0 for MEMORY.
// A zero-sized value returns 1 with c[0] == NO_CLASS.
u32 classify_value(TypeTable& t, TypeId ty, Cls c[2]) {
  c[0] = c[1] = NO_CLASS;
  u64 size = t.size(ty);
  if (size == 0) return 1;
  const TypeNode& n = t.node(ty);
  if (n.kind == CFREE_TY_COMPLEX && t.node(n.elem).kind == CFREE_TY_FLOAT && t.node(n.elem).bits == 80) {
    c[0] = COMPLEX_X87;
    return 1;
  }
  if (size > 16) return 0;
  Cls out[9];
  u32 words = classify(t, ty, 0, out);
  if (words == 0 || words > 2) return 0;
  c[0] = out[0];
  c[1] = words > 1 ? out[1] : NO_CLASS;
  return words;
}

struct X86_64ABI final : TargetABI {
  X86_64ABI();
  TypeId make_va_list(TypeTable& t) const override;
  void classify_call(TypeTable& t, TypeId fn, const TypeId* arg_types, size_t n_args, Arena& arena,
                     ABIFuncInfo& out) const override;
  void classify_return(TypeTable& t, TypeId ty, ABIFuncInfo& out) const;
};

constexpr ScalarDesc kScalars[CFREE_C_SCALAR_COUNT] = {
    {CFREE_TY_INT, 8, true},    // char
    {CFREE_TY_INT, 8, true},    // signed char
    {CFREE_TY_INT, 8, false},   // unsigned char
    {CFREE_TY_INT, 16, true},   {CFREE_TY_INT, 16, false},  // short
    {CFREE_TY_INT, 32, true},   {CFREE_TY_INT, 32, false},  // int
    {CFREE_TY_INT, 64, true},   {CFREE_TY_INT, 64, false},  // long
    {CFREE_TY_INT, 64, true},   {CFREE_TY_INT, 64, false},  // long long
    {CFREE_TY_INT, 128, true},  {CFREE_TY_INT, 128, false}, // __int128
    {CFREE_TY_FLOAT, 32, true}, {CFREE_TY_FLOAT, 64, true}, // float, double
    {CFREE_TY_FLOAT, 80, true},                             // long double: x87
    {CFREE_TY_BOOL, 8, false},                              // _Bool
    {CFREE_TY_INT, 32, true},                               // wchar_t: int
    {CFREE_TY_INT, 16, false},  {CFREE_TY_INT, 32, false},  // char16_t, char32_t
    {CFREE_TY_INT, 64, false},  {CFREE_TY_INT, 64, true},   // size_t, ptrdiff_t
    {CFREE_TY_INT, 64, true},   {CFREE_TY_INT, 64, false},  // intptr_t, uintptr_t
    {CFREE_TY_INT, 64, true},   {CFREE_TY_INT, 64, false},  // intmax_t, uintmax_t
    {CFREE_TY_INT, 32, false},                              // wint_t
};

X86_64ABI::X86_64ABI() {
  arch = CFREE_ARCH_X86_64;
  name = "x86_64-sysv";
  scalars = kScalars;
  layout = LayoutRules{false};
  long_double_bits = 80;
  max_gpr_args = 6;
  max_fpr_args = 8;
}

TypeId X86_64ABI::make_va_list(TypeTable& t) const {
  Interner& syms = t.compiler().syms;
  TypeId rec = t.record(false, syms.intern("__va_list_tag"));
  TypeId u32t = t.int_type(32, false), vp = t.ptr(t.void_type());
  CfreeField f[4] = {
      {syms.intern("gp_offset"), u32t, 0, 0, 0},
      {syms.intern("fp_offset"), u32t, 0, 0, 0},
      {syms.intern("overflow_arg_area"), vp, 0, 0, 0},
      {syms.intern("reg_save_area"), vp, 0, 0, 0},
  };
  CfreeRecordAttrs attrs{};
  t.complete_record(rec, f, 4, attrs);
  return t.array(rec, 1);
}

void X86_64ABI::classify_return(TypeTable& t, TypeId ty, ABIFuncInfo& out) const {
  ABIValue& r = out.ret;
  const TypeNode& n = t.node(ty);
  if (n.kind == CFREE_TY_VOID) return;
  TypeId i64 = t.int_type(64, false);
  Cls c[2];
  u32 words = classify_value(t, ty, c);
  if (words == 0) {
    out.sret = true;
    out.sret_reg = 0;
    ABIPart p = gpr_part(0, 0, static_cast<u32>(t.size(ty)), t.ptr(ty));
    p.kind = CFREE_ABI_INDIRECT;
    r.add(p);
    r.indirect = true;
    return;
  }
  if (c[0] == COMPLEX_X87) {
    TypeId f80 = t.float_type(80);
    ABIPart p = gpr_part(0, 0, 16, f80);
    p.kind = CFREE_ABI_X87;
    r.add(p);
    p.reg = 1;
    p.offset = 16;
    r.add(p);
    return;
  }
  bool scalar = !t.is_aggregate(ty);
  u32 size = static_cast<u32>(t.size(ty));
  u32 ngpr = 0, nfpr = 0;
  for (u32 i = 0; i < words; i++) {
    u32 off = i * 8, sz = std::min<u32>(8, size - off);
    switch (c[i]) {
      case NO_CLASS: break;
      case INTEGER: r.add(gpr_part(ngpr++, off, sz, scalar && size <= 8 ? ty : i64)); break;
      case SSE: {
        TypeId ft = scalar && size <= 8 ? ty : t.float_type(sz <= 4 ? 32 : 64);
        r.add(fpr_part(nfpr++, off, sz, ft));
        break;
      }
      case SSEUP:  // the upper half of the previous SSE register
        r.parts[r.n_parts - 1].size += sz;
        r.parts[r.n_parts - 1].type = scalar ? ty : r.parts[r.n_parts - 1].type;
        break;
      case X87: {
        ABIPart p = gpr_part(0, off, 16, t.float_type(80));
        p.kind = CFREE_ABI_X87;
        r.add(p);
        break;
      }
      case X87UP: break;
      default: CFREE_UNREACHABLE("x86-64 return class");
    }
  }
}

void X86_64ABI::classify_call(TypeTable& t, TypeId fn, const TypeId* arg_types, size_t n_args,
                              Arena& arena, ABIFuncInfo& out) const {
  const TypeId* types = begin_call(t, fn, arg_types, n_args, arena, out);
  classify_return(t, t.node(fn).elem, out);
  ArgCursor cur;
  if (out.sret) cur.gpr = 1;  // rdi carries the return slot
  TypeId i64 = t.int_type(64, false);
  for (size_t i = 0; i < out.n_args; i++) {
    TypeId ty = types[i];
    ABIValue& v = out.args[i];
    u32 size = static_cast<u32>(t.size(ty));
    bool scalar = !t.is_aggregate(ty);
    Cls c[2];
    u32 words = classify_value(t, ty, c);
    u32 need_g = 0, need_f = 0;
    bool mem = words == 0;
    for (u32 w = 0; w < words && !mem; w++) {
      if (c[w] == INTEGER) need_g++;
      else if (c[w] == SSE) need_f++;
      else if (c[w] == X87 || c[w] == X87UP || c[w] == COMPLEX_X87) mem = true;
    }
    if (!mem && need_g == 0 && need_f == 0) continue;  // empty: IGNORE
    if (!mem && cur.gpr + need_g <= max_gpr_args && cur.fpr + need_f <= max_fpr_args) {
      for (u32 w = 0; w < words; w++) {
        u32 off = w * 8, sz = std::min<u32>(8, size - off);
        if (c[w] == INTEGER) {
          v.add(gpr_part(cur.gpr++, off, sz, scalar && size <= 8 ? ty : i64));
        } else if (c[w] == SSE) {
          TypeId ft = scalar && size <= 8 ? ty : t.float_type(sz <= 4 ? 32 : 64);
          v.add(fpr_part(cur.fpr++, off, sz, ft));
        } else if (c[w] == SSEUP) {
          v.parts[v.n_parts - 1].size += sz;
          if (scalar) v.parts[v.n_parts - 1].type = ty;
        }
      }
      continue;
    }
    u64 align = std::max<u64>(8, t.align(ty));
    cur.stack = align_up(cur.stack, align);
    v.add(stack_part(cur.stack, 0, size, ty));
    v.byval = !scalar;
    cur.stack += align_up(size, 8);
  }
  // Registers and stack used by the named arguments (va_start).
  {
    ArgCursor named;
    named.gpr = out.sret ? 1 : 0;
    u64 nstack = 0;
    for (size_t i = 0; i < out.n_named; i++) {
      const ABIValue& v = out.args[i];
      for (u32 k = 0; k < v.n_parts; k++) {
        const ABIPart& p = v.parts[k];
        if (p.kind == CFREE_ABI_GPR) named.gpr = p.reg + 1;
        if (p.kind == CFREE_ABI_FPR) named.fpr = p.reg + 1;
        if (p.kind == CFREE_ABI_STACK) nstack = p.stack_offset + align_up(p.size, 8);
      }
    }
    out.n_gpr = named.gpr;
    out.n_fpr = named.fpr;
    out.named_stack_size = static_cast<u32>(nstack);
  }
  out.vector_regs = cur.fpr;
  out.stack_size = static_cast<u32>(align_up(cur.stack, 16));
}

}  // namespace

const TargetABI& x86_64_abi() {
  static const X86_64ABI abi;  // immutable after construction
  return abi;
}

}  // namespace cfree::abi
