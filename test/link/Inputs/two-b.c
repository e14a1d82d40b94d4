int answer = 42;
int twice(int x) { return 2 * x; }
