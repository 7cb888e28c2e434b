// Advanced SIMD two-register miscellaneous and across-lanes formatters
// (ARM ARM C4.1.97, C4.1.98).
#include "frontend/disasm/formatters_simd_vector.h"

namespace a64 {

namespace {
void TwoRegs(Disasm& d, const char* dst_arr, const char* src_arr) {
  d.Operand(VRegArr(d.Bits(4, 0), dst_arr));
  d.Operand(VRegArr(d.Bits(9, 5), src_arr));
}
const char* SizeArr(const Disasm& d) { return SimdArr(d.Bits(23, 22), d.Bit(30)); }
// The double-width arrangement of size (8h, 4s, 2d), for narrowing sources.
const char* WideArr(const Disasm& d) { return SimdArr(d.Bits(23, 22) + 1, true); }
}  // namespace

void FmtVMisc(Disasm& d) { TwoRegs(d, SizeArr(d), SizeArr(d)); }

void FmtVMiscB(Disasm& d) { TwoRegs(d, SimdArr(0, d.Bit(30)), SimdArr(0, d.Bit(30))); }

// NOT is printed as its alias MVN.
void FmtVNot(Disasm& d) {
  d.Mnemonic("mvn");
  FmtVMiscB(d);
}

void FmtVMiscZero(Disasm& d) {
  FmtVMisc(d);
  d.Operand("#0");
}

// SADDLP/UADDLP/SADALP/UADALP: Vd.<Ta> holds half as many double-width lanes.
void FmtVMiscLongPair(Disasm& d) {
  TwoRegs(d, SimdArr(d.Bits(23, 22) + 1, d.Bit(30)), SizeArr(d));
}

// XTN{2}/SQXTN{2}/SQXTUN{2}/UQXTN{2}: Vd.<Tb>, Vn.<Ta>.
void FmtVMiscNarrow(Disasm& d) {
  SimdMnemonicQ2(d);
  TwoRegs(d, SizeArr(d), WideArr(d));
}

// SHLL{2}: Vd.<Ta>, Vn.<Tb>, #esize.
void FmtVShll(Disasm& d) {
  SimdMnemonicQ2(d);
  TwoRegs(d, WideArr(d), SizeArr(d));
  d.Operand(ImmDec(8 << d.Bits(23, 22)));
}

void FmtVMiscFp(Disasm& d) {
  const char* arr = SimdFpArr(d.Bit(22), d.Bit(30));
  TwoRegs(d, arr, arr);
}

void FmtVMiscFpZero(Disasm& d) {
  FmtVMiscFp(d);
  d.Operand("#0.0");
}

// FCVTN{2}/FCVTXN{2}: sz == 0 narrows .4s to .4h/.8h, sz == 1 .2d to .2s/.4s.
void FmtVFcvtn(Disasm& d) {
  SimdMnemonicQ2(d);
  const unsigned sz = d.Bit(22);
  TwoRegs(d, SimdArr(1 + sz, d.Bit(30)), SimdArr(2 + sz, true));
}

// FCVTL{2}: the reverse of FCVTN.
void FmtVFcvtl(Disasm& d) {
  SimdMnemonicQ2(d);
  const unsigned sz = d.Bit(22);
  TwoRegs(d, SimdArr(2 + sz, true), SimdArr(1 + sz, d.Bit(30)));
}

void FmtVAcross(Disasm& d) {
  d.Operand(VRegScalar(SimdElemChar(d.Bits(23, 22)), d.Bits(4, 0)));
  d.Operand(VRegArr(d.Bits(9, 5), SizeArr(d)));
}

// SADDLV/UADDLV: the scalar result is twice the element size.
void FmtVAcrossLong(Disasm& d) {
  d.Operand(VRegScalar(SimdElemChar(d.Bits(23, 22) + 1), d.Bits(4, 0)));
  d.Operand(VRegArr(d.Bits(9, 5), SizeArr(d)));
}

void FmtVAcrossFp(Disasm& d) {
  d.Operand(VRegScalar('s', d.Bits(4, 0)));
  d.Operand(VRegArr(d.Bits(9, 5), "4s"));
}

}  // namespace a64
