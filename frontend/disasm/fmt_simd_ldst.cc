// Advanced SIMD structure load/store formatters (ARM ARM C4.1.45-48).
#include "frontend/disasm/formatters_simd_vector.h"

namespace a64 {

namespace {
// "[Xn|SP]" then, for the post-indexed forms (bit 23), ", #imm" when
// Rm == 31 or ", Xm" otherwise.
void Address(Disasm& d, unsigned post_imm) {
  d.Operand("[" + XRegSp(d.Bits(9, 5)) + "]");
  if (!d.Bit(23)) return;
  const unsigned rm = d.Bits(20, 16);
  d.Operand(rm == 31 ? ImmDec(post_imm) : XReg(rm));
}

// Number of registers of a multiple-structure opcode (bits 15:12).
unsigned MultiRegs(unsigned opcode) {
  switch (opcode) {
    case 0x7: return 1;
    case 0xa: case 0x8: return 2;
    case 0x6: case 0x4: return 3;
    default: return 4;  // 0x2 (LD1/ST1 x4) and 0x0 (LD4/ST4)
  }
}
}  // namespace

void FmtLdStMulti(Disasm& d) {
  const unsigned regs = MultiRegs(d.Bits(15, 12));
  d.Operand(VRegList(d.Bits(4, 0), regs, SimdArr(d.Bits(11, 10), d.Bit(30))));
  Address(d, regs * (d.Bit(30) ? 16 : 8));
}

// Single structure: scale = opcode<2:1>; the lane index is Q:S:size with the
// bits the element size uses dropped (LoadStoreSingle decode).
void FmtLdStSingle(Disasm& d) {
  const unsigned selem = (d.Bit(13) << 1 | d.Bit(21)) + 1;
  unsigned scale = d.Bits(15, 14);
  const unsigned qss = d.Bit(30) << 3 | d.Bit(12) << 2 | d.Bits(11, 10);
  unsigned index = qss;
  if (scale == 1) index = qss >> 1;
  if (scale == 2) {
    if (d.Bit(10)) {
      scale = 3;
      index = qss >> 3;
    } else {
      index = qss >> 2;
    }
  }
  d.Operand(VRegList(d.Bits(4, 0), selem, std::string(1, SimdElemChar(scale))) + "[" +
            std::to_string(index) + "]");
  Address(d, selem << scale);
}

void FmtLdStRep(Disasm& d) {
  const unsigned selem = (d.Bit(13) << 1 | d.Bit(21)) + 1;
  const unsigned size = d.Bits(11, 10);
  d.Operand(VRegList(d.Bits(4, 0), selem, SimdArr(size, d.Bit(30))));
  Address(d, selem << size);
}

}  // namespace a64
