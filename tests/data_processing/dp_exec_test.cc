// Semantics of the integer data-processing instructions, run on the engine
// under test (tests/support/test_machine.h). Encodings from llvm-mc-14 -show-encoding (-mattr=+v8.3a,+crc).
#include <gtest/gtest.h>

#include <cstring>

#include "tests/support/test_machine.h"

namespace a64 {
namespace {

constexpr uint32_t N = kFlagN, Z = kFlagZ, C = kFlagC, V = kFlagV;
constexpr uint64_t kMin64 = 0x8000000000000000ull;

class DpExec : public ::testing::Test {
 protected:
  // Runs the given words in order (each retires or the test fails).
  void Run(std::vector<uint32_t> words) {
    m.LoadCode(words);
    ASSERT_EQ(m.Run(words.size()), StopReason::kInsnLimit);
  }
  uint64_t& X(int n) { return m.cpu.st.x[n]; }
  uint32_t& Nzcv() { return m.cpu.st.nzcv; }

  testing::TestMachine m;
};

TEST_F(DpExec, SubsAndCmpWithInt64Min) {
  X(0) = kMin64;
  X(1) = 1;
  Run({0xeb010002});  // subs x2, x0, x1
  EXPECT_EQ(X(2), 0x7fffffffffffffffull);
  EXPECT_EQ(Nzcv(), C | V);
  X(0) = 0;
  X(1) = kMin64;
  Run({0xeb01001f});  // cmp x0, x1
  EXPECT_EQ(Nzcv(), N | V);
  X(0) = X(1) = kMin64;
  Run({0xeb01001f});
  EXPECT_EQ(Nzcv(), Z | C);
}

TEST_F(DpExec, SbcsUsesCarryIn) {
  X(0) = kMin64;
  X(1) = 0;
  Nzcv() = 0;
  Run({0xfa010002});  // sbcs x2, x0, x1: INT64_MIN + ~0 + 0
  EXPECT_EQ(X(2), 0x7fffffffffffffffull);
  EXPECT_EQ(Nzcv(), C | V);
  X(0) = 0;
  Nzcv() = 0;
  Run({0xfa010002});  // 0 - 0 - 1
  EXPECT_EQ(X(2), ~0ull);
  EXPECT_EQ(Nzcv(), N);
  Nzcv() = C;
  Run({0xfa010002});  // 0 - 0 - 0
  EXPECT_EQ(X(2), 0u);
  EXPECT_EQ(Nzcv(), Z | C);
}

TEST_F(DpExec, AddsThirtyTwoBitClearsUpperHalf) {
  X(0) = 0xffffffff7fffffffull;
  X(1) = 1;
  X(2) = ~0ull;
  Run({0x2b010002});  // adds w2, w0, w1
  EXPECT_EQ(X(2), 0x80000000u);
  EXPECT_EQ(Nzcv(), N | V);
  X(0) = 0x7f001000ull;
  Nzcv() = 0;
  Run({0x317ffc1f});  // cmn w0, #4095, lsl #12: 0x7f001000 + 0xfff000
  EXPECT_EQ(Nzcv(), N | V);
}

TEST_F(DpExec, AdcAndNgc) {
  X(0) = ~0ull;
  X(1) = 0;
  Nzcv() = C;
  Run({0x9a010002});  // adc x2, x0, x1
  EXPECT_EQ(X(2), 0u);
  EXPECT_EQ(Nzcv(), C);  // flags unchanged by ADC
  X(1) = 5;
  Nzcv() = 0;
  Run({0x5a0103e2});  // ngc w2, w1: 0 - 5 - 1
  EXPECT_EQ(X(2), 0xfffffffau);
}

TEST_F(DpExec, DivisionEdgeCases) {
  X(0) = kMin64;
  X(1) = ~0ull;
  Run({0x9ac10c02});  // sdiv x2, x0, x1
  EXPECT_EQ(X(2), kMin64);
  X(1) = 0;
  Run({0x9ac10c02});
  EXPECT_EQ(X(2), 0u);
  Run({0x9ac10802});  // udiv x2, x0, x1 by zero
  EXPECT_EQ(X(2), 0u);
  X(0) = 0x80000000u;
  X(1) = 0xffffffffu;
  Run({0x1ac10c02});  // sdiv w2, w0, w1: INT32_MIN / -1
  EXPECT_EQ(X(2), 0x80000000u);
  X(0) = static_cast<uint64_t>(-7);
  X(1) = 2;
  Run({0x9ac10c02});
  EXPECT_EQ(X(2), static_cast<uint64_t>(-3));  // rounds toward zero
  X(0) = ~0ull;
  Run({0x9ac10802});  // udiv
  EXPECT_EQ(X(2), 0x7fffffffffffffffull);
}

TEST_F(DpExec, VariableShiftsTakeAmountModDatasize) {
  X(0) = 0x123;
  X(1) = 64;
  Run({0x9ac12002});  // lsl x2, x0, x1
  EXPECT_EQ(X(2), 0x123u);
  X(1) = 65;
  Run({0x9ac12002});
  EXPECT_EQ(X(2), 0x246u);
  X(0) = 0x80000000u;
  X(1) = 31 + 32 * 5;
  Run({0x1ac12802});  // asr w2, w0, w1
  EXPECT_EQ(X(2), 0xffffffffu);
  X(0) = 1;
  X(1) = 1;
  Run({0x9ac12c02});  // ror x2, x0, x1
  EXPECT_EQ(X(2), kMin64);
}

TEST_F(DpExec, BitfieldFullWidthAndInsert) {
  X(0) = 0x0123456789abcdefull;
  X(2) = 0;
  Run({0xd340fc02});  // lsr x2, x0, #0 (ubfm x2, x0, #0, #63)
  EXPECT_EQ(X(2), 0x0123456789abcdefull);
  X(2) = ~0ull;
  Run({0xb340fc02});  // bfxil x2, x0, #0, #64
  EXPECT_EQ(X(2), 0x0123456789abcdefull);
  X(2) = 0x5555555555555555ull;
  Run({0xb3780c02});  // bfi x2, x0, #8, #4
  EXPECT_EQ(X(2), 0x5555555555555f55ull);
  X(0) = 0xf80;
  Run({0x93442c02});  // sbfx x2, x0, #4, #8
  EXPECT_EQ(X(2), static_cast<uint64_t>(-8));
  X(0) = 0x80;
  Run({0x93401c02});  // sxtb x2, w0
  EXPECT_EQ(X(2), 0xffffffffffffff80ull);
  X(0) = 0xffffffff80000000ull;
  Run({0x131f7c02});  // asr w2, w0, #31
  EXPECT_EQ(X(2), 0xffffffffu);
}

TEST_F(DpExec, ExtractOperandOrder) {
  X(0) = 0x1122334455667788ull;
  X(1) = 0x99aabbccddeeff00ull;
  Run({0x93c12002});  // extr x2, x0, x1, #8: (x0:x1)<71:8>
  EXPECT_EQ(X(2), 0x8899aabbccddeeffull);
  Run({0x13810002});  // extr w2, w0, w1, #0
  EXPECT_EQ(X(2), 0xddeeff00u);
  Run({0x93c0fc02});  // ror x2, x0, #63
  EXPECT_EQ(X(2), 0x22446688aaccef10ull);
}

TEST_F(DpExec, ConditionalCompare) {
  X(0) = 3;
  X(1) = 4;
  Nzcv() = 0;
  Run({0xfa410005});  // ccmp x0, x1, #5, eq: condition fails
  EXPECT_EQ(Nzcv(), (5u << 28));
  Nzcv() = Z;
  Run({0xfa410005});  // condition holds: flags of 3 - 4
  EXPECT_EQ(Nzcv(), N);
  Nzcv() = 0;
  Run({0xfa431802});  // ccmp x0, #3, #2, ne: 3 - 3
  EXPECT_EQ(Nzcv(), Z | C);
  X(0) = 0xffffffffu;
  Run({0x3a41e800});  // ccmn w0, #1, #0, al
  EXPECT_EQ(Nzcv(), Z | C);
}

TEST_F(DpExec, ConditionalSelect) {
  X(0) = 10;
  X(1) = 20;
  Nzcv() = 0;
  Run({0x9a810402});  // csinc x2, x0, x1, eq (fails): x1 + 1
  EXPECT_EQ(X(2), 21u);
  Nzcv() = Z;
  Run({0x9a810402});
  EXPECT_EQ(X(2), 10u);
  Run({0x9a800402});  // cinc x2, x0, ne: Z set, so NE fails: x0
  EXPECT_EQ(X(2), 10u);
  Nzcv() = 0;
  Run({0x9a800402});  // NE holds: x0 + 1
  EXPECT_EQ(X(2), 11u);
  Nzcv() = 0;
  Run({0x5a81b402});  // csneg w2, w0, w1, lt (N == V): -w1
  EXPECT_EQ(X(2), 0xffffffecu);
  Nzcv() = C;
  Run({0xda9f93e2});  // csetm x2, hi
  EXPECT_EQ(X(2), ~0ull);
}

TEST_F(DpExec, MultiplyHighAndLong) {
  X(0) = kMin64;
  X(1) = kMin64;
  Run({0x9b417c02});  // smulh x2, x0, x1
  EXPECT_EQ(X(2), 0x4000000000000000ull);
  X(0) = ~0ull;
  X(1) = 1;
  Run({0x9b417c02});
  EXPECT_EQ(X(2), ~0ull);
  X(1) = ~0ull;
  Run({0x9bc17c02});  // umulh x2, x0, x1
  EXPECT_EQ(X(2), 0xfffffffffffffffeull);
  X(0) = 0xfffffffe;  // -2 as a W register
  X(1) = 3;
  X(3) = 100;
  Run({0x9b210c02});  // smaddl x2, w0, w1, x3
  EXPECT_EQ(X(2), 94u);
  Run({0x9ba18c02});  // umsubl x2, w0, w1, x3
  EXPECT_EQ(X(2), 100 - 3 * 0xfffffffeull);
  Run({0x1b018c02});  // msub w2, w0, w1, w3: 100 - (-6)
  EXPECT_EQ(X(2), 106u);
}

// Standard check values for "123456789": CRC-32 0xCBF43926, CRC-32C 0xE3069283
// (initial value and final XOR all-ones).
TEST_F(DpExec, Crc32KnownVectors) {
  const char* msg = "123456789";
  X(0) = 0xffffffffu;
  for (int i = 0; i < 9; ++i) {
    X(1) = static_cast<uint8_t>(msg[i]);
    Run({0x1ac14002});  // crc32b w2, w0, w1
    X(0) = X(2);
  }
  EXPECT_EQ(X(0) ^ 0xffffffffu, 0xCBF43926u);

  uint64_t first8;
  std::memcpy(&first8, msg, 8);
  X(0) = 0xffffffffu;
  X(1) = first8;
  Run({0x9ac15c02});  // crc32cx w2, w0, x1
  X(0) = X(2);
  X(1) = static_cast<uint8_t>(msg[8]);
  Run({0x1ac15002});  // crc32cb w2, w0, w1
  EXPECT_EQ(X(2) ^ 0xffffffffu, 0xE3069283u);

  uint32_t word;
  std::memcpy(&word, msg, 4);
  X(0) = 0xffffffffu;
  X(1) = 0xdead000000000000ull | word;  // upper bits ignored by crc32w
  Run({0x1ac14802});  // crc32w w2, w0, w1
  std::memcpy(&word, msg + 4, 4);
  X(0) = X(2);
  X(1) = word;
  Run({0x1ac14802});
  X(0) = X(2);
  X(1) = static_cast<uint8_t>(msg[8]);
  Run({0x1ac14002});
  EXPECT_EQ(X(2) ^ 0xffffffffu, 0xCBF43926u);
}

TEST_F(DpExec, OneSource) {
  X(0) = 0x0123456789abcdefull;
  Run({0xdac00002});  // rbit x2, x0
  EXPECT_EQ(X(2), 0xf7b3d591e6a2c480ull);
  Run({0x5ac00402});  // rev16 w2, w0
  EXPECT_EQ(X(2), 0xab89efcdu);
  Run({0xdac00802});  // rev32 x2, x0
  EXPECT_EQ(X(2), 0x67452301efcdab89ull);
  Run({0xdac00c02});  // rev x2, x0
  EXPECT_EQ(X(2), 0xefcdab8967452301ull);
  X(0) = 0xffffffff00000000ull;
  Run({0x5ac01002});  // clz w2, w0
  EXPECT_EQ(X(2), 32u);
  Run({0xdac01402});  // cls x2, x0
  EXPECT_EQ(X(2), 31u);
}

TEST_F(DpExec, PointerAuthenticationIsUndefined) {
  m.LoadCode({0xdac10020});  // pacia x0, x1
  EXPECT_EQ(m.Run(1), StopReason::kException);
  EXPECT_EQ(m.cpu.exc.ec, ExceptionClass::kUnknown);
  EXPECT_EQ(m.cpu.st.pc, testing::TestMachine::kCodeBase);
}

TEST_F(DpExec, PcRelativeAddresses) {
  Run({0x10ffffe0, 0xd0000001});  // adr x0, #-4; adrp x1, #8192 (at base + 4)
  EXPECT_EQ(X(0), testing::TestMachine::kCodeBase - 4);
  EXPECT_EQ(X(1), (testing::TestMachine::kCodeBase & ~0xfffull) + 0x2000);
}

TEST_F(DpExec, MovesAndLogicalImmediates) {
  X(0) = 0x1111222233334444ull;
  Run({0xf2e24680});  // movk x0, #0x1234, lsl #48
  EXPECT_EQ(X(0), 0x1234222233334444ull);
  Run({0x92800020});  // mov x0, #-2 (movn)
  EXPECT_EQ(X(0), 0xfffffffffffffffeull);
  Run({0x52bfffe0});  // mov w0, #-65536 (movz w0, #0xffff, lsl #16)
  EXPECT_EQ(X(0), 0xffff0000u);
  X(1) = 0x123456789abcdef0ull;
  Run({0x92781c20});  // and x0, x1, #0xff00
  EXPECT_EQ(X(0), 0xde00u);
}

TEST_F(DpExec, ExtendedRegisterAndStackPointer) {
  X(0) = 0x1000;
  X(1) = 0xffffffffffffffffull;
  Run({0x8b21481f});  // add sp, x0, w1, uxtw #2
  EXPECT_EQ(m.cpu.st.sp, 0x1000 + 0x3fffffffcull);
  m.cpu.st.sp = 0x100;
  X(1) = 1;
  Run({0xcb21f3e2});  // sub x2, sp, x1, sxtx #4
  EXPECT_EQ(X(2), 0xf0u);
  m.cpu.st.sp = 0x123456789ull;
  Run({0x110003e2});  // mov w2, wsp
  EXPECT_EQ(X(2), 0x23456789u);
}

TEST_F(DpExec, ShiftedRegisterForms) {
  X(0) = 5;
  X(1) = kMin64;
  Run({0x8b81fc02});  // add x2, x0, x1, asr #63
  EXPECT_EQ(X(2), 4u);
  X(0) = 0;
  X(1) = 0xf;
  Run({0xcae11002});  // eon x2, x0, x1, ror #4
  EXPECT_EQ(X(2), ~0xf000000000000000ull);
  X(0) = 0x80000000u;
  X(1) = 0;
  Nzcv() = C | V;
  Run({0x6a217c02});  // bics w2, w0, w1, lsl #31
  EXPECT_EQ(X(2), 0x80000000u);
  EXPECT_EQ(Nzcv(), N);
}

}  // namespace
}  // namespace a64
