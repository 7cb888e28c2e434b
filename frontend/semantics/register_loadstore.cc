#include "frontend/semantics/dispatch.h"

namespace a64 {

void RegisterLoadStore(ExecTable& t) {}

}  // namespace a64
