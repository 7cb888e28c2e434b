/* The line format of fp_golden.txt (see tests/support/golden_case.h), shared
 * by gen_golden.c and fp_golden_test.cc. Rd = 0, Rn = 1, Rm = 2, Ra = 3;
 * general inputs in X1. V1..V3 hold 64-bit operands; V0<127:64> and X0 start
 * as 0x5555 to show whether the instruction clears or writes them. */
#ifndef TESTS_FP_SCALAR_GOLDEN_LAYOUT_H_
#define TESTS_FP_SCALAR_GOLDEN_LAYOUT_H_

#include "tests/support/golden_case.h"

#define FP_GOLDEN_LAYOUT "word fpcr nzcv v1.d v2.d v3.d x1 : v0 x0 fpsr nzcv"

static inline void FpGoldenComplete(struct GoldenIn* in) {
  in->v[0][0] = 0;
  in->v[0][1] = 0x5555;
  in->x[0] = 0x5555;
}

#endif /* TESTS_FP_SCALAR_GOLDEN_LAYOUT_H_ */
