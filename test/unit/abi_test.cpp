// abi_test.cpp: hand-checked cases for src/abi -- type interning, record
// layout, and call classification on each target, taken from the worked
// examples and rules of the SysV AMD64 psABI §3.2.3, AAPCS64 §6.8.2 and the
// RISC-V psABI calling convention.  (The bulk of layout checking is the
// differential test against gcc in test/abi/.)
#include "abi/abi.h"
#include "core/arena.h"
#include "unit.h"

#include <string>

using namespace cfree;
using namespace cfree::abi;

namespace {

CfreeEnv test_env() {
  CfreeEnv env{};
  env.heap = libc_heap();
  env.diag = {nullptr, [](void*, const CfreeDiagnostic*) {}};
  return env;
}

struct Fixture {
  Compiler c;
  TypeTable& t;
  Arena arena;
  explicit Fixture(CfreeArch arch)
      : c(test_env(), CfreeTarget{arch, CFREE_OS_LINUX, CFREE_OBJ_ELF}), t(TypeTable::of(c)),
        arena(libc_heap()) {}
  TypeId s(CfreeCScalar k) { return t.c_scalar(k); }
  TypeId rec(std::initializer_list<TypeId> fields, bool is_union = false, CfreeRecordAttrs a = {}) {
    std::vector<CfreeField> f;
    for (TypeId ft : fields) f.push_back(CfreeField{c.syms.intern("f"), ft, 0, 0, 0});
    TypeId r = t.record(is_union, 0);
    CHECK(t.complete_record(r, f.data(), f.size(), a));
    return r;
  }
  // "arg0 arg1 ... -> ret" with each value as kind:reg@offset+size.
  std::string call(TypeId ret, std::initializer_list<TypeId> params, bool variadic = false,
                   std::initializer_list<TypeId> extra = {}) {
    std::vector<TypeId> p(params), all(params);
    all.insert(all.end(), extra.begin(), extra.end());
    TypeId fn = t.func(ret, p.data(), p.size(), variadic);
    ABIFuncInfo info;
    t.target().classify_call(t, fn, all.data(), all.size(), arena, info);
    std::string out;
    auto value = [&](const ABIValue& v, bool is_ret) {
      if (v.n_parts == 0) out += "-";
      for (u32 i = 0; i < v.n_parts; i++) {
        const ABIPart& p = v.parts[i];
        if (i) out += ",";
        switch (p.kind) {
          case CFREE_ABI_GPR: out += gpr_arg_name(c.target.arch, p.reg, is_ret); break;
          case CFREE_ABI_FPR: out += fpr_arg_name(c.target.arch, p.reg); break;
          case CFREE_ABI_X87: out += p.reg ? "st1" : "st0"; break;
          case CFREE_ABI_STACK: out += "stack" + std::to_string(p.stack_offset); break;
          case CFREE_ABI_INDIRECT:
            out += p.on_stack ? "&stack" + std::to_string(p.stack_offset)
                              : std::string("&") + gpr_arg_name(c.target.arch, p.reg, false);
            break;
          default: out += "?";
        }
        out += "@" + std::to_string(p.offset) + "+" + std::to_string(p.size);
      }
    };
    for (size_t i = 0; i < info.n_args; i++) {
      value(info.args[i], false);
      out += " ";
    }
    out += "->";
    out += " ";
    value(info.ret, true);
    return out;
  }
};

}  // namespace

TEST(abi_interning) {
  Fixture f(CFREE_ARCH_X86_64);
  TypeTable& t = f.t;
  CHECK_EQ(t.int_type(32, true), t.int_type(32, true));
  CHECK(t.int_type(32, true) != t.int_type(32, false));
  TypeId i = t.int_type(32, true);
  CHECK_EQ(t.ptr(i), t.ptr(i));
  CHECK_EQ(t.array(i, 4), t.array(i, 4));
  CHECK(t.array(i, 4) != t.array(i, 5));
  CHECK(t.flex_array(i) != t.array(i, 0));
  TypeId ps[2] = {i, t.ptr(i)};
  CHECK_EQ(t.func(i, ps, 2, false), t.func(i, ps, 2, false));
  CHECK(t.func(i, ps, 2, false) != t.func(i, ps, 2, true));
  CHECK(t.func(i, ps, 2, false) != t.func(i, ps, 1, false));
  CHECK(t.record(false, 0) != t.record(false, 0));  // identity is creation
  CHECK_EQ(t.size(t.array(i, 4)), 16u);
  // An array of a record completed later reads the final size.
  TypeId r = t.record(false, 0);
  TypeId arr = t.array(r, 3);
  CHECK(!t.is_complete(arr));
  CfreeField fl{0, t.int_type(64, true), 0, 0, 0};
  CHECK(t.complete_record(r, &fl, 1, CfreeRecordAttrs{}));
  CHECK(!t.complete_record(r, &fl, 1, CfreeRecordAttrs{}));  // only once
  CHECK_EQ(t.size(arr), 24u);
  CHECK_EQ(t.align(arr), 8u);
}

