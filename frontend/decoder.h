// Word -> encoding lookup, bucketed by the top bits of the word.
#pragma once

#include <cstdint>
#include <vector>

#include "frontend/decode_table.h"

namespace a64 {

// The compact record the interpreter and the JIT consume: no strings.
struct Decoded {
  uint32_t word = 0;
  Op op = Op::kInvalid;
  bool valid() const { return op != Op::kInvalid; }
};

class Decoder {
 public:
  // The decoder is immutable once built; one instance serves every machine.
  static const Decoder& Instance();

  Decoded Decode(uint32_t word) const;

 private:
  Decoder();
  static constexpr unsigned kBucketShift = 21;  // bits [31:21] pick the bucket
  static constexpr unsigned kBuckets = 1u << (32 - kBucketShift);
  // Indices into EncodingTable(), in table order, of entries that can match a
  // word falling into each bucket.
  std::vector<uint32_t> bucket_start_;
  std::vector<uint16_t> candidates_;
};

inline Decoded Decode(uint32_t word) { return Decoder::Instance().Decode(word); }

}  // namespace a64
