// Advanced SIMD vector x indexed element and copy formatters (ARM ARM
// C4.1.102, C4.1.92).
#include "frontend/disasm/formatters_simd_vector.h"

namespace a64 {

namespace {
// The indexed element operand: size 01 uses Rm<3:0> (v0-v15) and index H:L:M;
// size 10 uses M:Rm and index H:L; size 11 (FP only) uses index H.
std::string ElemOperand(const Disasm& d) {
  const unsigned size = d.Bits(23, 22);
  const unsigned h = d.Bit(11), l = d.Bit(21), m = d.Bit(20);
  if (size == 1) return VRegLane(d.Bits(19, 16), 'h', h << 2 | l << 1 | m);
  if (size == 2) return VRegLane(d.Bits(20, 16), 's', h << 1 | l);
  return VRegLane(d.Bits(20, 16), 'd', h);
}

// imm5 of the copy class: lowest set bit = element size, bits above = index.
unsigned CopySize(unsigned imm5) {
  return (imm5 & 1) ? 0 : (imm5 & 2) ? 1 : (imm5 & 4) ? 2 : 3;
}
std::string CopyLane(unsigned reg, unsigned imm5, unsigned index_bits) {
  const unsigned size = CopySize(imm5);
  return VRegLane(reg, SimdElemChar(size), index_bits >> (size + 1));
}
}  // namespace

void FmtVElem(Disasm& d) {
  const char* arr = SimdArr(d.Bits(23, 22), d.Bit(30));
  d.Operand(VRegArr(d.Bits(4, 0), arr));
  d.Operand(VRegArr(d.Bits(9, 5), arr));
  d.Operand(ElemOperand(d));
}

void FmtVElemLong(Disasm& d) {
  SimdMnemonicQ2(d);
  d.Operand(VRegArr(d.Bits(4, 0), SimdArr(d.Bits(23, 22) + 1, true)));
  d.Operand(VRegArr(d.Bits(9, 5), SimdArr(d.Bits(23, 22), d.Bit(30))));
  d.Operand(ElemOperand(d));
}

void FmtVElemFp(Disasm& d) {
  const char* arr = SimdFpArr(d.Bit(22), d.Bit(30));
  d.Operand(VRegArr(d.Bits(4, 0), arr));
  d.Operand(VRegArr(d.Bits(9, 5), arr));
  d.Operand(ElemOperand(d));
}

// FCMLA (by element), single precision: index is H; rotate = rot * 90.
void FmtVElemFcmla(Disasm& d) {
  d.Operand(VRegArr(d.Bits(4, 0), "4s"));
  d.Operand(VRegArr(d.Bits(9, 5), "4s"));
  d.Operand(VRegLane(d.Bits(20, 16), 's', d.Bit(11)));
  d.Operand(ImmDec(d.Bits(14, 13) * 90));
}

void FmtVDupElem(Disasm& d) {
  const unsigned imm5 = d.Bits(20, 16);
  d.Operand(VRegArr(d.Bits(4, 0), SimdArr(CopySize(imm5), d.Bit(30))));
  d.Operand(CopyLane(d.Bits(9, 5), imm5, imm5));
}

void FmtVDupGen(Disasm& d) {
  const unsigned size = CopySize(d.Bits(20, 16));
  d.Operand(VRegArr(d.Bits(4, 0), SimdArr(size, d.Bit(30))));
  d.Operand(GpReg(size == 3, d.Bits(9, 5)));
}

// INS (general) is printed as its alias MOV.
void FmtVInsGen(Disasm& d) {
  const unsigned imm5 = d.Bits(20, 16);
  d.Mnemonic("mov");
  d.Operand(CopyLane(d.Bits(4, 0), imm5, imm5));
  d.Operand(GpReg(CopySize(imm5) == 3, d.Bits(9, 5)));
}

// INS (element) is printed as MOV; the source index is imm4 >> size.
void FmtVInsElem(Disasm& d) {
  const unsigned imm5 = d.Bits(20, 16);
  d.Mnemonic("mov");
  d.Operand(CopyLane(d.Bits(4, 0), imm5, imm5));
  d.Operand(CopyLane(d.Bits(9, 5), imm5, d.Bits(14, 11) << 1));
}

// UMOV of a .s or .d lane is printed as its alias MOV.
void FmtVUmov(Disasm& d) {
  const unsigned imm5 = d.Bits(20, 16);
  if (CopySize(imm5) >= 2) d.Mnemonic("mov");
  d.Operand(GpReg(d.Bit(30), d.Bits(4, 0)));
  d.Operand(CopyLane(d.Bits(9, 5), imm5, imm5));
}

void FmtVSmov(Disasm& d) {
  const unsigned imm5 = d.Bits(20, 16);
  d.Operand(GpReg(d.Bit(30), d.Bits(4, 0)));
  d.Operand(CopyLane(d.Bits(9, 5), imm5, imm5));
}

}  // namespace a64
