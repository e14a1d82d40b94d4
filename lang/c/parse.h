// parse.h: the C parser and semantic analyser (C11/C17 6.5-6.9 plus GNU C).
//
// One pass, no AST (seed §4): a recursive-descent parser over the
// preprocessor's expanded tokens that type-checks as it goes and drives the
// public value-stack CG API (cfree/cg.h) directly, as TinyCC does.  The
// pieces:
//
//  - CType (ctype.cpp): C types with qualifiers, typedef-independent
//    structure, records with their layout (from the target ABI through
//    cfree_type_*), enums, prototypes and K&R functions, VLAs.  Each C type
//    maps to one CfreeType for layout and codegen.
//  - Decl/Tag and scopes: ordinary identifiers and tags are bound in two
//    arrays indexed by the interned symbol (symbols are dense ids), each
//    entry the innermost binding with a shadow chain; leaving a scope pops
//    its bindings.  Lookup is one array load: no hashing on the hot path.
//  - Val (parse_expr.cpp): the result of an expression, kept lazy so that
//    constants fold and addresses stay symbolic (address constants for
//    static initializers, `&x` as a memory operand) until an operation needs
//    them on the CG stack.
//  - Gen (gen.cpp): a thin wrapper around cfree_cg_* that mirrors the CG
//    stack (to spill values live across branches, which the API requires)
//    and suppresses code in unevaluated contexts (sizeof, constant
//    expressions, dead ?: arms) and under -fsyntax-only.
#pragma once

#include "c/pp.h"
#include "c/token.h"

#include <cfree/cg.h>
#include <cfree/frontend.h>

#include <cstdarg>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

namespace cfree::c {

using u8 = uint8_t;
using u16 = uint16_t;
using u32 = uint32_t;
using u64 = uint64_t;
using i32 = int32_t;
using i64 = int64_t;

// A vector with inline storage for the common small case (declarator
// steps, parameters, call arguments): no heap traffic on the hot path.
template <typename T, size_t N>
class SmallVec {
 public:
  SmallVec() = default;
  SmallVec(const SmallVec&) = delete;
  SmallVec& operator=(const SmallVec&) = delete;
  void push_back(const T& x) {
    if (n_ < N) {
      inline_[n_++] = x;
      return;
    }
    if (n_ == N) heap_.assign(inline_, inline_ + N);
    heap_.push_back(x);
    n_++;
  }
  size_t size() const { return n_; }
  bool empty() const { return n_ == 0; }
  T* data() { return n_ <= N ? inline_ : heap_.data(); }
  T& operator[](size_t i) { return data()[i]; }
  T& back() { return data()[n_ - 1]; }
  T* begin() { return data(); }
  T* end() { return data() + n_; }

