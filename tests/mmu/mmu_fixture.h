// Test fixture: a PE state, 16 MiB of RAM at 0x40000000, 4K-granule tables
// for TTBR0 (48-bit VA) and an Mmu over them, at EL1 with the MMU on.
#pragma once

#include <gtest/gtest.h>

#include <memory>

#include "frontend/semantics/exception/take_exception.h"
#include "mmu/mmu.h"
#include "tests/mmu/page_tables.h"

namespace a64::test {

class MmuFixture : public ::testing::Test {
 protected:
  static constexpr uint64_t kRam = 0x40000000;
  static constexpr uint64_t kPool = 0x40800000;

  void SetUp() override {
    ASSERT_TRUE(pm.AddRam(kRam, 16 << 20));
    tables = std::make_unique<PageTables>(pm, kPool, 12, 16);
    st.sys.sctlr_el1 = kSctlrM;
    st.sys.tcr_el1 = Tcr(16, kTg0_4k, 16, kTg1_4k);
    st.sys.ttbr0_el1 = tables->root();
    st.sys.mair_el1 = kMair;
    st.pstate.el = 1;
    mmu = std::make_unique<Mmu>(st, pm);
  }

  // Fills the 4 KiB physical page at `pa` with bytes (pa >> 12) + offset.
  void FillPage(uint64_t pa, uint8_t seed) {
    uint8_t buf[4096];
    for (unsigned i = 0; i < 4096; ++i) buf[i] = static_cast<uint8_t>(seed + i);
    pm.Write(pa, buf, 4096);
  }
  FaultKind Load(uint64_t va, void* dst, size_t size, AccessType type = AccessType::kRead) {
    fault = MemFault{};
    return kind = mmu->Read(va, dst, size, type, &fault);
  }
  FaultKind Store(uint64_t va, const void* src, size_t size,
                  AccessType type = AccessType::kWrite) {
    fault = MemFault{};
    return kind = mmu->Write(va, src, size, type, &fault);
  }
  // PAR_EL1 after AT of `va` (which must not abort).
  uint64_t Par(uint64_t va, bool as_el0, bool write) {
    uint64_t par = 0;
    MemFault abort;
    EXPECT_TRUE(mmu->AddressTranslate(va, as_el0, write, &par, &abort)) << std::hex << va;
    return par;
  }
  // The fault status code the last fault is reported with in ESR_EL1.
  uint32_t Fsc() const {
    PendingException e{ExceptionClass::kDataAbortSame, 0, fault.va, kind, false};
    e.level = fault.level;
    e.on_walk = fault.on_walk;
    return FaultStatusCode(e);
  }
  // The first byte read at `va`, or -1 on a fault.
  int Byte(uint64_t va) {
    uint8_t b = 0;
    return Load(va, &b, 1) == FaultKind::kNone ? b : -1;
  }

  PhysicalMemory pm;
  CpuState st{};
  std::unique_ptr<PageTables> tables;
  std::unique_ptr<Mmu> mmu;
  MemFault fault;
  FaultKind kind = FaultKind::kNone;
};

}  // namespace a64::test
