// tls.cpp: _Thread_local in JIT code (x86-64).
//
// A JIT image cannot join glibc's static TLS block (its size is fixed when
// the process starts), so each image gets its own TLS block per thread,
// allocated on a thread's first access from the PT_TLS template and found
// through a host thread-specific key (CfreeJitHost.tls_*: pthread keys in
// the driver; the key's destructor frees the block at thread exit).
//
// Two access models reach it:
//   - initial-exec, which cfree's own code generator emits:
//         mov %fs:0, %r              64 REX 8b modrm(reg,rm=100) 25 00000000
//         add x@gottpoff(%rip), %r   REX 03 modrm(reg,rm=101) disp32
//     The GOT slot (an R_X86_64_TPOFF64 record) receives the variable's
//     offset in the block, and each such 16-byte pair -- recognised exactly,
//     and only when its displacement lands on a TPOFF64 slot -- is rewritten
//     while the code is still writable into
//         mov x@got(%rip), %r        (7 bytes: the offset)
//         call tls_stub_r            (5 bytes)
//         nopl 0(%rax)               (4 bytes)
//     where tls_stub_r (generated into an extra page after the image) adds
//     the calling thread's block address to %r, preserving every other
//     general and SSE register (flags are clobbered, as the add did);
//   - general-dynamic (objects from other compilers built with -fPIC):
//     R_X86_64_DTPMOD64 slots receive the image's JitTls pointer,
//     DTPOFF64 slots the offset, and __tls_get_addr resolves to
//     jit_tls_get_addr below.
// The stub's call pushes a return address below %rsp: code that keeps live
// data in the red zone across a TLS access would be clobbered (cfree's code
// generator allocates its frame and does not).
#include "jit/jit.h"

#include "core/compiler.h"
#include "obj/elf.h"

#include <algorithm>
#include <cstring>

using namespace cfree;
using namespace cfree::elf;

namespace {

struct BlockHeader {
  CfreeHeap heap;
  size_t size;
  size_t pad;  // keeps the block 16-aligned after the header
};

void free_block(void* p) {
  if (!p) return;
  BlockHeader* h = static_cast<BlockHeader*>(p) - 1;
  CfreeHeap heap = h->heap;
  heap.free(heap.ctx, h, h->size);
}

}  // namespace

