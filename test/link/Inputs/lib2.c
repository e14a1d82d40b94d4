int from_lib1(void);
int from_lib2(void) { return from_lib1() + 2; }