TEST(abi_scalar_profiles) {
  Fixture x(CFREE_ARCH_X86_64), a(CFREE_ARCH_AARCH64), r(CFREE_ARCH_RISCV64);
  CHECK(x.t.node(x.s(CFREE_C_CHAR)).is_signed);
  CHECK(!a.t.node(a.s(CFREE_C_CHAR)).is_signed);
  CHECK(!r.t.node(r.s(CFREE_C_CHAR)).is_signed);
  CHECK_EQ(x.t.node(x.s(CFREE_C_LDOUBLE)).bits, 80u);
  CHECK_EQ(x.t.size(x.s(CFREE_C_LDOUBLE)), 16u);
  CHECK_EQ(x.t.align(x.s(CFREE_C_LDOUBLE)), 16u);
  CHECK_EQ(a.t.node(a.s(CFREE_C_LDOUBLE)).bits, 128u);
  CHECK_EQ(r.t.node(r.s(CFREE_C_LDOUBLE)).bits, 128u);
  CHECK_EQ(x.t.align(x.s(CFREE_C_INT128)), 16u);
  CHECK(x.t.node(x.s(CFREE_C_WCHAR)).is_signed);
  CHECK(!a.t.node(a.s(CFREE_C_WCHAR)).is_signed);  // aarch64-linux: unsigned int
  CHECK(r.t.node(r.s(CFREE_C_WCHAR)).is_signed);
  CHECK_EQ(x.t.size(x.s(CFREE_C_LONG)), 8u);
  // va_list: x86-64 an array of one 24-byte record; aarch64 a 32-byte
  // record; riscv64 a pointer.
  TypeId xv = x.t.va_list_type();
  CHECK_EQ(x.t.kind(xv), CFREE_TY_ARRAY);
  CHECK_EQ(x.t.size(xv), 24u);
  TypeId av = a.t.va_list_type();
  CHECK_EQ(a.t.kind(av), CFREE_TY_RECORD);
  CHECK_EQ(a.t.size(av), 32u);
  CHECK_EQ(r.t.kind(r.t.va_list_type()), CFREE_TY_PTR);
}

