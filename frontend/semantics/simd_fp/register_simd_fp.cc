// Registration of the Advanced SIMD vector floating-point semantics
// (frontend/semantics/simd_fp_*.cc). Encodings not registered stay UNDEFINED.
#include "frontend/semantics/dispatch.h"

namespace a64 {

void RegisterSimdFpThreeSame(ExecTable& t);  // simd_fp_three_same.cc
void RegisterSimdFpMisc(ExecTable& t);       // simd_fp_misc.cc
void RegisterSimdFpConvert(ExecTable& t);    // simd_fp_convert.cc
void RegisterSimdFpElem(ExecTable& t);       // simd_fp_elem.cc
void RegisterSimdFpAcross(ExecTable& t);     // simd_fp_across.cc
void RegisterSimdFpComplex(ExecTable& t);    // simd_fp_complex.cc

// Advanced SIMD vector floating-point instructions.
void RegisterSimdFp(ExecTable& t) {
  RegisterSimdFpThreeSame(t);
  RegisterSimdFpMisc(t);
  RegisterSimdFpConvert(t);
  RegisterSimdFpElem(t);
  RegisterSimdFpAcross(t);
  RegisterSimdFpComplex(t);
}

}  // namespace a64
