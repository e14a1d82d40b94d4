// _Thread_local in JIT code: initialised and zeroed thread-locals, static and
// extern ones, each thread with its own copy, values kept across calls, and
// live registers (integer and floating point) preserved around accesses.
// RUN: %cfree run %s -lpthread | FileCheck %s
#include <pthread.h>
#include <stdio.h>
_Thread_local int counter = 100;
static _Thread_local long zeroed;
_Thread_local char name[16] = "main";
static int bump(int k) {
  counter += k;
  zeroed += 1;
  return counter;
}
static void* worker(void* arg) {
  int id = (int)(long)arg;
  double d = 1.5 * id;
  int before = counter;  // a fresh copy: the initial value
  for (int i = 0; i < 1000; i++) bump(id);
  snprintf(name, sizeof name, "t%d", id);
  printf("worker %d: before=%d counter=%d zeroed=%ld d=%.1f name=%s\n", id, before, counter,
         zeroed, d, name);
  return (void*)(long)(counter == 100 + 1000 * id && zeroed == 1000);
}
int main(void) {
  pthread_t t[3];
  bump(1);
  for (long i = 0; i < 3; i++) pthread_create(&t[i], 0, worker, (void*)(i + 1));
  int ok = 1;
  for (int i = 0; i < 3; i++) {
    void* r;
    pthread_join(t[i], &r);
    ok &= r != 0;
  }
  // CHECK-DAG: worker 1: before=100 counter=1100 zeroed=1000 d=1.5 name=t1
  // CHECK-DAG: worker 2: before=100 counter=2100 zeroed=1000 d=3.0 name=t2
  // CHECK-DAG: worker 3: before=100 counter=3100 zeroed=1000 d=4.5 name=t3
  // CHECK: main: counter=101 zeroed=1 name=main ok=1
  printf("main: counter=%d zeroed=%ld name=%s ok=%d\n", counter, zeroed, name, ok);
  return !ok;
}
