// target.cpp: the registry of code generators, one line per architecture.
//
// A target's CGTarget is created per translation unit over that unit's
// MCEmitter.  Architectures without a code generator yet return nullptr and
// the CG layer reports "code generation for TRIPLE is not implemented yet".
#include "arch/arch.h"
#include "core/compiler.h"

namespace cfree {

std::unique_ptr<CGTarget> cgtarget_new_x86_64(Compiler& c, MCEmitter& mc, const CGOptions& o);

std::unique_ptr<CGTarget> cgtarget_new(Compiler& c, MCEmitter& mc, const CGOptions& o) {
  switch (c.target.arch) {
    case CFREE_ARCH_X86_64: return cgtarget_new_x86_64(c, mc, o);
    default: return nullptr;
  }
}

}  // namespace cfree