 private:
  T inline_[N];
  std::vector<T> heap_;
  size_t n_ = 0;
};

// ---- Types ----------------------------------------------------------------

enum Qual : u8 { Q_CONST = 1, Q_VOLATILE = 2, Q_RESTRICT = 4, Q_ATOMIC = 8 };

enum class TK : u8 {
  Void, Bool, Char, SChar, UChar, Short, UShort, Int, UInt, Long, ULong, LLong, ULLong,
  Int128, UInt128, Float, Double, LDouble, Float128, Enum, Ptr, Array, Func, Struct, Union,
  Complex, Vector  // Vector: GCC vector_size, `count` elements of `base` (sema_vector.cpp)
};

struct CType;

struct Field {
  CfreeSym name;
  CType* ty;
  u64 offset;
  u32 bit_offset, bit_width, storage;
  bool bitfield, anon;
  CfreeLoc loc;
  CfreeCgSlot off_slot;  // GNU variably modified record: run-time base offset (offset is relative to it)
};

struct Record {
  CfreeSym tag;
  bool is_union, complete, flex, has_const;
  bool user_align;   // aligned(N) on the record or a member (GCC TYPE_USER_ALIGN: _Alignof is not capped)
  Field* fields;
  u32 n_fields;
  CfreeType cg;
  CfreeLoc loc;  // of the definition (or first declaration)
};

struct Param {
  CfreeSym name;
  CType* ty;
  CfreeLoc loc;
};

struct FuncInfo {
  Param* params;
  u32 n_params;
  bool variadic;
  bool proto;     // has a prototype (not `int f()` / K&R)
  bool knr_ids;   // identifier list (K&R definition)
};

struct EnumInfo {
  CfreeSym tag;
  bool complete;
  CfreeLoc loc;
};

struct CType {
  TK k;
  u8 q;              // Qual bits
  bool vla;          // array with a run-time count (or containing one)
  bool is_va_list;   // __builtin_va_list
  u32 align;         // explicit alignment (_Alignas / aligned), 0 if none
  CType* base;       // Ptr/Array/Complex/Vector: element; Func: return; Enum: underlying
  i64 count;         // Array, Vector: element count; -1 incomplete
  Record* rec;
  FuncInfo* fn;
  EnumInfo* en;
  CType* unq;        // the unqualified version (this if unqualified)
  CType* variants;   // (on unq) qualified variants, linked by next_variant
  CType* next_variant;
  CType* ptr;        // cached pointer to this type
  CfreeType cg;      // cached machine type (0: not computed yet)
  u64 size_cache;    // +1 (0: not computed yet)
  u32 align_cache;
  CfreeCgSlot vla_size;  // VLA: slot holding sizeof at run time
  CfreeCgSlot vla_count; // VLA: slot holding the element count
};

// ---- Declarations --------------------------------------------------------

enum class DK : u8 { Var, Func, Typedef, EnumConst };
enum SC : u8 { SC_NONE = 0, SC_EXTERN, SC_STATIC, SC_AUTO, SC_REGISTER, SC_TYPEDEF };

struct Attrs {
  u32 aligned = 0;
  bool packed = false, noreturn = false, weak = false, used = false, unused = false;
  bool constructor = false, destructor = false, always_inline = false, noinline = false;
  bool no_instrument = false;  // no_instrument_function
  bool deprecated = false, transparent_union = false, returns_twice = false;
  bool has_mode = false, vector = false;
  u64 vector_size = 0;     // vector_size(N) in bytes (valid when `vector`)
  u8 visibility = 0;       // CfreeVisibility + 1, 0 if none
  char mode = 0;           // 'Q' 'H' 'S' 'D' 'T' (integers), 'f' SF, 'd' DF, 'x' XF, 't' TF, 'w' word, 'p' pointer
  CfreeSym alias = 0, section = 0, cleanup = 0;
  int format_idx = 0, format_first = 0;
  CfreeSym format_kind = 0;
};

struct Decl {
  DK kind;
  u8 sc;
  bool global;       // static storage duration with linkage or file scope
  bool defined, tentative, used, is_inline, is_tls, is_param, weak, noreturn, gnu_inline;
  bool is_builtin_decl;
  bool no_instrument;  // __attribute__((no_instrument_function))
  u32 fn_align;        // functions: aligned(N), 0 if none
  CfreeSym name;
  CType* ty;
  CfreeLoc loc;
  u32 depth;
  Decl* shadow;
  i64 value;          // EnumConst
  CfreeCgSym cgsym;   // static storage
  CfreeCgSlot slot;   // automatic storage (VLAs: the slot holding the pointer)
  CfreeSym asm_name;
  CfreeSym section;
  CfreeSym alias;
  u8 visibility;
  CfreeSym cleanup;
  int format_idx, format_first;
  bool format_scanf;
  Decl* next_global;  // list of file-scope objects (tentative definitions)
  Decl* canon;        // the declaration with linkage this one refers to (itself if none)
  CfreeLoc def_loc;   // location of the definition
  u32 fn_level;       // function nesting level of the scope it is declared in (0: file scope)
  bool nested_fn;     // GNU nested function (fn_level: its enclosing function's level)
  bool body_done;     // nested function: body finished (chain_free is known)
  bool chain_free;    // nested function that never uses its static chain
};

struct Tag {
  CfreeSym name;
  CType* ty;
  u32 depth;
  Tag* shadow;
  CfreeLoc loc;
};

// ---- Expression values ------------------------------------------------------

// Where an object or address lives, while it is still symbolic.
enum class Base : u8 { None, Sym, Slot, Stack, Label };

struct Val {
  enum K : u8 { Void, Const, FConst, Stack, Addr, Lval } k = Void;
  Base base = Base::None;
  bool bitfield = false;
  bool nonconst = false;   // an address that is not an address constant
  CType* ty = nullptr;
  u64 i = 0;               // Const: the value's bits (sign/zero-extended per type)
  u64 hi = 0;              // Const of a 128-bit type: the high 64 bits
  long double f = 0;       // FConst
  long double fi = 0;      // FConst of complex type: the imaginary part
  i64 off = 0;             // Addr/Lval: byte offset from the base
  Decl* d = nullptr;       // Sym base: the declaration (or nullptr for literals)
  CfreeCgSym sym = 0;      // Sym base
  CfreeCgSlot slot = 0;    // Slot base
  const Field* bf = nullptr;
  CfreeLoc loc = 0;
};

// ---- Gen: the CG wrapper -----------------------------------------------------

class Parser;

struct Spill {
  std::vector<std::pair<CfreeCgSlot, CfreeType>> slots;
};

class Gen {
 public:
  CfreeCg* cg = nullptr;
  CfreeCompiler* c = nullptr;
  bool emit = false;   // a real CG behind (object or dump mode)
  int nocode = 0;      // > 0: unevaluated context, generate nothing
  bool in_func = false;
  std::vector<CfreeType> stack;  // mirror of the CG stack's types
  // Mirror updates that stay defined if the mirror and the CG disagree
  // (after an internal error the parser goes on to report more errors).
  void drop(size_t n) { stack.resize(stack.size() > n ? stack.size() - n : 0); }
  void set_top(CfreeType t) {
    if (stack.empty()) stack.push_back(t);
    else stack.back() = t;
  }

