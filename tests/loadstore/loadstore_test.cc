// Semantics of the Loads and Stores class, run on a flat test machine (on
// the engine A64SIM_ENGINE names: tests/support/test_machine.h). Each word is annotated with its llvm-mc spelling.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <vector>

#include "tests/support/test_machine.h"

namespace a64 {
namespace {

using testing::TestMachine;

constexpr uint64_t kData = TestMachine::kDataBase;

class LoadStoreTest : public ::testing::Test {
 protected:
  // Runs `words` to completion (one step per word) and expects no exception.
  void RunAll(const std::vector<uint32_t>& words) {
    m.LoadCode(words);
    ASSERT_EQ(m.Run(words.size()), StopReason::kInsnLimit)
        << "exception class " << static_cast<int>(m.cpu.exc.ec);
  }
  uint64_t& X(unsigned n) { return m.cpu.st.x[n]; }
  void Put64(uint64_t offset, uint64_t v) { std::memcpy(m.data(offset), &v, 8); }
  uint64_t Get64(uint64_t offset) {
    uint64_t v;
    std::memcpy(&v, m.data(offset), 8);
    return v;
  }

  TestMachine m;
};

TEST_F(LoadStoreTest, UnsignedOffset) {
  Put64(8, 0x1122334455667788);
  X(1) = kData;
  RunAll({0xf9400420});  // ldr x0, [x1, #8]
  EXPECT_EQ(X(0), 0x1122334455667788u);
  EXPECT_EQ(X(1), kData);
}

TEST_F(LoadStoreTest, PreAndPostIndexWriteback) {
  X(0) = 0xabcdef;
  X(1) = kData + 64;
  RunAll({
      0xf81f0c20,  // str x0, [x1, #-16]!
      0xf8408422,  // ldr x2, [x1], #8
  });
  EXPECT_EQ(Get64(48), 0xabcdefu);
  EXPECT_EQ(X(2), 0xabcdefu);
  EXPECT_EQ(X(1), kData + 56);
}

TEST_F(LoadStoreTest, PreIndexLoadWritesBack) {
  Put64(8, 42);
  X(1) = kData;
  RunAll({0xf8408c20});  // ldr x0, [x1, #8]!
  EXPECT_EQ(X(0), 42u);
  EXPECT_EQ(X(1), kData + 8);
}

TEST_F(LoadStoreTest, SpBase) {
  m.cpu.st.sp = kData + 256;
  X(0) = 7;
  RunAll({
      0xf81f0fe0,  // str x0, [sp, #-16]!
      0xf84107e1,  // ldr x1, [sp], #16
  });
  EXPECT_EQ(Get64(240), 7u);
  EXPECT_EQ(X(1), 7u);
  EXPECT_EQ(m.cpu.st.sp, kData + 256);
}

TEST_F(LoadStoreTest, SignAndZeroExtension) {
  Put64(0, 0x80000000ffff8080);  // byte 0x80, half 0x8080, word 0xffff8080
  X(1) = kData;
  for (unsigned r = 0; r < 7; ++r) X(r == 1 ? 30 : r) = ~0ull;
  RunAll({
      0x39c00020,  // ldrsb w0, [x1]
      0x39800022,  // ldrsb x2, [x1]
      0x79c00023,  // ldrsh w3, [x1]
      0x79800024,  // ldrsh x4, [x1]
      0xb9800025,  // ldrsw x5, [x1]
      0x39400026,  // ldrb w6, [x1]
  });
  EXPECT_EQ(X(0), 0xffffff80u);
  EXPECT_EQ(X(2), 0xffffffffffffff80u);
  EXPECT_EQ(X(3), 0xffff8080u);
  EXPECT_EQ(X(4), 0xffffffffffff8080u);
  EXPECT_EQ(X(5), 0xffffffffffff8080u);
  EXPECT_EQ(X(6), 0x80u);
}

TEST_F(LoadStoreTest, LdrswPositive) {
  Put64(0, 0x8000000012345678);
  X(1) = kData;
  RunAll({0xb9800025});  // ldrsw x5, [x1]
  EXPECT_EQ(X(5), 0x12345678u);
}

TEST_F(LoadStoreTest, UnscaledAndUnprivileged) {
  Put64(0, 0x0102030405060708);
  Put64(8, 0x99);
  X(1) = kData + 1;
  RunAll({0xb85ff020});  // ldur w0, [x1, #-1]
  EXPECT_EQ(X(0), 0x05060708u);
  X(1) = kData;
  RunAll({0xf8408820});  // ldtr x0, [x1, #8]
  EXPECT_EQ(X(0), 0x99u);
}

TEST_F(LoadStoreTest, PairPreAndPost) {
  m.cpu.st.sp = kData + 128;
  X(0) = 0x1111;
  X(1) = 0x2222;
  RunAll({
      0xa9bf07e0,  // stp x0, x1, [sp, #-16]!
  });
  EXPECT_EQ(m.cpu.st.sp, kData + 112);
  EXPECT_EQ(Get64(112), 0x1111u);
  EXPECT_EQ(Get64(120), 0x2222u);
  RunAll({
      0xa8c10fe2,  // ldp x2, x3, [sp], #16
  });
  EXPECT_EQ(X(2), 0x1111u);
  EXPECT_EQ(X(3), 0x2222u);
  EXPECT_EQ(m.cpu.st.sp, kData + 128);
}

TEST_F(LoadStoreTest, PairWordsPreIndexAndLdpsw) {
  Put64(0, 0xfffffffe00000005);
  X(2) = kData + 8;
  RunAll({0x29ff0440});  // ldp w0, w1, [x2, #-8]!
  EXPECT_EQ(X(0), 5u);
  EXPECT_EQ(X(1), 0xfffffffeu);
  EXPECT_EQ(X(2), kData);
  RunAll({0x69400440});  // ldpsw x0, x1, [x2]
  EXPECT_EQ(X(0), 5u);
  EXPECT_EQ(X(1), 0xfffffffffffffffeu);
}

TEST_F(LoadStoreTest, PairQRegisters) {
  m.cpu.st.v[0].d[0] = 1;
  m.cpu.st.v[0].d[1] = 2;
  m.cpu.st.v[1].d[0] = 3;
  m.cpu.st.v[1].d[1] = 4;
  X(2) = kData;
  RunAll({
      0xad010440,  // stp q0, q1, [x2, #32]
      0xad410c42,  // ldp q2, q3, [x2, #32]
  });
  EXPECT_EQ(Get64(32), 1u);
  EXPECT_EQ(Get64(56), 4u);
  EXPECT_EQ(m.cpu.st.v[2].d[1], 2u);
  EXPECT_EQ(m.cpu.st.v[3].d[0], 3u);
}

TEST_F(LoadStoreTest, RegisterOffsetExtendAndShift) {
  Put64(0, 0xaaaa);
  Put64(8, 0xbbbbbbbbcccccccc);
  X(1) = kData + 8;
  X(2) = 0xffffffff;  // w2 = -1
  RunAll({0xf862d820});  // ldr x0, [x1, w2, sxtw #3]
  EXPECT_EQ(X(0), 0xaaaau);
  X(1) = kData;
  X(2) = 0x100000003;  // uxtw keeps only w2 = 3
  RunAll({0xb8625823});  // ldr w3, [x1, w2, uxtw #2]
  EXPECT_EQ(X(3), 0xbbbbbbbbu);
  X(2) = 9;
  RunAll({
      0x38627824,  // ldrb w4, [x1, x2, lsl #0]
  });
  EXPECT_EQ(X(4), 0xccu);
  X(2) = 1;
  RunAll({0xf8627825});  // ldr x5, [x1, x2, lsl #3]
  EXPECT_EQ(X(5), 0xbbbbbbbbcccccccc);
}

TEST_F(LoadStoreTest, SimdLoadZeroesUpperBits) {
  Put64(0, 0x3f800000);
  X(1) = kData;
  m.cpu.st.v[0].d[0] = ~0ull;
  m.cpu.st.v[0].d[1] = ~0ull;
  RunAll({0xbd400020});  // ldr s0, [x1]
  EXPECT_EQ(m.cpu.st.v[0].d[0], 0x3f800000u);
  EXPECT_EQ(m.cpu.st.v[0].d[1], 0u);
  m.cpu.st.v[0].b[0] = 0x5a;
  RunAll({0x3d000420});  // str b0, [x1, #1]
  EXPECT_EQ(*m.data(1), 0x5a);
  EXPECT_EQ(*m.data(2), 0x80);  // untouched
}

TEST_F(LoadStoreTest, LiteralLoads) {
  // The literal pool starts 16 bytes after each load.
  std::vector<uint32_t> code = {
      0x58000080,  // ldr x0, #16    -> words 4, 5
      0x98000081,  // ldrsw x1, #16  -> word 5
      0x9c000082,  // ldr q2, #16    -> words 6..9
      0,          0x00000001, 0x80000002, 0x11111111, 0x22222222, 0x33333333, 0x44444444};
  m.LoadCode(code);
  ASSERT_EQ(m.Run(3), StopReason::kInsnLimit);
  EXPECT_EQ(X(0), 0x8000000200000001u);
  EXPECT_EQ(X(1), 0xffffffff80000002u);
  EXPECT_EQ(m.cpu.st.v[2].d[0], 0x2222222211111111u);
  EXPECT_EQ(m.cpu.st.v[2].d[1], 0x4444444433333333u);
}

TEST_F(LoadStoreTest, ExclusiveSuccessThenFailure) {
  Put64(0, 5);
  X(1) = kData;
  X(3) = 6;
  RunAll({
      0xc85f7c20,  // ldxr x0, [x1]
      0xc8027c23,  // stxr w2, x3, [x1]
  });
  EXPECT_EQ(X(0), 5u);
  EXPECT_EQ(X(2), 0u);
  EXPECT_EQ(Get64(0), 6u);
  EXPECT_FALSE(m.cpu.monitor.valid);
  X(3) = 7;
  RunAll({0xc8027c23});  // stxr w2, x3, [x1] -- monitor now open
  EXPECT_EQ(X(2), 1u);
  EXPECT_EQ(Get64(0), 6u);
}

TEST_F(LoadStoreTest, ExclusiveFailsOnOtherAddress) {
  X(1) = kData;
  RunAll({0xc85f7c20});  // ldxr x0, [x1]
  X(1) = kData + 8;
  X(3) = 9;
  RunAll({0xc8027c23});  // stxr w2, x3, [x1]
  EXPECT_EQ(X(2), 1u);
  EXPECT_EQ(Get64(8), 0u);
}

TEST_F(LoadStoreTest, ExclusivePair) {
  Put64(0, 1);
  Put64(8, 2);
  X(2) = kData;
  X(4) = 3;
  X(5) = 4;
  RunAll({
      0xc87f0440,  // ldxp x0, x1, [x2]
      0xc8231444,  // stxp w3, x4, x5, [x2]
  });
  EXPECT_EQ(X(0), 1u);
  EXPECT_EQ(X(1), 2u);
  EXPECT_EQ(X(3), 0u);
  EXPECT_EQ(Get64(0), 3u);
  EXPECT_EQ(Get64(8), 4u);
}

TEST_F(LoadStoreTest, MisalignedLdaxrFaults) {
  X(1) = kData + 4;
  X(0) = 0x77;
  m.LoadCode({0xc85ffc20});  // ldaxr x0, [x1]
  ASSERT_EQ(m.Run(1), StopReason::kException);
  EXPECT_EQ(m.cpu.exc.ec, ExceptionClass::kDataAbortLower);
  EXPECT_EQ(m.cpu.exc.fault, FaultKind::kAlignment);
  EXPECT_EQ(m.cpu.exc.far, kData + 4);
  EXPECT_EQ(m.cpu.st.pc, TestMachine::kCodeBase);
  EXPECT_EQ(X(0), 0x77u);
  EXPECT_FALSE(m.cpu.monitor.valid);
}

TEST_F(LoadStoreTest, FaultingAccessLeavesBaseUnchanged) {
  X(1) = 0x10;  // below the RAM
  X(0) = 3;
  m.LoadCode({0xf8408c20});  // ldr x0, [x1, #8]!
  ASSERT_EQ(m.Run(1), StopReason::kException);
  EXPECT_EQ(m.cpu.exc.fault, FaultKind::kTranslation);
  EXPECT_EQ(m.cpu.exc.far, 0x18u);
  EXPECT_EQ(X(1), 0x10u);
  EXPECT_EQ(X(0), 3u);
}

TEST_F(LoadStoreTest, CompareAndSwap) {
  Put64(0, 100);
  X(2) = kData;
  X(0) = 100;
  X(1) = 200;
  RunAll({0xc8a07c41});  // cas x0, x1, [x2]
  EXPECT_EQ(Get64(0), 200u);
  EXPECT_EQ(X(0), 100u);
  X(0) = 100;  // no longer matches
  X(1) = 300;
  RunAll({0xc8a07c41});  // cas x0, x1, [x2]
  EXPECT_EQ(Get64(0), 200u);
  EXPECT_EQ(X(0), 200u);  // the old value
}

TEST_F(LoadStoreTest, CompareAndSwapByte) {
  Put64(0, 0x1234);
  X(2) = kData;
  X(0) = 0xffffff34;  // only the low byte is compared
  X(1) = 0x56;
  RunAll({0x08a07c41});  // casb w0, w1, [x2]
  EXPECT_EQ(Get64(0), 0x1256u);
  EXPECT_EQ(X(0), 0x34u);
}

TEST_F(LoadStoreTest, CompareAndSwapPair) {
  Put64(0, 10);
  Put64(8, 20);
  X(4) = kData;
  X(0) = 10;
  X(1) = 20;
  X(2) = 30;
  X(3) = 40;
  RunAll({0x48207c82});  // casp x0, x1, x2, x3, [x4]
  EXPECT_EQ(Get64(0), 30u);
  EXPECT_EQ(Get64(8), 40u);
  EXPECT_EQ(X(0), 10u);
  EXPECT_EQ(X(1), 20u);
}

TEST_F(LoadStoreTest, AtomicByteOperations) {
  Put64(0, 0xfe);
  X(2) = kData;
  X(0) = 3;
  RunAll({0x38200041});  // ldaddb w0, w1, [x2]
  EXPECT_EQ(X(1), 0xfeu);
  EXPECT_EQ(*m.data(0), 0x01);  // wraps within the byte
  EXPECT_EQ(*m.data(1), 0x00);

  X(0) = 0x7f;
  RunAll({0x38208041});  // swpb w0, w1, [x2]
  EXPECT_EQ(X(1), 0x01u);
  EXPECT_EQ(*m.data(0), 0x7f);

  X(0) = 0x80;  // -128 as a byte: smaller than 0x7f = 127
  RunAll({0x38204041});  // ldsmaxb w0, w1, [x2]
  EXPECT_EQ(X(1), 0x7fu);
  EXPECT_EQ(*m.data(0), 0x7f);
  *m.data(0) = 0x90;  // -112
  X(0) = 0x85;        // -123
  RunAll({0x38204041});  // ldsmaxb w0, w1, [x2]
  EXPECT_EQ(X(1), 0x90u);
  EXPECT_EQ(*m.data(0), 0x90);
}

TEST_F(LoadStoreTest, AtomicAliasAndHalfword) {
  Put64(0, 5);
  X(1) = kData;
  X(0) = 10;
  RunAll({0xf820003f});  // stadd x0, [x1]
  EXPECT_EQ(Get64(0), 15u);
  X(2) = kData;
  X(0) = 0x0003;
  RunAll({0x78207041});  // lduminh w0, w1, [x2]
  EXPECT_EQ(X(1), 15u);
  EXPECT_EQ(Get64(0), 3u);
}

TEST_F(LoadStoreTest, MisalignedAtomicFaults) {
  X(2) = kData + 1;
  m.LoadCode({0x78207041});  // lduminh w0, w1, [x2]
  ASSERT_EQ(m.Run(1), StopReason::kException);
  EXPECT_EQ(m.cpu.exc.fault, FaultKind::kAlignment);
  EXPECT_EQ(m.cpu.exc.far, kData + 1);
}

TEST_F(LoadStoreTest, AcquireReleaseAndRcpc) {
  X(0) = 0x1234567890;
  X(1) = kData;
  RunAll({
      0xc89ffc20,  // stlr x0, [x1]
      0xb8bfc020,  // ldapr w0, [x1]
  });
  EXPECT_EQ(Get64(0), 0x1234567890u);
  EXPECT_EQ(X(0), 0x34567890u);
}

TEST_F(LoadStoreTest, PrefetchIsAHint) {
  X(1) = 0;  // unmapped: still no fault
  RunAll({0xf9800020});  // prfm pldl1keep, [x1]
  EXPECT_EQ(m.cpu.st.pc, TestMachine::kCodeBase + 4);
}

TEST_F(LoadStoreTest, PointerAuthLoadIsUndefined) {
  X(1) = kData;
  m.LoadCode({0xf8200420});  // ldraa x0, [x1]
  ASSERT_EQ(m.Run(1), StopReason::kException);
  EXPECT_EQ(m.cpu.exc.ec, ExceptionClass::kUnknown);
}

}  // namespace
}  // namespace a64
