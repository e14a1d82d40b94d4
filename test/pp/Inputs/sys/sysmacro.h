#define SYS_VALUE sys_value
#define SYS_STR(x) #x
int sys_decl;
