// What a formatter sees and writes: the word, its address, and the text so far.
#pragma once

#include <cstdint>
#include <string>

#include "frontend/bits.h"
#include "frontend/decode_table.h"

namespace a64 {

struct Disasm {
  uint32_t w;
  uint64_t pc;
  const Encoding* enc;
  std::string text;
  bool has_operand = false;

  uint32_t Bits(unsigned hi, unsigned lo) const { return a64::Bits(w, hi, lo); }
  bool Bit(unsigned n) const { return a64::Bit(w, n); }

  // Starts the line with the table's mnemonic, or with an alias's.
  void Mnemonic() { Mnemonic(enc->mnemonic); }
  void Mnemonic(const std::string& m) {
    text = m;
    has_operand = false;
  }
  // Appends one operand, separated as LLVM prints them ("op1, op2").
  void Operand(const std::string& s) {
    text += has_operand ? ", " : " ";
    text += s;
    has_operand = true;
  }
  // Appends text directly (e.g. "]!" or an operand's closing bracket).
  void Append(const std::string& s) { text += s; }
};

// Operand spellings shared by every formatter (LLVM's AArch64InstPrinter style).
std::string XReg(unsigned n);    // x0..x30, xzr
std::string XRegSp(unsigned n);  // x0..x30, sp
std::string WReg(unsigned n);    // w0..w30, wzr
std::string WRegSp(unsigned n);  // w0..w30, wsp
std::string GpReg(bool is64, unsigned n);    // XReg or WReg
std::string GpRegSp(bool is64, unsigned n);  // XRegSp or WRegSp
std::string ImmDec(int64_t v);  // "#-5"
std::string ImmHex(uint64_t v);  // "#0x1f"
std::string Hex(uint64_t v);     // "0x1f"
std::string VRegArr(unsigned n, const char* arrangement);  // "v3.16b"
std::string VRegScalar(char size, unsigned n);  // size 'b','h','s','d','q' -> "d3"
const char* CondName(unsigned cond);  // eq, ne, hs, lo, ...
const char* ShiftName(unsigned shift);  // lsl, lsr, asr, ror

}  // namespace a64