namespace cfree {

void* jit_tls_block(JitTls* t) {
  if (void* b = t->host.tls_get(t->host.ctx, t->key)) return b;
  size_t size = sizeof(BlockHeader) + static_cast<size_t>(t->memsz) + 16;
  auto* h = static_cast<BlockHeader*>(t->heap.alloc(t->heap.ctx, size, 16));
  if (!h) return nullptr;
  h->heap = t->heap;
  h->size = size;
  u8* b = reinterpret_cast<u8*>(h + 1);
  std::memset(b, 0, static_cast<size_t>(t->memsz));
  if (!t->tmpl.empty()) std::memcpy(b, t->tmpl.data(), t->tmpl.size());
  t->host.tls_set(t->host.ctx, t->key, b);
  return b;
}

void* jit_tls_get_addr(const u64* ti) {
  u8* b = static_cast<u8*>(jit_tls_block(reinterpret_cast<JitTls*>(ti[0])));
  return b ? b + ti[1] : nullptr;
}

JitTls::~JitTls() {
  if (!created) return;
  // This thread's block; other live threads' blocks are freed at their exit
  // by the key destructor only while the key exists, so they are released
  // here as far as the host lets us see them (the current thread).
  void* b = host.tls_get(host.ctx, key);
  host.tls_set(host.ctx, key, nullptr);
  free_block(b);
  host.tls_key_delete(host.ctx, key);
}

bool jit_tls_init(Compiler& c, CfreeJit& j, const CfreeJitHost& host) {
  const LinkImage& img = *j.img;
  const LinkSegment* tls = nullptr;
  for (const LinkSegment& s : img.segments)
    if (s.type == PT_TLS && s.memsz) tls = &s;
  if (!tls) return true;
  if (!host.tls_key_create || !host.tls_get || !host.tls_set || !host.tls_key_delete) {
    c.error(0, "_Thread_local variables in JIT code need thread-local storage hooks from the host "
               "(CfreeJitHost.tls_*)");
    return false;
  }
  auto t = std::make_unique<JitTls>();
  t->host = host;
  t->heap = c.env.heap;
  t->memsz = tls->memsz;
  t->tmpl.assign(static_cast<size_t>(tls->filesz), 0);
  for (const LinkSection& s : img.sections) {
    if (!(s.flags & SECF_TLS) || s.type == SHT_NOBITS || s.bytes.empty()) continue;
    u64 off = s.addr - tls->vaddr;
    if (off + s.bytes.size() <= t->tmpl.size()) std::memcpy(t->tmpl.data() + off, s.bytes.data(), s.bytes.size());
  }
  if (host.tls_key_create(host.ctx, free_block, &t->key) != 0) {
    c.error(0, "cannot create a thread-local storage key for JIT code");
    return false;
  }
  t->created = true;
  j.tls = std::move(t);
  return true;
}

// The stub for register r: %r += jit_tls_block(tls), all else preserved.
static size_t emit_stub(u8* p, unsigned r, JitTls* tls) {
  size_t n = 0;
  auto b = [&](std::initializer_list<u8> v) {
    for (u8 x : v) p[n++] = x;
  };
  auto imm64 = [&](u64 v) {
    put64(p + n, v);
    n += 8;
  };
  b({0x53});                    // push %rbx
  b({0x48, 0x89, 0xe3});        // mov %rsp,%rbx
  b({0x48, 0x83, 0xe4, 0xf0});  // and $-16,%rsp
  static constexpr u8 kSaved[9] = {0, 1, 2, 6, 7, 8, 9, 10, 11};  // rax rcx rdx rsi rdi r8-r11
  for (u8 g : kSaved) {
    if (g >= 8) b({0x41});
    b({static_cast<u8>(0x50 + (g & 7))});
  }
  b({0x48, 0x81, 0xec, 0x08, 0x01, 0x00, 0x00});  // sub $264,%rsp
  for (unsigned i = 0; i < 16; i++) {  // movdqu %xmmi, 16*i(%rsp)
    b({0xf3});
    if (i >= 8) b({0x44});
    b({0x0f, 0x7f, static_cast<u8>(0x84 | (i & 7) << 3), 0x24});
    put32(p + n, 16 * i);
    n += 4;
  }
  b({0x48, 0xbf});  // mov $tls,%rdi
  imm64(reinterpret_cast<u64>(tls));
  b({0x48, 0xb8});  // mov $jit_tls_block,%rax
  imm64(reinterpret_cast<u64>(&jit_tls_block));
  b({0xff, 0xd0});  // call *%rax
  for (unsigned i = 0; i < 16; i++) {  // movdqu 16*i(%rsp), %xmmi
    b({0xf3});
    if (i >= 8) b({0x44});
    b({0x0f, 0x6f, static_cast<u8>(0x84 | (i & 7) << 3), 0x24});
    put32(p + n, 16 * i);
    n += 4;
  }
  b({0x48, 0x81, 0xc4, 0x08, 0x01, 0x00, 0x00});  // add $264,%rsp
  // Saved registers now sit at 8*k(%rsp), the last pushed (r11) at 0.
  int slot = -1;
  for (int k = 0; k < 9; k++)
    if (kSaved[k] == r) slot = 8 - k;
  if (slot >= 0) {
    b({0x48, 0x01, 0x44, 0x24, static_cast<u8>(8 * slot)});  // add %rax, 8*slot(%rsp)
  } else if (r == 3) {
    b({0x48, 0x01, 0x03});  // add %rax,(%rbx): the saved %rbx
  } else {
    b({static_cast<u8>(0x48 | (r >= 8 ? 1 : 0)), 0x01, static_cast<u8>(0xc0 | (r & 7))});  // add %rax,%r
  }
  for (int k = 8; k >= 0; k--) {
    u8 g = kSaved[k];
    if (g >= 8) b({0x41});
    b({static_cast<u8>(0x58 + (g & 7))});
  }
  b({0x48, 0x89, 0xdc});  // mov %rbx,%rsp
  b({0x5b, 0xc3});        // pop %rbx; ret
  return n;
}

size_t jit_tls_stub_space() { return 16 * 256; }

bool jit_tls_rewrite(Compiler& c, CfreeJit& j, u64 B, u8* stubs, u64 stubs_addr,
                     const std::vector<u64>& tpoff_slots) {
  (void)c;
  if (tpoff_slots.empty() || !j.tls) return true;
  std::vector<u64> slots = tpoff_slots;
  std::sort(slots.begin(), slots.end());
  u64 stub_at[16] = {};
  size_t used = 0;
  for (const LinkSection& s : j.img->sections) {
    if (!(s.flags & SECF_EXEC) || s.type == SHT_NOBITS || s.bytes.size() < 16) continue;
    u8* text = reinterpret_cast<u8*>(B + s.addr);
    for (u64 p = 9; p + 7 <= s.bytes.size(); p++) {
      u8 rex = text[p], mod = text[p + 2];
      if ((rex & 0xfb) != 0x48 || text[p + 1] != 0x03 || (mod & 0xc7) != 0x05) continue;
      u64 insn_end = s.addr + p + 7;
      u64 target = insn_end + static_cast<u64>(static_cast<i64>(static_cast<i32>(get32(text + p + 3))));
      if (!std::binary_search(slots.begin(), slots.end(), target)) continue;
      const u8* q = text + p - 9;
      if (q[0] != 0x64 || q[1] != rex || q[2] != 0x8b || q[3] != ((mod & 0x38) | 0x04) || q[4] != 0x25 ||
          get32(q + 5) != 0)
        continue;
      unsigned r = ((rex >> 2) & 1) << 3 | ((mod >> 3) & 7);
      if (!stub_at[r]) {
        stub_at[r] = stubs_addr + used;
        used += emit_stub(stubs + used, r, j.tls.get());
      }
      u8* w = text + p - 9;
      u64 w_addr = s.addr + p - 9;
      w[0] = rex;  // mov slot(%rip),%r
      w[1] = 0x8b;
      w[2] = mod;
      put32(w + 3, static_cast<u32>(target - (w_addr + 7)));
      w[7] = 0xe8;  // call stub
      put32(w + 8, static_cast<u32>(stub_at[r] - (B + w_addr + 12)));
      w[12] = 0x0f;  // nopl 0(%rax)
      w[13] = 0x1f;
      w[14] = 0x40;
      w[15] = 0x00;
      p += 6;
    }
  }
  return true;
}

}  // namespace cfree
