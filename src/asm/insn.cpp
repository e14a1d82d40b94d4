// insn.cpp: AT&T instruction statements -> x86::Insn -> the one encoder.
//
// AT&T syntax (gas manual, "i386-Dependent", §9.16.3 "AT&T Syntax versus
// Intel Syntax"): operands are written source first, registers with `%`,
// immediates with `$`, memory as disp(base,index,scale) with an optional
// segment prefix `%fs:`, indirect branch targets with `*`; the operand size
// is a mnemonic suffix (b w l q; for x87 s l t and ll/q) unless a register
// operand implies it.  The mnemonic table below maps AT&T spellings (cltq,
// movzbl, movslq, jne, setb, cmovge, rep stosq, fldt, cmpltsd ...) onto the
// encoder's Intel mnemonics; an AT&T name can have several readings (movq
// is a GPR mov or the SSE movq; movsd is SSE or the string move) and the
// first one the encoder accepts wins.
//
// A field whose value is symbolic is encoded against a placeholder symbol
// and recorded as a fixup; jmp/jcc to a symbol end the fragment with a
// relaxable jump (layout.cpp picks rel8 or rel32 as gas does).
#include "asm/internal.h"

#include "arch/x86_64/table.h"

#include <cstdlib>
#include <string>
#include <unordered_map>

