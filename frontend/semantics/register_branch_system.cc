#include "frontend/semantics/dispatch.h"

namespace a64 {

void RegisterBranchSystem(ExecTable& t) {}

}  // namespace a64
