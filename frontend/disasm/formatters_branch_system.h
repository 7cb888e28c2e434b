#pragma once

#include "frontend/disasm/disasm_context.h"

namespace a64 {

}  // namespace a64
