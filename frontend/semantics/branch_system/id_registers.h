// Identification register values of the modelled PE: an ARMv8.0-A
// Cortex-A57-like core with FEAT_LSE, FEAT_RDM, FEAT_PAN, FEAT_UAO, FEAT_LOR
// (no LORegions), FEAT_DPB, FEAT_LRCPC, FEAT_JSCVT, FEAT_FCMA, the AES/PMULL,
// SHA1, SHA256 instructions and CRC32; AArch64 only, EL0 and EL1 only.
// Field positions: ARM ARM D17.2.
#pragma once

#include <cstdint>

namespace a64 {

// MIDR_EL1: Implementer 0x41 (Arm), Variant 1, Architecture 0xf (ID
// registers), PartNum 0xd07 (Cortex-A57), Revision 3: r1p3.
constexpr uint64_t kMidrEl1 = 0x411fd073;
// MPIDR_EL1: bit 31 RES1, U = 0 (part of a multiprocessor system), MT = 0,
// Aff3..Aff0 = 0 for CPU 0.
constexpr uint64_t kMpidrEl1 = 0x80000000;
constexpr uint64_t kRevidrEl1 = 0;
constexpr uint64_t kAidrEl1 = 0;

// ID_AA64PFR0_EL1: EL0 = EL1 = 0b0001 (AArch64 only), EL2 = EL3 = 0 (not
// implemented), FP = AdvSIMD = 0 (implemented, no half precision), GIC = 0
// (no System register interface to the GIC CPU interface: the board's
// interrupt controller is memory-mapped), RAS = SVE = 0.
constexpr uint64_t kIdAa64Pfr0El1 = 0x11;
constexpr uint64_t kIdAa64Pfr1El1 = 0;
// ID_AA64DFR0_EL1: DebugVer = 6 (Armv8.0 debug), TraceVer = 0, PMUVer = 0
// (no PMU), BRPs = 1 and WRPs = 1 (two breakpoints and two watchpoints, the
// architectural minimum), CTX_CMPs = 0 (one context-aware breakpoint).
constexpr uint64_t kIdAa64Dfr0El1 = 0x00101006;
constexpr uint64_t kIdAa64Dfr1El1 = 0;
constexpr uint64_t kIdAa64Afr0El1 = 0;
constexpr uint64_t kIdAa64Afr1El1 = 0;
// ID_AA64ISAR0_EL1: AES = 2 (AES + PMULL), SHA1 = 1, SHA2 = 1 (SHA256 only),
// CRC32 = 1, Atomic = 2 (LSE), RDM = 1.
constexpr uint64_t kIdAa64Isar0El1 = 0x10211120;
// ID_AA64ISAR1_EL1: DPB = 1 (DC CVAP), JSCVT = 1, FCMA = 1, LRCPC = 1;
// APA = API = GPA = GPI = 0 (no pointer authentication).
constexpr uint64_t kIdAa64Isar1El1 = 0x00111001;
// ID_AA64MMFR0_EL1: PARange = 0b0101 (48 bits), ASIDBits = 0b0010 (16 bits),
// BigEnd = 0 and BigEndEL0 = 0 (little-endian only), SNSMem = 0,
// TGran16 = 1, TGran64 = 0, TGran4 = 0 (all three granules supported).
constexpr uint64_t kIdAa64Mmfr0El1 = 0x00100025;
// ID_AA64MMFR1_EL1: HAFDBS = 0, VMIDBits = 0, VH = 0, HPDS = 0, LO = 1
// (FEAT_LOR, with zero LORegions: LORID_EL1 = 0), PAN = 1 (FEAT_PAN, not
// PAN2), SpecSEI = 0, XNX = 0.
constexpr uint64_t kIdAa64Mmfr1El1 = 0x00110000;
// ID_AA64MMFR2_EL1: UAO = 1; CnP, LSM, IESB, VARange (48-bit VAs), CCIDX...
// all 0.
constexpr uint64_t kIdAa64Mmfr2El1 = 0x10;
constexpr uint64_t kIdAa64Zfr0El1 = 0;
// LORID_EL1: LR = 0 LORegions, LD = 0 descriptors; LORSA/LOREA/LORN/LORC_EL1
// are then RES0 (ARM ARM D17.2, "This register is RES0 if ... no LORegion
// descriptors are supported by the PE").
constexpr uint64_t kLoridEl1 = 0;

// Cache identification: the hierarchy of a Cortex-A57 (separate L1
// instruction and data caches, unified L2). The model keeps no cached copies,
// so every cache maintenance operation finds nothing to do, which is the
// behaviour of these caches when their lines happen to be coherent.
// CLIDR_EL1: Ctype1 = 0b011, Ctype2 = 0b100, LoUIS = 1, LoC = 2, LoUU = 1.
constexpr uint64_t kClidrEl1 = 0x0a200023;
// CCSIDR_EL1 (without FEAT_CCIDX): WT/WB/RA/WA 31:28, NumSets-1 27:13,
// Associativity-1 12:3, LineSize 2:0 = log2(bytes) - 4.
constexpr uint64_t kCcsidrL1I = 0x201fe012;  // 48 KiB, 3-way, 64-byte lines, RA
constexpr uint64_t kCcsidrL1D = 0x701fe00a;  // 32 KiB, 2-way, 64-byte lines, WB RA WA
constexpr uint64_t kCcsidrL2 = 0x70ffe07a;   // 2 MiB, 16-way, 64-byte lines, WB RA WA

// OSLSR_EL1.OSLM = 0b10 (bits 3 and 0): the OS lock is implemented.
constexpr uint64_t kOslsrOslm = 0x8;

}  // namespace a64
