// Single-register and pair loads/stores, spelled as llvm-mc prints them.
#include <string>

#include "frontend/disasm/formatters_loadstore.h"

namespace a64 {
namespace {

// PRFM's <prfop> (ARM ARM C6.2 PRFM): Rt<4:3> type PLD/PLI/PST, Rt<2:1>
// target L1..L3, Rt<0> policy KEEP/STRM. Unallocated values print as #imm.
std::string PrefetchOp(unsigned t) {
  static constexpr const char* kType[3] = {"pld", "pli", "pst"};
  static constexpr const char* kTarget[3] = {"l1", "l2", "l3"};
  const unsigned type = t >> 3, target = (t >> 1) & 3;
  if (type == 3 || target == 3) return ImmDec(t);
  return std::string(kType[type]) + kTarget[target] + ((t & 1) ? "strm" : "keep");
}

// Load/store register forms: size(31:30) V(26) opc(23:22). PRFM is V=0,
// size=11, opc=10.
bool IsPrefetch(const Disasm& d) {
  return !d.Bit(26) && d.Bits(31, 30) == 3 && d.Bits(23, 22) == 2;
}

// The transfer register of a load/store register form.
std::string DataReg(const Disasm& d) {
  const unsigned size = d.Bits(31, 30), opc = d.Bits(23, 22), t = d.Bits(4, 0);
  if (d.Bit(26)) {
    if (size == 0 && opc >= 2) return VRegScalar('q', t);
    return VRegScalar("bhsd"[size], t);
  }
  if (IsPrefetch(d)) return PrefetchOp(t);
  // opc = 10 sign-extends to 64 bits (LDRSB/LDRSH/LDRSW Xt); opc = 11 to 32.
  const bool x = opc == 2 || (size == 3 && opc < 2);
  return GpReg(x, t);
}

// log2 of the access size of a load/store register form.
unsigned DataScale(const Disasm& d) {
  const unsigned size = d.Bits(31, 30);
  return d.Bit(26) && d.Bit(23) ? 4 : size;
}

// "[xn|sp]" or "[xn|sp, #imm]" (LLVM omits a zero offset).
std::string BaseOffset(const Disasm& d, int64_t imm) {
  std::string s = "[" + XRegSp(d.Bits(9, 5));
  if (imm != 0) s += ", " + ImmDec(imm);
  return s + "]";
}

// The three immediate addressing forms that write back or not.
enum class Index { kOffset, kPost, kPre };

void AddressOperands(Disasm& d, Index mode, int64_t imm) {
  switch (mode) {
    case Index::kOffset:
      d.Operand(BaseOffset(d, imm));
      break;
    case Index::kPost:
      d.Operand("[" + XRegSp(d.Bits(9, 5)) + "]");
      d.Operand(ImmDec(imm));
      break;
    case Index::kPre:
      d.Operand("[" + XRegSp(d.Bits(9, 5)) + ", " + ImmDec(imm) + "]!");
      break;
  }
}

}  // namespace

// opc(31:30) V(26) imm19: the offset is printed relative to the instruction.
void FmtLsLiteral(Disasm& d) {
  const unsigned opc = d.Bits(31, 30), t = d.Bits(4, 0);
  if (d.Bit(26)) {
    d.Operand(VRegScalar("sdq"[opc], t));
  } else if (opc == 3) {
    d.Operand(PrefetchOp(t));
  } else {
    d.Operand(GpReg(opc != 0, t));
  }
  d.Operand(ImmDec(SignExtend(d.Bits(23, 5), 19) * 4));
}

// opc(31:30) V(26) op2(24:23) L(22) imm7 Rt2 Rn Rt.
void FmtLsPair(Disasm& d) {
  const unsigned opc = d.Bits(31, 30);
  unsigned scale;
  if (d.Bit(26)) {
    scale = 2 + opc;
    const char kind = "sdq"[opc];
    d.Operand(VRegScalar(kind, d.Bits(4, 0)));
    d.Operand(VRegScalar(kind, d.Bits(14, 10)));
  } else {
    // opc = 00: W pair; 01: LDPSW (32-bit accesses into X); 10: X pair.
    const bool x = opc != 0;
    scale = opc == 2 ? 3 : 2;
    d.Operand(GpReg(x, d.Bits(4, 0)));
    d.Operand(GpReg(x, d.Bits(14, 10)));
  }
  const int64_t imm = SignExtend(d.Bits(21, 15), 7) * (int64_t{1} << scale);
  static constexpr Index kModes[4] = {Index::kOffset, Index::kPost, Index::kOffset, Index::kPre};
  AddressOperands(d, kModes[d.Bits(24, 23)], imm);
}

// Bits 11:10: 00 unscaled, 01 post-index, 10 unprivileged, 11 pre-index.
void FmtLsImm9(Disasm& d) {
  d.Operand(DataReg(d));
  static constexpr Index kModes[4] = {Index::kOffset, Index::kPost, Index::kOffset, Index::kPre};
  AddressOperands(d, kModes[d.Bits(11, 10)], SignExtend(d.Bits(20, 12), 9));
}

void FmtLsUnsignedImm(Disasm& d) {
  d.Operand(DataReg(d));
  d.Operand(BaseOffset(d, int64_t{d.Bits(21, 10)} << DataScale(d)));
}

// option(15:13): 010 UXTW, 011 LSL (UXTX), 110 SXTW, 111 SXTX; S(12) scales
// the index by the access size. LLVM prints "lsl #0" / "uxtw #0" for byte
// accesses with S = 1, and omits "lsl" when option = 011 and S = 0.
void FmtLsRegOffset(Disasm& d) {
  d.Operand(DataReg(d));
  const unsigned option = d.Bits(15, 13);
  const bool s = d.Bit(12);
  std::string m = "[" + XRegSp(d.Bits(9, 5)) + ", " + GpReg(option & 1, d.Bits(20, 16));
  if (option != 3 || s) {
    static constexpr const char* kExtend[8] = {"", "", "uxtw", "lsl", "", "", "sxtw", "sxtx"};
    m += ", ";
    m += kExtend[option];
    if (s) m += " #" + std::to_string(DataScale(d));
  }
  d.Operand(m + "]");
}

// M(23) S(22) imm9(20:12) W(11): offset = SignExtend(S:imm9) * 8.
void FmtLsPac(Disasm& d) {
  d.Operand(XReg(d.Bits(4, 0)));
  const int64_t imm = SignExtend((d.Bit(22) << 9) | d.Bits(20, 12), 10) * 8;
  AddressOperands(d, d.Bit(11) ? Index::kPre : Index::kOffset, imm);
}

}  // namespace a64
