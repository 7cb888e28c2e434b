// Stage 1 walks (mmu/walker.h) on hand-built tables: every granule and
// level, both VA ranges, TxSZ edges, and each walk fault with its level.
#include "mmu/walker.h"

#include <gtest/gtest.h>

#include "tests/mmu/page_tables.h"

namespace a64::test {
namespace {

constexpr uint64_t kRam = 0x40000000;
constexpr uint64_t kPool = 0x40800000;  // translation tables
constexpr uint64_t kPool1 = 0x40c00000; // TTBR1 tables

class WalkerTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(pm.AddRam(kRam, 16 << 20)); }
  TranslationRegs Regs(uint64_t tcr, uint64_t ttbr0, uint64_t ttbr1 = 0) {
    return TranslationRegs{kSctlrM, tcr, ttbr0, ttbr1, kMair};
  }
  WalkResult Walk(const TranslationRegs& r, uint64_t va, bool fetch = false) {
    return Stage1Translate(pm, r, va, fetch);
  }
  PhysicalMemory pm;
};

void ExpectFault(const WalkResult& w, WalkFault f, unsigned level) {
  EXPECT_EQ(w.fault, f);
  EXPECT_EQ(w.level, level);
}

TEST_F(WalkerTest, Granule4kPageFromLevel0) {
  PageTables t(pm, kPool, 12, 16);
  ASSERT_EQ(t.start_level(), 0u);
  t.Map(0x0000123456789000, 0x40001000, 3, kAf | kShInner | Attr(2) | kNg | kApEl0);
  const WalkResult w = Walk(Regs(Tcr(16, kTg0_4k, 16, kTg1_4k), t.root()), 0x0000123456789abc);
  ASSERT_EQ(w.fault, WalkFault::kNone);
  EXPECT_EQ(w.pa, 0x40001abcu);
  EXPECT_EQ(w.level, 3);
  EXPECT_EQ(w.block_shift, 12);
  EXPECT_EQ(w.attr, 0x44);
  EXPECT_EQ(w.sh, 3);
  EXPECT_FALSE(w.global);
  EXPECT_TRUE(w.ap_el0);
  EXPECT_FALSE(w.ap_ro);
  EXPECT_FALSE(w.mmu_off);
}

TEST_F(WalkerTest, Granule4kBlocksAtLevel1And2) {
  PageTables t(pm, kPool, 12, 16);
  t.Map(0x0000008040000000, 0x80000000, 1);  // 1 GiB block
  t.Map(0x0000000000200000, 0x40200000, 2);  // 2 MiB block
  const TranslationRegs r = Regs(Tcr(16, kTg0_4k, 16, kTg1_4k), t.root());
  WalkResult w = Walk(r, 0x000000807654321f);
  ASSERT_EQ(w.fault, WalkFault::kNone);
  EXPECT_EQ(w.pa, 0xb654321fu);
  EXPECT_EQ(w.level, 1);
  EXPECT_EQ(w.block_shift, 30);
  w = Walk(r, 0x00000000003fffff);
  ASSERT_EQ(w.fault, WalkFault::kNone);
  EXPECT_EQ(w.pa, 0x403fffffu);
  EXPECT_EQ(w.level, 2);
  EXPECT_EQ(w.block_shift, 21);
}

TEST_F(WalkerTest, Granule4kLevel0BlockAndLevel3BlockEncodingFault) {
  PageTables t(pm, kPool, 12, 16);
  t.SetDesc(0x0000010000000000, 0, 0x0 | 1 | kAf);  // block at level 0: invalid
  t.SetDesc(0x0000000000001000, 3, 0x40001000 | 1 | kAf);  // 0b01 at level 3: reserved
  const TranslationRegs r = Regs(Tcr(16, kTg0_4k, 16, kTg1_4k), t.root());
  ExpectFault(Walk(r, 0x0000010000000000), WalkFault::kTranslation, 0);
  ExpectFault(Walk(r, 0x0000000000001000), WalkFault::kTranslation, 3);
}

TEST_F(WalkerTest, InvalidDescriptorAtEachLevel) {
  PageTables t(pm, kPool, 12, 16);
  t.Map(0x0000000000003000, 0x40003000, 3);
  const TranslationRegs r = Regs(Tcr(16, kTg0_4k, 16, kTg1_4k), t.root());
  ExpectFault(Walk(r, 0x0000008000000000), WalkFault::kTranslation, 0);  // other L0 slot
  ExpectFault(Walk(r, 0x0000000040000000), WalkFault::kTranslation, 1);
  ExpectFault(Walk(r, 0x0000000000200000), WalkFault::kTranslation, 2);
  ExpectFault(Walk(r, 0x0000000000004000), WalkFault::kTranslation, 3);
  EXPECT_EQ(Walk(r, 0x3000).fault, WalkFault::kNone);
}

