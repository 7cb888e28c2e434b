// Operand printing of the cryptographic AES and SHA classes (ARM ARM C4.1.95).
#include "frontend/disasm/formatters_fp_scalar.h"

namespace a64 {

void FmtCryptoAes(Disasm& d) {
  d.Operand(VRegArr(d.Bits(4, 0), "16b"));
  d.Operand(VRegArr(d.Bits(9, 5), "16b"));
}

void FmtCryptoShaQsv(Disasm& d) {
  d.Operand(VRegScalar('q', d.Bits(4, 0)));
  d.Operand(VRegScalar('s', d.Bits(9, 5)));
  d.Operand(VRegArr(d.Bits(20, 16), "4s"));
}

void FmtCryptoShaQqv(Disasm& d) {
  d.Operand(VRegScalar('q', d.Bits(4, 0)));
  d.Operand(VRegScalar('q', d.Bits(9, 5)));
  d.Operand(VRegArr(d.Bits(20, 16), "4s"));
}

void FmtCryptoShaVvv(Disasm& d) {
  d.Operand(VRegArr(d.Bits(4, 0), "4s"));
  d.Operand(VRegArr(d.Bits(9, 5), "4s"));
  d.Operand(VRegArr(d.Bits(20, 16), "4s"));
}

void FmtCryptoShaSs(Disasm& d) {
  d.Operand(VRegScalar('s', d.Bits(4, 0)));
  d.Operand(VRegScalar('s', d.Bits(9, 5)));
}

void FmtCryptoShaVv(Disasm& d) {
  d.Operand(VRegArr(d.Bits(4, 0), "4s"));
  d.Operand(VRegArr(d.Bits(9, 5), "4s"));
}

}  // namespace a64
