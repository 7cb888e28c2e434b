// Advanced SIMD vector floating-point conversions (ARM ARM C4.1.97, C4.1.99,
// C7.2): FCVT[NPMZA][SU] and SCVTF/UCVTF (two-register misc), their
// fixed-point forms FCVTZS/FCVTZU/SCVTF/UCVTF #fbits (shift by immediate),
// and the precision changes FCVTL{2}, FCVTN{2}, FCVTXN{2}.
#include "frontend/semantics/dispatch.h"
#include "frontend/semantics/simd_fp/simd_fp_common.h"

namespace a64 {
namespace {

using namespace vfp;

// FPToFixed(element, 0, unsigned, fpcr, rounding) into an esize-bit integer.
template <FpRounding R, bool kUnsigned>
ExecStatus ExecFpToInt(Cpu& c, uint32_t w) {
  const unsigned size = SzSize(w);
  const VReg n = c.st.v[Rn(w)];
  ForEachLane(c, w, size, [&](unsigned e) {
    return FpToFixed(GetLane(n, size, e), FmtOfSize(size), 0, kUnsigned, 8u << size, c.st.fpcr,
                     R, c.st.fpsr);
  });
  return ExecStatus::kNext;
}

// SCVTF/UCVTF (vector, integer): FixedToFP(element, 0, unsigned, fpcr,
// FPRoundingMode(fpcr)).
template <bool kUnsigned>
ExecStatus ExecIntToFp(Cpu& c, uint32_t w) {
  const unsigned size = SzSize(w);
  const VReg n = c.st.v[Rn(w)];
  ForEachLane(c, w, size, [&](unsigned e) {
    return FixedToFp(GetLane(n, size, e), 8u << size, 0, kUnsigned, FmtOfSize(size), c.st.fpcr,
                     FpcrRounding(c.st.fpcr), c.st.fpsr);
  });
  return ExecStatus::kNext;
}

// Shift by immediate fixed-point forms: immh 01xx is single, 1xxx double
// (001x, half precision, is rejected by the table); fracbits = (esize * 2) -
// UInt(immh:immb).
unsigned ImmhFpSize(uint32_t w) { return Bit(w, 22) ? 3 : 2; }
unsigned FracBits(uint32_t w) { return (16u << ImmhFpSize(w)) - Bits(w, 22, 16); }

// FCVTZS/FCVTZU (vector, fixed-point): FPToFixed with FPRounding_ZERO.
template <bool kUnsigned>
ExecStatus ExecFpToFixed(Cpu& c, uint32_t w) {
  const unsigned size = ImmhFpSize(w), fbits = FracBits(w);
  const VReg n = c.st.v[Rn(w)];
  ForEachLane(c, w, size, [&](unsigned e) {
    return FpToFixed(GetLane(n, size, e), FmtOfSize(size), fbits, kUnsigned, 8u << size,
                     c.st.fpcr, FpRounding::kZero, c.st.fpsr);
  });
  return ExecStatus::kNext;
}

// SCVTF/UCVTF (vector, fixed-point): FixedToFP with FPRoundingMode(fpcr).
template <bool kUnsigned>
ExecStatus ExecFixedToFp(Cpu& c, uint32_t w) {
  const unsigned size = ImmhFpSize(w), fbits = FracBits(w);
  const VReg n = c.st.v[Rn(w)];
  ForEachLane(c, w, size, [&](unsigned e) {
    return FixedToFp(GetLane(n, size, e), 8u << size, fbits, kUnsigned, FmtOfSize(size),
                     c.st.fpcr, FpcrRounding(c.st.fpcr), c.st.fpsr);
  });
  return ExecStatus::kNext;
}

// FPConvert(op, FPCR) between the lane formats of size `from` and `to`
// (FpConvert honours FPCR.AHP for the half-precision side).
uint64_t Convert(Cpu& c, uint64_t op, unsigned from, unsigned to) {
  return FpConvert(op, FmtOfSize(from), FmtOfSize(to), c.st.fpcr, FpcrRounding(c.st.fpcr),
                   c.st.fpsr);
}

// FCVTL{2}: Vpart[n, Q] (the low or high 64 bits) widened:
// Elem[result, e, 2 * esize] = FPConvert(Elem[operand, e, esize], FPCR).
// sz 0: half to single; sz 1: single to double.
ExecStatus ExecFcvtl(Cpu& c, uint32_t w) {
  const unsigned size = Bit(w, 22) ? 2 : 1;
  const VReg n = c.st.v[Rn(w)];
  const unsigned base = Q(w) ? 64u >> (size + 3) : 0;  // first lane of the part
  VReg r{};
  for (unsigned e = 0; e < (64u >> (size + 3)); ++e)
    SetLane(r, size + 1, e, Convert(c, GetLane(n, size, base + e), size, size + 1));
  WriteV128(c, Rd(w), r.d[0], r.d[1]);
  return ExecStatus::kNext;
}

// Vpart[d, part] = result (64 bits): part 0 writes the low half and clears
// the high half; part 1 (the "2" forms) writes the high half only.
void WritePart(Cpu& c, unsigned d, bool part, uint64_t x) {
  if (part) WriteV128(c, d, c.st.v[d].d[0], x);
  else WriteVLow64(c, d, x);
}

// FPConvert with FPRounding_ODD (FCVTXN): truncation, then the lowest
// mantissa bit forced to 1 when the result is inexact. Its overflow (largest
// normal) and underflow behaviour equal those of rounding towards zero.
uint64_t FpConvertRoundOdd(uint64_t op, FpFormat from, FpFormat to, uint32_t fpcr,
                           uint32_t& fpsr) {
  uint32_t flags = 0;
  uint64_t r = FpConvert(op, from, to, fpcr, FpRounding::kZero, flags);
  if (flags & kFpsrIXC) r |= 1;
  fpsr |= flags;
  return r;
}

// FCVTN{2} / FCVTXN{2}: Elem[result, e, esize] = FPConvert(Elem[V[n], e,
// 2 * esize]); sz 0: single to half, sz 1: double to single (FCVTXN: sz 1
// only, rounding to odd).
template <bool kRoundOdd>
ExecStatus ExecFcvtn(Cpu& c, uint32_t w) {
  const unsigned size = Bit(w, 22) ? 2 : 1;  // narrow element size
  const VReg n = c.st.v[Rn(w)];
  const FpFormat from = FmtOfSize(size + 1), to = FmtOfSize(size);
  VReg r{};
  for (unsigned e = 0; e < (64u >> (size + 3)); ++e) {
    const uint64_t x = GetLane(n, size + 1, e);
    SetLane(r, size, e,
            kRoundOdd ? FpConvertRoundOdd(x, from, to, c.st.fpcr, c.st.fpsr)
                      : Convert(c, x, size + 1, size));
  }
  WritePart(c, Rd(w), Q(w), r.d[0]);
  return ExecStatus::kNext;
}

}  // namespace

void RegisterSimdFpConvert(ExecTable& t) {
  t.Set(Op::FCVTNS_asimdmisc_R, &ExecFpToInt<FpRounding::kTieEven, false>);
  t.Set(Op::FCVTNU_asimdmisc_R, &ExecFpToInt<FpRounding::kTieEven, true>);
  t.Set(Op::FCVTPS_asimdmisc_R, &ExecFpToInt<FpRounding::kPosInf, false>);
  t.Set(Op::FCVTPU_asimdmisc_R, &ExecFpToInt<FpRounding::kPosInf, true>);
  t.Set(Op::FCVTMS_asimdmisc_R, &ExecFpToInt<FpRounding::kNegInf, false>);
  t.Set(Op::FCVTMU_asimdmisc_R, &ExecFpToInt<FpRounding::kNegInf, true>);
  t.Set(Op::FCVTZS_asimdmisc_R, &ExecFpToInt<FpRounding::kZero, false>);
  t.Set(Op::FCVTZU_asimdmisc_R, &ExecFpToInt<FpRounding::kZero, true>);
  t.Set(Op::FCVTAS_asimdmisc_R, &ExecFpToInt<FpRounding::kTieAway, false>);
  t.Set(Op::FCVTAU_asimdmisc_R, &ExecFpToInt<FpRounding::kTieAway, true>);
  t.Set(Op::SCVTF_asimdmisc_R, &ExecIntToFp<false>);
  t.Set(Op::UCVTF_asimdmisc_R, &ExecIntToFp<true>);
  t.Set(Op::FCVTZS_asimdshf_C, &ExecFpToFixed<false>);
  t.Set(Op::FCVTZU_asimdshf_C, &ExecFpToFixed<true>);
  t.Set(Op::SCVTF_asimdshf_C, &ExecFixedToFp<false>);
  t.Set(Op::UCVTF_asimdshf_C, &ExecFixedToFp<true>);
  t.Set(Op::FCVTL_asimdmisc_L, &ExecFcvtl);
  t.Set(Op::FCVTN_asimdmisc_N, &ExecFcvtn<false>);
  t.Set(Op::FCVTXN_asimdmisc_N, &ExecFcvtn<true>);
}

}  // namespace a64
