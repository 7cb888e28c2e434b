// The A64 encoding table: one line per encoding (frontend/table/*.inc), from which
// the decoder, the disassembler and the decoder tests are all driven.
#pragma once

#include <cstdint>
#include <string>

namespace a64 {

struct Disasm;  // frontend/disasm/disasm_context.h

// Every encoding, named as in the ARM ARM encoding index (e.g. ADD_32_addsub_imm).
enum class Op : uint16_t {
  kInvalid = 0,
#define A64_INSN(id, pattern, mnemonic, format, allocated) id,
#include "frontend/table/all.inc"
#undef A64_INSN
  kCount
};

constexpr unsigned kNumOps = static_cast<unsigned>(Op::kCount);

// Fixed bits of a 32-character pattern, most significant bit first. '0' and '1'
// are fixed; any other letter names a field bit. Spaces and '_' are ignored.
struct BitPattern {
  uint32_t mask = 0;
  uint32_t value = 0;
};

consteval BitPattern ParseBitPattern(const char* p) {
  BitPattern bp;
  int bits = 0;
  for (; *p; ++p) {
    char c = *p;
    if (c == ' ' || c == '_') continue;
    bp.mask <<= 1;
    bp.value <<= 1;
    if (c == '0' || c == '1') {
      bp.mask |= 1;
      bp.value |= (c == '1');
    }
    ++bits;
  }
  if (bits != 32) throw "A64 pattern must have exactly 32 bits";
  return bp;
}

// Prints the operands of one decoded word (see frontend/disasm/).
using FormatFn = void (*)(Disasm& d);
// Returns false for words that match the pattern but are unallocated or reserved
// (conditions the ARM ARM states in the encoding's decode pseudocode).
using AllocatedFn = bool (*)(uint32_t word);

struct Encoding {
  Op op;
  uint32_t mask;
  uint32_t value;
  const char* name;       // ARM ARM encoding id
  const char* pattern;    // as written in the table
  const char* mnemonic;   // preferred mnemonic before aliases
  FormatFn format;
  AllocatedFn allocated;  // nullptr: every matching word is allocated
};

// The whole table in priority order: the first entry that matches a word (and
// whose `allocated` accepts it) decodes it.
const Encoding* EncodingTable();
unsigned EncodingCount();
const Encoding& EncodingOf(Op op);

}  // namespace a64