  bool dead = false;   // statically unreachable code (the dead arm of `if (0)`), until a user label
  CfreeCgLabel dead_skip = 0;  // where live code jumps over the outermost dead arm (see Parser::revive)
  bool on() const { return emit && nocode == 0 && in_func && !dead; }
  void push_int(CfreeType t, u64 v);
  void push_float(CfreeType t, const void* bytes);
  void push_sym(CfreeCgSym s, i64 add, CfreeType ptr_ty);
  void push_slot(CfreeCgSlot s, i64 off, CfreeType ptr_ty);
  void push_label(CfreeCgLabel l, CfreeType ptr_ty);
  void dup();
  void swap();
  void pop();
  void rotate(unsigned depth);
  void retype(CfreeType t);
  void load(CfreeType t, u32 flags);
  void store(CfreeType t, u32 flags);
  void copy(u64 size, u32 align);
  void copy_dynamic();  // pops dst, src, size
  void fill(u64 size, u32 align);
  void bf_load(CfreeType t, const CfreeBitField& bf, u32 flags);
  void bf_store(CfreeType t, const CfreeBitField& bf, u32 flags);
  void binop(CfreeBinop op, CfreeType t);
  void unop(CfreeUnop op, CfreeType t);
  void cmp(CfreeCmp op, CfreeType ot, CfreeType rt);
  void convert(CfreeConv conv, CfreeType to);
  CfreeCgLabel label();
  void place(CfreeCgLabel l);
  void jump(CfreeCgLabel l);
  void branch(bool when_true, CfreeCgLabel l);
  CfreeCgSlot slot(u64 size, u32 align, u32 flags = 0);
  void call(CfreeType fn, size_t n, const CfreeType* arg_types, CfreeType ret, bool chain = false);
  void push_frame(unsigned up, CfreeType ptr_ty);
  void ret(bool has_value);
  void alloca_(u32 align, CfreeType ptr_ty);
  void intrinsic(CfreeIntrinsic id, CfreeType t, unsigned pops, unsigned pushes, CfreeType push_ty);
  // Spill every live CG value to slots before control flow; restore after.
  void spill(Spill* s, CfreeType ptr_ty);
  void unspill(const Spill& s, CfreeType ptr_ty);
  // Spill everything but the top value (the one about to be branched on).
  void spill_below_top(Spill* s, CfreeType ptr_ty, bool top_on_stack);
};

// ---- Declarator pieces ---------------------------------------------------------

struct DeclSpec {
  CType* ty = nullptr;
  u8 sc = SC_NONE;
  bool is_inline = false, noreturn = false, tls = false, is_typedef_name = false;
  bool had_type = false;
  bool auto_type = false;  // GNU __auto_type
  u32 align = 0;
  Attrs attrs;
  CfreeLoc loc = 0;
};

struct DeclOp {
  enum Kind : u8 { Ptr, Array, Func } k;
  u8 q;
  bool is_static_arr;
  i64 count;               // Array: -1 incomplete, -2 VLA ([*] or run-time)
  CfreeCgSlot count_slot;  // VLA count
  FuncInfo* fn;
  u32 align;
};

struct Declarator {
  CfreeSym name = 0;
  CfreeLoc loc = 0;
  CType* ty = nullptr;
  FuncInfo* fn = nullptr;  // the outermost function suffix applied last (for definitions)
  Attrs attrs;
  CfreeSym asm_name = 0;
};

// ---- The parser ---------------------------------------------------------------------

struct Label {
  CfreeSym name;
  CfreeCgLabel id;
  bool defined, used;
  CfreeLoc loc;
  bool local_decl;  // declared with __label__ (a nested function may goto it)
  std::vector<CfreeCgSlot> vla;  // once defined: the VLA stack levels (block_vla_sp_) live at it
};

struct SwitchCtx {
  std::vector<CfreeCase> cases;
  std::vector<CfreeLoc> case_locs;
  CfreeCgLabel default_label = 0;
  CType* ty = nullptr;
  CfreeLoc default_loc = 0;
};

struct FuncCtx {
  Decl* decl = nullptr;
  CType* ret = nullptr;
  const char* name = nullptr;
  std::vector<Label> labels;
  std::vector<CfreeCgLabel> addr_labels;  // labels whose address was taken
  CfreeCgLabel break_label = 0, continue_label = 0;
  SwitchCtx* sw = nullptr;
  Val func_name;  // __func__ (lazy)
  bool has_func_name = false;
  FuncCtx* parent = nullptr;  // the enclosing function of a GNU nested function
  bool instrument = false;  // calls __cyg_profile_func_enter/exit
};

class Parser {
 public:
  Parser(CfreeCompiler* c, Preprocessor* pp, CfreeCg* cg, bool emit, const CfreeCompileOptions* o);
  ~Parser();
  void translation_unit();

