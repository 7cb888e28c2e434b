// Advanced SIMD three same / three same extra / permute / extract / table
// lookup formatters (ARM ARM C4.1.91-96).
#include "frontend/disasm/formatters_simd_vector.h"

namespace a64 {

namespace {
void ThreeRegs(Disasm& d, const char* arr) {
  d.Operand(VRegArr(d.Bits(4, 0), arr));
  d.Operand(VRegArr(d.Bits(9, 5), arr));
  d.Operand(VRegArr(d.Bits(20, 16), arr));
}
}  // namespace

void FmtVSame(Disasm& d) { ThreeRegs(d, SimdArr(d.Bits(23, 22), d.Bit(30))); }

void FmtVSameB(Disasm& d) { ThreeRegs(d, SimdArr(0, d.Bit(30))); }

// ORR (vector, register) with Rn == Rm is printed as its alias MOV.
void FmtVOrr(Disasm& d) {
  const char* arr = SimdArr(0, d.Bit(30));
  if (d.Bits(9, 5) == d.Bits(20, 16)) {
    d.Mnemonic("mov");
    d.Operand(VRegArr(d.Bits(4, 0), arr));
    d.Operand(VRegArr(d.Bits(9, 5), arr));
    return;
  }
  ThreeRegs(d, arr);
}

void FmtVSameFp(Disasm& d) { ThreeRegs(d, SimdFpArr(d.Bit(22), d.Bit(30))); }

// FCMLA (vector): rotate = rot * 90.
void FmtVFcmla(Disasm& d) {
  FmtVSame(d);
  d.Operand(ImmDec(d.Bits(12, 11) * 90));
}

// FCADD: rotate (bit 12) is 90 or 270.
void FmtVFcadd(Disasm& d) {
  FmtVSame(d);
  d.Operand(ImmDec(d.Bit(12) ? 270 : 90));
}

void FmtVExt(Disasm& d) {
  FmtVSameB(d);
  d.Operand(ImmDec(d.Bits(14, 11)));
}

// TBL/TBX: the table is len + 1 consecutive registers from Rn, always .16b.
void FmtVTbl(Disasm& d) {
  const char* arr = SimdArr(0, d.Bit(30));
  d.Operand(VRegArr(d.Bits(4, 0), arr));
  d.Operand(VRegList(d.Bits(9, 5), d.Bits(14, 13) + 1, "16b"));
  d.Operand(VRegArr(d.Bits(20, 16), arr));
}

}  // namespace a64
