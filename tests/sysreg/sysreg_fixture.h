// A TestMachine with a fake Platform that records what the system
// instructions ask of it, and helpers to encode MRS/MSR/SYS.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "frontend/semantics/exception/pstate.h"
#include "tests/support/test_machine.h"

namespace a64::testing {

class FakePlatform : public Platform {
 public:
  struct Tlbi {
    TlbiScope scope;
    uint16_t asid;
    uint64_t va;
  };
  struct At {
    uint64_t va;
    bool as_el0, write;
  };
  void TlbInvalidate(Cpu&, TlbiScope scope, uint16_t asid, uint64_t va) override {
    tlbis.push_back({scope, asid, va});
  }
  bool AddressTranslate(Cpu&, uint64_t va, bool as_el0, bool write, uint64_t* result,
                        MemFault*) override {
    ats.push_back({va, as_el0, write});
    *result = par;
    return true;
  }
  void InstructionCacheInvalidate(Cpu&, bool all, uint64_t va) override {
    ic_all.push_back(all);
    ic_va.push_back(va);
  }
  bool FirmwareCall(Cpu& cpu, bool smc, uint16_t imm) override {
    calls.push_back({smc, imm});
    if (!handles_calls) return false;
    cpu.st.x[0] = 0x600dull;
    return true;
  }
  uint64_t CounterValue(const Cpu&) const override { return counter; }
  uint64_t CounterFrequency() const override { return 62500000; }
  void TimerChanged(Cpu&) override { ++timer_changes; }

  std::vector<Tlbi> tlbis;
  std::vector<At> ats;
  std::vector<bool> ic_all;
  std::vector<uint64_t> ic_va;
  std::vector<std::pair<bool, uint16_t>> calls;
  uint64_t par = 0;
  uint64_t counter = 0;
  bool handles_calls = true;
  int timer_changes = 0;
};

// MRS/MSR (register) and SYS words: 1101010100 L op0 op1 CRn CRm op2 Rt.
constexpr uint32_t SysWord(bool read, unsigned op0, unsigned op1, unsigned crn, unsigned crm,
                           unsigned op2, unsigned rt) {
  return 0xd5000000u | uint32_t{read} << 21 | op0 << 19 | op1 << 16 | crn << 12 | crm << 8 |
         op2 << 5 | rt;
}
constexpr uint32_t Mrs(unsigned rt, unsigned op0, unsigned op1, unsigned crn, unsigned crm,
                       unsigned op2) {
  return SysWord(true, op0, op1, crn, crm, op2, rt);
}
constexpr uint32_t Msr(unsigned op0, unsigned op1, unsigned crn, unsigned crm, unsigned op2,
                       unsigned rt) {
  return SysWord(false, op0, op1, crn, crm, op2, rt);
}
constexpr uint32_t Sys(unsigned op1, unsigned crn, unsigned crm, unsigned op2, unsigned rt) {
  return SysWord(false, 1, op1, crn, crm, op2, rt);
}

// ISS of an EC 0x18 trap (ARM ARM D17.2.37).
constexpr uint32_t TrapIss(unsigned op0, unsigned op1, unsigned crn, unsigned crm, unsigned op2,
                           unsigned rt, bool read) {
  return op0 << 20 | op2 << 17 | op1 << 14 | crn << 10 | rt << 5 | crm << 1 | uint32_t{read};
}

class SysregTest : public ::testing::Test {
 protected:
  SysregTest() { m.cpu.platform = &platform; }

  void AtEl1() { SetElAndSp(m.cpu.st, 1, 1); }
  void AtEl0() { SetElAndSp(m.cpu.st, 0, 0); }

  // Runs one instruction at kCodeBase.
  StopReason RunOne(uint32_t word) {
    m.LoadCode({word});
    return m.Run(1);
  }
  uint64_t Read(uint32_t mrs_x0) {
    EXPECT_EQ(RunOne(mrs_x0), StopReason::kInsnLimit) << std::hex << mrs_x0;
    return m.cpu.st.x[0];
  }
  void Write(uint32_t msr_x0, uint64_t v) {
    m.cpu.st.x[0] = v;
    EXPECT_EQ(RunOne(msr_x0), StopReason::kInsnLimit) << std::hex << msr_x0;
  }
  void ExpectException(uint32_t word, ExceptionClass ec, uint32_t iss) {
    EXPECT_EQ(RunOne(word), StopReason::kException) << std::hex << word;
    EXPECT_EQ(m.cpu.exc.ec, ec) << std::hex << word;
    EXPECT_EQ(m.cpu.exc.iss, iss) << std::hex << word;
    EXPECT_EQ(m.cpu.st.pc, TestMachine::kCodeBase) << std::hex << word;
  }
  void ExpectUndefined(uint32_t word) { ExpectException(word, ExceptionClass::kUnknown, 0); }

  FakePlatform platform;
  TestMachine m;
};

}  // namespace a64::testing
