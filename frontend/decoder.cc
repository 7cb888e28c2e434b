#include "frontend/decoder.h"

namespace a64 {

const Decoder& Decoder::Instance() {
  static const Decoder decoder;
  return decoder;
}

Decoder::Decoder() {
  const Encoding* table = EncodingTable();
  const unsigned n = EncodingCount();
  bucket_start_.resize(kBuckets + 1);
  for (uint32_t b = 0; b < kBuckets; ++b) {
    bucket_start_[b] = static_cast<uint32_t>(candidates_.size());
    const uint32_t top = b << kBucketShift;
    for (unsigned i = 0; i < n; ++i) {
      const uint32_t m = table[i].mask >> kBucketShift << kBucketShift;
      if ((top & m) == (table[i].value & m)) candidates_.push_back(static_cast<uint16_t>(i));
    }
  }
  bucket_start_[kBuckets] = static_cast<uint32_t>(candidates_.size());
}

Decoded Decoder::Decode(uint32_t word) const {
  const Encoding* table = EncodingTable();
  const uint32_t b = word >> kBucketShift;
  for (unsigned i = bucket_start_[b]; i < bucket_start_[b + 1]; ++i) {
    const Encoding& e = table[candidates_[i]];
    if ((word & e.mask) == e.value) {
      if (e.allocated && !e.allocated(word)) continue;
      return Decoded{word, e.op};
    }
  }
  return Decoded{word, Op::kInvalid};
}

}  // namespace a64
