/* One golden case: the inputs of a single instruction and the outputs recorded
 * on qemu-aarch64. Shared by the C generators (golden_gen.h, built for
 * AArch64) and the C++ replay (golden_replay.h), so it is plain C.
 *
 * A golden text file has one case per line. Its fields are given by a LAYOUT
 * string of space-separated tokens, the same string for the generator that
 * prints the file and the test that replays it:
 *   word     the instruction word, 8 hex digits
 *   fpcr     FPCR before the instruction (FPSR is always 0 before it)
 *   nzcv     NZCV before the instruction (bits 31:28)
 *   x0, x1   X0, X1 before the instruction
 *   vN       VN (N = 0..5) as two numbers: bits 63:0, bits 127:64
 *   vN.d     VN bits 63:0 only; bits 127:64 are 0
 *   vk       a decimal count k, then V0..V(k-1) as vN; V(k).. are 0
 *   :        separates the inputs from the outputs
 * and after the ':' the outputs compared by the replay:
 *   v0       V0 after the instruction, bits 63:0 then bits 127:64
 *   x0, fpsr, nzcv
 * Numbers are lower-case hexadecimal without leading zeros (printf "%lx")
 * except `word` and the count of `vk`. Inputs a layout does not name are 0
 * unless the suite's completion function (GoldenComplete) sets them.
 */
#ifndef TESTS_SUPPORT_GOLDEN_CASE_H_
#define TESTS_SUPPORT_GOLDEN_CASE_H_

#include <stdint.h>

#define GOLDEN_NUM_V 6

struct GoldenIn {
  uint64_t fpcr, nzcv;
  uint64_t x[2];                  /* X0, X1 */
  uint64_t v[GOLDEN_NUM_V][2];    /* V0..V5: [0] = bits 63:0, [1] = bits 127:64 */
  uint64_t vk;                    /* the count printed by a `vk` token */
};

struct GoldenOut {
  uint64_t v0[2], x0, fpsr, nzcv;
};

/* Fills the inputs a suite's layout does not record (constants, or values
 * derived from recorded ones). Runs after the recorded inputs are set, in the
 * generator before the instruction executes and in the replay after parsing. */
typedef void (*GoldenComplete)(struct GoldenIn* in);

#endif /* TESTS_SUPPORT_GOLDEN_CASE_H_ */
