// asm_test.cpp: unit tests for src/asm -- expressions and equates, numeric
// local labels, jump relaxation (rel8 / rel32 chosen as gas does), LEB128 of
// label differences, macros and repetition, relocation choice, .eh_frame,
// and diagnostics for malformed input.
#include "arch/mc.h"
#include "asm/asm.h"
#include "core/compiler.h"
#include "obj/obj.h"
#include "unit.h"

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

using namespace cfree;

namespace {

struct Diags {
  std::vector<std::string> msgs;
  static void report(void* ctx, const CfreeDiagnostic* d) {
    static_cast<Diags*>(ctx)->msgs.push_back(d->rendered);
  }
};

struct Fixture {
  Diags d;
  CfreeEnv env{};
  Compiler c;
  ObjBuilder ob;
  bool ok;
  explicit Fixture(const char* src)
      : env(make_env(&d)),
        c(env, CfreeTarget{CFREE_ARCH_X86_64, CFREE_OS_LINUX, CFREE_OBJ_ELF}),
        ob(c, c.target),
        ok(as::assemble_file(c, ob, "t.s", src, std::strlen(src))) {}
  static CfreeEnv make_env(Diags* d) {
    CfreeEnv e{};
    e.heap = libc_heap();
    e.diag = {d, Diags::report};
    return e;
  }
  std::vector<u8> bytes(const char* name) {
    ObjSecId s = ob.find_section(c.syms.intern(name));
    return s ? ob.bytes(s) : std::vector<u8>{};
  }
  std::vector<ObjReloc> relocs(const char* name) {
    ObjSecId s = ob.find_section(c.syms.intern(name));
    auto r = ob.relocs(s);
    return std::vector<ObjReloc>(r.begin(), r.end());
  }
};

std::vector<u8> B(std::initializer_list<int> v) {
  std::vector<u8> out;
  for (int x : v) out.push_back(static_cast<u8>(x));
  return out;
}

}  // namespace

TEST(asm_expressions_and_equates) {
  Fixture f(
      ".set A, 3 * 4 + 2 << 1\n"  // gas precedence: << binds tighter than +
      "B = A - 1\n"
      ".data\n"
      ".byte A, B, (1 + 2) * 3, -1, ~0 & 0x0f, 7 / 2, 7 % 4, 1 == 1, 'a\n"
      ".short 0x1234\n");
  CHECK(f.ok);
  CHECK(f.bytes(".data") == B({16, 15, 9, 0xff, 0x0f, 3, 3, 0xff, 'a', 0x34, 0x12}));
}

TEST(asm_numeric_labels_and_short_jumps) {
  Fixture f(
      "1: nop\n"
      "   jmp 1b\n"   // eb fc
      "   jne 1f\n"   // 75 01
      "   nop\n"
      "1: ret\n");
  CHECK(f.ok);
  CHECK(f.bytes(".text") == B({0x90, 0xeb, 0xfd, 0x75, 0x01, 0x90, 0xc3}));
}

TEST(asm_relaxation_grows_only_what_does_not_fit) {
  // The first jump's target lies 128 bytes ahead: rel32 (e9); the second
  // reaches exactly 127 bytes: rel8.
  std::string src = "jmp .La\njmp .Lb\n.fill 127, 1, 0x90\n.Lb: .fill 1, 1, 0x90\n.La: ret\n";
  Fixture f(src.c_str());
  CHECK(f.ok);
  std::vector<u8> t = f.bytes(".text");
  CHECK_EQ(t.size(), size_t(5 + 2 + 128 + 1));
  CHECK_EQ(t[0], 0xe9);
  CHECK_EQ(t[1], 2 + 128);  // over the short jump and the fill
  CHECK_EQ(t[5], 0xeb);
  CHECK_EQ(t[6], 127);
}

TEST(asm_uleb128_of_label_difference) {
  Fixture f(".data\n.uleb128 .Le - .Ls\n.Ls: .fill 200, 1, 0\n.Le: .sleb128 -2\n");
  CHECK(f.ok);
  std::vector<u8> d = f.bytes(".data");
  CHECK_EQ(d.size(), size_t(2 + 200 + 1));
  CHECK_EQ(d[0], 0xc8);
  CHECK_EQ(d[1], 0x01);
  CHECK_EQ(d[202], 0x7e);
}

TEST(asm_macros_rept_irp_conditionals) {
  Fixture f(
      ".macro put a, b=7\n.byte \\a, \\b\n.endm\n"
      ".data\nput 1\nput 2, 3\n"
      ".rept 2\n.byte 9\n.endr\n"
      ".irp x, 4, 5\n.byte \\x\n.endr\n"
      ".if 0\n.byte 100\n.elseif 1\n.byte 6\n.else\n.byte 101\n.endif\n");
  CHECK(f.ok);
  CHECK(f.bytes(".data") == B({1, 7, 2, 3, 9, 9, 4, 5, 6}));
}

