int foo(void);
int baz(void);
int main(void) { return foo() + baz(); }
