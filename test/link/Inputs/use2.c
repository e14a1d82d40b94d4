int from_lib2(void);
int main(void) { return from_lib2(); }
