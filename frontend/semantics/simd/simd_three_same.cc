// Advanced SIMD three same (integer and bitwise subset): ADD, SUB, CMEQ,
// CMTST, CMHI, CMHS, CMGT, CMGE, SMAX/SMIN/UMAX/UMIN, ADDP and the pairwise
// max/min, AND, BIC, ORR, ORN, EOR, BSL, BIT, BIF (ARM ARM C4.1.95, C7.2). The
// arithmetic, saturating, multiply and shift-by-register forms are in
// simd_int_same.cc.
#include "frontend/semantics/dispatch.h"
#include "frontend/semantics/simd/simd_lanes.h"

namespace a64 {
namespace {

using namespace simd;

enum class Kind { kAdd, kSub, kCmeq, kCmtst, kCmhi, kCmhs, kCmgt, kCmge, kSmax, kSmin, kUmax, kUmin };

// One lane of the operation; a and b are the zero-extended esize-bit lanes.
uint64_t LaneOp(Kind k, uint64_t a, uint64_t b, unsigned size) {
  const unsigned esize = 8u << size;
  const int64_t sa = SignExtend(a, esize), sb = SignExtend(b, esize);
  const uint64_t ones = Ones(esize);
  switch (k) {
    case Kind::kAdd: return (a + b) & ones;
    case Kind::kSub: return (a - b) & ones;
    case Kind::kCmeq: return a == b ? ones : 0;
    case Kind::kCmtst: return (a & b) != 0 ? ones : 0;
    case Kind::kCmhi: return a > b ? ones : 0;
    case Kind::kCmhs: return a >= b ? ones : 0;
    case Kind::kCmgt: return sa > sb ? ones : 0;
    case Kind::kCmge: return sa >= sb ? ones : 0;
    case Kind::kSmax: return sa >= sb ? a : b;
    case Kind::kSmin: return sa <= sb ? a : b;
    case Kind::kUmax: return a >= b ? a : b;
    case Kind::kUmin: return a <= b ? a : b;
  }
  return 0;
}

template <Kind K>
ExecStatus ExecLanewise(Cpu& c, uint32_t w) {
  const unsigned size = Size(w);
  const VReg n = c.st.v[Rn(w)], m = c.st.v[Rm(w)];
  ForEachLane(c, w, size,
              [&](unsigned i) { return LaneOp(K, GetLane(n, size, i), GetLane(m, size, i), size); });
  return ExecStatus::kNext;
}

// Pairwise: concatenate m:n (n in the low half) and combine adjacent lanes
// (ADDP, SMAXP, ... pseudocode).
template <Kind K>
ExecStatus ExecPairwise(Cpu& c, uint32_t w) {
  const unsigned size = Size(w);
  const unsigned lanes = Lanes(Q(w), size);
  const VReg n = c.st.v[Rn(w)], m = c.st.v[Rm(w)];
  ForEachLane(c, w, size, [&](unsigned i) {
    const VReg& src = (2 * i < lanes) ? n : m;
    const unsigned j = (2 * i) % lanes;
    return LaneOp(K, GetLane(src, size, j), GetLane(src, size, j + 1), size);
  });
  return ExecStatus::kNext;
}

enum class Logic { kAnd, kBic, kOrr, kOrn, kEor, kBsl, kBit, kBif };

// Bitwise operations on the whole datasize.
template <Logic L>
ExecStatus ExecLogic(Cpu& c, uint32_t w) {
  const VReg n = c.st.v[Rn(w)], m = c.st.v[Rm(w)], d = c.st.v[Rd(w)];
  VReg r{};
  for (unsigned i = 0; i < 2; ++i) {
    const uint64_t a = n.d[i], b = m.d[i], x = d.d[i];
    switch (L) {
      case Logic::kAnd: r.d[i] = a & b; break;
      case Logic::kBic: r.d[i] = a & ~b; break;
      case Logic::kOrr: r.d[i] = a | b; break;
      case Logic::kOrn: r.d[i] = a | ~b; break;
      case Logic::kEor: r.d[i] = a ^ b; break;
      // V[d] = operand1 EOR ((operand1 EOR V[n]) AND operand3):
      case Logic::kBsl: r.d[i] = b ^ ((b ^ a) & x); break;   // op1 = Vm, op3 = Vd
      case Logic::kBit: r.d[i] = x ^ ((x ^ a) & b); break;   // op1 = Vd, op3 = Vm
      case Logic::kBif: r.d[i] = x ^ ((x ^ a) & ~b); break;  // op1 = Vd, op3 = NOT(Vm)
    }
  }
  WriteVec(c, Rd(w), r, Q(w));
  return ExecStatus::kNext;
}

}  // namespace

void RegisterSimdThreeSame(ExecTable& t) {
  t.Set(Op::ADD_asimdsame_only, &ExecLanewise<Kind::kAdd>);
  t.Set(Op::SUB_asimdsame_only, &ExecLanewise<Kind::kSub>);
  t.Set(Op::CMEQ_asimdsame_only, &ExecLanewise<Kind::kCmeq>);
  t.Set(Op::CMTST_asimdsame_only, &ExecLanewise<Kind::kCmtst>);
  t.Set(Op::CMHI_asimdsame_only, &ExecLanewise<Kind::kCmhi>);
  t.Set(Op::CMHS_asimdsame_only, &ExecLanewise<Kind::kCmhs>);
  t.Set(Op::CMGT_asimdsame_only, &ExecLanewise<Kind::kCmgt>);
  t.Set(Op::CMGE_asimdsame_only, &ExecLanewise<Kind::kCmge>);
  t.Set(Op::SMAX_asimdsame_only, &ExecLanewise<Kind::kSmax>);
  t.Set(Op::SMIN_asimdsame_only, &ExecLanewise<Kind::kSmin>);
  t.Set(Op::UMAX_asimdsame_only, &ExecLanewise<Kind::kUmax>);
  t.Set(Op::UMIN_asimdsame_only, &ExecLanewise<Kind::kUmin>);
  t.Set(Op::ADDP_asimdsame_only, &ExecPairwise<Kind::kAdd>);
  t.Set(Op::SMAXP_asimdsame_only, &ExecPairwise<Kind::kSmax>);
  t.Set(Op::SMINP_asimdsame_only, &ExecPairwise<Kind::kSmin>);
  t.Set(Op::UMAXP_asimdsame_only, &ExecPairwise<Kind::kUmax>);
  t.Set(Op::UMINP_asimdsame_only, &ExecPairwise<Kind::kUmin>);
  t.Set(Op::AND_asimdsame_only, &ExecLogic<Logic::kAnd>);
  t.Set(Op::BIC_asimdsame_only, &ExecLogic<Logic::kBic>);
  t.Set(Op::ORR_asimdsame_only, &ExecLogic<Logic::kOrr>);
  t.Set(Op::ORN_asimdsame_only, &ExecLogic<Logic::kOrn>);
  t.Set(Op::EOR_asimdsame_only, &ExecLogic<Logic::kEor>);
  t.Set(Op::BSL_asimdsame_only, &ExecLogic<Logic::kBsl>);
  t.Set(Op::BIT_asimdsame_only, &ExecLogic<Logic::kBit>);
  t.Set(Op::BIF_asimdsame_only, &ExecLogic<Logic::kBif>);
}

}  // namespace a64
