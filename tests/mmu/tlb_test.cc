// The software TLB through the Mmu: fast-path hits, ASID tagging and nG,
// and which entries each TLBI scope removes or keeps. An entry's presence is
// observed by rewriting the tables after the first access: a cached entry
// still yields the old physical page, a removed one the new page.
#include "mmu/tlb.h"

#include "tests/mmu/mmu_fixture.h"

namespace a64::test {
namespace {

constexpr uint64_t kOld = 0x40200000;  // physical pages (2 MiB aligned), filled with seeds
constexpr uint64_t kNew = 0x40400000;

class TlbTest : public MmuFixture {
 protected:
  void SetUp() override {
    MmuFixture::SetUp();
    FillPage(kOld, 0x10);
    FillPage(kNew, 0x80);
    FillPage(kOld + 0x1000, 0x20);
    FillPage(kNew + 0x1000, 0x90);
  }
  void SetAsid(uint16_t asid) {
    st.sys.ttbr0_el1 = tables->root() | static_cast<uint64_t>(asid) << 48;
    ++st.translation_generation;  // as an MSR would
  }
  // Maps va to kOld (+ page offset), loads it (filling the TLB), then remaps
  // it to kNew in the tables without any TLBI.
  void MapLoadRemap(uint64_t va, uint64_t attrs = kAf | kShInner | kNg, unsigned page = 0) {
    tables->Map(va, kOld + page * 0x1000, 3, attrs);
    ASSERT_EQ(Byte(va), 0x10 + page * 0x10);
    tables->Map(va, kNew + page * 0x1000, 3, attrs);
  }
  bool Cached(uint64_t va, unsigned page = 0) { return Byte(va) == static_cast<int>(0x10 + page * 0x10); }
};

TEST_F(TlbTest, SecondAccessHitsWithoutWalk) {
  tables->Map(0x1000, kOld, 3);
  uint64_t v = 0;
  ASSERT_EQ(Load(0x1000, &v, 8), FaultKind::kNone);
  const uint64_t walks = mmu->walks();
  for (int i = 0; i < 100; ++i) ASSERT_EQ(Load(0x1008, &v, 8), FaultKind::kNone);
  EXPECT_EQ(mmu->walks(), walks);
  // The fast table holds the page tag and the host addend.
  const TlbFastEntry& e = mmu->FastTable(kTlbEl1)[TlbIndex(0x1000)];
  EXPECT_EQ(e.read_tag, 0x1000u);
  EXPECT_EQ(e.write_tag, 0x1000u);
  EXPECT_EQ(e.fetch_tag, 0x1000u);
  // AP = 00: no EL0 access, but EL0 may execute (UXN = 0).
  const TlbFastEntry& e0 = mmu->FastTable(kTlbEl0)[TlbIndex(0x1000)];
  EXPECT_EQ(e0.read_tag, kTlbInvalid);
  EXPECT_EQ(e0.write_tag, kTlbInvalid);
  EXPECT_EQ(e0.fetch_tag, 0x1000u);
}

TEST_F(TlbTest, StaleEntryServesUntilTlbi) {
  MapLoadRemap(0x1000);
  EXPECT_TRUE(Cached(0x1000));
  mmu->TlbInvalidate(TlbiScope::kAll, 0, 0);
  EXPECT_FALSE(Cached(0x1000));
  EXPECT_EQ(Byte(0x1000), 0x80);
}

TEST_F(TlbTest, AsidTaggingSurvivesContextSwitch) {
  SetAsid(1);
  MapLoadRemap(0x1000);
  SetAsid(2);
  EXPECT_EQ(Byte(0x1000), 0x80);  // ASID 2 walks: the new mapping
  SetAsid(1);
  EXPECT_TRUE(Cached(0x1000));    // ASID 1's entry was kept, not flushed
}

TEST_F(TlbTest, GlobalEntriesMatchEveryAsid) {
  SetAsid(1);
  MapLoadRemap(0x1000, kAf | kShInner);  // nG = 0
  SetAsid(7);
  EXPECT_TRUE(Cached(0x1000));
}

TEST_F(TlbTest, TlbiAsid) {
  SetAsid(1);
  MapLoadRemap(0x1000);                   // ASID 1, non-global
  MapLoadRemap(0x3000, kAf | kShInner);   // global
  SetAsid(2);
  MapLoadRemap(0x5000);                   // ASID 2
  mmu->TlbInvalidate(TlbiScope::kAsid, 1, 0);
  EXPECT_TRUE(Cached(0x5000));            // other ASID kept
  EXPECT_TRUE(Cached(0x3000));            // global kept
  SetAsid(1);
  EXPECT_FALSE(Cached(0x1000));           // gone
}

TEST_F(TlbTest, TlbiVaByAsid) {
  SetAsid(1);
  MapLoadRemap(0x1000);
  MapLoadRemap(0x2000, kAf | kShInner | kNg, 1);
  SetAsid(2);
  tables->Map(0x1000, kOld, 3, kAf | kShInner | kNg);  // same VA, ASID 2
  ASSERT_EQ(Byte(0x1000), 0x10);
  tables->Map(0x1000, kNew, 3, kAf | kShInner | kNg);
  mmu->TlbInvalidate(TlbiScope::kVa, 1, 0x1000);
  EXPECT_TRUE(Cached(0x1000));            // ASID 2's entry kept
  SetAsid(1);
  EXPECT_FALSE(Cached(0x1000));           // ASID 1's entry gone
  EXPECT_TRUE(Cached(0x2000, 1));         // other VA kept
}

TEST_F(TlbTest, TlbiVaRemovesGlobalEntries) {
  SetAsid(1);
  MapLoadRemap(0x1000, kAf | kShInner);
  mmu->TlbInvalidate(TlbiScope::kVaLastLevel, 9, 0x1000);
  EXPECT_FALSE(Cached(0x1000));
}

TEST_F(TlbTest, TlbiVaAllAsids) {
  SetAsid(1);
  MapLoadRemap(0x1000);
  SetAsid(2);
  tables->Map(0x1000, kOld, 3, kAf | kShInner | kNg);
  ASSERT_EQ(Byte(0x1000), 0x10);
  tables->Map(0x1000, kNew, 3, kAf | kShInner | kNg);
  MapLoadRemap(0x2000, kAf | kShInner | kNg, 1);
  mmu->TlbInvalidate(TlbiScope::kVaAllAsid, 0, 0x1000);
  EXPECT_FALSE(Cached(0x1000));
  EXPECT_TRUE(Cached(0x2000, 1));
  SetAsid(1);
  EXPECT_FALSE(Cached(0x1000));
  SetAsid(2);
  mmu->TlbInvalidate(TlbiScope::kVaAllAsidLastLevel, 0, 0x2000);
  EXPECT_FALSE(Cached(0x2000, 1));
}

TEST_F(TlbTest, TlbiVaCoversEveryPieceOfABlock) {
  // A 2 MiB block cached as two 4 KiB pieces in different slots; a TLBI of
  // a third address inside the block removes both.
  tables->Map(0x200000, kOld, 2, kAf | kShInner | kNg);
  ASSERT_EQ(Byte(0x200000), 0x10);
  ASSERT_EQ(Byte(0x201000), 0x20);
  tables->Map(0x200000, kNew, 2, kAf | kShInner | kNg);
  EXPECT_EQ(Byte(0x200000), 0x10);  // still cached
  mmu->TlbInvalidate(TlbiScope::kVa, 0, 0x3ff000);
  EXPECT_EQ(Byte(0x200000), 0x80);
  EXPECT_EQ(Byte(0x201000), 0x90);
  EXPECT_EQ(mmu->tlb().ValidCount(), 2u);
}

TEST_F(TlbTest, TlbiVaCoversEveryPieceOf64kPage) {
  PageTables t64(pm, 0x40c00000, 16, 16);
  st.sys.tcr_el1 = Tcr(16, kTg0_64k, 16, kTg1_4k);
  ++st.translation_generation;  // as an MSR would
  st.sys.ttbr0_el1 = t64.root();
  ++st.translation_generation;  // as an MSR would
  t64.Map(0x10000, kOld, 3, kAf | kShInner | kNg);
  ASSERT_EQ(Byte(0x10000), 0x10);
  ASSERT_EQ(Byte(0x11000), 0x20);
  t64.Map(0x10000, kNew, 3, kAf | kShInner | kNg);
  EXPECT_EQ(Byte(0x11000), 0x20);
  // The operand names VA<55:12>; for a 64K granule bits 15:12 are ignored.
  mmu->TlbInvalidate(TlbiScope::kVaLastLevel, 0, 0x1f000);
  EXPECT_EQ(Byte(0x10000), 0x80);
  EXPECT_EQ(Byte(0x11000), 0x90);
}

TEST_F(TlbTest, TlbiUpperRangeVa) {
  PageTables t1(pm, 0x40c00000, 12, 16);
  st.sys.ttbr1_el1 = t1.root();
  ++st.translation_generation;  // as an MSR would
  t1.Map(0xffff000000001000, kOld, 3, kAf | kShInner);
  ASSERT_EQ(Byte(0xffff000000001000), 0x10);
  t1.Map(0xffff000000001000, kNew, 3, kAf | kShInner);
  // The TLBI operand carries VA<55:12> only.
  mmu->TlbInvalidate(TlbiScope::kVaAllAsid, 0, 0x00ff000000001000);
  EXPECT_EQ(Byte(0xffff000000001000), 0x80);
}

TEST_F(TlbTest, EightBitAsidIgnoresUpperBits) {
  st.sys.tcr_el1 &= ~kTcrAs;
  ++st.translation_generation;  // as an MSR would
  SetAsid(0x105);  // effective ASID 0x05
  MapLoadRemap(0x1000);
  SetAsid(0x205);  // the same 8-bit ASID
  EXPECT_TRUE(Cached(0x1000));
  mmu->TlbInvalidate(TlbiScope::kAsid, 0x305, 0);
  EXPECT_FALSE(Cached(0x1000));
}

TEST_F(TlbTest, SixteenBitAsid) {
  st.sys.tcr_el1 |= kTcrAs;
  ++st.translation_generation;  // as an MSR would
  SetAsid(0x105);
  MapLoadRemap(0x1000);
  SetAsid(0x205);
  EXPECT_FALSE(Cached(0x1000));
}

TEST_F(TlbTest, AsidFromTtbr1WhenA1) {
  st.sys.tcr_el1 |= kTcrA1;
  ++st.translation_generation;  // as an MSR would
  st.sys.ttbr1_el1 = uint64_t{3} << 48;
  ++st.translation_generation;  // as an MSR would
  MapLoadRemap(0x1000);
  st.sys.ttbr0_el1 = tables->root() | uint64_t{9} << 48;  // TTBR0.ASID ignored
  ++st.translation_generation;  // as an MSR would
  EXPECT_TRUE(Cached(0x1000));
  st.sys.ttbr1_el1 = uint64_t{4} << 48;
  ++st.translation_generation;  // as an MSR would
  EXPECT_FALSE(Cached(0x1000));
}

TEST_F(TlbTest, RegimeChangeFlushes) {
  MapLoadRemap(0x1000, kAf | kShInner);
  st.sys.mair_el1 ^= 0xff00000000000000ull;  // any change to MAIR/TCR/SCTLR.M
  ++st.translation_generation;  // as an MSR would
  EXPECT_FALSE(Cached(0x1000));
}

TEST_F(TlbTest, PanUsesItsOwnContext) {
  tables->Map(0x1000, kOld, 3, kAf | kShInner | kApEl0);  // EL0 RW
  EXPECT_EQ(Byte(0x1000), 0x10);
  st.pstate.pan = 1;
  EXPECT_EQ(Byte(0x1000), -1);
  EXPECT_EQ(Fsc(), kFscPermission | 3);
  EXPECT_EQ(mmu->FastTable(kTlbEl1Pan)[TlbIndex(0x1000)].read_tag, kTlbInvalid);
  EXPECT_EQ(mmu->FastTable(kTlbEl0)[TlbIndex(0x1000)].read_tag, 0x1000u);
}

}  // namespace
}  // namespace a64::test
