// Advanced SIMD two-register miscellaneous (integer subset) and across lanes
// (integer): compares with zero, ABS, NEG, NOT, CNT, CLZ, CLS, RBIT, REV16/32/64,
// XTN{2}, SADDLP/UADDLP/SADALP/UADALP, ADDV, SMAXV/SMINV/UMAXV/UMINV,
// SADDLV/UADDLV (ARM ARM C4.1.97, C4.1.98, C7.2). The saturating forms, SHLL
// and URECPE/URSQRTE are in simd_int_misc.cc.
#include <bit>

#include "frontend/semantics/dispatch.h"
#include "frontend/semantics/simd/simd_lanes.h"

namespace a64 {
namespace {

using namespace simd;

enum class Un { kCmgt0, kCmeq0, kCmlt0, kCmge0, kCmle0, kAbs, kNeg, kNot, kCnt, kClz, kCls, kRbit };

uint64_t UnOp(Un k, uint64_t a, unsigned size) {
  const unsigned esize = 8u << size;
  const int64_t s = SignExtend(a, esize);
  const uint64_t ones = Ones(esize);
  switch (k) {
    case Un::kCmgt0: return s > 0 ? ones : 0;
    case Un::kCmeq0: return s == 0 ? ones : 0;
    case Un::kCmlt0: return s < 0 ? ones : 0;
    case Un::kCmge0: return s >= 0 ? ones : 0;
    case Un::kCmle0: return s <= 0 ? ones : 0;
    case Un::kAbs: return (s < 0 ? 0 - a : a) & ones;
    case Un::kNeg: return (0 - a) & ones;
    case Un::kNot: return ~a & ones;
    case Un::kCnt: return std::popcount(a);
    // CountLeadingZeroBits / CountLeadingSignBits of the esize-bit lane.
    case Un::kClz: return std::countl_zero(a) - (64 - esize);
    case Un::kCls: return std::countl_zero((a ^ (a >> 1)) & (ones >> 1)) - (64 - esize + 1);
    case Un::kRbit: {
      uint64_t r = 0;
      for (unsigned i = 0; i < esize; ++i) r |= (a >> i & 1) << (esize - 1 - i);
      return r;
    }
  }
  return 0;
}

template <Un K>
ExecStatus ExecUnary(Cpu& c, uint32_t w) {
  // RBIT (vector) is encoded with size 01 but operates on bytes.
  const unsigned size = K == Un::kRbit ? 0 : Size(w);
  const VReg n = c.st.v[Rn(w)];
  ForEachLane(c, w, size, [&](unsigned i) { return UnOp(K, GetLane(n, size, i), size); });
  return ExecStatus::kNext;
}

// REV16/REV32/REV64: reverse the esize-bit elements within each container of
// kContainerBits (16, 32 or 64) bits: lane i moves to lane i XOR (n - 1).
template <unsigned kContainerBits>
ExecStatus ExecRev(Cpu& c, uint32_t w) {
  const unsigned size = Size(w);
  const unsigned per_container = kContainerBits / (8u << size);
  const VReg n = c.st.v[Rn(w)];
  VReg r{};
  for (unsigned i = 0; i < Lanes(Q(w), size); ++i)
    SetLane(r, size, i ^ (per_container - 1), GetLane(n, size, i));
  WriteVec(c, Rd(w), r, Q(w));
  return ExecStatus::kNext;
}

// XTN{2}: Vpart[d, Q] = the low halves of the 2*esize lanes of Vn. XTN2 keeps
// the low 64 bits of Vd; XTN clears the upper 64.
ExecStatus ExecXtn(Cpu& c, uint32_t w) {
  const unsigned size = Size(w);
  const VReg n = c.st.v[Rn(w)];
  VReg part{};
  for (unsigned i = 0; i < Lanes(false, size); ++i) SetLane(part, size, i, GetLane(n, size + 1, i));
  if (Q(w)) WriteV128(c, Rd(w), c.st.v[Rd(w)].d[0], part.d[0]);
  else WriteVLow64(c, Rd(w), part.d[0]);
  return ExecStatus::kNext;
}

// SADDLP/UADDLP (kAccumulate: SADALP/UADALP): 2*esize lanes = sum of adjacent
// esize lanes, extended per kSigned.
template <bool kSigned, bool kAccumulate>
ExecStatus ExecAddLongPairwise(Cpu& c, uint32_t w) {
  const unsigned size = Size(w);
  const VReg n = c.st.v[Rn(w)], d = c.st.v[Rd(w)];
  VReg r{};
  for (unsigned i = 0; i < Lanes(Q(w), size + 1); ++i) {
    uint64_t sum = kSigned ? static_cast<uint64_t>(simd::GetLaneS(n, size, 2 * i) + simd::GetLaneS(n, size, 2 * i + 1))
                           : GetLane(n, size, 2 * i) + GetLane(n, size, 2 * i + 1);
    if (kAccumulate) sum += GetLane(d, size + 1, i);
    SetLane(r, size + 1, i, sum);
  }
  WriteVec(c, Rd(w), r, Q(w));
  return ExecStatus::kNext;
}

enum class Across { kAdd, kSmax, kSmin, kUmax, kUmin, kSaddl, kUaddl };

// The scalar result (esize, or 2*esize for the long sums) is written to V[d]
// with every higher bit cleared.
template <Across K>
ExecStatus ExecAcross(Cpu& c, uint32_t w) {
  const unsigned size = Size(w);
  const unsigned esize = 8u << size;
  const VReg n = c.st.v[Rn(w)];
  uint64_t acc = GetLane(n, size, 0);
  int64_t sacc = simd::GetLaneS(n, size, 0);
  for (unsigned i = 1; i < Lanes(Q(w), size); ++i) {
    const uint64_t u = GetLane(n, size, i);
    const int64_t s = simd::GetLaneS(n, size, i);
    switch (K) {
      case Across::kAdd: case Across::kUaddl: acc += u; break;
      case Across::kSaddl: sacc += s; break;
      case Across::kUmax: if (u > acc) acc = u; break;
      case Across::kUmin: if (u < acc) acc = u; break;
      case Across::kSmax: if (s > sacc) sacc = s; break;
      case Across::kSmin: if (s < sacc) sacc = s; break;
    }
  }
  const bool is_signed = K == Across::kSaddl || K == Across::kSmax || K == Across::kSmin;
  const bool is_long = K == Across::kSaddl || K == Across::kUaddl;
  const uint64_t result = (is_signed ? static_cast<uint64_t>(sacc) : acc) & Ones(is_long ? 2 * esize : esize);
  WriteVLow64(c, Rd(w), result);
  return ExecStatus::kNext;
}

}  // namespace

void RegisterSimdMisc(ExecTable& t) {
  t.Set(Op::CMGT_asimdmisc_Z, &ExecUnary<Un::kCmgt0>);
  t.Set(Op::CMEQ_asimdmisc_Z, &ExecUnary<Un::kCmeq0>);
  t.Set(Op::CMLT_asimdmisc_Z, &ExecUnary<Un::kCmlt0>);
  t.Set(Op::CMGE_asimdmisc_Z, &ExecUnary<Un::kCmge0>);
  t.Set(Op::CMLE_asimdmisc_Z, &ExecUnary<Un::kCmle0>);
  t.Set(Op::ABS_asimdmisc_R, &ExecUnary<Un::kAbs>);
  t.Set(Op::NEG_asimdmisc_R, &ExecUnary<Un::kNeg>);
  t.Set(Op::NOT_asimdmisc_R, &ExecUnary<Un::kNot>);
  t.Set(Op::CNT_asimdmisc_R, &ExecUnary<Un::kCnt>);
  t.Set(Op::CLZ_asimdmisc_R, &ExecUnary<Un::kClz>);
  t.Set(Op::CLS_asimdmisc_R, &ExecUnary<Un::kCls>);
  t.Set(Op::RBIT_asimdmisc_R, &ExecUnary<Un::kRbit>);
  t.Set(Op::REV16_asimdmisc_R, &ExecRev<16>);
  t.Set(Op::REV32_asimdmisc_R, &ExecRev<32>);
  t.Set(Op::REV64_asimdmisc_R, &ExecRev<64>);
  t.Set(Op::XTN_asimdmisc_N, &ExecXtn);
  t.Set(Op::SADDLP_asimdmisc_P, &ExecAddLongPairwise<true, false>);
  t.Set(Op::UADDLP_asimdmisc_P, &ExecAddLongPairwise<false, false>);
  t.Set(Op::SADALP_asimdmisc_P, &ExecAddLongPairwise<true, true>);
  t.Set(Op::UADALP_asimdmisc_P, &ExecAddLongPairwise<false, true>);
  t.Set(Op::ADDV_asimdall_only, &ExecAcross<Across::kAdd>);
  t.Set(Op::SMAXV_asimdall_only, &ExecAcross<Across::kSmax>);
  t.Set(Op::SMINV_asimdall_only, &ExecAcross<Across::kSmin>);
  t.Set(Op::UMAXV_asimdall_only, &ExecAcross<Across::kUmax>);
  t.Set(Op::UMINV_asimdall_only, &ExecAcross<Across::kUmin>);
  t.Set(Op::SADDLV_asimdall_only, &ExecAcross<Across::kSaddl>);
  t.Set(Op::UADDLV_asimdall_only, &ExecAcross<Across::kUaddl>);
}

}  // namespace a64
