// cg_test.cpp: the CG layer through its public API -- DUMP text, stack
// depth in SYNTAX_ONLY mode, recovery after misuse, and an OBJECT-mode
// function whose ELF output reads back with the expected symbols,
// relocations and code (checked by decoding it with the x86 decoder).
#include "arch/x86_64/disasm.h"
#include "core/compiler.h"
#include "obj/obj.h"
#include "unit.h"

#include <cfree/cg.h>
#include <string>
#include <vector>

using namespace cfree;

namespace {

CfreeEnv test_env() {
  CfreeEnv env{};
  env.heap = libc_heap();
  env.diag = {nullptr, [](void*, const CfreeDiagnostic*) {}};
  return env;
}

struct Buf {
  std::string data;
  CfreeWriter w{this, [](void* ctx, const void* p, size_t n) {
                  static_cast<Buf*>(ctx)->data.append(static_cast<const char*>(p), n);
                  return 0;
                }};
};

struct Fixture {
  CfreeCompiler* c;
  Fixture() {
    CfreeEnv env = test_env();
    c = cfree_compiler_new(&env, CfreeTarget{CFREE_ARCH_X86_64, CFREE_OS_LINUX, CFREE_OBJ_ELF});
  }
  ~Fixture() { cfree_compiler_free(c); }
  CfreeSym sym(const char* s) { return cfree_sym_intern(c, s, std::strlen(s)); }
};

// int add1(int x) { return x + 1; } with the CG API.
void build_add1(Fixture& f, CfreeCg* cg) {
  CfreeType i32 = cfree_type_int(f.c, 32, 1);
  CfreeType fn = cfree_type_func(f.c, i32, &i32, 1, 0);
  CfreeCgSym s = cfree_cg_symbol(cg, f.sym("add1"), CFREE_SYM_FUNC, CFREE_BIND_GLOBAL, 0);
  CfreeFuncDesc d{};
  d.sym = s;
  d.type = fn;
  cfree_cg_func_begin(cg, &d);
  cfree_cg_push_slot_addr(cg, cfree_cg_param_slot(cg, 0), 0);
  cfree_cg_load(cg, i32, nullptr);
  cfree_cg_push_int(cg, i32, 1);
  cfree_cg_binop(cg, CFREE_OP_ADD, i32);
  cfree_cg_ret(cg);
  cfree_cg_func_end(cg);
}

}  // namespace

TEST(cg_dump_text) {
  Fixture f;
  CfreeCompileOptions o{};
  CfreeCg* cg = cfree_cg_new(f.c, &o, CFREE_CG_DUMP, "t.c");
  build_add1(f, cg);
  Buf out;
  CHECK_EQ(cfree_cg_finish(cg, &out.w), CFREE_OK);
  cfree_cg_free(cg);
  CHECK_EQ(out.data, std::string("symbol @add1 func global\n"
                                 "func_begin @add1 : fn(i32) -> i32\n"
                                 "  param 0 -> %s1\n"
                                 "  push_slot_addr %s1+0\n"
                                 "  load i32\n"
                                 "  push_int i32 1\n"
                                 "  binop add i32\n"
                                 "  ret value\n"
                                 "func_end\n"));
}

TEST(cg_syntax_only_depth) {
  Fixture f;
  CfreeCompileOptions o{};
  CfreeCg* cg = cfree_cg_new(f.c, &o, CFREE_CG_SYNTAX_ONLY, "t.c");
  CfreeType i64 = cfree_type_int(f.c, 64, 1);
  CfreeType fn = cfree_type_func(f.c, i64, nullptr, 0, 0);
  CfreeFuncDesc d{};
  d.sym = cfree_cg_symbol(cg, f.sym("g"), CFREE_SYM_FUNC, CFREE_BIND_GLOBAL, 0);
  d.type = fn;
  cfree_cg_func_begin(cg, &d);
  cfree_cg_push_int(cg, i64, 1);
  cfree_cg_push_int(cg, i64, 2);
  cfree_cg_dup(cg);
  CHECK_EQ(cfree_cg_depth(cg), size_t(3));
  cfree_cg_binop(cg, CFREE_OP_MUL, i64);
  cfree_cg_binop(cg, CFREE_OP_ADD, i64);
  CHECK_EQ(cfree_cg_depth(cg), size_t(1));
  CfreeCgLabel l1 = cfree_cg_label_new(cg), l2 = cfree_cg_label_new(cg);
  CHECK(l1 != 0 && l2 != 0 && l1 != l2);
  cfree_cg_ret(cg);
  cfree_cg_func_end(cg);
  CHECK_EQ(cfree_cg_finish(cg, nullptr), CFREE_OK);
  cfree_cg_free(cg);
}

