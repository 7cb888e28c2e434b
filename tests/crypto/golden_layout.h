/* The line format of crypto_golden.txt (see tests/support/golden_case.h),
 * shared by gen_golden.c and crypto_golden_test.cc. Rd = 0, Rn = 1, Rm = 2
 * unless the word says otherwise; X0 is 0x5555 before the instruction. */
#ifndef TESTS_CRYPTO_GOLDEN_LAYOUT_H_
#define TESTS_CRYPTO_GOLDEN_LAYOUT_H_

#include "tests/support/golden_case.h"

#define CRYPTO_GOLDEN_LAYOUT "word fpcr nzcv v0 v1 v2 : v0 x0 fpsr nzcv"

static inline void CryptoGoldenComplete(struct GoldenIn* in) { in->x[0] = 0x5555; }

#endif /* TESTS_CRYPTO_GOLDEN_LAYOUT_H_ */
