// EL0 accesses controlled by SCTLR_EL1, CPACR_EL1 and CNTKCTL_EL1: allowed,
// trapped to EL1 (EC 0x18 with the MSR/MRS ISS, EC 0x07, EC 0x01) or
// UNDEFINED, with the exact syndromes of ARM ARM D17.2.37.
#include "tests/sysreg/sysreg_fixture.h"
#include "user/linux_el1_state.h"

namespace a64::testing {
namespace {

constexpr uint64_t kUma = 1ull << 9, kDze = 1ull << 14, kUct = 1ull << 15, kNTwi = 1ull << 16,
                   kNTwe = 1ull << 18, kUci = 1ull << 26;
constexpr uint32_t kCvCond = 1u << 24 | 0xeu << 20;

// Every EL0 control starts cleared (the most restrictive configuration); each
// test enables what it checks.
class El0Traps : public SysregTest {
 protected:
  El0Traps() {
    AtEl0();
    m.cpu.st.sys.sctlr_el1 = 0;
    m.cpu.st.sys.cpacr_el1 = 0;
    m.cpu.st.sys.cntkctl_el1 = 0;
  }
};

TEST_F(El0Traps, CtrNeedsUct) {
  ExpectException(Mrs(1, 3, 3, 0, 0, 1), ExceptionClass::kSysReg, TrapIss(3, 3, 0, 0, 1, 1, true));
  m.cpu.st.sys.sctlr_el1 = kUct;
  EXPECT_EQ(Read(Mrs(0, 3, 3, 0, 0, 1)), 0x8444c004u);
}

TEST_F(El0Traps, DaifNeedsUma) {
  ExpectException(Mrs(2, 3, 3, 4, 2, 1), ExceptionClass::kSysReg, TrapIss(3, 3, 4, 2, 1, 2, true));
  ExpectException(Msr(3, 3, 4, 2, 1, 7), ExceptionClass::kSysReg, TrapIss(3, 3, 4, 2, 1, 7, false));
  ExpectException(0xd50343ff, ExceptionClass::kSysReg,  // msr DAIFClr, #3
                  TrapIss(0, 3, 4, 3, 7, 31, false));
  m.cpu.st.sys.sctlr_el1 = kUma;
  EXPECT_EQ(RunOne(0xd50342df), StopReason::kInsnLimit);  // msr DAIFSet, #2
  EXPECT_EQ(m.cpu.st.pstate.daif, kDaifI);
  EXPECT_EQ(Read(Mrs(0, 3, 3, 4, 2, 1)), 0x80u);
}

TEST_F(El0Traps, FpcrFpsrNeedCpacrFpen) {
  ExpectException(Mrs(0, 3, 3, 4, 4, 0), ExceptionClass::kFpAccess, kCvCond);
  m.cpu.st.sys.cpacr_el1 = 1ull << 20;  // FPEN = 0b01: EL0 still trapped
  ExpectException(Msr(3, 3, 4, 4, 1, 0), ExceptionClass::kFpAccess, kCvCond);
  m.cpu.st.sys.cpacr_el1 = 3ull << 20;
  Write(Msr(3, 3, 4, 4, 0, 0), 0x00c00000);
  EXPECT_EQ(m.cpu.st.fpcr, 0x00c00000u);
  // At EL1, FPEN = 0b01 is enough; 0b10 traps.
  AtEl1();
  m.cpu.st.sys.cpacr_el1 = 1ull << 20;
  EXPECT_EQ(Read(Mrs(0, 3, 3, 4, 4, 0)), 0x00c00000u);
  m.cpu.st.sys.cpacr_el1 = 2ull << 20;
  ExpectException(Mrs(0, 3, 3, 4, 4, 0), ExceptionClass::kFpAccess, kCvCond);
}

TEST_F(El0Traps, El1RegistersAreUndefined) {
  ExpectUndefined(Mrs(0, 3, 0, 1, 0, 0));  // SCTLR_EL1
  ExpectUndefined(Mrs(0, 3, 0, 0, 0, 0));  // MIDR_EL1 (Linux emulates it)
  ExpectUndefined(Mrs(0, 3, 0, 0, 4, 0));  // ID_AA64PFR0_EL1
  ExpectUndefined(Mrs(0, 3, 0, 4, 2, 2));  // CurrentEL
  ExpectUndefined(Msr(3, 0, 4, 2, 0, 0));  // SPSel
  ExpectUndefined(Mrs(0, 3, 0, 4, 1, 0));  // SP_EL0
  ExpectUndefined(0xd50041bf);             // msr SPSel, #1
  ExpectUndefined(0xd500409f);             // msr PAN, #0
  ExpectUndefined(0xd500407f);             // msr UAO, #0
  ExpectUndefined(Msr(3, 3, 13, 0, 3, 0));  // TPIDRRO_EL0 is read-only at EL0
  ExpectUndefined(0xd69f03e0);              // eret
  ExpectUndefined(0xd4000002);              // hvc #0
  ExpectUndefined(0xd4000003);              // smc #0
  EXPECT_EQ(m.cpu.reported_sysregs.count(), 0u);  // all architecturally UNDEFINED
}

TEST_F(El0Traps, TimerAndCounterAccessControls) {
  platform.counter = 1234;
  ExpectException(Mrs(0, 3, 3, 14, 0, 2), ExceptionClass::kSysReg,  // CNTVCT_EL0
                  TrapIss(3, 3, 14, 0, 2, 0, true));
  ExpectException(Mrs(0, 3, 3, 14, 0, 0), ExceptionClass::kSysReg,  // CNTFRQ_EL0
                  TrapIss(3, 3, 14, 0, 0, 0, true));
  m.cpu.st.sys.cntkctl_el1 = 2;  // EL0VCTEN
  EXPECT_EQ(Read(Mrs(0, 3, 3, 14, 0, 2)), 1234u);
  m.cpu.st.sys.cntfrq_el0 = 100;
  EXPECT_EQ(Read(Mrs(0, 3, 3, 14, 0, 0)), 100u);
  ExpectException(Mrs(0, 3, 3, 14, 0, 1), ExceptionClass::kSysReg,  // CNTPCT_EL0
                  TrapIss(3, 3, 14, 0, 1, 0, true));
  ExpectException(Msr(3, 3, 14, 3, 1, 0), ExceptionClass::kSysReg,  // CNTV_CTL_EL0
                  TrapIss(3, 3, 14, 3, 1, 0, false));
  ExpectUndefined(Msr(3, 3, 14, 0, 0, 0));  // CNTFRQ_EL0 write at EL0
  m.cpu.st.sys.cntkctl_el1 = 0x300;          // EL0PTEN, EL0VTEN
  Write(Msr(3, 3, 14, 3, 1, 0), 1);
  EXPECT_EQ(m.cpu.st.sys.cntv_ctl_el0, 1u);
}

TEST_F(El0Traps, CacheMaintenanceControls) {
  m.cpu.st.x[0] = TestMachine::kDataBase;
  ExpectException(Sys(3, 7, 4, 1, 0), ExceptionClass::kSysReg,  // dc zva, x0
                  TrapIss(1, 3, 7, 4, 1, 0, false));
  EXPECT_EQ(Read(Mrs(0, 3, 3, 0, 0, 7)), 0x14u);  // DCZID_EL0.DZP = 1
  ExpectException(Sys(3, 7, 14, 1, 3), ExceptionClass::kSysReg,  // dc civac, x3
                  TrapIss(1, 3, 7, 14, 1, 3, false));
  ExpectException(Sys(3, 7, 5, 1, 3), ExceptionClass::kSysReg,  // ic ivau, x3
                  TrapIss(1, 3, 7, 5, 1, 3, false));
  ExpectUndefined(Sys(0, 7, 6, 1, 0));   // dc ivac
  ExpectUndefined(Sys(0, 7, 5, 0, 31));  // ic iallu
  ExpectUndefined(Sys(0, 8, 7, 0, 31));  // tlbi vmalle1
  ExpectUndefined(Sys(0, 7, 8, 0, 0));   // at s1e1r, x0
  m.cpu.st.sys.sctlr_el1 = kDze | kUci;
  m.cpu.st.x[0] = TestMachine::kDataBase;
  m.cpu.st.x[3] = TestMachine::kDataBase;
  EXPECT_EQ(Read(Mrs(0, 3, 3, 0, 0, 7)), 4u);
  EXPECT_EQ(RunOne(Sys(3, 7, 4, 1, 3)), StopReason::kInsnLimit);
  EXPECT_EQ(RunOne(Sys(3, 7, 14, 1, 3)), StopReason::kInsnLimit);
  EXPECT_EQ(RunOne(Sys(3, 7, 5, 1, 3)), StopReason::kInsnLimit);
  ASSERT_EQ(platform.ic_va.size(), 1u);
  EXPECT_FALSE(platform.ic_all[0]);
  EXPECT_EQ(platform.ic_va[0], TestMachine::kDataBase);
}

TEST_F(El0Traps, WfiWfeTraps) {
  ExpectException(0xd503207f, ExceptionClass::kWfx, kCvCond);      // wfi: TI = 0
  ExpectException(0xd503205f, ExceptionClass::kWfx, kCvCond | 1);  // wfe: TI = 1
  m.cpu.st.sys.sctlr_el1 = kNTwi | kNTwe;
  EXPECT_EQ(RunOne(0xd503207f), StopReason::kInsnLimit);
  EXPECT_EQ(m.cpu.st.pc, TestMachine::kCodeBase + 4);
}

// User mode sets the EL1 state Linux gives user space: SCTLR_EL1 with UCT,
// DZE, UCI and nTWE set and nTWI and UMA clear, and CPACR_EL1.FPEN.
TEST_F(El0Traps, UserModeUsesLinuxControls) {
  m.cpu.platform = nullptr;
  user::SetLinuxUserEl1State(m.cpu.st);
  EXPECT_EQ(Read(Mrs(0, 3, 3, 0, 0, 1)), 0x8444c004u);  // CTR_EL0
  EXPECT_EQ(Read(Mrs(0, 3, 3, 0, 0, 7)), 4u);           // DCZID_EL0
  Write(Msr(3, 3, 4, 4, 0, 0), 0x00400000);             // FPCR
  EXPECT_EQ(m.cpu.st.fpcr, 0x00400000u);
  EXPECT_EQ(RunOne(0xd503205f), StopReason::kInsnLimit);  // wfe
  ExpectException(0xd503207f, ExceptionClass::kWfx, kCvCond);  // wfi traps
  ExpectException(0xd50342df, ExceptionClass::kSysReg, TrapIss(0, 3, 4, 2, 6, 31, false));
  // No generic timer in user mode: the counter is not implemented there.
  ExpectUndefined(Mrs(0, 3, 3, 14, 0, 2));
}

}  // namespace
}  // namespace a64::testing
