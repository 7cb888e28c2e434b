// The Mmu end to end: accesses at EL0/EL1 with PAN, UAO and unprivileged
// forms, fault kinds and levels, Device alignment, MMIO through the MMU,
// page-crossing accesses, AT -> PAR_EL1, write watching.
#include "mmu/mmu.h"

#include <cstring>
#include <vector>

#include "tests/mmu/mmu_fixture.h"

namespace a64::test {
namespace {

// PAR_EL1.NS: UNKNOWN for a Non-secure regime; a64sim reports 1 as QEMU does.
constexpr uint64_t kNs = 1ull << 9;

struct FakeUart : MmioDevice {
  std::vector<uint64_t> writes;
  bool Read(uint64_t offset, unsigned size, uint64_t* value) override {
    *value = 0xabcd0000 | offset;
    return offset < 0x100;
  }
  bool Write(uint64_t offset, unsigned size, uint64_t value) override {
    writes.push_back(offset << 32 | value);
    return offset < 0x100;
  }
};

class MmuTest : public MmuFixture {};

TEST_F(MmuTest, ReadWriteThroughPageTable) {
  tables->Map(0x10000, 0x40100000, 3);
  const uint64_t v = 0x0123456789abcdef;
  ASSERT_EQ(Store(0x10ff8, &v, 8), FaultKind::kNone);
  uint64_t r = 0;
  pm.Read(0x40100ff8, &r, 8);
  EXPECT_EQ(r, v);
  r = 0;
  ASSERT_EQ(Load(0x10ff8, &r, 8), FaultKind::kNone);
  EXPECT_EQ(r, v);
}

TEST_F(MmuTest, FaultKindsAndLevels) {
  tables->Map(0x1000, 0x40100000, 3, kShInner);  // AF = 0
  tables->Map(0x2000, 0x40101000, 3, kAf | kApRo);
  uint32_t w = 0;
  EXPECT_EQ(Load(0x5000, &w, 4), FaultKind::kTranslation);
  EXPECT_EQ(fault.level, 3);
  EXPECT_EQ(fault.va, 0x5000u);
  EXPECT_EQ(Fsc(), kFscTranslation | 3);
  EXPECT_EQ(Load(0x0000400000000000, &w, 4), FaultKind::kTranslation);
  EXPECT_EQ(Fsc(), kFscTranslation | 0);  // empty level 0 slot
  EXPECT_EQ(Load(0x0000000040000000, &w, 4), FaultKind::kTranslation);
  EXPECT_EQ(Fsc(), kFscTranslation | 1);
  EXPECT_EQ(Load(0x1004, &w, 4), FaultKind::kAccessFlag);
  EXPECT_EQ(Fsc(), kFscAccessFlag | 3);
  EXPECT_EQ(fault.va, 0x1004u);
  EXPECT_EQ(Load(0x2000, &w, 4), FaultKind::kNone);
  EXPECT_EQ(Store(0x2000, &w, 4), FaultKind::kPermission);
  EXPECT_EQ(Fsc(), kFscPermission | 3);
  EXPECT_EQ(fault.level, 3);
  EXPECT_FALSE(fault.on_walk);
}

TEST_F(MmuTest, AddressSizeFaultCarriesExactFsc) {
  st.sys.tcr_el1 = Tcr(16, kTg0_4k, 16, kTg1_4k, 0);  // 32-bit PA
  ++st.translation_generation;  // as an MSR would
  tables->Map(0x1000, 0x100000000, 3);
  uint32_t w;
  EXPECT_NE(Load(0x1000, &w, 4), FaultKind::kNone);
  EXPECT_EQ(Fsc(), kFscAddressSize | 3);
  EXPECT_EQ(fault.level, 3);
}

TEST_F(MmuTest, ExternalAbortOnWalkAndOnAccess) {
  tables->SetDesc(0x1000, 2, 0x7000000000 | 3);
  uint32_t w;
  EXPECT_EQ(Load(0x1000, &w, 4), FaultKind::kExternal);
  EXPECT_TRUE(fault.on_walk);
  EXPECT_EQ(fault.level, 3);
  EXPECT_EQ(Fsc(), kFscExternalOnWalk | 3);
  // A valid translation to a PA nothing backs: External abort on the access.
  tables->Map(0x200000000, 0x7000000000, 3);
  EXPECT_EQ(Load(0x200000010, &w, 4), FaultKind::kExternal);
  EXPECT_FALSE(fault.on_walk);
  EXPECT_EQ(Fsc(), kFscExternal);
  EXPECT_EQ(fault.va, 0x200000010u);
  EXPECT_EQ(Store(0x200000010, &w, 4), FaultKind::kExternal);
}

TEST_F(MmuTest, El0AndEl1Permissions) {
  tables->Map(0x1000, 0x40100000, 3, kAf);            // EL1 RW only
  tables->Map(0x2000, 0x40101000, 3, kAf | kApEl0);   // EL0 RW
  tables->Map(0x3000, 0x40102000, 3, kAf | kApEl0 | kApRo | kUxn);  // RO, not EL0-exec
  uint32_t w = 0;
  st.pstate.el = 0;
  EXPECT_EQ(Load(0x1000, &w, 4), FaultKind::kPermission);
  EXPECT_EQ(Load(0x2000, &w, 4), FaultKind::kNone);
  EXPECT_EQ(Store(0x2000, &w, 4), FaultKind::kNone);
  EXPECT_EQ(Load(0x3000, &w, 4), FaultKind::kNone);
  EXPECT_EQ(Store(0x3000, &w, 4), FaultKind::kPermission);
  EXPECT_EQ(Load(0x3000, &w, 4, AccessType::kFetch), FaultKind::kPermission);
  EXPECT_EQ(Load(0x1000, &w, 4, AccessType::kFetch), FaultKind::kNone);  // execute-only
  st.pstate.el = 1;
  EXPECT_EQ(Load(0x1000, &w, 4), FaultKind::kNone);
  // EL0-writable memory is never executable at EL1.
  EXPECT_EQ(Load(0x2000, &w, 4, AccessType::kFetch), FaultKind::kPermission);
  EXPECT_EQ(Load(0x3000, &w, 4, AccessType::kFetch), FaultKind::kNone);
}

TEST_F(MmuTest, PanUaoAndUnprivilegedAccesses) {
  tables->Map(0x1000, 0x40100000, 3, kAf);           // EL1 only
  tables->Map(0x2000, 0x40101000, 3, kAf | kApEl0);  // EL0 RW
  uint32_t w = 0;
  st.pstate.pan = 1;
  EXPECT_EQ(Load(0x2000, &w, 4), FaultKind::kPermission);
  EXPECT_EQ(Store(0x2000, &w, 4), FaultKind::kPermission);
  EXPECT_EQ(Load(0x1000, &w, 4), FaultKind::kNone);
  // LDTR/STTR at EL1 with UAO = 0 use EL0 permissions: PAN does not apply.
  EXPECT_EQ(Load(0x2000, &w, 4, AccessType::kReadUnprivileged), FaultKind::kNone);
  EXPECT_EQ(Store(0x2000, &w, 4, AccessType::kWriteUnprivileged), FaultKind::kNone);
  EXPECT_EQ(Load(0x1000, &w, 4, AccessType::kReadUnprivileged), FaultKind::kPermission);
  // With UAO = 1 they are ordinary EL1 accesses (and PAN applies).
  st.pstate.uao = 1;
  EXPECT_EQ(Load(0x1000, &w, 4, AccessType::kReadUnprivileged), FaultKind::kNone);
  EXPECT_EQ(Load(0x2000, &w, 4, AccessType::kReadUnprivileged), FaultKind::kPermission);
  st.pstate.pan = 0;
  EXPECT_EQ(Store(0x2000, &w, 4, AccessType::kWriteUnprivileged), FaultKind::kNone);
  // At EL0 the unprivileged forms are plain EL0 accesses.
  st.pstate.el = 0;
  EXPECT_EQ(Load(0x1000, &w, 4, AccessType::kReadUnprivileged), FaultKind::kPermission);
}

TEST_F(MmuTest, WxnMakesWritableMemoryExecuteNever) {
  tables->Map(0x1000, 0x40100000, 3, kAf);          // EL1 RW
  tables->Map(0x2000, 0x40101000, 3, kAf | kApRo);  // EL1 RO
  uint32_t w;
  EXPECT_EQ(Load(0x1000, &w, 4, AccessType::kFetch), FaultKind::kNone);
  st.sys.sctlr_el1 |= kSctlrWxn;  // the TLB is flushed on the SCTLR change
  ++st.translation_generation;  // as an MSR would
  EXPECT_EQ(Load(0x1000, &w, 4, AccessType::kFetch), FaultKind::kPermission);
  EXPECT_EQ(Load(0x2000, &w, 4, AccessType::kFetch), FaultKind::kNone);
}

TEST_F(MmuTest, PermissionFaultRewalksStaleEntry) {
  tables->Map(0x1000, 0x40100000, 3, kAf | kApRo);
  uint32_t w = 7;
  EXPECT_EQ(Store(0x1000, &w, 4), FaultKind::kPermission);
  tables->Map(0x1000, 0x40100000, 3, kAf);  // made writable, no TLBI
  EXPECT_EQ(Store(0x1000, &w, 4), FaultKind::kNone);
}

TEST_F(MmuTest, DeviceMemoryAlignmentAndMmio) {
  FakeUart uart;
  ASSERT_TRUE(pm.AddMmio(0x09000000, 0x1000, &uart));
  tables->Map(0x9000000, 0x09000000, 3, kAf | Attr(1));  // Device-nGnRnE
  uint32_t w = 0;
  ASSERT_EQ(Load(0x9000010, &w, 4), FaultKind::kNone);
  EXPECT_EQ(w, 0xabcd0010u);
  w = 0x41;
  ASSERT_EQ(Store(0x9000000, &w, 4), FaultKind::kNone);
  ASSERT_EQ(uart.writes.size(), 1u);
  EXPECT_EQ(uart.writes[0], 0x41u);
  // Unaligned access to Device memory: Alignment fault at the access address.
  EXPECT_EQ(Load(0x9000002, &w, 4), FaultKind::kAlignment);
  EXPECT_EQ(fault.va, 0x9000002u);
  EXPECT_EQ(Fsc(), kFscAlignment);
  // LDP-sized (16 bytes at an 8-byte boundary) is aligned for its elements.
  uint64_t pair[2];
  EXPECT_EQ(Load(0x9000008, pair, 16), FaultKind::kNone);
  // The device refuses: External abort.
  EXPECT_EQ(Load(0x9000800, &w, 4), FaultKind::kExternal);
  EXPECT_EQ(Fsc(), kFscExternal);
  // Every device access takes the slow path.
  const TlbFastEntry& e = mmu->FastTable(kTlbEl1)[TlbIndex(0x9000000)];
  EXPECT_EQ(e.read_tag & kTlbSlow, kTlbSlow);
  // Instruction fetch from Device memory is treated as Normal Non-cacheable:
  // no alignment fault (the device still answers).
  EXPECT_EQ(Load(0x9000004, &w, 4, AccessType::kFetch), FaultKind::kNone);
}

TEST_F(MmuTest, NormalMemoryMappedMmioIsDispatched) {
  FakeUart uart;
  ASSERT_TRUE(pm.AddMmio(0x09000000, 0x1000, &uart));
  tables->Map(0x9000000, 0x09000000, 3, kAf | Attr(2));  // Normal NC
  uint16_t h = 0;
  EXPECT_EQ(Load(0x9000021, &h, 2), FaultKind::kNone);  // unaligned is fine
}

TEST_F(MmuTest, MmuOffIsFlatWithDeviceData) {
  st.sys.sctlr_el1 = 0;
  ++st.translation_generation;  // as an MSR would
  FillPage(0x40100000, 0x33);
  uint32_t w = 0;
  ASSERT_EQ(Load(0x40100004, &w, 4), FaultKind::kNone);
  EXPECT_EQ(w, 0x3a393837u);
  EXPECT_EQ(Load(0x40100001, &w, 4), FaultKind::kAlignment);  // Device-nGnRnE
  EXPECT_EQ(Load(0x40100002, &w, 4, AccessType::kFetch), FaultKind::kNone);
  EXPECT_EQ(Load(0x0001000000000000, &w, 4), FaultKind::kAddressSize);
  EXPECT_EQ(Fsc(), kFscAddressSize);
  EXPECT_EQ(Load(0x10000000, &w, 4), FaultKind::kExternal);  // no RAM there
  st.pstate.el = 0;
  EXPECT_EQ(Load(0x40100004, &w, 4), FaultKind::kNone);
}

TEST_F(MmuTest, PageCrossingAccesses) {
  tables->Map(0x1000, 0x40105000, 3);  // physically discontiguous pages
  tables->Map(0x2000, 0x40103000, 3);
  FillPage(0x40105000, 0x00);
  FillPage(0x40103000, 0x80);
  uint64_t v = 0;
  ASSERT_EQ(Load(0x1ffc, &v, 8), FaultKind::kNone);
  EXPECT_EQ(v, 0x83828180fffefdfcu);
  const uint64_t s = 0x1122334455667788;
  ASSERT_EQ(Store(0x1ffa, &s, 8), FaultKind::kNone);
  uint64_t back = 0;
  ASSERT_EQ(Load(0x1ffa, &back, 8), FaultKind::kNone);
  EXPECT_EQ(back, s);
  // Second page unmapped: the fault is at that page's first byte, and
  // neither the destination nor memory changes.
  uint8_t q[16];
  std::memset(q, 0xee, sizeof(q));
  EXPECT_EQ(Load(0x2ff8, q, 16), FaultKind::kTranslation);
  EXPECT_EQ(fault.va, 0x3000u);
  EXPECT_EQ(fault.level, 3);
  EXPECT_EQ(q[0], 0xee);
  EXPECT_EQ(Store(0x2ffc, &s, 8), FaultKind::kTranslation);
  EXPECT_EQ(fault.va, 0x3000u);
  uint8_t b = 0;
  pm.Read(0x40103ffc, &b, 1);
  EXPECT_EQ(b, 0x7c);  // unchanged: (0x80 + 0xffc) & 0xff
  // First page faults first.
  EXPECT_EQ(Load(0x0ffc, &v, 8), FaultKind::kTranslation);
  EXPECT_EQ(fault.va, 0x0ffcu);
  // Second page read-only: a crossing store faults on it.
  tables->Map(0x3000, 0x40104000, 3, kAf | kApRo);
  EXPECT_EQ(Store(0x2ffc, &s, 8), FaultKind::kPermission);
  EXPECT_EQ(fault.va, 0x3000u);
}

TEST_F(MmuTest, TaggedPointersWithTbi) {
  tables->Map(0x1000, 0x40100000, 3);
  FillPage(0x40100000, 0);
  uint8_t b;
  EXPECT_EQ(Load(0x7f00000000001010, &b, 1), FaultKind::kTranslation);
  EXPECT_EQ(fault.va, 0x7f00000000001010u);
  st.sys.tcr_el1 |= kTcrTbi0;
  ++st.translation_generation;  // as an MSR would
  ASSERT_EQ(Load(0x7f00000000001010, &b, 1), FaultKind::kNone);
  EXPECT_EQ(b, 0x10);
  // A second tag of the same page hits the cached entry (no walk).
  const uint64_t walks = mmu->walks();
  ASSERT_EQ(Load(0x3300000000001011, &b, 1), FaultKind::kNone);
  EXPECT_EQ(b, 0x11);
  EXPECT_EQ(mmu->walks(), walks);
}

TEST_F(MmuTest, WriteWatchedPage) {
  tables->Map(0x1000, 0x40100000, 3);
  uint32_t w = 1;
  ASSERT_EQ(Store(0x1000, &w, 4), FaultKind::kNone);  // fast entry now cached
  std::vector<uint64_t> hits;
  mmu->SetCodeWriteHandler([&](uint64_t pa) { hits.push_back(pa); });
  mmu->WatchPage(0x40100000, true);
  ASSERT_EQ(Store(0x1010, &w, 4), FaultKind::kNone);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0], 0x40100000u);  // the page
  EXPECT_EQ(mmu->FastTable(kTlbEl1)[TlbIndex(0x1000)].write_tag & kTlbWatched, kTlbWatched);
  ASSERT_EQ(Load(0x1010, &w, 4), FaultKind::kNone);  // reads unaffected
  EXPECT_EQ(hits.size(), 1u);
  mmu->WatchPage(0x40100000, false);
  ASSERT_EQ(Store(0x1010, &w, 4), FaultKind::kNone);
  EXPECT_EQ(hits.size(), 1u);
}

