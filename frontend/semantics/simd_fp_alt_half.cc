// FPCR.AHP alternative half-precision conversions (see simd_fp_alt_half.h),
// built on the IEEE conversions of fp_arith.h: the two formats differ only
// in the interpretation of biased exponent 31.
#include "frontend/semantics/simd_fp_alt_half.h"

#include "frontend/bits.h"
#include "frontend/semantics/fp_arith.h"

namespace a64 {
namespace {

// A format with the half-precision fraction and a double's exponent range:
// rounds values beyond the IEEE half range to an 11-bit significand.
constexpr FpFormat kWideHalf{22, 11, 10};

uint64_t SignOf(bool sign) { return sign ? 0x8000 : 0; }

}  // namespace

uint64_t FpConvertFromAltHalf(uint64_t op, bool to_double, uint32_t fpcr, uint32_t& fpsr) {
  const FpFormat to = to_double ? kFpDouble : kFpSingle;
  const uint64_t exp = (op >> 10) & 31;
  if (exp != 31) return FpConvert(op, kFpHalf, to, fpcr, FpcrRounding(fpcr), fpsr);
  // Biased exponent 31: the normal value 2^16 * 1.fraction (exact in `to`).
  const uint64_t sign = (op >> 15) & 1;
  const uint64_t to_exp = 16 + Ones(to.e - 1);
  return sign << (to.n - 1) | to_exp << to.f | (op & Ones(10)) << (to.f - 10);
}

uint64_t FpConvertToAltHalf(uint64_t op, bool from_double, uint32_t fpcr, uint32_t& fpsr) {
  const FpFormat from = from_double ? kFpDouble : kFpSingle;
  const FpValue v = FpUnpack(op, from, fpcr, fpsr);
  switch (v.type) {
    case FpType::kQNaN:
    case FpType::kSNaN:  // a zero of the NaN's sign, Invalid Operation
      fpsr |= kFpsrIOC;
      return SignOf(v.sign);
    case FpType::kInfinity:  // the largest magnitude, Invalid Operation
      fpsr |= kFpsrIOC;
      return SignOf(v.sign) | 0x7fff;
    case FpType::kZero:
      return SignOf(v.sign);
    default:
      break;
  }
  const FpRounding rounding = FpcrRounding(fpcr);
  // Below 2^16 after rounding the result (denormals included) and its flags
  // equal the IEEE conversion's, which signals Overflow otherwise.
  uint32_t flags = 0;
  const uint64_t ieee = FpRound(v.sign, v.exp, v.mant, false, kFpHalf, fpcr, rounding, flags);
  if (!(flags & kFpsrOFC)) {
    fpsr |= flags;
    return ieee;
  }
  // FPRoundBase, alt_hp: a rounded biased exponent above 31 saturates to
  // sign:Ones(15) with Invalid Operation and no Inexact.
  flags = 0;
  const uint64_t wide = FpRound(v.sign, v.exp, v.mant, false, kWideHalf, fpcr, rounding, flags);
  const int64_t biased = static_cast<int64_t>((wide >> 10) & Ones(11)) - 1023 + 15;
  if (biased > 31 || ((wide >> 10) & Ones(11)) == Ones(11)) {
    fpsr |= kFpsrIOC;
    return SignOf(v.sign) | 0x7fff;
  }
  fpsr |= flags;
  return SignOf(v.sign) | static_cast<uint64_t>(biased) << 10 | (wide & Ones(10));
}

}  // namespace a64
