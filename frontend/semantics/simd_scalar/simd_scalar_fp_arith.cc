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

// sz (bit 22): 0 single, 1 double; size index for Elem[] (2 or 3).
bool IsDouble(uint32_t w) { return Bit(w, 22); }
FpFormat Fmt(uint32_t w) { return IsDouble(w) ? kFpDouble : kFpSingle; }
unsigned ESize(uint32_t w) { return IsDouble(w) ? 3 : 2; }

uint64_t SignBit(FpFormat f) { return 1ull << (f.n - 1); }
uint64_t FpNeg(uint64_t x, FpFormat f) { return x ^ SignBit(f); }
uint64_t FpAbs(uint64_t x, FpFormat f) { return x & ~SignBit(f); }
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

enum class Kind { kMulX, kAbd, kRecps, kRsqrts, kCmeq, kCmge, kCmgt, kAcge, kAcgt };

// FPCompareEQ is quiet (Invalid Operation for signalling NaNs only);
// FPCompareGE/GT signal on any NaN. FpCompare returns NZCV in bits 3:0:
// 0110 equal, 1000 less, 0010 greater, 0011 unordered.
bool Compare(Kind k, uint64_t a, uint64_t b, FpFormat f, uint32_t fpcr, uint32_t& fpsr) {
  if (k == Kind::kAcge || k == Kind::kAcgt) {
    a = FpAbs(a, f);
    b = FpAbs(b, f);
  }
  const uint32_t nzcv = FpCompare(a, b, k != Kind::kCmeq, f, fpcr, fpsr);
  switch (k) {
    case Kind::kCmeq: return nzcv == 0b0110;
    case Kind::kCmge:
    case Kind::kAcge: return nzcv == 0b0110 || nzcv == 0b0010;
    default: return nzcv == 0b0010;
  }
}

uint64_t Apply(Kind k, uint64_t a, uint64_t b, FpFormat f, uint32_t fpcr, uint32_t& fpsr) {
  switch (k) {
    case Kind::kMulX: return FpMulX(a, b, f, fpcr, fpsr);
    case Kind::kAbd: return FpAbs(FpSub(a, b, f, fpcr, fpsr), f);
    case Kind::kRecps: return FpStepFused(false, a, b, f, fpcr, fpsr);
    case Kind::kRsqrts: return FpStepFused(true, a, b, f, fpcr, fpsr);
    default: return Compare(k, a, b, f, fpcr, fpsr) ? Ones(f.n) : 0;
  }
}

template <Kind K>
ExecStatus ExecThreeSame(Cpu& c, uint32_t w) {
  const unsigned size = ESize(w);
  const uint64_t r = Apply(K, ReadElem(c, Rn(w), size), ReadElem(c, Rm(w), size), Fmt(w),
                           c.st.fpcr, c.st.fpsr);
  WriteScalar(c, Rd(w), size, r);
  return ExecStatus::kNext;
}

// FCMxx (zero): Vn compared with +0.0. FCMLT/FCMLE are FPCompareGT/GE(zero,
// element), i.e. "less than" / "less or equal".
enum class ZeroCmp { kGt, kEq, kLt, kGe, kLe };

template <ZeroCmp K>
ExecStatus ExecCompareZero(Cpu& c, uint32_t w) {
  const unsigned size = ESize(w);
  const FpFormat f = Fmt(w);
  const uint32_t nzcv = FpCompare(ReadElem(c, Rn(w), size), FpZero(false, f), K != ZeroCmp::kEq,
                                  f, c.st.fpcr, c.st.fpsr);
  bool r = false;
  switch (K) {
    case ZeroCmp::kGt: r = nzcv == 0b0010; break;
    case ZeroCmp::kEq: r = nzcv == 0b0110; break;
    case ZeroCmp::kLt: r = nzcv == 0b1000; break;
    case ZeroCmp::kGe: r = nzcv == 0b0010 || nzcv == 0b0110; break;
    case ZeroCmp::kLe: r = nzcv == 0b1000 || nzcv == 0b0110; break;
  }
  WriteScalar(c, Rd(w), size, r ? ~0ull : 0);
  return ExecStatus::kNext;
}

enum class Pair { kAdd, kMax, kMin, kMaxNum, kMinNum };

// Scalar pairwise: Reduce over the two elements of V[n] (2 x single from the
// low 64 bits, or 2 x double).
template <Pair K>
ExecStatus ExecPairwise(Cpu& c, uint32_t w) {
  const unsigned size = ESize(w);
  const FpFormat f = Fmt(w);
  const VReg& n = c.st.v[Rn(w)];
  const uint64_t a = simd::GetLane(n, size, 0), b = simd::GetLane(n, size, 1);
  const uint32_t fpcr = c.st.fpcr;
  uint32_t& fpsr = c.st.fpsr;
  uint64_t r = 0;
  switch (K) {
    case Pair::kAdd: r = FpAdd(a, b, f, fpcr, fpsr); break;
    case Pair::kMax: r = FpMax(a, b, f, fpcr, fpsr); break;
    case Pair::kMin: r = FpMin(a, b, f, fpcr, fpsr); break;
    case Pair::kMaxNum: r = FpMaxNum(a, b, f, fpcr, fpsr); break;
    case Pair::kMinNum: r = FpMinNum(a, b, f, fpcr, fpsr); break;
  }
  WriteScalar(c, Rd(w), size, r);
  return ExecStatus::kNext;
}

