// arena.cpp: chunk management for Arena (see arena.h).
#include "core/arena.h"

#include "core/fatal.h"

namespace cfree {

Arena::Arena(const CfreeHeap& heap, size_t chunk_size) : heap_(heap), chunk_size_(chunk_size) {}

Arena::~Arena() {
  while (head_) {
    Chunk* next = head_->next;
    heap_.free(heap_.ctx, head_, head_->size);
    head_ = next;
  }
}

void* Arena::alloc_slow(size_t size, size_t align) {
  size_t need = sizeof(Chunk) + size + align;
  size_t csize = need > chunk_size_ ? need : chunk_size_;
  void* mem = heap_.alloc(heap_.ctx, csize, alignof(std::max_align_t));
  if (!mem) throw OutOfMemory();
  Chunk* c = static_cast<Chunk*>(mem);
  c->size = csize;
  if (head_ && csize > chunk_size_) {
    // An oversized chunk goes behind the current one so the current chunk's
    // free space stays usable.
    c->next = head_->next;
    head_->next = c;
  } else {
    c->next = head_;
    head_ = c;
  }
  total_ += csize;
  uintptr_t base = reinterpret_cast<uintptr_t>(c + 1);
  uintptr_t p = (base + (align - 1)) & ~(uintptr_t)(align - 1);
  if (head_ == c) {
    cur_ = p + size;
    end_ = reinterpret_cast<uintptr_t>(c) + csize;
  }
  return reinterpret_cast<void*>(p);
}

char* Arena::dup(const char* s, size_t len) {
  char* p = static_cast<char*>(alloc(len + 1, 1));
  if (len) std::memcpy(p, s, len);
  p[len] = 0;
  return p;
}

void Arena::reset() {
  if (!head_) return;
  // Keep the last chunk in the list (the oldest, a regular-sized one).
  Chunk* keep = head_;
  while (keep->next) {
    Chunk* c = keep;
    keep = keep->next;
    heap_.free(heap_.ctx, c, c->size);
  }
  head_ = keep;
  total_ = keep->size;
  cur_ = reinterpret_cast<uintptr_t>(keep + 1);
  end_ = reinterpret_cast<uintptr_t>(keep) + keep->size;
}

}  // namespace cfree
