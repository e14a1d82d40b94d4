// target.cpp: the TargetABI of each architecture, and argument register
// names for dumps and tests (the register numbering of abi.h).
#include "abi/abi.h"

namespace cfree::abi {

const TargetABI& target_abi(CfreeArch arch) {
  switch (arch) {
    case CFREE_ARCH_AARCH64: return aarch64_abi();
    case CFREE_ARCH_RISCV64: return riscv64_abi();
    default: return x86_64_abi();
  }
}

const char* gpr_arg_name(CfreeArch arch, u32 reg, bool is_return) {
  static constexpr const char* x86[] = {"rdi", "rsi", "rdx", "rcx", "r8", "r9"};
  static constexpr const char* x86r[] = {"rax", "rdx"};
  static constexpr const char* a64[] = {"x0", "x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8"};
  static constexpr const char* rv[] = {"a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7"};
  switch (arch) {
    case CFREE_ARCH_X86_64:
      if (is_return) return reg < 2 ? x86r[reg] : "?";
      return reg < 6 ? x86[reg] : "?";
    case CFREE_ARCH_AARCH64: return reg < 9 ? a64[reg] : "?";
    case CFREE_ARCH_RISCV64: return reg < 8 ? rv[reg] : "?";
    default: return "?";
  }
}

const char* fpr_arg_name(CfreeArch arch, u32 reg) {
  static constexpr const char* x86[] = {"xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7"};
  static constexpr const char* a64[] = {"v0", "v1", "v2", "v3", "v4", "v5", "v6", "v7"};
  static constexpr const char* rv[] = {"fa0", "fa1", "fa2", "fa3", "fa4", "fa5", "fa6", "fa7"};
  if (reg >= 8) return "?";
  switch (arch) {
    case CFREE_ARCH_X86_64: return x86[reg];
    case CFREE_ARCH_AARCH64: return a64[reg];
    case CFREE_ARCH_RISCV64: return rv[reg];
    default: return "?";
  }
}

}  // namespace cfree::abi
