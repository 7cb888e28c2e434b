// Replays simd_fp_golden.txt (recorded on qemu-aarch64 by gen_golden.c):
// every case runs one Advanced SIMD vector floating-point instruction on the
// engine under test (tests/support/test_machine.h) and must reproduce V0 (all
// 128 bits) and FPSR.
#include <gtest/gtest.h>

#include "tests/simd_fp/golden_layout.h"
#include "tests/support/golden_replay.h"

namespace a64 {
namespace {

TEST(SimdFpGolden, MatchesQemu) {
  testing::ReplayGolden({.path = "tests/simd_fp/simd_fp_golden.txt",
                         .layout = SIMD_FP_GOLDEN_LAYOUT,
                         .min_cases = 10000,
                         .min_encodings = 700});
}

}  // namespace
}  // namespace a64
