// The translator's instrumentation hooks (jit/observer.h): with an observer
// asking for block and access events, generated code reports every block
// entry and every in-line load and store; without one it reports nothing.
#include "jit/observer.h"

#include <gtest/gtest.h>

#include <vector>

#include "jit/block_engine.h"
#include "tests/support/test_machine.h"

namespace a64::testing {
namespace {

// x1 = 10, x2 = kDataBase; loop: ldr x3, [x2]; str x3, [x2, #8];
// subs x1, x1, #1; b.ne loop.
constexpr uint32_t kMovX1Ten = 0xd2800141;   // mov x1, #10
constexpr uint32_t kLdrX3X2 = 0xf9400043;    // ldr x3, [x2]
constexpr uint32_t kStrX3X2_8 = 0xf9000443;  // str x3, [x2, #8]
constexpr uint32_t kSubsX1One = 0xf1000421;  // subs x1, x1, #1
constexpr uint32_t kBneBack12 = 0x54ffffa1;  // b.ne .-12
constexpr uint64_t kInstructions = 1 + 10 * 4;

struct Recorder : jit::ExecutionObserver {
  struct Access {
    uint64_t va;
    uint32_t size;
    bool write;
  };
  void OnBlock(uint64_t pc, uint32_t n) override {
    pcs.push_back(pc);
    instructions += n;
  }
  void OnAccess(uint64_t va, uint32_t size, bool write) override {
    accesses.push_back({va, size, write});
  }
  std::vector<uint64_t> pcs;
  uint64_t instructions = 0;
  std::vector<Access> accesses;
};

class ObserverTest : public ::testing::Test {
 protected:
  ObserverTest() : m(EngineOptions{}) {
    m.LoadCode({kMovX1Ten, kLdrX3X2, kStrX3X2_8, kSubsX1One, kBneBack12});
    m.cpu.st.x[2] = TestMachine::kDataBase;
    m.data()[0] = 42;
  }
  TestMachine m;
};

TEST_F(ObserverTest, ReportsBlocksAndAccesses) {
  Recorder r;
  ASSERT_NE(m.block_engine(), nullptr);
  m.block_engine()->SetObserver(&r, jit::kObserveBlocks | jit::kObserveAccesses);
  EXPECT_EQ(m.Run(kInstructions), StopReason::kInsnLimit);
  EXPECT_EQ(m.cpu.st.x[1], 0u);
  EXPECT_EQ(m.data()[8], 42);
  // The first block runs from the start, then the loop block nine times;
  // every block here runs to its end, so the counts add up.
  ASSERT_EQ(r.pcs.size(), 10u);
  EXPECT_EQ(r.pcs[0], TestMachine::kCodeBase);
  for (size_t i = 1; i < r.pcs.size(); ++i) EXPECT_EQ(r.pcs[i], TestMachine::kCodeBase + 4);
  EXPECT_EQ(r.instructions, kInstructions);
  ASSERT_EQ(r.accesses.size(), 20u);
  for (size_t i = 0; i < r.accesses.size(); ++i) {
    const bool write = i % 2 == 1;
    EXPECT_EQ(r.accesses[i].write, write);
    EXPECT_EQ(r.accesses[i].size, 8u);
    EXPECT_EQ(r.accesses[i].va, TestMachine::kDataBase + (write ? 8 : 0));
  }
}

TEST_F(ObserverTest, BlocksOnlyWhenAccessesAreNotAsked) {
  Recorder r;
  m.block_engine()->SetObserver(&r, jit::kObserveBlocks);
  EXPECT_EQ(m.Run(kInstructions), StopReason::kInsnLimit);
  EXPECT_EQ(r.pcs.size(), 10u);
  EXPECT_TRUE(r.accesses.empty());
}

TEST_F(ObserverTest, NothingWithoutAnObserver) {
  Recorder r;
  m.block_engine()->SetObserver(&r, jit::kObserveBlocks | jit::kObserveAccesses);
  m.block_engine()->SetObserver(nullptr, 0);  // drops the instrumented code
  EXPECT_EQ(m.Run(kInstructions), StopReason::kInsnLimit);
  EXPECT_EQ(m.cpu.st.x[1], 0u);
  EXPECT_TRUE(r.pcs.empty());
  EXPECT_TRUE(r.accesses.empty());
}

}  // namespace
}  // namespace a64::testing
