// GCC macro-expands the operands of #pragma message, redefine_extname and
// scalar_storage_order (also in -E output); other pragmas are copied as
// written.
// RUN: %cfree cc -E -P %s | FileCheck %s
// CHECK: #pragma message ("hello " "foo")
// CHECK: #pragma redefine_extname old 2
// CHECK: #pragma scalar_storage_order big-endian
// CHECK: #pragma pack(N)
#define FOO "foo"
#define N 2
#pragma message ("hello " FOO)
#pragma redefine_extname old N
#pragma scalar_storage_order big-endian
#pragma pack(N)
