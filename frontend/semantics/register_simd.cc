#include "frontend/semantics/dispatch.h"

namespace a64 {

void RegisterSimd(ExecTable& t) {}

}  // namespace a64
