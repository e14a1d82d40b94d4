/* Csmith seed 2 (csmith 2.3.0, in the CI batch), reduced by creduce.
 * cfree -O0 aborted with "internal compiler error: out of registers": about
 * ten nested calls whose pending arguments are all live at once.  Before a
 * call the values below its operands are spilled, and deferred loads among
 * them were loaded into registers first -- but the call's operands already
 * held every allocatable register.  Deferred loads from slots and symbols are
 * now copied memory to memory instead.
 * RUN: %cfree cc -w -c %s -o %t.o
 */
typedef signed char __int8_t;
typedef unsigned char __uint8_t;
typedef signed short int __int16_t;
typedef unsigned short int __uint16_t;
typedef signed int __int32_t;
typedef unsigned int __uint32_t;
typedef signed long int __int64_t;
typedef unsigned long int __uint64_t;
typedef __int8_t int8_t;
typedef __int16_t int16_t;
typedef __int32_t int32_t;
typedef __int64_t int64_t;
typedef __uint8_t uint8_t;
typedef __uint16_t uint16_t;
typedef __uint32_t uint32_t;
typedef __uint64_t uint64_t;
static int8_t (safe_add_func_int8_t_s_s)(int8_t si1, int8_t si2 ) ;
static int16_t (safe_add_func_int16_t_s_s) ;
static int16_t (safe_mul_func_int16_t_s_s) ;
static int32_t (safe_mod_func_int32_t_s_s)(int32_t si1, int32_t si2 ) ;
static uint8_t (safe_add_func_uint8_t_u_u)(uint8_t ui1, uint8_t ui2 ) ;
static uint8_t (safe_mul_func_uint8_t_u_u)(uint8_t ui1, uint8_t ui2 ) ;
static uint16_t (safe_lshift_func_uint16_t_u_s)(uint16_t left, int right ) ;
static uint16_t (safe_rshift_func_uint16_t_u_s)(uint16_t left, int right ) ;
static uint16_t (safe_rshift_func_uint16_t_u_u)(uint16_t left, unsigned int right ) ;
static int16_t g_14 = 0x697EL;
static int16_t g_40 = 0;

static uint32_t g_108 = 4294967290UL;
static uint32_t *g_454 = &g_108;

static int16_t g_800 = 0x91B4L;
static const int64_t g_1148 = 0L;
static int64_t g_1713[6][3][8] ;
static int32_t func_17(uint64_t p_18, uint32_t p_19, int8_t p_20, const int16_t p_21, int32_t p_22);
static int16_t func_29;
static int64_t func_32;
static uint8_t func_41;
static uint32_t func_1(void) {
int64_t l_38 = 0x44653FFD03B15A8DLL;

uint32_t l_621 = 8UL;
uint32_t l_1252 = 0x664B995BL;
int64_t l_1737 = 0xEF57D5C834C2D16DLL;
int32_t l_1740 = 0x11F4C46CL;
l_1740 = (((safe_mul_func_uint8_t_u_u((safe_add_func_int8_t_s_s((safe_lshift_func_uint16_t_u_s(((safe_rshift_func_uint16_t_u_u((safe_add_func_uint8_t_u_u((safe_rshift_func_uint16_t_u_s(g_14, ((safe_mod_func_int32_t_s_s(g_14, ((((func_17(((0 == l_1737) && 0), l_1737, g_800, l_1737, g_1148) , l_38) == l_1737) ^ 0x6C0BL) , 0))) | 0x655AL))), l_621)), 11)) != 0), l_38)), l_621)), l_1252)) <= g_1713[4][2][4]) , 0);
}
