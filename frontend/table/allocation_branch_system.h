#pragma once

#include <cstdint>

#include "frontend/bits.h"

namespace a64 {

// MSR (immediate), ARM ARM C6.2 MSR (immediate): op1:op2 selects the PSTATE
// field. With this feature set (v8.3-A) the fields are SPSel (000:101),
// DAIFSet (011:110), DAIFClr (011:111), PAN (000:100, FEAT_PAN) and UAO
// (000:011, FEAT_UAO). PAN and UAO are 1-bit fields: LLVM rejects CRm > 1 for
// them (the word then decodes as the generic MSR of an S0_* register).
inline bool AllocatedMsrImm(uint32_t w) {
  const uint32_t op1 = Bits(w, 18, 16), op2 = Bits(w, 7, 5), crm = Bits(w, 11, 8);
  if (op1 == 0 && op2 == 5) return true;                  // SPSel
  if (op1 == 3 && (op2 == 6 || op2 == 7)) return true;   // DAIFSet, DAIFClr
  if (op1 == 0 && (op2 == 3 || op2 == 4)) return crm <= 1;  // UAO, PAN
  return false;
}

}  // namespace a64
