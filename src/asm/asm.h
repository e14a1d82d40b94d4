// asm.h: the GNU-as-compatible x86-64 assembler (issue 8, seed §10).
//
// Two entry points share one parser, one directive set and one layout
// engine, and both end in the one x86 encoder (arch/x86_64/encode.h) and the
// MCEmitter / ObjBuilder (there is no second encoder or object model):
//
//   assemble_file    a whole .s file (cfree as, cfree cc foo.s / foo.S after
//                    preprocessing): AT&T syntax, the directives gcc and
//                    hand-written runtime code use, GNU as's jump relaxation
//                    and relocation choices, .cfi_* -> .eh_frame.
//   assemble_inline  a GCC extended-asm template from C (CGTarget.asm_block):
//                    the template is expanded first (%0, %[name], %l[label],
//                    %%, %=, and the modifiers b w k q h c P a z l), then the
//                    resulting AT&T text is assembled into the caller's
//                    MCEmitter at its current section and offset.  Jumps to
//                    local labels inside the block are relaxed within the
//                    block; `asm goto` targets are the caller's MCLabels.
//
// Errors are reported through the Compiler's diagnostics at the source
// location of the offending line ("file:line:col: error: ..."); the entry
// points then return false and leave no partial result worth writing.
#pragma once

#include "arch/mc.h"
#include "arch/x86_64/encode.h"

#include <span>
#include <string>

namespace cfree {
struct Compiler;
}

namespace cfree::as {

// Assemble a whole file into `ob` (which must be empty and for an x86-64
// target).  `name` is used in diagnostics and for the default `.file`.
// On success `ob` is finalized.  Returns false after reporting errors.
bool assemble_file(Compiler& c, ObjBuilder& ob, const char* name, const char* data, size_t size);

// ---- Inline assembly -------------------------------------------------------

// One operand of an extended asm statement, numbered as GCC numbers them
// (outputs first, then inputs).  `op` is what the operand became after
// constraint resolution:
//   Reg  -- %N prints the register at `size` (the modifiers b/w/k/q/h pick
//           another width of the same register);
//   Mem  -- %N prints an AT&T memory reference (base, index, scale, disp; a
//           symbol in `op.sym` with `op.rkind` Pc32 prints as sym+disp(%rip));
//   Imm  -- %N prints $value (%c / %P print the bare value); with op.sym set
//           it is a symbol constant ($sym+addend).
struct InlineOperand {
  Sym name = 0;    // the [name] of the operand, 0 if none
  x86::Operand op;
  u8 size = 0;     // the C operand's size in bytes (%z, default register width)
};

struct InlineAsm {
  const char* text = nullptr;  // the template, as written in C (escapes already decoded)
  size_t len = 0;
  Loc loc = 0;                                  // the asm statement (diagnostics)
  std::span<const InlineOperand> ops;
  std::span<const MCLabel> goto_labels;         // asm goto: %lN, N counted after the operands
  std::span<const Sym> goto_names;              // their C label names (%l[name]), may be empty
  u32 unique = 0;                               // the value of %= (unique per asm instance)
  // Symbols named in the template resolve through this (a C file's static
  // functions and variables are the CG's symbols); nullptr: ob.global(name).
  ObjSymId (*resolve)(void* ctx, Sym name) = nullptr;
  void* resolve_ctx = nullptr;
  // Where symbol operands get their names (assemble_inline sets it; for
  // expand_inline alone, nullptr prints symbol ids).
  const ObjBuilder* ob = nullptr;
};

// Expand the template alone (for tests and `cc -S`).  False after reporting
// an error (bad operand number, unknown modifier, ...).
bool expand_inline(Compiler& c, const InlineAsm& in, std::string* out);

// Expand and assemble into `mc` at its current section.
bool assemble_inline(Compiler& c, MCEmitter& mc, const InlineAsm& in);

}  // namespace cfree::as
