// Data Processing -- Immediate: PC-relative addressing, add/sub, logical and
// move-wide immediates, with LLVM's MOV/CMP/CMN/TST aliases.
#include "frontend/disasm/formatters_dp.h"
#include "frontend/table/allocation_dp.h"

namespace a64 {
namespace {

// The value a MOVZ with `shift` would write is `value` (LLVM's isMOVZMovAlias:
// "#0" prefers lsl #0).
bool IsMovzMovAlias(uint64_t value, unsigned shift, unsigned width) {
  if (width == 32) value &= 0xffffffffu;
  if (value == 0 && shift != 0) return false;
  return (value & ~(0xffffull << shift)) == 0;
}

bool IsAnyMovzMovAlias(uint64_t value, unsigned width) {
  for (unsigned shift = 0; shift + 16 <= width; shift += 16)
    if (IsMovzMovAlias(value, shift, width)) return true;
  return false;
}

uint64_t Invert(uint64_t value, unsigned width) {
  return width == 32 ? ~value & 0xffffffffu : ~value;
}

bool IsMovnMovAlias(uint64_t value, unsigned shift, unsigned width) {
  if (IsAnyMovzMovAlias(value, width)) return false;  // MOVZ takes precedence
  return IsMovzMovAlias(Invert(value, width), shift, width);
}

bool IsAnyMovWideMovAlias(uint64_t value, unsigned width) {
  return IsAnyMovzMovAlias(value, width) || IsAnyMovzMovAlias(Invert(value, width), width);
}

void MovImmediate(Disasm& d, const std::string& rd, uint64_t value, unsigned width) {
  d.Mnemonic("mov");
  d.Operand(rd);
  d.Operand(ImmDec(SignExtend(value, width)));
}

}  // namespace

// ADR prints its byte offset, ADRP its page offset in bytes (llvm-mc prints
// offsets, not target addresses).
void FmtPcRelAddr(Disasm& d) {
  const int64_t imm = SignExtend((d.Bits(23, 5) << 2) | d.Bits(30, 29), 21);
  d.Operand(XReg(d.Bits(4, 0)));
  d.Operand(ImmDec(d.Bit(31) ? imm * 4096 : imm));
}

void FmtAddSubImm(Disasm& d) {
  const bool sf = d.Bit(31), sub = d.Bit(30), setflags = d.Bit(29), sh = d.Bit(22);
  const unsigned imm = d.Bits(21, 10), rn = d.Bits(9, 5), rd = d.Bits(4, 0);
  if (!setflags && !sub && !sh && imm == 0 && (rd == 31 || rn == 31)) {
    d.Mnemonic("mov");
    d.Operand(GpRegSp(sf, rd));
    d.Operand(GpRegSp(sf, rn));
    return;
  }
  if (setflags && rd == 31) {
    d.Mnemonic(sub ? "cmp" : "cmn");
  } else {
    d.Operand(setflags ? GpReg(sf, rd) : GpRegSp(sf, rd));
  }
  d.Operand(GpRegSp(sf, rn));
  d.Operand(ImmDec(imm));
  if (sh) d.Operand("lsl #12");
}

void FmtLogicalImm(Disasm& d) {
  const bool sf = d.Bit(31);
  const unsigned width = sf ? 64 : 32, opc = d.Bits(30, 29);
  const unsigned rn = d.Bits(9, 5), rd = d.Bits(4, 0);
  BitMasks m{};
  DecodeBitMasks(d.Bit(22), d.Bits(15, 10), d.Bits(21, 16), true, width, &m);
  const uint64_t imm = m.wmask;
  if (opc == 1 && rn == 31 && !IsAnyMovWideMovAlias(imm, width)) {
    MovImmediate(d, GpRegSp(sf, rd), imm, width);
    return;
  }
  if (opc == 3 && rd == 31) {
    d.Mnemonic("tst");
  } else {
    d.Operand(opc == 3 ? GpReg(sf, rd) : GpRegSp(sf, rd));
  }
  d.Operand(GpReg(sf, rn));
  d.Operand(ImmHex(imm));
}

// LLVM's order of preference for a move: MOVZ lsl #0 > MOVZ lsl #N > MOVN lsl #0
// > MOVN lsl #N > ORR; the first that can express the value prints as MOV.
void FmtMoveWide(Disasm& d) {
  const bool sf = d.Bit(31);
  const unsigned width = sf ? 64 : 32, opc = d.Bits(30, 29), shift = d.Bits(22, 21) * 16;
  const uint64_t imm16 = d.Bits(20, 5);
  const std::string rd = GpReg(sf, d.Bits(4, 0));
  if (opc == 2 && IsMovzMovAlias(imm16 << shift, shift, width)) {
    MovImmediate(d, rd, imm16 << shift, width);
    return;
  }
  if (opc == 0) {
    const uint64_t value = Invert(imm16 << shift, width);
    if (IsMovnMovAlias(value, shift, width)) {
      MovImmediate(d, rd, value, width);
      return;
    }
  }
  d.Operand(rd);
  d.Operand(ImmDec(static_cast<int64_t>(imm16)));
  if (shift) d.Operand("lsl #" + std::to_string(shift));
}

}  // namespace a64