  // ---- shared state ----
  CfreeCompiler* c;
  Preprocessor* pp;
  CfreeArena* arena;
  Gen g;
  bool fwrapv = false;
  bool gnu89_inline = false;
  bool instrument_functions = false;  // -finstrument-functions
  int std_version = 201710;

  // ---- tokens (parse.cpp) ----
  Token tok;          // the current token
  Token la[4];        // lookahead ring
  int n_la = 0;
  CfreeLoc prev_end = 0;  // location of the previous token
  void advance();
  void fetch(Token& t);
  std::vector<Token>* rec_ = nullptr;   // recording consumed tokens (dry runs)
  std::vector<Token> replay_;           // tokens to hand out before the preprocessor's
  size_t replay_pos_ = 0;
  int quiet_ = 0;                       // > 0: diagnostics suppressed (dry runs)
  std::vector<Token>* begin_record(std::vector<Token>* r);
  // Stop recording into r (no replay); the enclosing recording gets the tokens too.
  void end_record(std::vector<Token>* r, std::vector<Token>* prev);
  // Parameters whose declarators have run-time array sizes: their tokens,
  // parsed again at the start of the function's body so the sizes are
  // evaluated there (C11 6.9.1p10), with their side effects.
  struct VlaParam {
    const FuncInfo* fn;
    u32 index;
    std::vector<Token> toks;
  };
  std::vector<VlaParam> vla_params_;
  u32 vla_exprs_ = 0;  // run-time array sizes parsed so far
  void vla_param_sizes(const FuncInfo* fn);
  void replay_from(std::vector<Token>* r, std::vector<Token>* prev);
  struct Cleanup { Decl* d; u32 depth; };
  std::vector<Cleanup> cleanups_;
  std::vector<CfreeCgSlot> block_vla_sp_;  // per open block: slot with the stack level before its first VLA
  const Token& peek(int n = 1);
  bool is(Tok k) const { return tok.kind == k; }
  bool accept(Tok k) {
    if (tok.kind != k) return false;
    advance();
    return true;
  }
  bool expect(Tok k, const char* what = nullptr);
  void skip_to_semi();
  void skip_balanced();
  const char* tok_text(const Token& t);

