#include "jit/op_traits.h"

namespace a64 {
namespace {

// Whether every word of an encoding lies in the SIMD&FP space of the A64
// top-level decode (ARM ARM C4.1): "Data Processing -- Scalar Floating-Point
// and Advanced SIMD" has op0<27:25> = 111 (bit 28 either way); the SIMD&FP
// loads and stores are the "Loads and Stores" group (op0 = x1x0: bit 27 = 1,
// bit 25 = 0) with the V bit 26 fixed to 1.
bool IsFpSimdEncoding(const Encoding& e) {
  const auto fixed = [&](unsigned bit, unsigned v) {
    return ((e.mask >> bit) & 1) && ((e.value >> bit) & 1) == v;
  };
  if (fixed(27, 1) && fixed(26, 1) && fixed(25, 1)) return true;
  return fixed(27, 1) && fixed(25, 0) && fixed(26, 1);
}

struct Table {
  uint8_t traits[kNumOps] = {};
  Table() {
    const Encoding* enc = EncodingTable();
    for (unsigned i = 0; i < EncodingCount(); ++i) {
      const Encoding& e = enc[i];
      uint8_t t = 0;
      if (IsFpSimdEncoding(e)) t |= kTraitFpSimd;
      switch (e.op) {
        case Op::MSR_SR_systemmove:  // CPACR_EL1, DAIF, SPSel, ...
          t |= kTraitStateChange;
          break;
        case Op::MSR_SI_pstate:  // DAIFSet/DAIFClr
        case Op::ERET_64E_branch_reg:
        case Op::ERETAA_64E_branch_reg:
        case Op::ERETAB_64E_branch_reg:
          t |= kTraitStateChange;
          break;
        case Op::HLT_EX_exception:
          t |= kTraitHalt;
          break;
        default:
          break;
      }
      traits[static_cast<unsigned>(e.op)] |= t;
    }
  }
};

const Table& Instance() {
  static const Table table;
  return table;
}

}  // namespace

const uint8_t* OpTraitTable() { return Instance().traits; }
uint8_t TraitsOf(Op op) { return Instance().traits[static_cast<unsigned>(op)]; }

}  // namespace a64
