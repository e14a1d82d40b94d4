// x86_64.cpp: the x86-64 part of the linker -- PLT entries and the
// instruction rewrites behind GOT and TLS relaxation.
//
// PLT entries are the non-lazy form (the image is always bound at load
// time, DF_BIND_NOW): "jmp *slot(%rip)" padded to 16 bytes.  Rewrites follow
// the x86-64 psABI §B.2 (GOTPCRELX) and "ELF Handling For Thread-Local
// Storage" §5.5 (x86-64 code sequences), as GNU ld and lld emit them.
// `off` is the offset of the relocated 32-bit field in the section bytes.
#include "link/impl.h"

namespace cfree::x86_64 {

void write_plt(u8* p, u64 plt_addr, u64 got_slot_addr) {
  static const u8 kEntry[16] = {0xff, 0x25, 0, 0, 0, 0, 0x66, 0x0f, 0x1f, 0x44, 0, 0, 0x0f, 0x1f, 0x40, 0};
  std::memcpy(p, kEntry, 16);
  u32 rel = static_cast<u32>(got_slot_addr - (plt_addr + 6));
  for (int i = 0; i < 4; i++) p[2 + i] = static_cast<u8>(rel >> (8 * i));
}

bool relax_gotpcrelx(u8* d, u64 off, bool) {
  u8& op = d[off - 2];
  u8& modrm = d[off - 1];
  if (op == 0x8b) {  // mov foo@GOTPCREL(%rip), %reg -> lea foo(%rip), %reg
    op = 0x8d;
    return true;
  }
  if (op == 0xff && modrm == 0x15) {  // call *foo@GOTPCREL(%rip) -> addr32 call foo
    op = 0x67;
    modrm = 0xe8;
    return true;
  }
  if (op == 0xff && modrm == 0x25) {  // jmp *foo@GOTPCREL(%rip) -> jmp foo; nop
    op = 0xe9;
    modrm = 0;  // the displacement moves one byte back
    // jmp rel32 is 5 bytes: e9 + disp at off-1; we keep the disp at off and
    // put the nop first instead: 90 e9 disp32.
    d[off - 2] = 0x90;
    d[off - 1] = 0xe9;
    return true;
  }
  return false;
}

// 66 48 8d 3d <x@tlsgd> 66 66 48 e8 <__tls_get_addr@plt>   (or ... 66 48 ff 15 <@gotpcrel>)
static bool gd_sequence(const u8* d, u64 off, u64 size) {
  if (off < 4 || off + 12 > size) return false;
  const u8* p = d + off - 4;
  if (!(p[0] == 0x66 && p[1] == 0x48 && p[2] == 0x8d && p[3] == 0x3d)) return false;
  return (p[8] == 0x66 && p[9] == 0x66 && p[10] == 0x48 && p[11] == 0xe8) ||
         (p[8] == 0x66 && p[9] == 0x48 && p[10] == 0xff && p[11] == 0x15);
}

bool relax_gd_to_le(u8* d, u64 off, u64 size) {
  if (!gd_sequence(d, off, size)) return false;
  static const u8 k[16] = {0x64, 0x48, 0x8b, 0x04, 0x25, 0, 0, 0, 0, 0x48, 0x8d, 0x80, 0, 0, 0, 0};
  std::memcpy(d + off - 4, k, 16);  // mov %fs:0,%rax; lea x@tpoff(%rax),%rax
  return true;
}

bool relax_gd_to_ie(u8* d, u64 off, u64 size) {
  if (!gd_sequence(d, off, size)) return false;
  static const u8 k[16] = {0x64, 0x48, 0x8b, 0x04, 0x25, 0, 0, 0, 0, 0x48, 0x03, 0x05, 0, 0, 0, 0};
  std::memcpy(d + off - 4, k, 16);  // mov %fs:0,%rax; add x@gottpoff(%rip),%rax
  return true;
}

// 48 8d 3d <x@tlsld> e8 <__tls_get_addr@plt>   (or 48 8d 3d <> ff 15 <>)
bool relax_ld_to_le(u8* d, u64 off, u64 size) {
  if (off < 3 || off + 9 > size) return false;
  u8* p = d + off - 3;
  if (!(p[0] == 0x48 && p[1] == 0x8d && p[2] == 0x3d)) return false;
  if (p[7] == 0xe8) {
    static const u8 k[12] = {0x66, 0x66, 0x66, 0x64, 0x48, 0x8b, 0x04, 0x25, 0, 0, 0, 0};
    std::memcpy(p, k, 12);
    return true;
  }
  if (p[7] == 0xff && p[8] == 0x15 && off + 10 <= size) {
    static const u8 k[13] = {0x66, 0x66, 0x66, 0x66, 0x64, 0x48, 0x8b, 0x04, 0x25, 0, 0, 0, 0};
    std::memcpy(p, k, 13);
    return true;
  }
  return false;
}

// mov x@gottpoff(%rip), %reg -> mov $x@tpoff, %reg
// add x@gottpoff(%rip), %reg -> add $x@tpoff, %reg
bool relax_ie_to_le(u8* d, u64 off) {
  if (off < 3) return false;
  u8& rex = d[off - 3];
  u8& op = d[off - 2];
  u8& modrm = d[off - 1];
  u8 reg = (modrm >> 3) & 7;
  bool has_rex = (rex & 0xf0) == 0x40;
  if (op == 0x8b) {
    if (has_rex && (rex & 4)) rex = static_cast<u8>((rex & ~4) | 1);  // REX.R -> REX.B
    op = 0xc7;
    modrm = static_cast<u8>(0xc0 | reg);
    return true;
  }
  if (op == 0x03) {
    if (has_rex && (rex & 4)) rex = static_cast<u8>((rex & ~4) | 1);
    op = 0x81;
    modrm = static_cast<u8>(0xc0 | reg);
    return true;
  }
  return false;
}

// lea x@tlsdesc(%rip), %rax -> mov $x@tpoff, %rax
bool relax_tlsdesc_to_le(u8* d, u64 off) {
  if (off < 3) return false;
  u8 reg = (d[off - 1] >> 3) & 7;
  if (d[off - 3] & 4) d[off - 3] = static_cast<u8>((d[off - 3] & ~4) | 1);
  d[off - 2] = 0xc7;
  d[off - 1] = static_cast<u8>(0xc0 | reg);
  return true;
}

// lea x@tlsdesc(%rip), %rax -> mov x@gottpoff(%rip), %rax
bool relax_tlsdesc_to_ie(u8* d, u64 off) {
  if (off < 3) return false;
  d[off - 2] = 0x8b;
  return true;
}

}  // namespace cfree::x86_64
