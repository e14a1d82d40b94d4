// base.h: fixed-width aliases and small helpers shared by all of libcfree.
//
// Every libcfree source includes this first.  It deliberately holds nothing
// but vocabulary: integer aliases in the style of mold (u8..i64), a checked
// narrowing helper, and the internal assertion macro (an internal invariant
// failure is a cfree bug and is reported as such, never as a user error).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace cfree {

using u8 = std::uint8_t;
using u16 = std::uint16_t;
using u32 = std::uint32_t;
using u64 = std::uint64_t;
using i8 = std::int8_t;
using i16 = std::int16_t;
using i32 = std::int32_t;
using i64 = std::int64_t;

[[noreturn]] void internal_error(const char* file, int line, const char* what);

#define CFREE_ASSERT(cond) \
  ((cond) ? (void)0 : ::cfree::internal_error(__FILE__, __LINE__, #cond))
#define CFREE_UNREACHABLE(what) ::cfree::internal_error(__FILE__, __LINE__, what)

inline constexpr u64 align_up(u64 v, u64 a) { return (v + a - 1) & ~(a - 1); }

}  // namespace cfree
