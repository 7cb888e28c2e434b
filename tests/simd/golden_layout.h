/* The line format of simd_int_golden.txt (see tests/support/golden_case.h),
 * shared by gen_golden.c and simd_int_golden_test.cc. Rd = 0 (V0, or X0 for
 * UMOV/SMOV), Rn = 1, Rm = 2; a table lookup's table starts at V1. The count k
 * says how many of V0..V5 are recorded; FPCR, NZCV and X0 are 0. */
#ifndef TESTS_SIMD_GOLDEN_LAYOUT_H_
#define TESTS_SIMD_GOLDEN_LAYOUT_H_

#include "tests/support/golden_case.h"

#define SIMD_INT_GOLDEN_LAYOUT "word vk : v0 x0 fpsr"

/* X1 = V1<63:0>: the general source of DUP (general) and INS (general). */
static inline void SimdIntGoldenComplete(struct GoldenIn* in) { in->x[1] = in->v[1][0]; }

#endif /* TESTS_SIMD_GOLDEN_LAYOUT_H_ */
