// Stage 1 translation of the EL1&0 translation regime (VMSAv8-64, ARM ARM D8
// "The AArch64 Virtual Memory System Architecture"; pseudocode
// AArch64.TranslationTableWalk / AArch64.TranslateAddressS1Off): the walk
// itself and the faults that depend only on the tables (Translation, Address
// size, Access flag, External abort on the walk). Permission and alignment
// checks, which depend on the access, are in permissions.h and mmu.cc.
//
// Implemented: 4K/16K/64K granules, 48-bit VA and PA (no FEAT_LVA/LPA/LPA2),
// TBI/TBID, EPD, HPD (FEAT_HPDS), no FEAT_HAFDBS (AF=0 always faults).
#pragma once

#include <cstdint>

#include "frontend/system_registers.h"
#include "mmu/physical_memory.h"

namespace a64 {

// The registers that control the regime, copied from SystemRegisters.
struct TranslationRegs {
  uint64_t sctlr = 0;
  uint64_t tcr = 0;
  uint64_t ttbr0 = 0;
  uint64_t ttbr1 = 0;
  uint64_t mair = 0;

  static TranslationRegs From(const SystemRegisters& s) {
    return TranslationRegs{s.sctlr_el1, s.tcr_el1, s.ttbr0_el1, s.ttbr1_el1, s.mair_el1};
  }
};

// SCTLR_EL1 and TCR_EL1 bits the MMU uses (ARM ARM D17.2.118 / D17.2.131).
constexpr uint64_t kSctlrM = 1ull << 0;
constexpr uint64_t kSctlrI = 1ull << 12;
constexpr uint64_t kSctlrWxn = 1ull << 19;
constexpr uint64_t kSctlrEe = 1ull << 25;
constexpr uint64_t kTcrA1 = 1ull << 22;
constexpr uint64_t kTcrAs = 1ull << 36;

constexpr unsigned kPaBits = 48;  // PAMax(): no FEAT_LPA

enum class WalkFault : uint8_t {
  kNone,
  kTranslation,
  kAddressSize,
  kAccessFlag,
  kExternalOnWalk,  // a descriptor fetch hit no RAM/device
};

struct WalkResult {
  WalkFault fault = WalkFault::kNone;
  uint8_t level = 0;        // fault level; on success the leaf level
  uint64_t pa = 0;          // output address of the input VA
  uint8_t block_shift = 12; // log2 of the block/page size (MMU off: 12)
  uint8_t attr = 0;         // MAIR_EL1 attribute byte selected by AttrIndx
  uint8_t sh = 0;           // SH[1:0]
  bool global = true;       // nG == 0
  bool mmu_off = false;     // SCTLR_EL1.M == 0: flat mapping, no permission checks
  // Effective access permissions after the hierarchical table attributes.
  bool ap_ro = false;       // AP[2] | APTable[1]: read-only at every EL
  bool ap_el0 = false;      // AP[1] & !APTable[0]: accessible at EL0
  bool uxn = false;         // UXN | UXNTable
  bool pxn = false;         // PXN | PXNTable
};

// Memory type of a MAIR attribute byte: Attr<7:4> == 0 is Device memory.
constexpr bool IsDeviceAttr(uint8_t attr) { return (attr & 0xf0) == 0; }

// AArch64.AddrTop: the top bit of the address that is translated (55 when
// TBI applies to this access, else 63). Instruction fetches ignore TBI when
// TCR_EL1.TBIDx is set (FEAT_PAuth).
unsigned AddrTop(uint64_t tcr, uint64_t va, bool fetch);

// The VA with its top byte replaced by copies of bit 55 when TBI applies:
// the form every translation of `va` is cached under.
uint64_t CanonicalVa(uint64_t tcr, uint64_t va, bool fetch);

// The ASID of the regime: from TTBR1 when TCR.A1 else TTBR0, 8 or 16 bits
// (TCR.AS).
uint16_t CurrentAsid(const TranslationRegs& r);

// Translates `va` (stage 1, EL1&0). `fetch`: instruction fetch (affects TBID
// and the attributes when the MMU is off). Descriptors are read from `pm`.
WalkResult Stage1Translate(const PhysicalMemory& pm, const TranslationRegs& r, uint64_t va,
                           bool fetch);

}  // namespace a64
