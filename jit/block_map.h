// The translated blocks by key (virtual PC, physical PC, BlockFlags): an
// open-addressing hash table with linear probing, as the block engine looks
// blocks up on every jump-cache miss and node-based maps cost a cache miss
// per probe.
#pragma once

#include <cstdint>
#include <vector>

#include "jit/block.h"

namespace a64::jit {

class BlockMap {
 public:
  BlockMap() { Clear(); }

  Block* Find(uint64_t pc, uint64_t pa, uint32_t flags) const {
    for (size_t i = Hash(pc, pa, flags) & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.block == nullptr) return nullptr;
      if (s.block != Tombstone() && s.pc == pc && s.pa == pa && s.flags == flags)
        return s.block;
    }
  }

  // `b`'s key must not be present.
  void Insert(Block* b) {
    if ((used_ + 1) * 2 > slots_.size()) Grow();
    size_t i = Hash(b->pc, b->pa, b->flags) & mask_;
    while (slots_[i].block != nullptr && slots_[i].block != Tombstone()) i = (i + 1) & mask_;
    if (slots_[i].block == nullptr) ++used_;
    slots_[i] = Slot{b->pc, b->pa, b->flags, b};
  }

  void Erase(const Block* b) {
    for (size_t i = Hash(b->pc, b->pa, b->flags) & mask_;; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (s.block == nullptr) return;
      if (s.block == b) {
        s.block = Tombstone();
        return;
      }
    }
  }

  void Clear() {
    slots_.assign(kInitialSlots, Slot{});
    mask_ = kInitialSlots - 1;
    used_ = 0;
  }

 private:
  struct Slot {
    uint64_t pc = 0, pa = 0;
    uint32_t flags = 0;
    Block* block = nullptr;  // null: never used; Tombstone(): erased
  };
  static constexpr size_t kInitialSlots = 1 << 16;

  static Block* Tombstone() { return reinterpret_cast<Block*>(uintptr_t{1}); }
  static size_t Hash(uint64_t pc, uint64_t pa, uint32_t flags) {
    uint64_t h = (pc >> 2) * 0x9e3779b97f4a7c15ull ^ (pa >> 2) * 0xc2b2ae3d27d4eb4full ^ flags;
    return static_cast<size_t>(h ^ (h >> 29));
  }
  // Rebuilds without tombstones, doubling when more than a quarter is live.
  void Grow() {
    std::vector<Slot> old;
    old.swap(slots_);
    size_t live = 0;
    for (const Slot& s : old) live += s.block != nullptr && s.block != Tombstone();
    const size_t size = live * 4 > old.size() ? old.size() * 2 : old.size();
    slots_.assign(size, Slot{});
    mask_ = size - 1;
    used_ = 0;
    for (const Slot& s : old)
      if (s.block != nullptr && s.block != Tombstone()) Insert(s.block);
  }

  std::vector<Slot> slots_;
  size_t mask_ = 0;
  size_t used_ = 0;  // slots not null (live or tombstone)
};

}  // namespace a64::jit
