// Semantics of the Advanced SIMD structure loads/stores. Words were assembled
// with llvm-mc-14 (comment = the instruction).
#include <cstdint>
#include <cstring>

#include "tests/support/insn_fixture.h"

namespace a64 {
namespace {

class SimdTest : public testing::InsnTest {};

constexpr uint64_t kJunk = 0x5a5a5a5a5a5a5a5aull;

class SimdLoadStoreTest : public SimdTest {
 protected:
  void SetUp() override {
    for (unsigned i = 0; i < 256; ++i) m.data()[i] = static_cast<uint8_t>(i);
    m.cpu.st.x[0] = Machine::kDataBase;
  }
  uint64_t Base() const { return Machine::kDataBase; }
};

TEST_F(SimdLoadStoreTest, Ld1OneRegister) {
  SetV(0, kJunk, kJunk);
  Exec(0x4c407000);  // ld1 { v0.16b }, [x0]
  EXPECT_EQ(Lo(0), 0x0706050403020100ull);
  EXPECT_EQ(Hi(0), 0x0f0e0d0c0b0a0908ull);
  EXPECT_EQ(m.cpu.st.x[0], Base());  // no writeback
  SetV(0, kJunk, kJunk);
  Exec(0x0c407000);  // ld1 { v0.8b }, [x0]
  EXPECT_EQ(Lo(0), 0x0706050403020100ull);
  EXPECT_EQ(Hi(0), 0u);  // Q == 0 clears the upper half
}

TEST_F(SimdLoadStoreTest, PostIndexImmediateVersusRegister) {
  Exec(0x4cdfa000);  // ld1 { v0.16b, v1.16b }, [x0], #32
  EXPECT_EQ(m.cpu.st.x[0], Base() + 32);
  EXPECT_EQ(Lo(1), 0x1716151413121110ull);
  EXPECT_EQ(Hi(1), 0x1f1e1d1c1b1a1918ull);

  m.cpu.st.x[0] = Base();
  m.cpu.st.x[1] = 100;
  SetV(3, kJunk, kJunk);
  Exec(0x0cc12000);  // ld1 { v0.8b, v1.8b, v2.8b, v3.8b }, [x0], x1
  EXPECT_EQ(m.cpu.st.x[0], Base() + 100);  // offset from Xm, not the size
  EXPECT_EQ(Lo(3), 0x1f1e1d1c1b1a1918ull);
  EXPECT_EQ(Hi(3), 0u);

  m.cpu.st.sp = Base() + 16;
  Exec(0x4cdf73e0);  // ld1 { v0.16b }, [sp], #16
  EXPECT_EQ(Lo(0), 0x1716151413121110ull);
  EXPECT_EQ(m.cpu.st.sp, Base() + 32);
}

TEST_F(SimdLoadStoreTest, St1TwoRegistersPostIndex) {
  SetV(0, 0x0000000300000002ull, 0x0000000500000004ull);
  SetV(1, 0x1111111122222222ull, 0x3333333344444444ull);
  Exec(0x4c9fa800);  // st1 { v0.4s, v1.4s }, [x0], #32
  EXPECT_EQ(m.cpu.st.x[0], Base() + 32);
  uint64_t mem[4];
  std::memcpy(mem, m.data(), sizeof mem);
  EXPECT_EQ(mem[0], 0x0000000300000002ull);
  EXPECT_EQ(mem[1], 0x0000000500000004ull);
  EXPECT_EQ(mem[2], 0x1111111122222222ull);
  EXPECT_EQ(mem[3], 0x3333333344444444ull);
}

TEST_F(SimdLoadStoreTest, SingleLaneKeepsOtherLanes) {
  SetV(0, kJunk, kJunk);
  m.cpu.st.x[0] = Base() + 4;
  Exec(0x4ddf9000);  // ld1 { v0.s }[3], [x0], #4
  EXPECT_EQ(Lo(0), kJunk);
  EXPECT_EQ(Hi(0), 0x070605045a5a5a5aull);
  EXPECT_EQ(m.cpu.st.x[0], Base() + 8);

  SetV(0, kJunk, kJunk);
  m.cpu.st.x[1] = 3;
  Exec(0x0dc11400);  // ld1 { v0.b }[5], [x0], x1 (Q == 0 still keeps bits 127:64)
  EXPECT_EQ(Lo(0), 0x5a5a085a5a5a5a5aull);
  EXPECT_EQ(Hi(0), kJunk);
  EXPECT_EQ(m.cpu.st.x[0], Base() + 11);
}

TEST_F(SimdLoadStoreTest, LoadReplicate) {
  Exec(0x4ddfc400);  // ld1r { v0.8h }, [x0], #2
  EXPECT_EQ(Lo(0), 0x0100010001000100ull);
  EXPECT_EQ(Hi(0), 0x0100010001000100ull);
  EXPECT_EQ(m.cpu.st.x[0], Base() + 2);
  SetV(0, kJunk, kJunk);
  Exec(0x0d40c800);  // ld1r { v0.2s }, [x0]
  EXPECT_EQ(Lo(0), 0x0504030205040302ull);
  EXPECT_EQ(Hi(0), 0u);
  EXPECT_EQ(m.cpu.st.x[0], Base() + 2);
}

TEST_F(SimdLoadStoreTest, Ld2DeinterleavesSt4Interleaves) {
  Exec(0x4c408400);  // ld2 { v0.8h, v1.8h }, [x0]
  EXPECT_EQ(Lo(0), 0x0d0c090805040100ull);  // halfwords 0, 2, 4, 6
  EXPECT_EQ(Lo(1), 0x0f0e0b0a07060302ull);  // halfwords 1, 3, 5, 7
  EXPECT_EQ(Hi(1), 0x1f1e1b1a17161312ull);

  for (unsigned k = 0; k < 4; ++k)
    for (unsigned i = 0; i < 16; ++i) m.cpu.st.v[k].b[i] = static_cast<uint8_t>(0x10 * k + i);
  Exec(0x4c000000);  // st4 { v0.16b, v1.16b, v2.16b, v3.16b }, [x0]
  for (unsigned i = 0; i < 16; ++i)
    for (unsigned k = 0; k < 4; ++k) EXPECT_EQ(m.data()[4 * i + k], 0x10 * k + i);
}

TEST_F(SimdLoadStoreTest, FaultChangesNothing) {
  SetV(0, kJunk, kJunk);
  m.cpu.st.x[0] = 8;  // outside the test RAM
  ExecFaults(0x4cdfa000);  // ld1 { v0.16b, v1.16b }, [x0], #32
  EXPECT_EQ(m.cpu.exc.ec, ExceptionClass::kDataAbortLower);
  EXPECT_EQ(Lo(0), kJunk);
  EXPECT_EQ(m.cpu.st.x[0], 8u);
}

}  // namespace
}  // namespace a64
