#include "frontend/semantics/dispatch.h"

namespace a64 {

void RegisterFpScalar(ExecTable& t) {}

}  // namespace a64
