#include "frontend/disasm/formatters_reserved.h"

namespace a64 {

void FmtUdf(Disasm& d) { d.Operand(ImmDec(d.Bits(15, 0))); }

}  // namespace a64
