#include "frontend/semantics/dispatch.h"

namespace a64 {

// Advanced SIMD vector floating-point instructions.
void RegisterSimdFp(ExecTable& t) {}

}  // namespace a64
