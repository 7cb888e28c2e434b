// Decoding is a pure function of the instruction word, so an engine keeps a
// small direct-mapped cache of recently decoded words and skips the table scan
// for them. Each engine owns its cache (no shared mutable state), and nothing
// ever needs invalidating: the same word always decodes the same way.
#pragma once

#include <cstdint>

#include "frontend/decoder.h"

namespace a64 {

class DecodeCache {
 public:
  DecodeCache() {
    const Op op0 = Decoder::Instance().Decode(0).op;
    for (Entry& e : entries_) e = Entry{0, op0};
  }

  Op Lookup(uint32_t word) {
    Entry& e = entries_[Index(word)];
    if (e.word != word) e = Entry{word, Decoder::Instance().Decode(word).op};
    return e.op;
  }

 private:
  static constexpr unsigned kEntries = 4096;
  static unsigned Index(uint32_t w) { return (w ^ (w >> 12) ^ (w >> 21)) & (kEntries - 1); }
  struct Entry {
    uint32_t word;
    Op op;
  };
  Entry entries_[kEntries];
};

}  // namespace a64
