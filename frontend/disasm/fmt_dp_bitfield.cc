// Bitfield and extract, printed with the aliases llvm-mc-14 prefers:
// SXT*/UXT*, LSL/LSR/ASR, SBFIZ/UBFIZ, SBFX/UBFX, BFC/BFI/BFXIL, ROR.
#include "frontend/disasm/formatters_dp.h"

namespace a64 {
namespace {

std::string Num(int v) { return "#" + std::to_string(v); }

// SBFM/UBFM: the same chain of aliases for both, as in the ARM ARM alias
// conditions (C6.2 SBFM, UBFM) in LLVM's order of preference.
void FormatSignedOrUnsignedBitfield(Disasm& d, bool is_signed) {
  const bool sf = d.Bit(31);
  const int width = sf ? 64 : 32;
  const int immr = static_cast<int>(d.Bits(21, 16)), imms = static_cast<int>(d.Bits(15, 10));
  const unsigned rn = d.Bits(9, 5), rd = d.Bits(4, 0);
  if (immr == 0) {
    const char* ext = nullptr;
    if (imms == 7 && (is_signed || !sf)) ext = is_signed ? "sxtb" : "uxtb";
    if (imms == 15 && (is_signed || !sf)) ext = is_signed ? "sxth" : "uxth";
    if (imms == 31 && is_signed && sf) ext = "sxtw";
    if (ext) {
      d.Mnemonic(ext);
      d.Operand(GpReg(sf, rd));
      d.Operand(WReg(rn));
      return;
    }
  }
  const char* shift = nullptr;
  int amount = 0;
  if (!is_signed && imms != width - 1 && imms + 1 == immr) {
    shift = "lsl";
    amount = width - 1 - imms;
  } else if (imms == width - 1) {
    shift = is_signed ? "asr" : "lsr";
    amount = immr;
  }
  if (shift) {
    d.Mnemonic(shift);
    d.Operand(GpReg(sf, rd));
    d.Operand(GpReg(sf, rn));
    d.Operand(Num(amount));
    return;
  }
  if (immr > imms) {
    d.Mnemonic(is_signed ? "sbfiz" : "ubfiz");
    d.Operand(GpReg(sf, rd));
    d.Operand(GpReg(sf, rn));
    d.Operand(Num(width - immr));
    d.Operand(Num(imms + 1));
  } else {
    d.Mnemonic(is_signed ? "sbfx" : "ubfx");
    d.Operand(GpReg(sf, rd));
    d.Operand(GpReg(sf, rn));
    d.Operand(Num(immr));
    d.Operand(Num(imms - immr + 1));
  }
}

}  // namespace

void FmtSignedBitfield(Disasm& d) { FormatSignedOrUnsignedBitfield(d, true); }
void FmtUnsignedBitfield(Disasm& d) { FormatSignedOrUnsignedBitfield(d, false); }

// BFM: BFC (v8.2; with +v8.3a LLVM prefers it whenever Rn is ZR and the BFI
// condition or immr == 0 holds), then BFI (imms < immr), else BFXIL.
void FmtBitfieldMove(Disasm& d) {
  const bool sf = d.Bit(31);
  const int width = sf ? 64 : 32;
  const int immr = static_cast<int>(d.Bits(21, 16)), imms = static_cast<int>(d.Bits(15, 10));
  const unsigned rn = d.Bits(9, 5), rd = d.Bits(4, 0);
  const int insert_lsb = (width - immr) % width;
  if (rn == 31 && (immr == 0 || imms < immr)) {
    d.Mnemonic("bfc");
    d.Operand(GpReg(sf, rd));
    d.Operand(Num(insert_lsb));
    d.Operand(Num(imms + 1));
  } else if (imms < immr) {
    d.Mnemonic("bfi");
    d.Operand(GpReg(sf, rd));
    d.Operand(GpReg(sf, rn));
    d.Operand(Num(insert_lsb));
    d.Operand(Num(imms + 1));
  } else {
    d.Mnemonic("bfxil");
    d.Operand(GpReg(sf, rd));
    d.Operand(GpReg(sf, rn));
    d.Operand(Num(immr));
    d.Operand(Num(imms - immr + 1));
  }
}

// EXTR with Rn == Rm is ROR (immediate).
void FmtExtract(Disasm& d) {
  const bool sf = d.Bit(31);
  const unsigned rm = d.Bits(20, 16), rn = d.Bits(9, 5);
  if (rn == rm) d.Mnemonic("ror");
  d.Operand(GpReg(sf, d.Bits(4, 0)));
  d.Operand(GpReg(sf, rn));
  if (rn != rm) d.Operand(GpReg(sf, rm));
  d.Operand(Num(static_cast<int>(d.Bits(15, 10))));
}

}  // namespace a64
