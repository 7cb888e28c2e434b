#include "frontend/decode_table.h"

#include "frontend/disasm/formatters.h"
#include "frontend/table/allocation.h"

namespace a64 {
namespace {

constexpr Encoding kTable[] = {
    {Op::kInvalid, 0xffffffffu, 0, "invalid", "", "<invalid>", nullptr, nullptr},
#define A64_INSN(id, pattern, mnemonic, format, allocated)                        \
  {Op::id, ParseBitPattern(pattern).mask, ParseBitPattern(pattern).value, #id, \
   pattern, mnemonic, &format, allocated},
#include "frontend/table/all.inc"
#undef A64_INSN
};

static_assert(sizeof(kTable) / sizeof(kTable[0]) == kNumOps);

}  // namespace

// Entry 0 is the invalid placeholder; real encodings start at 1.
const Encoding* EncodingTable() { return kTable + 1; }
unsigned EncodingCount() { return kNumOps - 1; }
const Encoding& EncodingOf(Op op) { return kTable[static_cast<unsigned>(op)]; }

}  // namespace a64
