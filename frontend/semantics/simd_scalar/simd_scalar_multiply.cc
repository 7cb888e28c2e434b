// Advanced SIMD scalar three different and the integer scalar x indexed
// element forms (ARM ARM C4.1.95, C7.2): SQDMULL/SQDMLAL/SQDMLSL (register and
// by element), SQDMULH/SQRDMULH/SQRDMLAH/SQRDMLSH (by element).
#include "frontend/semantics/dispatch.h"
#include "frontend/semantics/simd_scalar/simd_scalar_common.h"

namespace a64 {
namespace {

using namespace sisd;

// Second operand: V[m] element 0 (three different), or the indexed element of
// the x indexed element class: size 01 uses Rm<3:0> and index H:L:M, size 10
// uses M:Rm and index H:L.
int64_t SecondOperand(const Cpu& c, uint32_t w, bool by_element) {
  const unsigned size = Size(w);
  if (!by_element) return ReadElemS(c, Rm(w), size);
  const unsigned hl = Bit(w, 11) << 1 | Bit(w, 21);
  unsigned m, index;
  if (size == 1) {
    m = Bits(w, 19, 16);
    index = hl << 1 | Bit(w, 20);
  } else {
    m = Bits(w, 20, 16);
    index = hl;
  }
  return simd::GetLaneS(c.st.v[m], size, index);
}

// SQDMULL/SQDMLAL/SQDMLSL: product = SignedSatQ(2 * e1 * e2, 2*esize); the
// accumulating forms then SignedSatQ(Vd +/- product, 2*esize). FPSR.QC is set
// if either saturates.
template <bool kByElement, int kAccumulate>
ExecStatus ExecSatDoublingMulLong(Cpu& c, uint32_t w) {
  const unsigned size = Size(w), esize = 8u << size;
  const Int128 e1 = ReadElemS(c, Rn(w), size), e2 = SecondOperand(c, w, kByElement);
  uint64_t r = SatQ(c, 2 * e1 * e2, 2 * esize, false);
  if (kAccumulate != 0) {
    const Int128 product = SignExtend(r, 2 * esize);
    const Int128 acc = ReadInt(c, Rd(w), size + 1, false);
    r = SatQ(c, kAccumulate > 0 ? acc + product : acc - product, 2 * esize, false);
  }
  WriteScalar(c, Rd(w), size + 1, r);
  return ExecStatus::kNext;
}

// SQDMULH/SQRDMULH/SQRDMLAH/SQRDMLSH (by element).
template <bool kRound, int kAccumulate>
ExecStatus ExecDoublingMulHighElem(Cpu& c, uint32_t w) {
  const unsigned size = Size(w);
  const uint64_t r = SatDoublingMulHigh(c, ReadElemS(c, Rn(w), size), SecondOperand(c, w, true),
                                        8u << size, kRound, kAccumulate, ReadElemS(c, Rd(w), size));
  WriteScalar(c, Rd(w), size, r);
  return ExecStatus::kNext;
}

}  // namespace

void RegisterSimdScalarMultiply(ExecTable& t) {
  t.Set(Op::SQDMULL_asisddiff_only, &ExecSatDoublingMulLong<false, 0>);
  t.Set(Op::SQDMLAL_asisddiff_only, &ExecSatDoublingMulLong<false, 1>);
  t.Set(Op::SQDMLSL_asisddiff_only, &ExecSatDoublingMulLong<false, -1>);
  t.Set(Op::SQDMULL_asisdelem_L, &ExecSatDoublingMulLong<true, 0>);
  t.Set(Op::SQDMLAL_asisdelem_L, &ExecSatDoublingMulLong<true, 1>);
  t.Set(Op::SQDMLSL_asisdelem_L, &ExecSatDoublingMulLong<true, -1>);
  t.Set(Op::SQDMULH_asisdelem_R, &ExecDoublingMulHighElem<false, 0>);
  t.Set(Op::SQRDMULH_asisdelem_R, &ExecDoublingMulHighElem<true, 0>);
  t.Set(Op::SQRDMLAH_asisdelem_R, &ExecDoublingMulHighElem<true, 1>);
  t.Set(Op::SQRDMLSH_asisdelem_R, &ExecDoublingMulHighElem<true, -1>);
}

}  // namespace a64
