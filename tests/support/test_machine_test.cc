// TestMachine on each engine: FlatMemory as the translator's CodePort (fast
// table, code-write watching, LoadCode dropping stale translations) and the
// A64SIM_ENGINE variable the unit tests are run with.
#include "tests/support/test_machine.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

namespace a64::testing {
namespace {

constexpr uint32_t Movz(unsigned rd, unsigned imm) { return 0xd2800000u | imm << 5 | rd; }
constexpr uint32_t kAddX0One = 0x91000400;   // add x0, x0, #1
constexpr uint32_t kSubsX1One = 0xf1000421;  // subs x1, x1, #1
constexpr uint32_t kBneBack8 = 0x54ffffc1;   // b.ne .-8
constexpr uint32_t kStrW1X2 = 0xb9000041;    // str w1, [x2]
constexpr uint32_t kStrX1X2 = 0xf9000041;    // str x1, [x2]
constexpr uint32_t kLdrX3X2 = 0xf9400043;    // ldr x3, [x2]
constexpr uint32_t kNop = 0xd503201f;

EngineOptions Engine(const std::string& name) {
  EngineOptions o;
  if (name == "interp") o.kind = EngineKind::kInterp;
  if (name == "nochain") o.chain = false;
  return o;
}

class TestMachineTest : public ::testing::TestWithParam<std::string> {
 protected:
  TestMachineTest() : m(Engine(GetParam())) {}
  bool jit() const { return GetParam() != "interp"; }

  TestMachine m;
};

TEST_P(TestMachineTest, RunsAndCounts) {
  m.LoadCode({Movz(0, 1), kAddX0One, kAddX0One});
  EXPECT_EQ(m.Run(3), StopReason::kInsnLimit);
  EXPECT_EQ(m.cpu.st.x[0], 3u);
  EXPECT_EQ(m.cpu.st.pc, TestMachine::kCodeBase + 12);
  EXPECT_EQ(m.cpu.icount, 3u);
  ASSERT_EQ(m.jit_stats() != nullptr, jit());
  if (jit()) {
    EXPECT_EQ(m.jit_stats()->blocks_translated, 1u);
  }
}

TEST_P(TestMachineTest, LoopsChainOnlyWhenChaining) {
  m.LoadCode({kAddX0One, kSubsX1One, kBneBack8});
  m.cpu.st.x[1] = 100;
  EXPECT_EQ(m.Run(300), StopReason::kInsnLimit);
  EXPECT_EQ(m.cpu.st.x[0], 100u);
  EXPECT_EQ(m.cpu.st.pc, TestMachine::kCodeBase + 12);
  if (jit()) {
    EXPECT_EQ(m.jit_stats()->links > 0, GetParam() == "jit");
  }
}

// The translator's loads and stores to RAM pages take the fast table and
// never reach FlatMemory::Read/Write; the interpreter's always do.
TEST_P(TestMachineTest, DataAccessesUseTheFastTable) {
  m.LoadCode({kStrX1X2, kLdrX3X2});
  m.cpu.st.x[1] = 0x1122334455667788;
  m.cpu.st.x[2] = TestMachine::kDataBase + 0x1238;
  EXPECT_EQ(m.Run(2), StopReason::kInsnLimit);
  EXPECT_EQ(m.cpu.st.x[3], 0x1122334455667788u);
  EXPECT_EQ(m.data(0x1238)[0], 0x88);
  EXPECT_EQ(m.memory().writes(), jit() ? 0u : 1u);
}

TEST_P(TestMachineTest, LoadCodeDropsStaleTranslations) {
  m.LoadCode({Movz(0, 1)});
  EXPECT_EQ(m.Run(1), StopReason::kInsnLimit);
  EXPECT_EQ(m.cpu.st.x[0], 1u);
  EXPECT_EQ(m.memory().watched(TestMachine::kCodeBase), jit());
  m.LoadCode({Movz(0, 2)});
  EXPECT_EQ(m.Run(1), StopReason::kInsnLimit);
  EXPECT_EQ(m.cpu.st.x[0], 2u);
  if (jit()) {
    EXPECT_EQ(m.jit_stats()->blocks_invalidated, 1u);
  }
}

// LoadCode clears what a longer program left, so a one-word program is a
// one-instruction block.
TEST_P(TestMachineTest, LoadCodeClearsTheOldTail) {
  m.LoadCode({kNop, kNop, kNop});
  m.LoadCode({Movz(0, 5)});
  EXPECT_EQ(m.Run(2), StopReason::kException);
  EXPECT_EQ(m.cpu.exc.ec, ExceptionClass::kUnknown);
  EXPECT_EQ(m.cpu.st.x[0], 5u);
  EXPECT_EQ(m.cpu.st.pc, TestMachine::kCodeBase + 4);
}

// A guest store into the running block (translated whole: four
// instructions, limit four), two instructions ahead: the stored instruction
// is the one that executes; the store to the watched page took the slow
// path.
TEST_P(TestMachineTest, StoreIntoTheRunningBlock) {
  m.LoadCode({kStrW1X2, kNop, Movz(0, 3), kNop});
  m.cpu.st.x[1] = Movz(0, 7);
  m.cpu.st.x[2] = TestMachine::kCodeBase + 8;
  EXPECT_EQ(m.Run(4), StopReason::kInsnLimit);
  EXPECT_EQ(m.cpu.st.x[0], 7u);
  EXPECT_EQ(m.cpu.icount, 4u);
  EXPECT_EQ(m.memory().writes(), 1u);
  if (jit()) {
    EXPECT_GE(m.jit_stats()->blocks_invalidated, 1u);
  }
}

INSTANTIATE_TEST_SUITE_P(Engines, TestMachineTest, ::testing::Values("jit", "nochain", "interp"));

TEST(EngineFromEnvironment, ParsesTheEngineOption) {
  unsetenv("A64SIM_ENGINE");
  EXPECT_EQ(EngineFromEnvironment().kind, EngineKind::kJit);
  EXPECT_TRUE(EngineFromEnvironment().chain);
  setenv("A64SIM_ENGINE", "--engine=interp", 1);
  EXPECT_EQ(EngineFromEnvironment().kind, EngineKind::kInterp);
  setenv("A64SIM_ENGINE", "--no-chain", 1);
  EXPECT_EQ(EngineFromEnvironment().kind, EngineKind::kJit);
  EXPECT_FALSE(EngineFromEnvironment().chain);
  setenv("A64SIM_ENGINE", "--engine=jit", 1);
  EXPECT_EQ(EngineFromEnvironment().kind, EngineKind::kJit);
  setenv("A64SIM_ENGINE", "--engine=fast", 1);
  EXPECT_DEATH(EngineFromEnvironment(), "not an engine option");
  setenv("A64SIM_ENGINE", "--bogus", 1);
  EXPECT_DEATH(EngineFromEnvironment(), "not an engine option");
  unsetenv("A64SIM_ENGINE");
}

}  // namespace
}  // namespace a64::testing