TEST_F(WalkerTest, StartingLevelsFromT0sz) {
  // 4K: T0SZ 25 (39 bits) starts at level 1, T0SZ 39 (25 bits) at level 2.
  {
    PageTables t(pm, kPool, 12, 25);
    ASSERT_EQ(t.start_level(), 1u);
    t.Map(0x0000007ffffff000, 0x40005000, 3);
    const TranslationRegs r = Regs(Tcr(25, kTg0_4k, 25, kTg1_4k), t.root());
    EXPECT_EQ(Walk(r, 0x0000007fffffffff).pa, 0x40005fffu);
    // One past the top of the TTBR0 range: level 0 Translation fault.
    ExpectFault(Walk(r, 0x0000008000000000), WalkFault::kTranslation, 0);
  }
  {
    PageTables t(pm, kPool + 0x100000, 12, 39);
    ASSERT_EQ(t.start_level(), 2u);
    t.Map(0x0000000001fff000, 0x40006000, 3);
    t.Map(0x0000000000000000, 0x40200000, 2);
    const TranslationRegs r = Regs(Tcr(39, kTg0_4k, 39, kTg1_4k), t.root());
    EXPECT_EQ(Walk(r, 0x0000000001fff010).pa, 0x40006010u);
    EXPECT_EQ(Walk(r, 0x10).pa, 0x40200010u);
    ExpectFault(Walk(r, 0x0000000002000000), WalkFault::kTranslation, 0);
  }
}

TEST_F(WalkerTest, Granule16k) {
  PageTables t(pm, kPool, 14, 16);  // 48 bits: level 0 table of 2 entries
  ASSERT_EQ(t.start_level(), 0u);
  t.Map(0x0000800000004000, 0x40004000, 3);      // 16 KiB page, upper L0 entry
  t.Map(0x0000000002000000, 0x42000000, 2);      // 32 MiB block
  t.SetDesc(0x0000001000000000, 1, 0x0 | 1 | kAf);  // level 1 block: invalid for 16K
  const TranslationRegs r = Regs(Tcr(16, kTg0_16k, 16, kTg1_16k), t.root());
  WalkResult w = Walk(r, 0x0000800000007ffe);
  ASSERT_EQ(w.fault, WalkFault::kNone);
  EXPECT_EQ(w.pa, 0x40007ffeu);
  EXPECT_EQ(w.block_shift, 14);
  w = Walk(r, 0x0000000003ffffff);
  ASSERT_EQ(w.fault, WalkFault::kNone);
  EXPECT_EQ(w.pa, 0x43ffffffu);
  EXPECT_EQ(w.block_shift, 25);
  EXPECT_EQ(w.level, 2);
  ExpectFault(Walk(r, 0x0000001000000000), WalkFault::kTranslation, 1);
  // 16K with T0SZ 17 (47 bits) starts at level 1.
  PageTables t47(pm, kPool + 0x200000, 14, 17);
  EXPECT_EQ(t47.start_level(), 1u);
  t47.Map(0x00007fffffffc000, 0x40008000, 3);
  EXPECT_EQ(Walk(Regs(Tcr(17, kTg0_16k, 16, kTg1_16k), t47.root()), 0x00007fffffffc123).pa,
            0x40008123u);
}

TEST_F(WalkerTest, Granule64k) {
  PageTables t(pm, kPool, 16, 16);  // 48 bits: starts at level 1
  ASSERT_EQ(t.start_level(), 1u);
  t.Map(0x0000fedcba980000, 0x40010000, 3);   // 64 KiB page
  t.Map(0x0000000020000000, 0x60000000, 2);   // 512 MiB block
  t.SetDesc(0x0000040000000000, 1, 1 | kAf);  // level 1 block: invalid for 64K
  const TranslationRegs r = Regs(Tcr(16, kTg0_64k, 16, kTg1_64k), t.root());
  WalkResult w = Walk(r, 0x0000fedcba98fffc);
  ASSERT_EQ(w.fault, WalkFault::kNone);
  EXPECT_EQ(w.pa, 0x4001fffcu);
  EXPECT_EQ(w.block_shift, 16);
  w = Walk(r, 0x000000003fffffff);
  ASSERT_EQ(w.fault, WalkFault::kNone);
  EXPECT_EQ(w.pa, 0x7fffffffu);
  EXPECT_EQ(w.block_shift, 29);
  ExpectFault(Walk(r, 0x0000040000000000), WalkFault::kTranslation, 1);
  // 64K with T0SZ 22 (42 bits) starts at level 2.
  PageTables t42(pm, kPool + 0x200000, 16, 22);
  EXPECT_EQ(t42.start_level(), 2u);
  t42.Map(0x000003ffffff0000, 0x40020000, 3);
  EXPECT_EQ(Walk(Regs(Tcr(22, kTg0_64k, 22, kTg1_64k), t42.root()), 0x000003ffffff0042).pa,
            0x40020042u);
}

