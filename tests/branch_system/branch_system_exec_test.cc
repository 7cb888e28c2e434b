// Semantics of branches, exception generation and EL0 system instructions,
// run on the engine under test (tests/support/test_machine.h). Encodings from llvm-mc-14 -show-encoding
// (-mattr=+v8.3a).
#include <gtest/gtest.h>

#include <cstring>
#include <vector>

#include "tests/support/test_machine.h"

namespace a64 {
namespace {

using testing::TestMachine;

class BranchSystemExec : public ::testing::Test {
 protected:
  // Runs one instruction placed at kCodeBase + offset and returns why it stopped.
  StopReason RunOne(uint32_t word, uint64_t offset = 0) {
    std::vector<uint32_t> code(offset / 4 + 1, 0xd503201f);  // NOPs before it
    code.back() = word;
    m.LoadCode(code);
    m.cpu.st.pc = kBase + offset;
    return m.Run(1);
  }
  void ExpectUndefined(uint32_t word) {
    EXPECT_EQ(RunOne(word), StopReason::kException) << std::hex << word;
    EXPECT_EQ(m.cpu.exc.ec, ExceptionClass::kUnknown) << std::hex << word;
    EXPECT_EQ(m.cpu.st.pc, kBase) << std::hex << word;
  }

  static constexpr uint64_t kBase = TestMachine::kCodeBase;
  TestMachine m;
};

TEST_F(BranchSystemExec, BranchImmediateOffsets) {
  EXPECT_EQ(RunOne(0x14000004), StopReason::kInsnLimit);  // b #16
  EXPECT_EQ(m.cpu.st.pc, kBase + 16);
  RunOne(0x17ffffff, 8);  // b #-4
  EXPECT_EQ(m.cpu.st.pc, kBase + 4);
  RunOne(0x15ffffff);  // b #134217724: the largest forward offset
  EXPECT_EQ(m.cpu.st.pc, kBase + 134217724);
  RunOne(0x16000000);  // b #-134217728: wraps below zero
  EXPECT_EQ(m.cpu.st.pc, kBase - 134217728);
}

TEST_F(BranchSystemExec, BlWritesLinkRegister) {
  RunOne(0x97ffffff, 12);  // bl #-4
  EXPECT_EQ(m.cpu.st.pc, kBase + 8);
  EXPECT_EQ(m.cpu.st.x[30], kBase + 16);
}

TEST_F(BranchSystemExec, ConditionalBranch) {
  m.cpu.st.nzcv = kFlagZ;
  RunOne(0x54ffff81, 32);  // b.ne #-16, Z set: not taken
  EXPECT_EQ(m.cpu.st.pc, kBase + 36);
  m.cpu.st.nzcv = 0;
  RunOne(0x54ffff81, 32);  // taken
  EXPECT_EQ(m.cpu.st.pc, kBase + 16);
  RunOne(0x54800000);  // b.eq #-1048576, Z clear: not taken
  EXPECT_EQ(m.cpu.st.pc, kBase + 4);
  RunOne(0x5400004f);  // b.nv #8 branches like b.al
  EXPECT_EQ(m.cpu.st.pc, kBase + 8);
}

TEST_F(BranchSystemExec, CompareBranchWVersusX) {
  m.cpu.st.x[1] = 0x100000000ull;  // W1 is zero, X1 is not
  RunOne(0x34000061);              // cbz w1, #12
  EXPECT_EQ(m.cpu.st.pc, kBase + 12);
  RunOne(0xb4000061);  // cbz x1, #12
  EXPECT_EQ(m.cpu.st.pc, kBase + 4);
  RunOne(0xb5ffffe1, 4);  // cbnz x1, #-4
  EXPECT_EQ(m.cpu.st.pc, kBase);
}

TEST_F(BranchSystemExec, TestBranchHighBits) {
  m.cpu.st.x[1] = 1ull << 40;
  RunOne(0xb7400041);  // tbnz x1, #40, #8
  EXPECT_EQ(m.cpu.st.pc, kBase + 8);
  m.cpu.st.x[1] = 0xffffffffull & ~(1u << 3);
  RunOne(0x361fffc1, 8);  // tbz w1, #3, #-8
  EXPECT_EQ(m.cpu.st.pc, kBase);
  m.cpu.st.x[1] = 1u << 3;
  RunOne(0x361fffc1, 8);
  EXPECT_EQ(m.cpu.st.pc, kBase + 12);
}

TEST_F(BranchSystemExec, BranchRegister) {
  m.cpu.st.x[2] = 0x123456789abcull;
  RunOne(0xd61f0040);  // br x2
  EXPECT_EQ(m.cpu.st.pc, 0x123456789abcull);
  m.cpu.st.x[5] = 0x4000;
  RunOne(0xd65f00a0);  // ret x5
  EXPECT_EQ(m.cpu.st.pc, 0x4000u);
  m.cpu.st.x[30] = 0x5000;
  RunOne(0xd65f03c0);  // ret
  EXPECT_EQ(m.cpu.st.pc, 0x5000u);
  m.cpu.st.x[30] = 0x6000;
  RunOne(0xd63f03c0, 4);  // blr x30: branches to the old X30
  EXPECT_EQ(m.cpu.st.pc, 0x6000u);
  EXPECT_EQ(m.cpu.st.x[30], kBase + 8);
}

TEST_F(BranchSystemExec, SvcAndBrkSyndromes) {
  EXPECT_EQ(RunOne(0xd4024681), StopReason::kException);  // svc #0x1234
  EXPECT_EQ(m.cpu.exc.ec, ExceptionClass::kSvc64);
  EXPECT_EQ(m.cpu.exc.iss, 0x1234u);
  EXPECT_EQ(m.cpu.st.pc, kBase + 4);  // SVC's return address is the next one
  EXPECT_EQ(RunOne(0xd43e01a0), StopReason::kException);  // brk #0xf00d
  EXPECT_EQ(m.cpu.exc.ec, ExceptionClass::kBrk64);
  EXPECT_EQ(m.cpu.exc.iss, 0xf00du);
  EXPECT_EQ(m.cpu.st.pc, kBase);
}

TEST_F(BranchSystemExec, UndefinedAtEl0) {
  ExpectUndefined(0xd4000022);  // hvc #1
  ExpectUndefined(0xd4400000);  // hlt #0
  ExpectUndefined(0xd69f03e0);  // eret
  ExpectUndefined(0xd65f0bff);  // retaa (no FEAT_PAuth)
  ExpectUndefined(0xd5380001);  // mrs x1, MIDR_EL1
  ExpectUndefined(0xd51bd060);  // msr TPIDRRO_EL0, x0
  ExpectUndefined(0xd5087620);  // dc ivac, x0
  ExpectUndefined(0xd5280000);  // sysl x0, #0, c0, c0, #0
}

// Linux runs EL0 with SCTLR_EL1.UMA == 0: DAIFSet at EL0 traps to EL1 with EC
// 0x18 (ISS Op0 = 0, Op2 = 6, Op1 = 3, CRn = 4, Rt = 31, CRm = 2, write).
TEST_F(BranchSystemExec, DaifSetTrapsAtEl0) {
  EXPECT_EQ(RunOne(0xd50342df), StopReason::kException);  // msr DAIFSet, #2
  EXPECT_EQ(m.cpu.exc.ec, ExceptionClass::kSysReg);
  EXPECT_EQ(m.cpu.exc.iss, 6u << 17 | 3u << 14 | 4u << 10 | 31u << 5 | 2u << 1);
  EXPECT_EQ(m.cpu.st.pc, kBase);
}

// nop, paciasp, hint #32, wfe (SCTLR_EL1.nTWE is set for EL0, as Linux does;
// WFI traps there instead: see tests/sysreg).
TEST_F(BranchSystemExec, HintsAreNops) {
  m.cpu.st.x[30] = 0x1234;
  for (uint32_t w : {0xd503201fu, 0xd503233fu, 0xd503241fu, 0xd503205fu}) {
    EXPECT_EQ(RunOne(w), StopReason::kInsnLimit) << std::hex << w;
    EXPECT_EQ(m.cpu.st.pc, kBase + 4);
  }
  EXPECT_EQ(m.cpu.st.x[30], 0x1234u);  // paciasp without FEAT_PAuth
}

TEST_F(BranchSystemExec, NzcvRoundTrip) {
  m.cpu.st.x[0] = ~0ull;
  RunOne(0xd51b4200);  // msr nzcv, x0
  EXPECT_EQ(m.cpu.st.nzcv, 0xf0000000u);
  m.cpu.st.x[0] = 0x60000000;  // Z, C
  RunOne(0xd51b4200);
  RunOne(0xd53b4201);  // mrs x1, nzcv
  EXPECT_EQ(m.cpu.st.x[1], 0x60000000u);
  EXPECT_EQ(m.cpu.st.nzcv, kFlagZ | kFlagC);
}

TEST_F(BranchSystemExec, FpcrFpsrRes0Masking) {
  m.cpu.st.x[0] = ~0ull;
  RunOne(0xd51b4400);  // msr fpcr, x0
  RunOne(0xd53b4401);  // mrs x1, fpcr
  EXPECT_EQ(m.cpu.st.x[1], 0x07f70000u);  // AHP DN FZ RMode Stride Len
  RunOne(0xd51b4420);  // msr fpsr, x0
  RunOne(0xd53b4421);  // mrs x1, fpsr
  EXPECT_EQ(m.cpu.st.x[1], 0xf800009fu);
  m.cpu.st.x[0] = 0x00c00000;  // RMode = RZ
  RunOne(0xd51b4400);
  EXPECT_EQ(m.cpu.st.fpcr, 0x00c00000u);
}

TEST_F(BranchSystemExec, ThreadAndIdRegisters) {
  m.cpu.st.x[0] = 0xdeadbeefcafef00dull;
  RunOne(0xd51bd040);  // msr tpidr_el0, x0
  RunOne(0xd53bd041);  // mrs x1, tpidr_el0
  EXPECT_EQ(m.cpu.st.x[1], 0xdeadbeefcafef00dull);
  m.cpu.st.tpidrro_el0 = 0x77;
  RunOne(0xd53bd061);  // mrs x1, tpidrro_el0
  EXPECT_EQ(m.cpu.st.x[1], 0x77u);
  RunOne(0xd53b00e1);  // mrs x1, dczid_el0
  EXPECT_EQ(m.cpu.st.x[1], 4u);
  RunOne(0xd53b0021);  // mrs x1, ctr_el0
  EXPECT_EQ(m.cpu.st.x[1], 0x8444c004u);
}

TEST_F(BranchSystemExec, DcZvaZeroesAlignedBlock) {
  std::memset(m.data(), 0xaa, 256);
  m.cpu.st.x[0] = TestMachine::kDataBase + 64 + 13;
  EXPECT_EQ(RunOne(0xd50b7420), StopReason::kInsnLimit);  // dc zva, x0
  for (int i = 0; i < 256; ++i)
    EXPECT_EQ(m.data()[i], (i >= 64 && i < 128) ? 0 : 0xaa) << i;
  EXPECT_EQ(m.cpu.st.x[0], TestMachine::kDataBase + 77);
}

TEST_F(BranchSystemExec, CacheMaintenanceChecksAddress) {
  m.cpu.st.x[0] = TestMachine::kDataBase + 5;
  EXPECT_EQ(RunOne(0xd50b7e20), StopReason::kInsnLimit);  // dc civac, x0
  EXPECT_EQ(RunOne(0xd50b7520), StopReason::kInsnLimit);  // ic ivau, x0
  m.cpu.st.x[0] = 0x40;  // unmapped
  EXPECT_EQ(RunOne(0xd50b7e20), StopReason::kException);
  EXPECT_EQ(m.cpu.exc.ec, ExceptionClass::kDataAbortLower);
  EXPECT_EQ(m.cpu.exc.far, 0x40u);
  EXPECT_EQ(RunOne(0xd50b7420), StopReason::kException);  // dc zva to unmapped
  EXPECT_EQ(m.cpu.exc.far, 0x40u);
  EXPECT_TRUE(m.cpu.exc.is_write);
}

TEST_F(BranchSystemExec, ClrexClearsMonitor) {
  m.cpu.monitor.valid = true;
  RunOne(0xd5033f5f);  // clrex
  EXPECT_FALSE(m.cpu.monitor.valid);
}

}  // namespace
}  // namespace a64