TEST(cg_misuse_is_an_error_not_a_crash) {
  Fixture f;
  CfreeCompileOptions o{};
  CfreeCg* cg = cfree_cg_new(f.c, &o, CFREE_CG_OBJECT, "t.c");
  CfreeType i32 = cfree_type_int(f.c, 32, 1);
  CfreeType fn = cfree_type_func(f.c, i32, nullptr, 0, 0);
  CfreeFuncDesc d{};
  d.sym = cfree_cg_symbol(cg, f.sym("bad"), CFREE_SYM_FUNC, CFREE_BIND_GLOBAL, 0);
  d.type = fn;
  cfree_cg_func_begin(cg, &d);
  cfree_cg_binop(cg, CFREE_OP_ADD, i32);  // underflow
  // The CG keeps answering: ids stay fresh and nothing crashes.
  CHECK(cfree_cg_label_new(cg) != 0);
  cfree_cg_push_int(cg, i32, 0);
  cfree_cg_ret(cg);
  cfree_cg_func_end(cg);
  Buf out;
  CHECK_EQ(cfree_cg_finish(cg, &out.w), CFREE_ERR_INTERNAL);
  CHECK(out.data.empty());
  cfree_cg_free(cg);
}

TEST(cg_object_reads_back) {
  Fixture f;
  CfreeCompileOptions o{};
  o.pic = 2;
  o.pie = 1;
  CfreeCg* cg = cfree_cg_new(f.c, &o, CFREE_CG_OBJECT, "t.c");
  build_add1(f, cg);
  // A caller: int call_ext(void) { return ext(41); } -- a PLT32 call.
  CfreeType i32 = cfree_type_int(f.c, 32, 1);
  CfreeType ext_t = cfree_type_func(f.c, i32, &i32, 1, 0);
  CfreeType fn = cfree_type_func(f.c, i32, nullptr, 0, 0);
  CfreeCgSym ext = cfree_cg_symbol(cg, f.sym("ext"), CFREE_SYM_FUNC, CFREE_BIND_GLOBAL, 0);
  CfreeFuncDesc d{};
  d.sym = cfree_cg_symbol(cg, f.sym("call_ext"), CFREE_SYM_FUNC, CFREE_BIND_GLOBAL, 0);
  d.type = fn;
  cfree_cg_func_begin(cg, &d);
  cfree_cg_push_sym_addr(cg, ext, 0);
  cfree_cg_push_int(cg, i32, 41);
  cfree_cg_call(cg, ext_t, 1, nullptr);
  cfree_cg_ret(cg);
  cfree_cg_func_end(cg);
  Buf out;
  CHECK_EQ(cfree_cg_finish(cg, &out.w), CFREE_OK);
  cfree_cg_free(cg);

  Compiler& c = *f.c;
  ObjBuilder ob(c, c.target);
  CHECK(elf_read(ob, "t.o", reinterpret_cast<const u8*>(out.data.data()), out.data.size()));
  ObjSymId add1 = ob.find_global(c.syms.intern("add1"));
  ObjSymId ext_s = ob.find_global(c.syms.intern("ext"));
  CHECK(add1 != OBJ_SYM_NONE);
  CHECK(ext_s != OBJ_SYM_NONE);
  CHECK(ob.symbol_get(add1).type == SymType::Func);
  CHECK(ob.symbol_get(add1).size > 0);
  CHECK(ob.symbol_get(ext_s).place == SymPlace::Undef);
  ObjSecId text = ob.find_section(c.syms.intern(".text"));
  CHECK(text != OBJ_SEC_NONE);
  bool plt = false;
  for (const ObjReloc& r : ob.relocs(text)) plt |= r.kind == RelocKind::Plt32 && r.sym == ext_s;
  CHECK(plt);
  // Every byte of the text decodes, and add1 starts with push rbp.
  std::vector<u8> code = ob.bytes(text);
  size_t off = 0;
  while (off < code.size()) {
    x86::Decoded dec;
    size_t n = x86::x86_decode(code.data() + off, code.size() - off, &dec);
    CHECK(n > 0);
    if (!n) break;
    off += n;
  }
  CHECK_EQ(code[ob.symbol_get(add1).value], u8(0x55));
}