TEST(abi_layout_bitfields) {
  for (CfreeArch arch : {CFREE_ARCH_X86_64, CFREE_ARCH_AARCH64, CFREE_ARCH_RISCV64}) {
    Fixture f(arch);
    TypeTable& t = f.t;
    TypeId ch = t.int_type(8, true), in = t.int_type(32, true);
    Sym nm = f.c.syms.intern("x");
    // struct { char c; int x:4; int y:30; }: x shares the first int unit at
    // bit 8; y would straddle the unit, so it moves to the next int.
    CfreeField fs[3] = {{nm, ch, 0, 0, 0},
                        {nm, in, 4, 0, CFREE_FIELD_BITFIELD},
                        {nm, in, 30, 0, CFREE_FIELD_BITFIELD}};
    TypeId r = t.record(false, 0);
    CHECK(t.complete_record(r, fs, 3, CfreeRecordAttrs{}));
    auto fl = t.fields(r);
    CHECK_EQ(fl[1].bit_pos, 8u);
    CHECK_EQ(fl[1].offset, 0u);
    CHECK_EQ(fl[1].bit_offset, 8u);
    CHECK_EQ(fl[1].storage_size, 4u);
    CHECK_EQ(fl[2].bit_pos, 32u);
    CHECK_EQ(t.size(r), 8u);
    CHECK_EQ(t.align(r), 4u);
    // Packed: y follows x directly at bit 12 and straddles; its unit is the
    // smallest power of two containing it (5 bytes needed: an 8-byte unit).
    CfreeRecordAttrs packed{};
    packed.packed = 1;
    TypeId p = t.record(false, 0);
    CHECK(t.complete_record(p, fs, 3, packed));
    CHECK_EQ(t.fields(p)[2].bit_pos, 12u);
    CHECK_EQ(t.size(p), 6u);
    CHECK_EQ(t.align(p), 1u);
    CHECK(t.fields(p)[2].offset * 8 + t.fields(p)[2].bit_offset == 12u);
    CHECK_EQ(t.fields(p)[2].storage_size, 8u);
    CHECK(t.fields(p)[2].bit_offset + 30 <= t.fields(p)[2].storage_size * 8);
    // struct { char c; int :0; char d; }: the zero-width bit-field aligns d
    // to 4; only aarch64 lets the unnamed bit-field align the record.
    CfreeField zs[3] = {{nm, ch, 0, 0, 0}, {0, in, 0, 0, CFREE_FIELD_BITFIELD}, {nm, ch, 0, 0, 0}};
    TypeId z = t.record(false, 0);
    CHECK(t.complete_record(z, zs, 3, CfreeRecordAttrs{}));
    CHECK_EQ(t.fields(z)[2].offset, 4u);
    CHECK_EQ(t.size(z), arch == CFREE_ARCH_AARCH64 ? 8u : 5u);
    // Flexible array: no size, element alignment.
    TypeId fx = f.rec({ch, t.flex_array(t.int_type(64, true))});
    CHECK_EQ(t.size(fx), 8u);
    CHECK(t.node(fx).has_flex);
    // Empty struct: size 0 (GNU C).
    TypeId e = t.record(false, 0);
    CHECK(t.complete_record(e, nullptr, 0, CfreeRecordAttrs{}));
    CHECK_EQ(t.size(e), 0u);
    CHECK_EQ(t.align(e), 1u);
  }
}

TEST(abi_layout_attributes) {
  Fixture f(CFREE_ARCH_X86_64);
  TypeTable& t = f.t;
  TypeId ch = t.int_type(8, true), in = t.int_type(32, true), lg = t.int_type(64, true);
  // #pragma pack(2): long aligned to 2.
  CfreeRecordAttrs pk{};
  pk.max_field_align = 2;
  TypeId r = f.rec({ch, lg}, false, pk);
  CHECK_EQ(t.fields(r)[1].offset, 2u);
  CHECK_EQ(t.size(r), 10u);
  CHECK_EQ(t.align(r), 2u);
  // aligned(16) on the record and on a member.
  CfreeRecordAttrs al{};
  al.align = 16;
  TypeId a = f.rec({ch}, false, al);
  CHECK_EQ(t.size(a), 16u);
  CfreeField m[2] = {{0, ch, 0, 0, 0}, {0, in, 0, 8, 0}};
  TypeId b = t.record(false, 0);
  CHECK(t.complete_record(b, m, 2, CfreeRecordAttrs{}));
  CHECK_EQ(t.fields(b)[1].offset, 8u);
  CHECK_EQ(t.size(b), 16u);
  // packed member with aligned(2): exactly 2.
  CfreeField pm[2] = {{0, ch, 0, 0, 0}, {0, lg, 0, 2, CFREE_FIELD_PACKED}};
  TypeId c = t.record(false, 0);
  CHECK(t.complete_record(c, pm, 2, CfreeRecordAttrs{}));
  CHECK_EQ(t.fields(c)[1].offset, 2u);
  CHECK_EQ(t.align(c), 2u);
  // Union: largest member, strictest alignment.
  TypeId u = f.rec({ch, lg, t.array(ch, 13)}, true);
  CHECK_EQ(t.size(u), 16u);
  CHECK_EQ(t.align(u), 8u);
  // Incomplete field type is refused.
  TypeId inc = t.record(false, 0);
  CfreeField bad{0, inc, 0, 0, 0};
  CHECK(!t.complete_record(t.record(false, 0), &bad, 1, CfreeRecordAttrs{}));
}

