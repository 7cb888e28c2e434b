// Registration of the Advanced SIMD scalar semantics
// (frontend/semantics/simd_scalar_*.cc). Encodings not registered stay
// UNDEFINED.
#include "frontend/semantics/dispatch.h"

namespace a64 {

void RegisterSimdScalarShift(ExecTable& t);      // simd_scalar_shift.cc
void RegisterSimdScalarThreeSame(ExecTable& t);  // simd_scalar_three_same.cc
void RegisterSimdScalarMisc(ExecTable& t);       // simd_scalar_misc.cc
void RegisterSimdScalarMultiply(ExecTable& t);   // simd_scalar_multiply.cc
void RegisterSimdScalarFpArith(ExecTable& t);    // simd_scalar_fp_arith.cc
void RegisterSimdScalarFpConvert(ExecTable& t);  // simd_scalar_fp_convert.cc
void RegisterSimdScalarFpEstimate(ExecTable& t); // simd_scalar_fp_estimate.cc

// Advanced SIMD scalar classes (ARM ARM C4.1, op0 01x11110).
void RegisterSimdScalar(ExecTable& t) {
  RegisterSimdScalarShift(t);
  RegisterSimdScalarThreeSame(t);
  RegisterSimdScalarMisc(t);
  RegisterSimdScalarMultiply(t);
  RegisterSimdScalarFpArith(t);
  RegisterSimdScalarFpConvert(t);
  RegisterSimdScalarFpEstimate(t);
}

}  // namespace a64
