// Advanced SIMD scalar reciprocal estimates, single and double precision
// (ARM ARM C7.2): FRECPE (FPRecipEstimate), FRSQRTE (FPRSqrtEstimate) and
// FRECPX (FPRecpX), per the pseudocode of shared/functions/float, without
// FEAT_RPRES / FEAT_AFP (FPCR.AH is treated as zero).
#include "frontend/semantics/dispatch.h"
#include "frontend/semantics/fp/fp_arith.h"
#include "frontend/semantics/simd_fp/simd_fp_element_ops.h"
#include "frontend/semantics/simd_scalar/simd_scalar_common.h"

namespace a64 {
namespace {

using namespace sisd;

// Two-register misc: sz (bit 22) selects single or double.
unsigned MiscSize(uint32_t w) { return Bit(w, 22) ? 3 : 2; }
FpFormat FmtOfSize(unsigned size) { return size == 3 ? kFpDouble : kFpSingle; }

uint64_t SignBit(bool sign, FpFormat f) { return sign ? 1ull << (f.n - 1) : 0; }
unsigned ExpField(uint64_t op, FpFormat f) { return (op >> f.f) & Ones(f.e); }
// The fraction left-aligned to 52 bits (fraction<51:0> of the pseudocode).
uint64_t Fraction52(uint64_t op, FpFormat f) { return (op & Ones(f.f)) << (52 - f.f); }

// RecipEstimate: a in 256..511 is a fixed-point value in [0.5, 1.0); the
// result in 256..511 represents [1.0, 2.0).
unsigned RecipEstimate(unsigned a) {
  a = a * 2 + 1;
  const unsigned b = (1u << 19) / a;
  return (b + 1) / 2;
}

// RecipSqrtEstimate: a in 128..511 represents [0.25, 1.0).
unsigned RecipSqrtEstimate(unsigned a) {
  if (a < 256) {
    a = a * 2 + 1;  // units of 1/512, rounded to nearest
  } else {
    a = (a >> 1) << 1;  // discard the bottom bit
    a = (a + 1) * 2;    // units of 1/256, rounded to nearest
  }
  uint64_t b = 512;
  while (uint64_t{a} * (b + 1) * (b + 1) < (1ull << 28)) ++b;
  return static_cast<unsigned>((b + 1) / 2);
}

}  // namespace

uint64_t FpRecipEstimate(uint64_t op, FpFormat f, uint32_t fpcr, uint32_t& fpsr) {
  const FpValue v = FpUnpack(op, f, fpcr, fpsr);
  if (FpIsNaN(v.type)) return FpProcessNaN(v.type, op, f, fpcr, fpsr);
  if (v.type == FpType::kInfinity) return FpZero(v.sign, f);
  if (v.type == FpType::kZero) {
    fpsr |= kFpsrDZC;
    return FpInfinity(v.sign, f);
  }
  const int bias = static_cast<int>(Ones(f.e - 1));
  int exp = static_cast<int>(ExpField(op, f));
  uint64_t fraction = Fraction52(op, f);
  // Abs(value) < 2^-(bias+1) (2^-128, 2^-1024): the reciprocal overflows.
  // Those are the denormals with fraction<51:50> == 00.
  if (exp == 0 && (fraction >> 50) == 0) {
    bool overflow_to_inf = false;
    switch (FpcrRounding(fpcr)) {
      case FpRounding::kTieEven: overflow_to_inf = true; break;
      case FpRounding::kPosInf: overflow_to_inf = !v.sign; break;
      case FpRounding::kNegInf: overflow_to_inf = v.sign; break;
      default: break;
    }
    fpsr |= kFpsrOFC | kFpsrIXC;
    return overflow_to_inf ? FpInfinity(v.sign, f) : FpMaxNormal(v.sign, f);
  }
  // FZ with Abs(value) >= 2^(bias-1) (2^126, 2^1022): the result would be
  // denormal; it is flushed to a zero of the operand's sign.
  if ((fpcr & kFpcrFZ) && exp >= 2 * bias - 1) {
    fpsr |= kFpsrUFC;
    return FpZero(v.sign, f);
  }
  if (exp == 0) {
    if (((fraction >> 51) & 1) == 0) {
      exp = -1;
      fraction = (fraction << 2) & Ones(52);
    } else {
      fraction = (fraction << 1) & Ones(52);
    }
  }
  const unsigned scaled = 256 | static_cast<unsigned>(fraction >> 44);
  int result_exp = 2 * bias - 1 - exp;  // 253 - exp, 2045 - exp
  const unsigned estimate = RecipEstimate(scaled);
  uint64_t frac = uint64_t{estimate & 0xff} << 44;
  if (result_exp == 0) {
    frac = (1ull << 51) | (frac >> 1);
  } else if (result_exp == -1) {
    frac = (1ull << 50) | (frac >> 2);
    result_exp = 0;
  }
  return SignBit(v.sign, f) | static_cast<uint64_t>(result_exp) << f.f | frac >> (52 - f.f);
}

uint64_t FpRSqrtEstimate(uint64_t op, FpFormat f, uint32_t fpcr, uint32_t& fpsr) {
  const FpValue v = FpUnpack(op, f, fpcr, fpsr);
  if (FpIsNaN(v.type)) return FpProcessNaN(v.type, op, f, fpcr, fpsr);
  if (v.type == FpType::kZero) {
    fpsr |= kFpsrDZC;
    return FpInfinity(v.sign, f);
  }
  if (v.sign) {
    fpsr |= kFpsrIOC;
    return FpDefaultNaN(f);
  }
  if (v.type == FpType::kInfinity) return FpZero(false, f);
  const int bias = static_cast<int>(Ones(f.e - 1));
  int exp = static_cast<int>(ExpField(op, f));
  uint64_t fraction = Fraction52(op, f);
  if (exp == 0) {
    while (((fraction >> 51) & 1) == 0) {
      fraction = (fraction << 1) & Ones(52);
      --exp;
    }
    fraction = (fraction << 1) & Ones(52);
  }
  // Even exponent: '1':fraction<51:44> in [0.5, 1.0); odd exponent:
  // '01':fraction<51:45> in [0.25, 0.5).
  const unsigned scaled = (exp & 1) == 0 ? 256 | static_cast<unsigned>(fraction >> 44)
                                         : 128 | static_cast<unsigned>(fraction >> 45);
  // (380 - exp) DIV 2, (3068 - exp) DIV 2: the numerator is positive.
  const int result_exp = (3 * bias - 1 - exp) / 2;
  const unsigned estimate = RecipSqrtEstimate(scaled);
  return static_cast<uint64_t>(result_exp) << f.f | uint64_t{estimate & 0xff} << (f.f - 8);
}

// FPRecpX: zeros and denormals give sign:max_exp:0 (max_exp = Ones(E) - 1),
// infinities and normals sign:NOT(exp):0.
uint64_t FpRecpX(uint64_t op, FpFormat f, uint32_t fpcr, uint32_t& fpsr) {
  const FpValue v = FpUnpack(op, f, fpcr, fpsr);
  if (FpIsNaN(v.type)) return FpProcessNaN(v.type, op, f, fpcr, fpsr);
  const uint64_t exp = ExpField(op, f);
  const uint64_t rexp = exp == 0 ? Ones(f.e) - 1 : ~exp & Ones(f.e);
  return (op & (1ull << (f.n - 1))) | rexp << f.f;
}

namespace {

enum class Est { kRecpe, kRsqrte, kRecpx };

template <Est K>
ExecStatus ExecEstimate(Cpu& c, uint32_t w) {
  const unsigned size = MiscSize(w);
  const FpFormat f = FmtOfSize(size);
  const uint64_t op = ReadElem(c, Rn(w), size);
  uint64_t r = 0;
  switch (K) {
    case Est::kRecpe: r = FpRecipEstimate(op, f, c.st.fpcr, c.st.fpsr); break;
    case Est::kRsqrte: r = FpRSqrtEstimate(op, f, c.st.fpcr, c.st.fpsr); break;
    case Est::kRecpx: r = FpRecpX(op, f, c.st.fpcr, c.st.fpsr); break;
  }
  WriteScalar(c, Rd(w), size, r);
  return ExecStatus::kNext;
}

}  // namespace

void RegisterSimdScalarFpEstimate(ExecTable& t) {
  t.Set(Op::FRECPE_asisdmisc_R, &ExecEstimate<Est::kRecpe>);
  t.Set(Op::FRSQRTE_asisdmisc_R, &ExecEstimate<Est::kRsqrte>);
  t.Set(Op::FRECPX_asisdmisc_R, &ExecEstimate<Est::kRecpx>);
}

}  // namespace a64
