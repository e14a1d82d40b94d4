// RUN: %cfree cc -E %s -o /dev/null 2>%t.err; echo "exit $?" >> %t.err; FileCheck --strict-whitespace --match-full-lines %s < %t.err
// CHECK:{{.*}}diag-pragma-once-main.c:6:9: warning: #pragma once in main file
// CHECK-NEXT:    6 | #pragma once
// CHECK-NEXT:      |         ^~~~
// CHECK-NEXT:exit 0
#pragma once
