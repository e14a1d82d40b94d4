int foo(void) { return 40; }
int bar_with_a_long_name_x;
