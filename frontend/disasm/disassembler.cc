#include "frontend/disasm/disassembler.h"

#include "frontend/decoder.h"
#include "frontend/disasm/disasm_context.h"

namespace a64 {

std::string Disassemble(uint32_t word, uint64_t pc) {
  const Decoded dec = Decode(word);
  if (!dec.valid()) return "<invalid>";
  Disasm d{word, pc, &EncodingOf(dec.op), {}};
  d.Mnemonic();
  d.enc->format(d);
  return d.text;
}

}  // namespace a64
