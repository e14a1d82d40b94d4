// reloc_table.cpp: each target's ELF relocation numbers, names and the
// generic kind (obj.h RelocKind) each one computes.
//
// Sources: the x86-64 psABI §4.4 "Relocation Types" (table 4.9 and the TLS
// additions), the ELF for the Arm 64-bit Architecture (AAELF64) §5.7, and
// the RISC-V ELF psABI "Relocations" chapter.  The first entry for a kind is
// the one a generic request maps to (so R_X86_64_PLT32 for Plt32).  Names
// are what GNU objdump -r prints.
#include "obj/obj.h"

#include <cstring>

namespace cfree {

namespace {

using K = RelocKind;

constexpr RelocName kX86_64[] = {
    {0, K::None, "R_X86_64_NONE"},
    {1, K::Abs64, "R_X86_64_64"},
    {2, K::Pc32, "R_X86_64_PC32"},
    {3, K::Got32, "R_X86_64_GOT32"},
    {4, K::Plt32, "R_X86_64_PLT32"},
    {5, K::Copy, "R_X86_64_COPY"},
    {6, K::GlobDat, "R_X86_64_GLOB_DAT"},
    {7, K::JumpSlot, "R_X86_64_JUMP_SLOT"},
    {8, K::Relative, "R_X86_64_RELATIVE"},
    {9, K::GotPcRel, "R_X86_64_GOTPCREL"},
    {10, K::Abs32, "R_X86_64_32"},
    {11, K::Abs32S, "R_X86_64_32S"},
    {12, K::Abs16, "R_X86_64_16"},
    {13, K::Pc16, "R_X86_64_PC16"},
    {14, K::Abs8, "R_X86_64_8"},
    {15, K::Pc8, "R_X86_64_PC8"},
    {16, K::DtpMod64, "R_X86_64_DTPMOD64"},
    {17, K::DtpOff64, "R_X86_64_DTPOFF64"},
    {18, K::TpOff64, "R_X86_64_TPOFF64"},
    {19, K::TlsGd, "R_X86_64_TLSGD"},
    {20, K::TlsLd, "R_X86_64_TLSLD"},
    {21, K::DtpOff32, "R_X86_64_DTPOFF32"},
    {22, K::GotTpOff, "R_X86_64_GOTTPOFF"},
    {23, K::TpOff32, "R_X86_64_TPOFF32"},
    {24, K::Pc64, "R_X86_64_PC64"},
    {25, K::GotOff64, "R_X86_64_GOTOFF64"},
    {26, K::GotPc32, "R_X86_64_GOTPC32"},
    {27, K::Got64, "R_X86_64_GOT64"},
    {28, K::Other, "R_X86_64_GOTPCREL64"},
    {29, K::GotPc64, "R_X86_64_GOTPC64"},
    {30, K::Other, "R_X86_64_GOTPLT64"},
    {31, K::PltOff64, "R_X86_64_PLTOFF64"},
    {32, K::Size32, "R_X86_64_SIZE32"},
    {33, K::Size64, "R_X86_64_SIZE64"},
    {34, K::GotPc32TlsDesc, "R_X86_64_GOTPC32_TLSDESC"},
    {35, K::TlsDescCall, "R_X86_64_TLSDESC_CALL"},
    {36, K::TlsDesc, "R_X86_64_TLSDESC"},
    {37, K::IRelative, "R_X86_64_IRELATIVE"},
    {38, K::Other, "R_X86_64_RELATIVE64"},
    {41, K::GotPcRelX, "R_X86_64_GOTPCRELX"},
    {42, K::RexGotPcRelX, "R_X86_64_REX_GOTPCRELX"},
};

constexpr RelocName kAArch64[] = {
    {0, K::None, "R_AARCH64_NONE"},
    {257, K::Abs64, "R_AARCH64_ABS64"},
    {258, K::Abs32, "R_AARCH64_ABS32"},
    {259, K::Abs16, "R_AARCH64_ABS16"},
    {260, K::Pc64, "R_AARCH64_PREL64"},
    {261, K::Pc32, "R_AARCH64_PREL32"},
    {262, K::Pc16, "R_AARCH64_PREL16"},
    {275, K::Other, "R_AARCH64_ADR_PREL_PG_HI21"},
    {277, K::Other, "R_AARCH64_ADD_ABS_LO12_NC"},
    {278, K::Other, "R_AARCH64_LDST8_ABS_LO12_NC"},
    {279, K::Other, "R_AARCH64_TSTBR14"},
    {280, K::Other, "R_AARCH64_CONDBR19"},
    {282, K::Other, "R_AARCH64_JUMP26"},
    {283, K::Plt32, "R_AARCH64_CALL26"},
    {284, K::Other, "R_AARCH64_LDST16_ABS_LO12_NC"},
    {285, K::Other, "R_AARCH64_LDST32_ABS_LO12_NC"},
    {286, K::Other, "R_AARCH64_LDST64_ABS_LO12_NC"},
    {299, K::Other, "R_AARCH64_LDST128_ABS_LO12_NC"},
    {311, K::Other, "R_AARCH64_ADR_GOT_PAGE"},
    {312, K::Other, "R_AARCH64_LD64_GOT_LO12_NC"},
    {1024, K::Copy, "R_AARCH64_COPY"},
    {1025, K::GlobDat, "R_AARCH64_GLOB_DAT"},
    {1026, K::JumpSlot, "R_AARCH64_JUMP_SLOT"},
    {1027, K::Relative, "R_AARCH64_RELATIVE"},
    {1032, K::IRelative, "R_AARCH64_IRELATIVE"},
};

constexpr RelocName kRiscv64[] = {
    {0, K::None, "R_RISCV_NONE"},
    {1, K::Abs32, "R_RISCV_32"},
    {2, K::Abs64, "R_RISCV_64"},
    {3, K::Relative, "R_RISCV_RELATIVE"},
    {4, K::Copy, "R_RISCV_COPY"},
    {5, K::JumpSlot, "R_RISCV_JUMP_SLOT"},
    {16, K::Other, "R_RISCV_BRANCH"},
    {17, K::Other, "R_RISCV_JAL"},
    {18, K::Other, "R_RISCV_CALL"},
    {19, K::Plt32, "R_RISCV_CALL_PLT"},
    {20, K::Other, "R_RISCV_GOT_HI20"},
    {23, K::Other, "R_RISCV_PCREL_HI20"},
    {24, K::Other, "R_RISCV_PCREL_LO12_I"},
    {25, K::Other, "R_RISCV_PCREL_LO12_S"},
    {26, K::Other, "R_RISCV_HI20"},
    {27, K::Other, "R_RISCV_LO12_I"},
    {28, K::Other, "R_RISCV_LO12_S"},
    {35, K::Other, "R_RISCV_ADD32"},
    {36, K::Other, "R_RISCV_ADD64"},
    {39, K::Other, "R_RISCV_SUB32"},
    {40, K::Other, "R_RISCV_SUB64"},
    {44, K::Other, "R_RISCV_RVC_BRANCH"},
    {45, K::Other, "R_RISCV_RVC_JUMP"},
    {51, K::Other, "R_RISCV_RELAX"},
    {57, K::Pc32, "R_RISCV_32_PCREL"},
    {58, K::IRelative, "R_RISCV_IRELATIVE"},
};

}  // namespace

std::span<const RelocName> reloc_table(CfreeArch arch) {
  switch (arch) {
    case CFREE_ARCH_X86_64: return kX86_64;
    case CFREE_ARCH_AARCH64: return kAArch64;
    case CFREE_ARCH_RISCV64: return kRiscv64;
    default: return {};
  }
}

const char* reloc_name(CfreeArch arch, u32 type) {
  for (const RelocName& r : reloc_table(arch))
    if (r.type == type) return r.name;
  return nullptr;
}

}  // namespace cfree
