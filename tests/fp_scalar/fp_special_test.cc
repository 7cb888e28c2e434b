// Hand-written special cases of the scalar FP semantics (ARM ARM C7.2 and the
// shared/functions/float pseudocode), expected values derived from the ARM ARM.
#include <gtest/gtest.h>

#include "tests/support/test_machine.h"

namespace a64 {
namespace {

constexpr uint32_t kFZ = 1u << 24, kDN = 1u << 25;
constexpr uint32_t kRP = 1u << 22, kRM = 2u << 22, kRZ = 3u << 22;
constexpr uint32_t kIOC = 1, kDZC = 2, kOFC = 4, kUFC = 8, kIXC = 16, kIDC = 128;

struct Result {
  uint64_t v0;
  uint64_t x0;
  uint32_t fpsr;
  uint32_t nzcv;
};

// Runs `word` with V1=a, V2=b, V3=c, X1=x under `fpcr`.
Result Exec(uint32_t word, uint64_t a, uint64_t b = 0, uint64_t c = 0, uint32_t fpcr = 0,
            uint64_t x = 0) {
  testing::TestMachine m;
  m.LoadCode({word});
  m.cpu.st.fpcr = fpcr;
  m.cpu.st.v[1].d[0] = a;
  m.cpu.st.v[2].d[0] = b;
  m.cpu.st.v[3].d[0] = c;
  m.cpu.st.x[1] = x;
  EXPECT_EQ(m.Run(1), StopReason::kInsnLimit);
  return {m.cpu.st.v[0].d[0], m.cpu.st.x[0], m.cpu.st.fpsr, m.cpu.st.nzcv};
}

constexpr uint32_t kFaddS = 0x1e222820;   // fadd s0, s1, s2
constexpr uint32_t kFaddD = 0x1e622820;   // fadd d0, d1, d2
constexpr uint32_t kFmulD = 0x1e620820;   // fmul d0, d1, d2
constexpr uint32_t kFdivD = 0x1e621820;   // fdiv d0, d1, d2
constexpr uint32_t kFmaxD = 0x1e624820;   // fmax d0, d1, d2
constexpr uint32_t kFminD = 0x1e625820;   // fmin d0, d1, d2
constexpr uint32_t kFmaxnmD = 0x1e626820; // fmaxnm d0, d1, d2
constexpr uint32_t kFmaddD = 0x1f420c20;  // fmadd d0, d1, d2, d3
constexpr uint32_t kFmsubD = 0x1f428c20;  // fmsub d0, d1, d2, d3
constexpr uint32_t kFcmpD = 0x1e622020;   // fcmp d1, d2
constexpr uint32_t kFcmpeD = 0x1e622030;  // fcmpe d1, d2
constexpr uint32_t kFcvtzsWD = 0x1e780020;  // fcvtzs w0, d1
constexpr uint32_t kFcvtzuXD = 0x9e790020;  // fcvtzu x0, d1
constexpr uint32_t kFcvtSD = 0x1e624020;  // fcvt s0, d1
constexpr uint32_t kFcvtDS = 0x1e22c020;  // fcvt d0, s1
constexpr uint32_t kFrintnD = 0x1e644020; // frintn d0, d1
constexpr uint32_t kFrintaD = 0x1e664020; // frinta d0, d1
constexpr uint32_t kFrintxD = 0x1e674020; // frintx d0, d1
constexpr uint32_t kScvtfDX = 0x9e620020; // scvtf d0, x1
constexpr uint32_t kUcvtfSX = 0x9e230020; // ucvtf s0, x1

constexpr uint64_t kOneD = 0x3ff0000000000000, kTwoD = 0x4000000000000000;
constexpr uint64_t kInfD = 0x7ff0000000000000, kDefaultNaND = 0x7ff8000000000000;
constexpr uint64_t kMinNormD = 0x0010000000000000;

TEST(FpSpecial, NaNPropagationOrderAndQuieting) {
  // SNaN in the second operand wins over a QNaN in the first, and is quietened.
  Result r = Exec(kFaddD, 0x7ff8000000000001, 0x7ff0000000000002);
  EXPECT_EQ(r.v0, 0x7ff8000000000002u);
  EXPECT_EQ(r.fpsr, kIOC);
  // Two QNaNs: the first operand's payload, no exception.
  r = Exec(kFaddD, 0xfff8000000000003, 0x7ff8000000000004);
  EXPECT_EQ(r.v0, 0xfff8000000000003u);
  EXPECT_EQ(r.fpsr, 0u);
  // FPCR.DN: the default NaN.
  r = Exec(kFaddD, 0xfff8000000000003, kOneD, 0, kDN);
  EXPECT_EQ(r.v0, kDefaultNaND);
}

TEST(FpSpecial, InvalidGivesArmDefaultNaN) {
  Result r = Exec(kFaddD, kInfD, kInfD | 1ull << 63);
  EXPECT_EQ(r.v0, kDefaultNaND);  // x86 would give 0xfff8...
  EXPECT_EQ(r.fpsr, kIOC);
  r = Exec(kFaddS, 0x7f800000, 0xff800000);
  EXPECT_EQ(r.v0, 0x7fc00000u);
}

TEST(FpSpecial, DivideByZero) {
  Result r = Exec(kFdivD, kOneD | 1ull << 63, 0);
  EXPECT_EQ(r.v0, kInfD | 1ull << 63);
  EXPECT_EQ(r.fpsr, kDZC);
}

TEST(FpSpecial, UnderflowDetectedBeforeRounding) {
  // (min_normal - ulp/2 exactly representable?) 0x000fffffffffffff * (1 + 2^-52)
  // rounds to min_normal but is tiny before rounding: UFC and IXC on AArch64.
  const uint64_t max_denorm = 0x000fffffffffffff;
  const uint64_t one_plus = 0x3ff0000000000001;
  Result r = Exec(kFmulD, max_denorm, one_plus);
  EXPECT_EQ(r.v0, kMinNormD);
  EXPECT_EQ(r.fpsr, kUFC | kIXC);
  // Same with FZ: flushed to +0, UFC only.
  r = Exec(kFmulD, kMinNormD, 0x3fefffffffffffff, 0, kFZ);
  EXPECT_EQ(r.v0, 0u);
  EXPECT_EQ(r.fpsr, kUFC);
}

TEST(FpSpecial, FlushToZeroInputs) {
  // Denormal input with FZ: treated as zero with the sign kept, IDC.
  Result r = Exec(kFaddD, 0x8000000000000001, 0x8000000000000000, 0, kFZ);
  EXPECT_EQ(r.v0, 0x8000000000000000u);
  EXPECT_EQ(r.fpsr, kIDC);
}

TEST(FpSpecial, Overflow) {
  Result r = Exec(kFmulD, 0x7fefffffffffffff, kTwoD, 0, kRZ);
  EXPECT_EQ(r.v0, 0x7fefffffffffffffu);
  EXPECT_EQ(r.fpsr, kOFC | kIXC);
  r = Exec(kFmulD, 0x7fefffffffffffff, kTwoD);
  EXPECT_EQ(r.v0, kInfD);
}

TEST(FpSpecial, ExactZeroSignFollowsRounding) {
  EXPECT_EQ(Exec(kFaddD, kOneD, kOneD | 1ull << 63).v0, 0u);
  EXPECT_EQ(Exec(kFaddD, kOneD, kOneD | 1ull << 63, 0, kRM).v0, 1ull << 63);
}

TEST(FpSpecial, MinMaxSignedZeros) {
  EXPECT_EQ(Exec(kFmaxD, 1ull << 63, 0).v0, 0u);
  EXPECT_EQ(Exec(kFmaxD, 0, 1ull << 63).v0, 0u);
  EXPECT_EQ(Exec(kFminD, 0, 1ull << 63).v0, 1ull << 63);
  // FMAXNM: a quiet NaN loses against a number; FMAX propagates it.
  EXPECT_EQ(Exec(kFmaxnmD, 0x7ff8000000000000, kOneD).v0, kOneD);
  EXPECT_EQ(Exec(kFmaxD, 0x7ff8000000000000, kOneD).v0, 0x7ff8000000000000u);
  // FMAXNM with a signalling NaN: processed as a NaN, IOC.
  Result r = Exec(kFmaxnmD, 0x7ff0000000000001, kOneD);
  EXPECT_EQ(r.v0, 0x7ff8000000000001u);
  EXPECT_EQ(r.fpsr, kIOC);
}

TEST(FpSpecial, FusedMultiplyAdd) {
  // QNaN addend with 0 * inf: default NaN and IOC.
  Result r = Exec(kFmaddD, 0, kInfD, 0x7ff8000000000005);
  EXPECT_EQ(r.v0, kDefaultNaND);
  EXPECT_EQ(r.fpsr, kIOC);
  // FMSUB negates the first multiplicand before NaN processing.
  r = Exec(kFmsubD, 0x7ff8000000000007, kOneD, kOneD);
  EXPECT_EQ(r.v0, 0xfff8000000000007u);
}

TEST(FpSpecial, Compare) {
  EXPECT_EQ(Exec(kFcmpD, kOneD, kTwoD).nzcv, 0x80000000u);
  EXPECT_EQ(Exec(kFcmpD, kTwoD, kOneD).nzcv, 0x20000000u);
  EXPECT_EQ(Exec(kFcmpD, 0, 1ull << 63).nzcv, 0x60000000u);
  Result r = Exec(kFcmpD, 0x7ff8000000000000, kOneD);
  EXPECT_EQ(r.nzcv, 0x30000000u);
  EXPECT_EQ(r.fpsr, 0u);  // FCMP: quiet NaN raises nothing
  EXPECT_EQ(Exec(kFcmpeD, 0x7ff8000000000000, kOneD).fpsr, kIOC);
  EXPECT_EQ(Exec(kFcmpD, 0x7ff0000000000001, kOneD).fpsr, kIOC);
}

TEST(FpSpecial, ConversionToIntegerSaturates) {
  Result r = Exec(kFcvtzsWD, 0x41e0000000000000);  // 2^31
  EXPECT_EQ(r.x0, 0x7fffffffu);
  EXPECT_EQ(r.fpsr, kIOC);
  r = Exec(kFcvtzsWD, 0xc1e0000000000000);  // -2^31: exact
  EXPECT_EQ(r.x0, 0x80000000u);
  EXPECT_EQ(r.fpsr, 0u);
  r = Exec(kFcvtzsWD, 0x7ff8000000000000);  // NaN -> 0, IOC
  EXPECT_EQ(r.x0, 0u);
  EXPECT_EQ(r.fpsr, kIOC);
  r = Exec(kFcvtzsWD, 0xbff8000000000000);  // -1.5 -> -1, inexact
  EXPECT_EQ(r.x0, 0xffffffffu);
  EXPECT_EQ(r.fpsr, kIXC);
  r = Exec(kFcvtzuXD, 0xbfe0000000000000);  // -0.5 -> 0, inexact (not invalid)
  EXPECT_EQ(r.x0, 0u);
  EXPECT_EQ(r.fpsr, kIXC);
  r = Exec(kFcvtzuXD, 0x43f0000000000000);  // 2^64 saturates
  EXPECT_EQ(r.x0, ~0ull);
  EXPECT_EQ(r.fpsr, kIOC);
}

TEST(FpSpecial, PrecisionConversion) {
  // Double SNaN to single: quietened, top payload bits kept, IOC.
  Result r = Exec(kFcvtSD, 0x7ff4000020000000);
  EXPECT_EQ(r.v0, 0x7fe00001u);
  EXPECT_EQ(r.fpsr, kIOC);
  // Single denormal to double without FZ is exact.
  r = Exec(kFcvtDS, 1);
  EXPECT_EQ(r.v0, 0x36a0000000000000u);
  EXPECT_EQ(r.fpsr, 0u);
  // ... and with FZ becomes +0 with IDC.
  r = Exec(kFcvtDS, 1, 0, 0, kFZ);
  EXPECT_EQ(r.v0, 0u);
  EXPECT_EQ(r.fpsr, kIDC);
}

TEST(FpSpecial, RoundToIntegral) {
  EXPECT_EQ(Exec(kFrintnD, 0x4004000000000000).v0, 0x4000000000000000u);  // 2.5 -> 2
  EXPECT_EQ(Exec(kFrintaD, 0x4004000000000000).v0, 0x4008000000000000u);  // 2.5 -> 3
  EXPECT_EQ(Exec(kFrintnD, 0xbfd0000000000000).v0, 1ull << 63);          // -0.25 -> -0
  EXPECT_EQ(Exec(kFrintnD, 0xbfd0000000000000).fpsr, 0u);
  Result r = Exec(kFrintxD, 0x3fd0000000000000, 0, 0, kRP);  // 0.25 -> 1, inexact
  EXPECT_EQ(r.v0, kOneD);
  EXPECT_EQ(r.fpsr, kIXC);
}

TEST(FpSpecial, IntegerToFloat) {
  Result r = Exec(kScvtfDX, 0, 0, 0, 0, 0x8000000000000000);
  EXPECT_EQ(r.v0, 0xc3e0000000000000u);
  EXPECT_EQ(r.fpsr, 0u);
  r = Exec(kUcvtfSX, 0, 0, 0, kRZ, ~0ull);  // 2^64 - 1 rounds down to 0x5f7fffff
  EXPECT_EQ(r.v0, 0x5f7fffffu);
  EXPECT_EQ(r.fpsr, kIXC);
  r = Exec(kUcvtfSX, 0, 0, 0, 0, ~0ull);  // ... and up to 2^64 to nearest
  EXPECT_EQ(r.v0, 0x5f800000u);
}

TEST(FpSpecial, MoveGeneralTopHalf) {
  testing::TestMachine m;
  m.LoadCode({0x9eaf0020, 0x9eae0003});  // fmov v0.d[1], x1 ; fmov x3, v0.d[1]
  m.cpu.st.v[0].d[0] = 0x1234;
  m.cpu.st.x[1] = 0xfeedface;
  ASSERT_EQ(m.Run(2), StopReason::kInsnLimit);
  EXPECT_EQ(m.cpu.st.v[0].d[0], 0x1234u);  // the low half is preserved
  EXPECT_EQ(m.cpu.st.v[0].d[1], 0xfeedfaceu);
  EXPECT_EQ(m.cpu.st.x[3], 0xfeedfaceu);
}

}  // namespace
}  // namespace a64
