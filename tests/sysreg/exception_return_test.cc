// ERET (AArch64.ExceptionReturn): PSTATE from SPSR_EL1, PC from ELR_EL1,
// illegal returns (ARM ARM D1.11.4), the exclusive monitor, address tags.
#include "frontend/semantics/branch_system/exception_return.h"
#include "tests/sysreg/sysreg_fixture.h"

namespace a64::testing {
namespace {

constexpr uint32_t kEret = 0xd69f03e0;

class Eret : public SysregTest {
 protected:
  Eret() {
    AtEl1();
    m.cpu.st.sp = 0x9000;        // SP_EL1
    m.cpu.st.sp_el[0] = 0x7000;  // SP_EL0
    m.cpu.st.pstate.daif = 0xf;
  }
  StopReason Return(uint64_t spsr, uint64_t elr) {
    m.cpu.st.sys.spsr_el1 = spsr;
    m.cpu.st.sys.elr_el1 = elr;
    return RunOne(kEret);
  }
};

TEST_F(Eret, ToEl0) {
  m.cpu.monitor.valid = true;
  EXPECT_EQ(Return(0x60000000 | 1u << 7, 0x400000), StopReason::kInsnLimit);  // Z C, I, EL0t
  EXPECT_EQ(m.cpu.st.pc, 0x400000u);
  EXPECT_EQ(m.cpu.st.pstate.el, 0);
  EXPECT_EQ(m.cpu.st.pstate.daif, kDaifI);
  EXPECT_EQ(m.cpu.st.nzcv, kFlagZ | kFlagC);
  EXPECT_EQ(m.cpu.st.sp, 0x7000u);
  EXPECT_EQ(m.cpu.st.sp_el[1], 0x9000u);
  EXPECT_EQ(m.cpu.st.pstate.il, 0);
  EXPECT_FALSE(m.cpu.monitor.valid);
}

TEST_F(Eret, ToEl1tWithPanAndUao) {
  EXPECT_EQ(Return(1ull << 23 | 1ull << 22 | 0x3c0 | 4, 0xffff000000081000), StopReason::kInsnLimit);
  EXPECT_EQ(m.cpu.st.pc, 0xffff000000081000u);
  EXPECT_EQ(m.cpu.st.pstate.el, 1);
  EXPECT_EQ(m.cpu.st.pstate.sp, 0);
  EXPECT_EQ(m.cpu.st.sp, 0x7000u);
  EXPECT_EQ(m.cpu.st.pstate.pan, 1);
  EXPECT_EQ(m.cpu.st.pstate.uao, 1);
}

TEST_F(Eret, IllegalReturns) {
  // To EL2 (not implemented), to AArch32, with M[1] set, to EL0 with M[0] set.
  for (uint64_t m_field : {0x9u, 0x10u, 0x6u, 0x1u}) {
    AtEl1();
    m.cpu.st.pstate.il = 0;
    EXPECT_EQ(Return(0x80000000 | 1u << 6 | m_field, 0x1234), StopReason::kInsnLimit) << m_field;
    EXPECT_EQ(m.cpu.st.pstate.il, 1) << m_field;
    EXPECT_EQ(m.cpu.st.pstate.el, 1) << m_field;  // EL and SP unchanged
    EXPECT_EQ(m.cpu.st.pstate.sp, 1) << m_field;
    EXPECT_EQ(m.cpu.st.pc, 0x1234u);             // PC = ELR_EL1 all the same
    EXPECT_EQ(m.cpu.st.nzcv, kFlagN);            // NZCV, DAIF restored
    EXPECT_EQ(m.cpu.st.pstate.daif, kDaifF);
  }
  // While PSTATE.IL is set every instruction takes EC 0x0E.
  EXPECT_TRUE(IllegalExecutionStateCheck(m.cpu));
  EXPECT_EQ(m.cpu.exc.ec, ExceptionClass::kIllegalState);
  EXPECT_EQ(m.cpu.exc.iss, 0u);
  // A legal return with SPSR.IL set keeps IL set.
  EXPECT_EQ(Return(1u << 20, 0x2000), StopReason::kInsnLimit);
  EXPECT_EQ(m.cpu.st.pstate.il, 1);
  EXPECT_EQ(m.cpu.st.pstate.el, 0);
  AtEl1();
  EXPECT_EQ(Return(0x5, 0x2000), StopReason::kInsnLimit);
  EXPECT_EQ(m.cpu.st.pstate.il, 0);
  EXPECT_FALSE(IllegalExecutionStateCheck(m.cpu));
}

TEST_F(Eret, TopByteIgnoredTarget) {
  m.cpu.st.sys.tcr_el1 = 1ull << 37;  // TBI0
  EXPECT_EQ(Return(0, 0x5a00000000401000), StopReason::kInsnLimit);
  EXPECT_EQ(m.cpu.st.pc, 0x401000u);
  AtEl1();
  m.cpu.st.sys.tcr_el1 = 0;
  EXPECT_EQ(Return(0, 0x5a00000000401000), StopReason::kInsnLimit);
  EXPECT_EQ(m.cpu.st.pc, 0x5a00000000401000u);
}

TEST_F(Eret, SoftwareStepBit) {
  m.cpu.st.sys.mdscr_el1 = 1;  // MDSCR_EL1.SS; OS lock clear
  EXPECT_EQ(Return(1u << 21, 0x1000), StopReason::kInsnLimit);  // to EL0 with SPSR.SS
  EXPECT_EQ(m.cpu.st.pstate.ss, 1);
  AtEl1();
  m.cpu.st.sys.oslsr_oslk = 1;  // OS lock: debug exceptions disabled
  EXPECT_EQ(Return(1u << 21, 0x1000), StopReason::kInsnLimit);
  EXPECT_EQ(m.cpu.st.pstate.ss, 0);
}

TEST_F(Eret, UndefinedAtEl0) {
  AtEl0();
  ExpectUndefined(kEret);
  ExpectUndefined(0xd69f0bff);  // eretaa: no FEAT_PAuth
}

}  // namespace
}  // namespace a64::testing