  // ---- diagnostics ----
  void error(CfreeLoc loc, const char* fmt, ...) __attribute__((format(printf, 3, 4)));
  void warn(CfreeLoc loc, const char* opt, const char* fmt, ...) __attribute__((format(printf, 4, 5)));
  void pedwarn(CfreeLoc loc, const char* opt, const char* fmt, ...) __attribute__((format(printf, 4, 5)));
  void note(CfreeLoc loc, const char* fmt, ...) __attribute__((format(printf, 3, 4)));
  void diag(CfreeSeverity sev, CfreeLoc loc, const char* opt, const char* fmt, va_list ap);
  const char* sym_str(CfreeSym s) { return cfree_sym_str(c, s, nullptr); }

  // ---- types (ctype.cpp) ----
  CType* ty_[int(TK::Complex) + 1] = {};
  CType* t_void; CType* t_bool; CType* t_char; CType* t_schar; CType* t_uchar; CType* t_short;
  CType* t_ushort; CType* t_int; CType* t_uint; CType* t_long; CType* t_ulong; CType* t_llong;
  CType* t_ullong; CType* t_int128; CType* t_uint128; CType* t_float; CType* t_double;
  CType* t_ldouble; CType* t_float128;
  CType* t_size; CType* t_ptrdiff; CType* t_wchar; CType* t_char16; CType* t_char32;
  CType* t_voidptr; CType* t_charptr; CType* t_va_list;
  u8 kbits[int(TK::Complex) + 1] = {};
  bool ksigned[int(TK::Complex) + 1] = {};
  CfreeType cg_ptr = 0;  // void* machine type
  void init_types();
  CType* new_type(TK k);
  CType* qualify(CType* t, u8 q);
  CType* unqual(CType* t) { return t->unq; }
  CType* pointer_to(CType* t);
  CType* array_of(CType* t, i64 n);
  CType* func_type(CType* ret, FuncInfo* fn);
  CType* complex_of(CType* t);
  CType* scalar_for(CfreeCScalar s);
  CfreeType cgt(CType* t);
  u64 size_of(CType* t);
  u32 align_of(CType* t);
  u32 c11_alignof(CType* t);  // _Alignof: GCC's min_align_of_type
  bool is_complete(CType* t);
  bool compatible(CType* a, CType* b, bool ignore_quals = false);
  CType* composite(CType* a, CType* b);
  std::string type_str(CType* t);
  void type_str_into(std::string& out, CType* t, const std::string& inner);
  int rank(CType* t);
  CType* promote(CType* t);
  CType* arith_common(CType* a, CType* b);
  CType* int_underlying(CType* t) { return t->k == TK::Enum ? t->base : t; }
  CType* to_unsigned(CType* t);
  bool is_signed_t(CType* t);
  u32 bits_of(CType* t);
  void complete_record(CType* t, std::vector<Field>& fields, const Attrs& a, u32 pack);
  void vm_record_layout(CType* t, std::vector<Field>& fields, const Attrs& a, u32 pack);
  void push_member_offset(const Field* f);  // adds f's run-time base offset to the address on top
  const Field* find_field(Record* r, CfreeSym name, u64* off_out);

  static bool is_integer(const CType* t) { return (t->k >= TK::Bool && t->k <= TK::UInt128) || t->k == TK::Enum; }
  static bool is_float(const CType* t) { return t->k >= TK::Float && t->k <= TK::Float128; }
  static bool is_arith(const CType* t) { return is_integer(t) || is_float(t) || t->k == TK::Complex; }
  static bool is_scalar(const CType* t) { return is_arith(t) || t->k == TK::Ptr; }
  static bool is_record(const CType* t) { return t->k == TK::Struct || t->k == TK::Union; }
  static bool is_aggregate(const CType* t) {
    return is_record(t) || t->k == TK::Array || t->k == TK::Complex || t->k == TK::Vector;
  }
  static bool is_vector(const CType* t) { return t && t->k == TK::Vector; }
  static bool is_ptr(const CType* t) { return t->k == TK::Ptr; }
  static bool is_void(const CType* t) { return t->k == TK::Void; }
  static bool is_func(const CType* t) { return t->k == TK::Func; }

