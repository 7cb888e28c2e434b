// PMULL{2} with 8-bit source lanes (ARM ARM C7.2 PMULL, size 00). The
// Op::PMULL_asimddiff_L encoding also covers the 64-bit (.1q) form of the
// cryptographic extension: its handler can forward size 00 here.
#pragma once

#include <cstdint>

#include "frontend/semantics/cpu.h"

namespace a64 {

// Executes PMULL{2} .8h <- .8b/.16b; UNDEFINED for any other size.
ExecStatus ExecPmull8(Cpu& c, uint32_t insn);

}  // namespace a64
