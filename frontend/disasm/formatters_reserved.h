#pragma once

#include "frontend/disasm/disasm_context.h"

namespace a64 {

void FmtUdf(Disasm& d);

}  // namespace a64
