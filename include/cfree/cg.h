/* cfree/cg.h: the public code-generation API.
 *
 * This is the contract between every frontend (lang/c, lang/toy, the emu
 * lifter) and every backend (the -O0 targets, the optimizer wrapper, future
 * structured targets such as WASM).  It has two halves:
 *
 *  1. Types, layout and ABI (cfree_type_*, cfree_abi_*), scoped to a
 *     CfreeCompiler.  Types are machine-level and target-neutral: integers of
 *     a width and signedness, IEEE/x87 floats, pointers, arrays, records,
 *     functions.  Equal types are equal ids (interned), except records, whose
 *     identity is their creation.  All target facts -- the C scalar profile
 *     (what `long` or `long double` is), sizes, alignments, record layout with
 *     bit-fields, and call classification -- come from the TargetABI behind
 *     these calls (src/abi), never from the frontend.
 *
 *  2. A value stack (cfree_cg_*), scoped to a CfreeCg (one per translation
 *     unit), in the style of TinyCC's vstack: the frontend pushes operands
 *     (constants, addresses of locals and globals), and operations pop their
 *     inputs and push their result.  Addresses stay symbolic until used, so
 *     "push address of local; load" becomes one memory operand.  The CG layer
 *     behind this API (src/api) owns registers, spills and reloads at -O0 and
 *     lowers each operation onto the internal CGTarget (src/arch/<t>), or onto
 *     the optimizer, which records IR and replays it.
 *
 * Conventions:
 *  - "pops A, B" lists operands from the deeper one to the top: for
 *    cfree_cg_store, the address was pushed first and the value last.
 *  - Scalar values on the stack have a type (an integer, float, or pointer
 *    type).  Aggregates (records, arrays, complex) are never values on the
 *    stack: they are handled through their address (copy, call arguments,
 *    returns and va_arg all take/return addresses for aggregates).
 *  - Integer values narrower than 32 bits are kept extended as their type's
 *    signedness says; frontends insert explicit conversions (C promotions are
 *    the frontend's business).
 *  - Every function returns void unless noted; misuse (stack underflow, wrong
 *    kinds) is an internal error reported through the diagnostics engine.
 */
#ifndef CFREE_CG_H
#define CFREE_CG_H

#include <cfree/frontend.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ==== Part 1: types, layout, ABI ========================================== */

typedef uint32_t CfreeType; /* 0 is "no type" */

typedef enum CfreeTypeKind {
  CFREE_TY_NONE = 0,
  CFREE_TY_VOID,
  CFREE_TY_BOOL,   /* C _Bool: 1 byte, values 0/1 */
  CFREE_TY_INT,    /* integer of `bits` (8,16,32,64,128) and signedness */
  CFREE_TY_FLOAT,  /* IEEE binary32/64/128, or x87 80-bit extended (bits=80) */
  CFREE_TY_PTR,    /* pointer to `elem` (elem may be void) */
  CFREE_TY_ARRAY,  /* `count` elements of `elem`; count 0 + flexible flag for C's a[] */
  CFREE_TY_RECORD, /* struct or union */
  CFREE_TY_FUNC,   /* function: return type, params, variadic */
  CFREE_TY_COMPLEX, /* _Complex of a float (or integer, GNU) element */
  CFREE_TY_VECTOR   /* GCC vector_size: `count` (a power of 2) elements of an int/float `elem` */
} CfreeTypeKind;

CfreeType cfree_type_void(CfreeCompiler* c);
CfreeType cfree_type_bool(CfreeCompiler* c);
CfreeType cfree_type_int(CfreeCompiler* c, unsigned bits, int is_signed);
/* bits: 32, 64, 80 (x87 extended, stored in 16 bytes on x86-64) or 128 (binary128). */
CfreeType cfree_type_float(CfreeCompiler* c, unsigned bits);
CfreeType cfree_type_ptr(CfreeCompiler* c, CfreeType elem);
CfreeType cfree_type_array(CfreeCompiler* c, CfreeType elem, uint64_t count);
CfreeType cfree_type_flex_array(CfreeCompiler* c, CfreeType elem); /* C11 T a[] member */
CfreeType cfree_type_complex(CfreeCompiler* c, CfreeType elem);
CfreeType cfree_type_func(CfreeCompiler* c, CfreeType ret, const CfreeType* params, size_t n_params,
                          int variadic);
/* A GCC generic vector (__attribute__((vector_size(N)))): `count` elements
 * of an integer or float type, count a power of 2.  Size is count * element
 * size; alignment is the size on x86-64 and riscv64 and the size capped at
 * 16 bytes on aarch64, as GCC lays them out.  Like records, vectors are
 * aggregates for the value stack (handled through their address); the call
 * classification passes them in vector/FP registers where the ABI does
 * (x86-64: 8- and 16-byte vectors in one XMM register, SSE+SSEUP). */