namespace cfree::as {

using namespace x86;

namespace {

constexpr ObjSymId kPlaceholder = 0x7fffffff;

enum MnFlag : u8 {
  MF_STR = 1,      // string instruction: size goes to Insn::opsize
  MF_SRCSIZE = 2,  // movzx/movsx: the suffix names the source width
  MF_X87 = 4,      // x87: the suffix names the memory operand's width
  MF_CMPPRED = 8,  // cmp<pred>{ss,sd,ps,pd}: cc holds the predicate
  MF_MEMSIZE = 16, // the suffix names the memory operand's width (cvtsi2sd)
};

struct MnInfo {
  Mn mn;
  i8 cc = -1;
  u8 size = 0;
  u8 flags = 0;
};

bool is_sse(Mn m) { return u16(m) >= u16(Mn::MOVSS) && u16(m) <= u16(Mn::ROUNDSD); }
bool is_x87(Mn m) { return u16(m) >= u16(Mn::FLD) && u16(m) <= u16(Mn::FSQRT); }

using MnTable = std::unordered_map<std::string, std::vector<MnInfo>>;

MnTable build_table() {
  MnTable t;
  auto add = [&](const std::string& n, MnInfo i) { t[n].push_back(i); };
  auto lower = [](const char* s) {
    std::string r(s);
    for (char& c : r) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    return r;
  };
  static const char* const kSuf = "bwlq";
  static const u8 kSz[] = {1, 2, 4, 8};
  const u16 count = u16(Mn::Count);
  // GPR mnemonics with size suffixes first (so movq is tried as mov first).
  for (u16 i = 0; i < count; i++) {
    Mn m = Mn(i);
    if (is_sse(m) || is_x87(m) || m == Mn::JCC || m == Mn::SETCC || m == Mn::CMOVCC) continue;
    if (m == Mn::MOVS || m == Mn::CMPS || m == Mn::STOS || m == Mn::LODS || m == Mn::SCAS) continue;
    std::string n = lower(mn_name(m));
    for (int k = 0; k < 4; k++) add(n + kSuf[k], MnInfo{m, -1, kSz[k], 0});
  }
  for (u16 i = 0; i < count; i++) {
    Mn m = Mn(i);
    if (m == Mn::JCC || m == Mn::SETCC || m == Mn::CMOVCC || m == Mn::CMPSD_SSE) continue;
    if (m == Mn::MOVS || m == Mn::CMPS || m == Mn::STOS || m == Mn::LODS || m == Mn::SCAS) continue;
    std::string n = lower(mn_name(m));
    add(n, MnInfo{m});
    if (is_x87(m)) {
      bool in = n.size() > 2 && n[1] == 'i';  // fild, fist, fistp, fisttp
      add(n + "s", MnInfo{m, -1, u8(in ? 2 : 4), MF_X87});
      add(n + "l", MnInfo{m, -1, u8(in ? 4 : 8), MF_X87});
      add(n + "t", MnInfo{m, -1, 10, MF_X87});
      if (in) {
        add(n + "ll", MnInfo{m, -1, 8, MF_X87});
        add(n + "q", MnInfo{m, -1, 8, MF_X87});
      }
    }
  }
  add("cmpsd", MnInfo{Mn::CMPSD_SSE});
  // String instructions.
  const std::pair<const char*, Mn> kStr[] = {{"movs", Mn::MOVS}, {"cmps", Mn::CMPS}, {"stos", Mn::STOS},
                                             {"lods", Mn::LODS}, {"scas", Mn::SCAS}};
  for (auto& [n, m] : kStr)
    for (int k = 0; k < 4; k++) add(std::string(n) + kSuf[k], MnInfo{m, -1, kSz[k], MF_STR});
  // Conditions.
  const std::pair<const char*, int> kCc[] = {
      {"o", 0}, {"no", 1}, {"b", 2}, {"c", 2}, {"nae", 2}, {"ae", 3}, {"nb", 3}, {"nc", 3},
      {"e", 4}, {"z", 4}, {"ne", 5}, {"nz", 5}, {"be", 6}, {"na", 6}, {"a", 7}, {"nbe", 7},
      {"s", 8}, {"ns", 9}, {"p", 10}, {"pe", 10}, {"np", 11}, {"po", 11}, {"l", 12}, {"nge", 12},
      {"ge", 13}, {"nl", 13}, {"le", 14}, {"ng", 14}, {"g", 15}, {"nle", 15}};
  for (auto& [c, v] : kCc) {
    std::string s(c);
    add("j" + s, MnInfo{Mn::JCC, i8(v)});
    add("set" + s, MnInfo{Mn::SETCC, i8(v)});
    add("set" + s + "b", MnInfo{Mn::SETCC, i8(v), 1});
    add("cmov" + s, MnInfo{Mn::CMOVCC, i8(v)});
    for (int k = 1; k < 4; k++) add("cmov" + s + kSuf[k], MnInfo{Mn::CMOVCC, i8(v), kSz[k]});
  }
  // AT&T spellings.
  add("cltq", {Mn::CDQE}); add("cqto", {Mn::CQO}); add("cltd", {Mn::CDQ});
  add("cwtl", {Mn::CWDE}); add("cbtw", {Mn::CBW}); add("cwtd", {Mn::CWD});
  add("movabs", {Mn::MOVABS});
  add("movslq", {Mn::MOVSXD, -1, 4, MF_SRCSIZE});
  add("movsxd", {Mn::MOVSXD});
  for (int k = 0; k < 2; k++)
    for (int j = k + 1; j < 4; j++) {
      std::string s = std::string(1, kSuf[k]) + kSuf[j];
      add("movs" + s, MnInfo{Mn::MOVSX, -1, kSz[k], MF_SRCSIZE});
      add("movz" + s, MnInfo{Mn::MOVZX, -1, kSz[k], MF_SRCSIZE});
    }
  add("movsx", {Mn::MOVSX}); add("movzx", {Mn::MOVZX});
  add("movsd", MnInfo{Mn::MOVS, -1, 4, MF_STR});
  add("cmpsd", MnInfo{Mn::CMPS, -1, 4, MF_STR});
  for (int k = 0; k < 4; k++) add(std::string("sal") + kSuf[k], MnInfo{Mn::SHL, -1, kSz[k], 0});
  add("sal", {Mn::SHL});
  add("wait", {Mn::FWAIT});
  for (const char* cv : {"cvtsi2sd", "cvtsi2ss"}) {
    Mn m = cv[7] == 'd' ? Mn::CVTSI2SD : Mn::CVTSI2SS;
    add(std::string(cv) + "l", MnInfo{m, -1, 4, MF_MEMSIZE});
    add(std::string(cv) + "q", MnInfo{m, -1, 8, MF_MEMSIZE});
  }
  for (const char* cv : {"cvttsd2si", "cvttss2si", "cvtsd2si", "cvtss2si"}) {
    std::string n(cv);
    Mn m = n == "cvttsd2si" ? Mn::CVTTSD2SI : n == "cvttss2si" ? Mn::CVTTSS2SI
         : n == "cvtsd2si" ? Mn::CVTSD2SI : Mn::CVTSS2SI;
    add(n + "l", MnInfo{m, -1, 4, 0});
    add(n + "q", MnInfo{m, -1, 8, 0});
  }
  const char* kPred[] = {"eq", "lt", "le", "unord", "neq", "nlt", "nle", "ord"};
  for (int k = 0; k < 8; k++) {
    std::string p = std::string("cmp") + kPred[k];
    add(p + "ss", MnInfo{Mn::CMPSS, i8(k), 0, MF_CMPPRED});
    add(p + "sd", MnInfo{Mn::CMPSD_SSE, i8(k), 0, MF_CMPPRED});
    add(p + "ps", MnInfo{Mn::CMPPS, i8(k), 0, MF_CMPPRED});
    add(p + "pd", MnInfo{Mn::CMPPD, i8(k), 0, MF_CMPPRED});
  }
  return t;
}

const MnTable& mn_table() {
  static const MnTable t = build_table();
  return t;
}

Reg parse_reg_name(std::string_view n) {
  static const char* const k64[] = {"rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi"};
  static const char* const k32[] = {"eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi"};
  static const char* const k16[] = {"ax", "cx", "dx", "bx", "sp", "bp", "si", "di"};
  static const char* const k8[] = {"al", "cl", "dl", "bl", "spl", "bpl", "sil", "dil"};
  static const char* const khi[] = {"ah", "ch", "dh", "bh"};
  static const char* const kseg[] = {"es", "cs", "ss", "ds", "fs", "gs"};
  for (unsigned i = 0; i < 8; i++) {
    if (n == k64[i]) return make_reg(RegClass::Gpr64, i);
    if (n == k32[i]) return make_reg(RegClass::Gpr32, i);
    if (n == k16[i]) return make_reg(RegClass::Gpr16, i);
    if (n == k8[i]) return make_reg(RegClass::Gpr8, i);
  }
  for (unsigned i = 0; i < 4; i++)
    if (n == khi[i]) return make_reg(RegClass::Gpr8Hi, i + 4);
  for (unsigned i = 0; i < 6; i++)
    if (n == kseg[i]) return make_reg(RegClass::Seg, i);
  if (n == "rip") return Reg::RIP;
  if (n.size() >= 2 && n[0] == 'r' && n[1] >= '0' && n[1] <= '9') {
    size_t i = 1;
    unsigned v = 0;
    while (i < n.size() && n[i] >= '0' && n[i] <= '9') v = v * 10 + unsigned(n[i++] - '0');
    if (v < 8 || v > 15) return Reg::None;
    std::string_view suf = n.substr(i);
    if (suf.empty()) return make_reg(RegClass::Gpr64, v);
    if (suf == "d") return make_reg(RegClass::Gpr32, v);
    if (suf == "w") return make_reg(RegClass::Gpr16, v);
    if (suf == "b" || suf == "l") return make_reg(RegClass::Gpr8, v);
    return Reg::None;
  }
  if (n.size() > 3 && n.substr(0, 3) == "xmm") {
    unsigned v = 0;
    for (size_t i = 3; i < n.size(); i++) {
      if (n[i] < '0' || n[i] > '9') return Reg::None;
      v = v * 10 + unsigned(n[i] - '0');
    }
    if (v < 16) return make_reg(RegClass::Xmm, v);
  }
  if (n == "st") return Reg::ST0;
  return Reg::None;
}

struct POp {
  Operand op;
  Expr* e = nullptr;  // symbolic displacement / immediate / target
  bool indirect = false;
  bool target = false;  // a bare expression (branch target or absolute memory)
};

}  // namespace

namespace {

struct InsnParser {
  Assembler& as;
  const char* p;

