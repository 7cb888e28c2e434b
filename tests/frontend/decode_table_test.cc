// Consistency of the one encoding table: every entry is reachable (some word
// decodes to it), every decodable word prints, and decoding is a pure function.
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "frontend/decode_table.h"
#include "frontend/decoder.h"
#include "frontend/disasm/disassembler.h"
#include "frontend/semantics/dispatch.h"

namespace a64 {
namespace {

// Random words with the entry's fixed bits.
uint32_t RandomMember(const Encoding& e, std::mt19937& rng) {
  return (static_cast<uint32_t>(rng()) & ~e.mask) | e.value;
}

TEST(DecodeTable, EveryEntryIsReachable) {
  std::mt19937 rng(1234);
  for (unsigned i = 0; i < EncodingCount(); ++i) {
    const Encoding& e = EncodingTable()[i];
    bool reached = Decode(e.value).op == e.op;
    for (int k = 0; k < 4000 && !reached; ++k) reached = Decode(RandomMember(e, rng)).op == e.op;
    EXPECT_TRUE(reached) << e.name << " (" << e.pattern
                         << ") is shadowed by earlier entries or never allocated";
  }
}

TEST(DecodeTable, IdsAreUniqueAndIndexed) {
  for (unsigned i = 0; i < EncodingCount(); ++i) {
    const Encoding& e = EncodingTable()[i];
    EXPECT_EQ(&EncodingOf(e.op), &e) << e.name;
    EXPECT_EQ(e.value & ~e.mask, 0u) << e.name;
  }
}

TEST(DecodeTable, EveryDecodableWordPrints) {
  std::mt19937 rng(99);
  for (unsigned i = 0; i < EncodingCount(); ++i) {
    const Encoding& e = EncodingTable()[i];
    for (int k = 0; k < 64; ++k) {
      const uint32_t w = RandomMember(e, rng);
      const Decoded d = Decode(w);
      if (!d.valid()) continue;
      const std::string text = Disassemble(w, 0x1000);
      EXPECT_FALSE(text.empty()) << std::hex << w;
      EXPECT_EQ(text.find("<invalid>"), std::string::npos) << std::hex << w;
      EXPECT_EQ(Decode(w).op, d.op);
    }
  }
}

TEST(DecodeTable, ReservedClass) {
  // UDF is the only allocated encoding of the reserved class, and it is
  // permanently UNDEFINED: it decodes and prints, but has no semantics.
  EXPECT_EQ(Decode(0x00000000).op, Op::UDF_only_perm_undef);
  EXPECT_EQ(Disassemble(0x0000abcd), "udf #43981");
  EXPECT_FALSE(ExecTable::Instance().Implemented(Op::UDF_only_perm_undef));
  EXPECT_FALSE(Decode(0x00010000).valid());
}

TEST(ExecTable, InvalidOpIsUndefined) {
  EXPECT_FALSE(ExecTable::Instance().Implemented(Op::kInvalid));
}

}  // namespace
}  // namespace a64