CfreeType cfree_type_vector(CfreeCompiler* c, CfreeType elem, uint64_t count);

/* --- The C scalar profile of the compiler's target ---------------------- */
typedef enum CfreeCScalar {
  CFREE_C_CHAR = 0, CFREE_C_SCHAR, CFREE_C_UCHAR,
  CFREE_C_SHORT, CFREE_C_USHORT, CFREE_C_INT, CFREE_C_UINT,
  CFREE_C_LONG, CFREE_C_ULONG, CFREE_C_LLONG, CFREE_C_ULLONG,
  CFREE_C_INT128, CFREE_C_UINT128,
  CFREE_C_FLOAT, CFREE_C_DOUBLE, CFREE_C_LDOUBLE,
  CFREE_C_BOOL, CFREE_C_WCHAR, CFREE_C_CHAR16, CFREE_C_CHAR32,
  CFREE_C_SIZE_T, CFREE_C_PTRDIFF_T, CFREE_C_INTPTR_T, CFREE_C_UINTPTR_T,
  CFREE_C_INTMAX_T, CFREE_C_UINTMAX_T, CFREE_C_WINT_T,
  CFREE_C_SCALAR_COUNT
} CfreeCScalar;
/* The machine type of a C scalar on this target (e.g. CFREE_C_LONG -> int64
 * on LP64; CFREE_C_CHAR -> signed int8 on x86-64, unsigned on aarch64/riscv64;
 * CFREE_C_LDOUBLE -> float80 on x86-64, float128 elsewhere). */
CfreeType cfree_type_c_scalar(CfreeCompiler* c, CfreeCScalar s);
/* The type of va_list (an array of one record on x86-64, a record on
 * aarch64 (AAPCS64 §10.1.5: struct __va_list, passed by value), a pointer on
 * riscv64); the frontend declares __builtin_va_list as this. */
CfreeType cfree_type_va_list(CfreeCompiler* c);

/* --- Records ------------------------------------------------------------ */
/* A record is created incomplete (C forward declaration) and completed once
 * with its fields; identity is the creation, so two `struct S` in different
 * scopes are different types.  `tag` is for debug info and diagnostics. */
CfreeType cfree_type_record(CfreeCompiler* c, int is_union, CfreeSym tag);

typedef enum CfreeFieldFlags {
  CFREE_FIELD_BITFIELD = 1,  /* bit_width is meaningful (may be 0: C's `int : 0`) */
  CFREE_FIELD_ANON = 2,      /* anonymous struct/union member (C11) */
  CFREE_FIELD_PACKED = 4     /* __attribute__((packed)) on the member */
} CfreeFieldFlags;

typedef struct CfreeField {
  CfreeSym name;      /* 0 for unnamed bit-fields and anonymous members */
  CfreeType type;     /* for bit-fields: the declared integer (or _Bool/enum underlying) type */
  uint32_t bit_width; /* with CFREE_FIELD_BITFIELD */
  uint32_t align;     /* _Alignas / aligned(N) on the member, 0 if none */
  uint32_t flags;     /* CfreeFieldFlags */
} CfreeField;

typedef struct CfreeRecordAttrs {
  int packed;         /* __attribute__((packed)) on the record */
  uint32_t align;     /* aligned(N) on the record, 0 if none */
  uint32_t max_field_align; /* #pragma pack(N), 0 if none */
  int transparent_union;
} CfreeRecordAttrs;

/* Complete a record.  Returns CFREE_OK, or CFREE_ERR_USAGE (after no
 * diagnostic) if it was already complete or a field type is incomplete. */
CfreeStatus cfree_type_record_complete(CfreeCompiler* c, CfreeType record, const CfreeField* fields,
                                       size_t n_fields, const CfreeRecordAttrs* attrs);

/* --- Queries ------------------------------------------------------------ */
typedef struct CfreeTypeInfo {
  CfreeTypeKind kind;
  unsigned bits;        /* INT: width; FLOAT: 32/64/80/128 */
  int is_signed;        /* INT */
  CfreeType elem;       /* PTR, ARRAY, COMPLEX, VECTOR: element; FUNC: return type */
  uint64_t count;       /* ARRAY, VECTOR: element count */
  int flexible;         /* ARRAY: flexible array member */
  int is_union;         /* RECORD */
  int complete;         /* RECORD: fields given; ARRAY: element complete */
  CfreeSym tag;         /* RECORD */
  size_t n_params;      /* FUNC */
  int variadic;         /* FUNC */
  size_t n_fields;      /* RECORD */
} CfreeTypeInfo;
void cfree_type_info(CfreeCompiler* c, CfreeType t, CfreeTypeInfo* out);
CfreeType cfree_type_func_param(CfreeCompiler* c, CfreeType fn, size_t i);

