// intern.cpp: open-addressed interning table (see intern.h).
#include "core/intern.h"

namespace cfree {

Interner::Interner(const CfreeHeap& heap) : strings_(heap, 256 * 1024) {
  entries_.reserve(4096);
  entries_.push_back({"", 0, fnv1a("", 0)});
  table_.assign(8192, 0);
  mask_ = 8191;
}

// A table slot is (hash << 32 | id): probes that meet another string's
// slot are rejected without touching its entry (a cache miss each on a
// large table), and a hit reads the entry only to compare the bytes.
Sym Interner::intern(const char* s, size_t n, u32 hash) {
  if (n == 0) return 0;
  u32 i = hash & mask_;
  for (;;) {
    u64 slot = table_[i];
    if (slot == 0) break;
    if (static_cast<u32>(slot >> 32) == hash) {
      Sym id = static_cast<Sym>(slot);
      const Entry& e = entries_[id];
      if (e.len == n && std::memcmp(e.str, s, n) == 0) return id;
    }
    i = (i + 1) & mask_;
  }
  Sym id = static_cast<Sym>(entries_.size());
  entries_.push_back({strings_.dup(s, n), static_cast<u32>(n), hash});
  table_[i] = u64(hash) << 32 | id;
  if (entries_.size() * 2 > table_.size()) grow();
  return id;
}

Sym Interner::find(const char* s, size_t n) const {
  if (n == 0) return 0;
  u32 hash = fnv1a(s, n);
  for (u32 i = hash & mask_;; i = (i + 1) & mask_) {
    u64 slot = table_[i];
    if (slot == 0) return 0;
    if (static_cast<u32>(slot >> 32) != hash) continue;
    Sym id = static_cast<Sym>(slot);
    const Entry& e = entries_[id];
    if (e.len == n && std::memcmp(e.str, s, n) == 0) return id;
  }
}

void Interner::grow() {
  std::vector<u64> t(table_.size() * 2, 0);
  u32 mask = static_cast<u32>(t.size() - 1);
  for (u32 id = 1; id < entries_.size(); id++) {
    u32 h = entries_[id].hash;
    u32 i = h & mask;
    while (t[i]) i = (i + 1) & mask;
    t[i] = u64(h) << 32 | id;
  }
  table_.swap(t);
  mask_ = mask;
}

}  // namespace cfree
