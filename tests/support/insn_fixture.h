// Fixture of the unit tests that run single instruction words on a
// TestMachine (the SIMD vector, load/store and scalar tests): execute a word,
// expect it to retire or to fault, and access the V registers.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>

#include "tests/support/test_machine.h"

namespace a64::testing {

class InsnTest : public ::testing::Test {
 protected:
  using Machine = TestMachine;

  // Executes `word` once; expects it to retire (PC advances by 4).
  void Exec(uint32_t word) {
    m.LoadCode({word});
    EXPECT_EQ(m.Run(1), StopReason::kInsnLimit) << std::hex << word;
    EXPECT_EQ(m.cpu.st.pc, Machine::kCodeBase + 4) << std::hex << word;
  }
  // Executes `word` once; expects a synchronous exception with PC unchanged.
  void ExecFaults(uint32_t word) {
    m.LoadCode({word});
    EXPECT_EQ(m.Run(1), StopReason::kException) << std::hex << word;
    EXPECT_EQ(m.cpu.st.pc, Machine::kCodeBase) << std::hex << word;
  }
  void SetV(unsigned n, uint64_t lo, uint64_t hi) {
    m.cpu.st.v[n].d[0] = lo;
    m.cpu.st.v[n].d[1] = hi;
  }
  void SetBytes(unsigned n, const uint8_t (&b)[16]) {
    for (unsigned i = 0; i < 16; ++i) m.cpu.st.v[n].b[i] = b[i];
  }
  uint64_t Lo(unsigned n) const { return m.cpu.st.v[n].d[0]; }
  uint64_t Hi(unsigned n) const { return m.cpu.st.v[n].d[1]; }

  Machine m;
};

}  // namespace a64::testing