TEST(abi_x86_64_classify) {
  Fixture f(CFREE_ARCH_X86_64);
  TypeTable& t = f.t;
  TypeId i = f.s(CFREE_C_INT), l = f.s(CFREE_C_LONG), d = f.s(CFREE_C_DOUBLE),
         fl = f.s(CFREE_C_FLOAT), ld = f.s(CFREE_C_LDOUBLE), v = t.void_type(),
         i128 = f.s(CFREE_C_INT128), ch = f.s(CFREE_C_CHAR);
  CHECK_EQ(f.call(v, {f.rec({l, d})}), "rdi@0+8,xmm0@8+8 -> -");
  CHECK_EQ(f.call(v, {f.rec({d, l})}), "xmm0@0+8,rdi@8+8 -> -");
  CHECK_EQ(f.call(v, {f.rec({fl, fl, i})}), "xmm0@0+8,rdi@8+4 -> -");
  CHECK_EQ(f.call(v, {f.rec({i, fl})}), "rdi@0+8 -> -");
  CHECK_EQ(f.call(ld, {i, ld, i}), "rdi@0+4 stack0@0+16 rsi@0+4 -> st0@0+16");
  TypeId big = f.rec({l, l, l});
  CHECK_EQ(f.call(big, {big}), "stack0@0+24 -> &rdi@0+24");
  CHECK_EQ(f.call(v, {big, i}), "stack0@0+24 rdi@0+4 -> -");
  CHECK_EQ(f.call(f.rec({l, d}), {}), "-> rax@0+8,xmm0@8+8");
  CHECK_EQ(f.call(f.rec({d, d}), {}), "-> xmm0@0+8,xmm1@8+8");
  CHECK_EQ(f.call(v, {i, i, i, i, i, i128}), "rdi@0+4 rsi@0+4 rdx@0+4 rcx@0+4 r8@0+4 stack0@0+16 -> -");
  CHECK_EQ(f.call(v, {i, i, i, i, i128}), "rdi@0+4 rsi@0+4 rdx@0+4 rcx@0+4 r8@0+8,r9@8+8 -> -");
  CHECK_EQ(f.call(v, {i, i, i, i, i, i, i, l}),
           "rdi@0+4 rsi@0+4 rdx@0+4 rcx@0+4 r8@0+4 r9@0+4 stack0@0+4 stack8@0+8 -> -");
  // The whole argument goes to the stack if one eightbyte finds no register.
  TypeId ll = f.rec({l, l});
  CHECK_EQ(f.call(v, {i, i, i, i, i, ll, i}),
           "rdi@0+4 rsi@0+4 rdx@0+4 rcx@0+4 r8@0+4 stack0@0+16 r9@0+4 -> -");
  CHECK_EQ(f.call(t.complex(fl), {t.complex(d)}), "xmm0@0+8,xmm1@8+8 -> xmm0@0+8");
  CHECK_EQ(f.call(t.complex(ld), {t.complex(ld)}), "stack0@0+32 -> st0@0+16,st1@16+16");
  // struct { long double x; }: X87 as a result, MEMORY as an argument.
  TypeId sld = f.rec({ld});
  CHECK_EQ(f.call(sld, {sld}), "stack0@0+16 -> st0@0+16");
  // union { long double; int }: INTEGER + X87UP -> MEMORY.
  TypeId uli = f.rec({ld, i}, true);
  CHECK_EQ(f.call(uli, {}), "-> &rdi@0+16");
  // Packed struct with a misaligned int: MEMORY.
  CfreeRecordAttrs packed{};
  packed.packed = 1;
  TypeId pk = f.rec({ch, i}, false, packed);
  CHECK_EQ(f.call(v, {pk}), "stack0@0+5 -> -");
  // Variadic: al counts the vector registers of all arguments.
  TypeId cp = t.ptr(ch);
  TypeId fn = t.func(i, &cp, 1, true);
  TypeId args[3] = {cp, d, d};
  ABIFuncInfo info;
  t.target().classify_call(t, fn, args, 3, f.arena, info);
  CHECK_EQ(info.vector_regs, 2u);
  CHECK_EQ(info.n_gpr, 1u);
  CHECK_EQ(info.n_fpr, 0u);
  // Empty struct: ignored.
  TypeId e = t.record(false, 0);
  CHECK(t.complete_record(e, nullptr, 0, CfreeRecordAttrs{}));
  CHECK_EQ(f.call(v, {e, i}), "- rdi@0+4 -> -");
}

