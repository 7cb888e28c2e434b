// Hand-written cases of the Advanced SIMD scalar semantics: the forms gcc emits
// for plain C code, the clearing of bits 127:esize, the stickiness of FPSR.QC,
// and encodings that stay UNDEFINED. Encodings from llvm-mc-14.
#include <gtest/gtest.h>

#include <cstdint>

#include "tests/support/insn_fixture.h"

namespace a64 {
namespace {

class SimdScalarTest : public testing::InsnTest {};

TEST_F(SimdScalarTest, UshrClearsUpperHalf) {
  SetV(1, 0xf000000000000010, 0x1234);
  SetV(0, 0x1111, 0x2222);
  Exec(0x7f7c0420);  // ushr d0, d1, #4
  EXPECT_EQ(Lo(0), 0x0f00000000000001u);
  EXPECT_EQ(Hi(0), 0u);
}

TEST_F(SimdScalarTest, ScvtfDouble) {
  SetV(1, static_cast<uint64_t>(-3), 0x77);
  Exec(0x5e61d820);  // scvtf d0, d1
  EXPECT_EQ(Lo(0), 0xc008000000000000u);  // -3.0
  EXPECT_EQ(Hi(0), 0u);
}

TEST_F(SimdScalarTest, AddpAndDupScalar) {
  SetV(1, 0x0000000500000007, 0x10);
  Exec(0x5ef1b820);  // addp d0, v1.2d
  EXPECT_EQ(Lo(0), 0x0000000500000017u);
  Exec(0x5e0c0420);  // mov s0, v1.s[1]
  EXPECT_EQ(Lo(0), 5u);
  EXPECT_EQ(Hi(0), 0u);
}

TEST_F(SimdScalarTest, CmeqZero) {
  SetV(1, 0, 0x99);
  Exec(0x5ee09820);  // cmeq d0, d1, #0
  EXPECT_EQ(Lo(0), ~0ull);
  EXPECT_EQ(Hi(0), 0u);
}

TEST_F(SimdScalarTest, FaddpSingle) {
  SetV(1, 0x400000003f800000, 0x40400000);  // {1.0, 2.0, 3.0}
  Exec(0x7e30d820);                          // faddp s0, v1.2s
  EXPECT_EQ(Lo(0), 0x40400000u);             // 3.0
  EXPECT_EQ(Hi(0), 0u);
}

TEST_F(SimdScalarTest, SaturationSetsQcAndQcIsSticky) {
  m.cpu.st.fpsr = 0;
  SetV(1, 0x7f, 0);
  SetV(2, 0x01, 0);
  Exec(0x5e220c20);  // sqadd b0, b1, b2
  EXPECT_EQ(Lo(0), 0x7fu);
  EXPECT_EQ(m.cpu.st.fpsr, 1u << 27);
  SetV(2, 0x00, 0);
  Exec(0x5e220c20);  // no saturation: QC stays set
  EXPECT_EQ(m.cpu.st.fpsr, 1u << 27);
  m.cpu.st.fpsr = 0;
  Exec(0x5e220c20);
  EXPECT_EQ(m.cpu.st.fpsr, 0u);
}

TEST_F(SimdScalarTest, FcvtzsSaturatesWithInvalid) {
  SetV(1, 0x7ff0000000000000, 0);  // +Inf
  m.cpu.st.fpsr = 0;
  Exec(0x5ee1b820);  // fcvtzs d0, d1
  EXPECT_EQ(Lo(0), 0x7fffffffffffffffu);
  EXPECT_EQ(m.cpu.st.fpsr, 1u);  // IOC
}

TEST_F(SimdScalarTest, Fp16FormsStayUndefined) {
  ExecFaults(0x5e401c20);  // fmulx h0, h1, h0 (FEAT_FP16: not decoded)
  ExecFaults(0x5f10fc20);  // fcvtzs h0, h1, #16 (FEAT_FP16 fixed point)
}

}  // namespace
}  // namespace a64