enum class ElemOp { kMul, kMla, kMls, kMulX };

// FMUL/FMLA/FMLS/FMULX (by element): Rm = M:Rm; index = H:L (single) or H
// (double; L == 1 is reserved and rejected by the table).
template <ElemOp K>
ExecStatus ExecByElement(Cpu& c, uint32_t w) {
  const unsigned size = ESize(w);
  const FpFormat f = Fmt(w);
  const unsigned index = IsDouble(w) ? Bit(w, 11) : (Bit(w, 11) << 1 | Bit(w, 21));
  const uint64_t e2 = simd::GetLane(c.st.v[Bits(w, 20, 16)], size, index);
  const uint64_t e1 = ReadElem(c, Rn(w), size);
  const uint32_t fpcr = c.st.fpcr;
  uint32_t& fpsr = c.st.fpsr;
  uint64_t r = 0;
  switch (K) {
    case ElemOp::kMul: r = FpMul(e1, e2, f, fpcr, fpsr); break;
    case ElemOp::kMulX: r = FpMulX(e1, e2, f, fpcr, fpsr); break;
    case ElemOp::kMla: r = FpMulAdd(ReadElem(c, Rd(w), size), e1, e2, f, fpcr, fpsr); break;
    case ElemOp::kMls:
      r = FpMulAdd(ReadElem(c, Rd(w), size), FpNeg(e1, f), e2, f, fpcr, fpsr);
      break;
  }
  WriteScalar(c, Rd(w), size, r);
  return ExecStatus::kNext;
}

}  // namespace

void RegisterSimdScalarFpArith(ExecTable& t) {
  t.Set(Op::FMULX_asisdsame_only, &ExecThreeSame<Kind::kMulX>);
  t.Set(Op::FABD_asisdsame_only, &ExecThreeSame<Kind::kAbd>);
  t.Set(Op::FRECPS_asisdsame_only, &ExecThreeSame<Kind::kRecps>);
  t.Set(Op::FRSQRTS_asisdsame_only, &ExecThreeSame<Kind::kRsqrts>);
  t.Set(Op::FCMEQ_asisdsame_only, &ExecThreeSame<Kind::kCmeq>);
  t.Set(Op::FCMGE_asisdsame_only, &ExecThreeSame<Kind::kCmge>);
  t.Set(Op::FCMGT_asisdsame_only, &ExecThreeSame<Kind::kCmgt>);
  t.Set(Op::FACGE_asisdsame_only, &ExecThreeSame<Kind::kAcge>);
  t.Set(Op::FACGT_asisdsame_only, &ExecThreeSame<Kind::kAcgt>);
  t.Set(Op::FCMGT_asisdmisc_FZ, &ExecCompareZero<ZeroCmp::kGt>);
  t.Set(Op::FCMEQ_asisdmisc_FZ, &ExecCompareZero<ZeroCmp::kEq>);
  t.Set(Op::FCMLT_asisdmisc_FZ, &ExecCompareZero<ZeroCmp::kLt>);
  t.Set(Op::FCMGE_asisdmisc_FZ, &ExecCompareZero<ZeroCmp::kGe>);
  t.Set(Op::FCMLE_asisdmisc_FZ, &ExecCompareZero<ZeroCmp::kLe>);
  t.Set(Op::FADDP_asisdpair_only_SD, &ExecPairwise<Pair::kAdd>);
  t.Set(Op::FMAXP_asisdpair_only_SD, &ExecPairwise<Pair::kMax>);
  t.Set(Op::FMINP_asisdpair_only_SD, &ExecPairwise<Pair::kMin>);
  t.Set(Op::FMAXNMP_asisdpair_only_SD, &ExecPairwise<Pair::kMaxNum>);
  t.Set(Op::FMINNMP_asisdpair_only_SD, &ExecPairwise<Pair::kMinNum>);
  t.Set(Op::FMUL_asisdelem_R_SD, &ExecByElement<ElemOp::kMul>);
  t.Set(Op::FMLA_asisdelem_R_SD, &ExecByElement<ElemOp::kMla>);
  t.Set(Op::FMLS_asisdelem_R_SD, &ExecByElement<ElemOp::kMls>);
  t.Set(Op::FMULX_asisdelem_R_SD, &ExecByElement<ElemOp::kMulX>);
}

}  // namespace a64
