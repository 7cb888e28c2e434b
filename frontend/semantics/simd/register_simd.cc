// Registration of the Advanced SIMD vector and structure load/store semantics
// (frontend/semantics/simd_*.cc). Encodings not registered stay UNDEFINED.
#include "frontend/semantics/dispatch.h"

namespace a64 {

void RegisterSimdImmediate(ExecTable& t);  // simd_immediate.cc
void RegisterSimdCopy(ExecTable& t);       // simd_copy.cc
void RegisterSimdThreeSame(ExecTable& t);  // simd_three_same.cc
void RegisterSimdMisc(ExecTable& t);       // simd_misc.cc
void RegisterSimdShift(ExecTable& t);      // simd_shift.cc
void RegisterSimdPermute(ExecTable& t);    // simd_permute.cc
void RegisterSimdStructure(ExecTable& t);  // simd_structure.cc
void RegisterSimdIntSame(ExecTable& t);    // simd_int_same.cc
void RegisterSimdIntLong(ExecTable& t);    // simd_int_long.cc
void RegisterSimdIntElem(ExecTable& t);    // simd_int_elem.cc
void RegisterSimdIntMisc(ExecTable& t);    // simd_int_misc.cc
void RegisterSimdIntShiftSat(ExecTable& t);  // simd_int_shift_sat.cc

void RegisterSimd(ExecTable& t) {
  RegisterSimdImmediate(t);
  RegisterSimdCopy(t);
  RegisterSimdThreeSame(t);
  RegisterSimdMisc(t);
  RegisterSimdShift(t);
  RegisterSimdPermute(t);
  RegisterSimdStructure(t);
  RegisterSimdIntSame(t);
  RegisterSimdIntLong(t);
  RegisterSimdIntElem(t);
  RegisterSimdIntMisc(t);
  RegisterSimdIntShiftSat(t);
}

}  // namespace a64
