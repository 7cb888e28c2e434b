// Replays simd_int_golden.txt (recorded on qemu-aarch64 by gen_golden.c):
// every case runs one Advanced SIMD vector integer instruction on the engine
// under test (tests/support/test_machine.h) and must reproduce V0 (all 128 bits), X0 and FPSR (QC).
#include <gtest/gtest.h>

#include "tests/simd/golden_layout.h"
#include "tests/support/golden_replay.h"

namespace a64 {
namespace {

TEST(SimdIntGolden, MatchesQemu) {
  testing::ReplayGolden({.path = "tests/simd/simd_int_golden.txt",
                         .layout = SIMD_INT_GOLDEN_LAYOUT,
                         .complete = SimdIntGoldenComplete,
                         .min_cases = 12000});
}

}  // namespace
}  // namespace a64
