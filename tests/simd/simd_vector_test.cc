// Semantics of the Advanced SIMD vector instructions glibc's string routines
// use. Words were assembled with llvm-mc-14 (comment = the instruction).
#include <cstdint>

#include "tests/support/insn_fixture.h"

namespace a64 {
namespace {

class SimdTest : public testing::InsnTest {};

constexpr uint64_t kJunk = 0x5a5a5a5a5a5a5a5aull;

void Iota(uint8_t (&b)[16], uint8_t base) {
  for (unsigned i = 0; i < 16; ++i) b[i] = static_cast<uint8_t>(base + i);
}

TEST_F(SimdTest, MoviAllForms) {
  Exec(0x4f02e420);  // movi v0.16b, #65
  EXPECT_EQ(Lo(0), 0x4141414141414141ull);
  EXPECT_EQ(Hi(0), 0x4141414141414141ull);
  SetV(1, kJunk, kJunk);
  Exec(0x0f002641);  // movi v1.2s, #18, lsl #8
  EXPECT_EQ(Lo(1), 0x0000120000001200ull);
  EXPECT_EQ(Hi(1), 0u);  // Q == 0 clears the upper 64 bits
  Exec(0x6f00c422);  // mvni v2.4s, #1, msl #8: NOT(0x000001ff)
  EXPECT_EQ(Lo(2), 0xfffffe00fffffe00ull);
  EXPECT_EQ(Hi(2), 0xfffffe00fffffe00ull);
  SetV(3, kJunk, kJunk);
  Exec(0x2f05e543);  // movi d3, #0xff00ff00ff00ff00
  EXPECT_EQ(Lo(3), 0xff00ff00ff00ff00ull);
  EXPECT_EQ(Hi(3), 0u);
}

TEST_F(SimdTest, OrrBicImmediate) {
  SetV(4, 0x0000000100000001ull, 0x0000000100000001ull);
  Exec(0x4f047404);  // orr v4.4s, #128, lsl #24
  EXPECT_EQ(Lo(4), 0x8000000180000001ull);
  EXPECT_EQ(Hi(4), 0x8000000180000001ull);
  SetV(4, ~0ull, ~0ull);
  Exec(0x6f0797e4);  // bic v4.8h, #255
  EXPECT_EQ(Lo(4), 0xff00ff00ff00ff00ull);
  EXPECT_EQ(Hi(4), 0xff00ff00ff00ff00ull);
}

TEST_F(SimdTest, DupInsUmovSmov) {
  m.cpu.st.x[1] = 0x1234ab;
  SetV(5, kJunk, kJunk);
  Exec(0x0e010c25);  // dup v5.8b, w1
  EXPECT_EQ(Lo(5), 0xababababababababull);
  EXPECT_EQ(Hi(5), 0u);
  SetV(7, 0, 0xdeadbeef11111111ull);
  Exec(0x4e1c04e6);  // dup v6.4s, v7.s[3]
  EXPECT_EQ(Lo(6), 0xdeadbeefdeadbeefull);
  EXPECT_EQ(Hi(6), 0xdeadbeefdeadbeefull);
  SetV(8, 0x1111111122222222ull, 0x3333333344444444ull);
  m.cpu.st.x[2] = 0xffffffff55555555ull;
  Exec(0x4e141c48);  // mov v8.s[2], w2
  EXPECT_EQ(Lo(8), 0x1111111122222222ull);
  EXPECT_EQ(Hi(8), 0x3333333355555555ull);
  SetV(9, 0, 0);
  SetV(10, 0, 0x0000abcd00000000ull);
  Exec(0x6e066549);  // mov v9.h[1], v10.h[6]
  EXPECT_EQ(Lo(9), 0x00000000abcd0000ull);
  EXPECT_EQ(Hi(9), 0u);
  SetV(11, 0, 0x8000000000000000ull);
  m.cpu.st.x[3] = ~0ull;
  Exec(0x0e1f3d63);  // umov w3, v11.b[15]
  EXPECT_EQ(m.cpu.st.x[3], 0x80u);
  SetV(12, 0, 0x0123456789abcdefull);
  Exec(0x4e183d84);  // mov x4, v12.d[1]
  EXPECT_EQ(m.cpu.st.x[4], 0x0123456789abcdefull);
  SetV(13, 0x0000800100000080ull, 0);
  Exec(0x4e0a2da5);  // smov x5, v13.h[2]
  EXPECT_EQ(m.cpu.st.x[5], 0xffffffffffff8001ull);
  Exec(0x0e012da6);  // smov w6, v13.b[0]: sign-extended to 32 bits only
  EXPECT_EQ(m.cpu.st.x[6], 0x00000000ffffff80ull);
}

TEST_F(SimdTest, CompareRegister) {
  uint8_t a[16], b[16];
  Iota(a, 0);
  for (unsigned i = 0; i < 16; ++i) b[i] = (i % 2) ? 0xff : static_cast<uint8_t>(i);
  SetBytes(1, a);
  SetBytes(2, b);
  Exec(0x6e228c20);  // cmeq v0.16b, v1.16b, v2.16b
  EXPECT_EQ(Lo(0), 0x00ff00ff00ff00ffull);
  EXPECT_EQ(Hi(0), 0x00ff00ff00ff00ffull);
  Exec(0x2e228c20);  // cmeq v0.8b, v1.8b, v2.8b
  EXPECT_EQ(Lo(0), 0x00ff00ff00ff00ffull);
  EXPECT_EQ(Hi(0), 0u);

  SetV(1, 0xffffffff00000001ull, 0x0000000000000005ull);
  SetV(2, 0x0000000100000000ull, 0x8000000000000005ull);
  Exec(0x6ea23420);  // cmhi v0.4s, v1.4s, v2.4s (unsigned)
  EXPECT_EQ(Lo(0), ~0ull);
  EXPECT_EQ(Hi(0), 0u);
  SetV(1, ~0ull, 5);
  SetV(2, 0, static_cast<uint64_t>(-5));
  Exec(0x4ee23420);  // cmgt v0.2d, v1.2d, v2.2d (signed)
  EXPECT_EQ(Lo(0), 0u);
  EXPECT_EQ(Hi(0), ~0ull);
  SetV(1, 0x0001000200040008ull, 0);
  SetV(2, 0x0001000100040000ull, ~0ull);
  Exec(0x4e628c20);  // cmtst v0.8h, v1.8h, v2.8h
  EXPECT_EQ(Lo(0), 0xffff0000ffff0000ull);
  EXPECT_EQ(Hi(0), 0u);
}

TEST_F(SimdTest, CompareZero) {
  SetV(1, 0x00ff00ff00ff00ffull, 0);
  Exec(0x4e209820);  // cmeq v0.16b, v1.16b, #0
  EXPECT_EQ(Lo(0), 0xff00ff00ff00ff00ull);
  EXPECT_EQ(Hi(0), ~0ull);
  SetV(1, 0x0000000180000000ull, 0x00000000ffffffffull);
  Exec(0x4ea0a820);  // cmlt v0.4s, v1.4s, #0
  EXPECT_EQ(Lo(0), 0x00000000ffffffffull);
  EXPECT_EQ(Hi(0), 0x00000000ffffffffull);
}

TEST_F(SimdTest, BitwiseSelect) {
  SetV(1, 0x1111111111111111ull, 0x1111111111111111ull);
  SetV(2, 0x2222222222222222ull, 0x2222222222222222ull);
  SetV(0, 0xff00ff00ff00ff00ull, 0xff00ff00ff00ff00ull);
  Exec(0x6e621c20);  // bsl v0.16b, v1.16b, v2.16b: Vd selects Vn (1) / Vm (0)
  EXPECT_EQ(Lo(0), 0x1122112211221122ull);
  SetV(2, 0xff00ff00ff00ff00ull, 0xff00ff00ff00ff00ull);
  SetV(0, 0x3333333333333333ull, 0x3333333333333333ull);
  Exec(0x6ea21c20);  // bit: insert Vn where Vm is 1
  EXPECT_EQ(Lo(0), 0x1133113311331133ull);
  SetV(0, 0x3333333333333333ull, 0x3333333333333333ull);
  Exec(0x6ee21c20);  // bif: insert Vn where Vm is 0
  EXPECT_EQ(Lo(0), 0x3311331133113311ull);
  SetV(1, 0x00ff00ff00ff00ffull, kJunk);
  Exec(0x2e205820);  // mvn v0.8b, v1.8b
  EXPECT_EQ(Lo(0), 0xff00ff00ff00ff00ull);
  EXPECT_EQ(Hi(0), 0u);
}

TEST_F(SimdTest, Pairwise) {
  uint8_t a[16];
  Iota(a, 0);
  SetBytes(1, a);
  SetV(2, 0x8080808080808080ull, 0x8080808080808080ull);
  Exec(0x4e22bc20);  // addp v0.16b, v1.16b, v2.16b
  EXPECT_EQ(Lo(0), 0x1d1915110d090501ull);
  EXPECT_EQ(Hi(0), 0u);
  SetV(1, 0x0000000700000001ull, 0x00000003ffffffffull);
  SetV(2, 0x0000000200000009ull, 0x0000000400000004ull);
  Exec(0x6ea2a420);  // umaxp v0.4s, v1.4s, v2.4s
  EXPECT_EQ(Lo(0), 0xffffffff00000007ull);
  EXPECT_EQ(Hi(0), 0x0000000400000009ull);
  SetV(1, 0x07070100c8090305ull, kJunk);
  SetV(2, 0x09000101feff0802ull, kJunk);
  Exec(0x2e22ac20);  // uminp v0.8b, v1.8b, v2.8b
  EXPECT_EQ(Lo(0), 0x0001fe0207000903ull);
  EXPECT_EQ(Hi(0), 0u);
}

TEST_F(SimdTest, AcrossLanes) {
  uint8_t a[16];
  Iota(a, 0);
  a[9] = 0xf0;
  SetBytes(1, a);
  SetV(0, kJunk, kJunk);
  Exec(0x6e30a820);  // umaxv b0, v1.16b
  EXPECT_EQ(Lo(0), 0xf0u);
  EXPECT_EQ(Hi(0), 0u);
  SetV(1, 0x0006000700080009ull, 0xfffe000300040005ull);
  Exec(0x6e71a820);  // uminv h0, v1.8h
  EXPECT_EQ(Lo(0), 3u);
  SetV(1, 0xfffffffdfffffffbull, 0x80000000ffffff9cull);
  Exec(0x4eb0a820);  // smaxv s0, v1.4s
  EXPECT_EQ(Lo(0), 0xfffffffdu);
  SetV(1, 0x4040404040404041ull, 0x0101010101010101ull);
  Exec(0x0e31b820);  // addv b0, v1.8b: modulo 2^8, upper half ignored
  EXPECT_EQ(Lo(0), 0x01u);
  SetV(1, ~0ull, ~0ull);
  Exec(0x6e303820);  // uaddlv h0, v1.16b
  EXPECT_EQ(Lo(0), 0xff0u);
  EXPECT_EQ(Hi(0), 0u);
}

TEST_F(SimdTest, ShiftsAndNarrowing) {
  SetV(1, 0xffff00f0abcd1234ull, 0x0010002000300040ull);
  SetV(0, kJunk, kJunk);
  Exec(0x0f0c8420);  // shrn v0.8b, v1.8h, #4
  EXPECT_EQ(Lo(0), 0x01020304ff0fbc23ull);
  EXPECT_EQ(Hi(0), 0u);
  SetV(0, 0x1111111111111111ull, kJunk);
  Exec(0x4f0c8420);  // shrn2 v0.16b, v1.8h, #4: keeps the low half
  EXPECT_EQ(Lo(0), 0x1111111111111111ull);
  EXPECT_EQ(Hi(0), 0x01020304ff0fbc23ull);
  Exec(0x0e212820);  // xtn v0.8b, v1.8h
  EXPECT_EQ(Lo(0), 0x10203040fff0cd34ull);
  EXPECT_EQ(Hi(0), 0u);
  SetV(1, 0xfff8000800071238ull, 0);
  Exec(0x0f0c8c20);  // rshrn v0.8b, v1.8h, #4 (rounding)
  EXPECT_EQ(Lo(0), 0x0000000000010024ull);
  SetV(1, ~0ull, ~0ull);
  Exec(0x6f400420);  // ushr v0.2d, v1.2d, #64
  EXPECT_EQ(Lo(0), 0u);
  EXPECT_EQ(Hi(0), 0u);
  SetV(1, 0x0000000580000000ull, 0x7fffffffffffffffull);
  Exec(0x4f210420);  // sshr v0.4s, v1.4s, #31
  EXPECT_EQ(Lo(0), 0x00000000ffffffffull);
  EXPECT_EQ(Hi(0), 0x00000000ffffffffull);
  SetV(1, 0x000000000000ffffull | 0x1234ull << 16, 0);
  Exec(0x4f135420);  // shl v0.8h, v1.8h, #3
  EXPECT_EQ(Lo(0), 0x0000000091a0fff8ull);
}

TEST_F(SimdTest, ExtAndTableLookup) {
  uint8_t a[16], b[16];
  Iota(a, 0);
  Iota(b, 0x10);
  SetBytes(1, a);
  SetBytes(2, b);
  Exec(0x6e021820);  // ext v0.16b, v1.16b, v2.16b, #3
  EXPECT_EQ(Lo(0), 0x0a09080706050403ull);
  EXPECT_EQ(Hi(0), 0x1211100f0e0d0c0bull);

  Iota(a, 0xa0);
  SetBytes(1, a);
  const uint8_t idx[16] = {0, 15, 16, 255, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
  SetBytes(2, idx);
  Exec(0x4e020020);  // tbl v0.16b, { v1.16b }, v2.16b: out of range -> 0
  EXPECT_EQ(Lo(0), 0xa4a3a2a10000afa0ull);
  EXPECT_EQ(Hi(0), 0xacabaaa9a8a7a6a5ull);
  SetV(0, 0x5555555555555555ull, 0x5555555555555555ull);
  Exec(0x4e021020);  // tbx: out of range -> destination byte unchanged
  EXPECT_EQ(Lo(0), 0xa4a3a2a15555afa0ull);
  EXPECT_EQ(Hi(0), 0xacabaaa9a8a7a6a5ull);

  Iota(a, 0);
  Iota(b, 0x10);
  SetBytes(30, a);
  SetBytes(31, b);
  const uint8_t idx2[16] = {31, 0, 16, 32, 5, 17, 200, 15, 1, 1, 1, 1, 1, 1, 1, 1};
  SetBytes(2, idx2);
  Exec(0x0e0223c0);  // tbl v0.8b, { v30.16b, v31.16b }, v2.8b
  EXPECT_EQ(Lo(0), 0x0f0011050010001full);
  EXPECT_EQ(Hi(0), 0u);
}

TEST_F(SimdTest, PermuteAndReverse) {
  SetV(1, 0x0003000200010000ull, 0x0007000600050004ull);
  SetV(2, 0x0013001200110010ull, 0x0017001600150014ull);
  Exec(0x4e423820);  // zip1 v0.8h, v1.8h, v2.8h
  EXPECT_EQ(Lo(0), 0x0011000100100000ull);
  EXPECT_EQ(Hi(0), 0x0013000300120002ull);
  SetV(1, 0x0000000100000000ull, 0x0000000300000002ull);
  SetV(2, 0x0000000500000004ull, 0x0000000700000006ull);
  Exec(0x4e825820);  // uzp2 v0.4s, v1.4s, v2.4s
  EXPECT_EQ(Lo(0), 0x0000000300000001ull);
  EXPECT_EQ(Hi(0), 0x0000000700000005ull);
  Exec(0x4ea00820);  // rev64 v0.4s, v1.4s
  EXPECT_EQ(Lo(0), 0x0000000000000001ull);
  EXPECT_EQ(Hi(0), 0x0000000200000003ull);
  uint8_t a[16], b[16];
  Iota(a, 0);
  Iota(b, 0x10);
  SetBytes(1, a);
  SetBytes(2, b);
  Exec(0x4e022820);  // trn1 v0.16b, v1.16b, v2.16b
  EXPECT_EQ(Lo(0), 0x1606140412021000ull);
  EXPECT_EQ(Hi(0), 0x1e0e1c0c1a0a1808ull);
  Exec(0x4e201820);  // rev16 v0.16b, v1.16b
  EXPECT_EQ(Lo(0), 0x0607040502030001ull);
}

TEST_F(SimdTest, CountAndAddLongPairwise) {
  SetV(1, 0x000000ff00010307ull, 0x8000000000000000ull);
  Exec(0x4e205820);  // cnt v0.16b, v1.16b
  EXPECT_EQ(Lo(0), 0x0000000800010203ull);
  EXPECT_EQ(Hi(0), 0x0100000000000000ull);
  SetV(1, 0x808004030201ffffull, kJunk);
  Exec(0x2e202820);  // uaddlp v0.4h, v1.8b
  EXPECT_EQ(Lo(0), 0x01000007000301feull);
  EXPECT_EQ(Hi(0), 0u);
}

TEST_F(SimdTest, UnallocatedIsUndefined) {
  ExecFaults(0x6e22bc20);  // three same, U = 1, opcode 10111: unallocated
  EXPECT_EQ(m.cpu.exc.ec, ExceptionClass::kUnknown);
}

}  // namespace
}  // namespace a64
