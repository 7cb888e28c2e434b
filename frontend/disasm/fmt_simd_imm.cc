// Advanced SIMD modified immediate and shift by immediate formatters
// (ARM ARM C4.1.100, C4.1.101).
#include <cinttypes>
#include <cstdio>
#include <cstring>

#include "frontend/disasm/formatters_simd_vector.h"

namespace a64 {

namespace {
// a:b:c:d:e:f:g:h = word<18:16>:word<9:5>.
unsigned Imm8(const Disasm& d) { return d.Bits(18, 16) << 5 | d.Bits(9, 5); }
unsigned Cmode(const Disasm& d) { return d.Bits(15, 12); }

// VFPExpandImm (ARM ARM shared pseudocode) for single precision; every value it
// yields is exact in a float, so the double printed is the same number.
double FpImm8(unsigned imm8) {
  const uint32_t a = imm8 >> 7 & 1, b = imm8 >> 6 & 1, cdefgh = imm8 & 0x3f;
  const uint32_t bits = a << 31 | (b ^ 1) << 30 | (b ? 0x1fu : 0u) << 25 | cdefgh << 19;
  float f;
  std::memcpy(&f, &bits, sizeof f);
  return f;
}

// Element size index (0..3) of a shift by immediate: HighestSetBit(immh).
unsigned ShiftSize(const Disasm& d) {
  const unsigned immh = d.Bits(22, 19);
  return immh >= 8 ? 3 : immh >= 4 ? 2 : immh >= 2 ? 1 : 0;
}
unsigned ShiftRight(const Disasm& d) { return (16u << ShiftSize(d)) - d.Bits(22, 16); }
unsigned ShiftLeft(const Disasm& d) { return d.Bits(22, 16) - (8u << ShiftSize(d)); }
}  // namespace

void FmtVImmByte(Disasm& d) {
  d.Operand(VRegArr(d.Bits(4, 0), SimdArr(0, d.Bit(30))));
  d.Operand(ImmDec(Imm8(d)));
}

// cmode 0xxx: 32-bit lanes shifted by cmode<2:1> * 8; 10xx: 16-bit lanes
// shifted by cmode<1> * 8 (AdvSIMDExpandImm).
void FmtVImmShifted(Disasm& d) {
  const unsigned cmode = Cmode(d);
  const bool half = cmode & 8;
  const unsigned shift = half ? (cmode >> 1 & 1) * 8 : (cmode >> 1 & 3) * 8;
  d.Operand(VRegArr(d.Bits(4, 0), SimdArr(half ? 1 : 2, d.Bit(30))));
  d.Operand(ImmDec(Imm8(d)));
  if (shift) d.Operand("lsl " + ImmDec(shift));
}

// cmode 110x: shifting ones in (MSL) by 8 or 16.
void FmtVImmMsl(Disasm& d) {
  d.Operand(VRegArr(d.Bits(4, 0), SimdArr(2, d.Bit(30))));
  d.Operand(ImmDec(Imm8(d)));
  d.Operand("msl " + ImmDec(Cmode(d) & 1 ? 16 : 8));
}

// op == 1, cmode 1110: each bit of imm8 selects a byte of ones. LLVM prints
// the 64-bit value with C's "%#016" format (no "0x" for zero).
void FmtVImmD(Disasm& d) {
  const unsigned imm8 = Imm8(d);
  uint64_t v = 0;
  for (unsigned i = 0; i < 8; ++i)
    if (imm8 >> i & 1) v |= 0xffull << (8 * i);
  if (d.Bit(30)) d.Operand(VRegArr(d.Bits(4, 0), "2d"));
  else d.Operand(VRegScalar('d', d.Bits(4, 0)));
  char buf[32];
  std::snprintf(buf, sizeof buf, "#%#016" PRIx64, v);
  d.Operand(buf);
}

void FmtVImmFmov(Disasm& d) {
  const bool dbl = d.Bit(29);
  d.Operand(VRegArr(d.Bits(4, 0), dbl ? "2d" : SimdArr(2, d.Bit(30))));
  char buf[32];
  std::snprintf(buf, sizeof buf, "#%.8f", FpImm8(Imm8(d)));
  d.Operand(buf);
}

// Right shifts and fixed-point conversions: #(2 * esize - immh:immb).
void FmtVShr(Disasm& d) {
  const char* arr = SimdArr(ShiftSize(d), d.Bit(30));
  d.Operand(VRegArr(d.Bits(4, 0), arr));
  d.Operand(VRegArr(d.Bits(9, 5), arr));
  d.Operand(ImmDec(ShiftRight(d)));
}

// Left shifts: #(immh:immb - esize).
void FmtVShl(Disasm& d) {
  const char* arr = SimdArr(ShiftSize(d), d.Bit(30));
  d.Operand(VRegArr(d.Bits(4, 0), arr));
  d.Operand(VRegArr(d.Bits(9, 5), arr));
  d.Operand(ImmDec(ShiftLeft(d)));
}

void FmtVShrNarrow(Disasm& d) {
  SimdMnemonicQ2(d);
  d.Operand(VRegArr(d.Bits(4, 0), SimdArr(ShiftSize(d), d.Bit(30))));
  d.Operand(VRegArr(d.Bits(9, 5), SimdArr(ShiftSize(d) + 1, true)));
  d.Operand(ImmDec(ShiftRight(d)));
}

// SSHLL/USHLL (LLVM keeps "sshll #0" rather than the SXTL alias).
void FmtVShllImm(Disasm& d) {
  SimdMnemonicQ2(d);
  d.Operand(VRegArr(d.Bits(4, 0), SimdArr(ShiftSize(d) + 1, true)));
  d.Operand(VRegArr(d.Bits(9, 5), SimdArr(ShiftSize(d), d.Bit(30))));
  d.Operand(ImmDec(ShiftLeft(d)));
}

}  // namespace a64