/* Size and alignment in bytes per the target ABI (0/1 for incomplete and
 * void types; callers diagnose). */
uint64_t cfree_type_size(CfreeCompiler* c, CfreeType t);
uint32_t cfree_type_align(CfreeCompiler* c, CfreeType t);

typedef struct CfreeFieldLayout {
  CfreeSym name;
  CfreeType type;
  uint64_t offset;       /* byte offset of the field, or of its storage unit for bit-fields */
  uint32_t bit_offset;   /* bit-fields: first bit within the storage unit at `offset`, LSB-first */
  uint32_t bit_width;    /* bit-fields: width; 0 otherwise */
  uint32_t storage_size; /* bit-fields: bytes to load/store (1,2,4,8,16) covering the field */
  uint32_t flags;        /* CfreeFieldFlags as given */
} CfreeFieldLayout;
/* Layout of field i (in declaration order) of a complete record. */
CfreeStatus cfree_type_field(CfreeCompiler* c, CfreeType record, size_t i, CfreeFieldLayout* out);

/* --- Call classification (inspectable ABI data) -------------------------- */
typedef enum CfreeAbiPartKind {
  CFREE_ABI_IGNORE = 0,  /* empty record, void */
  CFREE_ABI_GPR,         /* in a general-purpose register */
  CFREE_ABI_FPR,         /* in a floating-point/vector register */
  CFREE_ABI_X87,         /* x86-64: on the x87 stack (long double returns) */
  CFREE_ABI_STACK,       /* in memory in the argument area (byval copy for aggregates) */
  CFREE_ABI_INDIRECT     /* a pointer to a caller-made copy is passed (in GPR `reg`, or on the
                            stack at stack_offset when reg == 0xffffffff) */
} CfreeAbiPartKind;

typedef struct CfreeAbiPart {
  CfreeAbiPartKind kind;
  uint32_t reg;          /* GPR/FPR: register number within its class's argument sequence */
  uint32_t offset;       /* byte offset of this piece within the value */
  uint32_t size;         /* bytes of the value this part carries */
  CfreeType type;        /* the machine type that travels (i64, f64, f32, ...) */
  uint32_t stack_offset; /* STACK: offset in the outgoing argument area */
} CfreeAbiPart;

typedef struct CfreeAbiValue {
  uint32_t n_parts;       /* 0..4 */
  CfreeAbiPart parts[4];
} CfreeAbiValue;

typedef struct CfreeAbiCallInfo {
  CfreeAbiValue ret;      /* for sret: one INDIRECT part */
  int sret;               /* hidden pointer to the return slot */
  uint32_t sret_reg;      /* its GPR number (x86-64: rdi; aarch64: x8) */
  uint32_t stack_size;    /* bytes of outgoing stack arguments */
  uint32_t n_gpr, n_fpr;  /* registers used by named arguments (va_start needs them) */
  size_t n_args;
  CfreeAbiValue* args;    /* n_args entries, owned by the compiler until it is freed */
} CfreeAbiCallInfo;

/* Classify a call to `fn` with `n_args` arguments (more than the prototype's
 * for variadic calls; `arg_types` gives every argument's promoted type, or
 * NULL to use the prototype's).  The result stays valid for the compiler's
 * lifetime. */
CfreeStatus cfree_abi_classify_call(CfreeCompiler* c, CfreeType fn, const CfreeType* arg_types,
                                    size_t n_args, CfreeAbiCallInfo* out);

/* ==== Part 2: the value stack ============================================== */

typedef struct CfreeCg CfreeCg;
typedef uint32_t CfreeCgSym;   /* object-scoped symbol; 0 is none */
typedef uint32_t CfreeCgLabel; /* function-scoped label; 0 is none */
typedef uint32_t CfreeCgSlot;  /* function-scoped frame slot; 0 is none */

/* One CfreeCg per translation unit.  `opts` is borrowed for the call only. */
typedef enum CfreeCgMode {
  CFREE_CG_OBJECT = 0,   /* generate machine code into an object */
  CFREE_CG_SYNTAX_ONLY,  /* accept every call, generate nothing (-fsyntax-only) */
  CFREE_CG_DUMP          /* print each call as text (-emit-cg), generate nothing */
} CfreeCgMode;

CfreeCg* cfree_cg_new(CfreeCompiler* c, const CfreeCompileOptions* opts, CfreeCgMode mode,
                      const char* source_name);
/* Finish the TU: run deferred work (optimizer replay), then write the object
 * (or GNU assembly text if opts->emit_asm; or the dump) to `out`.  `out` may
 * be NULL to discard (SYNTAX_ONLY).  Returns CFREE_ERR_COMPILE if any error
 * was reported during the TU. */
