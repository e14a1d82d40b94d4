/* test.h: the self-checking harness for test/c programs (after chibicc's).
 * ASSERT(expected, expr) compares two long long values and exits with the
 * line number on a mismatch; a program that returns 0 passed. */
int printf(const char *, ...);
void exit(int);
static int test_failures;
static void test_check(long long want, long long got, const char *code, int line) {
  if (want != got) {
    printf("%d: %s => %lld, expected %lld\n", line, code, got, want);
    test_failures++;
  }
}
#define ASSERT(want, expr) test_check((want), (expr), #expr, __LINE__)
#define TEST_DONE() return test_failures != 0