// ---- AT -> PAR_EL1 --------------------------------------------------------

TEST_F(MmuTest, ParOnSuccess) {
  tables->Map(0x1000, 0x40100000, 3, kAf | kShInner | Attr(0) | kApEl0);
  tables->Map(0x2000, 0x09000000, 3, kAf | kShInner | Attr(3));  // Device-nGnRE
  tables->Map(0x3000, 0x40102000, 3, kAf | kShInner | Attr(2));  // Normal NC
  // PA[47:12], ATTR in [63:56], SH in [8:7], bit 11 RES1, F = 0.
  EXPECT_EQ(Par(0x1abc, false, false), 0xff00000040100000ull | 3 << 7 | kNs | 1 << 11);
  EXPECT_EQ(Par(0x1abc, true, true), 0xff00000040100000ull | 3 << 7 | kNs | 1 << 11);
  EXPECT_EQ(Par(0x2000, false, false), 0x0400000009000000ull | 2 << 7 | kNs | 1 << 11);
  EXPECT_EQ(Par(0x3000, false, true), 0x4400000040102000ull | 2 << 7 | kNs | 1 << 11);
  // PAN does not affect AT S1E1R/W.
  st.pstate.pan = 1;
  EXPECT_EQ(Par(0x1000, false, false) & 1, 0u);
}

