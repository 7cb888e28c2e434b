// MRS/MSR at EL1 through the system-register table: round trips, RES0/RES1
// masking, PSTATE views, ID register values, UNDEFINED accesses.
#include "frontend/semantics/branch_system/sysreg_table.h"
#include "tests/sysreg/sysreg_fixture.h"

namespace a64::testing {
namespace {

class Sysreg : public SysregTest {
 protected:
  Sysreg() { AtEl1(); }
};

TEST_F(Sysreg, SctlrRes0Res1Masking) {
  const uint32_t msr = Msr(3, 0, 1, 0, 0, 0), mrs = Mrs(0, 3, 0, 1, 0, 0);
  Write(msr, 0);
  EXPECT_EQ(Read(mrs), 0x30500800u);  // LSMAOE nTLSMD EIS TSCXT EOS
  Write(msr, ~0ull);
  EXPECT_EQ(Read(mrs), 0x34dddbbfu);  // no v8.4+ bits, no EE/E0E, no PAuth enables
  EXPECT_EQ(m.cpu.st.sys.sctlr_el1, 0x34dddbbfu);
}

TEST_F(Sysreg, StoredRegisterMasks) {
  struct Case {
    unsigned op1, crn, crm, op2;
    uint64_t after_ones;
  } cases[] = {
      {0, 1, 0, 2, 0x300000},                 // CPACR_EL1: FPEN only
      {0, 2, 0, 0, ~1ull},                    // TTBR0_EL1: CnP RES0
      {0, 2, 0, 1, ~1ull},                    // TTBR1_EL1
      {0, 2, 0, 2, 0x77ffffffbfull},          // TCR_EL1
      {0, 4, 0, 0, 0xf0f003df},               // SPSR_EL1
      {0, 4, 0, 1, ~0ull},                    // ELR_EL1
      {0, 5, 2, 0, 0xffffffff},               // ESR_EL1
      {0, 6, 0, 0, ~0ull},                    // FAR_EL1
      {0, 7, 4, 0, ~0ull},                    // PAR_EL1
      {0, 10, 2, 0, ~0ull},                   // MAIR_EL1
      {0, 10, 3, 0, ~0ull},                   // AMAIR_EL1
      {0, 12, 0, 0, ~0x7ffull},               // VBAR_EL1
      {0, 13, 0, 1, 0xffffffff},              // CONTEXTIDR_EL1
      {0, 13, 0, 4, ~0ull},                   // TPIDR_EL1
      {0, 14, 1, 0, 0x3ff},                   // CNTKCTL_EL1
      {2, 0, 0, 0, 0xf},                      // CSSELR_EL1
      {0, 1, 0, 1, 0},                        // ACTLR_EL1: RAZ/WI
      {0, 10, 4, 0, 0},                       // LORSA_EL1: RES0 (no LORegions)
      {3, 13, 0, 3, ~0ull},                   // TPIDRRO_EL0 (writable at EL1)
  };
  for (const Case& c : cases) {
    Write(Msr(3, c.op1, c.crn, c.crm, c.op2, 0), ~0ull);
    EXPECT_EQ(Read(Mrs(0, 3, c.op1, c.crn, c.crm, c.op2)), c.after_ones)
        << c.op1 << " " << c.crn << " " << c.crm << " " << c.op2;
  }
  EXPECT_EQ(m.cpu.st.sys.vbar_el1, ~0x7ffull);
  EXPECT_EQ(m.cpu.st.tpidrro_el0, ~0ull);
}

TEST_F(Sysreg, DebugRegisters) {
  Write(Msr(2, 0, 0, 2, 2, 0), ~0ull);  // MDSCR_EL1
  EXPECT_EQ(Read(Mrs(0, 2, 0, 0, 2, 2)), 0x6ce0f041u);
  Write(Msr(2, 0, 0, 1, 5, 0), ~0ull);  // DBGBCR1_EL1
  EXPECT_EQ(m.cpu.st.sys.dbgbcr_el1[1], 0x00ffe1e7u);
  EXPECT_EQ(Read(Mrs(0, 2, 0, 1, 1, 4)), 0x8u);  // OSLSR_EL1: OSLM = 0b10, unlocked
  Write(Msr(2, 0, 1, 0, 4, 0), 1);               // OSLAR_EL1: lock
  EXPECT_EQ(Read(Mrs(0, 2, 0, 1, 1, 4)), 0xau);
  ExpectUndefined(Mrs(0, 2, 0, 1, 0, 4));  // OSLAR_EL1 is write-only
  ExpectUndefined(Msr(2, 0, 1, 1, 4, 0));  // OSLSR_EL1 is read-only
}

TEST_F(Sysreg, PstateViews) {
  EXPECT_EQ(Read(Mrs(0, 3, 0, 4, 2, 2)), 4u);  // CurrentEL: EL1
  EXPECT_EQ(Read(Mrs(0, 3, 0, 4, 2, 0)), 1u);  // SPSel
  m.cpu.st.pstate.daif = kDaifI | kDaifF;
  EXPECT_EQ(Read(Mrs(0, 3, 3, 4, 2, 1)), 0xc0u);  // DAIF
  Write(Msr(3, 3, 4, 2, 1, 0), ~0ull);
  EXPECT_EQ(m.cpu.st.pstate.daif, 0xf);
  Write(Msr(3, 0, 4, 2, 3, 0), 1ull << 22);  // PAN
  EXPECT_EQ(m.cpu.st.pstate.pan, 1);
  EXPECT_EQ(Read(Mrs(0, 3, 0, 4, 2, 3)), 1u << 22);
  Write(Msr(3, 0, 4, 2, 4, 0), 1ull << 23);  // UAO
  EXPECT_EQ(m.cpu.st.pstate.uao, 1);
  EXPECT_EQ(Read(Mrs(0, 3, 0, 4, 2, 4)), 1u << 23);
  ExpectUndefined(Msr(3, 0, 4, 2, 2, 0));  // CurrentEL is read-only
}

TEST_F(Sysreg, StackPointers) {
  m.cpu.st.sp = 0x1000;       // SP_EL1, live
  m.cpu.st.sp_el[0] = 0x2000;  // SP_EL0
  EXPECT_EQ(Read(Mrs(0, 3, 0, 4, 1, 0)), 0x2000u);  // SP_EL0
  Write(Msr(3, 0, 4, 1, 0, 0), 0x3000);
  EXPECT_EQ(m.cpu.st.sp_el[0], 0x3000u);
  EXPECT_EQ(m.cpu.st.sp, 0x1000u);
  Write(Msr(3, 0, 4, 2, 0, 0), 0);  // SPSel = 0: SP_EL0 becomes the live SP
  EXPECT_EQ(m.cpu.st.sp, 0x3000u);
  EXPECT_EQ(m.cpu.st.sp_el[1], 0x1000u);
  ExpectUndefined(Mrs(0, 3, 0, 4, 1, 0));  // SP_EL0 while it is the live SP
  ExpectUndefined(Mrs(0, 3, 4, 4, 1, 0));  // SP_EL1: EL2 and above only
}

TEST_F(Sysreg, IdentificationValues) {
  EXPECT_EQ(Read(Mrs(0, 3, 0, 0, 0, 0)), 0x411fd073u);  // MIDR_EL1
  EXPECT_EQ(Read(Mrs(0, 3, 0, 0, 0, 5)), 0x80000000u);  // MPIDR_EL1
  EXPECT_EQ(Read(Mrs(0, 3, 0, 0, 4, 0)), 0x11u);        // ID_AA64PFR0_EL1
  EXPECT_EQ(Read(Mrs(0, 3, 0, 0, 5, 0)), 0x101006u);    // ID_AA64DFR0_EL1
  EXPECT_EQ(Read(Mrs(0, 3, 0, 0, 6, 0)), 0x10211120u);  // ID_AA64ISAR0_EL1
  EXPECT_EQ(Read(Mrs(0, 3, 0, 0, 6, 1)), 0x111001u);    // ID_AA64ISAR1_EL1
  EXPECT_EQ(Read(Mrs(0, 3, 0, 0, 7, 0)), 0x100025u);    // ID_AA64MMFR0_EL1
  EXPECT_EQ(Read(Mrs(0, 3, 0, 0, 7, 1)), 0x110000u);    // ID_AA64MMFR1_EL1
  EXPECT_EQ(Read(Mrs(0, 3, 0, 0, 7, 2)), 0x10u);        // ID_AA64MMFR2_EL1
  EXPECT_EQ(Read(Mrs(0, 3, 3, 0, 0, 1)), 0x8444c004u);  // CTR_EL0
  EXPECT_EQ(Read(Mrs(0, 3, 1, 0, 0, 1)), 0x0a200023u);  // CLIDR_EL1
  m.cpu.st.sys.csselr_el1 = 1;                           // L1 instruction
  EXPECT_EQ(Read(Mrs(0, 3, 1, 0, 0, 0)), 0x201fe012u);
  m.cpu.st.sys.csselr_el1 = 2;  // L2
  EXPECT_EQ(Read(Mrs(0, 3, 1, 0, 0, 0)), 0x70ffe07au);
  // AArch32 ID registers and the reserved ID space (e.g. ID_AA64ISAR2_EL1)
  // read as zero; writes to them are UNDEFINED.
  m.cpu.st.x[0] = 5;
  EXPECT_EQ(Read(Mrs(0, 3, 0, 0, 1, 0)), 0u);  // ID_PFR0_EL1
  m.cpu.st.x[0] = 5;
  EXPECT_EQ(Read(Mrs(0, 3, 0, 0, 6, 2)), 0u);
  ExpectUndefined(Msr(3, 0, 0, 6, 2, 0));
  ExpectUndefined(Msr(3, 0, 0, 0, 0, 0));  // MIDR_EL1
}

TEST_F(Sysreg, UnlistedRegisterUndefinedAndReportedOnce) {
  const uint32_t word = Mrs(0, 3, 0, 9, 9, 0);  // PMSCR_EL1: no SPE
  EXPECT_FALSE(m.cpu.reported_sysregs.test((word >> 5) & 0xffff));
  ExpectUndefined(word);
  EXPECT_TRUE(m.cpu.reported_sysregs.test((word >> 5) & 0xffff));
  ExpectUndefined(word);
  EXPECT_EQ(m.cpu.reported_sysregs.count(), 1u);
  ExpectUndefined(Mrs(0, 3, 0, 0, 0, 1));  // op2 = 1 next to MIDR_EL1: unallocated
}

TEST_F(Sysreg, ResetValues) {
  ResetSystemRegisters(m.cpu);
  EXPECT_EQ(m.cpu.st.sys.sctlr_el1, 0x30500800u);
  EXPECT_EQ(m.cpu.st.sys.oslsr_oslk, 1u);
  EXPECT_EQ(m.cpu.st.sys.cntfrq_el0, 62500000u);
  EXPECT_EQ(Read(Mrs(0, 3, 3, 14, 0, 0)), 62500000u);  // CNTFRQ_EL0
}

TEST_F(Sysreg, TableIsSortedAndUnique) {
  auto rows = SysRegTable();
  ASSERT_GT(rows.size(), 90u);
  for (size_t i = 1; i < rows.size(); ++i) EXPECT_LT(rows[i - 1].enc, rows[i].enc);
  for (const SysRegRow& r : rows) EXPECT_EQ(FindSysReg(r.enc), &r) << r.name;
}

}  // namespace
}  // namespace a64::testing
