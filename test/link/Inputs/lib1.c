int from_lib1(void) { return 1; }
