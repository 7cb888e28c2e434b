// Scalar floating-point instructions (ARM ARM C7.2): operand access and the
// per-instruction decode; the arithmetic is in fp_arith_*.cc.
#include "frontend/bits.h"
#include "frontend/semantics/fp/fp_arith.h"
#include "frontend/semantics/fp/fp_exec.h"

namespace a64 {
namespace {

// ftype: 00 single, 01 double, 11 half (10 is unallocated; the table never
// sends it here).
FpFormat FormatOf(unsigned ftype) {
  return ftype == 0 ? kFpSingle : ftype == 1 ? kFpDouble : kFpHalf;
}
FpFormat FormatOf(uint32_t insn, unsigned lo) { return FormatOf(Bits(insn, lo + 1, lo)); }

uint64_t ReadFp(const Cpu& c, unsigned n, FpFormat fmt) { return c.st.v[n].d[0] & Ones(fmt.n); }
// V[d] = result: a scalar write clears the rest of the 128-bit register.
void WriteFp(Cpu& c, unsigned d, uint64_t bits) { WriteV128(c, d, bits, 0); }

// ConditionHolds (ARM ARM J1, shared/functions/system).
bool ConditionHolds(unsigned cond, uint32_t nzcv) {
  const bool n = nzcv & kFlagN, z = nzcv & kFlagZ, c = nzcv & kFlagC, v = nzcv & kFlagV;
  bool r;
  switch (cond >> 1) {
    case 0: r = z; break;
    case 1: r = c; break;
    case 2: r = n; break;
    case 3: r = v; break;
    case 4: r = c && !z; break;
    case 5: r = n == v; break;
    case 6: r = n == v && !z; break;
    default: r = true; break;
  }
  if ((cond & 1) && cond != 15) r = !r;
  return r;
}

uint64_t FpNeg(uint64_t bits, FpFormat fmt) { return bits ^ (1ull << (fmt.n - 1)); }

}  // namespace

ExecStatus ExecFpDataProc1(Cpu& cpu, uint32_t insn) {
  const FpFormat fmt = FormatOf(insn, 22);
  const unsigned opcode = Bits(insn, 20, 15);
  const uint64_t op = ReadFp(cpu, Bits(insn, 9, 5), fmt);
  const uint32_t fpcr = cpu.st.fpcr;
  uint32_t& fpsr = cpu.st.fpsr;
  uint64_t r;
  switch (opcode) {
    case 0b000000: r = op; break;                                        // FMOV
    case 0b000001: r = op & Ones(fmt.n - 1); break;                      // FABS
    case 0b000010: r = FpNeg(op, fmt); break;                            // FNEG
    case 0b000011: r = FpSqrt(op, fmt, fpcr, fpsr); break;               // FSQRT
    case 0b001000: r = FpRoundInt(op, fmt, fpcr, FpRounding::kTieEven, false, fpsr); break;
    case 0b001001: r = FpRoundInt(op, fmt, fpcr, FpRounding::kPosInf, false, fpsr); break;
    case 0b001010: r = FpRoundInt(op, fmt, fpcr, FpRounding::kNegInf, false, fpsr); break;
    case 0b001011: r = FpRoundInt(op, fmt, fpcr, FpRounding::kZero, false, fpsr); break;
    case 0b001100: r = FpRoundInt(op, fmt, fpcr, FpRounding::kTieAway, false, fpsr); break;
    case 0b001110: r = FpRoundInt(op, fmt, fpcr, FpcrRounding(fpcr), true, fpsr); break;
    case 0b001111: r = FpRoundInt(op, fmt, fpcr, FpcrRounding(fpcr), false, fpsr); break;
    default: return Undefined(cpu);
  }
  WriteFp(cpu, Bits(insn, 4, 0), r);
  return ExecStatus::kNext;
}

ExecStatus ExecFpConvertPrecision(Cpu& cpu, uint32_t insn) {
  const FpFormat from = FormatOf(insn, 22), to = FormatOf(insn, 15);
  // FpConvert honours FPCR.AHP (alternative half precision).
  const uint64_t r = FpConvert(ReadFp(cpu, Bits(insn, 9, 5), from), from, to, cpu.st.fpcr,
                               FpcrRounding(cpu.st.fpcr), cpu.st.fpsr);
  WriteFp(cpu, Bits(insn, 4, 0), r);
  return ExecStatus::kNext;
}

ExecStatus ExecFpDataProc2(Cpu& cpu, uint32_t insn) {
  const FpFormat fmt = FormatOf(insn, 22);
  const uint64_t a = ReadFp(cpu, Bits(insn, 9, 5), fmt);
  const uint64_t b = ReadFp(cpu, Bits(insn, 20, 16), fmt);
  const uint32_t fpcr = cpu.st.fpcr;
  uint32_t& fpsr = cpu.st.fpsr;
  uint64_t r;
  switch (Bits(insn, 15, 12)) {
    case 0b0000: r = FpMul(a, b, fmt, fpcr, fpsr); break;
    case 0b0001: r = FpDiv(a, b, fmt, fpcr, fpsr); break;
    case 0b0010: r = FpAdd(a, b, fmt, fpcr, fpsr); break;
    case 0b0011: r = FpSub(a, b, fmt, fpcr, fpsr); break;
    case 0b0100: r = FpMax(a, b, fmt, fpcr, fpsr); break;
    case 0b0101: r = FpMin(a, b, fmt, fpcr, fpsr); break;
    case 0b0110: r = FpMaxNum(a, b, fmt, fpcr, fpsr); break;
    case 0b0111: r = FpMinNum(a, b, fmt, fpcr, fpsr); break;
    case 0b1000: r = FpNeg(FpMul(a, b, fmt, fpcr, fpsr), fmt); break;  // FNMUL
    default: return Undefined(cpu);
  }
  WriteFp(cpu, Bits(insn, 4, 0), r);
  return ExecStatus::kNext;
}

ExecStatus ExecFpDataProc3(Cpu& cpu, uint32_t insn) {
  const FpFormat fmt = FormatOf(insn, 22);
  uint64_t a = ReadFp(cpu, Bits(insn, 14, 10), fmt);
  uint64_t n = ReadFp(cpu, Bits(insn, 9, 5), fmt);
  const uint64_t m = ReadFp(cpu, Bits(insn, 20, 16), fmt);
  const bool o1 = Bit(insn, 21), o0 = Bit(insn, 15);
  // FMADD/FMSUB/FNMADD/FNMSUB negate (as FPNeg, NaNs included) the addend when
  // o1 is set and the first multiplicand when o1 != o0, before FPMulAdd.
  if (o1) a = FpNeg(a, fmt);
  if (o1 != o0) n = FpNeg(n, fmt);
  WriteFp(cpu, Bits(insn, 4, 0), FpMulAdd(a, n, m, fmt, cpu.st.fpcr, cpu.st.fpsr));
  return ExecStatus::kNext;
}

ExecStatus ExecFpCompare(Cpu& cpu, uint32_t insn) {
  const FpFormat fmt = FormatOf(insn, 22);
  const uint64_t a = ReadFp(cpu, Bits(insn, 9, 5), fmt);
  const uint64_t b = Bit(insn, 3) ? 0 : ReadFp(cpu, Bits(insn, 20, 16), fmt);
  const uint32_t flags = FpCompare(a, b, Bit(insn, 4), fmt, cpu.st.fpcr, cpu.st.fpsr);
  cpu.st.nzcv = flags << 28;
  return ExecStatus::kNext;
}

ExecStatus ExecFpCondCompare(Cpu& cpu, uint32_t insn) {
  const FpFormat fmt = FormatOf(insn, 22);
  if (ConditionHolds(Bits(insn, 15, 12), cpu.st.nzcv)) {
    const uint64_t a = ReadFp(cpu, Bits(insn, 9, 5), fmt);
    const uint64_t b = ReadFp(cpu, Bits(insn, 20, 16), fmt);
    cpu.st.nzcv = FpCompare(a, b, Bit(insn, 4), fmt, cpu.st.fpcr, cpu.st.fpsr) << 28;
  } else {
    cpu.st.nzcv = Bits(insn, 3, 0) << 28;
  }
  return ExecStatus::kNext;
}

ExecStatus ExecFpCondSelect(Cpu& cpu, uint32_t insn) {
  const FpFormat fmt = FormatOf(insn, 22);
  const unsigned src = ConditionHolds(Bits(insn, 15, 12), cpu.st.nzcv) ? Bits(insn, 9, 5)
                                                                       : Bits(insn, 20, 16);
  WriteFp(cpu, Bits(insn, 4, 0), ReadFp(cpu, src, fmt));
  return ExecStatus::kNext;
}

ExecStatus ExecFpMoveImm(Cpu& cpu, uint32_t insn) {
  WriteFp(cpu, Bits(insn, 4, 0), FpExpandImm(Bits(insn, 20, 13), FormatOf(insn, 22)));
  return ExecStatus::kNext;
}

ExecStatus ExecFpToInt(Cpu& cpu, uint32_t insn) {
  const FpFormat fmt = FormatOf(insn, 22);
  const unsigned rmode = Bits(insn, 20, 19), opcode = Bits(insn, 18, 16);
  // FCVTA* (opcode 10x) rounds ties away; the others take rmode: N, P, M, Z.
  const FpRounding rounding =
      (opcode >> 1) == 2 ? FpRounding::kTieAway : static_cast<FpRounding>(rmode);
  const unsigned width = Bit(insn, 31) ? 64 : 32;
  const uint64_t r = FpToFixed(ReadFp(cpu, Bits(insn, 9, 5), fmt), fmt, 0, opcode & 1, width,
                               cpu.st.fpcr, rounding, cpu.st.fpsr);
  WriteX(cpu, Bits(insn, 4, 0), r);
  return ExecStatus::kNext;
}

ExecStatus ExecIntToFp(Cpu& cpu, uint32_t insn) {
  const FpFormat fmt = FormatOf(insn, 22);
  const unsigned width = Bit(insn, 31) ? 64 : 32;
  const uint64_t r = FixedToFp(ReadX(cpu, Bits(insn, 9, 5)), width, 0, Bit(insn, 16), fmt,
                               cpu.st.fpcr, FpcrRounding(cpu.st.fpcr), cpu.st.fpsr);
  WriteFp(cpu, Bits(insn, 4, 0), r);
  return ExecStatus::kNext;
}

ExecStatus ExecFpMoveGeneral(Cpu& cpu, uint32_t insn) {
  const unsigned d = Bits(insn, 4, 0), n = Bits(insn, 9, 5);
  const bool to_fp = Bit(insn, 16);
  if (Bits(insn, 23, 22) == 2) {
    // FMOV Xd, Vn.D[1] / FMOV Vd.D[1], Xn: element 1 only, the rest kept.
    if (to_fp) cpu.st.v[d].d[1] = ReadX(cpu, n);
    else WriteX(cpu, d, cpu.st.v[n].d[1]);
    return ExecStatus::kNext;
  }
  const unsigned width = Bit(insn, 31) ? 64 : 32;
  if (to_fp) WriteFp(cpu, d, ReadX(cpu, n) & Ones(width));
  else WriteX(cpu, d, cpu.st.v[n].d[0] & Ones(width));
  return ExecStatus::kNext;
}

ExecStatus ExecFpToFixed(Cpu& cpu, uint32_t insn) {
  const FpFormat fmt = FormatOf(insn, 22);
  const unsigned fbits = 64 - Bits(insn, 15, 10);
  const unsigned width = Bit(insn, 31) ? 64 : 32;
  const uint64_t r = FpToFixed(ReadFp(cpu, Bits(insn, 9, 5), fmt), fmt, fbits, Bit(insn, 16),
                               width, cpu.st.fpcr, FpRounding::kZero, cpu.st.fpsr);
  WriteX(cpu, Bits(insn, 4, 0), r);
  return ExecStatus::kNext;
}

ExecStatus ExecFixedToFp(Cpu& cpu, uint32_t insn) {
  const FpFormat fmt = FormatOf(insn, 22);
  const unsigned fbits = 64 - Bits(insn, 15, 10);
  const unsigned width = Bit(insn, 31) ? 64 : 32;
  const uint64_t r = FixedToFp(ReadX(cpu, Bits(insn, 9, 5)), width, fbits, Bit(insn, 16), fmt,
                               cpu.st.fpcr, FpcrRounding(cpu.st.fpcr), cpu.st.fpsr);
  WriteFp(cpu, Bits(insn, 4, 0), r);
  return ExecStatus::kNext;
}

}  // namespace a64
