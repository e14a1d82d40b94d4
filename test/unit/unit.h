// unit.h: a dependency-free unit-test harness for libcfree internals.
//
//   TEST(arena_alignment) { CHECK(p != nullptr); CHECK_EQ(x, 3); }
//
// Tests register themselves at static-initialisation time (test code only:
// the product has no global mutable state); main() in unit_main.cpp runs them
// all, or those whose name contains argv[1], and prints
// "N passed, M failed" as its last line.
#pragma once

#include <cstdio>
#include <cstring>
#include <string>

namespace unit {

struct Test {
  const char* name;
  void (*fn)();
  Test* next;
};

void add(Test* t);
void fail(const char* file, int line, const std::string& what);

struct Registrar {
  Registrar(Test* t) { add(t); }
};

template <class A, class B>
std::string show(const A& a, const B& b) {
  if constexpr (requires { std::to_string(a); std::to_string(b); }) {
    return std::to_string(a) + " vs " + std::to_string(b);
  } else if constexpr (requires { std::string(a); std::string(b); }) {
    return "\"" + std::string(a) + "\" vs \"" + std::string(b) + "\"";
  } else {
    return "values differ";
  }
}

}  // namespace unit

#define TEST(name)                                                   \
  static void unit_test_##name();                                    \
  static unit::Test unit_rec_##name = {#name, unit_test_##name, nullptr}; \
  static unit::Registrar unit_reg_##name(&unit_rec_##name);          \
  static void unit_test_##name()

#define CHECK(cond) \
  ((cond) ? (void)0 : unit::fail(__FILE__, __LINE__, "CHECK(" #cond ")"))

#define CHECK_EQ(a, b)                                                                  \
  do {                                                                                  \
    const auto& unit_a = (a);                                                           \
    const auto& unit_b = (b);                                                           \
    if (!(unit_a == unit_b))                                                            \
      unit::fail(__FILE__, __LINE__,                                                    \
                 "CHECK_EQ(" #a ", " #b "): " + unit::show(unit_a, unit_b));            \
  } while (0)
