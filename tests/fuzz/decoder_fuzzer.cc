// libFuzzer target for the decoder and the disassembler. Each 4 bytes of input
// are one little-endian instruction word; 8 more bytes (if present) give the pc.
// Invariants checked on every word:
//   * Decode is deterministic and agrees with a linear first-match scan of the
//     encoding table (fixed bits and allocation predicate);
//   * Disassemble says "<invalid>" exactly when Decode says invalid;
//   * a valid word's text is non-empty, single-line, has no "<invalid>" and
//     does not depend on anything but (word, pc).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "frontend/decode_table.h"
#include "frontend/decoder.h"
#include "frontend/disasm/disassembler.h"

namespace {

[[noreturn]] void Fail(uint32_t w, const char* what, const std::string& text) {
  std::fprintf(stderr, "decoder_fuzzer: word %08x: %s (text '%s')\n", w, what, text.c_str());
  std::abort();
}

a64::Op LinearDecode(uint32_t w) {
  const a64::Encoding* table = a64::EncodingTable();
  for (unsigned i = 0; i < a64::EncodingCount(); ++i) {
    const a64::Encoding& e = table[i];
    if ((w & e.mask) == e.value && (!e.allocated || e.allocated(w))) return e.op;
  }
  return a64::Op::kInvalid;
}

void CheckWord(uint32_t w, uint64_t pc) {
  const a64::Decoded d1 = a64::Decode(w);
  const a64::Decoded d2 = a64::Decode(w);
  if (d1.op != d2.op || d1.word != w) Fail(w, "Decode is not deterministic", "");
  if (d1.op != LinearDecode(w)) Fail(w, "Decode differs from a linear scan of the table", "");
  if (d1.valid()) {
    const a64::Encoding& e = a64::EncodingOf(d1.op);
    if ((w & e.mask) != e.value) Fail(w, "decoded encoding's fixed bits do not match", e.name);
  }
  const std::string text = a64::Disassemble(w, pc);
  if (text != a64::Disassemble(w, pc)) Fail(w, "Disassemble is not deterministic", text);
  if (!d1.valid()) {
    if (text != "<invalid>") Fail(w, "invalid word has text", text);
    return;
  }
  if (text.empty()) Fail(w, "valid word has empty text", text);
  if (text.find("<invalid>") != std::string::npos) Fail(w, "valid word's text has <invalid>", text);
  if (text.find('\n') != std::string::npos) Fail(w, "text has a newline", text);
  if (text.front() == ' ' || text.back() == ' ') Fail(w, "text has leading/trailing space", text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  uint64_t pc = 0x400000;
  if (size >= 8) {
    std::memcpy(&pc, data + size - 8, 8);
    pc &= ~uint64_t{3};
    size -= 8;
  }
  for (size_t i = 0; i + 4 <= size; i += 4) {
    uint32_t w;
    std::memcpy(&w, data + i, 4);
    CheckWord(w, pc + i);
  }
  return 0;
}