TEST_F(WalkerTest, Ttbr1RangeAndTg1Encodings) {
  struct Case { unsigned grain; uint64_t tg1; };
  for (const Case c : {Case{12, kTg1_4k}, Case{14, kTg1_16k}, Case{16, kTg1_64k}}) {
    SCOPED_TRACE(c.grain);
    PhysicalMemory mem;
    ASSERT_TRUE(mem.AddRam(kRam, 16 << 20));
    PageTables t1(mem, kPool1, c.grain, 25);  // TTBR1 covers the top 2^39 bytes
    const uint64_t page = 1ull << c.grain;
    t1.Map(0xffffff8000000000, 0x40000000, 3);
    t1.Map(0xffffffffffffffff & ~(page - 1), 0x40000000 + page, 3);
    // TTBR0 uses a different granule encoding on purpose (TG0 = 4K).
    const TranslationRegs r{kSctlrM, Tcr(16, kTg0_4k, 25, c.tg1), 0, t1.root(), kMair};
    EXPECT_EQ(Stage1Translate(mem, r, 0xffffff8000000010, false).pa, 0x40000010u);
    EXPECT_EQ(Stage1Translate(mem, r, 0xffffffffffffffff, false).pa, 0x40000000 + 2 * page - 1);
    // Below the TTBR1 range, above the TTBR0 range.
    ExpectFault(Stage1Translate(mem, r, 0xffffff7ffffff000, false), WalkFault::kTranslation, 0);
    ExpectFault(Stage1Translate(mem, r, 0x8000000000000000, false), WalkFault::kTranslation, 0);
  }
}

TEST_F(WalkerTest, EpdDisablesARange) {
  PageTables t0(pm, kPool, 12, 16);
  PageTables t1(pm, kPool1, 12, 16);
  t0.Map(0x1000, 0x40001000, 3);
  t1.Map(0xffff000000001000, 0x40002000, 3);
  TranslationRegs r = Regs(Tcr(16, kTg0_4k, 16, kTg1_4k) | kTcrEpd0, t0.root(), t1.root());
  ExpectFault(Walk(r, 0x1000), WalkFault::kTranslation, 0);
  EXPECT_EQ(Walk(r, 0xffff000000001000).pa, 0x40002000u);
  r.tcr = Tcr(16, kTg0_4k, 16, kTg1_4k) | kTcrEpd1;
  EXPECT_EQ(Walk(r, 0x1000).pa, 0x40001000u);
  ExpectFault(Walk(r, 0xffff000000001000), WalkFault::kTranslation, 0);
}

TEST_F(WalkerTest, AddressSizeFaults) {
  PageTables t(pm, kPool, 12, 16);
  t.Map(0x1000, 0x100000000, 3);     // OA 4 GiB: beyond a 32-bit PA
  t.Map(0x40000000, 0x140000000, 2);
  // A table descriptor pointing above 4 GiB, at level 1.
  t.SetDesc(0x8000000000, 1, 0x200000000 | 3);
  const TranslationRegs r32 = Regs(Tcr(16, kTg0_4k, 16, kTg1_4k, /*ips=*/0), t.root());
  ExpectFault(Walk(r32, 0x1000), WalkFault::kAddressSize, 3);
  ExpectFault(Walk(r32, 0x40000000), WalkFault::kAddressSize, 2);
  ExpectFault(Walk(r32, 0x8000000000), WalkFault::kAddressSize, 1);
  // With IPS = 36 bits the leaf is in range (and unmapped RAM does not matter).
  const TranslationRegs r36 = Regs(Tcr(16, kTg0_4k, 16, kTg1_4k, 1), t.root());
  EXPECT_EQ(Walk(r36, 0x1000).pa, 0x100000000u);
  // TTBR0 above the PA size: level 0.
  const TranslationRegs bad = Regs(Tcr(16, kTg0_4k, 16, kTg1_4k, 0), 0x100000000 | t.root());
  ExpectFault(Walk(bad, 0x1000), WalkFault::kAddressSize, 0);
}

TEST_F(WalkerTest, AccessFlagFault) {
  PageTables t(pm, kPool, 12, 16);
  t.Map(0x1000, 0x40001000, 3, kShInner);  // AF = 0
  t.Map(0x200000, 0x40200000, 2, 0);
  const TranslationRegs r = Regs(Tcr(16, kTg0_4k, 16, kTg1_4k), t.root());
  ExpectFault(Walk(r, 0x1000), WalkFault::kAccessFlag, 3);
  ExpectFault(Walk(r, 0x200000), WalkFault::kAccessFlag, 2);
}

