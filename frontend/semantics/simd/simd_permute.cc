// Advanced SIMD permute (UZP1/2, TRN1/2, ZIP1/2), extract (EXT) and table
// lookup (TBL, TBX) (ARM ARM C4.1.91, C4.1.93, C4.1.94, C7.2).
#include "frontend/semantics/dispatch.h"
#include "frontend/semantics/simd/simd_lanes.h"

namespace a64 {
namespace {

using namespace simd;

enum class Perm { kUzp, kTrn, kZip };

// part = op<2> (bit 14): 0 for UZP1/TRN1/ZIP1, 1 for UZP2/TRN2/ZIP2.
template <Perm K>
ExecStatus ExecPermute(Cpu& c, uint32_t w) {
  const unsigned size = Size(w), lanes = Lanes(Q(w), size), part = Bit(w, 14);
  const unsigned pairs = lanes / 2;
  const VReg n = c.st.v[Rn(w)], m = c.st.v[Rm(w)];
  VReg r{};
  for (unsigned e = 0; e < lanes; ++e) {
    uint64_t x = 0;
    switch (K) {
      case Perm::kUzp: {  // Elem[m:n, 2e + part]
        const unsigned j = 2 * e + part;
        x = j < lanes ? GetLane(n, size, j) : GetLane(m, size, j - lanes);
        break;
      }
      case Perm::kTrn: {  // result<2p> = n<2p+part>, result<2p+1> = m<2p+part>
        const unsigned j = (e & ~1u) + part;
        x = (e & 1) ? GetLane(m, size, j) : GetLane(n, size, j);
        break;
      }
      case Perm::kZip: {  // result<2p> = n<base+p>, result<2p+1> = m<base+p>
        const unsigned j = part * pairs + e / 2;
        x = (e & 1) ? GetLane(m, size, j) : GetLane(n, size, j);
        break;
      }
    }
    SetLane(r, size, e, x);
  }
  WriteVec(c, Rd(w), r, Q(w));
  return ExecStatus::kNext;
}

// EXT: result = (Vm:Vn)<position + datasize - 1 : position>, position = imm4*8.
ExecStatus ExecExt(Cpu& c, uint32_t w) {
  const unsigned bytes = Q(w) ? 16 : 8, pos = Bits(w, 14, 11);
  const VReg n = c.st.v[Rn(w)], m = c.st.v[Rm(w)];
  VReg r{};
  for (unsigned i = 0; i < bytes; ++i) {
    const unsigned j = pos + i;
    r.b[i] = j < bytes ? n.b[j] : m.b[j - bytes];
  }
  WriteVec(c, Rd(w), r, Q(w));
  return ExecStatus::kNext;
}

// TBL/TBX: a table of len+1 registers from Vn (wrapping at V31). An index out
// of range gives 0 (TBL) or leaves the destination byte unchanged (TBX).
template <bool kTbx>
ExecStatus ExecTableLookup(Cpu& c, uint32_t w) {
  const unsigned regs = Bits(w, 14, 13) + 1, bytes = Q(w) ? 16 : 8;
  uint8_t table[64];
  for (unsigned i = 0; i < regs; ++i) {
    const VReg& t = c.st.v[(Rn(w) + i) % 32];
    for (unsigned b = 0; b < 16; ++b) table[16 * i + b] = t.b[b];
  }
  const VReg idx = c.st.v[Rm(w)], d = c.st.v[Rd(w)];
  VReg r{};
  for (unsigned i = 0; i < bytes; ++i) {
    const unsigned index = idx.b[i];
    r.b[i] = index < 16 * regs ? table[index] : (kTbx ? d.b[i] : 0);
  }
  WriteVec(c, Rd(w), r, Q(w));
  return ExecStatus::kNext;
}

}  // namespace

void RegisterSimdPermute(ExecTable& t) {
  t.Set(Op::UZP1_asimdperm_only, &ExecPermute<Perm::kUzp>);
  t.Set(Op::UZP2_asimdperm_only, &ExecPermute<Perm::kUzp>);
  t.Set(Op::TRN1_asimdperm_only, &ExecPermute<Perm::kTrn>);
  t.Set(Op::TRN2_asimdperm_only, &ExecPermute<Perm::kTrn>);
  t.Set(Op::ZIP1_asimdperm_only, &ExecPermute<Perm::kZip>);
  t.Set(Op::ZIP2_asimdperm_only, &ExecPermute<Perm::kZip>);
  t.Set(Op::EXT_asimdext_only, &ExecExt);
  for (Op op : {Op::TBL_asimdtbl_L1_1, Op::TBL_asimdtbl_L2_2, Op::TBL_asimdtbl_L3_3, Op::TBL_asimdtbl_L4_4})
    t.Set(op, &ExecTableLookup<false>);
  for (Op op : {Op::TBX_asimdtbl_L1_1, Op::TBX_asimdtbl_L2_2, Op::TBX_asimdtbl_L3_3, Op::TBX_asimdtbl_L4_4})
    t.Set(op, &ExecTableLookup<true>);
}

}  // namespace a64