CfreeStatus cfree_cg_finish(CfreeCg* cg, CfreeWriter* out);
void cfree_cg_free(CfreeCg* cg);
CfreeCompiler* cfree_cg_compiler(CfreeCg* cg);
/* Sticky source location for the following operations (line tables, -emit-cg). */
void cfree_cg_set_loc(CfreeCg* cg, CfreeLoc loc);

/* --- Symbols ------------------------------------------------------------ */
typedef enum CfreeSymKind { CFREE_SYM_FUNC = 0, CFREE_SYM_OBJECT, CFREE_SYM_TLS } CfreeSymKind;
typedef enum CfreeBinding { CFREE_BIND_LOCAL = 0, CFREE_BIND_GLOBAL, CFREE_BIND_WEAK } CfreeBinding;
typedef enum CfreeVisibility {
  CFREE_VIS_DEFAULT = 0, CFREE_VIS_HIDDEN, CFREE_VIS_PROTECTED, CFREE_VIS_INTERNAL
} CfreeVisibility;

/* Declare (or find, by name) a symbol of this object.  Later calls with the
 * same name return the same symbol and may upgrade binding/kind (a tentative
 * or extern declaration followed by a definition).  Local (static) symbols
 * with the same name in different scopes are distinct: pass unique=1 to
 * always create a new symbol (the object file keeps the given name). */
CfreeCgSym cfree_cg_symbol(CfreeCg* cg, CfreeSym name, CfreeSymKind kind, CfreeBinding bind,
                           int unique);
void cfree_cg_symbol_set_visibility(CfreeCg* cg, CfreeCgSym sym, CfreeVisibility vis);
/* Alias: `sym` is defined as the same address as `target` (attribute alias). */
void cfree_cg_symbol_alias(CfreeCg* cg, CfreeCgSym sym, CfreeCgSym target);
/* A tentative definition/common symbol (C `int x;` at file scope with -fcommon). */
void cfree_cg_symbol_common(CfreeCg* cg, CfreeCgSym sym, uint64_t size, uint32_t align);

/* --- Data definitions ------------------------------------------------------ */
typedef enum CfreeSection {
  CFREE_SEC_TEXT = 0, CFREE_SEC_DATA, CFREE_SEC_RODATA, CFREE_SEC_BSS,
  CFREE_SEC_TDATA, CFREE_SEC_TBSS, CFREE_SEC_NAMED /* use `name` */
} CfreeSection;

typedef struct CfreeDataDesc {
  CfreeSection section;
  const char* name;     /* CFREE_SEC_NAMED: section name (e.g. ".init_array", "mysec") */
  uint32_t align;
  uint64_t size;        /* total bytes the definition will have */
  int comdat;           /* place in a COMDAT group named after the symbol */
} CfreeDataDesc;

/* Define `sym` as data.  Between begin and end, the bytes are given in order
 * by data_bytes/data_zero/data_addr and must add up to desc->size. */
void cfree_cg_data_begin(CfreeCg* cg, CfreeCgSym sym, const CfreeDataDesc* desc);
void cfree_cg_data_bytes(CfreeCg* cg, const void* bytes, size_t n);
void cfree_cg_data_zero(CfreeCg* cg, uint64_t n);
/* A pointer-sized (or `size`-byte) address of target+addend (a relocation). */
void cfree_cg_data_addr(CfreeCg* cg, CfreeCgSym target, int64_t addend, uint32_t size);
/* The address of a label in the current function (GNU &&label in a static initializer). */
void cfree_cg_data_label_addr(CfreeCg* cg, CfreeCgLabel label);
void cfree_cg_data_end(CfreeCg* cg);
/* An anonymous read-only constant (string literal, float constant);
 * identical contents may be merged. */
CfreeCgSym cfree_cg_const_data(CfreeCg* cg, const void* bytes, size_t n, uint32_t align);

/* --- Functions --------------------------------------------------------------- */
typedef struct CfreeFuncDesc {
  CfreeCgSym sym;
  CfreeType type;        /* a CFREE_TY_FUNC type */
  const char* section;   /* NULL: .text */
  int no_inline, always_inline, is_inline_only;
  int returns_twice;     /* setjmp-like */
  int is_noreturn;
  uint32_t align;        /* aligned(N) on the function; 0: the default (16) */
} CfreeFuncDesc;

/* func_begin while another function is open begins a GNU nested function
 * (GCC's "nested functions"): the enclosing function is suspended until the
 * matching func_end, and the nested one receives a static chain, the frame
 * of the function it is nested in.  Inside it, slots and labels of every
 * enclosing function stay valid: cfree_cg_push_slot_addr on one reaches it
 * through the chain, and cfree_cg_jump to one is a non-local goto (the
 * enclosing frame is restored and its stack reset to its fixed frame).  The
 * nested function's symbol is called directly with cfree_cg_call_chain; its
 * address as a plain function pointer needs a trampoline (the frontend's
 * business: cfree's runtime provides __cfree_tramp_new). */