  // ---- scopes (scope.cpp) ----
  std::vector<Decl*> ord_;     // indexed by CfreeSym: innermost ordinary binding
  std::vector<Tag*> tags_;
  std::vector<Decl*> scope_decls_;
  std::vector<Tag*> scope_tags_;
  struct ScopeMark { size_t decls, tags; };
  std::vector<ScopeMark> scopes_;
  u32 depth = 0;
  Decl* globals_ = nullptr;       // file-scope objects, for tentative definitions
  Decl** globals_tail_ = &globals_;
  std::vector<Decl*> extern_decls_;  // block-scope externs, by name (linked to file scope)
  void push_scope();
  void pop_scope();
  Decl* lookup(CfreeSym s) { return s < ord_.size() ? ord_[s] : nullptr; }
  Tag* lookup_tag(CfreeSym s) { return s < tags_.size() ? tags_[s] : nullptr; }
  Decl* bind(CfreeSym name, DK kind, CType* ty, CfreeLoc loc);
  Tag* bind_tag(CfreeSym name, CType* ty, CfreeLoc loc);
  bool is_typedef_name(const Token& t);
  Decl* file_scope_decl(CfreeSym name);
  std::vector<Decl*> file_ord_;  // file-scope binding by name (survives shadowing)

  // ---- declarations (parse_decl.cpp) ----
  bool is_type_start(const Token& t);
  bool declaration_specifiers(DeclSpec* ds, bool allow_sc);
  void declarator(CType* base, Declarator* d, bool abstract_ok, bool name_ok);
  void declarator_ops(Declarator* d, SmallVec<DeclOp, 8>* out, bool abstract_ok, bool name_ok);
  CType* type_name();
  void parse_attributes(Attrs* a);
  void attribute_list(Attrs* a);
  CType* apply_mode(CType* t, const Attrs& a, CfreeLoc loc);
  CType* with_align(CType* t, u32 align);
  CType* struct_or_union(bool is_union, Attrs* outer);
  CType* enum_specifier();
  CType* typeof_specifier();
  FuncInfo* param_list(CfreeLoc lparen);
  bool declaration(bool file_scope);
  void static_assert_decl();
  void function_definition(DeclSpec& ds, Declarator& d);
  void function_body(DeclSpec& ds, Declarator& d, Decl* canon, bool skip_body_emit);
  void nested_function_definition(DeclSpec& ds, Declarator& d);
  Decl* nested_function_decl(DeclSpec& ds, Declarator& d, bool definition);
  void push_nested_fn_addr(Decl* d, i64 off);
  u32 fn_level_ = 0;        // function nesting level (0: file scope, 1: a function, 2: nested in it...)
  int direct_nested_ = 0;   // > 0: a nested function's address for a direct call (no trampoline)
  CfreeCgSym tramp_sym_ = 0;
  void knr_param_decls(FuncInfo* fn);
  Decl* declare(DeclSpec& ds, Declarator& d, bool file_scope, bool has_init);
  void finish_decl_attrs(Decl* dl, const Attrs& a);
  void asm_label(Declarator* d);
  void emit_tentatives();
  CfreeCgSym decl_sym(Decl* d);
  void top_level_asm();
  void handle_pragma(const Token& t);
  u32 pack_ = 0;
  std::vector<u32> pack_stack_;

  // ---- initializers (parse_init.cpp) ----
  struct InitBuf {
    std::vector<u8> bytes;
    struct Reloc { u64 off; CfreeCgSym sym; i64 add; u32 size; CfreeCgLabel label; };
    std::vector<Reloc> relocs;
  };
  void static_initializer(Decl* d, CType** ty, InitBuf* buf);
  void local_initializer(Val& dst, CType** ty);
  // The shared initializer walker: static mode writes into init_buf_,
  // local mode stores into the frame slot init_slot_.
  bool init_static_mode_ = true;
  InitBuf* init_buf_ = nullptr;
  CfreeCgSlot init_slot_ = 0;
  void init_value(CType* ty, u64 off, const Field* bf);
  void init_brace(CType* ty, u64 off);
  void init_elems(CType* ty, u64 off, bool braced);
  bool init_string(CType* ty, u64 off);
  void init_scalar(CType* ty, u64 off, const Field* bf);
  bool designation(CType* ty, u64 off, i64* next_idx, u32* next_field);
  void init_copy_elem(u64 dst_off, u64 src_off, u64 size);
  // Static compound literals of vector type by their anonymous object, so a
  // static initializer can copy their bytes (GCC accepts `V a[] = {(V){..}}`).
  std::vector<std::pair<Decl*, InitBuf>> static_lits_;
  bool init_static_literal(const Val& v, u64 off);
  void store_static_scalar(CType* ty, Val v, u64 off, InitBuf* buf, const Field* bf, CfreeLoc loc);
  void emit_static(Decl* d, CType* ty, InitBuf* buf);
  void cfree_cg_set_loc_if(CfreeLoc loc);
  i64 init_array_len_ = 0;

