// The stage 1 permission matrix (ARM ARM D8.4.1 "Data access permissions",
// D8.4.2 execute-never controls, FEAT_PAN), AP x EL x PAN x UXN/PXN x WXN,
// checked against the tables as the ARM ARM states them.
#include "mmu/permissions.h"

#include <gtest/gtest.h>

namespace a64::test {
namespace {

// AP[2:1] -> {EL1 read, EL1 write, EL0 read, EL0 write}.
struct ApRow { bool r1, w1, r0, w0; };
constexpr ApRow kAp[4] = {
    {true, true, false, false},   // 00: EL1 RW, EL0 none
    {true, true, true, true},     // 01: EL1 RW, EL0 RW
    {true, false, false, false},  // 10: EL1 RO, EL0 none
    {true, false, true, false},   // 11: RO at both
};

TEST(PermissionsTest, FullMatrix) {
  unsigned cases = 0;
  for (unsigned ap = 0; ap < 4; ++ap)
    for (int uxn = 0; uxn < 2; ++uxn)
      for (int pxn = 0; pxn < 2; ++pxn)
        for (int wxn = 0; wxn < 2; ++wxn)
          for (int el = 0; el < 2; ++el)
            for (int pan = 0; pan < 2; ++pan) {
              WalkResult w;
              w.ap_ro = ap & 2;
              w.ap_el0 = ap & 1;
              w.uxn = uxn;
              w.pxn = pxn;
              const Permissions p = Stage1Permissions(w, el == 1, pan, wxn);
              const ApRow row = kAp[ap];
              SCOPED_TRACE(testing::Message() << "ap=" << ap << " uxn=" << uxn << " pxn=" << pxn
                                              << " wxn=" << wxn << " el=" << el << " pan=" << pan);
              if (el == 0) {
                EXPECT_EQ(p.read, row.r0);
                EXPECT_EQ(p.write, row.w0);
                // EL0 execute: UXN, and WXN on EL0-writable memory. AP does
                // not otherwise matter (AP=00 with UXN=0 is execute-only).
                EXPECT_EQ(p.exec, !uxn && !(wxn && row.w0));
              } else {
                // PAN: EL1 data accesses to EL0-accessible memory fault.
                const bool pan_blocks = pan && (ap & 1);
                EXPECT_EQ(p.read, row.r1 && !pan_blocks);
                EXPECT_EQ(p.write, row.w1 && !pan_blocks);
                // EL1 execute: PXN, never from EL0-writable memory, WXN on
                // EL1-writable memory; PAN does not affect fetches.
                EXPECT_EQ(p.exec, !pxn && !row.w0 && !(wxn && row.w1));
              }
              ++cases;
            }
  EXPECT_EQ(cases, 128u);
}

TEST(PermissionsTest, MmuOffAllowsEverything) {
  WalkResult w;
  w.mmu_off = true;
  w.uxn = w.pxn = true;
  const Permissions p = Stage1Permissions(w, false, true, true);
  EXPECT_TRUE(p.read && p.write && p.exec);
}

}  // namespace
}  // namespace a64::test
