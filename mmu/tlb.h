// A software TLB for the EL1&0 regime, laid out for inline lookup from
// generated code (the QEMU CPUTLBEntry idea).
//
// Fast path (what a JIT emits; the interpreter's Mmu does the same):
//   const TlbFastEntry& e = table[TlbIndex(va)]    // table = FastTable(ctx)
//   if ((va & kTlbPageMask) == e.read_tag)  host = va + e.addend
// A tag is the page-aligned VA with flag bits in [11:0]; any flag bit set
// (invalid, no permission, MMIO/Device, write-watched) makes the compare
// fail and sends the access to the slow path (Mmu::Read/Write). A generated
// access must additionally check that it does not cross the 4 KiB page (e.g.
// compare the page of va + size - 1, or fold low alignment bits into the
// compared value as QEMU does).
//
// Entries are 4 KiB pieces of the page or block the walker found; each
// remembers its block so that TLBI by VA removes every piece of a block that
// covers the VA. Entries are tagged with the ASID of the context they were
// walked in (global ones match every ASID). Behind the direct-mapped fast
// tables the entries are kept kTlbWays-way set associative, so the same VA
// can stay cached for several ASIDs: an ASID switch only re-selects which
// way each fast entry shows, and switching back finds the old entries.
#pragma once

#include <cstdint>
#include <unordered_map>

#include "mmu/tlb_fast.h"
#include "mmu/walker.h"

namespace a64 {

// What the slow path and TLBI need about one cached 4 KiB piece.
struct TlbMapping {
  uint64_t va_page = 0;   // canonical VA (CanonicalVa) of the piece
  uint64_t pa_page = 0;
  uint8_t* host = nullptr;  // RAM backing of pa_page, or nullptr
  uint16_t asid = 0;      // ASID of the walk (ignored when walk.global)
  WalkResult walk;        // attributes, permissions, level, block_shift

  uint64_t BlockBase() const { return va_page & ~((1ull << walk.block_shift) - 1); }
};

class Tlb {
 public:
  Tlb() { InvalidateAll(); }

  const TlbFastEntry* FastTable(TlbContext c) const { return fast_[c]; }

  // The entry translating canonical `va` in the current ASID, or nullptr.
  // A hit is made the one the fast tables show.
  const TlbMapping* Find(uint64_t va);

  // Replaces the slot of m.va_page; `tags[c]` = {read, write, fetch} tags for
  // context c (computed by the Mmu from the permissions).
  void Insert(const TlbMapping& m, const uint64_t tags[kTlbContexts][3]);

  // The ASID of the current context: entries of other ASIDs stay cached but
  // their fast tags are hidden.
  void SetAsid(uint16_t asid);
  uint16_t asid() const { return asid_; }

  // Invalidation (ARM ARM D8.14 "TLB maintenance"). `va` is canonical.
  void InvalidateAll();
  void InvalidateAsid(uint16_t asid);  // non-global entries of that ASID
  // Entries whose block covers `va`: of `asid` or global, or of any ASID.
  void InvalidateVa(uint64_t va, uint16_t asid, bool all_asids);
  // Entries that map the physical page of `pa` (e.g. it became watched).
  void InvalidatePa(uint64_t pa);

  unsigned ValidCount() const;

 private:
  struct Slot {
    bool valid = false;
    TlbMapping m;
    uint64_t tags[kTlbContexts][3] = {};
  };
  bool Visible(const Slot& s) const {
    return s.valid && (s.m.walk.global || s.m.asid == asid_);
  }
  void Show(unsigned i, unsigned way);  // way kTlbWays: none
  void ShowAny(unsigned i);             // the first visible way, if any
  void Drop(unsigned i, unsigned way);
  // Bookkeeping of slots holding a piece of a block (or 16K/64K page).
  void CountBlock(const TlbMapping& m, int delta);
  bool InCachedBlock(uint64_t va) const;

  TlbFastEntry fast_[kTlbContexts][kTlbEntries];
  Slot slots_[kTlbEntries][kTlbWays];
  uint8_t shown_[kTlbEntries] = {};
  uint8_t victim_[kTlbEntries] = {};  // round-robin replacement
  uint16_t asid_ = 0;
  unsigned multi_page_ = 0;  // valid slots whose block is larger than 4 KiB
  // Those slots by block: (block base | block_shift) -> slots, and how many
  // slots there are per block_shift.
  std::unordered_map<uint64_t, unsigned> blocks_;
  unsigned per_shift_[64] = {};
};

}  // namespace a64
