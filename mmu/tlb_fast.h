// The part of the software TLB that generated code reads in line: the
// direct-mapped fast tables (see mmu/tlb.h for how they are filled).
#pragma once

#include <cstdint>

namespace a64 {

constexpr unsigned kTlbIndexBits = 10;
constexpr unsigned kTlbEntries = 1u << kTlbIndexBits;
constexpr unsigned kTlbWays = 4;
constexpr uint64_t kTlbPageMask = ~0xfffull;

// Flag bits in tags.
constexpr uint64_t kTlbInvalid = 1;   // no entry, or the access is not permitted
constexpr uint64_t kTlbSlow = 2;      // MMIO, unmapped PA or Device memory (alignment)
constexpr uint64_t kTlbWatched = 4;   // write to a page watched for code changes

// Permission contexts: one fast table each (cf. QEMU's MMU indexes).
enum TlbContext : uint8_t {
  kTlbEl0 = 0,     // EL0 accesses; LDTR/STTR at EL1 with PSTATE.UAO == 0
  kTlbEl1 = 1,     // EL1 with PSTATE.PAN == 0; EL1 instruction fetches
  kTlbEl1Pan = 2,  // EL1 data accesses with PSTATE.PAN == 1
  kTlbContexts = 3,
};

struct TlbFastEntry {
  uint64_t read_tag = kTlbInvalid;
  uint64_t write_tag = kTlbInvalid;
  uint64_t fetch_tag = kTlbInvalid;
  uint64_t addend = 0;  // host address minus VA, for RAM pages
};
static_assert(sizeof(TlbFastEntry) == 32, "generated code indexes by shift 5");

inline unsigned TlbIndex(uint64_t va) { return (va >> 12) & (kTlbEntries - 1); }

}  // namespace a64
