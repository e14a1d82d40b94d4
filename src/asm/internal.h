// internal.h: the assembler's working state (not part of the asm.h API).
//
// The assembler works as GNU as does: statements are parsed once into
// per-section "fragments" -- a run of fixed bytes followed by at most one
// variable part whose size depends on layout (a relaxable jump, an
// alignment, a LEB128 of a label difference) -- plus "fixups" (fields whose
// value is an expression over symbols).  After the last line, layout
// iterates the variable parts to a fixed point (jumps start short and only
// grow, exactly as gas's relax_segment does), then every section's bytes go
// to the MCEmitter and every fixup is either resolved to bytes or becomes a
// relocation, following gas's rules for which symbol a relocation names
// (tc_i386_fix_adjustable).  The ELF symbols are made last.
//
// Symbols here are assembly-time names (labels, equates, numeric local
// labels, `.` temporaries); only the ones an object must carry become
// ObjBuilder symbols at the end.
#pragma once

#include "asm/asm.h"

#include "core/compiler.h"
#include "obj/obj.h"

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace cfree::as {

using SymIdx = u32;  // index into Assembler::syms_ (0: none)

struct Expr {
  enum Op : u8 {
    Num, SymRef, Neg, Not, LNot,
    Add, Sub, Mul, Div, Mod, Shl, Shr, And, Or, Xor, OrNot,
    Eq, Ne, Lt, Le, Gt, Ge, LAnd, LOr,
  };
  Op op = Num;
  RelocKind rk = RelocKind::None;  // SymRef with @suffix
  SymIdx sym = 0;
  i64 num = 0;
  Expr* a = nullptr;
  Expr* b = nullptr;
};

// The value of an expression: add - sub + c, with an optional relocation
// operator from an @suffix.
struct Val {
  SymIdx add = 0, sub = 0;
  i64 c = 0;
  RelocKind rk = RelocKind::None;
  SymIdx via = 0;  // the equated symbol `add` was reached through (.set x, .LC3+8)
  i64 via_c = 0;   // ... and that symbol's own offset from `add`
  bool ok = true;  // false: not representable (e.g. a product of symbols)
  bool constant() const { return ok && !add && !sub; }
};

struct Symbol {
  Sym name = 0;
  u32 sec = 0;   // section index + 1 when defined as a label
  u32 frag = 0;
  u64 off = 0;   // offset inside the frag's fixed part
  Expr* equ = nullptr;  // .set / .equ / =
  bool defined = false;
  bool global = false, weak = false, local_dir = false;
  bool temp = false;     // .L*, numeric and `.` labels: never in the symtab
  bool used = false;     // referenced by an expression that reached a fixup
  bool in_reloc = false;
  bool tls = false;      // named by a TLS relocation
  bool common = false;
  bool evaluating = false;
  u8 type = 0;  // SymType
  u8 vis = 0;   // SymVis
  u64 common_size = 0, common_align = 0;
  Expr* size = nullptr;
  Loc loc = 0;
  ObjSymId id = OBJ_SYM_NONE;
  MCLabel mclabel = MC_LABEL_NONE;  // inline asm: an asm goto target
};

enum class FragKind : u8 { None, Jump, Align, Leb, Org };

struct Frag {
  u64 begin = 0, len = 0;  // fixed bytes: Section::data[begin, begin + len)
  u64 addr = 0;            // layout: offset of the frag in its section
  FragKind kind = FragKind::None;
  u32 var = 0;             // current size of the variable part
  // Jump: `jmp` (cc < 0) or jcc (cc = condition); target expression.
  int cc = -1;
  bool grown = false;
  Expr* target = nullptr;
  // Align: 2^p2, fill byte (-1: nops in code), at most `max` bytes (0: any).
  u32 align = 1;
  int fill = -1;
  u32 max = 0;
  // Leb / Org.
  Expr* e = nullptr;
  bool sign = false;
  u8 org_fill = 0;
  Loc loc = 0;
};

struct Fixup {
  u32 frag;
  u32 off;        // inside the frag's fixed part
  u8 size;        // 1, 2, 4, 8
  bool pcrel;     // value is S + A - P
  bool branch;    // a call/jmp displacement (PLT32 for global targets)
  bool sext32;    // a 32-bit field the CPU sign-extends (R_X86_64_32S)
  bool gotx;      // a GOTPCREL eligible for GOTPCRELX (insn relaxable)
  bool rex;       // ... and the instruction has a REX prefix
  i64 adj;        // added to the addend (pc-relative fields: -(bytes to insn end))
  Expr* e;
  Loc loc;
};

struct Section {
  Sym name = 0;
  u32 type = 1;   // ELF sh_type
  u64 flags = 0;  // SHF_*
  u64 entsize = 0;
  Sym group = 0;  // group signature name (0: none)
  bool comdat = false;
  Sym link_name = 0;  // 'o' flag: the linked-to section's name
  u64 align = 1;
  u64 base = 0;  // inline asm: the section's size before the block
  std::vector<u8> data;
  std::vector<Frag> frags;
  std::vector<Fixup> fixups;
  ObjSecId id = OBJ_SEC_NONE;
  // A model of gas's fragment obstack for this section (dwarf_line.cpp):
  // where the next byte would go in the current chunk, and the chunk's size.
  u32 g_pos = 16 + 160, g_limit = 4064;
  bool code() const { return flags & 0x4; }
  bool nobits() const { return type == 8; }
};

// CFI: one instruction of an FDE's program, with the label it follows.
struct CfiInsn {
  u8 op;           // DW_CFA_* (advance ops are generated)
  u32 reg = 0, reg2 = 0;
  i64 off = 0;
  SymIdx at = 0;   // the location (a temp label) the instruction applies from
  std::string raw; // .cfi_escape bytes
};
struct Fde {
  u32 sec = 0;  // section index + 1 of the code
  SymIdx begin = 0, end = 0;
  std::vector<CfiInsn> insns;
  bool signal = false;
  u8 per_enc = 0xff, lsda_enc = 0xff;
  Expr* personality = nullptr;
  Expr* lsda = nullptr;
  u32 ra = 16;
};

// DWARF line information (.file N / .loc, dwarf_line.cpp): one row of the
// line-number matrix, recorded where gas's dwarf2_gen_line_info records it.
struct LineRow {
  u32 frag = 0;
  u64 off = 0;        // inside the frag's fixed part
  SymIdx label = 0;   // a temporary at the row's address (DW_LNE_set_address)
  u32 file = 1, line = 1, column = 0, isa = 0, disc = 0;
  u8 flags = 1;       // LINE_IS_STMT | LINE_BASIC_BLOCK | ...
  bool reset = false; // `view -0`
  SymIdx view = 0;    // `view .LVUn` (or a `view 0` assertion: check_zero)
  bool check_zero = false;
  bool gas_end = false;  // gas closed its fragment right after this row (obstack full)
};
struct DwarfLine {
  struct File {
    std::string name;
    u32 dir = 0;
    bool set = false;
    u8 md5[16] = {};
  };
  std::vector<std::string> dirs;  // "" with has_dir false: not assigned
  std::vector<bool> has_dir;
  std::vector<File> files;
  u32 level = 3;          // gas's dwarf_level (.file 0 raises it to 5)
  bool loc_seen = false;  // a .loc waits for its instruction
  bool any_loc = false;
  LineRow cur;            // the current .loc state
  std::vector<u32> secs;  // sections with rows, in order of their first row
  std::vector<std::vector<LineRow>> rows;  // per section index
};

// One input source on the line-reader stack: a file, a macro expansion or a
// .rept/.irp body.
struct Source {
  std::string owned;         // expanded text (macros, rept)
  const char* ext = nullptr; // or a file's bytes (owned by the caller)
  size_t pos = 0, size = 0;
  Loc base = 0;              // Loc of the buffer start (files), or a fixed loc
  bool is_file = false;
  const char* data() const { return ext ? ext : owned.data(); }
  int macro_depth = 0;
  int cond_depth = 0;      // conditional nesting at entry (for .exitm)
};

struct Macro {
  std::vector<std::string> params;
  std::vector<std::string> defaults;
  std::vector<bool> vararg;
  std::string body;
};

class Assembler {
 public:
  Assembler(Compiler& c, ObjBuilder& ob);

  // Whole-file mode.
  bool run_file(const char* name, const char* data, size_t size);
  // Inline mode: assemble text into mc's current section.
  bool run_inline(MCEmitter& mc, const char* text, size_t len, Loc loc, const InlineAsm& in);

  // ---- used by the parts (directives.cpp, insn.cpp, ...) ----
  Compiler& c_;
  ObjBuilder& ob_;
  Arena arena_;
  std::vector<Symbol> syms_;
  std::unordered_map<Sym, SymIdx> sym_by_name_;
  std::vector<Section> secs_;
  u32 cur_ = 0;  // current section index
  std::vector<std::pair<u32, u32>> sec_stack_;  // (current, previous)
  u32 prev_ = 0;
  std::unordered_map<u32, u32> numeric_;  // numeric label N -> current instance count
  std::unordered_map<std::string, Macro> macros_;
  std::vector<Source> srcs_;
  std::vector<Fde> fdes_;
  std::vector<SymIdx> comms_;  // .comm symbols in directive order
  Fde* cur_fde_ = nullptr;
  std::vector<std::vector<CfiInsn>> cfi_state_stack_;
  bool errors_ = false;
  u32 macro_count_ = 0;
  Sym file_sym_ = 0;  // .file "name"
  std::string ident_;
  DwarfLine dl_;
  bool inline_mode_ = false;
  MCEmitter* inline_mc_ = nullptr;
  const InlineAsm* inline_ = nullptr;
  std::vector<std::pair<Sym, std::vector<std::string>>> ifc_dummy_;
  // Conditional assembly: each entry: (currently active, some branch taken).
  struct Cond {
    bool active, taken, parent_active;
  };
  std::vector<Cond> conds_;

  // Current statement.
  Loc line_loc_ = 0;
  const char* line_begin_ = nullptr;

  // Diagnostics: error at the current line.
  void error(const char* fmt, ...) __attribute__((format(printf, 2, 3)));
  void warning(const char* fmt, ...) __attribute__((format(printf, 2, 3)));

  // Sections.
  u32 get_section(std::string_view name, u32 type, u64 flags, u64 entsize, Sym group, bool comdat,
                  bool explicit_flags);
  Section& cur() { return secs_[cur_]; }
  Frag& frag() { return cur().frags.back(); }
  void new_frag();
  void emit_bytes(const void* p, size_t n);
  void emit_byte(u8 b) { emit_bytes(&b, 1); }
  void emit_le(u64 v, unsigned n);
  void add_fixup(u32 off_in_frag, u8 size, Expr* e, bool pcrel, i64 adj);
  u32 frag_off() { return static_cast<u32>(cur().data.size() - frag().begin); }

  // Symbols.
  SymIdx sym_lookup(std::string_view name);  // find or create
  SymIdx sym_numeric(u32 n, bool forward);
  SymIdx sym_temp_here();                    // a `.` temporary at the current point
  void define_label(SymIdx s);
  bool sym_is_temp_name(std::string_view name) const;
  const char* sym_str(SymIdx s) const { return c_.syms.str(syms_[s].name); }

  // Expressions (expr.cpp).
  Expr* new_expr(Expr::Op op, Expr* a = nullptr, Expr* b = nullptr);
  Expr* num_expr(i64 v);
  Expr* sym_expr(SymIdx s);
  // Parse from *p; on error reports and returns nullptr.
  Expr* parse_expr(const char*& p);
  // Evaluate.  `final`: layout is done (all label addresses known).
  Val eval(const Expr* e, bool final);
  bool eval_const(const Expr* e, i64* out, bool final = false);
  bool sym_addr(SymIdx s, u32* sec, u64* addr, bool final);

  // Statements.
  void run_sources();
  bool next_line(std::string& line, Loc* loc);
  void statement(const char* p);
  bool directive(std::string_view name, const char* p);
  void instruction(std::string_view mn, const char* p);
  bool macro_call(std::string_view name, const char* p);
  void push_text(std::string text, Loc loc);
  void collect_block(std::string* body, const char* end_dir, const char* nest_a, const char* nest_b,
                     const char* nest_c = nullptr);
  bool skipping() const { return !conds_.empty() && !conds_.back().active; }
  void cond_directive(std::string_view name, const char* p);

  // Data directives.
  void data_values(const char* p, unsigned size);
  void string_values(const char* p, bool zero);
  void leb_values(const char* p, bool sign);
  bool parse_string(const char*& p, std::string* out);

  // CFI (cfi.cpp).
  bool cfi_directive(std::string_view name, const char* p);
  void build_eh_frame();

  // DWARF line information (dwarf_line.cpp).
  bool file_directive(const char* p);
  bool loc_directive(const char* p);
  void line_row();  // the pending .loc becomes a row at the current address
  void finish_debug_line();
  // gas's fragment obstack, as far as it decides where gas closes a
  // fragment (which .debug_line depends on): the emission calls gas makes.
  void gas_append1();
  void gas_more(u32 n);
  void gas_grow(u32 n);
  void gas_var(u32 max_chars);
  void gas_new_frag(u32 chunk);
  void gas_wane();
  void gas_insn(const u8* b, unsigned len, bool has_mem);

  // Layout and output (layout.cpp).
  void relax();
  void relax_section(u32 si);
  bool emit_object();
  u32 jump_long_size(const Frag& f) const { return f.cc < 0 ? 5 : 6; }
  bool jump_relaxable(const Frag& f, u32 sec) const;
  u64 frag_size(const Frag& f) const { return f.len + f.var; }
  bool resolve_fixup(u32 sec, const Fixup& fx, MCEmitter& mc);
  ObjSymId obj_sym(SymIdx s);
};

// Small lexical helpers shared by the parts.
inline bool is_ident_start(char ch) {
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '_' || ch == '.' || ch == '$';
}
inline bool is_ident_char(char ch) {
  return is_ident_start(ch) || (ch >= '0' && ch <= '9');
}
inline void skip_ws(const char*& p) {
  while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\f' || *p == '\v') p++;
}
inline std::string_view read_ident(const char*& p) {
  const char* s = p;
  while (is_ident_char(*p)) p++;
  return std::string_view(s, static_cast<size_t>(p - s));
}
inline bool at_end(const char* p) { return *p == 0; }

}  // namespace cfree::as
