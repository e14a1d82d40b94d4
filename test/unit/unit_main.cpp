// unit_main.cpp: runs the registered unit tests (see unit.h).
#include "unit.h"

namespace unit {

static Test* g_head = nullptr;  // test registry (test binary only)
static int g_failures = 0;

void add(Test* t) {
  t->next = g_head;
  g_head = t;
}

void fail(const char* file, int line, const std::string& what) {
  std::fprintf(stderr, "  %s:%d: %s\n", file, line, what.c_str());
  g_failures++;
}

}  // namespace unit

int main(int argc, char** argv) {
  // Registration order is reversed; run in declaration order.
  unit::Test* rev = nullptr;
  for (unit::Test* t = unit::g_head; t;) {
    unit::Test* n = t->next;
    t->next = rev;
    rev = t;
    t = n;
  }
  int passed = 0, failed = 0;
  for (unit::Test* t = rev; t; t = t->next) {
    if (argc > 1 && !std::strstr(t->name, argv[1])) continue;
    int before = unit::g_failures;
    try {
      t->fn();
    } catch (...) {
      unit::fail(__FILE__, __LINE__, std::string("unexpected exception in ") + t->name);
    }
    if (unit::g_failures == before) {
      passed++;
    } else {
      failed++;
      std::fprintf(stderr, "FAIL: %s\n", t->name);
    }
  }
  std::printf("%d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}