TEST(abi_aarch64_classify) {
  Fixture f(CFREE_ARCH_AARCH64);
  TypeTable& t = f.t;
  TypeId i = f.s(CFREE_C_INT), l = f.s(CFREE_C_LONG), d = f.s(CFREE_C_DOUBLE),
         fl = f.s(CFREE_C_FLOAT), ld = f.s(CFREE_C_LDOUBLE), v = t.void_type(),
         i128 = f.s(CFREE_C_INT128);
  CHECK_EQ(f.call(v, {f.rec({fl, fl, fl})}), "v0@0+4,v1@4+4,v2@8+4 -> -");
  CHECK_EQ(f.call(v, {f.rec({d, fl})}), "x0@0+8,x1@8+8 -> -");
  TypeId big = f.rec({l, l, l});
  CHECK_EQ(f.call(v, {big}), "&x0@0+24 -> -");
  CHECK_EQ(f.call(big, {i}), "x0@0+4 -> &x8@0+24");
  CHECK_EQ(f.call(v, {i, i128}), "x0@0+4 x2@0+8,x3@8+8 -> -");
  CHECK_EQ(f.call(ld, {ld}), "v0@0+16 -> v0@0+16");
  TypeId hfa4 = f.rec({t.array(d, 4)});
  CHECK_EQ(f.call(hfa4, {}), "-> v0@0+8,v1@8+8,v2@16+8,v3@24+8");
  // An HFA that does not fit sets NSRN to 8: the next double goes on the stack too.
  CHECK_EQ(f.call(v, {d, d, d, d, d, hfa4, d}),
           "v0@0+8 v1@0+8 v2@0+8 v3@0+8 v4@0+8 stack0@0+32 stack32@0+8 -> -");
  // Nine ints: the ninth in an 8-byte stack slot; then a 16-aligned __int128.
  CHECK_EQ(f.call(v, {i, i, i, i, i, i, i, i, i, i128}),
           "x0@0+4 x1@0+4 x2@0+4 x3@0+4 x4@0+4 x5@0+4 x6@0+4 x7@0+4 stack0@0+4 stack16@0+16 -> -");
  CHECK_EQ(f.call(t.complex(fl), {t.complex(d)}), "v0@0+8,v1@8+8 -> v0@0+4,v1@4+4");
  // Variadic on Linux: same as named.
  CHECK_EQ(f.call(i, {i}, true, {d}), "x0@0+4 v0@0+8 -> x0@0+4");
}

TEST(abi_riscv64_classify) {
  Fixture f(CFREE_ARCH_RISCV64);
  TypeTable& t = f.t;
  TypeId i = f.s(CFREE_C_INT), l = f.s(CFREE_C_LONG), d = f.s(CFREE_C_DOUBLE),
         fl = f.s(CFREE_C_FLOAT), ld = f.s(CFREE_C_LDOUBLE), v = t.void_type(),
         i128 = f.s(CFREE_C_INT128);
  CHECK_EQ(f.call(v, {f.rec({fl, i})}), "fa0@0+4,a0@4+4 -> -");
  CHECK_EQ(f.call(v, {f.rec({i, d})}), "a0@0+4,fa0@8+8 -> -");
  CHECK_EQ(f.call(f.rec({d, d}), {}), "-> fa0@0+8,fa1@8+8");
  CHECK_EQ(f.call(v, {f.rec({fl, fl, fl})}), "a0@0+8,a1@8+4 -> -");
  CHECK_EQ(f.call(i, {i}, true, {d}), "a0@0+4 a1@0+8 -> a0@0+4");
  CHECK_EQ(f.call(v, {ld}), "a0@0+8,a1@8+8 -> -");
  // 2*XLEN with one register left: split between a7 and the stack.
  CHECK_EQ(f.call(v, {i, i, i, i, i, i, i, ld}),
           "a0@0+4 a1@0+4 a2@0+4 a3@0+4 a4@0+4 a5@0+4 a6@0+4 a7@0+8,stack0@8+8 -> -");
  // Variadic 16-byte-aligned values start at an even register.
  CHECK_EQ(f.call(v, {i}, true, {i128}), "a0@0+4 a2@0+8,a3@8+8 -> -");
  CHECK_EQ(f.call(v, {i}, false, {}), "a0@0+4 -> -");
  TypeId big = f.rec({l, l, l});
  CHECK_EQ(f.call(big, {big}), "&a1@0+24 -> &a0@0+24");
  // FPRs exhausted: floats fall back to GPRs.
  CHECK_EQ(f.call(v, {d, d, d, d, d, d, d, d, d}),
           "fa0@0+8 fa1@0+8 fa2@0+8 fa3@0+8 fa4@0+8 fa5@0+8 fa6@0+8 fa7@0+8 a0@0+8 -> -");
  CHECK_EQ(f.call(t.complex(d), {t.complex(fl)}), "fa0@0+4,fa1@4+4 -> fa0@0+8,fa1@8+8");
}

