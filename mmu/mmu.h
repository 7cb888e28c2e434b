// The memory system of one PE in full-system mode: stage 1 translation of
// the EL1&0 regime through the software TLB, then the physical address space.
// Reads PSTATE (EL, PAN, UAO) and SCTLR/TCR/TTBR0/TTBR1/MAIR_EL1 from the
// CpuState on every access.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>

#include "frontend/cpu_state.h"
#include "frontend/exception.h"
#include "frontend/semantics/platform.h"
#include "jit/code_port.h"
#include "mmu/guest_memory.h"
#include "mmu/permissions.h"
#include "mmu/physical_memory.h"
#include "mmu/tlb.h"
#include "mmu/walker.h"

namespace a64 {

class Mmu : public GuestMemory, public CodePort {
 public:
  Mmu(CpuState& st, PhysicalMemory& pm) : st_(st), pm_(pm) { Sync(); }

  // Copies `size` bytes (1..64) at `va`. kNone on success; otherwise `dst`
  // and memory are unchanged (except when a device fails on the second page
  // of a page-crossing write) and `*fault` describes the abort. An access
  // that crosses a 4 KiB page boundary is translated page by page, lower page
  // first, before any byte moves. When the second page faults, FAR is that
  // page's first byte: the ARM ARM only requires the FAR to hold an address
  // within the faulting page for such an access (the address of the first
  // faulting byte is what real PEs report).
  FaultKind Read(uint64_t va, void* dst, size_t size, AccessType type, MemFault* fault) override;
  FaultKind Write(uint64_t va, const void* src, size_t size, AccessType type,
                  MemFault* fault) override;

  // TLBI (Platform::TlbInvalidate): `va` is VA<55:12> << 12 as decoded.
  void TlbInvalidate(TlbiScope scope, uint16_t asid, uint64_t va);

  // AT S1E0R/S1E0W/S1E1R/S1E1W (Platform::AddressTranslate): the PAR_EL1
  // value. Does not use or fill the TLB.
  // Returns false for an External abort on the walk (`*abort` describes it).
  bool AddressTranslate(uint64_t va, bool as_el0, bool write, uint64_t* par, MemFault* abort);

  // Re-reads the translation registers: the TLB is flushed when SCTLR_EL1
  // (M, I, WXN, EE), TCR_EL1 or MAIR_EL1 changed, and the current ASID is
  // updated from TTBR0/TTBR1. Read/Write call it whenever
  // CpuState::translation_generation moved (the MSR path bumps it); code
  // that writes those registers directly must bump it too.
  void Sync();

  // ---- For a JIT ----------------------------------------------------------
  static TlbContext ContextFor(const ProcState& ps, AccessType type);
  // Watches writes to the physical page of `pa`: such writes take the slow
  // path and call PhysicalMemory's write-watch handler before they happen.
  void WatchPage(uint64_t pa, bool watched);

  // CodePort (jit/code_port.h).
  bool TranslateFetch(uint64_t va, uint64_t* pa_page, const uint8_t** host_page) override;
  const TlbFastEntry* FastTable(TlbContext c) const override { return tlb_.FastTable(c); }
  TlbContext DataContext(const ProcState& ps) const override {
    return ContextFor(ps, AccessType::kRead);
  }
  bool DataIsRam(uint64_t va, size_t size) override;
  void WatchCode(uint64_t pa_page, bool watched) override { WatchPage(pa_page, watched); }
  void SetCodeWriteHandler(std::function<void(uint64_t pa_page)> handler) override {
    pm_.SetWriteWatchHandler(std::move(handler));
  }
  void SetTranslationChangeHandler(std::function<void(bool all, uint64_t va)> handler) override {
    translation_change_handler_ = std::move(handler);
  }

  const Tlb& tlb() const { return tlb_; }
  uint64_t walks() const { return walks_; }  // table walks done (statistics)

  // The FaultKind of a fault status code.
  static FaultKind ToFaultKind(uint8_t fsc);

 private:
  // One page-sized part of an access, translated.
  struct Piece {
    uint64_t va;
    size_t size;
    uint64_t pa;
    uint8_t* host;  // RAM, or nullptr (MMIO / unmapped: External abort)
  };
  enum class Kind : uint8_t { kRead, kWrite, kFetch };

  // Translates [p.va, p.va + p.size) (within one 4 KiB page) of the access
  // [va, va + size). False: `*fault` is filled.
  FaultKind TranslatePiece(Piece& p, uint64_t va, size_t size, Kind kind, TlbContext ctx,
                      MemFault* fault);
  FaultKind Translate(uint64_t va, size_t size, Kind kind, TlbContext ctx, Piece pieces[2],
                 unsigned* count, MemFault* fault);
  void ComputeTags(const TlbMapping& m, uint64_t tags[kTlbContexts][3]) const;
  static FaultKind Fail(MemFault* fault, uint64_t va, uint8_t fsc, uint8_t level, bool walk);

  CpuState& st_;
  PhysicalMemory& pm_;
  Tlb tlb_;
  TranslationRegs regs_;
  bool synced_ = false;
  uint64_t synced_generation_ = 0;  // CpuState::translation_generation at Sync
  uint64_t walks_ = 0;
  std::function<void(bool, uint64_t)> translation_change_handler_;
};

// Fault status codes (ARM ARM D17.2.37 ESR_EL1 DFSC/IFSC; PAR_EL1.FST).
constexpr uint8_t kFscAddressSize = 0x00;    // | level
constexpr uint8_t kFscTranslation = 0x04;    // | level
constexpr uint8_t kFscAccessFlag = 0x08;     // | level
constexpr uint8_t kFscPermission = 0x0c;     // | level
constexpr uint8_t kFscExternal = 0x10;
constexpr uint8_t kFscExternalOnWalk = 0x14; // | level
constexpr uint8_t kFscAlignment = 0x21;

}  // namespace a64
