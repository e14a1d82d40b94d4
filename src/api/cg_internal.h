// cg_internal.h: the CfreeCg handle behind include/cfree/cg.h.
//
// A CfreeCg is one translation unit's code generator.  In OBJECT mode it owns
// the ObjBuilder, the MCEmitter and the CGTarget, and runs the -O0 value
// stack in the style of TinyCC's vstack: each stack entry (SValue) is a
// constant, a register, the address of a frame slot or symbol (kept symbolic
// until needed), or a value still in memory (a deferred load, so "push
// address; load; add" becomes one instruction with a memory operand).  When
// the target runs out of registers the deepest register value is spilled to
// a temporary slot; around calls every live register is spilled.
//
// In DUMP mode every call is printed as one line of text (cfree cc
// -emit-cg) and in SYNTAX_ONLY mode it is accepted and dropped; both keep
// only the stack depth, so frontends can rely on cfree_cg_depth.
#pragma once

#include "arch/arch.h"
#include "arch/mc.h"
#include "core/compiler.h"
#include "obj/obj.h"

#include <cfree/cg.h>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace cfree {

enum class SV : u8 {
  Const,     // o is Imm (integer bits, or float bytes in off/hi)
  Reg,       // o is Reg
  SlotAddr,  // the address of o (a Frame operand)
  SymAddr,   // the address of o (a Global operand)
  LabelAddr, // o is LabelAddr
  Mem,       // the value stored at o (Frame/Global/Indirect): a deferred load
  Cmp,       // a comparison not yet emitted (CfreeCg::pending), always the top
};

struct SValue {
  SV kind = SV::Const;
  MT mt = MT::U64;
  bool spilled = false;   // Mem in a CG temporary (never aliased by user stores)
  CfreeType type = 0;
  Opd o;
  MemAccess ma;            // Mem: the access
};

struct CgSymbol {
  Sym name = 0;
  CfreeSymKind kind = CFREE_SYM_FUNC;
  CfreeBinding bind = CFREE_BIND_LOCAL;
  ObjSymId obj = OBJ_SYM_NONE;
  bool defined = false;
};

struct TempSlot {
  CGSlot slot;
  u32 size;
};

}  // namespace cfree

struct CfreeCg {
  using u8 = cfree::u8;
  using u32 = cfree::u32;
  using u64 = cfree::u64;
  CfreeCg(cfree::Compiler& c, CfreeCgMode mode);
  ~CfreeCg();

  cfree::Compiler& c;
  CfreeCgMode mode;
  CfreeCompileOptions opts{};
  std::string source_name;

  // OBJECT mode.
  std::unique_ptr<cfree::ObjBuilder> ob;
  std::unique_ptr<cfree::MCEmitter> mc;
  std::unique_ptr<cfree::CGTarget> target;

  // Symbols (all modes): index = CfreeCgSym.
  std::vector<cfree::CgSymbol> syms;
  std::unordered_map<cfree::Sym, u32> sym_by_name;  // non-unique symbols
  std::vector<u8> const_pool_key;                    // scratch for const_data merging
  std::unordered_map<std::string, u32> const_data;

  // The function being generated.
  bool in_func = false;
  CfreeFuncDesc func{};
  CfreeAbiCallInfo func_abi{};
  std::vector<cfree::CGSlot> params;
  std::vector<cfree::SValue> stack;
  std::vector<cfree::TempSlot> free_temps;
  std::vector<cfree::CGLabel> labels;  // CfreeCgLabel -> target label (index)
  u32 n_slots = 0, n_labels = 0;       // DUMP/SYNTAX_ONLY numbering

  u64 func_start = 0;
  std::vector<std::pair<u32, u32>> aliases;  // (alias, target) CfreeCgSyms
  CfreeStatus failed = CFREE_OK;
  u32 errors_at_start = 0;
  bool failed_in_dump = false;

  // Data definition in progress.
  bool in_data = false;
  u64 data_left = 0;
  cfree::ObjSecId data_sec = cfree::OBJ_SEC_NONE;

  // DUMP mode.
  std::string out;
  cfree::Loc last_loc = 0;
  size_t depth = 0;  // DUMP/SYNTAX_ONLY stack depth
  size_t pinned = 0; // top entries that must not be spilled (operands in use)
  // A comparison pushed by cfree_cg_cmp and not emitted yet: a following
  // branch fuses it into compare-and-branch; any other operation first
  // materializes it (cg_flush_cmp).
  struct PendingCmp {
    bool active = false;
    CfreeCmp cmp = CFREE_CMP_EQ;
    cfree::MT mt = cfree::MT::S32;
    cfree::SValue a, b;
  } pending;
  int scope_depth = 0;

  // GNU nested functions.  `level` is 0 outside functions, 1 in a top-level
  // function, n+1 in a function nested in a level-n one.  The enclosing
  // functions' per-function state is suspended in `outer` while a nested
  // one is generated.  Slot and label ids keep counting across the nest (no
  // reset for a nested function), so an id names one function's slot or
  // label; slot_level/label_level say whose (by level), which is how an
  // access to an enclosing function's local becomes a static-chain access.
  struct Suspended {
    CfreeFuncDesc func{};
    CfreeAbiCallInfo func_abi{};
    std::vector<cfree::CGSlot> params;
    std::vector<cfree::SValue> stack;
    std::vector<cfree::TempSlot> free_temps;
    PendingCmp pending;
    size_t depth = 0, pinned = 0;
    u64 func_start = 0;
    int scope_depth = 0;
    cfree::CGLabel skip = 0;  // the label after the nested body (the enclosing code jumps over it)
  };
  std::vector<Suspended> outer;
  u32 level = 0;
  std::vector<u8> slot_level, label_level;  // by CfreeCgSlot / CfreeCgLabel
  std::vector<u8> chain_used;               // by level: the function reads its static chain
};