void cfree_cg_func_begin(CfreeCg* cg, const CfreeFuncDesc* desc);
/* The frame slot holding parameter i (its value was stored there by the
 * prologue; aggregates passed by value live there as a copy).  Valid after
 * func_begin. */
CfreeCgSlot cfree_cg_param_slot(CfreeCg* cg, size_t i);
void cfree_cg_func_end(CfreeCg* cg);
/* Nested functions: pushes the frame of the function `up` levels out of the
 * current one (0: the current function's own frame; 1: its static chain) as
 * a pointer-sized value -- the static chain to pass to a function nested
 * in that one. */
void cfree_cg_push_frame(CfreeCg* cg, unsigned up);
/* Nonzero if the current function has used its static chain so far (an
 * enclosing function's slot or label, or push_frame with up > 0): a nested
 * function that never does can be called through a plain pointer. */
int cfree_cg_func_uses_chain(CfreeCg* cg);
/* GCC's __builtin_setjmp/__builtin_longjmp (the non-local goto primitives,
 * buffer of 5 pointers: frame, resume address, stack pointer).  setjmp pops
 * the buffer's address and pushes 0 (as `result_type`) -- or 1 when control
 * comes back through longjmp, which pops the buffer's address and does not
 * return.  Values on the stack around setjmp are preserved (in memory). */
void cfree_cg_builtin_setjmp(CfreeCg* cg, CfreeType result_type);
void cfree_cg_builtin_longjmp(CfreeCg* cg);

typedef enum CfreeSlotFlags {
  CFREE_SLOT_ADDR_TAKEN = 1, /* address escapes (the optimizer keeps it in memory) */
  CFREE_SLOT_VOLATILE = 2
} CfreeSlotFlags;
/* A frame slot for a local variable or temporary. */
CfreeCgSlot cfree_cg_slot(CfreeCg* cg, uint64_t size, uint32_t align, uint32_t flags);

/* --- Pushing operands ---------------------------------------------------------- */
void cfree_cg_push_int(CfreeCg* cg, CfreeType type, uint64_t bits);     /* integer or pointer constant */
void cfree_cg_push_int128(CfreeCg* cg, CfreeType type, uint64_t lo, uint64_t hi);
/* A float constant from its exact target bytes (ConstBytes: 4, 8, 10/16 or 16 bytes, little-endian). */
void cfree_cg_push_float(CfreeCg* cg, CfreeType type, const void* bytes);
void cfree_cg_push_sym_addr(CfreeCg* cg, CfreeCgSym sym, int64_t addend);  /* pointer to a global/function/TLS */
void cfree_cg_push_slot_addr(CfreeCg* cg, CfreeCgSlot slot, int64_t offset);
void cfree_cg_push_label_addr(CfreeCg* cg, CfreeCgLabel label);  /* GNU &&label */

/* --- Stack manipulation ----------------------------------------------------------- */
void cfree_cg_dup(CfreeCg* cg);            /* duplicate the top value */
void cfree_cg_swap(CfreeCg* cg);           /* swap the two top values */
void cfree_cg_pop(CfreeCg* cg);            /* discard the top value */
/* Bring the value `depth` entries below the top to the top (depth 1 == swap). */
void cfree_cg_rotate(CfreeCg* cg, unsigned depth);
size_t cfree_cg_depth(CfreeCg* cg);        /* number of values on the stack */
/* Change the type of the top value without changing its bits (pointer <-> pointer,
 * pointer <-> same-width integer). */
void cfree_cg_retype(CfreeCg* cg, CfreeType type);

/* --- Memory -------------------------------------------------------------------------- */
typedef enum CfreeMemFlags {
  CFREE_MEM_VOLATILE = 1,
  CFREE_MEM_ATOMIC = 2,
  CFREE_MEM_UNALIGNED = 4,  /* packed member access */
  CFREE_MEM_RESTRICT = 8,
  CFREE_MEM_READONLY = 16
} CfreeMemFlags;

typedef struct CfreeMemAccess {
  uint32_t align; /* known alignment, 0: the type's */
  uint32_t flags; /* CfreeMemFlags */
} CfreeMemAccess;