TEST(asm_relocation_choice) {
  Fixture f(
      "call ext@PLT\n"           // PLT32 against ext
      "call local\n"             // resolved: no relocation
      "movq g@GOTPCREL(%rip), %rax\n"  // REX_GOTPCRELX
      "leaq .Ls(%rip), %rdx\n"   // PC32 against the .data section symbol
      "local: ret\n"
      ".data\n.quad 0\n.Ls: .quad local\n");
  CHECK(f.ok);
  auto r = f.relocs(".text");
  CHECK_EQ(r.size(), size_t(3));
  CHECK(r[0].kind == RelocKind::Plt32);
  CHECK_EQ(r[0].addend, -4);
  CHECK(r[1].kind == RelocKind::RexGotPcRelX);
  CHECK(r[2].kind == RelocKind::Pc32);
  CHECK_EQ(r[2].addend, 8 - 4);
  auto d = f.relocs(".data");
  CHECK_EQ(d.size(), size_t(1));
  CHECK(d[0].kind == RelocKind::Abs64);
}

TEST(asm_eh_frame_from_cfi) {
  Fixture f(
      "f: .cfi_startproc\npushq %rbp\n.cfi_def_cfa_offset 16\n.cfi_offset %rbp, -16\n"
      "popq %rbp\n.cfi_def_cfa_offset 8\nret\n.cfi_endproc\n");
  CHECK(f.ok);
  std::vector<u8> e = f.bytes(".eh_frame");
  // CIE (24 bytes) then one FDE (length 0x1c), checked against GNU as.
  CHECK_EQ(e.size(), size_t(56));
  CHECK_EQ(e[0], 0x14);
  CHECK_EQ(e[24 + 4], 0x1c);  // CIE pointer
  // Program: advance 1, def_cfa_offset 16, offset rbp 2, advance 1, def_cfa_offset 8.
  CHECK(std::vector<u8>(e.begin() + 24 + 17, e.begin() + 24 + 26) ==
        B({0x41, 0x0e, 0x10, 0x86, 0x02, 0x41, 0x0e, 0x08, 0x00}));
  CHECK_EQ(f.relocs(".eh_frame").size(), size_t(1));
}

TEST(asm_malformed_input_is_diagnosed) {
  Fixture f("nop\n  movl %eax\n  frob %eax\n");
  CHECK(!f.ok);
  CHECK_EQ(f.d.msgs.size(), size_t(2));
  CHECK(f.d.msgs[0].find("t.s:2:") != std::string::npos);
  CHECK(f.d.msgs[0].find("operand type mismatch") != std::string::npos);
  CHECK(f.d.msgs[1].find("no such instruction: `frob'") != std::string::npos);
}

TEST(asm_inline_template_expansion) {
  Diags d;
  Compiler c(Fixture::make_env(&d), CfreeTarget{CFREE_ARCH_X86_64, CFREE_OS_LINUX, CFREE_OBJ_ELF});
  as::InlineOperand ops[3];
  ops[0].op = x86::reg(x86::Reg::RAX);
  ops[0].size = 8;
  ops[0].name = c.syms.intern("out");
  ops[1].op = x86::mem(4, x86::Reg::RBP, x86::Reg::RCX, 4, -8);
  ops[1].size = 4;
  ops[2].op = x86::imm(5);
  ops[2].size = 4;
  const char* t = "mov%z1 %1, %k[out]\n\taddb %b0, %h0\n\tlea %c2(%0), %w0 # %%x %= {att|intel}";
  as::InlineAsm in;
  in.text = t;
  in.len = std::strlen(t);
  in.ops = ops;
  in.unique = 7;
  std::string out;
  CHECK(as::expand_inline(c, in, &out));
  CHECK_EQ(out, std::string("movl -8(%rbp,%rcx,4), %eax\n\taddb %al, %ah\n\tlea 5(%rax), %ax # %x 7 att"));
  in.text = "mov %3, %0";
  in.len = std::strlen(in.text);
  CHECK(!as::expand_inline(c, in, &out));
}

TEST(asm_inline_assembles_into_the_callers_section) {
  Diags d;
  Compiler c(Fixture::make_env(&d), CfreeTarget{CFREE_ARCH_X86_64, CFREE_OS_LINUX, CFREE_OBJ_ELF});
  ObjBuilder ob(c, c.target);
  MCEmitter mc(ob);
  ObjSecId text = ob.section_named(".text", SecKind::Text);
  mc.switch_section(text);
  mc.emit_u8(0x90);
  MCLabel target = mc.label_new();
  as::InlineOperand ops[1];
  ops[0].op = x86::reg(x86::Reg::EDX);
  ops[0].size = 4;
  const char* t = "1: decl %0\n\tjne 1b\n\tjmp %l1\n\tcall ext";
  MCLabel labels[1] = {target};
  as::InlineAsm in;
  in.text = t;
  in.len = std::strlen(t);
  in.ops = ops;
  in.goto_labels = labels;
  CHECK(as::assemble_inline(c, mc, in));
  mc.label_place(target);
  mc.emit_u8(0xc3);
  mc.finalize();
  // nop; dec %edx; jne -4; jmp rel32 -> ret; call ext (PLT32); ret
  std::vector<u8> b = ob.bytes(text);
  CHECK(b == B({0x90, 0xff, 0xca, 0x75, 0xfc, 0xe9, 0x05, 0, 0, 0, 0xe8, 0, 0, 0, 0, 0xc3}));
  CHECK_EQ(ob.relocs(text).size(), size_t(1));
  CHECK(!ob.relocs(text).empty() && ob.relocs(text)[0].kind == RelocKind::Plt32);
}