namespace cfree {

// cg.cpp
MT cg_mt(CfreeCg* cg, CfreeType t);
u32 cg_align(CfreeCg* cg, CfreeType t);  // cfree_type_align, unguarded
bool cg_is_aggregate(CfreeCg* cg, CfreeType t);
[[noreturn]] void cg_misuse(CfreeCg* cg, const char* what);

CfreeCompiler* cg_compiler(CfreeCg* cg);
// DUMP/SYNTAX_ONLY: account for pops/pushes and return true (skip codegen).
bool cg_virtual(CfreeCg* cg, size_t pops, size_t pushes);
CGLabel cg_target_label(CfreeCg* cg, CfreeCgLabel l);
// Nested functions: record the level of a new slot/label; note that the
// current function reaches `up` levels out through its static chain.
void cg_note_slot(CfreeCg* cg, CfreeCgSlot s);
void cg_note_label(CfreeCg* cg, CfreeCgLabel l);
void cg_use_chain(CfreeCg* cg, unsigned up);
CfreeStatus cg_write_asm(CfreeCg* cg, CfreeWriter* out);

// Run one API operation: exceptions become a sticky failure.
void cg_flush_cmp(CfreeCg* cg);

// After a failure the CG keeps answering as in SYNTAX_ONLY mode (fresh
// slot/label/symbol ids, stack depth), so a frontend can finish the
// translation unit and report its own diagnostics; finish returns the error.
template <bool keep_cmp = false, class F>
void api(CfreeCg* cg, F&& f) {
  if (!keep_cmp && cg->pending.active && cg->failed == CFREE_OK) {
    CfreeStatus st = guard(&cg->c, [&] {
      cg_flush_cmp(cg);
      return CFREE_OK;
    });
    if (st != CFREE_OK) cg->failed = st;
  }
  if (cg->failed != CFREE_OK) {
    try {
      f();
    } catch (...) {
    }
    return;
  }
  CfreeStatus st = guard(&cg->c, [&] {
    try {
      f();
    } catch (const InternalError& e) {
      // At the frontend's current location: that is where to look.
      cg->c.diags.reportf(CFREE_SEV_ERROR, cg->last_loc, "internal compiler error: %s (%s:%d)", e.what,
                          e.file, e.line);
      return CFREE_ERR_INTERNAL;
    }
    return CFREE_OK;
  });
  if (st != CFREE_OK && cg->failed == CFREE_OK) {
    cg->failed = st;
    if (cg->mode == CFREE_CG_OBJECT) cg->depth = cg->stack.size();
    if (cg->mode == CFREE_CG_DUMP) cg->failed_in_dump = true;
    cg->mode = CFREE_CG_SYNTAX_ONLY;
  }
}

// cg_stack.cpp: the value stack.
SValue& cg_top(CfreeCg* cg, size_t i = 0);  // 0 = top
SValue cg_pop(CfreeCg* cg);
void cg_push(CfreeCg* cg, const SValue& v);
void cg_free_value(CfreeCg* cg, const SValue& v);
CGReg cg_alloc(CfreeCg* cg, RC cls);
RC cg_class(MT t);
// An operand for v usable as an instruction source (value operand, or
// memory for Mem); addresses are materialized into registers.
Opd cg_source(CfreeCg* cg, SValue& v);
// v's value in a register (of cg_class(v.mt)); v becomes Reg.
Opd cg_to_reg(CfreeCg* cg, SValue& v);
// An address value as a memory operand (slot/sym/indirect through a reg).
Opd cg_addr_to_mem(CfreeCg* cg, SValue& addr);
// A fresh destination for a result of type mt (register, or temp slot for Mem class).
Opd cg_dest(CfreeCg* cg, MT mt);
SValue cg_value_at(CfreeCg* cg, Opd dst, MT mt, CfreeType type);
// Load deferred loads whose memory might be changed by a store or call.
void cg_materialize_mem(CfreeCg* cg);
// Move one register-held value (or deferred load through a register) to a temporary.
void cg_spill_value(CfreeCg* cg, SValue& v);
// Spill every register-held value (calls, asm, control flow).
void cg_spill_all(CfreeCg* cg);
CGSlot cg_temp_slot(CfreeCg* cg, u32 size);
void cg_release_temp(CfreeCg* cg, CGSlot s, u32 size);

// Keep the top n entries in their registers while an operation allocates.
struct Pin {
  CfreeCg* cg;
  size_t old;
  Pin(CfreeCg* g, size_t n) : cg(g), old(g->pinned) { g->pinned = n; }
  ~Pin() { cg->pinned = old; }
};

// cg_dump.cpp: DUMP mode text.
void dump_line(CfreeCg* cg, const char* fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
std::string dump_type(CfreeCg* cg, CfreeType t);
std::string dump_sym(CfreeCg* cg, CfreeCgSym s);
const char* dump_binop(CfreeBinop op);
const char* dump_unop(CfreeUnop op);
const char* dump_cmp(CfreeCmp c);
const char* dump_conv(CfreeConv c);
const char* dump_order(CfreeMemOrder o);
std::string dump_mem(const CfreeMemAccess* m);

}  // namespace cfree
