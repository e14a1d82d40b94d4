// arena.h: bump allocation for per-TU and per-function data.
//
// An Arena hands out memory from large chunks and frees it all at once
// (reset or destruction); nothing allocated in it has its destructor run, so
// only trivially destructible data belongs here.  Chunks come from the host
// heap (CfreeHeap) so an embedding program controls all memory.
#pragma once

#include "core/base.h"

#include <cfree.h>
#include <new>
#include <type_traits>

namespace cfree {

class Arena {
 public:
  explicit Arena(const CfreeHeap& heap, size_t chunk_size = 64 * 1024);
  ~Arena();
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;

  void* alloc(size_t size, size_t align = alignof(std::max_align_t)) {
    uintptr_t p = (cur_ + (align - 1)) & ~(uintptr_t)(align - 1);
    if (p + size <= end_) {
      cur_ = p + size;
      return reinterpret_cast<void*>(p);
    }
    return alloc_slow(size, align);
  }

  template <class T, class... Args>
  T* make(Args&&... args) {
    static_assert(std::is_trivially_destructible_v<T>, "arena objects are never destroyed");
    return new (alloc(sizeof(T), alignof(T))) T(static_cast<Args&&>(args)...);
  }

  template <class T>
  T* alloc_array(size_t n) {
    static_assert(std::is_trivially_destructible_v<T>, "arena objects are never destroyed");
    T* p = static_cast<T*>(alloc(sizeof(T) * (n ? n : 1), alignof(T)));
    for (size_t i = 0; i < n; i++) new (p + i) T();
    return p;
  }

  // Copy a byte string into the arena, NUL-terminated.
  char* dup(const char* s, size_t len);

  // Free everything but the first chunk.
  void reset();
  size_t bytes_allocated() const { return total_; }

 private:
  struct Chunk {
    Chunk* next;
    size_t size;
  };
  void* alloc_slow(size_t size, size_t align);

  CfreeHeap heap_;
  size_t chunk_size_;
  Chunk* head_ = nullptr;
  uintptr_t cur_ = 0, end_ = 0;
  size_t total_ = 0;
};

}  // namespace cfree
