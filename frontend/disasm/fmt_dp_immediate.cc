#include "frontend/disasm/formatters_dp.h"

namespace a64 {

void FmtAddSubImm(Disasm& d) {
  const bool sf = d.Bit(31);
  d.Operand(GpRegSp(sf, d.Bits(4, 0)));
  d.Operand(GpRegSp(sf, d.Bits(9, 5)));
  d.Operand(ImmDec(d.Bits(21, 10)));
  if (d.Bit(22)) d.Operand("lsl #12");
}

}  // namespace a64
