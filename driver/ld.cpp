// ld.cpp: `cfree ld` (placeholder until the linker lands).
#include "driver.h"

namespace driver {
int ld_main(int, char**) { return not_built("ld"); }
}  // namespace driver
