// Element operations of the Advanced SIMD floating-point instructions that
// the scalar (simd_scalar_fp_*.cc) and vector (simd_fp_*.cc) forms share.
// Defined in simd_scalar_fp_arith.cc and simd_scalar_fp_estimate.cc; same
// conventions as fp_arith.h (raw bit patterns, FPCR in, FPSR flags ORed).
#pragma once

#include <cstdint>

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

}  // namespace a64
