// System state the branch/system semantics consult, and constants of the
// modelled PE used by the EL0 instructions.
#pragma once

#include <cstdint>

#include "frontend/semantics/cpu.h"

namespace a64 {

// PSTATE.EL.
inline unsigned CurrentEL(const Cpu& cpu) { return cpu.st.pstate.el; }

// CTR_EL0 of a Cortex-A57-like PE (ARM ARM D17.2, CTR_EL0): bit 31 RES1,
// CWG = ERG = 4 (64-byte writeback and exclusives granules), DminLine = 4 and
// IminLine = 4 (64-byte lines), L1Ip = 0b11 (PIPT instruction cache).
constexpr uint64_t kCtrEl0 = 0x8444c004;

// DCZID_EL0 (ARM ARM D17.2): DZP = 0 (DC ZVA permitted), BS = 4: the block DC ZVA
// zeroes is 4 << BS = 64 bytes.
constexpr uint64_t kDczidEl0 = 4;
constexpr uint64_t kDcZvaBlockBytes = 4u << (kDczidEl0 & 15);

// Writable bits of FPCR (ARM ARM C5.2, FPCR): AHP, DN, FZ, RMode, Stride, Len. FZ16 is
// RES0 without FEAT_FP16; the trap enable bits IDE, IXE, UFE, OFE, DZE, IOE
// are RAZ/WI because this PE does not support trapping floating-point
// exceptions; every other bit is RES0.
constexpr uint32_t kFpcrWritable = 0x07f70000;

// Writable bits of FPSR (ARM ARM C5.2, FPSR): N, Z, C, V (AArch32 comparison flags,
// kept for context switching), QC, and the cumulative exception bits IDC, IXC,
// UFC, OFC, DZC, IOC; every other bit is RES0.
constexpr uint32_t kFpsrWritable = 0xf800009f;

// NZCV (ARM ARM C5.2, NZCV): bits 31:28; the rest is RES0.
constexpr uint32_t kNzcvMask = 0xf0000000;

}  // namespace a64
