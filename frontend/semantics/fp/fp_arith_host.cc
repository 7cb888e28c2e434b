// FPAdd, FPSub, FPMul, FPDiv, FPSqrt and FPMulAdd. NaN operands, input
// flushing and the ARM-specific special cases are handled here per the ARM ARM
// pseudocode; the correctly rounded numerical result of the remaining cases
// comes from the host's IEEE 754 arithmetic under <cfenv> control, then is
// fixed up where AArch64 differs from x86:
//  - the NaN produced by an invalid operation is FPDefaultNaN (x86: negative);
//  - AArch64 detects underflow before rounding (FPRound), x86 after: a result
//    that rounded to the smallest normal is re-evaluated rounding toward zero
//    to learn whether the exact value was tiny;
//  - FPCR.FZ flushes a tiny result to a signed zero with UFC and no IXC.
#include <cfenv>
#include <cmath>
#include <cstring>

#include "frontend/bits.h"
#include "frontend/semantics/fp/fp_arith.h"

namespace a64 {
namespace {

enum class HostOp : uint8_t { kAdd, kSub, kMul, kDiv, kSqrt, kMulAdd };

template <typename T>
T FromBits(uint64_t bits) {
  T v;
  if constexpr (sizeof(T) == 4) {
    const uint32_t b = static_cast<uint32_t>(bits);
    std::memcpy(&v, &b, 4);
  } else {
    std::memcpy(&v, &bits, 8);
  }
  return v;
}

template <typename T>
uint64_t ToBits(T v) {
  if constexpr (sizeof(T) == 4) {
    uint32_t b;
    std::memcpy(&b, &v, 4);
    return b;
  } else {
    uint64_t b;
    std::memcpy(&b, &v, 8);
    return b;
  }
}

int HostRounding(FpRounding r) {
  switch (r) {
    case FpRounding::kPosInf: return FE_UPWARD;
    case FpRounding::kNegInf: return FE_DOWNWARD;
    case FpRounding::kZero: return FE_TOWARDZERO;
    default: return FE_TONEAREST;
  }
}

// Evaluates one operation in the host rounding mode `mode`; returns the
// result bits and the host exception flags it raised.
template <typename T>
uint64_t Evaluate(HostOp op, uint64_t a_bits, uint64_t b_bits, uint64_t c_bits, int mode,
                  int* flags) {
  T a = FromBits<T>(a_bits), b = FromBits<T>(b_bits), c = FromBits<T>(c_bits);
  const int saved = std::fegetround();
  std::fesetround(mode);
  std::feclearexcept(FE_ALL_EXCEPT);
  // The empty asm statements keep the compiler from moving the arithmetic
  // across the rounding-mode and flag accesses.
  asm volatile("" : "+x"(a), "+x"(b), "+x"(c)::"memory");
  T r;
  switch (op) {
    case HostOp::kAdd: r = a + b; break;
    case HostOp::kSub: r = a - b; break;
    case HostOp::kMul: r = a * b; break;
    case HostOp::kDiv: r = a / b; break;
    case HostOp::kSqrt: r = std::sqrt(a); break;
    case HostOp::kMulAdd: r = std::fma(a, b, c); break;
  }
  asm volatile("" : "+x"(r)::"memory");
  *flags = std::fetestexcept(FE_ALL_EXCEPT);
  std::fesetround(saved);
  return ToBits(r);
}

uint64_t EvaluateAny(HostOp op, FpFormat fmt, uint64_t a, uint64_t b, uint64_t c, int mode,
                     int* flags) {
  return fmt.n == 32 ? Evaluate<float>(op, a, b, c, mode, flags)
                     : Evaluate<double>(op, a, b, c, mode, flags);
}

// Re-encodes an unpacked non-NaN operand, so that a flushed denormal reaches
// the host as a signed zero.
uint64_t Repack(uint64_t bits, const FpValue& v, FpFormat fmt) {
  return v.type == FpType::kZero ? FpZero(v.sign, fmt) : bits;
}

// The host evaluation of a non-NaN case plus the AArch64 fix-ups.
uint64_t HostRound(HostOp op, FpFormat fmt, uint64_t a, uint64_t b, uint64_t c, uint32_t fpcr,
                   uint32_t& fpsr) {
  const FpRounding rounding = FpcrRounding(fpcr);
  int flags = 0;
  uint64_t r = EvaluateAny(op, fmt, a, b, c, HostRounding(rounding), &flags);
  const uint64_t exp_mask = Ones(fmt.e) << fmt.f;
  const uint64_t abs = r & Ones(fmt.n - 1);
  if ((r & exp_mask) == exp_mask && (r & Ones(fmt.f)) != 0) {
    // Only an invalid operation makes a NaN from non-NaN operands.
    fpsr |= kFpsrIOC;
    return FpDefaultNaN(fmt);
  }
  const bool inexact = flags & FE_INEXACT;
  const uint64_t min_normal = 1ull << fmt.f;
  bool tiny = (abs < min_normal && (abs != 0 || inexact));
  if (!tiny && abs == min_normal && inexact) {
    int rz_flags = 0;
    const uint64_t rz = EvaluateAny(op, fmt, a, b, c, FE_TOWARDZERO, &rz_flags);
    tiny = (rz & Ones(fmt.n - 1)) < min_normal;
  }
  const bool sign = (r >> (fmt.n - 1)) & 1;
  if (tiny && (fpcr & kFpcrFZ)) {
    fpsr |= kFpsrUFC;
    return FpZero(sign, fmt);
  }
  if (flags & FE_DIVBYZERO) fpsr |= kFpsrDZC;
  if (flags & FE_OVERFLOW) fpsr |= kFpsrOFC;
  if (inexact) fpsr |= kFpsrIXC;
  if (tiny && inexact) fpsr |= kFpsrUFC;
  return r;
}

uint64_t Binary(HostOp op, uint64_t op1, uint64_t op2, FpFormat fmt, uint32_t fpcr,
                uint32_t& fpsr) {
  const FpValue v1 = FpUnpack(op1, fmt, fpcr, fpsr);
  const FpValue v2 = FpUnpack(op2, fmt, fpcr, fpsr);
  uint64_t result;
  if (FpProcessNaNs(v1, v2, op1, op2, fmt, fpcr, fpsr, &result)) return result;
  return HostRound(op, fmt, Repack(op1, v1, fmt), Repack(op2, v2, fmt), 0, fpcr, fpsr);
}

}  // namespace

uint64_t FpAdd(uint64_t a, uint64_t b, FpFormat f, uint32_t fpcr, uint32_t& fpsr) {
  return Binary(HostOp::kAdd, a, b, f, fpcr, fpsr);
}
uint64_t FpSub(uint64_t a, uint64_t b, FpFormat f, uint32_t fpcr, uint32_t& fpsr) {
  return Binary(HostOp::kSub, a, b, f, fpcr, fpsr);
}
uint64_t FpMul(uint64_t a, uint64_t b, FpFormat f, uint32_t fpcr, uint32_t& fpsr) {
  return Binary(HostOp::kMul, a, b, f, fpcr, fpsr);
}
uint64_t FpDiv(uint64_t a, uint64_t b, FpFormat f, uint32_t fpcr, uint32_t& fpsr) {
  return Binary(HostOp::kDiv, a, b, f, fpcr, fpsr);
}

uint64_t FpSqrt(uint64_t op, FpFormat fmt, uint32_t fpcr, uint32_t& fpsr) {
  const FpValue v = FpUnpack(op, fmt, fpcr, fpsr);
  if (FpIsNaN(v.type)) return FpProcessNaN(v.type, op, fmt, fpcr, fpsr);
  if (v.type == FpType::kZero) return FpZero(v.sign, fmt);
  if (v.type == FpType::kInfinity && !v.sign) return FpInfinity(false, fmt);
  if (v.sign) {
    fpsr |= kFpsrIOC;
    return FpDefaultNaN(fmt);
  }
  return HostRound(HostOp::kSqrt, fmt, op, 0, 0, fpcr, fpsr);
}

uint64_t FpMulAdd(uint64_t addend, uint64_t op1, uint64_t op2, FpFormat fmt, uint32_t fpcr,
                  uint32_t& fpsr) {
  const FpValue va = FpUnpack(addend, fmt, fpcr, fpsr);
  const FpValue v1 = FpUnpack(op1, fmt, fpcr, fpsr);
  const FpValue v2 = FpUnpack(op2, fmt, fpcr, fpsr);
  const bool inf1 = v1.type == FpType::kInfinity, zero1 = v1.type == FpType::kZero;
  const bool inf2 = v2.type == FpType::kInfinity, zero2 = v2.type == FpType::kZero;
  uint64_t result;
  const bool done = FpProcessNaNs3(va, v1, v2, addend, op1, op2, fmt, fpcr, fpsr, &result);
  // A quiet NaN addend does not hide the invalid 0 * inf (FPMulAdd).
  if (va.type == FpType::kQNaN && ((inf1 && zero2) || (zero1 && inf2))) {
    fpsr |= kFpsrIOC;
    return FpDefaultNaN(fmt);
  }
  if (done) return result;
  // Infinities, zeros and exact-zero signs follow IEEE 754 fusedMultiplyAdd,
  // which the host implements.
  return HostRound(HostOp::kMulAdd, fmt, Repack(op1, v1, fmt), Repack(op2, v2, fmt),
                   Repack(addend, va, fmt), fpcr, fpsr);
}

}  // namespace a64
