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

  ~CfreeJit();
  cfree::u64 lookup(const char* name) const;
  bool symbolize(cfree::u64 addr, const char** name, cfree::u64* off) const;
};

namespace cfree {
// Map j.img (already set) into fresh memory from j.mem, relocate, protect.
// False after diagnostics.
bool jit_map_image(Compiler& c, CfreeJit& j, const JitResolver& resolve);
}  // namespace cfree