  bool reg(Reg* out) {
    // at '%'
    p++;
    const char* s = p;
    while (is_ident_char(*p)) p++;
    std::string n(s, static_cast<size_t>(p - s));
    for (char& c : n) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    if (n == "st") {
      skip_ws(p);
      if (*p == '(') {
        p++;
        skip_ws(p);
        unsigned v = static_cast<unsigned>(*p - '0');
        if (*p < '0' || *p > '7') return false;
        p++;
        skip_ws(p);
        if (*p != ')') return false;
        p++;
        *out = make_reg(RegClass::St, v);
        return true;
      }
    }
    *out = parse_reg_name(n);
    if (*out == Reg::None) {
      as.error("bad register name `%%%s'", n.c_str());
      return false;
    }
    return true;
  }

  bool mem_tail(POp& o) {
    // at '(': (base, index, scale)
    p++;
    skip_ws(p);
    Operand& m = o.op;
    m.kind = OpKind::Mem;
    if (*p == '%') {
      if (!reg(&m.base)) return false;
      skip_ws(p);
    }
    if (*p == ',') {
      p++;
      skip_ws(p);
      if (*p == '%') {
        if (!reg(&m.index)) return false;
        skip_ws(p);
      }
      if (*p == ',') {
        p++;
        Expr* e = as.parse_expr(p);
        i64 sc;
        if (!e || !as.eval_const(e, &sc) || (sc != 1 && sc != 2 && sc != 4 && sc != 8)) {
          as.error("scale factor must be 1, 2, 4 or 8");
          return false;
        }
        m.scale = static_cast<u8>(sc);
      }
    }
    skip_ws(p);
    if (*p != ')') {
      as.error("missing ')' in memory operand");
      return false;
    }
    p++;
    return true;
  }

