// Advanced SIMD two-register miscellaneous, floating point, single and
// double precision lanes, other than the conversions (ARM ARM C4.1.97,
// C7.2): FABS, FNEG, FSQRT, FRINTN/A/P/M/Z/X/I, FRECPE, FRSQRTE and the
// compares with zero FCMEQ/FCMGE/FCMGT/FCMLE/FCMLT.
#include "frontend/semantics/dispatch.h"
#include "frontend/semantics/simd_fp/simd_fp_common.h"

namespace a64 {
namespace {

using namespace vfp;

enum class Kind { kAbs, kNeg, kSqrt, kRecpe, kRsqrte };

uint64_t Lane(Kind k, uint64_t x, FpFormat f, uint32_t fpcr, uint32_t& fpsr) {
  switch (k) {
    // FPAbs/FPNeg touch the sign bit only: no NaN processing, no flags.
    case Kind::kAbs: return FpAbs(x, f);
    case Kind::kNeg: return FpNeg(x, f);
    case Kind::kSqrt: return FpSqrt(x, f, fpcr, fpsr);
    case Kind::kRecpe: return FpRecipEstimate(x, f, fpcr, fpsr);
    default: return FpRSqrtEstimate(x, f, fpcr, fpsr);
  }
}

template <Kind K>
ExecStatus ExecUnary(Cpu& c, uint32_t w) {
  const unsigned size = SzSize(w);
  const FpFormat f = FmtOfSize(size);
  const VReg n = c.st.v[Rn(w)];
  ForEachLane(c, w, size,
              [&](unsigned e) { return Lane(K, GetLane(n, size, e), f, c.st.fpcr, c.st.fpsr); });
  return ExecStatus::kNext;
}

// FRINT<mode>: FPRoundInt(element, fpcr, rounding, exact). kUseFpcr selects
// FPRoundingMode(FPCR) (FRINTX, FRINTI); only FRINTX signals Inexact.
template <FpRounding R, bool kUseFpcr, bool kExact>
ExecStatus ExecRoundInt(Cpu& c, uint32_t w) {
  const unsigned size = SzSize(w);
  const FpFormat f = FmtOfSize(size);
  const VReg n = c.st.v[Rn(w)];
  const FpRounding rounding = kUseFpcr ? FpcrRounding(c.st.fpcr) : R;
  ForEachLane(c, w, size, [&](unsigned e) {
    return FpRoundInt(GetLane(n, size, e), f, c.st.fpcr, rounding, kExact, c.st.fpsr);
  });
  return ExecStatus::kNext;
}

// FCMxx (zero), element-wise.
template <FpZeroCmp K>
ExecStatus ExecCompareZero(Cpu& c, uint32_t w) {
  const unsigned size = SzSize(w);
  const FpFormat f = FmtOfSize(size);
  const VReg n = c.st.v[Rn(w)];
  ForEachLane(c, w, size, [&](unsigned e) {
    return FpCompareZeroElement(K, GetLane(n, size, e), f, c.st.fpcr, c.st.fpsr);
  });
  return ExecStatus::kNext;
}

}  // namespace

void RegisterSimdFpMisc(ExecTable& t) {
  t.Set(Op::FABS_asimdmisc_R, &ExecUnary<Kind::kAbs>);
  t.Set(Op::FNEG_asimdmisc_R, &ExecUnary<Kind::kNeg>);
  t.Set(Op::FSQRT_asimdmisc_R, &ExecUnary<Kind::kSqrt>);
  t.Set(Op::FRECPE_asimdmisc_R, &ExecUnary<Kind::kRecpe>);
  t.Set(Op::FRSQRTE_asimdmisc_R, &ExecUnary<Kind::kRsqrte>);
  t.Set(Op::FRINTN_asimdmisc_R, &ExecRoundInt<FpRounding::kTieEven, false, false>);
  t.Set(Op::FRINTA_asimdmisc_R, &ExecRoundInt<FpRounding::kTieAway, false, false>);
  t.Set(Op::FRINTP_asimdmisc_R, &ExecRoundInt<FpRounding::kPosInf, false, false>);
  t.Set(Op::FRINTM_asimdmisc_R, &ExecRoundInt<FpRounding::kNegInf, false, false>);
  t.Set(Op::FRINTZ_asimdmisc_R, &ExecRoundInt<FpRounding::kZero, false, false>);
  t.Set(Op::FRINTX_asimdmisc_R, &ExecRoundInt<FpRounding::kTieEven, true, true>);
  t.Set(Op::FRINTI_asimdmisc_R, &ExecRoundInt<FpRounding::kTieEven, true, false>);
  t.Set(Op::FCMGT_asimdmisc_FZ, &ExecCompareZero<FpZeroCmp::kGt>);
  t.Set(Op::FCMEQ_asimdmisc_FZ, &ExecCompareZero<FpZeroCmp::kEq>);
  t.Set(Op::FCMLT_asimdmisc_FZ, &ExecCompareZero<FpZeroCmp::kLt>);
  t.Set(Op::FCMGE_asimdmisc_FZ, &ExecCompareZero<FpZeroCmp::kGe>);
  t.Set(Op::FCMLE_asimdmisc_FZ, &ExecCompareZero<FpZeroCmp::kLe>);
}

}  // namespace a64
