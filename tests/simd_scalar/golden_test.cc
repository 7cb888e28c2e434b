// Replays simd_scalar_golden.txt (recorded on qemu-aarch64 by gen_golden.c):
// every case runs one Advanced SIMD scalar instruction on the engine under
// test (tests/support/test_machine.h) and must reproduce V0 (all 128 bits) and FPSR, including QC.
#include <gtest/gtest.h>

#include "tests/simd_scalar/golden_layout.h"
#include "tests/support/golden_replay.h"

namespace a64 {
namespace {

TEST(SimdScalarGolden, MatchesQemu) {
  testing::ReplayGolden({.path = "tests/simd_scalar/simd_scalar_golden.txt",
                         .layout = SIMD_SCALAR_GOLDEN_LAYOUT,
                         .min_cases = 15000});
}

}  // namespace
}  // namespace a64
