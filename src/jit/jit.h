// jit.h: the JIT's private model -- a LinkImage mapped into memory
// (CfreeJit) and the session that compiles and links into one
// (CfreeJitSession).  See jit.cpp for the mapping rules and jit_api.cpp for
// the public entry points (include/cfree.h, "JIT").
#pragma once

#include "core/base.h"
#include "link/link.h"

#include <cfree.h>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace cfree {

struct Compiler;

struct JitFunc {
  u64 addr;
  const char* name;  // points into the image's symbol table
};

// Resolves a name the image imports to an address (0: not found).
using JitResolver = std::function<u64(const char*)>;

// Whether the host's executable memory can go from RW to RX.  Never
// executes the probe page.
bool jit_probe_exec_mem(const CfreeExecMem& m);

// One image's thread-local storage (tls.cpp).
struct JitTls {
  CfreeJitHost host{};
  CfreeHeap heap{};
  uintptr_t key = 0;
  bool created = false;
  u64 memsz = 0;
  std::vector<u8> tmpl;  // .tdata contents, then zeros to memsz
  ~JitTls();
};

}  // namespace cfree

struct CfreeJit {
  CfreeExecMem mem{};
  std::unique_ptr<cfree::LinkImage> img;
  cfree::u8* base = nullptr;  // mapping
  size_t span = 0;
  cfree::u64 bias = 0;        // runtime address = bias + image address
  std::vector<cfree::JitFunc> funcs;  // sorted by address
  std::unordered_map<std::string, cfree::u64> exports;
  std::vector<cfree::u64> preinit, init, fini;
  bool inited = false, finished = false;
  std::unique_ptr<cfree::JitTls> tls;

  ~CfreeJit();
  cfree::u64 lookup(const char* name) const;
  bool symbolize(cfree::u64 addr, const char** name, cfree::u64* off) const;
};

namespace cfree {
// Map j.img (already set) into fresh memory from j.mem, relocate, protect.
// False after diagnostics.
bool jit_map_image(Compiler& c, CfreeJit& j, const JitResolver& resolve, const CfreeJitHost& host);

// tls.cpp
bool jit_tls_init(Compiler& c, CfreeJit& j, const CfreeJitHost& host);
size_t jit_tls_stub_space();
bool jit_tls_rewrite(Compiler& c, CfreeJit& j, u64 bias, u8* stubs, u64 stubs_addr,
                     const std::vector<u64>& tpoff_slots);
void* jit_tls_block(JitTls* t);
void* jit_tls_get_addr(const u64* ti);
}  // namespace cfree
