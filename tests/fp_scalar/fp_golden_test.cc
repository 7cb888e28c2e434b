// Replays fp_golden.txt (recorded on qemu-aarch64 by gen_golden.c): every
// case runs one scalar FP instruction on the engine under test
// (tests/support/test_machine.h) and must reproduce qemu's V0, X0, FPSR and
// NZCV.
#include <gtest/gtest.h>

#include "tests/fp_scalar/golden_layout.h"
#include "tests/support/golden_replay.h"

namespace a64 {
namespace {

TEST(FpGolden, MatchesQemu) {
  testing::ReplayGolden({.path = "tests/fp_scalar/fp_golden.txt",
                         .layout = FP_GOLDEN_LAYOUT,
                         .complete = FpGoldenComplete,
                         .min_cases = 5000});
}

}  // namespace
}  // namespace a64
