#pragma once

#include <cstdint>

#include "frontend/bits.h"

namespace a64 {

}  // namespace a64