TEST_F(MmuTest, ParOnFault) {
  tables->Map(0x1000, 0x40100000, 3, kAf);           // EL1 only
  tables->Map(0x2000, 0x40101000, 3, kAf | kApRo);   // read-only
  tables->Map(0x200000, 0x40200000, 2, kShInner);    // AF = 0 block
  tables->SetDesc(0x40000000, 1, 0x7000000000 | 3);  // table at no RAM
  auto par = [](uint64_t fst) { return 1ull | fst << 1 | 1ull << 11; };
  EXPECT_EQ(Par(0x5000, false, false), par(0x07));
  EXPECT_EQ(Par(0x0000400000000000, false, false), par(0x04));
  EXPECT_EQ(Par(0x0000000080000000, false, false), par(0x05));
  EXPECT_EQ(Par(0x1000, true, false), par(0x0f));   // S1E0R
  EXPECT_EQ(Par(0x1000, false, true), 0xff00000040100000ull | kNs | 1 << 11);  // SH 00
  EXPECT_EQ(Par(0x2000, false, true), par(0x0f));   // S1E1W on RO
  EXPECT_EQ(Par(0x200000, false, false), par(0x0a));
  // An External abort on the walk is taken as a Data Abort, not reported in
  // PAR_EL1 (ARM ARM D5.2.11).
  uint64_t unchanged = 0x1234;
  MemFault abort;
  EXPECT_FALSE(mmu->AddressTranslate(0x40000000, false, false, &unchanged, &abort));
  EXPECT_EQ(unchanged, 0x1234u);
  EXPECT_EQ(abort.va, 0x40000000u);
  EXPECT_EQ(abort.level, 2);
  EXPECT_TRUE(abort.on_walk);
  st.sys.sctlr_el1 = 0;  // MMU off: PA = VA, Device-nGnRnE, Outer Shareable
  ++st.translation_generation;  // as an MSR would
  EXPECT_EQ(Par(0x12345678, true, true), 0x12345000ull | 2 << 7 | kNs | 1 << 11);
}

}  // namespace
}  // namespace a64::test
