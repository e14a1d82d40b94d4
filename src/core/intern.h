// intern.h: the symbol interner.
//
// A Sym is a 32-bit id for a byte string; equal strings get equal ids, so
// comparing identifiers, section names or symbol names is an integer compare.
// One Interner hangs off each Compiler (no global pool).  Strings live in
// chunked storage that never moves, so str() pointers stay valid for the
// interner's lifetime.  The table is open-addressed with the FNV-1a hash
// stored beside each entry; a lexer that hashes while scanning passes the
// hash in and the lookup costs one probe in the common case.
#pragma once

#include "core/arena.h"

#include <vector>

namespace cfree {

using Sym = u32;

inline u32 fnv1a(const char* s, size_t n) {
  u32 h = 2166136261u;
  for (size_t i = 0; i < n; i++) {
    h ^= static_cast<u8>(s[i]);
    h *= 16777619u;
  }
  return h;
}

class Interner {
 public:
  explicit Interner(const CfreeHeap& heap);
  Sym intern(const char* s, size_t n) { return intern(s, n, fnv1a(s, n)); }
  Sym intern(const char* s) { return intern(s, std::strlen(s)); }
  Sym intern(const char* s, size_t n, u32 hash);
  // Returns 0 if the string was never interned.
  Sym find(const char* s, size_t n) const;
  const char* str(Sym s) const { return entries_[s].str; }
  u32 len(Sym s) const { return entries_[s].len; }
  u32 size() const { return static_cast<u32>(entries_.size()); }

 private:
  struct Entry {
    const char* str;
    u32 len;
    u32 hash;
  };
  void grow();

  Arena strings_;
  std::vector<Entry> entries_;  // index = Sym; entry 0 is ""
  std::vector<u64> table_;      // 0 = empty, else hash << 32 | Sym (Sym != 0)
  u32 mask_ = 0;
};

}  // namespace cfree
