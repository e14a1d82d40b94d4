/* malloc.c: the allocator of cfree's static C library (C11 7.22.3).
 * Size classes of powers of two from 16 bytes to 256 KiB, each with a free
 * list; blocks are carved from 4 MiB regions obtained with mmap.  Larger
 * requests get their own mapping, returned to the system by free.  Every
 * block has a 16-byte header: its usable size and, for blocks handed out by
 * aligned_alloc, the distance back to the block that holds it.
 * Single-threaded, as the rest of the library. */
#include "libc.h"
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

struct hdr {
  size_t size;   /* usable bytes after the header */
  size_t back;   /* aligned_alloc: bytes back to the holding block's payload; else 0 */
};

#define NCLASS 15 /* 16 << 14 = 256 KiB */
#define MAXSMALL ((size_t)16 << (NCLASS - 1))
#define REGION (4u << 20)

static void* free_list[NCLASS];
static char *region, *region_end;

static int class_of(size_t n) {
  int c = 0;
  size_t s = 16;
  while (s < n) {
    s <<= 1;
    c++;
  }
  return c;
}

static void* os_alloc(size_t n) {
  void* p = mmap(0, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  return p == MAP_FAILED ? 0 : p;
}

RT_WEAK void* malloc(size_t n) {
  if (n > MAXSMALL) {
    if (n > ((size_t)1 << 62)) {
      errno = ENOMEM;
      return 0;
    }
    size_t total = (n + sizeof(struct hdr) + 4095) & ~(size_t)4095;
    struct hdr* h = os_alloc(total);
    if (!h) {
      errno = ENOMEM;
      return 0;
    }
    h->size = total - sizeof(struct hdr);
    h->back = 0;
    return h + 1;
  }
  int c = class_of(n ? n : 1);
  size_t sz = (size_t)16 << c;
  void* p = free_list[c];
  if (p) {
    free_list[c] = *(void**)p;
    return p;
  }
  if ((size_t)(region_end - region) < sz + sizeof(struct hdr)) {
    char* r = os_alloc(REGION);
    if (!r) {
      errno = ENOMEM;
      return 0;
    }
    region = r;
    region_end = r + REGION;
  }
  struct hdr* h = (struct hdr*)region;
  region += sz + sizeof(struct hdr);
  h->size = sz;
  h->back = 0;
  return h + 1;
}

RT_WEAK void free(void* p) {
  if (!p) return;
  struct hdr* h = (struct hdr*)p - 1;
  if (h->back) {
    free((char*)p - h->back);
    return;
  }
  if (h->size > MAXSMALL) {
    munmap(h, h->size + sizeof(struct hdr));
    return;
  }
  int c = class_of(h->size);
  *(void**)p = free_list[c];
  free_list[c] = p;
}

RT_WEAK size_t malloc_usable_size(void* p) { return p ? ((struct hdr*)p - 1)->size : 0; }

RT_WEAK void* calloc(size_t n, size_t m) {
  size_t t;
  if (__builtin_mul_overflow(n, m, &t)) {
    errno = ENOMEM;
    return 0;
  }
  void* p = malloc(t);
  if (p && t <= MAXSMALL) memset(p, 0, t);  /* fresh mappings are already zero */
  return p;
}

RT_WEAK void* realloc(void* p, size_t n) {
  if (!p) return malloc(n);
  struct hdr* h = (struct hdr*)p - 1;
  size_t have = h->size;
  if (!h->back && n <= have && (have <= 16 || n > have / 4)) return p;
  void* q = malloc(n);
  if (!q) return 0;
  memcpy(q, p, n < have ? n : have);
  free(p);
  return q;
}

RT_WEAK void* reallocarray(void* p, size_t n, size_t m) {
  size_t t;
  if (__builtin_mul_overflow(n, m, &t)) {
    errno = ENOMEM;
    return 0;
  }
  return realloc(p, t);
}

RT_WEAK void* aligned_alloc(size_t align, size_t n) {
  if (align <= 16) return malloc(n);
  if (align & (align - 1)) {
    errno = EINVAL;
    return 0;
  }
  char* raw = malloc(n + align + sizeof(struct hdr));
  if (!raw) return 0;
  char* a = (char*)(((uintptr_t)raw + sizeof(struct hdr) + align - 1) & -(uintptr_t)align);
  struct hdr* h = (struct hdr*)a - 1;
  h->size = n;
  h->back = (size_t)(a - raw);
  return a;
}
RT_WEAK void* memalign(size_t align, size_t n) { return aligned_alloc(align, n); }
RT_WEAK int posix_memalign(void** r, size_t align, size_t n) {
  void* p = aligned_alloc(align, n);
  if (!p) return errno;
  *r = p;
  return 0;
}