  // ---- expressions (parse_expr.cpp) ----
  Val expr();
  Val assign_expr();
  Val cond_expr();
  Val binary_expr(int min_prec);
  Val cast_expr();
  Val unary_expr();
  Val postfix_expr();
  Val postfix_ops(Val v);
  Val primary_expr();
  Val identifier_expr();
  Val string_literal();
  Val number_literal();
  Val char_literal();
  Val compound_literal(CType* ty, CfreeLoc loc);
  Val generic_selection();
  Val stmt_expr();
  Val call(Val fn);
  Val member(Val v, bool arrow, CfreeLoc loc);
  Val subscript(Val a, Val i, CfreeLoc loc);
  Val sizeof_alignof(bool is_sizeof);
  Val builtin_call(Decl* d, CfreeLoc loc);
  i64 const_int(const char* what, CfreeLoc* loc_out = nullptr, bool* ok = nullptr);
  i64 const_int_msg(const char* msg, CfreeLoc at, bool* ok);
  std::string tok_desc(const Token& t);
  Val const_expr_val();

  // value helpers (sema.cpp)
  Val mk_const(CType* t, u64 v);
  // 128-bit integer constants (Val.hi holds the high half).
  static bool is_int128(const CType* t) { return t && (t->k == TK::Int128 || t->k == TK::UInt128); }
  Val mk_const128(CType* t, unsigned __int128 x);
  unsigned __int128 const_wide(const Val& v);  // a Const's value, extended per its type
  bool overflow_operand_fits(const Val& v, CType* to);
  Val mk_fconst(CType* t, long double f);
  Val mk_stack(CType* t);
  u64 norm_int(CType* t, u64 v);
  bool on_stack(const Val& v) const;
  Val decay(Val v);
  void decay_in_place(Val& v);  // the same without copying the Val (hot paths)
  Val rvalue(Val v);             // lvalue conversion + array/function decay
  void materialize(Val& v);      // push onto the CG stack (rvalue; aggregates as address)
  void materialize2(Val& a, Val& b);
  void rvalue2(Val& a, Val& b);
  void push_address(Val& v);     // Lval -> its address on the stack (k stays Lval, base Stack)
  Val convert(Val v, CType* to, bool explicit_cast = false);
  Val cast_to(Val v, CType* to, CfreeLoc loc);
  Val assign_convert(Val v, CType* to, CfreeLoc loc, const char* ctx);
  Val to_bool_val(Val v);
  void emit_cond_branch(Val v, bool when_true, CfreeCgLabel l);
  Val arith(Tok op, Val a, Val b, CfreeLoc loc);
  Val compare(Tok op, Val a, Val b, CfreeLoc loc);
  Val logical(bool is_and, Val a, CfreeLoc loc);
  Val conditional(Val c, CfreeLoc loc);
  Val assign(Tok op, Val l, CfreeLoc loc, bool keep);
  void readonly_error(const Val& v, CfreeLoc loc, const char* what);
  std::vector<u8> last_str_;
  std::string fmt_str_;
  size_t fmt_str_idx_ = ~size_t(0);
  u32 last_str_unit_ = 1;
  Val va_arg_expr(CfreeLoc loc);
  Val offsetof_expr(CfreeLoc loc);
  Val builtin_by_name(CfreeSym name, CfreeLoc loc, bool* handled);
  Decl* implicit_func(CfreeSym name, CfreeLoc loc, CType* ty);
  // The type GCC gives an implicitly declared library builtin (memset...), or nullptr.
  CType* implicit_lib_type(CfreeSym name);
  void check_format(Decl* fn, const std::vector<Val>& args, const std::vector<CfreeLoc>& locs, CfreeLoc loc);
  Val incdec(Val v, bool inc, bool post, CfreeLoc loc);
  Val unary_op(Tok op, Val v, CfreeLoc loc);
  Val address_of(Val v, CfreeLoc loc);
  Val deref(Val v, CfreeLoc loc);
  Val ptr_add(Val p, Val n, bool sub, CfreeLoc loc);
  Val ptr_diff(Val a, Val b, CfreeLoc loc);
  void store_into(Val& lv, Val v);   // pops address+value (lv's address must be pushed first by caller pattern)
  Val assign_to(Val lv, Val v, CfreeLoc loc, bool keep);
  void discard(Val v);
  bool check_lvalue(const Val& v, CfreeLoc loc, const char* what);
  Val elem_size_val(CType* elem);
  bool null_ptr_const(const Val& v);
  u32 mem_flags(CType* t);
  CfreeBitField bf_desc(const Field* f);
  void float_bytes(CType* t, long double f, u8* out);
  Val load_var(Decl* d, CfreeLoc loc);
  Val func_name_val();