/* Pops an address; pushes the `type` value loaded from it.  `mem` may be NULL. */
void cfree_cg_load(CfreeCg* cg, CfreeType type, const CfreeMemAccess* mem);
/* Pops address, value; stores value (of `type`) at address. */
void cfree_cg_store(CfreeCg* cg, CfreeType type, const CfreeMemAccess* mem);
/* Pops dst address, src address; copies `size` bytes (non-overlapping). */
void cfree_cg_copy(CfreeCg* cg, uint64_t size, uint32_t align);
/* Pops dst address, byte value (int); fills `size` bytes. */
void cfree_cg_fill(CfreeCg* cg, uint64_t size, uint32_t align);
/* Pops dst address, runtime size (an integer of pointer width), byte value: fills size bytes. */
void cfree_cg_fill_dynamic(CfreeCg* cg);
/* Pops dst, src, runtime size: copies. */
void cfree_cg_copy_dynamic(CfreeCg* cg);

/* Bit-fields: the address is that of the storage unit (CfreeFieldLayout.offset). */
typedef struct CfreeBitField {
  uint32_t storage_size; /* bytes: 1,2,4,8 (16 for __int128 bit-fields) */
  uint32_t bit_offset;   /* LSB-first within the unit */
  uint32_t bit_width;
  int is_signed;
} CfreeBitField;
/* Pops address; pushes the field's value as `type` (extended per is_signed). */
void cfree_cg_bitfield_load(CfreeCg* cg, CfreeType type, const CfreeBitField* bf, const CfreeMemAccess* mem);
/* Pops address, value; stores the low bit_width bits. */
void cfree_cg_bitfield_store(CfreeCg* cg, CfreeType type, const CfreeBitField* bf, const CfreeMemAccess* mem);

/* --- Arithmetic, comparison, conversion ------------------------------------------------ */
typedef enum CfreeBinop {
  CFREE_OP_ADD = 0, CFREE_OP_SUB, CFREE_OP_MUL,
  CFREE_OP_SDIV, CFREE_OP_UDIV, CFREE_OP_SREM, CFREE_OP_UREM,
  CFREE_OP_AND, CFREE_OP_OR, CFREE_OP_XOR,
  CFREE_OP_SHL, CFREE_OP_LSHR, CFREE_OP_ASHR, /* shift count: any integer type */
  CFREE_OP_FADD, CFREE_OP_FSUB, CFREE_OP_FMUL, CFREE_OP_FDIV
} CfreeBinop;
/* Pops a, b; pushes a OP b of `type` (both operands already of `type`, except
 * shift counts; pointer + integer is the frontend's job: scale, then ADD on
 * the pointer type). */
void cfree_cg_binop(CfreeCg* cg, CfreeBinop op, CfreeType type);

typedef enum CfreeUnop { CFREE_OP_NEG = 0, CFREE_OP_NOT, CFREE_OP_FNEG } CfreeUnop;
void cfree_cg_unop(CfreeCg* cg, CfreeUnop op, CfreeType type);

typedef enum CfreeCmp {
  CFREE_CMP_EQ = 0, CFREE_CMP_NE,
  CFREE_CMP_SLT, CFREE_CMP_SLE, CFREE_CMP_SGT, CFREE_CMP_SGE,
  CFREE_CMP_ULT, CFREE_CMP_ULE, CFREE_CMP_UGT, CFREE_CMP_UGE,
  /* floating point: ordered compares are false on NaN; UNE (C's !=) is true on NaN */
  CFREE_CMP_FOEQ, CFREE_CMP_FUNE, CFREE_CMP_FOLT, CFREE_CMP_FOLE, CFREE_CMP_FOGT, CFREE_CMP_FOGE
} CfreeCmp;
/* Pops a, b (both of `operand_type`); pushes (a CMP b) as `result_type` (0 or 1). */
void cfree_cg_cmp(CfreeCg* cg, CfreeCmp cmp, CfreeType operand_type, CfreeType result_type);

typedef enum CfreeConv {
  CFREE_CONV_TRUNC = 0, /* int -> narrower int */
  CFREE_CONV_SEXT,      /* int -> wider int, sign-extending */
  CFREE_CONV_ZEXT,      /* int -> wider int, zero-extending */
  CFREE_CONV_FTOSI,     /* float -> signed int (truncating) */
  CFREE_CONV_FTOUI,     /* float -> unsigned int */
  CFREE_CONV_SITOF,     /* signed int -> float */
  CFREE_CONV_UITOF,     /* unsigned int -> float */
  CFREE_CONV_FEXT,      /* float -> wider float */
  CFREE_CONV_FTRUNC,    /* float -> narrower float */
  CFREE_CONV_BITCAST,   /* same size, reinterpret (int <-> float, pointer <-> int) */
  CFREE_CONV_TOBOOL     /* any scalar -> _Bool (x != 0) */
} CfreeConv;
/* Pops a value; pushes it converted to `to`. */
void cfree_cg_convert(CfreeCg* cg, CfreeConv conv, CfreeType to);

