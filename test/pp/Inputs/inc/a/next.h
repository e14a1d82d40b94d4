int from_a;
#include_next <next.h>
