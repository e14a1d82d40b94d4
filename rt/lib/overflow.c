/* overflow.c: libgcc's trapping arithmetic for -ftrapv (__addvsi3,
 * __mulvdi3, __negvsi2, __absvdi2 ...; GCC internals manual, "Routines for
 * integer arithmetic").  Signed overflow traps (libgcc calls abort; rt must
 * not depend on a C library, so it executes the trap instruction).
 */
#include "rt.h"

RT_API rt_i32 __addvsi3(rt_i32 a, rt_i32 b) {
  rt_i64 r = (rt_i64)a + b;
  if (r != (rt_i32)r) __builtin_trap();
  return (rt_i32)r;
}
RT_API rt_i32 __subvsi3(rt_i32 a, rt_i32 b) {
  rt_i64 r = (rt_i64)a - b;
  if (r != (rt_i32)r) __builtin_trap();
  return (rt_i32)r;
}
RT_API rt_i32 __mulvsi3(rt_i32 a, rt_i32 b) {
  rt_i64 r = (rt_i64)a * b;
  if (r != (rt_i32)r) __builtin_trap();
  return (rt_i32)r;
}
RT_API rt_i32 __negvsi2(rt_i32 a) {
  if (a == -2147483647 - 1) __builtin_trap();
  return -a;
}
RT_API rt_i32 __absvsi2(rt_i32 a) {
  if (a == -2147483647 - 1) __builtin_trap();
  return a < 0 ? -a : a;
}

RT_API rt_i64 __addvdi3(rt_i64 a, rt_i64 b) {
  rt_i64 r = (rt_i64)((rt_u64)a + (rt_u64)b);
  if (b >= 0 ? r < a : r > a) __builtin_trap();
  return r;
}
RT_API rt_i64 __subvdi3(rt_i64 a, rt_i64 b) {
  rt_i64 r = (rt_i64)((rt_u64)a - (rt_u64)b);
  if (b >= 0 ? r > a : r < a) __builtin_trap();
  return r;
}
RT_API rt_i64 __mulvdi3(rt_i64 a, rt_i64 b) {
  rt_ti r = (rt_ti)a * b;
  if (r != (rt_i64)r) __builtin_trap();
  return (rt_i64)r;
}
RT_API rt_i64 __negvdi2(rt_i64 a) {
  if (a == -9223372036854775807LL - 1) __builtin_trap();
  return -a;
}
RT_API rt_i64 __absvdi2(rt_i64 a) {
  if (a == -9223372036854775807LL - 1) __builtin_trap();
  return a < 0 ? -a : a;
}
