// GNU nested functions in the CG stream: a nested func_begin while the
// enclosing function is open, enclosing slots reached through the static
// chain, direct calls passing the chain (push_frame + call_chain), a
// non-local goto; and in the x86-64 code: the chain arrives in r10 and is
// saved by the prologue, the caller loads r10 before the call, and the
// enclosing function jumps over the nested body.
// RUN: %cfree cc -c -femit-cg %s -o - | FileCheck %s --check-prefix=CG
// RUN: %cfree cc -c %s -o %t.o
// RUN: %cfree objdump -d %t.o | FileCheck %s --check-prefix=ASM
int outer(int a) {
  __label__ out;
  int x = 1;
  int inner(int b) {
    if (b < 0) goto out;
    return a + b + x;
  }
  return inner(2);
out:
  return -1;
}
// CG: func_begin @outer
// CG: func_begin @inner : fn(i32) -> i32 nested
// CG: jump L{{[0-9]+}} (nonlocal)
// CG: push_slot_addr %s1+0 (outer)
// CG: push_slot_addr %s2+0 (outer)
// CG: func_end
// CG: push_frame 0
// CG: call_chain fn(i32) -> i32 args=1
// CG: func_end

// ASM-LABEL: <outer>:
// ASM: jmp
// ASM-LABEL: <inner>:
// ASM: push {{%rbp|rbp}}
// ASM: mov {{.*r10.*}}
// ASM: call
