// Declarations of every formatter named in the encoding table, by class.
#pragma once

#include "frontend/disasm/formatters_reserved.h"
#include "frontend/disasm/formatters_dp.h"
#include "frontend/disasm/formatters_branch_system.h"
#include "frontend/disasm/formatters_loadstore.h"
#include "frontend/disasm/formatters_fp_scalar.h"
#include "frontend/disasm/formatters_simd_vector.h"
