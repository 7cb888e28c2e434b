// The ARM ARM floating-point library functions that are exact integer
// manipulations: unpacking, rounding, NaN processing, conversions, compare,
// min/max (shared/functions/float/*).
#include <bit>

#include "frontend/bits.h"
#include "frontend/semantics/fp/fp_arith.h"

namespace a64 {
namespace {

int Bias(FpFormat fmt) { return (1 << (fmt.e - 1)) - 1; }
uint64_t SignBit(FpFormat fmt) { return 1ull << (fmt.n - 1); }
uint64_t ExpMax(FpFormat fmt) { return (1ull << fmt.e) - 1; }
uint64_t QuietBit(FpFormat fmt) { return 1ull << (fmt.f - 1); }

// Splits mant * 2^exp (exp < 0 allowed) into its integer magnitude and the
// two halves of the discarded fraction: the bit worth 1/2 and the rest.
struct IntSplit {
  unsigned __int128 int_part;
  bool half;
  bool rest;
  bool huge;  // >= 2^100: certainly out of range of every integer result
};
IntSplit SplitInteger(uint64_t mant, int exp) {
  IntSplit s{0, false, false, false};
  if (exp >= 0) {
    if (exp + (64 - std::countl_zero(mant)) > 100) {
      s.huge = true;
      return s;
    }
    s.int_part = static_cast<unsigned __int128>(mant) << exp;
    return s;
  }
  const unsigned shift = static_cast<unsigned>(-exp);
  if (shift > 64) {
    s.rest = mant != 0;
  } else if (shift == 64) {
    s.half = mant >> 63;
    s.rest = (mant << 1) != 0;
  } else {
    s.int_part = mant >> shift;
    s.half = (mant >> (shift - 1)) & 1;
    s.rest = (mant & Ones(shift - 1)) != 0;
  }
  return s;
}

// Whether to add one to the magnitude of a value that was truncated toward
// zero: the rounding rules of FPRoundInt/FPToFixed/FPRound in magnitude form.
bool RoundUpMagnitude(FpRounding r, bool sign, bool odd, bool half, bool rest) {
  switch (r) {
    case FpRounding::kTieEven: return half && (rest || odd);
    case FpRounding::kPosInf: return (half || rest) && !sign;
    case FpRounding::kNegInf: return (half || rest) && sign;
    case FpRounding::kZero: return false;
    case FpRounding::kTieAway: return half;
  }
  return false;
}

}  // namespace

uint64_t FpZero(bool sign, FpFormat fmt) { return sign ? SignBit(fmt) : 0; }
uint64_t FpInfinity(bool sign, FpFormat fmt) { return FpZero(sign, fmt) | ExpMax(fmt) << fmt.f; }
uint64_t FpMaxNormal(bool sign, FpFormat fmt) {
  return FpZero(sign, fmt) | (ExpMax(fmt) - 1) << fmt.f | Ones(fmt.f);
}
uint64_t FpDefaultNaN(FpFormat fmt) { return ExpMax(fmt) << fmt.f | QuietBit(fmt); }

FpValue FpUnpack(uint64_t bits, FpFormat fmt, uint32_t fpcr, uint32_t& fpsr) {
  const bool sign = (bits >> (fmt.n - 1)) & 1;
  const uint64_t exp = (bits >> fmt.f) & ExpMax(fmt);
  const uint64_t frac = bits & Ones(fmt.f);
  if (exp == 0) {
    if (frac == 0) return {FpType::kZero, sign, 0, 0};
    if (fmt.n != 16 && (fpcr & kFpcrFZ)) {
      fpsr |= kFpsrIDC;  // FPProcessException(FPExc_InputDenorm)
      return {FpType::kZero, sign, 0, 0};
    }
    return {FpType::kNonzero, sign, 1 - Bias(fmt) - static_cast<int>(fmt.f), frac};
  }
  if (exp == ExpMax(fmt)) {
    if (frac == 0) return {FpType::kInfinity, sign, 0, 0};
    return {(frac & QuietBit(fmt)) ? FpType::kQNaN : FpType::kSNaN, sign, 0, 0};
  }
  return {FpType::kNonzero, sign, static_cast<int>(exp) - Bias(fmt) - static_cast<int>(fmt.f),
          frac | 1ull << fmt.f};
}

namespace {

// FPRoundBase. `alt_hp`: the result is in the alternative half-precision
// format (FPCR.AHP == 1, ARM ARM A1.4.2): exponent 31 encodes normal numbers,
// and a result too large for it is sign:Ones(15) with Invalid Operation and no
// Inexact.
uint64_t RoundToFormat(bool sign, int exp, uint64_t mant, bool sticky, FpFormat fmt, uint32_t fpcr,
                       FpRounding rounding, bool alt_hp, uint32_t& fpsr) {
  const int min_exp = 1 - Bias(fmt);
  const int exponent = exp + 63 - std::countl_zero(mant);  // value in [2^exponent, 2^(exponent+1))
  // Flush-to-zero of a result that is tiny before rounding: UFC only, no IXC.
  if (fmt.n != 16 && (fpcr & kFpcrFZ) && exponent < min_exp) {
    fpsr |= kFpsrUFC;
    return FpZero(sign, fmt);
  }
  int biased_exp = exponent - min_exp + 1 > 0 ? exponent - min_exp + 1 : 0;
  const int lsb_exp = (biased_exp == 0 ? min_exp : exponent) - static_cast<int>(fmt.f);
  const IntSplit s = SplitInteger(mant, exp - lsb_exp);
  uint64_t int_mant = static_cast<uint64_t>(s.int_part);
  const bool half = s.half;
  const bool rest = s.rest || sticky;
  bool inexact = half || rest;
  // AArch64 detects underflow before rounding (FPRound: biased_exp == 0).
  if (biased_exp == 0 && inexact) fpsr |= kFpsrUFC;
  if (RoundUpMagnitude(rounding, sign, int_mant & 1, half, rest)) {
    ++int_mant;
    if (int_mant == 1ull << fmt.f) biased_exp = 1;  // denormal rounded up to normal
    if (int_mant == 1ull << (fmt.f + 1)) {
      ++biased_exp;
      int_mant >>= 1;
    }
  }
  uint64_t result;
  if (alt_hp) {
    if (static_cast<uint64_t>(biased_exp) > ExpMax(fmt)) {
      fpsr |= kFpsrIOC;
      return FpZero(sign, fmt) | Ones(fmt.n - 1);
    }
    result = FpZero(sign, fmt) | static_cast<uint64_t>(biased_exp) << fmt.f | (int_mant & Ones(fmt.f));
  } else if (static_cast<uint64_t>(biased_exp) >= ExpMax(fmt)) {
    const bool to_inf = rounding == FpRounding::kTieEven || rounding == FpRounding::kTieAway ||
                        (rounding == FpRounding::kPosInf && !sign) ||
                        (rounding == FpRounding::kNegInf && sign);
    result = to_inf ? FpInfinity(sign, fmt) : FpMaxNormal(sign, fmt);
    fpsr |= kFpsrOFC;
    inexact = true;
  } else {
    result = FpZero(sign, fmt) | static_cast<uint64_t>(biased_exp) << fmt.f | (int_mant & Ones(fmt.f));
  }
  if (inexact) fpsr |= kFpsrIXC;
  return result;
}

}  // namespace

uint64_t FpRound(bool sign, int exp, uint64_t mant, bool sticky, FpFormat fmt, uint32_t fpcr,
                 FpRounding rounding, uint32_t& fpsr) {
  return RoundToFormat(sign, exp, mant, sticky, fmt, fpcr, rounding, false, fpsr);
}

uint64_t FpProcessNaN(FpType type, uint64_t op, FpFormat fmt, uint32_t fpcr, uint32_t& fpsr) {
  uint64_t result = op;
  if (type == FpType::kSNaN) {
    result |= QuietBit(fmt);
    fpsr |= kFpsrIOC;
  }
  if (fpcr & kFpcrDN) result = FpDefaultNaN(fmt);
  return result;
}

bool FpProcessNaNs(const FpValue& v1, const FpValue& v2, uint64_t op1, uint64_t op2, FpFormat fmt,
                   uint32_t fpcr, uint32_t& fpsr, uint64_t* result) {
  // Signalling NaNs take priority over quiet ones, then operand order.
  if (v1.type == FpType::kSNaN) *result = FpProcessNaN(v1.type, op1, fmt, fpcr, fpsr);
  else if (v2.type == FpType::kSNaN) *result = FpProcessNaN(v2.type, op2, fmt, fpcr, fpsr);
  else if (v1.type == FpType::kQNaN) *result = FpProcessNaN(v1.type, op1, fmt, fpcr, fpsr);
  else if (v2.type == FpType::kQNaN) *result = FpProcessNaN(v2.type, op2, fmt, fpcr, fpsr);
  else return false;
  return true;
}

bool FpProcessNaNs3(const FpValue& v1, const FpValue& v2, const FpValue& v3, uint64_t op1,
                    uint64_t op2, uint64_t op3, FpFormat fmt, uint32_t fpcr, uint32_t& fpsr,
                    uint64_t* result) {
  if (v1.type == FpType::kSNaN) *result = FpProcessNaN(v1.type, op1, fmt, fpcr, fpsr);
  else if (v2.type == FpType::kSNaN) *result = FpProcessNaN(v2.type, op2, fmt, fpcr, fpsr);
  else if (v3.type == FpType::kSNaN) *result = FpProcessNaN(v3.type, op3, fmt, fpcr, fpsr);
  else if (v1.type == FpType::kQNaN) *result = FpProcessNaN(v1.type, op1, fmt, fpcr, fpsr);
  else if (v2.type == FpType::kQNaN) *result = FpProcessNaN(v2.type, op2, fmt, fpcr, fpsr);
  else if (v3.type == FpType::kQNaN) *result = FpProcessNaN(v3.type, op3, fmt, fpcr, fpsr);
  else return false;
  return true;
}

namespace {

// Orders two non-NaN unpacked values: -1, 0, 1.
int CompareValues(const FpValue& a, const FpValue& b) {
  auto key = [](const FpValue& v) -> int {  // class: -inf < finite < +inf
    if (v.type == FpType::kInfinity) return v.sign ? -1 : 1;
    return 0;
  };
  if (key(a) != key(b)) return key(a) < key(b) ? -1 : 1;
  if (a.type == FpType::kInfinity) return 0;
  const bool za = a.type == FpType::kZero, zb = b.type == FpType::kZero;
  if (za && zb) return 0;
  const int sa = za ? 0 : (a.sign ? -1 : 1), sb = zb ? 0 : (b.sign ? -1 : 1);
  if (sa != sb) return sa < sb ? -1 : 1;
  // Same sign, both nonzero: compare magnitudes mant * 2^exp.
  const int ta = a.exp + 63 - std::countl_zero(a.mant), tb = b.exp + 63 - std::countl_zero(b.mant);
  int mag;
  if (ta != tb) {
    mag = ta < tb ? -1 : 1;
  } else {
    const uint64_t ma = a.mant << std::countl_zero(a.mant), mb = b.mant << std::countl_zero(b.mant);
    mag = ma == mb ? 0 : (ma < mb ? -1 : 1);
  }
  return sa < 0 ? -mag : mag;
}

// FPMax/FPMin for non-NaN operands: the chosen operand, re-encoded (FPRound
// of a representable value is exact; a flushed denormal becomes zero).
uint64_t MaxMin(bool is_max, const FpValue& v1, const FpValue& v2, uint64_t op1, uint64_t op2,
                FpFormat fmt) {
  const int c = CompareValues(v1, v2);
  const bool pick1 = is_max ? c > 0 : c < 0;
  const FpValue& v = pick1 ? v1 : v2;
  const uint64_t op = pick1 ? op1 : op2;
  if (v.type == FpType::kInfinity) return FpInfinity(v.sign, fmt);
  if (v.type == FpType::kZero) {
    // Both zero: max uses the most positive sign, min the most negative.
    const bool both_zero = v1.type == FpType::kZero && v2.type == FpType::kZero;
    const bool sign = both_zero ? (is_max ? (v1.sign && v2.sign) : (v1.sign || v2.sign)) : v.sign;
    return FpZero(sign, fmt);
  }
  return op;
}

uint64_t MaxMinCommon(bool is_max, bool num, uint64_t op1, uint64_t op2, FpFormat fmt,
                      uint32_t fpcr, uint32_t& fpsr) {
  FpValue v1 = FpUnpack(op1, fmt, fpcr, fpsr);
  FpValue v2 = FpUnpack(op2, fmt, fpcr, fpsr);
  if (num) {
    // FPMaxNum/FPMinNum: a quiet NaN against a number is replaced by the
    // infinity that loses the comparison.
    const bool q1 = v1.type == FpType::kQNaN, q2 = v2.type == FpType::kQNaN;
    if (q1 && !FpIsNaN(v2.type)) {
      op1 = FpInfinity(is_max, fmt);
      v1 = FpValue{FpType::kInfinity, is_max, 0, 0};
    } else if (q2 && !FpIsNaN(v1.type)) {
      op2 = FpInfinity(is_max, fmt);
      v2 = FpValue{FpType::kInfinity, is_max, 0, 0};
    }
  }
  uint64_t result;
  if (FpProcessNaNs(v1, v2, op1, op2, fmt, fpcr, fpsr, &result)) return result;
  return MaxMin(is_max, v1, v2, op1, op2, fmt);
}

}  // namespace

uint64_t FpMax(uint64_t a, uint64_t b, FpFormat f, uint32_t fpcr, uint32_t& fpsr) {
  return MaxMinCommon(true, false, a, b, f, fpcr, fpsr);
}
uint64_t FpMin(uint64_t a, uint64_t b, FpFormat f, uint32_t fpcr, uint32_t& fpsr) {
  return MaxMinCommon(false, false, a, b, f, fpcr, fpsr);
}
uint64_t FpMaxNum(uint64_t a, uint64_t b, FpFormat f, uint32_t fpcr, uint32_t& fpsr) {
  return MaxMinCommon(true, true, a, b, f, fpcr, fpsr);
}
uint64_t FpMinNum(uint64_t a, uint64_t b, FpFormat f, uint32_t fpcr, uint32_t& fpsr) {
  return MaxMinCommon(false, true, a, b, f, fpcr, fpsr);
}

uint32_t FpCompare(uint64_t op1, uint64_t op2, bool signal_nans, FpFormat fmt, uint32_t fpcr,
                   uint32_t& fpsr) {
  const FpValue v1 = FpUnpack(op1, fmt, fpcr, fpsr);
  const FpValue v2 = FpUnpack(op2, fmt, fpcr, fpsr);
  if (FpIsNaN(v1.type) || FpIsNaN(v2.type)) {
    if (v1.type == FpType::kSNaN || v2.type == FpType::kSNaN || signal_nans) fpsr |= kFpsrIOC;
    return 0b0011;
  }
  const int c = CompareValues(v1, v2);
  return c == 0 ? 0b0110 : c < 0 ? 0b1000 : 0b0010;
}

uint64_t FpRoundInt(uint64_t op, FpFormat fmt, uint32_t fpcr, FpRounding rounding, bool exact,
                    uint32_t& fpsr) {
  const FpValue v = FpUnpack(op, fmt, fpcr, fpsr);
  if (FpIsNaN(v.type)) return FpProcessNaN(v.type, op, fmt, fpcr, fpsr);
  if (v.type == FpType::kInfinity) return FpInfinity(v.sign, fmt);
  if (v.type == FpType::kZero) return FpZero(v.sign, fmt);
  if (v.exp >= 0) return op;  // already an integer
  const IntSplit s = SplitInteger(v.mant, v.exp);
  uint64_t mag = static_cast<uint64_t>(s.int_part);
  if (RoundUpMagnitude(rounding, v.sign, mag & 1, s.half, s.rest)) ++mag;
  uint64_t result;
  if (mag == 0) {
    result = FpZero(v.sign, fmt);  // keeps the sign of the operand
  } else {
    uint32_t ignored = 0;  // exact: FPRound raises nothing
    result = FpRound(v.sign, 0, mag, false, fmt, fpcr, FpRounding::kZero, ignored);
  }
  if (exact && (s.half || s.rest)) fpsr |= kFpsrIXC;
  return result;
}

uint64_t FpToFixed(uint64_t op, FpFormat fmt, unsigned fbits, bool is_unsigned, unsigned m,
                   uint32_t fpcr, FpRounding rounding, uint32_t& fpsr) {
  const FpValue v = FpUnpack(op, fmt, fpcr, fpsr);
  if (FpIsNaN(v.type)) {
    fpsr |= kFpsrIOC;  // NaN converts to zero with Invalid Operation
    return 0;
  }
  if (v.type == FpType::kZero) return 0;
  bool overflow = false, inexact = false;
  unsigned __int128 mag = 0;
  if (v.type == FpType::kInfinity) {
    overflow = true;
  } else {
    const IntSplit s = SplitInteger(v.mant, v.exp + static_cast<int>(fbits));
    if (s.huge) {
      overflow = true;
    } else {
      mag = s.int_part;
      inexact = s.half || s.rest;
      if (RoundUpMagnitude(rounding, v.sign, static_cast<uint64_t>(mag) & 1, s.half, s.rest)) ++mag;
    }
  }
  // SatQ(int_result, M, unsigned).
  const unsigned __int128 umax = (static_cast<unsigned __int128>(1) << m) - 1;
  const unsigned __int128 smax = (static_cast<unsigned __int128>(1) << (m - 1)) - 1;
  uint64_t result;
  if (is_unsigned) {
    if (v.sign && (overflow || mag != 0)) {
      overflow = true;
      result = 0;
    } else if (overflow || mag > umax) {
      overflow = true;
      result = static_cast<uint64_t>(umax);
    } else {
      result = static_cast<uint64_t>(mag);
    }
  } else if (!v.sign) {
    if (overflow || mag > smax) {
      overflow = true;
      result = static_cast<uint64_t>(smax);
    } else {
      result = static_cast<uint64_t>(mag);
    }
  } else {
    if (overflow || mag > smax + 1) {
      overflow = true;
      mag = smax + 1;
    }
    result = static_cast<uint64_t>(-static_cast<uint64_t>(mag)) & Ones(m);
  }
  if (overflow) fpsr |= kFpsrIOC;
  else if (inexact) fpsr |= kFpsrIXC;
  return result;
}

uint64_t FixedToFp(uint64_t op, unsigned m, unsigned fbits, bool is_unsigned, FpFormat fmt,
                   uint32_t fpcr, FpRounding rounding, uint32_t& fpsr) {
  op &= Ones(m);
  bool sign = false;
  uint64_t mag = op;
  if (!is_unsigned && ((op >> (m - 1)) & 1)) {
    sign = true;
    mag = (0 - op) & Ones(m);
  }
  if (mag == 0) return FpZero(false, fmt);
  return FpRound(sign, -static_cast<int>(fbits), mag, false, fmt, fpcr, rounding, fpsr);
}

// FPConvert. FPCR.AHP == 1 selects the alternative half-precision format for
// a 16-bit operand or result (FPUnpackCV / FPRoundCV with fpcr.AHP, ARM ARM
// A1.4.2): no infinities or NaNs, exponent 31 is a normal exponent. A NaN
// converts to a zero and an infinity to sign:Ones(15), both with Invalid
// Operation.
uint64_t FpConvert(uint64_t op, FpFormat from, FpFormat to, uint32_t fpcr, FpRounding rounding,
                   uint32_t& fpsr) {
  const bool alt_in = from.n == 16 && (fpcr & kFpcrAHP);
  const bool alt_out = to.n == 16 && (fpcr & kFpcrAHP);
  FpValue v;
  if (alt_in && ((op >> from.f) & ExpMax(from)) == ExpMax(from)) {
    v = {FpType::kNonzero, static_cast<bool>((op >> (from.n - 1)) & 1),
         static_cast<int>(ExpMax(from)) - Bias(from) - static_cast<int>(from.f),
         (op & Ones(from.f)) | 1ull << from.f};
  } else {
    v = FpUnpack(op, from, fpcr, fpsr);
  }
  if (alt_out && FpIsNaN(v.type)) {
    fpsr |= kFpsrIOC;
    return FpZero(v.sign, to);
  }
  if (alt_out && v.type == FpType::kInfinity) {
    fpsr |= kFpsrIOC;
    return FpZero(v.sign, to) | Ones(to.n - 1);
  }
  if (FpIsNaN(v.type)) {
    uint64_t result;
    if (fpcr & kFpcrDN) {
      result = FpDefaultNaN(to);
    } else {
      // FPConvertNaN: sign, quiet, and the payload's top bits.
      const uint64_t frac = op & Ones(from.f - 1);
      const uint64_t payload = to.f >= from.f ? frac << (to.f - from.f) : frac >> (from.f - to.f);
      result = FpZero(v.sign, to) | FpDefaultNaN(to) | payload;
    }
    if (v.type == FpType::kSNaN) fpsr |= kFpsrIOC;
    return result;
  }
  if (v.type == FpType::kInfinity) return FpInfinity(v.sign, to);
  if (v.type == FpType::kZero) return FpZero(v.sign, to);
  return RoundToFormat(v.sign, v.exp, v.mant, false, to, fpcr, rounding, alt_out, fpsr);
}

uint64_t FpExpandImm(unsigned imm8, FpFormat fmt) {
  // sign = imm8<7>; exp = NOT(imm8<6>) : Replicate(imm8<6>, E-3) : imm8<5:4>;
  // frac = imm8<3:0> : Zeros(F-4).
  const uint64_t b = (imm8 >> 6) & 1;
  const uint64_t exp = (b ^ 1) << (fmt.e - 1) | (b ? Ones(fmt.e - 3) << 2 : 0) | ((imm8 >> 4) & 3);
  return static_cast<uint64_t>(imm8 >> 7) << (fmt.n - 1) | exp << fmt.f |
         static_cast<uint64_t>(imm8 & 15) << (fmt.f - 4);
}

}  // namespace a64
