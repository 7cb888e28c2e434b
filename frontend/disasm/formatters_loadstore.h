// Formatters of the Loads and Stores class (frontend/table/loadstore.inc).
#pragma once

#include "frontend/disasm/disasm_context.h"

namespace a64 {

// Exclusives, load-acquire/store-release, CAS (fmt_loadstore_exclusive.cc).
void FmtLsStoreExclusive(Disasm& d);       // stxr ws, rt, [xn|sp]
void FmtLsStoreExclusivePair(Disasm& d);   // stxp ws, rt, rt2, [xn|sp]
void FmtLsLoadOrdered(Disasm& d);          // ldxr/ldar/stlr/ldapr rt, [xn|sp]
void FmtLsLoadExclusivePair(Disasm& d);    // ldxp rt, rt2, [xn|sp]
void FmtLsCompareAndSwap(Disasm& d);       // cas rs, rt, [xn|sp]
void FmtLsCompareAndSwapPair(Disasm& d);   // casp rs, rs+1, rt, rt+1, [xn|sp]
void FmtLsAtomic(Disasm& d);               // ldadd rs, rt, [xn|sp] / stadd alias

// Single registers and pairs (fmt_loadstore_register.cc).
void FmtLsLiteral(Disasm& d);       // ldr rt, #offset
void FmtLsPair(Disasm& d);          // ldp rt, rt2, [xn|sp, #imm]{!} / [xn|sp], #imm
void FmtLsImm9(Disasm& d);          // ldur / ldtr / post- and pre-index
void FmtLsUnsignedImm(Disasm& d);   // ldr rt, [xn|sp, #imm]
void FmtLsRegOffset(Disasm& d);     // ldr rt, [xn|sp, rm{, extend {#amount}}]
void FmtLsPac(Disasm& d);           // ldraa xt, [xn|sp, #simm]{!}

}  // namespace a64
