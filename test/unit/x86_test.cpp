// x86_test.cpp: the encoder/decoder round trip over the whole form table
// (disasm(encode(i)) == i), short-form selection, relocations and label
// fixups through the Encoder/MCEmitter, and the AT&T printer on a few
// instructions whose GNU objdump spelling is known.
#include "arch/x86_64/disasm.h"
#include "core/compiler.h"
#include "unit.h"
#include "x86_corpus.h"

#include <algorithm>
#include <set>
#include <string>

using namespace cfree;
using namespace cfree::x86;

namespace {

bool same_operand(const Operand& a, const Operand& b) {
  if (a.kind != b.kind) return false;
  switch (a.kind) {
    case OpKind::Reg: return a.reg == b.reg;
    case OpKind::Imm: return a.imm == b.imm;
    case OpKind::Mem:
      return a.base == b.base && a.index == b.index && (a.index == Reg::None || a.scale == b.scale) &&
             a.imm == b.imm && a.seg == b.seg && (a.size == 0 || b.size == 0 || a.size == b.size);
    default: return true;
  }
}

// Normalise an encoder-side immediate the way the decoder reports it.
i64 decoded_imm(i64 v, OT t, unsigned sz) {
  switch (t) {
    case OT::I8: case OT::U8: return v & 0xff;
    case OT::I16: return v & 0xffff;
    case OT::I8S: return static_cast<i8>(v);
    case OT::I32: return sz == 8 ? static_cast<i32>(v) : v & 0xffffffff;
    default: return v;
  }
}

std::string text(const u8* p, size_t n) {
  Decoded d;
  if (!x86_decode(p, n, &d)) return "(bad)";
  std::string s;
  x86_format(d, 0, SymLookup{}, &s);
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s;
}

std::string text_of(const Insn& in) {
  Encoded e;
  if (!x86_encode(in, &e)) return "(no form)";
  return text(e.bytes, e.len);
}

}  // namespace

TEST(x86_roundtrip_whole_table) {
  auto corpus = x86corpus::generate(8, 1);
  std::set<const Form*> reached;
  size_t encoded = 0;
  for (const Insn& in : corpus) {
    Encoded e;
    if (!x86_encode(in, &e)) continue;  // e.g. ah with a REX-requiring operand
    encoded++;
    Decoded d;
    size_t n = x86_decode(e.bytes, e.len, &d);
    CHECK_EQ(n, size_t(e.len));
    if (n != e.len) {
      std::printf("  decode length mismatch for %s: %s\n", mn_name(in.mn), text(e.bytes, e.len).c_str());
      continue;
    }
    reached.insert(d.form);
    bool same = d.insn.mn == in.mn || (in.mn == Mn::MOV && d.insn.mn == Mn::MOVABS);
    if (in.mn == Mn::INT && d.insn.mn == Mn::INT3) continue;  // int $3 is encoded as int3
    CHECK(same);
    CHECK_EQ(d.insn.nops, in.nops);
    if ((d.form->flags & F_CC)) CHECK(d.insn.cc == in.cc);
    CHECK_EQ(d.insn.prefixes, in.prefixes);
    CHECK(d.insn.kmask == in.kmask && d.insn.kzero == in.kzero && d.insn.bcst == in.bcst);
    bool ok = same;
    Insn want_in = in;
    if (in.mn == Mn::XCHG && !same_operand(in.ops[0], d.insn.ops[0])) std::swap(want_in.ops[0], want_in.ops[1]);
    for (int k = 0; k < in.nops && ok; k++) {
      Operand want = want_in.ops[k];
      if (want.kind == OpKind::Label) continue;  // decodes as a displacement
      if (want.kind == OpKind::Imm) want.imm = decoded_imm(want.imm, d.form->ot[k], d.form->sz);
      if (!same_operand(want, d.insn.ops[k])) ok = false;
    }
    CHECK(ok);
    if (!ok) std::printf("  operand mismatch: %s\n", text(e.bytes, e.len).c_str());
    // Re-encoding what was decoded gives the same bytes.
    if (!e.has_label) {
      Encoded e2;
      CHECK(x86_encode(d.insn, &e2));
      bool eq = e2.len == e.len && std::memcmp(e2.bytes, e.bytes, e.len) == 0;
      CHECK(eq);
      if (!eq) std::printf("  re-encode differs: %s\n", text(e.bytes, e.len).c_str());
    }
  }
  CHECK(encoded > 1500);
  // Every encodable form is produced by some instruction (none is dead).
  size_t missing = 0;
  for (const Form& f : forms()) {
    if ((f.flags & F_DISASM_ONLY) || f.ot[0] == OT::Rel8) continue;
    if (!reached.count(&f)) {
      missing++;
      std::printf("  form never reached: %s op %02x ext %d\n", mn_name(f.mn), f.op, f.ext);
    }
  }
  CHECK_EQ(missing, size_t(0));
}

