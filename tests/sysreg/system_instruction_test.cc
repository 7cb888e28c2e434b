// System instructions at EL1: TLBI and AT through the platform with the
// decoded operands, IC, DC set/way, MSR (immediate), HVC/SMC firmware calls,
// WFI/WFE.
#include "tests/sysreg/sysreg_fixture.h"

namespace a64::testing {
namespace {

class SystemInsn : public SysregTest {
 protected:
  SystemInsn() { AtEl1(); }
};

TEST_F(SystemInsn, TlbiDecodesAsidAndVa) {
  const uint64_t xt = 0xbeefull << 48 | 0x0000abcdef012345ull;  // bits 47:44 ignored
  struct Case {
    unsigned crm, op2;
    TlbiScope scope;
  } cases[] = {
      {7, 0, TlbiScope::kAll},        {3, 0, TlbiScope::kAll},
      {7, 1, TlbiScope::kVa},         {3, 1, TlbiScope::kVa},
      {7, 2, TlbiScope::kAsid},       {3, 2, TlbiScope::kAsid},
      {7, 3, TlbiScope::kVaAllAsid},  {3, 3, TlbiScope::kVaAllAsid},
      {7, 5, TlbiScope::kVaLastLevel}, {3, 5, TlbiScope::kVaLastLevel},
      {7, 7, TlbiScope::kVaAllAsidLastLevel}, {3, 7, TlbiScope::kVaAllAsidLastLevel},
  };
  for (const Case& c : cases) {
    platform.tlbis.clear();
    m.cpu.st.x[5] = xt;
    EXPECT_EQ(RunOne(Sys(0, 8, c.crm, c.op2, 5)), StopReason::kInsnLimit);
    ASSERT_EQ(platform.tlbis.size(), 1u);
    EXPECT_EQ(platform.tlbis[0].scope, c.scope) << c.crm << " " << c.op2;
    EXPECT_EQ(platform.tlbis[0].asid, 0xbeefu);
    EXPECT_EQ(platform.tlbis[0].va, 0xbcdef012345000ull);  // VA<55:12>
  }
  ExpectUndefined(Sys(0, 8, 7, 4, 0));  // no TLBI at op2 = 4
  ExpectUndefined(Sys(4, 8, 7, 0, 31));  // TLBI ALLE2: no EL2
}

TEST_F(SystemInsn, AtWritesPar) {
  platform.par = 0x0000000080001f00ull;
  const struct {
    unsigned op2;
    bool el0, write;
  } cases[] = {{0, false, false}, {1, false, true}, {2, true, false}, {3, true, true}};
  for (const auto& c : cases) {
    platform.ats.clear();
    m.cpu.st.sys.par_el1 = 0;
    m.cpu.st.x[2] = 0xffff000012345678ull;
    EXPECT_EQ(RunOne(Sys(0, 7, 8, c.op2, 2)), StopReason::kInsnLimit);
    ASSERT_EQ(platform.ats.size(), 1u);
    EXPECT_EQ(platform.ats[0].va, 0xffff000012345678ull);
    EXPECT_EQ(platform.ats[0].as_el0, c.el0);
    EXPECT_EQ(platform.ats[0].write, c.write);
    EXPECT_EQ(m.cpu.st.sys.par_el1, 0x80001f00u);
  }
}

TEST_F(SystemInsn, InstructionCacheAndSetWay) {
  EXPECT_EQ(RunOne(Sys(0, 7, 5, 0, 31)), StopReason::kInsnLimit);  // ic iallu
  EXPECT_EQ(RunOne(Sys(0, 7, 1, 0, 31)), StopReason::kInsnLimit);  // ic ialluis
  ASSERT_EQ(platform.ic_all.size(), 2u);
  EXPECT_TRUE(platform.ic_all[0] && platform.ic_all[1]);
  m.cpu.st.x[0] = 0x42;  // set/way operand, no address
  for (uint32_t w : {Sys(0, 7, 6, 2, 0), Sys(0, 7, 10, 2, 0), Sys(0, 7, 14, 2, 0)})
    EXPECT_EQ(RunOne(w), StopReason::kInsnLimit) << std::hex << w;
  m.cpu.st.x[0] = TestMachine::kDataBase;
  EXPECT_EQ(RunOne(Sys(0, 7, 6, 1, 0)), StopReason::kInsnLimit);  // dc ivac
  // SCTLR_EL1's EL0 controls do not apply at EL1.
  EXPECT_EQ(RunOne(Sys(3, 7, 4, 1, 0)), StopReason::kInsnLimit);  // dc zva
}

TEST_F(SystemInsn, MsrImmediate) {
  m.cpu.st.sp = 0x8000;
  m.cpu.st.sp_el[0] = 0x4000;
  EXPECT_EQ(RunOne(0xd50040bf), StopReason::kInsnLimit);  // msr SPSel, #0
  EXPECT_EQ(m.cpu.st.pstate.sp, 0);
  EXPECT_EQ(m.cpu.st.sp, 0x4000u);
  EXPECT_EQ(m.cpu.st.sp_el[1], 0x8000u);
  EXPECT_EQ(RunOne(0xd50041bf), StopReason::kInsnLimit);  // msr SPSel, #1
  EXPECT_EQ(m.cpu.st.sp, 0x8000u);
  m.cpu.st.pstate.daif = 0;
  EXPECT_EQ(RunOne(0xd50346df), StopReason::kInsnLimit);  // msr DAIFSet, #6
  EXPECT_EQ(m.cpu.st.pstate.daif, kDaifA | kDaifI);
  EXPECT_EQ(RunOne(0xd50344ff), StopReason::kInsnLimit);  // msr DAIFClr, #4
  EXPECT_EQ(m.cpu.st.pstate.daif, kDaifI);
  EXPECT_EQ(RunOne(0xd500419f), StopReason::kInsnLimit);  // msr PAN, #1
  EXPECT_EQ(m.cpu.st.pstate.pan, 1);
  EXPECT_EQ(RunOne(0xd500417f), StopReason::kInsnLimit);  // msr UAO, #1
  EXPECT_EQ(m.cpu.st.pstate.uao, 1);
  EXPECT_EQ(RunOne(0xd500407f), StopReason::kInsnLimit);  // msr UAO, #0
  EXPECT_EQ(m.cpu.st.pstate.uao, 0);
}

TEST_F(SystemInsn, FirmwareCalls) {
  EXPECT_EQ(RunOne(0xd4000002), StopReason::kInsnLimit);  // hvc #0
  EXPECT_EQ(m.cpu.st.x[0], 0x600du);
  EXPECT_EQ(m.cpu.st.pc, TestMachine::kCodeBase + 4);
  EXPECT_EQ(RunOne(0xd4000023), StopReason::kInsnLimit);  // smc #1
  ASSERT_EQ(platform.calls.size(), 2u);
  EXPECT_EQ(platform.calls[0], std::make_pair(false, uint16_t{0}));
  EXPECT_EQ(platform.calls[1], std::make_pair(true, uint16_t{1}));
  platform.handles_calls = false;
  ExpectUndefined(0xd4000002);
  ExpectUndefined(0xd4000003);
}

TEST_F(SystemInsn, SvcFromEl1AndWaits) {
  EXPECT_EQ(RunOne(0xd4000021), StopReason::kException);  // svc #1
  EXPECT_EQ(m.cpu.exc.ec, ExceptionClass::kSvc64);
  EXPECT_EQ(m.cpu.exc.iss, 1u);
  // WFI/WFE at EL1 are never trapped by SCTLR_EL1 (zero here).
  EXPECT_EQ(RunOne(0xd503207f), StopReason::kInsnLimit);
  EXPECT_EQ(RunOne(0xd503205f), StopReason::kInsnLimit);
}

}  // namespace
}  // namespace a64::testing