TEST(abi_public_api_misuse) {
  // Bad requests through the public entry points come back as 0 or
  // CFREE_ERR_USAGE, never as a crash or an exception.
  CfreeEnv env = test_env();
  CfreeCompiler* c = cfree_compiler_new(&env, CfreeTarget{CFREE_ARCH_X86_64, CFREE_OS_LINUX, CFREE_OBJ_ELF});
  CHECK(c != nullptr);
  CHECK_EQ(cfree_type_int(c, 12, 1), 0u);
  CHECK_EQ(cfree_type_float(c, 16), 0u);
  CHECK_EQ(cfree_type_ptr(c, 99999), 0u);
  CHECK_EQ(cfree_type_array(c, cfree_type_void(c), 3), 0u);
  CHECK_EQ(cfree_type_complex(c, cfree_type_ptr(c, cfree_type_void(c))), 0u);
  CHECK_EQ(cfree_type_c_scalar(c, CFREE_C_SCALAR_COUNT), 0u);
  CfreeType i32 = cfree_type_int(c, 32, 1);
  CfreeType rec = cfree_type_record(c, 0, 0);
  CHECK_EQ(cfree_type_size(c, rec), 0u);  // incomplete
  CHECK_EQ(cfree_type_align(c, rec), 1u);
  CfreeField self{0, rec, 0, 0, 0};
  CHECK_EQ(cfree_type_record_complete(c, rec, &self, 1, nullptr), CFREE_ERR_USAGE);
  CfreeField wide{0, i32, 40, 0, CFREE_FIELD_BITFIELD};
  CHECK_EQ(cfree_type_record_complete(c, rec, &wide, 1, nullptr), CFREE_ERR_USAGE);
  CfreeField ok{cfree_sym_intern(c, "x", 1), i32, 0, 0, 0};
  CHECK_EQ(cfree_type_record_complete(c, rec, &ok, 1, nullptr), CFREE_OK);
  CHECK_EQ(cfree_type_record_complete(c, rec, &ok, 1, nullptr), CFREE_ERR_USAGE);
  CfreeFieldLayout fl;
  CHECK_EQ(cfree_type_field(c, rec, 0, &fl), CFREE_OK);
  CHECK_EQ(fl.offset, 0u);
  CHECK_EQ(cfree_type_field(c, rec, 1, &fl), CFREE_ERR_USAGE);
  CHECK_EQ(cfree_type_field(c, i32, 0, &fl), CFREE_ERR_USAGE);
  CfreeAbiCallInfo info;
  CHECK_EQ(cfree_abi_classify_call(c, i32, nullptr, 0, &info), CFREE_ERR_USAGE);
  CfreeType inc = cfree_type_record(c, 0, 0);
  CfreeType fn = cfree_type_func(c, i32, &inc, 1, 0);
  CHECK_EQ(cfree_abi_classify_call(c, fn, nullptr, 1, &info), CFREE_ERR_USAGE);  // incomplete param
  CfreeType fn2 = cfree_type_func(c, i32, &rec, 1, 0);
  CHECK_EQ(cfree_abi_classify_call(c, fn2, nullptr, 1, &info), CFREE_OK);
  CHECK_EQ(info.n_args, 1u);
  CHECK_EQ(info.args[0].parts[0].kind, CFREE_ABI_GPR);
  CfreeAbiCallInfo again;
  CHECK_EQ(cfree_abi_classify_call(c, fn2, nullptr, 1, &again), CFREE_OK);
  CHECK(again.args == info.args);  // cached per signature
  CfreeTypeInfo ti;
  cfree_type_info(c, 424242, &ti);
  CHECK_EQ(ti.kind, CFREE_TY_NONE);
  cfree_compiler_free(c);
}
