// Formatters of the data-processing classes (frontend/table/dp_*.inc). Each
// prints the operands, and switches to the alias llvm-mc-14 prefers.
#pragma once

#include "frontend/disasm/disasm_context.h"

namespace a64 {

// fmt_dp_immediate.cc
void FmtPcRelAddr(Disasm& d);
void FmtAddSubImm(Disasm& d);
void FmtLogicalImm(Disasm& d);
void FmtMoveWide(Disasm& d);

// fmt_dp_bitfield.cc
void FmtSignedBitfield(Disasm& d);
void FmtUnsignedBitfield(Disasm& d);
void FmtBitfieldMove(Disasm& d);
void FmtExtract(Disasm& d);

// fmt_dp_source.cc
void FmtDp2Src(Disasm& d);
void FmtCrc32(Disasm& d);
void FmtPacga(Disasm& d);
void FmtDp1Src(Disasm& d);
void FmtPacKeyed(Disasm& d);
void FmtPacZero(Disasm& d);
void FmtDp3Src(Disasm& d);
void FmtDp3SrcLong(Disasm& d);
void FmtMulHigh(Disasm& d);

// fmt_dp_shifted.cc
void FmtLogicalShift(Disasm& d);
void FmtAddSubShift(Disasm& d);
void FmtAddSubExt(Disasm& d);
void FmtAddSubCarry(Disasm& d);

// fmt_dp_conditional.cc
void FmtCondCmpReg(Disasm& d);
void FmtCondCmpImm(Disasm& d);
void FmtCondSelect(Disasm& d);

}  // namespace a64