TEST(x86_short_forms_and_spelling) {
  CHECK_EQ(text_of(insn(Mn::ADD, reg(Reg::RAX), imm(1))), std::string("add    $0x1,%rax"));
  CHECK_EQ(text_of(insn(Mn::ADD, reg(Reg::RAX), imm(1000))), std::string("add    $0x3e8,%rax"));
  CHECK_EQ(text_of(insn(Mn::AND, reg(Reg::RSP), imm(-16))), std::string("and    $0xfffffffffffffff0,%rsp"));
  CHECK_EQ(text_of(insn(Mn::MOV, mem(4, Reg::RBP, -4), imm(0))), std::string("movl   $0x0,-0x4(%rbp)"));
  CHECK_EQ(text_of(insn(Mn::MOVZX, reg(Reg::EAX), mem(1, Reg::RAX, 0))), std::string("movzbl (%rax),%eax"));
  CHECK_EQ(text_of(insn(Mn::MOVSXD, reg(Reg::RDX), reg(Reg::EAX))), std::string("movslq %eax,%rdx"));
  CHECK_EQ(text_of(insn(Mn::SHL, reg(Reg::EAX), imm(1))), std::string("shl    %eax"));
  CHECK_EQ(text_of(insn(Mn::MOV, reg(Reg::RAX), imm(0x123456789LL))), std::string("movabs $0x123456789,%rax"));
  CHECK_EQ(text_of(insn(Mn::CVTSI2SD, reg(Reg::XMM0), mem(4, Reg::RBP, -4))), std::string("cvtsi2sdl -0x4(%rbp),%xmm0"));
  CHECK_EQ(text_of(insn(Mn::FSTP, mem(10, Reg::RBP, 16))), std::string("fstpt  0x10(%rbp)"));
  CHECK_EQ(text_of(insn(Mn::CQO)), std::string("cqto"));
  Insn st = insn(Mn::STOS);
  st.opsize = 8;
  st.prefixes = PFX_REP;
  CHECK_EQ(text_of(st), std::string("rep stos %rax,%es:(%rdi)"));
  Encoded e;
  CHECK(x86_encode(insn(Mn::MOV, reg(Reg::RAX), mem(8, Reg::R13, 0)), &e));
  CHECK_EQ(e.len, u8(4));  // 49 8b 45 00: r13 as a base needs a disp8
  CHECK(x86_encode(insn(Mn::MOV, reg(Reg::RAX), mem(8, Reg::R12, 0)), &e));
  CHECK_EQ(e.len, u8(4));  // 49 8b 04 24: r12 as a base needs a SIB
  CHECK(!x86_encode(insn(Mn::MOV, reg(Reg::AH), reg(Reg::SIL)), &e));  // ah cannot take REX
}

