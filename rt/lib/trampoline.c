/* trampoline.c: heap trampolines for GNU nested functions (x86-64).
 *
 * Taking the address of a nested function that uses its static chain needs
 * a plain code pointer that loads the chain and jumps to the function.  GCC
 * builds it on the (then executable) stack; cfree does what GCC 14's
 * -ftrampoline-impl=heap does instead, so no page is ever writable and
 * executable at once (which `cfree run`'s JIT and hardened systems forbid):
 * the compiler calls __cfree_tramp_new(fn, chain), which hands out one
 * stub of a pool.  A pool block is two pages mapped together: a code page
 * of 128 fixed 16-byte stubs, written once and then made read+execute, and
 * a read/write data page of 128 (chain, fn, owner) slots; stub i is
 *     mov  data[i].chain(%rip), %r10     ; 4c 8b 15 disp32
 *     jmp  *data[i].fn(%rip)             ; ff 25 disp32
 * Slots are reclaimed lazily: a slot whose chain (its creator's frame
 * address) lies below the current stack pointer of the same thread belongs
 * to a frame that is gone -- which also covers longjmp and non-local goto
 * out of the frame -- and a request for the same (fn, chain) reuses its
 * slot, so a loop taking a nested function's address does not grow the pool.
 */
#include "rt.h"

#if defined(__x86_64__)

long __cfree_rt_syscall6(long nr, long a1, long a2, long a3, long a4, long a5, long a6);
void *__cfree_rt_thread_self(void);

enum {
  PAGE = 4096,
  STUBS = 128,       /* data page / sizeof(struct slot) */
  STUB_SIZE = 16,
  MAX_BLOCKS = 4096, /* 524288 live trampolines */
  SYS_MMAP = 9,
  SYS_MPROTECT = 10,
  PROT_READ = 1,
  PROT_WRITE = 2,
  PROT_EXEC = 4,
  MAP_PRIVATE = 2,
  MAP_ANONYMOUS = 0x20
};

struct slot {
  void *chain;
  void *fn;
  void *owner; /* the creating thread (its thread pointer); 0: free */
  void *pad;
};

static unsigned char *blocks[MAX_BLOCKS];
static int n_blocks;
static int lock;

static unsigned char *new_block(void) {
  long p = __cfree_rt_syscall6(SYS_MMAP, 0, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p < 0 && p > -4096) return 0;
  unsigned char *code = (unsigned char *)p;
  for (int i = 0; i < STUBS; i++) {
    unsigned char *s = code + i * STUB_SIZE;
    /* rip-relative displacements from the end of each instruction */
    rt_i32 d_chain = PAGE + i * (int)sizeof(struct slot) - (i * STUB_SIZE + 7);
    rt_i32 d_fn = PAGE + i * (int)sizeof(struct slot) + 8 - (i * STUB_SIZE + 13);
    s[0] = 0x4c, s[1] = 0x8b, s[2] = 0x15;
    for (int k = 0; k < 4; k++) s[3 + k] = (unsigned char)((rt_u32)d_chain >> (8 * k));
    s[7] = 0xff, s[8] = 0x25;
    for (int k = 0; k < 4; k++) s[9 + k] = (unsigned char)((rt_u32)d_fn >> (8 * k));
    s[13] = s[14] = s[15] = 0xcc;
  }
  if (__cfree_rt_syscall6(SYS_MPROTECT, p, PAGE, PROT_READ | PROT_EXEC, 0, 0, 0) != 0) return 0;
  return code;
}

RT_API void *__cfree_tramp_new(void *fn, void *chain) {
  void *self = __cfree_rt_thread_self();
  char *sp = (char *)__builtin_frame_address(0);
  void *result = 0;
  while (__atomic_exchange_n(&lock, 1, __ATOMIC_ACQUIRE)) {
  }
  struct slot *free_slot = 0;
  unsigned char *free_code = 0;
  for (int b = 0; b < n_blocks && !result; b++) {
    struct slot *data = (struct slot *)(blocks[b] + PAGE);
    for (int i = 0; i < STUBS; i++) {
      struct slot *s = &data[i];
      if (s->owner == self) {
        if (s->fn == fn && s->chain == chain) {
          result = blocks[b] + i * STUB_SIZE;
          break;
        }
        if ((char *)s->chain < sp) s->owner = 0; /* its frame is gone */
      }
      if (!s->owner && !free_slot) {
        free_slot = s;
        free_code = blocks[b] + i * STUB_SIZE;
      }
    }
  }
  if (!result) {
    if (!free_slot && n_blocks < MAX_BLOCKS) {
      unsigned char *code = new_block();
      if (code) {
        blocks[n_blocks++] = code;
        free_slot = (struct slot *)(code + PAGE);
        free_code = code;
      }
    }
    if (free_slot) {
      free_slot->chain = chain;
      free_slot->fn = fn;
      free_slot->owner = self;
      result = free_code;
    }
  }
  __atomic_store_n(&lock, 0, __ATOMIC_RELEASE);
  if (!result) __builtin_trap(); /* out of memory */
  return result;
}

/* Release a trampoline before its frame is gone (optional: slots of dead
 * frames are reclaimed by __cfree_tramp_new anyway). */
RT_API void __cfree_tramp_free(void *tramp) {
  while (__atomic_exchange_n(&lock, 1, __ATOMIC_ACQUIRE)) {
  }
  for (int b = 0; b < n_blocks; b++) {
    unsigned char *code = blocks[b];
    if ((unsigned char *)tramp >= code && (unsigned char *)tramp < code + PAGE) {
      ((struct slot *)(code + PAGE))[((unsigned char *)tramp - code) / STUB_SIZE].owner = 0;
      break;
    }
  }
  __atomic_store_n(&lock, 0, __ATOMIC_RELEASE);
}

#endif