TEST_F(WalkerTest, ExternalAbortOnWalk) {
  PageTables t(pm, kPool, 12, 16);
  t.SetDesc(0x1000, 2, 0x7000000000 | 3);  // level 2 table at an unmapped PA
  const TranslationRegs r = Regs(Tcr(16, kTg0_4k, 16, kTg1_4k), t.root());
  ExpectFault(Walk(r, 0x1000), WalkFault::kExternalOnWalk, 3);
  // TTBR0 itself unmapped: the level 0 descriptor fetch aborts.
  ExpectFault(Walk(Regs(Tcr(16, kTg0_4k, 16, kTg1_4k), 0x10000000), 0x1000),
              WalkFault::kExternalOnWalk, 0);
}

TEST_F(WalkerTest, HierarchicalAttributesAndHpd) {
  PageTables t(pm, kPool, 12, 16);
  t.Map(0x1000, 0x40001000, 3, kAf | kApEl0, kApTableRo | kApTableNoEl0 | kUxnTable | kPxnTable);
  TranslationRegs r = Regs(Tcr(16, kTg0_4k, 16, kTg1_4k), t.root());
  WalkResult w = Walk(r, 0x1000);
  ASSERT_EQ(w.fault, WalkFault::kNone);
  EXPECT_TRUE(w.ap_ro);
  EXPECT_FALSE(w.ap_el0);
  EXPECT_TRUE(w.uxn);
  EXPECT_TRUE(w.pxn);
  r.tcr |= kTcrHpd0;  // FEAT_HPDS: table attributes ignored
  w = Walk(r, 0x1000);
  EXPECT_FALSE(w.ap_ro);
  EXPECT_TRUE(w.ap_el0);
  EXPECT_FALSE(w.uxn);
  EXPECT_FALSE(w.pxn);
}

TEST_F(WalkerTest, TopByteIgnore) {
  PageTables t(pm, kPool, 12, 16);
  t.Map(0x1000, 0x40001000, 3);
  TranslationRegs r = Regs(Tcr(16, kTg0_4k, 16, kTg1_4k), t.root());
  const uint64_t tagged = 0x5a00000000001008;
  ExpectFault(Walk(r, tagged), WalkFault::kTranslation, 0);
  r.tcr |= kTcrTbi0;
  EXPECT_EQ(Walk(r, tagged).pa, 0x40001008u);
  EXPECT_EQ(Walk(r, tagged, /*fetch=*/true).pa, 0x40001008u);
  EXPECT_EQ(CanonicalVa(r.tcr, tagged, false), 0x1008u);
  r.tcr |= kTcrTbid0;  // TBI no longer applies to instruction fetches
  ExpectFault(Walk(r, tagged, true), WalkFault::kTranslation, 0);
  EXPECT_EQ(Walk(r, tagged, false).pa, 0x40001008u);
}

TEST_F(WalkerTest, MmuOff) {
  TranslationRegs r{0, 0, 0, 0, kMair};
  WalkResult w = Stage1Translate(pm, r, 0x0000123456789abc, false);
  ASSERT_EQ(w.fault, WalkFault::kNone);
  EXPECT_TRUE(w.mmu_off);
  EXPECT_EQ(w.pa, 0x0000123456789abcu);
  EXPECT_EQ(w.attr, 0x00);  // data: Device-nGnRnE
  EXPECT_EQ(Stage1Translate(pm, r, 0x1000, true).attr, 0x44);  // fetch: Normal NC
  r.sctlr = kSctlrI;
  EXPECT_EQ(Stage1Translate(pm, r, 0x1000, true).attr, 0xaa);  // Normal WT
  ExpectFault(Stage1Translate(pm, r, 0x0001000000000000, false), WalkFault::kAddressSize, 0);
}

TEST_F(WalkerTest, BigEndianDescriptors) {
  PageTables t(pm, kPool, 12, 39);  // start level 2
  const uint64_t l2 = __builtin_bswap64(uint64_t{0x40200000} | 1 | kAf);
  pm.Write(t.root(), &l2, 8);
  TranslationRegs r = Regs(Tcr(39, kTg0_4k, 39, kTg1_4k), t.root());
  r.sctlr |= kSctlrEe;
  EXPECT_EQ(Walk(r, 0x1234).pa, 0x40201234u);
}

TEST_F(WalkerTest, AsidSelection) {
  TranslationRegs r{kSctlrM, Tcr(16, 0, 16, 2), 0x1234000000000000, 0x5678000000000000, 0};
  EXPECT_EQ(CurrentAsid(r), 0x34);
  r.tcr |= kTcrAs;
  EXPECT_EQ(CurrentAsid(r), 0x1234);
  r.tcr |= kTcrA1;
  EXPECT_EQ(CurrentAsid(r), 0x5678);
}

}  // namespace
}  // namespace a64::test
