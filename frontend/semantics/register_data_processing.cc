#include "frontend/semantics/dispatch.h"

namespace a64 {

void RegisterDataProcessing(ExecTable& t) {}

}  // namespace a64
