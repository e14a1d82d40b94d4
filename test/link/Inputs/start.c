static long sys(long n, long a, long b, long c) { long r; __asm__ volatile("syscall":"=a"(r):"a"(n),"D"(a),"S"(b),"d"(c):"rcx","r11","memory"); return r; }
int counter = 5;
int bss_thing;
const char msg[] = "hello static\n";
void _start(void) { bss_thing = counter * 2; sys(1, 1, (long)msg, sizeof msg - 1); sys(60, bss_thing + 32, 0, 0); }
