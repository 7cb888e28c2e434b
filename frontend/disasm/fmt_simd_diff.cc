// Advanced SIMD three different formatters (ARM ARM C4.1.99). The Q == 1
// forms take the upper halves of the narrow operands and print "<op>2".
#include "frontend/disasm/formatters_simd_vector.h"

namespace a64 {

namespace {
const char* NarrowArr(const Disasm& d) { return SimdArr(d.Bits(23, 22), d.Bit(30)); }
// PMULL with size 11 produces one 128-bit lane (.1q).
std::string WideArr(const Disasm& d) {
  return d.Bits(23, 22) == 3 ? "1q" : SimdArr(d.Bits(23, 22) + 1, true);
}
}  // namespace

void FmtVDiffL(Disasm& d) {
  SimdMnemonicQ2(d);
  d.Operand(VRegArr(d.Bits(4, 0), WideArr(d).c_str()));
  d.Operand(VRegArr(d.Bits(9, 5), NarrowArr(d)));
  d.Operand(VRegArr(d.Bits(20, 16), NarrowArr(d)));
}

void FmtVDiffW(Disasm& d) {
  SimdMnemonicQ2(d);
  d.Operand(VRegArr(d.Bits(4, 0), WideArr(d).c_str()));
  d.Operand(VRegArr(d.Bits(9, 5), WideArr(d).c_str()));
  d.Operand(VRegArr(d.Bits(20, 16), NarrowArr(d)));
}

void FmtVDiffN(Disasm& d) {
  SimdMnemonicQ2(d);
  d.Operand(VRegArr(d.Bits(4, 0), NarrowArr(d)));
  d.Operand(VRegArr(d.Bits(9, 5), WideArr(d).c_str()));
  d.Operand(VRegArr(d.Bits(20, 16), WideArr(d).c_str()));
}

}  // namespace a64
