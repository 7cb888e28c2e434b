// Advanced SIMD complex-number arithmetic (FEAT_FCMA, ARMv8.3; ARM ARM C7.2):
// FCMLA (vector), FCMLA (by element) and FCADD, single and double precision.
// Elements come in (real, imaginary) pairs: lanes 2e and 2e+1.
#include "frontend/semantics/dispatch.h"
#include "frontend/semantics/simd_fp/simd_fp_common.h"

namespace a64 {
namespace {

using namespace vfp;

// One FCMLA pair (ARM ARM FCMLA pseudocode): with rot selecting which parts
// of operand1 (Vn, pair e) and operand2 (Vm, pair j: e for the vector form,
// the index for the by-element form) are multiplied and which products are
// negated (FPNeg, so a NaN from Vm propagates with its sign inverted):
//   Elem[result, 2e]   = FPMulAdd(Elem[operand3, 2e],   element2, element1)
//   Elem[result, 2e+1] = FPMulAdd(Elem[operand3, 2e+1], element4, element3)
void FcmlaPair(VReg& r, const VReg& op1, const VReg& op2, const VReg& op3, unsigned size,
               unsigned e, unsigned j, unsigned rot, uint32_t fpcr, uint32_t& fpsr) {
  const FpFormat f = FmtOfSize(size);
  const uint64_t re2 = GetLane(op2, size, 2 * j), im2 = GetLane(op2, size, 2 * j + 1);
  uint64_t element1, element2, element3;
  switch (rot) {
    case 0:  // #0
      element1 = re2;
      element2 = GetLane(op1, size, 2 * e);
      element3 = im2;
      break;
    case 1:  // #90
      element1 = FpNeg(im2, f);
      element2 = GetLane(op1, size, 2 * e + 1);
      element3 = re2;
      break;
    case 2:  // #180
      element1 = FpNeg(re2, f);
      element2 = GetLane(op1, size, 2 * e);
      element3 = FpNeg(im2, f);
      break;
    default:  // #270
      element1 = im2;
      element2 = GetLane(op1, size, 2 * e + 1);
      element3 = FpNeg(re2, f);
      break;
  }
  const uint64_t element4 = element2;
  SetLane(r, size, 2 * e,
          FpMulAdd(GetLane(op3, size, 2 * e), element2, element1, f, fpcr, fpsr));
  SetLane(r, size, 2 * e + 1,
          FpMulAdd(GetLane(op3, size, 2 * e + 1), element4, element3, f, fpcr, fpsr));
}

// size (bits 23:22) 10: single, 11: double (the table rejects the rest).
unsigned ComplexSize(uint32_t w) { return Bits(w, 23, 22); }

// FCMLA (vector): rot = bits 12:11.
ExecStatus ExecFcmlaVector(Cpu& c, uint32_t w) {
  const unsigned size = ComplexSize(w);
  const VReg op1 = c.st.v[Rn(w)], op2 = c.st.v[Rm(w)], op3 = c.st.v[Rd(w)];
  VReg r{};
  for (unsigned e = 0; e < Lanes(Q(w), size) / 2; ++e)
    FcmlaPair(r, op1, op2, op3, size, e, e, Bits(w, 12, 11), c.st.fpcr, c.st.fpsr);
  simd::WriteVec(c, Rd(w), r, Q(w));
  return ExecStatus::kNext;
}

// FCMLA (by element), .4s only here: index = H, Rm = M:Rm, rot = bits 14:13.
ExecStatus ExecFcmlaElement(Cpu& c, uint32_t w) {
  const unsigned size = ComplexSize(w);
  const VReg op1 = c.st.v[Rn(w)], op2 = c.st.v[Bits(w, 20, 16)], op3 = c.st.v[Rd(w)];
  const unsigned index = Bit(w, 11);
  VReg r{};
  for (unsigned e = 0; e < Lanes(Q(w), size) / 2; ++e)
    FcmlaPair(r, op1, op2, op3, size, e, index, Bits(w, 14, 13), c.st.fpcr, c.st.fpsr);
  simd::WriteVec(c, Rd(w), r, Q(w));
  return ExecStatus::kNext;
}

// FCADD: rot (bit 12) 0 is #90, 1 is #270:
//   Elem[result, 2e]   = FPAdd(Elem[operand1, 2e],   -/+ Elem[operand2, 2e+1])
//   Elem[result, 2e+1] = FPAdd(Elem[operand1, 2e+1], +/- Elem[operand2, 2e])
// with the negation done by FPNeg on the operand2 element.
ExecStatus ExecFcadd(Cpu& c, uint32_t w) {
  const unsigned size = ComplexSize(w);
  const FpFormat f = FmtOfSize(size);
  const VReg op1 = c.st.v[Rn(w)], op2 = c.st.v[Rm(w)];
  const bool rot270 = Bit(w, 12);
  VReg r{};
  for (unsigned e = 0; e < Lanes(Q(w), size) / 2; ++e) {
    const uint64_t re2 = GetLane(op2, size, 2 * e), im2 = GetLane(op2, size, 2 * e + 1);
    const uint64_t element1 = rot270 ? im2 : FpNeg(im2, f);
    const uint64_t element3 = rot270 ? FpNeg(re2, f) : re2;
    SetLane(r, size, 2 * e, FpAdd(GetLane(op1, size, 2 * e), element1, f, c.st.fpcr, c.st.fpsr));
    SetLane(r, size, 2 * e + 1,
            FpAdd(GetLane(op1, size, 2 * e + 1), element3, f, c.st.fpcr, c.st.fpsr));
  }
  simd::WriteVec(c, Rd(w), r, Q(w));
  return ExecStatus::kNext;
}

}  // namespace

void RegisterSimdFpComplex(ExecTable& t) {
  t.Set(Op::FCMLA_asimdsame2_C, &ExecFcmlaVector);
  t.Set(Op::FCMLA_asimdelem_C_S, &ExecFcmlaElement);
  t.Set(Op::FCADD_asimdsame2_C, &ExecFcadd);
}

}  // namespace a64