  bool operand(POp& o) {
    skip_ws(p);
    if (*p == '*') {
      o.indirect = true;
      p++;
      skip_ws(p);
    }
    if (*p == '$') {
      p++;
      Expr* e = as.parse_expr(p);
      if (!e) return false;
      o.op.kind = OpKind::Imm;
      Val v = as.eval(e, false);
      if (v.constant() && v.rk == RelocKind::None) {
        o.op.imm = v.c;
      } else {
        o.e = e;
        o.op.sym = kPlaceholder;
        o.op.rkind = RelocKind::Abs32;
      }
      return true;
    }
    Reg seg = Reg::None;
    if (*p == '%') {
      Reg r;
      if (!reg(&r)) return false;
      skip_ws(p);
      if (*p == ':' && reg_class(r) == RegClass::Seg) {
        p++;
        seg = r;
        skip_ws(p);
      } else {
        o.op = x86::reg(r);
        return true;
      }
    }
    Expr* disp = nullptr;
    if (*p != '(') {
      disp = as.parse_expr(p);
      if (!disp) return false;
      skip_ws(p);
    } else {
      // "(" could start a parenthesised expression: (expr)(%reg) or (expr).
      const char* q = p + 1;
      skip_ws(q);
      if (*q != '%' && *q != ',') {
        disp = as.parse_expr(p);
        if (!disp) return false;
        skip_ws(p);
      }
    }
    if (*p == '(') {
      if (!mem_tail(o)) return false;
    } else {
      o.op.kind = OpKind::Mem;
      if (seg == Reg::None) o.target = true;
    }
    o.op.seg = seg;
    if (disp) {
      Val v = as.eval(disp, false);
      if (v.constant() && v.rk == RelocKind::None) {
        o.op.imm = v.c;
      } else {
        o.e = disp;
        o.op.sym = kPlaceholder;
        o.op.rkind = o.op.base == Reg::RIP ? RelocKind::Pc32 : RelocKind::Abs32S;
      }
    }
    return true;
  }
};

bool has_rex(const Encoded& e) {
  for (unsigned i = 0; i < e.len; i++) {
    u8 b = e.bytes[i];
    if (b == 0x66 || b == 0x67 || b == 0xF0 || b == 0xF2 || b == 0xF3 || b == 0x2E || b == 0x36 ||
        b == 0x3E || b == 0x26 || b == 0x64 || b == 0x65)
      continue;
    return b >= 0x40 && b <= 0x4F;
  }
  return false;
}

bool gotx_insn(Mn m) {
  switch (m) {
    case Mn::MOV: case Mn::CALL: case Mn::JMP: case Mn::TEST: case Mn::ADD: case Mn::ADC:
    case Mn::AND: case Mn::CMP: case Mn::OR: case Mn::SBB: case Mn::SUB: case Mn::XOR:
      return true;
    default:
      return false;
  }
}

bool is_shift(Mn m) {
  return m == Mn::SHL || m == Mn::SHR || m == Mn::SAR || m == Mn::ROL || m == Mn::ROR ||
         m == Mn::RCL || m == Mn::RCR;
}

// Build the Intel-order Insn for one reading of the mnemonic.
bool build(const MnInfo& mi, std::vector<POp> ops, Insn* out, u8 prefixes) {
  Insn in;
  in.mn = mi.mn;
  in.prefixes = prefixes;
  if (mi.cc >= 0 && !(mi.flags & MF_CMPPRED)) in.cc = Cond(mi.cc);
  if (mi.flags & MF_STR) {
    if (!ops.empty()) {
      // Explicit operands of string instructions: only the size matters.
      ops.clear();
    }
    in.opsize = mi.size;
  }
  // Implicit operands.
  if (is_shift(mi.mn) && ops.size() == 1) {
    POp one;
    one.op = imm(1);
    ops.insert(ops.begin(), one);
  }
  if (is_x87(mi.mn) && ops.empty()) {
    auto st = [](unsigned i) {
      POp o;
      o.op = reg(make_reg(RegClass::St, i));
      return o;
    };
    switch (mi.mn) {
      case Mn::FADDP: case Mn::FSUBP: case Mn::FSUBRP: case Mn::FMULP: case Mn::FDIVP:
      case Mn::FDIVRP:
        ops = {st(0), st(1)};
        break;
      case Mn::FXCH: case Mn::FUCOMI: case Mn::FUCOMIP: case Mn::FCOMI: case Mn::FCOMIP:
        ops = {st(1)};
        if (mi.mn != Mn::FXCH) ops.push_back(st(0));
        break;
      default:
        break;
    }
  }
  if (mi.mn == Mn::IMUL && ops.size() == 2 && ops[0].op.kind == OpKind::Imm) ops.push_back(ops[1]);
  if (mi.flags & MF_CMPPRED) {
    POp pr;
    pr.op = imm(mi.cc);
    ops.insert(ops.begin(), pr);
  }
  if (mi.mn == Mn::MOVABS)
    for (POp& o : ops)
      if (o.op.kind == OpKind::Imm && o.op.sym) o.op.rkind = RelocKind::Abs64;
  if (ops.size() > 4) return false;
  in.nops = static_cast<u8>(ops.size());
  for (size_t i = 0; i < ops.size(); i++) in.ops[i] = ops[ops.size() - 1 - i].op;
  // Sizes.
  for (unsigned i = 0; i < in.nops; i++) {
    Operand& o = in.ops[i];
    if (o.kind != OpKind::Mem) continue;
    if (mi.size && !(mi.flags & MF_STR)) {
      if (!is_sse(mi.mn) || (mi.flags & MF_MEMSIZE)) o.size = mi.size;
    }
  }
  if (mi.size && !(mi.flags & (MF_STR | MF_SRCSIZE | MF_X87)) && !is_sse(mi.mn)) {
    // A register operand must agree with the suffix (gas: "incorrect register").
    for (unsigned i = 0; i < in.nops; i++) {
      const Operand& o = in.ops[i];
      if (o.kind == OpKind::Reg && is_gpr(o.reg) && reg_size(o.reg) != mi.size) {
        // Shifts by %cl, out/in dx and movsx sources are exempt.
        if (o.reg == Reg::CL && is_shift(mi.mn)) continue;
        if (mi.mn == Mn::MOVZX || mi.mn == Mn::MOVSX || mi.mn == Mn::MOVSXD) continue;
        if (mi.mn == Mn::CVTTSD2SI || mi.mn == Mn::CVTTSS2SI || mi.mn == Mn::CVTSD2SI ||
            mi.mn == Mn::CVTSS2SI)
          continue;
        return false;
      }
    }
    if (in.nops == 0) in.opsize = mi.size;
  }
  *out = in;
  return true;
}

}  // namespace

void Assembler::instruction(std::string_view mn_in, const char* p) {
  std::string mn(mn_in);
  u8 prefixes = 0;
  std::vector<u8> raw_prefix;
  // Prefixes written as separate words.
  for (;;) {
    u8 raw = 0, pf = 0;
    if (mn == "lock") pf = PFX_LOCK, raw = 0xF0;
    else if (mn == "rep" || mn == "repe" || mn == "repz") pf = PFX_REP, raw = 0xF3;
    else if (mn == "repne" || mn == "repnz") pf = PFX_REPNE, raw = 0xF2;
    else if (mn == "data16") raw = 0x66;
    else if (mn == "rex64") raw = 0x48;
    else if (mn == "addr32") raw = 0x67;
    else if (mn == "notrack") raw = 0x3E;
    else if (mn == "cs" || mn == "ds" || mn == "es" || mn == "ss" || mn == "fs" || mn == "gs")
      raw = mn == "cs" ? 0x2E : mn == "ds" ? 0x3E : mn == "es" ? 0x26 : mn == "ss" ? 0x36
          : mn == "fs" ? 0x64 : 0x65;
    else break;
    skip_ws(p);
    if (at_end(p)) {
      for (size_t k = 0; k <= raw_prefix.size(); k++) gas_append1();
      for (u8 b : raw_prefix) emit_byte(b);
      if (prefixes & PFX_LOCK) emit_byte(0xF0);
      if (prefixes & PFX_REP) emit_byte(0xF3);
      if (prefixes & PFX_REPNE) emit_byte(0xF2);
      emit_byte(raw);
      return;
    }
    if (pf) prefixes |= pf;
    else raw_prefix.push_back(raw);
    std::string_view w = read_ident(p);
    mn.assign(w);
    for (char& ch : mn) ch = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
  }
  const MnTable& t = mn_table();
  auto it = t.find(mn);
  if (it == t.end()) return error("no such instruction: `%s'", mn.c_str());

  // Operands.
  std::vector<POp> ops;
  InsnParser ip{*this, p};
  skip_ws(ip.p);
  if (!at_end(ip.p)) {
    for (;;) {
      POp o;
      if (!ip.operand(o)) return;
      ops.push_back(o);
      skip_ws(ip.p);
      if (*ip.p == ',') {
        ip.p++;
        continue;
      }
      if (!at_end(ip.p)) return error("junk `%s' after expression", ip.p);
      break;
    }
  }
  const MnInfo& first = it->second.front();
  // Relaxable jumps and direct branches to symbols.
  if ((first.mn == Mn::JMP || first.mn == Mn::JCC || first.mn == Mn::CALL) && ops.size() == 1 &&
      !ops[0].indirect && ops[0].op.kind == OpKind::Mem && ops[0].target) {
    Expr* e = ops[0].e ? ops[0].e : num_expr(ops[0].op.imm);
    Val v = eval(e, false);
    bool relaxable = first.mn != Mn::CALL && (v.rk == RelocKind::None || v.rk == RelocKind::Plt32);
    u32 npfx = static_cast<u32>(raw_prefix.size());
    if (relaxable) {
      // gas output_branch: room for the longest form, prefixes and the
      // opcode byte in the fixed part, 5 bytes of variable part.
      gas_grow(npfx + 6);
      gas_more(npfx + 1);
      gas_var(5);
    } else {
      for (u32 k = 0; k < npfx; k++) gas_append1();
      gas_more(first.mn == Mn::JCC ? 6 : 5);
    }
    for (u8 b : raw_prefix) emit_byte(b);
    if (relaxable) {
      Frag& f = frag();
      f.kind = FragKind::Jump;
      f.cc = first.mn == Mn::JCC ? first.cc : -1;
      f.target = e;
      f.loc = line_loc_;
      new_frag();
      return;
    }
    u8 b[2];
    unsigned n = 0;
    if (first.mn == Mn::CALL) b[n++] = 0xE8;
    else if (first.mn == Mn::JMP) b[n++] = 0xE9;
    else { b[n++] = 0x0F; b[n++] = static_cast<u8>(0x80 + first.cc); }
    emit_bytes(b, n);
    u32 off = frag_off();
    emit_le(0, 4);
    add_fixup(off, 4, e, true, -4);
    cur().fixups.back().branch = true;
    return;
  }
  for (const MnInfo& mi : it->second) {
    Insn in;
    if (!build(mi, ops, &in, prefixes)) continue;
    Encoded enc;
    if (!x86_encode(in, &enc)) continue;
    if (enc.has_label) continue;
    for (u8 b : raw_prefix) emit_byte(b);
    for (size_t k = 0; k < raw_prefix.size(); k++) gas_append1();
    bool has_mem = false;
    for (unsigned k = 0; k < in.nops; k++)
      if (in.ops[k].kind == OpKind::Mem) has_mem = true;
    gas_insn(enc.bytes, enc.len, has_mem);
    u32 start = frag_off();
    emit_bytes(enc.bytes, enc.len);
    if (enc.has_reloc) {
      Expr* e = nullptr;
      bool is_imm = false;
      for (const POp& o : ops)
        if (o.e) {
          e = o.e;
          is_imm = o.op.kind == OpKind::Imm;
        }
      if (!e) return error("internal: relocated field without an expression");
      add_fixup(start + enc.field_off, enc.field_size, e, enc.pcrel, enc.pcrel ? enc.addend : 0);
      Fixup& fx = cur().fixups.back();
      bool w64 = mi.size == 8 || mi.mn == Mn::PUSH;
      for (unsigned i = 0; i < in.nops; i++)
        if (in.ops[i].kind == OpKind::Reg && reg_class(in.ops[i].reg) == RegClass::Gpr64) w64 = true;
      fx.sext32 = enc.field_size == 4 && !enc.pcrel && (!is_imm || w64);
      fx.branch = mi.mn == Mn::CALL || mi.mn == Mn::JMP;
      fx.gotx = gotx_insn(mi.mn);
      fx.rex = has_rex(enc);
    }
    return;
  }
  error("operand type mismatch for `%s'", mn.c_str());
}

}  // namespace cfree::as
