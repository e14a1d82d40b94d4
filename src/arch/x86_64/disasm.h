// disasm.h: the x86-64 decoder and the AT&T printer (GNU objdump syntax).
//
// The decoder reads the same form table the encoder writes from
// (table.h): prefixes and REX, the opcode map, then the forms indexed under
// that opcode byte are tried in order -- those whose mandatory prefix is
// present first -- until one accepts the ModRM, REX.W and operand-size
// bits.  The result is an Insn (the encoder's own type) plus what a printer
// needs: the form, the length, and where a displacement or branch field is.
// The printer writes GNU objdump's spelling: AT&T operand order, size
// suffixes only where objdump prints them, movzbl/cltq-style names, hex
// immediates masked to the operand size, and branch / RIP-relative targets
// as addresses with an optional symbol.
#pragma once

#include "arch/x86_64/table.h"

#include <string>

namespace cfree::x86 {

struct Decoded {
  Insn insn;
  const Form* form = nullptr;
  u8 len = 0;
  u8 seg = 0;         // segment override prefix byte seen (0: none)
  // Prefix bytes objdump prints as words, in byte order: unused 66
  // ("data16") and the ignored segment overrides 2e/36/3e/26.
  u8 words[4] = {};
  u8 nwords = 0;
  bool rip = false;   // has a RIP-relative memory operand
  bool has_modrm_mem = false;
  u8 rel_size = 0;    // 1 or 4 for branches
};

// Decode one instruction at p (n bytes available).  Returns the length, or
// 0 if the bytes are not an instruction the table knows.
size_t x86_decode(const u8* p, size_t n, Decoded* out);

// Look up a symbol for an address: fills `name` ("f+0x1b" or "f") and
// returns true, or returns false when nothing is known.
struct SymLookup {
  void* ctx = nullptr;
  bool (*lookup)(void* ctx, u64 addr, std::string* name) = nullptr;
};

// Append the AT&T text of a decoded instruction at address `addr`
// ("mov    %rax,%rbx", "call   1b <f+0x1b>").
void x86_format(const Decoded& d, u64 addr, const SymLookup& syms, std::string* out);

}  // namespace cfree::x86
