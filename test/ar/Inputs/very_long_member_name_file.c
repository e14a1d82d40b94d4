int baz(void) { return 2; }
