// Spot checks of the branch/system disassembly against llvm-mc-14's text.
#include <gtest/gtest.h>

#include "frontend/disasm/disassembler.h"
#include "frontend/disasm/formatters_branch_system.h"

namespace a64 {
namespace {

struct Case {
  uint32_t word;
  const char* text;
};

TEST(BranchSystemDisasm, MatchesLlvm) {
  const Case cases[] = {
      {0x14000004, "b #16"},
      {0x17ffffff, "b #-4"},
      {0x16000000, "b #-134217728"},
      {0x15ffffff, "b #134217724"},
      {0x94000001, "bl #4"},
      {0x54000040, "b.eq #8"},
      {0x5400004f, "b.nv #8"},
      {0x54800000, "b.eq #-1048576"},
      {0x54000050, "<invalid>"},  // o0 = 1
      {0x55000000, "<invalid>"},  // o1 = 1
      {0x34ffffe2, "cbz w2, #-4"},
      {0xb5000041, "cbnz x1, #8"},
      {0x36f80041, "tbz w1, #31, #8"},
      {0xb6f80041, "tbz x1, #63, #8"},
      {0xd4024681, "svc #0x1234"},
      {0xd4000001, "svc #0"},
      {0xd4200000, "brk #0"},
      {0xd4a00001, "dcps1"},
      {0xd4a00023, "dcps3 #0x1"},
      {0xd503201f, "nop"},
      {0xd503241f, "hint #32"},
      {0xd503233f, "paciasp"},
      {0xd503221f, "esb"},
      {0xd503201e, "msr S0_3_C2_C0_0, x30"},
      {0xd503309f, "ssbb"},
      {0xd503349f, "pssbb"},
      {0xd503309e, "msr S0_3_C3_C0_4, x30"},
      {0xd5033bbf, "dmb ish"},
      {0xd50330bf, "dmb #0"},
      {0xd5033fdf, "isb"},
      {0xd50331df, "isb #1"},
      {0xd5033f5f, "clrex"},
      {0xd50330ff, "msr S0_3_C3_C0_7, xzr"},  // SB is v8.5
      {0xd50040bf, "msr SPSel, #0"},
      {0xd50341df, "msr DAIFSet, #1"},
      {0xd500419f, "msr PAN, #1"},
      {0xd500429f, "msr S0_0_C4_C2_4, xzr"},
      {0xd50b7420, "dc zva, x0"},
      {0xd50b743f, "dc zva, xzr"},
      {0xd5087100, "ic ialluis"},
      {0xd508833f, "tlbi vae1is, xzr"},
      {0xd508001f, "sys #0, c0, c0, #0"},
      {0xd508001e, "sys #0, c0, c0, #0, x30"},
      {0xd528001f, "sysl xzr, #0, c0, c0, #0"},
      {0xd5380001, "mrs x1, MIDR_EL1"},
      {0xd5180001, "msr S3_0_C0_C0_0, x1"},  // MIDR_EL1 is read-only
      {0xd53b4201, "mrs x1, NZCV"},
      {0xd53bd061, "mrs x1, TPIDRRO_EL0"},
      {0xd5381021, "mrs x1, ACTLR_EL1"},
      {0xd53f1e21, "mrs x1, S3_7_C1_C14_1"},
      {0xd5300000, "mrs x0, S2_0_C0_C0_0"},
      {0xd5380000 | (1 << 12) | (2 << 5), "mrs x0, CPACR_EL1"},
      {0xd5004000, "msr S0_0_C4_C0_0, x0"},
      {0xd5200000, "mrs x0, S0_0_C0_C0_0"},
      {0xd61f0040, "br x2"},
      {0xd65f03c0, "ret"},
      {0xd65f00a0, "ret x5"},
      {0xd65f0bff, "retaa"},
      {0xd71f081f, "braa x0, sp"},
      {0xd63f0bff, "blraaz xzr"},
      {0xd69f03e0, "eret"},
      {0xd6bf03e0, "drps"},
      {0xd65f0bfe, "<invalid>"},
  };
  for (const Case& c : cases) EXPECT_EQ(Disassemble(c.word, 0x1000), c.text) << std::hex << c.word;
}

TEST(BranchSystemDisasm, SysRegNamesDependOnDirection) {
  // DBGDTRRX_EL0 (read) and DBGDTRTX_EL0 (write) share one encoding.
  const uint16_t dbgdtr = SysRegEncoding(2, 3, 0, 5, 0);
  EXPECT_STREQ(SysRegName(dbgdtr, true), "DBGDTRRX_EL0");
  EXPECT_STREQ(SysRegName(dbgdtr, false), "DBGDTRTX_EL0");
  EXPECT_EQ(SysRegName(SysRegEncoding(3, 0, 12, 12, 1), true), nullptr);  // ICC_EOIR1_EL1 is WO
  EXPECT_STREQ(SysRegName(SysRegEncoding(3, 0, 12, 12, 1), false), "ICC_EOIR1_EL1");
  EXPECT_EQ(SysRegText(SysRegEncoding(3, 1, 15, 2, 0), true), "S3_1_C15_C2_0");
}

}  // namespace
}  // namespace a64
