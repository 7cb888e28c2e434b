// Semantics of the scalar floating-point encodings (ARM ARM C7.2), registered
// by register_fp_scalar.cc. Each function handles every encoding of one ARM ARM
// class, reading the type/opcode fields from the instruction word.
#pragma once

#include "frontend/semantics/cpu.h"

namespace a64 {

ExecStatus ExecFpDataProc1(Cpu& cpu, uint32_t insn);   // FMOV/FABS/FNEG/FSQRT/FRINT*
ExecStatus ExecFpConvertPrecision(Cpu& cpu, uint32_t insn);  // FCVT
ExecStatus ExecFpDataProc2(Cpu& cpu, uint32_t insn);   // FADD ... FNMUL
ExecStatus ExecFpDataProc3(Cpu& cpu, uint32_t insn);   // FMADD ... FNMSUB
ExecStatus ExecFpCompare(Cpu& cpu, uint32_t insn);     // FCMP, FCMPE
ExecStatus ExecFpCondCompare(Cpu& cpu, uint32_t insn); // FCCMP, FCCMPE
ExecStatus ExecFpCondSelect(Cpu& cpu, uint32_t insn);  // FCSEL
ExecStatus ExecFpMoveImm(Cpu& cpu, uint32_t insn);     // FMOV (scalar, immediate)
ExecStatus ExecFpToInt(Cpu& cpu, uint32_t insn);       // FCVT[NPMZA][SU] (scalar, integer)
ExecStatus ExecIntToFp(Cpu& cpu, uint32_t insn);       // SCVTF/UCVTF (scalar, integer)
ExecStatus ExecFpMoveGeneral(Cpu& cpu, uint32_t insn); // FMOV (general)
ExecStatus ExecFpToFixed(Cpu& cpu, uint32_t insn);     // FCVTZS/FCVTZU (scalar, fixed-point)
ExecStatus ExecFixedToFp(Cpu& cpu, uint32_t insn);     // SCVTF/UCVTF (scalar, fixed-point)

}  // namespace a64