  // ---- GCC vector extensions (sema_vector.cpp) ----
  CType* apply_vector(CType* t, const Attrs& a, CfreeLoc loc);
  CType* vector_of(CType* elem, u64 bytes, CfreeLoc loc);
  bool vec_convertible(CType* a, CType* b);  // implicit vector <-> vector (same shape, signedness aside)
  CType* vec_cmp_type(CType* v);             // the integer vector a comparison of `v`s yields
  Val vec_binary(Tok op, Val a, Val b, CfreeLoc loc, bool is_cmp);
  Val vec_unary(Tok op, Val v, CfreeLoc loc);
  Val vec_cast(Val v, CType* to, CfreeLoc loc);
  Val vec_to_addr(Val v);                    // vector lvalue -> pointer to its first element
  Val vec_shuffle(CfreeLoc loc);
  Val vec_convertvector(CfreeLoc loc);
  Val vec_operand(Val v, CType* vt, CfreeLoc loc);
  Val vec_elem(const Val& op, CType* vt, u64 i);
  Val vec_result(CType* vt, u64 n, CfreeCgSlot* slot);
  void vec_store_elem(CfreeCgSlot slot, CType* et, u64 i, Val v);

  // ---- complex arithmetic (sema_complex.cpp) ----
  // Complex values are aggregates to the CG: a complex Val is an FConst or
  // an lvalue (a frame temporary for computed results); its parts are
  // scalar lvalues at offsets 0 and sizeof(element).
  Val cx_stable(Val v);                       // off the CG stack (v must be its top)
  Val cx_part(const Val& v, bool imag);       // v stable; a real v has a zero imaginary part
  Val cx_temp(CType* ct);
  void cx_set(const Val& dst, bool imag, Val v);
  Val cx_from_parts(CType* ct, Val re, Val im);  // re/im must not be on the stack
  Val cx_convert(Val v, CType* to);
  Val cx_arith(Tok op, Val a, Val b, CType* ct, CfreeLoc loc);
  Val cx_compare(bool eq, Val a, Val b, CType* ct, CfreeLoc loc);
  Val cx_to_bool(Val v);
  Val cx_unary(Tok op, Val v);
  Val cx_libcall(const char* op, CType* ct, Val ar, Val ai, Val br, Val bi);
  Val cx_int_div(CType* ct, Val ar, Val ai, Val br, Val bi, CfreeLoc loc);
  Val cx_incdec(Val v, bool inc, bool post, CfreeLoc loc);
  CType* cx_cache_[int(TK::Complex) + 1] = {};

  // ---- statements (parse_stmt.cpp) ----
  FuncCtx* fn_ = nullptr;
  void statement();
  void compound_stmt(bool new_scope = true);
  void block_item();
  void ret(bool has_value);  // g.ret, after the -finstrument-functions exit hook
  void profile_hook(const char* name);
  void revive();
  void if_stmt();
  void while_stmt();
  void do_stmt();
  void for_stmt();
  void switch_stmt();
  void case_label();
  void default_label();
  void return_stmt();
  void goto_stmt();
  void asm_stmt();
  Label* find_label(CfreeSym name, CfreeLoc loc, bool define);
  void cond_jump(bool when_true, CfreeCgLabel l);

  std::string func_name_str;
  bool discard_ = false;     // the next top-level assignment's value is unused
  int static_init_ = 0;      // > 0: parsing a static initializer
  bool undeclared_noted_ = false;
  CfreeSym sym_alloca_ = 0;
  size_t arg_ctx_n_ = 0;            // assign_convert context "\x01": argument n of arg_ctx_fname_
  const char* arg_ctx_fname_ = nullptr;
  bool unreachable_ = false;
  const Attrs* lead_attrs_ = nullptr;  // attributes before a block-scope declaration's specifiers
};

}  // namespace cfree::c