/* --- Control flow --------------------------------------------------------------------- */
CfreeCgLabel cfree_cg_label_new(CfreeCg* cg);
/* Values already on the stack when a branch or jump is emitted (e.g. the
 * callee and earlier arguments around `f(a, b && c)`) are preserved: the CG
 * moves them to memory before any control flow, so they are valid after the
 * label as long as every path to it left the same values below (structured
 * use).  A value *produced* on two paths (C's ?:, &&, ||) must travel through
 * a temporary slot that both paths store to.  */
void cfree_cg_label_place(CfreeCg* cg, CfreeCgLabel label);
void cfree_cg_jump(CfreeCg* cg, CfreeCgLabel label);
/* Pops a scalar; jumps to `label` if (value != 0) == when_true. */
void cfree_cg_branch(CfreeCg* cg, int when_true, CfreeCgLabel label);
/* Pops a, b; jumps to `label` if a CMP b (fused compare-and-branch). */
void cfree_cg_cmp_branch(CfreeCg* cg, CfreeCmp cmp, CfreeType operand_type, CfreeCgLabel label);
/* Pops an address; jumps there (GNU computed goto).  `targets` lists every
 * label whose address was taken in the function, for the optimizer's CFG. */
void cfree_cg_jump_indirect(CfreeCg* cg, const CfreeCgLabel* targets, size_t n_targets);

typedef struct CfreeCase {
  uint64_t lo, hi;     /* inclusive range, as bits of the switch type (GNU case ranges; lo == hi normally) */
  CfreeCgLabel label;
} CfreeCase;
/* Pops the controlling value (of integer `type`); jumps to the matching
 * case or to `default_label`.  The backend picks a jump table or a binary
 * search.  Cases must not overlap. */
void cfree_cg_switch(CfreeCg* cg, CfreeType type, const CfreeCase* cases, size_t n_cases,
                     CfreeCgLabel default_label);

/* Structured scopes: hints for structured targets (WASM), ignored by register
 * targets.  break/continue labels are the frontend's labels. */
typedef enum CfreeScopeKind { CFREE_SCOPE_BLOCK = 0, CFREE_SCOPE_LOOP, CFREE_SCOPE_IF } CfreeScopeKind;
void cfree_cg_scope_begin(CfreeCg* cg, CfreeScopeKind kind, CfreeCgLabel break_label,
                          CfreeCgLabel continue_label);
void cfree_cg_scope_else(CfreeCg* cg);
void cfree_cg_scope_end(CfreeCg* cg);

/* --- Calls and returns ------------------------------------------------------------------- */
/* The callee (a function address: push_sym_addr for direct calls) is pushed
 * first, then the arguments in order.  Pops callee, arg0, ..., argN-1; pushes
 * the result unless the return type is void.
 * Scalar arguments are values; aggregate arguments are addresses of the
 * aggregate (the CG copies per the ABI).  An aggregate result is pushed as
 * the address of a temporary slot holding it.  `arg_types` gives each
 * argument's type (promoted for variadic/unprototyped calls); NULL means the
 * prototype's. */
void cfree_cg_call(CfreeCg* cg, CfreeType fn_type, size_t n_args, const CfreeType* arg_types);
/* A call passing a static chain (a nested function's; see func_begin):
 * pops callee, chain (a pointer value), arg0, ..., argN-1; the chain travels
 * in the target's static chain register (x86-64: r10). */
void cfree_cg_call_chain(CfreeCg* cg, CfreeType fn_type, size_t n_args, const CfreeType* arg_types);
/* Return from the function; pops the value if the function returns non-void
 * (the address of the aggregate for aggregate returns). */
void cfree_cg_ret(CfreeCg* cg);

/* --- Variadic functions, alloca --------------------------------------------------------- */
void cfree_cg_va_start(CfreeCg* cg);                   /* pops the va_list address */
/* Pops the va_list address; pushes the next argument of `type` (for
 * aggregates: the address of a copy). */
void cfree_cg_va_arg(CfreeCg* cg, CfreeType type);
void cfree_cg_va_end(CfreeCg* cg);                     /* pops the va_list address */
void cfree_cg_va_copy(CfreeCg* cg);                    /* pops dst address, src address */
/* Pops a size; pushes a pointer to `size` fresh bytes of stack aligned to
 * `align` (alloca, VLAs).  Freed when the function returns, or at the
 * matching stack_restore. */
void cfree_cg_alloca(CfreeCg* cg, uint32_t align);
/* VLA scopes: push the current stack level (an opaque pointer-sized value);
 * restore pops it. */
void cfree_cg_stack_save(CfreeCg* cg);
void cfree_cg_stack_restore(CfreeCg* cg);

