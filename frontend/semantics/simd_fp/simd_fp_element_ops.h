// Element operations of the Advanced SIMD floating-point instructions that
// the scalar (simd_scalar_fp_*.cc) and vector (simd_fp_*.cc) forms share:
// one element in, one element out, same conventions as fp_arith.h (raw bit
// patterns, FPCR in, FPSR flags ORed). FpMulX, FpStepFused and the
// estimates are defined in simd_scalar_fp_arith.cc and
// simd_scalar_fp_estimate.cc; the rest is inline here.
#pragma once

#include <cstdint>

#include "frontend/bits.h"
#include "frontend/semantics/fp/fp_arith.h"

namespace a64 {

// FPMulX (FMULX): FPMul except that infinity * zero gives +/-2.0.
uint64_t FpMulX(uint64_t op1, uint64_t op2, FpFormat f, uint32_t fpcr, uint32_t& fpsr);
// FPRecipStepFused (rsqrt false, FRECPS) / FPRSqrtStepFused (rsqrt true,
// FRSQRTS).
uint64_t FpStepFused(bool rsqrt, uint64_t op1, uint64_t op2, FpFormat f, uint32_t fpcr,
                     uint32_t& fpsr);
// FPRecipEstimate (FRECPE), FPRSqrtEstimate (FRSQRTE), FPRecpX (FRECPX).
uint64_t FpRecipEstimate(uint64_t op, FpFormat f, uint32_t fpcr, uint32_t& fpsr);
uint64_t FpRSqrtEstimate(uint64_t op, FpFormat f, uint32_t fpcr, uint32_t& fpsr);
uint64_t FpRecpX(uint64_t op, FpFormat f, uint32_t fpcr, uint32_t& fpsr);

namespace vfp {

// FPNeg / FPAbs (FPCR.AH == 0): sign bit only, NaNs included, no flags.
inline uint64_t FpNeg(uint64_t x, FpFormat f) { return x ^ (1ull << (f.n - 1)); }
inline uint64_t FpAbs(uint64_t x, FpFormat f) { return x & ~(1ull << (f.n - 1)); }

// The two-operand element operations (three same, pairwise, by element).
enum class FpBinOp {
  kAdd, kSub, kMul, kDiv, kMla, kMls, kMax, kMin, kMaxNum, kMinNum, kAbd, kMulX, kRecps,
  kRsqrts, kCmeq, kCmge, kCmgt, kAcge, kAcgt
};

// FCMEQ/FCMGE/FCMGT/FACGE/FACGT (register). FPCompareEQ is quiet (Invalid
// Operation for signalling NaNs only); FPCompareGE/GT signal on any NaN.
// FpCompare returns NZCV: 0110 equal, 1000 less, 0010 greater, 0011
// unordered. FACGE/FACGT compare FPAbs values.
inline bool FpCompareElement(FpBinOp k, uint64_t a, uint64_t b, FpFormat f, uint32_t fpcr,
                             uint32_t& fpsr) {
  if (k == FpBinOp::kAcge || k == FpBinOp::kAcgt) {
    a = FpAbs(a, f);
    b = FpAbs(b, f);
  }
  const uint32_t nzcv = FpCompare(a, b, k != FpBinOp::kCmeq, f, fpcr, fpsr);
  switch (k) {
    case FpBinOp::kCmeq: return nzcv == 0b0110;
    case FpBinOp::kCmge:
    case FpBinOp::kAcge: return nzcv == 0b0110 || nzcv == 0b0010;
    default: return nzcv == 0b0010;
  }
}

// One element: `acc` is the destination element for FMLA/FMLS
// (FPMulAdd(acc, a, b), with a negated by FPNeg for FMLS, so a NaN a
// propagates negated); the compares give all ones or zero.
inline uint64_t FpBinElement(FpBinOp k, uint64_t a, uint64_t b, uint64_t acc, FpFormat f,
                             uint32_t fpcr, uint32_t& fpsr) {
  switch (k) {
    case FpBinOp::kAdd: return FpAdd(a, b, f, fpcr, fpsr);
    case FpBinOp::kSub: return FpSub(a, b, f, fpcr, fpsr);
    case FpBinOp::kMul: return FpMul(a, b, f, fpcr, fpsr);
    case FpBinOp::kDiv: return FpDiv(a, b, f, fpcr, fpsr);
    case FpBinOp::kMla: return FpMulAdd(acc, a, b, f, fpcr, fpsr);
    case FpBinOp::kMls: return FpMulAdd(acc, FpNeg(a, f), b, f, fpcr, fpsr);
    case FpBinOp::kMax: return FpMax(a, b, f, fpcr, fpsr);
    case FpBinOp::kMin: return FpMin(a, b, f, fpcr, fpsr);
    case FpBinOp::kMaxNum: return FpMaxNum(a, b, f, fpcr, fpsr);
    case FpBinOp::kMinNum: return FpMinNum(a, b, f, fpcr, fpsr);
    case FpBinOp::kAbd: return FpAbs(FpSub(a, b, f, fpcr, fpsr), f);
    case FpBinOp::kMulX: return FpMulX(a, b, f, fpcr, fpsr);
    case FpBinOp::kRecps: return FpStepFused(false, a, b, f, fpcr, fpsr);
    case FpBinOp::kRsqrts: return FpStepFused(true, a, b, f, fpcr, fpsr);
    default: return FpCompareElement(k, a, b, f, fpcr, fpsr) ? Ones(f.n) : 0;
  }
}

// FCMxx (zero): the element compared with +0.0. FCMLT/FCMLE are
// FPCompareGT/GE(zero, element); only FCMEQ is quiet. All ones or zero.
enum class FpZeroCmp { kGt, kEq, kLt, kGe, kLe };

inline uint64_t FpCompareZeroElement(FpZeroCmp k, uint64_t x, FpFormat f, uint32_t fpcr,
                                     uint32_t& fpsr) {
  const uint32_t nzcv = FpCompare(x, FpZero(false, f), k != FpZeroCmp::kEq, f, fpcr, fpsr);
  bool r = false;
  switch (k) {
    case FpZeroCmp::kGt: r = nzcv == 0b0010; break;
    case FpZeroCmp::kEq: r = nzcv == 0b0110; break;
    case FpZeroCmp::kLt: r = nzcv == 0b1000; break;
    case FpZeroCmp::kGe: r = nzcv == 0b0010 || nzcv == 0b0110; break;
    case FpZeroCmp::kLe: r = nzcv == 0b1000 || nzcv == 0b0110; break;
  }
  return r ? Ones(f.n) : 0;
}

}  // namespace vfp
}  // namespace a64
