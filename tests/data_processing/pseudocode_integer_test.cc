// Tests of the ARM ARM integer pseudocode helpers in
// frontend/semantics/pseudocode_integer.h and DecodeBitMasks.
#include "frontend/semantics/integer/pseudocode_integer.h"

#include <gtest/gtest.h>

namespace a64 {
namespace {

constexpr uint32_t N = kFlagN, Z = kFlagZ, C = kFlagC, V = kFlagV;
constexpr uint64_t kMin64 = 0x8000000000000000ull;

TEST(AddWithCarry, SixtyFourBitEdges) {
  // INT64_MIN - 1 = INT64_MAX: no borrow (C = 1), signed overflow.
  AddResult r = AddWithCarry(64, kMin64, ~uint64_t{1}, true);
  EXPECT_EQ(r.result, 0x7fffffffffffffffull);
  EXPECT_EQ(r.nzcv, C | V);
  // 0 - INT64_MIN = INT64_MIN: borrow (C = 0), overflow, negative.
  r = AddWithCarry(64, 0, ~kMin64, true);
  EXPECT_EQ(r.result, kMin64);
  EXPECT_EQ(r.nzcv, N | V);
  // x - x: Z and C.
  r = AddWithCarry(64, 1234, ~uint64_t{1234}, true);
  EXPECT_EQ(r.result, 0u);
  EXPECT_EQ(r.nzcv, Z | C);
  // All-ones + 0 + carry wraps to zero with carry out only.
  r = AddWithCarry(64, ~0ull, 0, true);
  EXPECT_EQ(r.result, 0u);
  EXPECT_EQ(r.nzcv, Z | C);
  // All-ones + all-ones + 1: carry out from the first addition.
  r = AddWithCarry(64, ~0ull, ~0ull, true);
  EXPECT_EQ(r.result, ~0ull);
  EXPECT_EQ(r.nzcv, N | C);
}

TEST(AddWithCarry, ThirtyTwoBitIgnoresUpperBits) {
  AddResult r = AddWithCarry(32, 0xffffffff7fffffffull, 1, false);
  EXPECT_EQ(r.result, 0x80000000u);
  EXPECT_EQ(r.nzcv, N | V);
  r = AddWithCarry(32, 0xffffffffu, 1, false);
  EXPECT_EQ(r.result, 0u);
  EXPECT_EQ(r.nzcv, Z | C);
}

TEST(ConditionHolds, AllConditions) {
  // cond: EQ NE CS CC MI PL VS VC HI LS GE LT GT LE AL NV
  EXPECT_TRUE(ConditionHolds(0, Z));
  EXPECT_FALSE(ConditionHolds(1, Z));
  EXPECT_TRUE(ConditionHolds(2, C));
  EXPECT_TRUE(ConditionHolds(3, 0));
  EXPECT_TRUE(ConditionHolds(4, N));
  EXPECT_TRUE(ConditionHolds(5, 0));
  EXPECT_TRUE(ConditionHolds(6, V));
  EXPECT_TRUE(ConditionHolds(7, N));
  EXPECT_TRUE(ConditionHolds(8, C));
  EXPECT_FALSE(ConditionHolds(8, C | Z));
  EXPECT_TRUE(ConditionHolds(9, C | Z));
  EXPECT_TRUE(ConditionHolds(10, N | V));
  EXPECT_TRUE(ConditionHolds(11, N));
  EXPECT_TRUE(ConditionHolds(12, 0));
  EXPECT_FALSE(ConditionHolds(12, Z));
  EXPECT_TRUE(ConditionHolds(13, Z));
  EXPECT_TRUE(ConditionHolds(14, 0));
  EXPECT_TRUE(ConditionHolds(15, 0));  // NV behaves as AL
}

TEST(ShiftReg, NoUndefinedBehaviourAtEdges) {
  EXPECT_EQ(ShiftReg(64, 1, 0, 63), kMin64);
  EXPECT_EQ(ShiftReg(64, kMin64, 2, 63), ~0ull);
  EXPECT_EQ(ShiftReg(64, kMin64, 1, 63), 1u);
  EXPECT_EQ(ShiftReg(64, 0x8000000000000001ull, 3, 0), 0x8000000000000001ull);
  EXPECT_EQ(ShiftReg(64, 1, 3, 1), kMin64);
  EXPECT_EQ(ShiftReg(32, 0xffffffff80000000ull, 2, 31), 0xffffffffu);
  EXPECT_EQ(ShiftReg(32, 1, 3, 1), 0x80000000u);
}

TEST(ExtendReg, SignAndZeroExtension) {
  EXPECT_EQ(ExtendReg(64, 0x80, 0, 0), 0x80u);                     // UXTB
  EXPECT_EQ(ExtendReg(64, 0x80, 4, 0), 0xffffffffffffff80ull);     // SXTB
  EXPECT_EQ(ExtendReg(64, 0xffffffff, 6, 4), 0xfffffffffffffff0);  // SXTW #4
  EXPECT_EQ(ExtendReg(64, 0xffffffffffffffff, 2, 2), 0x3fffffffcull);  // UXTW #2
  EXPECT_EQ(ExtendReg(32, 0x8000, 5, 4), 0xfff80000u);             // SXTH #4
  EXPECT_EQ(ExtendReg(32, ~0ull, 3, 1), 0xfffffffeu);              // UXTX in 32 bits
}

TEST(DecodeBitMasks, ValidImmediates) {
  BitMasks m{};
  ASSERT_TRUE(DecodeBitMasks(0, 0b111100, 0, true, 64, &m));
  EXPECT_EQ(m.wmask, 0x5555555555555555ull);
  ASSERT_TRUE(DecodeBitMasks(1, 0, 0, true, 64, &m));
  EXPECT_EQ(m.wmask, 1u);
  ASSERT_TRUE(DecodeBitMasks(1, 62, 1, true, 64, &m));
  EXPECT_EQ(m.wmask, 0xbfffffffffffffffull);
  ASSERT_TRUE(DecodeBitMasks(0, 0b000111, 24, true, 32, &m));  // and w0, w1, #0xff00
  EXPECT_EQ(m.wmask, 0xff00u);
  ASSERT_TRUE(DecodeBitMasks(0, 0b110011, 1, true, 32, &m));  // 8-bit elements 0b10000111
  EXPECT_EQ(m.wmask, 0x87878787u);
}

TEST(DecodeBitMasks, ReservedCombinations) {
  BitMasks m{};
  EXPECT_FALSE(DecodeBitMasks(0, 0b111111, 0, true, 64, &m));  // len < 1
  EXPECT_FALSE(DecodeBitMasks(0, 0b111110, 0, true, 64, &m));  // len < 1
  EXPECT_FALSE(DecodeBitMasks(1, 0b111111, 5, true, 64, &m));  // all-ones element
  EXPECT_FALSE(DecodeBitMasks(0, 0b011111, 3, true, 32, &m));  // all-ones element
  EXPECT_FALSE(DecodeBitMasks(0, 0b111101, 0, true, 64, &m));  // 2-bit all-ones
  EXPECT_FALSE(DecodeBitMasks(1, 0, 0, true, 32, &m));         // 64-bit element in 32
  // The bitfield form (immediate = FALSE) accepts all-ones elements.
  ASSERT_TRUE(DecodeBitMasks(1, 63, 0, false, 64, &m));
  EXPECT_EQ(m.wmask, ~0ull);
  EXPECT_EQ(m.tmask, ~0ull);
}

TEST(DecodeBitMasks, BitfieldMasks) {
  BitMasks m{};
  ASSERT_TRUE(DecodeBitMasks(1, 11, 4, false, 64, &m));  // UBFX #4, #8
  EXPECT_EQ(m.wmask, 0xf0000000000000ffull);
  EXPECT_EQ(m.tmask, 0xffu);
  ASSERT_TRUE(DecodeBitMasks(0, 3, 24, false, 32, &m));  // BFI #8, #4
  EXPECT_EQ(m.wmask, 0xf00u);
  EXPECT_EQ(m.tmask, 0xfffu);
}

TEST(CountLeading, ZerosAndSignBits) {
  EXPECT_EQ(CountLeadingZeroBits(32, 0), 32u);
  EXPECT_EQ(CountLeadingZeroBits(64, 0), 64u);
  EXPECT_EQ(CountLeadingZeroBits(32, 0xffffffff00000001ull), 31u);
  EXPECT_EQ(CountLeadingSignBits(64, 0), 63u);
  EXPECT_EQ(CountLeadingSignBits(64, ~0ull), 63u);
  EXPECT_EQ(CountLeadingSignBits(64, 1), 62u);
  EXPECT_EQ(CountLeadingSignBits(32, 0xc0000000u), 1u);
  EXPECT_EQ(CountLeadingSignBits(32, 0x80000000u), 0u);
}

}  // namespace
}  // namespace a64
