// cg_inline_asm.cpp: GCC extended asm on x86-64 (GCC manual, "Extended Asm"
// and "Machine Constraints": i386).
//
// The CG has already moved every other live value to memory, so all
// caller-saved registers are free except those holding the operands.  Each
// operand's constraint is resolved to a register (r q a b c d S D x, and
// matching digits), memory (m o g) or an immediate (i n); then every value
// that must be in a register (inputs, and the old value of "+" outputs) is
// computed into rax and pushed, and all are popped into their registers --
// the parallel move cannot go wrong, as in call setup.  The template is
// expanded and assembled by the assembler (src/asm, assemble_inline) into
// the same MCEmitter; afterwards flag outputs (=@ccCOND) are set and
// register outputs stored to their lvalues.  Callee-saved registers named
// by constraints or clobbers are saved around the block.
#include "arch/x86_64/cg.h"

#include "asm/asm.h"

#include <cstdio>
#include <cstring>

namespace cfree::x86 {

namespace {

enum class AK : u8 { Reg, Xmm, Mem, Imm, Flag, X87 };

struct Bound {
  AK kind = AK::Reg;
  Reg reg = Reg::None;   // Reg/Xmm: the 64-bit GPR or the xmm
  bool rw = false;       // "+": read-write output
  int match = -1;        // input: matches output N
  Cond cc = Cond::E;     // Flag
  unsigned size = 8;
  bool abcd = false;     // "Q": only rax, rbx, rcx or rdx
  int st = -1;           // X87: the stack slot (t: 0, u: 1, f: the next free one)
  bool pair = false;     // "A" with a 128-bit output: rdx:rax
};

Reg fixed_reg(char c) {
  switch (c) {
    case 'a': return Reg::RAX;
    case 'b': return Reg::RBX;
    case 'c': return Reg::RCX;
    case 'd': return Reg::RDX;
    case 'S': return Reg::RSI;
    case 'D': return Reg::RDI;
    default: return Reg::None;
  }
}

bool parse_cond(const char* s, Cond* out) {
  static const struct { const char* n; Cond c; } t[] = {
      {"o", Cond::O}, {"no", Cond::NO}, {"b", Cond::B}, {"c", Cond::B}, {"nae", Cond::B},
      {"ae", Cond::AE}, {"nb", Cond::AE}, {"nc", Cond::AE}, {"e", Cond::E}, {"z", Cond::E},
      {"ne", Cond::NE}, {"nz", Cond::NE}, {"be", Cond::BE}, {"na", Cond::BE}, {"a", Cond::A},
      {"nbe", Cond::A}, {"s", Cond::S}, {"ns", Cond::NS}, {"p", Cond::P}, {"pe", Cond::P},
      {"np", Cond::NP}, {"po", Cond::NP}, {"l", Cond::L}, {"nge", Cond::L}, {"ge", Cond::GE},
      {"nl", Cond::GE}, {"le", Cond::LE}, {"ng", Cond::LE}, {"g", Cond::G}, {"nle", Cond::G}};
  for (auto& e : t)
    if (!std::strcmp(s, e.n)) {
      *out = e.c;
      return true;
    }
  return false;
}

// Register number of a clobber name ("rax", "%eax", "r10d", "xmm3"), or -1;
// xmm registers are 16 + n.
int clobber_reg(const char* s) {
  if (*s == '%') s++;
  static const char* const g64[] = {"rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi"};
  static const char* const g32[] = {"eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi"};
  static const char* const g16[] = {"ax", "cx", "dx", "bx", "sp", "bp", "si", "di"};
  static const char* const g8[] = {"al", "cl", "dl", "bl", "spl", "bpl", "sil", "dil"};
  for (int i = 0; i < 8; i++)
    if (!std::strcmp(s, g64[i]) || !std::strcmp(s, g32[i]) || !std::strcmp(s, g16[i]) || !std::strcmp(s, g8[i]))
      return i;
  if (s[0] == 'r' && s[1] >= '0' && s[1] <= '9') return std::atoi(s + 1);
  if (!std::strncmp(s, "xmm", 3)) return 16 + std::atoi(s + 3);
  return -1;
}

}  // namespace

void X86CG::asm_block(const CfreeAsmDesc& d, const CGAsmOperand* outs, const CGAsmOperand* ins,
                      const CGLabel* goto_labels) {
  size_t no = d.n_outputs, ni = d.n_inputs, n = no + ni;
  std::vector<Bound> b(n);
  u32 taken = 0;  // GPRs (bit n) and xmm (bit 16+n) in use by the block
  auto opd_of = [&](size_t i) -> const CGAsmOperand& { return i < no ? outs[i] : ins[i - no]; };
  // Registers the operands' own addresses and values still need.
  u32 reserved = 0;
  for (size_t i = 0; i < n; i++) {
    const Opd& o = opd_of(i).opd;
    if (o.kind == OK::Indirect) reserved |= 1u << reg_num(Reg(o.reg));
  }
  for (size_t i = 0; i < d.n_clobbers; i++) {
    int r = clobber_reg(d.clobbers[i]);
    if (r >= 0) taken |= 1u << r;
  }
  u32 clobbered = taken;
  // 1. Constraints.
  for (size_t i = 0; i < n; i++) {
    const CGAsmOperand& op = opd_of(i);
    Bound& x = b[i];
    x.size = mt_size(op.mt) > 8 ? 8 : mt_size(op.mt);
    const char* c = op.constraint;
    while (*c == '=' || *c == '+' || *c == '&' || *c == '%') {
      if (*c == '+') x.rw = true;
      c++;
    }
    if (c[0] == '@' && c[1] == 'c' && c[2] == 'c') {
      x.kind = AK::Flag;
      if (!parse_cond(c + 3, &x.cc)) c_.error(d.loc, "unknown flag output constraint '%s'", op.constraint);
      continue;
    }
    if (*c >= '0' && *c <= '9') {
      x.match = std::atoi(c);
      if (x.match >= static_cast<int>(no)) c_.error(d.loc, "matching constraint references an invalid operand");
      continue;
    }
    bool has_reg = false, has_mem = false, has_imm = false, has_xmm = false, abcd = false;
    int x87 = -1;  // t: 0, u: 1, f: 2 (any)
    Reg fixed = Reg::None;
    if (*c == '{') {
      // "{reg}": a local register variable's register (register int x asm("r12")).
      std::string nm(c + 1, std::strcspn(c + 1, "}"));
      int r = clobber_reg(nm.c_str());
      if (r < 0 || r == 4) {
        c_.error(d.loc, "invalid register name '%s' for register variable", nm.c_str());
        return;
      }
      if (r >= 16) {
        x.kind = AK::Xmm;
        x.reg = make_reg(RegClass::Xmm, static_cast<unsigned>(r - 16));
      } else {
        x.kind = AK::Reg;
        x.reg = gpr(static_cast<unsigned>(r), 8);
      }
      taken |= 1u << r;
      continue;
    }
    for (const char* p = c; *p; p++) {
      if (fixed_reg(*p) != Reg::None) fixed = fixed_reg(*p);
      else if (*p == 'r' || *p == 'q' || *p == 'R' || *p == 'l') has_reg = true;
      else if (*p == 'Q') abcd = true;  // a register with a high byte: rax rbx rcx rdx
      else if (*p == 'g' || *p == 'X') has_reg = has_mem = has_imm = true;
      else if (*p == 'm' || *p == 'o' || *p == 'V') has_mem = true;
      else if (*p == 'i' || *p == 'n' || *p == 'e' || *p == 'Z' || *p == 'I' || *p == 'J' || *p == 'K' ||
               *p == 'L' || *p == 'M' || *p == 'N') has_imm = true;
      else if (*p == 'x' || *p == 'v' || *p == 'Y') has_xmm = true;
      else if (*p == 't') x87 = 0;
      else if (*p == 'u') x87 = 1;
      else if (*p == 'f' && x87 < 0) x87 = 2;
      else if (*p == 'A') {
        // rdx:rax: a 128-bit value in the pair, anything smaller in rax.
        fixed = Reg::RAX;
        if (mt_size(op.mt) == 16) {
          x.pair = true;
          taken |= 1u << reg_num(Reg::RDX);
          if (i >= no || x.rw) {
            c_.error(d.loc, "'A' inputs of 128 bits are not supported");
            return;
          }
        }
      }
    }
    bool is_in = i >= no;
    if (x87 >= 0) {
      x.kind = AK::X87;
      x.st = x87 < 2 ? x87 : -1;
      continue;
    }
    if (is_in && has_imm && op.opd.kind == OK::Imm) x.kind = AK::Imm;
    else if (fixed != Reg::None) {
      x.kind = AK::Reg;
      x.reg = fixed;
      taken |= 1u << reg_num(fixed);
    } else if (has_xmm) x.kind = AK::Xmm;
    else if (has_reg || abcd) {
      x.kind = AK::Reg;
      x.abcd = abcd && !has_reg;
    }
    else if (has_mem) x.kind = AK::Mem;
    else if (has_imm) {
      c_.error(d.loc, "impossible constraint in 'asm': '%s' needs a constant", op.constraint);
      x.kind = AK::Reg;
    } else {
      c_.error(d.loc, "unsupported constraint '%s' in 'asm'", op.constraint);
      return;
    }
    if (x.kind == AK::Mem && !op.opd.is_mem()) x.kind = AK::Reg;  // a value: give it a register
  }
  // 2. Registers for the rest: caller-saved first.
  static const Reg kCand[] = {Reg::RAX, Reg::RCX, Reg::RDX, Reg::RSI, Reg::RDI, Reg::R8, Reg::R9,
                              Reg::R10, Reg::R11, Reg::RBX, Reg::R12, Reg::R13, Reg::R14, Reg::R15};
  for (size_t i = 0; i < n; i++) {
    Bound& x = b[i];
    if (x.kind == AK::Reg && x.reg == Reg::None) {
      for (Reg r : kCand) {
        u32 bit = 1u << reg_num(r);
        if (x.abcd && reg_num(r) > 3) continue;
        if (!(taken & bit) && !(reserved & bit)) {
          x.reg = r;
          taken |= bit;
          break;
        }
      }
      if (x.reg == Reg::None) {
        c_.error(d.loc, "'asm' operand has impossible constraints (no register left)");
        return;
      }
    } else if (x.kind == AK::Xmm) {
      for (unsigned k = 0; k < 16; k++) {
        u32 bit = 1u << (16 + k);
        if (!(taken & bit)) {
          x.reg = make_reg(RegClass::Xmm, k);
          taken |= bit;
          break;
        }
      }
    }
  }
  // x87 operands (GCC manual, "x87 Floating-Point asm Operands"): t is
  // st(0), u st(1), f the next free slot; an input matching an x87 output
  // shares its slot.  Inputs are pushed deepest first; after the block the
  // outputs are at st(0), st(1)...; inputs the block popped are named by
  // "st(N)" clobbers, the others are popped here.
  u32 st_used = 0;
  for (size_t i = 0; i < n; i++)
    if (b[i].kind == AK::X87 && b[i].st >= 0) st_used |= 1u << b[i].st;
  for (size_t i = 0; i < n; i++)
    if (b[i].kind == AK::X87 && b[i].st < 0) {
      int k = 0;
      while (st_used & (1u << k)) k++;
      b[i].st = k;
      st_used |= 1u << k;
    }
  int st_in[8] = {-1, -1, -1, -1, -1, -1, -1, -1};  // slot -> input index
  bool st_tied[8] = {};
  int n_xout = 0;
  for (size_t i = 0; i < no; i++)
    if (b[i].kind == AK::X87) n_xout++;
  for (size_t i = no; i < n; i++) {
    const Bound& x = b[i];
    int slot = -1;
    if (x.match >= 0 && b[static_cast<size_t>(x.match)].kind == AK::X87) {
      slot = b[static_cast<size_t>(x.match)].st;
      st_tied[slot] = true;
    } else if (x.kind == AK::X87) {
      slot = x.st;
    }
    if (slot >= 0 && slot < 8) st_in[slot] = static_cast<int>(i);
  }
  for (size_t i = 0; i < no; i++)
    if (b[i].kind == AK::X87 && b[i].rw && b[i].st < 8) {
      st_in[b[i].st] = static_cast<int>(i);
      st_tied[b[i].st] = true;
    }
  int n_xin = 0;
  while (n_xin < 8 && st_in[n_xin] >= 0) n_xin++;
  for (int k = n_xin; k < 8; k++)
    if (st_in[k] >= 0) {
      c_.error(d.loc, "x87 'asm' inputs must occupy consecutive stack slots from st(0)");
      return;
    }
  int n_popped = 0, n_tied = 0;
  for (int k = 0; k < n_xin; k++) {
    if (st_tied[k]) {
      n_tied++;
      continue;
    }
    char nm[8];
    std::snprintf(nm, sizeof nm, "st(%d)", k);
    for (size_t j = 0; j < d.n_clobbers; j++)
      if (!std::strcmp(d.clobbers[j], nm) || (k == 0 && !std::strcmp(d.clobbers[j], "st"))) {
        n_popped++;
        break;
      }
  }
  for (int k = n_xin; k-- > 0;) {
    size_t i = static_cast<size_t>(st_in[k]);
    const CGAsmOperand& op = opd_of(i);
    x87_load(op.mt, op.opd);
  }
  // Callee-saved registers the block uses are saved in a frame slot.
  static const Reg kSaved[] = {Reg::RBX, Reg::R12, Reg::R13, Reg::R14, Reg::R15};
  std::vector<std::pair<Reg, CGSlot>> saves;
  for (Reg r : kSaved)
    if (taken & (1u << reg_num(r))) {
      CGSlot s = frame_slot(8, 8, 0);
      e_.op(Mn::MOV, frame_mem(s, 0, 8), reg(r));
      saves.push_back({r, s});
    }
  // Output addresses held in registers survive the block in a slot.
  std::vector<CGSlot> addr_slot(no, 0);
  for (size_t i = 0; i < no; i++) {
    if (b[i].kind != AK::Mem && outs[i].opd.kind == OK::Indirect) {
      addr_slot[i] = frame_slot(8, 8, 0);
      e_.op(Mn::MOV, frame_mem(addr_slot[i], 0, 8), reg(R(outs[i].opd.reg, 8)));
    }
  }
  // 3. Values into registers: push all, then pop into place.
  struct Load {
    Reg r;
  };
  std::vector<Load> loads;
  auto push_value = [&](MT t, const Opd& v, Reg into) {
    if (mt_is_float(t) && v.kind == OK::Reg && is_xmm(Reg(v.reg))) e_.op(Mn::MOVQ, reg(Reg::RAX), reg(Reg(v.reg)));
    else if (mt_is_float(t)) get(Reg::RAX, t == MT::F32 ? MT::U32 : MT::U64, v);
    else get(Reg::RAX, t, v);
    e_.op(Mn::PUSH, reg(Reg::RAX));
    loads.push_back({into});
  };
  for (size_t i = 0; i < no; i++)
    if (b[i].rw && (b[i].kind == AK::Reg || b[i].kind == AK::Xmm)) push_value(outs[i].mt, outs[i].opd, b[i].reg);
  for (size_t i = no; i < n; i++) {
    Bound& x = b[i];
    if (x.match >= 0) {
      Bound& m = b[static_cast<size_t>(x.match)];
      if (m.kind == AK::Reg || m.kind == AK::Xmm) push_value(ins[i - no].mt, ins[i - no].opd, m.reg);
      continue;
    }
    if (x.kind == AK::Reg || x.kind == AK::Xmm) push_value(ins[i - no].mt, ins[i - no].opd, x.reg);
  }
  for (size_t k = loads.size(); k-- > 0;) {
    Reg r = loads[k].r;
    if (is_xmm(r)) {
      e_.op(Mn::MOVSD, reg(r), x86::mem(8, Reg::RSP, 0));
      e_.op(Mn::ADD, reg(Reg::RSP), imm(8));
    } else {
      e_.op(Mn::POP, reg(r));
    }
  }
  // 4. The operands as the assembler prints them.
  std::vector<as::InlineOperand> ops(n);
  for (size_t i = 0; i < n; i++) {
    const CGAsmOperand& op = opd_of(i);
    Bound x = b[i];
    if (x.match >= 0) x = b[static_cast<size_t>(x.match)];
    as::InlineOperand& io = ops[i];
    io.name = i < no ? d.outputs[i].name : d.inputs[i - no].name;
    io.size = static_cast<u8>(x.size);
    switch (x.kind) {
      case AK::Reg: io.op = reg(resize(x.reg, x.size < 1 ? 8 : x.size)); break;
      case AK::Xmm: io.op = reg(x.reg); break;
      case AK::Mem: io.op = mem(op.opd, x.size, Reg::R11); break;
      case AK::Imm: io.op = imm(op.opd.off); break;
      case AK::Flag: io.op = imm(0); break;
      case AK::X87: io.op = reg(static_cast<Reg>(static_cast<u16>(Reg::ST0) + x.st)); break;
    }
  }
  std::vector<MCLabel> gl(goto_labels, goto_labels + d.n_goto_labels);
  as::InlineAsm in;
  in.text = d.tmpl;
  in.len = std::strlen(d.tmpl);
  in.loc = d.loc;
  in.ops = ops;
  in.goto_labels = gl;
  in.unique = static_cast<u32>(mc_.offset());
  as::assemble_inline(c_, mc_, in);
  // 5. Flag outputs first (nothing below touches the flags until they are
  // read), then register outputs.
  u32 out_regs = 0;
  for (size_t i = 0; i < no; i++)
    if (b[i].kind == AK::Reg) out_regs |= (1u << reg_num(b[i].reg)) | (b[i].pair ? 1u << reg_num(Reg::RDX) : 0u);
  Reg tmp = Reg::None;
  for (Reg r : {Reg::R11, Reg::RAX, Reg::RCX, Reg::RDX, Reg::RSI, Reg::RDI, Reg::R8, Reg::R9, Reg::R10})
    if (!(out_regs & (1u << reg_num(r)))) {
      tmp = r;
      break;
    }
  auto out_mem = [&](size_t i, unsigned size) -> Operand {
    if (addr_slot[i]) {
      e_.op(Mn::MOV, reg(tmp), frame_mem(addr_slot[i], 0, 8));
      return x86::mem(size, tmp, outs[i].opd.off);
    }
    return mem(outs[i].opd, size, tmp);
  };
  for (size_t i = 0; i < no; i++) {
    if (b[i].kind != AK::Flag) continue;
    Operand m = out_mem(i, b[i].size);
    Operand m1 = m;
    m1.size = 1;
    e_.op(Mn::MOV, m, imm(0));
    e_.emit(insn_cc(Mn::SETCC, b[i].cc, m1));
  }
  {
    // x87 outputs in slot order (each fstp brings the next to st(0)), then
    // the inputs still on the stack.
    int left = n_xout + n_xin - n_tied - n_popped;
    for (int k = 0; k < 8 && n_xout; k++)
      for (size_t i = 0; i < no; i++) {
        if (b[i].kind != AK::X87 || b[i].st != k) continue;
        MT t = outs[i].mt;
        unsigned sz = t == MT::F32 ? 4 : t == MT::F64 ? 8 : 10;
        e_.op(Mn::FSTP, out_mem(i, sz));
        left--;
      }
    for (; left > 0; left--) e_.op(Mn::FSTP, reg(Reg::ST0));
  }
  for (size_t i = 0; i < no; i++) {
    if (b[i].kind == AK::Reg) {
      Operand m = out_mem(i, b[i].size);
      e_.op(Mn::MOV, m, reg(resize(b[i].reg, b[i].size)));
      if (b[i].pair) {
        m.imm += 8;
        e_.op(Mn::MOV, m, reg(Reg::RDX));
      }
    } else if (b[i].kind == AK::Xmm) {
      Operand m = out_mem(i, b[i].size);
      e_.op(b[i].size == 4 ? Mn::MOVSS : Mn::MOVSD, m, reg(b[i].reg));
    }
  }
  for (auto& [r, s] : saves) e_.op(Mn::MOV, reg(r), frame_mem(s, 0, 8));
  (void)clobbered;
}


}  // namespace cfree::x86
