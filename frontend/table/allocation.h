// Allocation predicates referenced from the table: each returns false for words
// that match an encoding's pattern but that the ARM ARM marks unallocated.
#pragma once

#include "frontend/table/allocation_dp.h"
#include "frontend/table/allocation_branch_system.h"
#include "frontend/table/allocation_loadstore.h"
#include "frontend/table/allocation_fp_scalar.h"
#include "frontend/table/allocation_simd_vector.h"