/* --- Atomics ------------------------------------------------------------------------------- */
typedef enum CfreeMemOrder {
  CFREE_ORDER_RELAXED = 0, CFREE_ORDER_CONSUME, CFREE_ORDER_ACQUIRE, CFREE_ORDER_RELEASE,
  CFREE_ORDER_ACQ_REL, CFREE_ORDER_SEQ_CST
} CfreeMemOrder;
typedef enum CfreeAtomicOp {
  CFREE_ATOMIC_XCHG = 0, CFREE_ATOMIC_ADD, CFREE_ATOMIC_SUB, CFREE_ATOMIC_AND,
  CFREE_ATOMIC_OR, CFREE_ATOMIC_XOR, CFREE_ATOMIC_NAND
} CfreeAtomicOp;
void cfree_cg_atomic_load(CfreeCg* cg, CfreeType type, CfreeMemOrder order);   /* pops addr; pushes value */
void cfree_cg_atomic_store(CfreeCg* cg, CfreeType type, CfreeMemOrder order);  /* pops addr, value */
/* Pops addr, value; pushes the OLD value. */
void cfree_cg_atomic_rmw(CfreeCg* cg, CfreeAtomicOp op, CfreeType type, CfreeMemOrder order);
/* Pops addr, expected-address, desired; on failure writes the current value
 * to *expected; pushes 1 on success, 0 on failure (as `result_type`). */
void cfree_cg_atomic_cas(CfreeCg* cg, CfreeType type, int weak, CfreeMemOrder success,
                         CfreeMemOrder failure, CfreeType result_type);
void cfree_cg_fence(CfreeCg* cg, CfreeMemOrder order);

/* --- Intrinsics ------------------------------------------------------------------------------ */
typedef enum CfreeIntrinsic {
  CFREE_INTR_BSWAP = 0,  /* pops x; pushes byte-swapped x (16/32/64) */
  CFREE_INTR_CLZ,        /* pops x; pushes int (undefined for 0) */
  CFREE_INTR_CTZ,
  CFREE_INTR_POPCOUNT,
  CFREE_INTR_PARITY,
  CFREE_INTR_FFS,
  CFREE_INTR_CLRSB,
  CFREE_INTR_TRAP,       /* no operands */
  CFREE_INTR_UNREACHABLE,
  CFREE_INTR_FRAME_ADDRESS,  /* pops level (constant); pushes pointer */
  CFREE_INTR_RETURN_ADDRESS,
  CFREE_INTR_ADD_OVERFLOW,   /* pops a, b; pushes result, then overflow flag (int) on top */
  CFREE_INTR_SUB_OVERFLOW,
  CFREE_INTR_MUL_OVERFLOW,
  CFREE_INTR_PREFETCH,       /* pops address */
  CFREE_INTR_SQRT,           /* pops x; pushes sqrt(x) (float types) */
  CFREE_INTR_FABS
} CfreeIntrinsic;
/* `type` is the operand/result type (for overflow intrinsics: the result type). */
void cfree_cg_intrinsic(CfreeCg* cg, CfreeIntrinsic id, CfreeType type);

/* --- Inline assembly (GCC extended asm) ---------------------------------------------------- */
typedef struct CfreeAsmOperand {
  const char* constraint; /* "=r", "+m", "0", "i", ... */
  CfreeSym name;          /* [name] or 0 */
  CfreeType type;
} CfreeAsmOperand;

typedef struct CfreeAsmDesc {
  const char* tmpl;             /* the template, with %0 / %[name] / %% */
  const CfreeAsmOperand* outputs;
  size_t n_outputs;
  const CfreeAsmOperand* inputs;
  size_t n_inputs;
  const char* const* clobbers;  /* "memory", "cc", register names */
  size_t n_clobbers;
  const CfreeCgLabel* goto_labels; /* asm goto */
  size_t n_goto_labels;
  int is_volatile;
  CfreeLoc loc;
} CfreeAsmDesc;
/* Pops one address per output (in order), then one value per input (in
 * order; "m" inputs are addresses).  Top-level asm (outside functions) has no
 * operands and appends to the current section. */
void cfree_cg_asm(CfreeCg* cg, const CfreeAsmDesc* desc);

/* --- Debug info hooks (-g) -------------------------------------------------------------------- */
/* Optional: a frontend describes its named types and variables for DWARF. */
void cfree_cg_debug_type_name(CfreeCg* cg, CfreeType type, const char* name); /* e.g. "unsigned long" */
void cfree_cg_debug_local(CfreeCg* cg, CfreeSym name, CfreeType type, CfreeCgSlot slot, CfreeLoc loc);
void cfree_cg_debug_scope_begin(CfreeCg* cg);
void cfree_cg_debug_scope_end(CfreeCg* cg);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* CFREE_CG_H */
