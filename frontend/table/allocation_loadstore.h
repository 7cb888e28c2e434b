// Allocation predicates of the Loads and Stores class (ARM ARM C4.1.4).
#pragma once

#include <cstdint>

#include "frontend/bits.h"

namespace a64 {

// CASP/CASPA/CASPAL/CASPL: "if Rs<0> == '1' then UNDEFINED; if Rt<0> == '1'
// then UNDEFINED" (the register pairs must start at an even register).
inline bool LsCaspAllocated(uint32_t w) { return !Bit(w, 16) && !Bit(w, 0); }

// Load/store register (register offset): "if option<1> == '0' then UNDEFINED"
// (option = 000, 001, 100, 101 would be 8/16-bit extends of the index).
inline bool LsRegOffsetAllocated(uint32_t w) { return Bit(w, 14); }

}  // namespace a64
