// A goto into the arm of if (constant) that is otherwise dead: the arm gets
// code, and the jump over the other arm too (torture pr17078-1).
// REQUIRES: gcc
// RUN: %cfree cc -c %s -o %t.o
// RUN: gcc %t.o -o %t
// RUN: %t
#include "Inputs/test.h"

static int into_then(int go) {
  int i = 5;
  if (go) goto useless;
  if (0) {
  useless:
    i = 0;
  } else
    i = 1;
  return i;
}

static int into_else(int go) {
  int i = 5;
  if (go) goto inside;
  if (1)
    i = 2;
  else {
  inside:
    i += 10;
  }
  return i;
}

static int nested(int go) {
  int i = 0;
  if (go) goto lab;
  i += 1;
  if (0) {
    i += 100;
    if (0) {
      i += 1000;
    lab:
      i += 10;
    }
    i += 20;
  }
  return i + 3;
}

static int in_switch(int x) {
  int r = 0;
  switch (x) {
    if (0) {
    case 1:
      r = 11;
      break;
    }
  case 2:
    r += 22;
    break;
  default:
    r = 99;
  }
  return r;
}

int main(void) {
  ASSERT(33, nested(1));
  ASSERT(4, nested(0));
  ASSERT(11, in_switch(1));
  ASSERT(22, in_switch(2));
  ASSERT(99, in_switch(3));
  ASSERT(0, into_then(1));
  ASSERT(1, into_then(0));
  ASSERT(15, into_else(1));
  ASSERT(2, into_else(0));
  TEST_DONE();
}