TEST(x86_encoder_relocations_and_labels) {
  CfreeEnv env{};
  env.heap = libc_heap();
  Compiler c(env, CfreeTarget{CFREE_ARCH_X86_64, CFREE_OS_LINUX, CFREE_OBJ_ELF});
  ObjBuilder ob(c, c.target);
  MCEmitter mc(ob);
  Encoder enc(mc);
  ObjSecId text_sec = ob.section_named(".text", SecKind::Text);
  mc.switch_section(text_sec);
  ObjSymId g = ob.global(c.syms.intern("g"));
  ObjSymId f = ob.global(c.syms.intern("f"));
  MCLabel top = mc.label_new(), out = mc.label_new();
  mc.label_place(top);
  // cmpl $5, g(%rip): the PC32 addend accounts for the trailing imm8.
  enc.op(Mn::CMP, rip(4, g), imm(5));
  enc.jcc(Cond::NE, top);  // backward: rel8
  enc.jcc(Cond::E, out);   // forward: rel32
  enc.call(f);
  enc.op(Mn::MOV, reg(Reg::RAX), rip(8, g, 0, RelocKind::RexGotPcRelX));
  mc.label_place(out);
  enc.op(Mn::RET);
  mc.finalize();
  auto rel = ob.relocs(text_sec);
  CHECK_EQ(rel.size(), size_t(3));
  CHECK(rel[0].kind == RelocKind::Pc32);
  CHECK_EQ(rel[0].offset, u64(2));
  CHECK_EQ(rel[0].addend, i64(-5));
  CHECK(rel[1].kind == RelocKind::Plt32);
  CHECK_EQ(rel[1].addend, i64(-4));
  CHECK(rel[2].kind == RelocKind::RexGotPcRelX);
  CHECK_EQ(rel[2].addend, i64(-4));
  std::vector<u8> b = ob.bytes(text_sec);
  CHECK_EQ(b.size(), size_t(7 + 2 + 6 + 5 + 7 + 1));
  CHECK_EQ(b[7], u8(0x75));
  CHECK_EQ(b[8], u8(0xf7));  // -9: back to offset 0
  CHECK_EQ(b[9], u8(0x0f));
  CHECK_EQ(b[10], u8(0x84));
  CHECK_EQ(ob.read_le(text_sec, 11, 4), u64(12));  // over the call and the mov
}

// The Encoder's form-selection cache (SelCache) is a starting point for the
// table scan, never a different answer: every corpus instruction, emitted
// through one Encoder three times in different orders (so most lookups hit
// a slot filled by another instruction of the same shape, including
// shapes whose first candidate form fails for some operands, like ah with
// a REX register), gives exactly x86_encode's bytes, or is refused by both.
TEST(x86_encoder_selection_cache_matches_uncached) {
  CfreeEnv env{};
  env.heap = libc_heap();
  Compiler c(env, CfreeTarget{CFREE_ARCH_X86_64, CFREE_OS_LINUX, CFREE_OBJ_ELF});
  ObjBuilder ob(c, c.target);
  MCEmitter mc(ob);
  Encoder enc(mc);
  ObjSecId text_sec = ob.section_named(".text", SecKind::Text);
  mc.switch_section(text_sec);
  auto corpus = x86corpus::generate(8, 1);
  std::vector<const Insn*> order;
  for (const Insn& in : corpus)
    if (in.ops[0].kind != OpKind::Label) order.push_back(&in);
  size_t checked = 0, mismatches = 0, hits_refused = 0;
  for (int pass = 0; pass < 3; pass++) {
    if (pass == 1) std::reverse(order.begin(), order.end());
    if (pass == 2)
      for (size_t i = 0; i + 7 < order.size(); i += 7) std::swap(order[i], order[i + 7]);
    for (const Insn* in : order) {
      Encoded e;
      bool ok = x86_encode(*in, &e);
      u64 at = mc.offset();
      bool ok2 = enc.try_emit(*in);
      if (ok != ok2) {
        hits_refused++;
        continue;
      }
      if (!ok) continue;
      checked++;
      u64 len = mc.offset() - at;
      bool same = len == e.len;
      for (u64 k = 0; same && k < len; k++) same = ob.read_le(text_sec, at + k, 1) == e.bytes[k];
      if (!same) {
        mismatches++;
        if (mismatches < 5) std::printf("  cache mismatch for %s: %s\n", mn_name(in->mn), text(e.bytes, e.len).c_str());
      }
    }
  }
  CHECK(checked > 1000);
  CHECK_EQ(hits_refused, size_t(0));
  CHECK_EQ(mismatches, size_t(0));
}
