#include "mmu/tlb.h"

namespace a64 {

const TlbMapping* Tlb::Find(uint64_t va) {
  const unsigned i = TlbIndex(va);
  for (unsigned w = 0; w < kTlbWays; ++w) {
    const Slot& s = slots_[i][w];
    if (Visible(s) && s.m.va_page == (va & kTlbPageMask)) {
      if (shown_[i] != w) Show(i, w);
      return &s.m;
    }
  }
  return nullptr;
}

void Tlb::Show(unsigned i, unsigned way) {
  const Slot* s = way < kTlbWays && Visible(slots_[i][way]) ? &slots_[i][way] : nullptr;
  shown_[i] = static_cast<uint8_t>(s ? way : kTlbWays);
  for (unsigned c = 0; c < kTlbContexts; ++c) {
    TlbFastEntry& e = fast_[c][i];
    e.read_tag = s ? s->tags[c][0] : kTlbInvalid;
    e.write_tag = s ? s->tags[c][1] : kTlbInvalid;
    e.fetch_tag = s ? s->tags[c][2] : kTlbInvalid;
    e.addend = s && s->m.host ? reinterpret_cast<uintptr_t>(s->m.host) - s->m.va_page : 0;
  }
}

void Tlb::ShowAny(unsigned i) {
  unsigned w = 0;
  while (w < kTlbWays && !Visible(slots_[i][w])) ++w;
  Show(i, w);
}

void Tlb::CountBlock(const TlbMapping& m, int delta) {
  const unsigned shift = m.walk.block_shift;
  multi_page_ += delta;
  per_shift_[shift] += delta;
  const uint64_t key = m.BlockBase() | shift;
  if (delta > 0) {
    ++blocks_[key];
  } else if (auto it = blocks_.find(key); it != blocks_.end() && --it->second == 0) {
    blocks_.erase(it);
  }
}

bool Tlb::InCachedBlock(uint64_t va) const {
  for (unsigned shift = 13; shift < 64; ++shift)
    if (per_shift_[shift] && blocks_.count((va & ~((1ull << shift) - 1)) | shift)) return true;
  return false;
}

void Tlb::Drop(unsigned i, unsigned way) {
  Slot& s = slots_[i][way];
  if (s.valid && s.m.walk.block_shift > 12) CountBlock(s.m, -1);
  s.valid = false;
  if (shown_[i] == way) ShowAny(i);
}

void Tlb::Insert(const TlbMapping& m, const uint64_t tags[kTlbContexts][3]) {
  const unsigned i = TlbIndex(m.va_page);
  // Replace an entry for the same page that is visible in this context (it
  // is stale: the walk was just redone), else a free way, else round robin.
  unsigned way = kTlbWays;
  for (unsigned w = 0; w < kTlbWays && way == kTlbWays; ++w)
    if (Visible(slots_[i][w]) && slots_[i][w].m.va_page == m.va_page) way = w;
  for (unsigned w = 0; w < kTlbWays && way == kTlbWays; ++w)
    if (!slots_[i][w].valid) way = w;
  if (way == kTlbWays) {
    way = victim_[i];
    victim_[i] = static_cast<uint8_t>((victim_[i] + 1) % kTlbWays);
  }
  Slot& s = slots_[i][way];
  if (s.valid && s.m.walk.block_shift > 12) CountBlock(s.m, -1);
  if (m.walk.block_shift > 12) CountBlock(m, +1);
  s.valid = true;
  s.m = m;
  for (unsigned c = 0; c < kTlbContexts; ++c)
    for (unsigned k = 0; k < 3; ++k) s.tags[c][k] = tags[c][k];
  Show(i, way);
}

void Tlb::SetAsid(uint16_t asid) {
  if (asid == asid_) return;
  asid_ = asid;
  for (unsigned i = 0; i < kTlbEntries; ++i) ShowAny(i);
}

void Tlb::InvalidateAll() {
  for (unsigned i = 0; i < kTlbEntries; ++i)
    for (unsigned w = 0; w < kTlbWays; ++w) Drop(i, w);
}

void Tlb::InvalidateAsid(uint16_t asid) {
  for (unsigned i = 0; i < kTlbEntries; ++i)
    for (unsigned w = 0; w < kTlbWays; ++w) {
      const Slot& s = slots_[i][w];
      if (s.valid && !s.m.walk.global && s.m.asid == asid) Drop(i, w);
    }
}

void Tlb::InvalidateVa(uint64_t va, uint16_t asid, bool all_asids) {
  // Pieces of a block live in other sets than va's, so when va lies in a
  // cached block (or 16K/64K page) every set is checked against its block's
  // range; otherwise only va's own set can match.
  const bool scan = multi_page_ != 0 && InCachedBlock(va);
  const unsigned first = scan ? 0 : TlbIndex(va);
  const unsigned end = scan ? kTlbEntries : first + 1;
  for (unsigned i = first; i < end; ++i)
    for (unsigned w = 0; w < kTlbWays; ++w) {
      const Slot& s = slots_[i][w];
      if (!s.valid) continue;
      const uint64_t block_mask = ~((1ull << s.m.walk.block_shift) - 1);
      if ((va & block_mask) != s.m.BlockBase()) continue;
      if (all_asids || s.m.walk.global || s.m.asid == asid) Drop(i, w);
    }
}

void Tlb::InvalidatePa(uint64_t pa) {
  for (unsigned i = 0; i < kTlbEntries; ++i)
    for (unsigned w = 0; w < kTlbWays; ++w)
      if (slots_[i][w].valid && slots_[i][w].m.pa_page == (pa & kTlbPageMask)) Drop(i, w);
}

unsigned Tlb::ValidCount() const {
  unsigned n = 0;
  for (const auto& set : slots_)
    for (const Slot& s : set) n += s.valid;
  return n;
}

}  // namespace a64
