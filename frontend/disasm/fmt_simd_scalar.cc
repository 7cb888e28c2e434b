// Operand printing of the Advanced SIMD scalar classes (ARM ARM C4.1.95),
// spelled as llvm-mc prints them.
#include "frontend/disasm/formatters_fp_scalar.h"

namespace a64 {
namespace {

std::string Sc(unsigned size_log2, unsigned n) { return VRegScalar(SizeLetter(size_log2), n); }

std::string Element(unsigned n, unsigned size_log2, unsigned index) {
  const char t[2] = {SizeLetter(size_log2), 0};
  return VRegArr(n, t) + "[" + std::to_string(index) + "]";
}

// log2 of the element size in bytes selected by the highest set bit of immh.
unsigned ImmhSize(unsigned immh) {
  return immh >= 8 ? 3 : immh >= 4 ? 2 : immh >= 2 ? 1 : 0;
}

// Scalar by element: Rm and index for H (size 01) or S/D elements.
void ElemOperand(Disasm& d, unsigned size_log2) {
  const unsigned h = d.Bit(11), l = d.Bit(21), m = d.Bit(20);
  if (size_log2 == 1) {
    d.Operand(Element(d.Bits(19, 16), 1, h << 2 | l << 1 | m));
  } else {
    d.Operand(Element(d.Bits(20, 16), size_log2, size_log2 == 2 ? (h << 1 | l) : h));
  }
}

}  // namespace

char SizeLetter(unsigned size_log2) { return "bhsdq"[size_log2 > 4 ? 4 : size_log2]; }

void FmtSisdDup(Disasm& d) {
  const unsigned imm5 = d.Bits(20, 16);
  unsigned size = 0;
  while (!((imm5 >> size) & 1)) ++size;
  d.Operand(Sc(size, d.Bits(4, 0)));
  d.Operand(Element(d.Bits(9, 5), size, imm5 >> (size + 1)));
}

void FmtSisdSame(Disasm& d) {
  const unsigned size = d.Bits(23, 22);
  d.Operand(Sc(size, d.Bits(4, 0)));
  d.Operand(Sc(size, d.Bits(9, 5)));
  d.Operand(Sc(size, d.Bits(20, 16)));
}

void FmtSisdSameFp(Disasm& d) {
  const unsigned size = 2 + d.Bit(22);
  d.Operand(Sc(size, d.Bits(4, 0)));
  d.Operand(Sc(size, d.Bits(9, 5)));
  d.Operand(Sc(size, d.Bits(20, 16)));
}

void FmtSisdMisc(Disasm& d) {
  const unsigned size = d.Bits(23, 22);
  d.Operand(Sc(size, d.Bits(4, 0)));
  d.Operand(Sc(size, d.Bits(9, 5)));
}

void FmtSisdMiscZero(Disasm& d) {
  FmtSisdMisc(d);
  d.Operand("#0");
}

void FmtSisdMiscNarrow(Disasm& d) {
  const unsigned size = d.Bits(23, 22);
  d.Operand(Sc(size, d.Bits(4, 0)));
  d.Operand(Sc(size + 1, d.Bits(9, 5)));
}

void FmtSisdFcvtxn(Disasm& d) {
  d.Operand(Sc(2, d.Bits(4, 0)));
  d.Operand(Sc(3, d.Bits(9, 5)));
}

void FmtSisdMiscFp(Disasm& d) {
  const unsigned size = 2 + d.Bit(22);
  d.Operand(Sc(size, d.Bits(4, 0)));
  d.Operand(Sc(size, d.Bits(9, 5)));
}

void FmtSisdMiscFpZero(Disasm& d) {
  FmtSisdMiscFp(d);
  d.Operand("#0.0");
}

void FmtSisdPair(Disasm& d) {
  d.Operand(Sc(3, d.Bits(4, 0)));
  d.Operand(VRegArr(d.Bits(9, 5), "2d"));
}

void FmtSisdPairFp(Disasm& d) {
  const bool dbl = d.Bit(22);
  d.Operand(Sc(dbl ? 3 : 2, d.Bits(4, 0)));
  d.Operand(VRegArr(d.Bits(9, 5), dbl ? "2d" : "2s"));
}

void FmtSisdDiff(Disasm& d) {
  const unsigned size = d.Bits(23, 22);
  d.Operand(Sc(size + 1, d.Bits(4, 0)));
  d.Operand(Sc(size, d.Bits(9, 5)));
  d.Operand(Sc(size, d.Bits(20, 16)));
}

void FmtSisdShiftR(Disasm& d) {
  const unsigned size = ImmhSize(d.Bits(22, 19));
  d.Operand(Sc(size, d.Bits(4, 0)));
  d.Operand(Sc(size, d.Bits(9, 5)));
  d.Operand(ImmDec((16 << size) - d.Bits(22, 16)));
}

void FmtSisdShiftL(Disasm& d) {
  const unsigned size = ImmhSize(d.Bits(22, 19));
  d.Operand(Sc(size, d.Bits(4, 0)));
  d.Operand(Sc(size, d.Bits(9, 5)));
  d.Operand(ImmDec(d.Bits(22, 16) - (8 << size)));
}

void FmtSisdShiftN(Disasm& d) {
  const unsigned size = ImmhSize(d.Bits(22, 19));
  d.Operand(Sc(size, d.Bits(4, 0)));
  d.Operand(Sc(size + 1, d.Bits(9, 5)));
  d.Operand(ImmDec((16 << size) - d.Bits(22, 16)));
}

void FmtSisdShiftFcvt(Disasm& d) { FmtSisdShiftR(d); }

void FmtSisdElem(Disasm& d) {
  const unsigned size = d.Bits(23, 22);
  d.Operand(Sc(size, d.Bits(4, 0)));
  d.Operand(Sc(size, d.Bits(9, 5)));
  ElemOperand(d, size);
}

void FmtSisdElemLong(Disasm& d) {
  const unsigned size = d.Bits(23, 22);
  d.Operand(Sc(size + 1, d.Bits(4, 0)));
  d.Operand(Sc(size, d.Bits(9, 5)));
  ElemOperand(d, size);
}

void FmtSisdElemFp(Disasm& d) {
  const unsigned size = 2 + d.Bit(22);
  d.Operand(Sc(size, d.Bits(4, 0)));
  d.Operand(Sc(size, d.Bits(9, 5)));
  ElemOperand(d, size);
}

}  // namespace a64
