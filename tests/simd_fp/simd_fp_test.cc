// Hand-written checks of the Advanced SIMD vector FP semantics that the
// golden vectors (Rd = v0, Rn = v1, Rm = v2) do not reach: by-element
// operands in v16-v31 (M:Rm) and the 64-bit forms' zeroing of bits 127:64.
#include <gtest/gtest.h>

#include "tests/support/test_machine.h"

namespace a64 {
namespace {

constexpr uint32_t kOne = 0x3f800000, kTwo = 0x40000000, kThree = 0x40400000;

TEST(SimdFp, FmulByElementUsesMRm) {
  testing::TestMachine m;
  m.LoadCode({0x4fb19820});  // fmul v0.4s, v1.4s, v17.s[3]
  CpuState& s = m.cpu.st;
  for (int i = 0; i < 4; ++i) {
    s.v[1].s[i] = kOne;
    s.v[17].s[i] = i == 3 ? kThree : kTwo;
  }
  s.v[1].s[2] = kTwo;
  ASSERT_EQ(m.Run(1), StopReason::kInsnLimit);
  EXPECT_EQ(s.v[0].s[0], kThree);
  EXPECT_EQ(s.v[0].s[2], 0x40c00000u);  // 6.0
  EXPECT_EQ(s.fpsr, 0u);
}

TEST(SimdFp, FcmlaByElementUsesMRm) {
  testing::TestMachine m;
  m.LoadCode({0x6f9f3820});  // fcmla v0.4s, v1.4s, v31.s[1], #90
  CpuState& s = m.cpu.st;
  // Pair 1 of v31 = (re 2.0, im 3.0); v1 pairs = (1.0, 2.0); v0 = 0.
  s.v[31].s[2] = kTwo;
  s.v[31].s[3] = kThree;
  for (int e = 0; e < 2; ++e) {
    s.v[1].s[2 * e] = kOne;
    s.v[1].s[2 * e + 1] = kTwo;
  }
  s.v[0] = VReg{};
  ASSERT_EQ(m.Run(1), StopReason::kInsnLimit);
  // #90: re += -(im2 * im1) = -6.0, im += re2 * im1 = 4.0.
  for (int e = 0; e < 2; ++e) {
    EXPECT_EQ(s.v[0].s[2 * e], 0xc0c00000u);
    EXPECT_EQ(s.v[0].s[2 * e + 1], 0x40800000u);
  }
}

TEST(SimdFp, SixtyFourBitFormClearsUpperHalf) {
  testing::TestMachine m;
  m.LoadCode({0x0e21d420});  // fadd v0.2s, v1.2s, v1.2s
  CpuState& s = m.cpu.st;
  s.v[0].d[1] = ~0ull;
  s.v[1].s[0] = kOne;
  s.v[1].s[1] = kOne;
  s.v[1].d[1] = 0x1234;
  ASSERT_EQ(m.Run(1), StopReason::kInsnLimit);
  EXPECT_EQ(s.v[0].d[0], uint64_t{kTwo} << 32 | kTwo);
  EXPECT_EQ(s.v[0].d[1], 0u);
}

}  // namespace
}  // namespace a64
