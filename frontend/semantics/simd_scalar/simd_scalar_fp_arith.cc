// Advanced SIMD scalar floating-point arithmetic and compares, single and
// double precision (ARM ARM C4.1.95, C7.2): FMULX, FABD, FRECPS, FRSQRTS,
// FCMEQ/FCMGE/FCMGT/FACGE/FACGT (register), FCMGT/FCMEQ/FCMLT/FCMGE/FCMLE
// (zero), the scalar pairwise FADDP/FMAXP/FMINP/FMAXNMP/FMINNMP and the
// scalar x indexed element FMUL/FMLA/FMLS/FMULX. The arithmetic is the shared
// bit-exact FP code of fp_arith.h.
#include "frontend/semantics/dispatch.h"
#include "frontend/semantics/fp/fp_arith.h"
#include "frontend/semantics/simd_fp/simd_fp_element_ops.h"
#include "frontend/semantics/simd_scalar/simd_scalar_common.h"

namespace a64 {
namespace {

using namespace sisd;
using vfp::FpBinElement;
using vfp::FpBinOp;
using vfp::FpCompareZeroElement;
using vfp::FpNeg;
using vfp::FpZeroCmp;

// sz (bit 22): 0 single, 1 double; size index for Elem[] (2 or 3).
bool IsDouble(uint32_t w) { return Bit(w, 22); }
FpFormat Fmt(uint32_t w) { return IsDouble(w) ? kFpDouble : kFpSingle; }
unsigned ESize(uint32_t w) { return IsDouble(w) ? 3 : 2; }

uint64_t SignBit(FpFormat f) { return 1ull << (f.n - 1); }
// FPTwo, FPOnePointFive: exponent field = bias + 1 resp. bias.
uint64_t FpTwo(bool sign, FpFormat f) {
  return (sign ? SignBit(f) : 0) | (1ull << (f.e - 1)) << f.f;
}
uint64_t FpOnePointFive(bool sign, FpFormat f) {
  return (sign ? SignBit(f) : 0) | (Ones(f.e - 1) << f.f) | (1ull << (f.f - 1));
}
bool IsInf(const FpValue& v) { return v.type == FpType::kInfinity; }
bool IsZero(const FpValue& v) { return v.type == FpType::kZero; }

}  // namespace

// FPMulX: FPMul except that infinity * zero gives 2.0 with the product's sign
// (no Invalid Operation).
uint64_t FpMulX(uint64_t op1, uint64_t op2, FpFormat f, uint32_t fpcr, uint32_t& fpsr) {
  const FpValue v1 = FpUnpack(op1, f, fpcr, fpsr), v2 = FpUnpack(op2, f, fpcr, fpsr);
  if (!FpIsNaN(v1.type) && !FpIsNaN(v2.type) &&
      ((IsInf(v1) && IsZero(v2)) || (IsZero(v1) && IsInf(v2))))
    return FpTwo(v1.sign != v2.sign, f);
  return FpMul(op1, op2, f, fpcr, fpsr);
}

namespace {

// Halves a finite value whose biased exponent is >= 2 (exactly).
bool HalveExactly(uint64_t& x, FpFormat f) {
  if (((x >> f.f) & Ones(f.e)) < 2) return false;
  x -= 1ull << f.f;
  return true;
}

}  // namespace

// FPRecipStepFused (FRECPS): 2.0 - op1 * op2 with one rounding, and
// FPRSqrtStepFused (FRSQRTS): (3.0 - op1 * op2) / 2.0. Both negate op1 first
// (so a NaN op1 propagates with its sign inverted), then: NaNs propagate;
// infinity * zero gives 2.0 resp. 1.5; an infinite product gives infinity;
// otherwise the exact value is rounded once (an exact zero is +0, or -0 when
// rounding towards minus infinity, as FPMulAdd produces).
uint64_t FpStepFused(bool rsqrt, uint64_t op1, uint64_t op2, FpFormat f, uint32_t fpcr,
                     uint32_t& fpsr) {
  op1 = FpNeg(op1, f);
  const FpValue v1 = FpUnpack(op1, f, fpcr, fpsr), v2 = FpUnpack(op2, f, fpcr, fpsr);
  uint64_t r;
  if (FpProcessNaNs(v1, v2, op1, op2, f, fpcr, fpsr, &r)) return r;
  if ((IsInf(v1) && IsZero(v2)) || (IsZero(v1) && IsInf(v2)))
    return rsqrt ? FpOnePointFive(false, f) : FpTwo(false, f);
  if (IsInf(v1) || IsInf(v2)) return FpInfinity(v1.sign != v2.sign, f);
  if (!rsqrt) return FpMulAdd(FpTwo(false, f), op1, op2, f, fpcr, fpsr);
  // (3 + p) / 2 == 1.5 + (op1 / 2) * op2 when op1 (or op2) halves exactly.
  // When neither does, both have a biased exponent <= 1 and |p| is far below
  // half an ulp of 1.5: 1.5 + p and 1.5 + p/2 round identically with the
  // same exceptions.
  if (!HalveExactly(op1, f)) HalveExactly(op2, f);
  return FpMulAdd(FpOnePointFive(false, f), op1, op2, f, fpcr, fpsr);
}

namespace {

// V[d] = the element operation K of a and b (acc: Elem[V[d], 0] for
// FMLA/FMLS) as a scalar.
template <FpBinOp K>
ExecStatus WriteBinElement(Cpu& c, uint32_t w, uint64_t a, uint64_t b, uint64_t acc) {
  WriteScalar(c, Rd(w), ESize(w), FpBinElement(K, a, b, acc, Fmt(w), c.st.fpcr, c.st.fpsr));
  return ExecStatus::kNext;
}

template <FpBinOp K>
ExecStatus ExecThreeSame(Cpu& c, uint32_t w) {
  const unsigned size = ESize(w);
  return WriteBinElement<K>(c, w, ReadElem(c, Rn(w), size), ReadElem(c, Rm(w), size), 0);
}

// FCMxx (zero): Vn compared with +0.0.
template <FpZeroCmp K>
ExecStatus ExecCompareZero(Cpu& c, uint32_t w) {
  const unsigned size = ESize(w);
  const uint64_t r =
      FpCompareZeroElement(K, ReadElem(c, Rn(w), size), Fmt(w), c.st.fpcr, c.st.fpsr);
  WriteScalar(c, Rd(w), size, r);
  return ExecStatus::kNext;
}

// Scalar pairwise: Reduce over the two elements of V[n] (2 x single from the
// low 64 bits, or 2 x double).
template <FpBinOp K>
ExecStatus ExecPairwise(Cpu& c, uint32_t w) {
  const unsigned size = ESize(w);
  const VReg& n = c.st.v[Rn(w)];
  return WriteBinElement<K>(c, w, simd::GetLane(n, size, 0), simd::GetLane(n, size, 1), 0);
}

// FMUL/FMLA/FMLS/FMULX (by element): Rm = M:Rm; index = H:L (single) or H
// (double; L == 1 is reserved and rejected by the table).
template <FpBinOp K>
ExecStatus ExecByElement(Cpu& c, uint32_t w) {
  const unsigned size = ESize(w);
  const unsigned index = IsDouble(w) ? Bit(w, 11) : (Bit(w, 11) << 1 | Bit(w, 21));
  const uint64_t e2 = simd::GetLane(c.st.v[Bits(w, 20, 16)], size, index);
  return WriteBinElement<K>(c, w, ReadElem(c, Rn(w), size), e2, ReadElem(c, Rd(w), size));
}

}  // namespace

void RegisterSimdScalarFpArith(ExecTable& t) {
  t.Set(Op::FMULX_asisdsame_only, &ExecThreeSame<FpBinOp::kMulX>);
  t.Set(Op::FABD_asisdsame_only, &ExecThreeSame<FpBinOp::kAbd>);
  t.Set(Op::FRECPS_asisdsame_only, &ExecThreeSame<FpBinOp::kRecps>);
  t.Set(Op::FRSQRTS_asisdsame_only, &ExecThreeSame<FpBinOp::kRsqrts>);
  t.Set(Op::FCMEQ_asisdsame_only, &ExecThreeSame<FpBinOp::kCmeq>);
  t.Set(Op::FCMGE_asisdsame_only, &ExecThreeSame<FpBinOp::kCmge>);
  t.Set(Op::FCMGT_asisdsame_only, &ExecThreeSame<FpBinOp::kCmgt>);
  t.Set(Op::FACGE_asisdsame_only, &ExecThreeSame<FpBinOp::kAcge>);
  t.Set(Op::FACGT_asisdsame_only, &ExecThreeSame<FpBinOp::kAcgt>);
  t.Set(Op::FCMGT_asisdmisc_FZ, &ExecCompareZero<FpZeroCmp::kGt>);
  t.Set(Op::FCMEQ_asisdmisc_FZ, &ExecCompareZero<FpZeroCmp::kEq>);
  t.Set(Op::FCMLT_asisdmisc_FZ, &ExecCompareZero<FpZeroCmp::kLt>);
  t.Set(Op::FCMGE_asisdmisc_FZ, &ExecCompareZero<FpZeroCmp::kGe>);
  t.Set(Op::FCMLE_asisdmisc_FZ, &ExecCompareZero<FpZeroCmp::kLe>);
  t.Set(Op::FADDP_asisdpair_only_SD, &ExecPairwise<FpBinOp::kAdd>);
  t.Set(Op::FMAXP_asisdpair_only_SD, &ExecPairwise<FpBinOp::kMax>);
  t.Set(Op::FMINP_asisdpair_only_SD, &ExecPairwise<FpBinOp::kMin>);
  t.Set(Op::FMAXNMP_asisdpair_only_SD, &ExecPairwise<FpBinOp::kMaxNum>);
  t.Set(Op::FMINNMP_asisdpair_only_SD, &ExecPairwise<FpBinOp::kMinNum>);
  t.Set(Op::FMUL_asisdelem_R_SD, &ExecByElement<FpBinOp::kMul>);
  t.Set(Op::FMLA_asisdelem_R_SD, &ExecByElement<FpBinOp::kMla>);
  t.Set(Op::FMLS_asisdelem_R_SD, &ExecByElement<FpBinOp::kMls>);
  t.Set(Op::FMULX_asisdelem_R_SD, &ExecByElement<FpBinOp::kMulX>);
}

}  // namespace a64
