/* The line format of simd_scalar_golden.txt (see tests/support/golden_case.h), shared
 * by gen_golden.c and golden_test.cc. Rd = 0 (also an input: accumulating forms),
 * Rn = 1, Rm = 2, all 128 bits of each. */
#ifndef TESTS_SIMD_SCALAR_GOLDEN_LAYOUT_H_
#define TESTS_SIMD_SCALAR_GOLDEN_LAYOUT_H_

#include "tests/support/golden_case.h"

#define SIMD_SCALAR_GOLDEN_LAYOUT "word fpcr v0 v1 v2 : v0 fpsr"

#endif /* TESTS_SIMD_SCALAR_GOLDEN_LAYOUT_H_ */
