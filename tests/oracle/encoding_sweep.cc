// encoding_sweep: prints 32-bit words (hex, one per line) that exercise every
// entry of the encoding table and the unallocated space around it, for
// tests/oracle/compare_llvm.py --words. Deterministic for a given --seed.
//
//   * per entry: N words with the entry's fixed bits and random field bits;
//   * per entry and fixed bit: one word with that fixed bit flipped (the
//     near misses, where unallocated holes next to an encoding live);
//   * per ARM ARM top-level class (op0 = bits [28:25], section C4.1) and
//     per second-level region (op0 plus bits [31:29] and [24:21]): random words.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>

#include "frontend/decode_table.h"

namespace {

struct Options {
  unsigned per_entry = 64;
  unsigned per_class = 20000;
  unsigned per_region = 4;
  uint64_t seed = 1;
};

void Usage() {
  std::fputs(
      "usage: encoding_sweep [--per-entry N] [--per-class N] [--per-region N] [--seed S]\n"
      "Prints hex words exercising every encoding-table entry, the one-bit near misses\n"
      "of each entry and every top-level (C4.1) class region.\n",
      stderr);
}

bool ParseOptions(int argc, char** argv, Options* o) {
  for (int i = 1; i < argc; ++i) {
    auto next = [&](uint64_t* v) {
      if (i + 1 >= argc) return false;
      *v = std::strtoull(argv[++i], nullptr, 0);
      return true;
    };
    uint64_t v = 0;
    if (!std::strcmp(argv[i], "--per-entry") && next(&v)) {
      o->per_entry = static_cast<unsigned>(v);
    } else if (!std::strcmp(argv[i], "--per-class") && next(&v)) {
      o->per_class = static_cast<unsigned>(v);
    } else if (!std::strcmp(argv[i], "--per-region") && next(&v)) {
      o->per_region = static_cast<unsigned>(v);
    } else if (!std::strcmp(argv[i], "--seed") && next(&v)) {
      o->seed = v;
    } else {
      return false;
    }
  }
  return true;
}

class Emitter {
 public:
  explicit Emitter(uint64_t seed) : rng_(seed) {}
  uint32_t Random() { return static_cast<uint32_t>(rng_()); }
  // A random word with `word & mask == value`.
  void EmitFixed(uint32_t mask, uint32_t value) { Emit((Random() & ~mask) | (value & mask)); }
  void Emit(uint32_t w) {
    char buf[16];
    int n = std::snprintf(buf, sizeof buf, "%08x\n", w);
    out_.append(buf, n);
    if (out_.size() > (1u << 16)) Flush();
  }
  void Flush() {
    std::fwrite(out_.data(), 1, out_.size(), stdout);
    out_.clear();
  }

 private:
  std::mt19937_64 rng_;
  std::string out_;
};

}  // namespace

int main(int argc, char** argv) {
  Options o;
  if (!ParseOptions(argc, argv, &o)) {
    Usage();
    return 2;
  }
  Emitter e(o.seed);
  const a64::Encoding* table = a64::EncodingTable();
  unsigned count = a64::EncodingCount();
  for (unsigned i = 0; i < count; ++i) {
    const a64::Encoding& enc = table[i];
    for (unsigned k = 0; k < o.per_entry; ++k) e.EmitFixed(enc.mask, enc.value);
    for (unsigned bit = 0; bit < 32; ++bit) {
      uint32_t b = 1u << bit;
      if (enc.mask & b) e.EmitFixed(enc.mask, enc.value ^ b);
    }
  }
  // C4.1: op0 = bits [28:25] selects the top-level class.
  for (uint32_t op0 = 0; op0 < 16; ++op0)
    for (unsigned k = 0; k < o.per_class; ++k) e.EmitFixed(0xfu << 25, op0 << 25);
  // Second level: the class tables below C4.1 decode mostly on bits [31:29]
  // and [24:21] next to op0; cover each value of bits [31:21] a little.
  for (uint32_t r = 0; r < (1u << 11); ++r)
    for (unsigned k = 0; k < o.per_region; ++k) e.EmitFixed(0xffe00000u, r << 21);
  e.Flush();
  std::fprintf(stderr, "encoding_sweep: %u table entries\n", count);
  return 0;
}
