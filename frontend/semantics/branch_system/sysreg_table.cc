// The system registers of the modelled PE (see id_registers.h for what it
// implements). Each row follows the register's page in ARM ARM D17 (D17.2
// general, D17.3 debug, D17.10 generic timer); RES0/RES1 masks are for a
// v8.0 PE with the features of id_registers.h, so the fields of later
// features (v8.4+ SCTLR bits, TCR.HA/HD, ...) are RES0.
#include "frontend/semantics/branch_system/sysreg_table.h"

#include <algorithm>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "frontend/disasm/formatters_branch_system.h"  // SysRegEncoding
#include "frontend/semantics/branch_system/id_registers.h"
#include "frontend/semantics/branch_system/sysreg_accessors.h"
#include "frontend/semantics/branch_system/system_state.h"

namespace a64 {

namespace {

using G = SysRegGate;
constexpr G U = G::kUndefined;
constexpr G A = G::kAllowed;

struct Gates {
  G el0_read, el0_write, el1_read, el1_write;
};
constexpr Gates kEl1Rw{U, U, A, A};
constexpr Gates kEl1Ro{U, U, A, U};
constexpr Gates kEl1Wo{U, U, U, A};
constexpr Gates kNone{U, U, U, U};

constexpr uint16_t E(unsigned op0, unsigned op1, unsigned crn, unsigned crm, unsigned op2) {
  return SysRegEncoding(op0, op1, crn, crm, op2);
}

constexpr uint32_t Sys(size_t field_offset) {
  return static_cast<uint32_t>(offsetof(CpuState, sys) + field_offset);
}
#define SYS_FIELD(f) Sys(offsetof(SystemRegisters, f))
#define CPU_FIELD(f) static_cast<uint32_t>(offsetof(CpuState, f))

constexpr uint64_t kHigh32 = 0xffffffff00000000ull;

// A register held in a CpuState field.
constexpr SysRegRow Stored(uint16_t enc, const char* name, uint32_t offset, uint8_t width,
                           Gates g, uint64_t res0 = 0, uint64_t res1 = 0, uint64_t reset = 0) {
  return SysRegRow{enc, name, offset, width, 0, nullptr, nullptr, reset | res1, res0, res1,
                   g.el0_read, g.el0_write, g.el1_read, g.el1_write, false};
}
// A register with a fixed value; writes, where permitted, are ignored.
constexpr SysRegRow Constant(uint16_t enc, const char* name, uint64_t value, Gates g) {
  return SysRegRow{enc, name, kNoField, 0, value, nullptr, nullptr, 0, ~0ull, 0,
                   g.el0_read, g.el0_write, g.el1_read, g.el1_write, false};
}
// A register whose reads and writes are functions (and may also have a field).
constexpr SysRegRow View(uint16_t enc, const char* name, SysRegReadFn read, SysRegWriteFn write,
                         Gates g, uint64_t res0 = 0, uint32_t offset = kNoField,
                         bool needs_platform = false) {
  return SysRegRow{enc, name, offset, static_cast<uint8_t>(offset == kNoField ? 0 : 8), 0, read,
                   write, 0, res0, 0, g.el0_read, g.el0_write, g.el1_read, g.el1_write,
                   needs_platform};
}
constexpr SysRegRow Timer(uint16_t enc, const char* name, SysRegReadFn read, SysRegWriteFn write,
                          G el0, uint64_t res0, uint32_t offset) {
  return View(enc, name, read, write, Gates{el0, el0, A, A}, res0, offset, true);
}

// SCTLR_EL1 (D17.2.118). RES1 without FEAT_LSMAOC / FEAT_ExS / FEAT_CSV2_2:
// LSMAOE (29), nTLSMD (28), EIS (22), TSCXT (20), EOS (11). RES0: nAA (6),
// EnRCTX (10), EnDB (13), bit 17, IESB (21, no FEAT_IESB), E0E and EE (24, 25:
// little-endian only, ID_AA64MMFR0_EL1.BigEnd = BigEndEL0 = 0), EnDA (27),
// EnIB (30), EnIA (31, no FEAT_PAuth), and bits 63:32.
constexpr uint64_t kSctlrRes1 = 0x30500800;
constexpr uint64_t kSctlrRes0 = 0xffffffffcb222440ull;
// TCR_EL1 (D17.2.131): T0SZ..TG1 (bits 34:0 but bit 6), AS, TBI0, TBI1.
// HA/HD (no FEAT_HAFDBS), HPD (no FEAT_HPDS) and later fields are RES0.
constexpr uint64_t kTcrWritable = 0x77ffffffbfull;
// SPSR_EL1 (C5.2.18) in the AArch64 format: NZCV, UAO, PAN, SS, IL, DAIF, M[4:0].
constexpr uint64_t kSpsrWritable = 0xf0f003df;
// MDSCR_EL1 (D17.3.19): SS, ERR, TDCC, KDE, HDE, MDE, TDA, INTdis, TXU, RXO,
// TXfull, RXfull.
constexpr uint64_t kMdscrWritable = 0x6ce0f041;
constexpr uint64_t kDbgbcrWritable = 0x00ffe1e7;  // BT LBN SSC HMC BAS PMC E
constexpr uint64_t kDbgwcrWritable = 0x1f1fffff;  // MASK WT LBN SSC HMC BAS LSC PAC E

const SysRegRow kRows[] = {
    // ---- Identification (D17.2): read-only at EL1, UNDEFINED at EL0 ----
    Constant(E(3, 0, 0, 0, 0), "MIDR_EL1", kMidrEl1, kEl1Ro),
    Constant(E(3, 0, 0, 0, 5), "MPIDR_EL1", kMpidrEl1, kEl1Ro),
    Constant(E(3, 0, 0, 0, 6), "REVIDR_EL1", kRevidrEl1, kEl1Ro),
    // The AArch32 ID registers: this PE has no AArch32 state, so their value
    // is UNKNOWN (D17.2.66 ID_PFR0_EL1 and the following); 0 says "nothing".
    Constant(E(3, 0, 0, 1, 0), "ID_PFR0_EL1", 0, kEl1Ro),
    Constant(E(3, 0, 0, 1, 1), "ID_PFR1_EL1", 0, kEl1Ro),
    Constant(E(3, 0, 0, 1, 2), "ID_DFR0_EL1", 0, kEl1Ro),
    Constant(E(3, 0, 0, 1, 3), "ID_AFR0_EL1", 0, kEl1Ro),
    Constant(E(3, 0, 0, 1, 4), "ID_MMFR0_EL1", 0, kEl1Ro),
    Constant(E(3, 0, 0, 1, 5), "ID_MMFR1_EL1", 0, kEl1Ro),
    Constant(E(3, 0, 0, 1, 6), "ID_MMFR2_EL1", 0, kEl1Ro),
    Constant(E(3, 0, 0, 1, 7), "ID_MMFR3_EL1", 0, kEl1Ro),
    Constant(E(3, 0, 0, 2, 0), "ID_ISAR0_EL1", 0, kEl1Ro),
    Constant(E(3, 0, 0, 2, 1), "ID_ISAR1_EL1", 0, kEl1Ro),
    Constant(E(3, 0, 0, 2, 2), "ID_ISAR2_EL1", 0, kEl1Ro),
    Constant(E(3, 0, 0, 2, 3), "ID_ISAR3_EL1", 0, kEl1Ro),
    Constant(E(3, 0, 0, 2, 4), "ID_ISAR4_EL1", 0, kEl1Ro),
    Constant(E(3, 0, 0, 2, 5), "ID_ISAR5_EL1", 0, kEl1Ro),
    Constant(E(3, 0, 0, 2, 6), "ID_MMFR4_EL1", 0, kEl1Ro),
    Constant(E(3, 0, 0, 3, 0), "MVFR0_EL1", 0, kEl1Ro),
    Constant(E(3, 0, 0, 3, 1), "MVFR1_EL1", 0, kEl1Ro),
    Constant(E(3, 0, 0, 3, 2), "MVFR2_EL1", 0, kEl1Ro),
    Constant(E(3, 0, 0, 4, 0), "ID_AA64PFR0_EL1", kIdAa64Pfr0El1, kEl1Ro),
    Constant(E(3, 0, 0, 4, 1), "ID_AA64PFR1_EL1", kIdAa64Pfr1El1, kEl1Ro),
    Constant(E(3, 0, 0, 4, 4), "ID_AA64ZFR0_EL1", kIdAa64Zfr0El1, kEl1Ro),
    Constant(E(3, 0, 0, 5, 0), "ID_AA64DFR0_EL1", kIdAa64Dfr0El1, kEl1Ro),
    Constant(E(3, 0, 0, 5, 1), "ID_AA64DFR1_EL1", kIdAa64Dfr1El1, kEl1Ro),
    Constant(E(3, 0, 0, 5, 4), "ID_AA64AFR0_EL1", kIdAa64Afr0El1, kEl1Ro),
    Constant(E(3, 0, 0, 5, 5), "ID_AA64AFR1_EL1", kIdAa64Afr1El1, kEl1Ro),
    Constant(E(3, 0, 0, 6, 0), "ID_AA64ISAR0_EL1", kIdAa64Isar0El1, kEl1Ro),
    Constant(E(3, 0, 0, 6, 1), "ID_AA64ISAR1_EL1", kIdAa64Isar1El1, kEl1Ro),
    Constant(E(3, 0, 0, 7, 0), "ID_AA64MMFR0_EL1", kIdAa64Mmfr0El1, kEl1Ro),
    Constant(E(3, 0, 0, 7, 1), "ID_AA64MMFR1_EL1", kIdAa64Mmfr1El1, kEl1Ro),
    Constant(E(3, 0, 0, 7, 2), "ID_AA64MMFR2_EL1", kIdAa64Mmfr2El1, kEl1Ro),
    View(E(3, 1, 0, 0, 0), "CCSIDR_EL1", &ReadCcsidr, nullptr, kEl1Ro),
    Constant(E(3, 1, 0, 0, 1), "CLIDR_EL1", kClidrEl1, kEl1Ro),
    Constant(E(3, 1, 0, 0, 7), "AIDR_EL1", kAidrEl1, kEl1Ro),
    Stored(E(3, 2, 0, 0, 0), "CSSELR_EL1", SYS_FIELD(csselr_el1), 8, kEl1Rw, ~0xfull),
    // CTR_EL0 at EL0 needs SCTLR_EL1.UCT (D17.2.34); DCZID_EL0 is always
    // readable (D17.2.35).
    Constant(E(3, 3, 0, 0, 1), "CTR_EL0", kCtrEl0, Gates{G::kSctlrUct, U, A, U}),
    View(E(3, 3, 0, 0, 7), "DCZID_EL0", &ReadDczid, nullptr, Gates{A, U, A, U}),

    // ---- System control (D17.2) ----
    Stored(E(3, 0, 1, 0, 0), "SCTLR_EL1", SYS_FIELD(sctlr_el1), 8, kEl1Rw, kSctlrRes0, kSctlrRes1),
    // ACTLR_EL1 is IMPLEMENTATION DEFINED; this PE defines no control in it.
    Constant(E(3, 0, 1, 0, 1), "ACTLR_EL1", 0, kEl1Rw),
    // CPACR_EL1: FPEN only (TTA: no System register trace; ZEN: no SVE).
    Stored(E(3, 0, 1, 0, 2), "CPACR_EL1", SYS_FIELD(cpacr_el1), 8, kEl1Rw, ~0x300000ull),
    // TTBRn_EL1: ASID 63:48, BADDR 47:1; CnP (bit 0) RES0 without FEAT_TTCNP.
    Stored(E(3, 0, 2, 0, 0), "TTBR0_EL1", SYS_FIELD(ttbr0_el1), 8, kEl1Rw, 1),
    Stored(E(3, 0, 2, 0, 1), "TTBR1_EL1", SYS_FIELD(ttbr1_el1), 8, kEl1Rw, 1),
    Stored(E(3, 0, 2, 0, 2), "TCR_EL1", SYS_FIELD(tcr_el1), 8, kEl1Rw, ~kTcrWritable),
    Stored(E(3, 0, 4, 0, 0), "SPSR_EL1", SYS_FIELD(spsr_el1), 8, kEl1Rw, ~kSpsrWritable),
    Stored(E(3, 0, 4, 0, 1), "ELR_EL1", SYS_FIELD(elr_el1), 8, kEl1Rw),
    // SP_EL0 at EL1 is UNDEFINED while it is the live SP (PSTATE.SP == 0);
    // SP_EL1 is accessible only from EL2 and EL3 (C5.2.14, C5.2.15).
    View(E(3, 0, 4, 1, 0), "SP_EL0", &ReadSpEl0, &WriteSpEl0, Gates{U, U, G::kSpSel, G::kSpSel}),
    View(E(3, 4, 4, 1, 0), "SP_EL1", &ReadSpEl1, &WriteSpEl1, kNone),
    View(E(3, 0, 4, 2, 0), "SPSel", &ReadSpSel, &WriteSpSel, kEl1Rw, ~1ull),
    View(E(3, 0, 4, 2, 2), "CurrentEL", &ReadCurrentEl, nullptr, kEl1Ro),
    View(E(3, 0, 4, 2, 3), "PAN", &ReadPan, &WritePan, kEl1Rw, ~(1ull << 22)),
    View(E(3, 0, 4, 2, 4), "UAO", &ReadUao, &WriteUao, kEl1Rw, ~(1ull << 23)),
    Stored(E(3, 0, 5, 1, 0), "AFSR0_EL1", SYS_FIELD(afsr0_el1), 8, kEl1Rw),
    Stored(E(3, 0, 5, 1, 1), "AFSR1_EL1", SYS_FIELD(afsr1_el1), 8, kEl1Rw),
    Stored(E(3, 0, 5, 2, 0), "ESR_EL1", SYS_FIELD(esr_el1), 8, kEl1Rw, kHigh32),
    Stored(E(3, 0, 6, 0, 0), "FAR_EL1", SYS_FIELD(far_el1), 8, kEl1Rw),
    Stored(E(3, 0, 7, 4, 0), "PAR_EL1", SYS_FIELD(par_el1), 8, kEl1Rw),
    Stored(E(3, 0, 10, 2, 0), "MAIR_EL1", SYS_FIELD(mair_el1), 8, kEl1Rw),
    Stored(E(3, 0, 10, 3, 0), "AMAIR_EL1", SYS_FIELD(amair_el1), 8, kEl1Rw),
    // FEAT_LOR with no LORegion descriptors: the LOR registers are RES0.
    Constant(E(3, 0, 10, 4, 0), "LORSA_EL1", 0, kEl1Rw),
    Constant(E(3, 0, 10, 4, 1), "LOREA_EL1", 0, kEl1Rw),
    Constant(E(3, 0, 10, 4, 2), "LORN_EL1", 0, kEl1Rw),
    Constant(E(3, 0, 10, 4, 3), "LORC_EL1", 0, kEl1Rw),
    Constant(E(3, 0, 10, 4, 7), "LORID_EL1", kLoridEl1, kEl1Ro),
    Stored(E(3, 0, 12, 0, 0), "VBAR_EL1", SYS_FIELD(vbar_el1), 8, kEl1Rw, 0x7ff),
    Stored(E(3, 0, 13, 0, 1), "CONTEXTIDR_EL1", SYS_FIELD(contextidr_el1), 8, kEl1Rw, kHigh32),
    Stored(E(3, 0, 13, 0, 4), "TPIDR_EL1", SYS_FIELD(tpidr_el1), 8, kEl1Rw),

    // ---- EL0-accessible special-purpose and thread registers (C5.2, D17.2) ----
    Stored(E(3, 3, 4, 2, 0), "NZCV", CPU_FIELD(nzcv), 4, Gates{A, A, A, A}, ~uint64_t{kNzcvMask}),
    // DAIF at EL0 needs SCTLR_EL1.UMA (C5.2.2).
    View(E(3, 3, 4, 2, 1), "DAIF", &ReadDaif, &WriteDaif,
         Gates{G::kSctlrUma, G::kSctlrUma, A, A}, ~0x3c0ull),
    // FPCR/FPSR: CPACR_EL1.FPEN traps with EC 0x07 (C5.2.7, C5.2.8).
    Stored(E(3, 3, 4, 4, 0), "FPCR", CPU_FIELD(fpcr), 4,
           Gates{G::kCpacrFpenEl0, G::kCpacrFpenEl0, G::kCpacrFpenEl1, G::kCpacrFpenEl1},
           ~uint64_t{kFpcrWritable}),
    Stored(E(3, 3, 4, 4, 1), "FPSR", CPU_FIELD(fpsr), 4,
           Gates{G::kCpacrFpenEl0, G::kCpacrFpenEl0, G::kCpacrFpenEl1, G::kCpacrFpenEl1},
           ~uint64_t{kFpsrWritable}),
    Stored(E(3, 3, 13, 0, 2), "TPIDR_EL0", CPU_FIELD(tpidr_el0), 8, Gates{A, A, A, A}),
    Stored(E(3, 3, 13, 0, 3), "TPIDRRO_EL0", CPU_FIELD(tpidrro_el0), 8, Gates{A, U, A, A}),

    // ---- Generic timer (D17.10) ----
    Stored(E(3, 0, 14, 1, 0), "CNTKCTL_EL1", SYS_FIELD(cntkctl_el1), 8, kEl1Rw, ~0x3ffull),
    // CNTFRQ_EL0 is writable at the highest implemented Exception level,
    // EL1 on this PE.
    Stored(E(3, 3, 14, 0, 0), "CNTFRQ_EL0", SYS_FIELD(cntfrq_el0), 8,
           Gates{G::kCntkctlAnyCt, U, A, A}, kHigh32),
    View(E(3, 3, 14, 0, 1), "CNTPCT_EL0", &ReadCntpct, nullptr, Gates{G::kCntkctlPct, U, A, U}, 0,
         kNoField, true),
    View(E(3, 3, 14, 0, 2), "CNTVCT_EL0", &ReadCntvct, nullptr, Gates{G::kCntkctlVct, U, A, U}, 0,
         kNoField, true),
    Timer(E(3, 3, 14, 2, 0), "CNTP_TVAL_EL0", &ReadCntpTval, &WriteCntpTval, G::kCntkctlPt,
          kHigh32, kNoField),
    Timer(E(3, 3, 14, 2, 1), "CNTP_CTL_EL0", &ReadCntpCtl, &WriteCntpCtl, G::kCntkctlPt, ~3ull,
          SYS_FIELD(cntp_ctl_el0)),
    Timer(E(3, 3, 14, 2, 2), "CNTP_CVAL_EL0", nullptr, &WriteCntpCval, G::kCntkctlPt, 0,
          SYS_FIELD(cntp_cval_el0)),
    Timer(E(3, 3, 14, 3, 0), "CNTV_TVAL_EL0", &ReadCntvTval, &WriteCntvTval, G::kCntkctlVt,
          kHigh32, kNoField),
    Timer(E(3, 3, 14, 3, 1), "CNTV_CTL_EL0", &ReadCntvCtl, &WriteCntvCtl, G::kCntkctlVt, ~3ull,
          SYS_FIELD(cntv_ctl_el0)),
    Timer(E(3, 3, 14, 3, 2), "CNTV_CVAL_EL0", nullptr, &WriteCntvCval, G::kCntkctlVt, 0,
          SYS_FIELD(cntv_cval_el0)),

    // ---- Self-hosted debug (D17.3). Breakpoint, watchpoint and software
    // step matching are not implemented: these registers hold their values.
    Stored(E(2, 0, 0, 0, 4), "DBGBVR0_EL1", SYS_FIELD(dbgbvr_el1), 8, kEl1Rw, 3),
    Stored(E(2, 0, 0, 0, 5), "DBGBCR0_EL1", SYS_FIELD(dbgbcr_el1), 8, kEl1Rw, ~kDbgbcrWritable),
    Stored(E(2, 0, 0, 0, 6), "DBGWVR0_EL1", SYS_FIELD(dbgwvr_el1), 8, kEl1Rw, 3),
    Stored(E(2, 0, 0, 0, 7), "DBGWCR0_EL1", SYS_FIELD(dbgwcr_el1), 8, kEl1Rw, ~kDbgwcrWritable),
    Stored(E(2, 0, 0, 1, 4), "DBGBVR1_EL1", SYS_FIELD(dbgbvr_el1) + 8, 8, kEl1Rw, 3),
    Stored(E(2, 0, 0, 1, 5), "DBGBCR1_EL1", SYS_FIELD(dbgbcr_el1) + 8, 8, kEl1Rw, ~kDbgbcrWritable),
    Stored(E(2, 0, 0, 1, 6), "DBGWVR1_EL1", SYS_FIELD(dbgwvr_el1) + 8, 8, kEl1Rw, 3),
    Stored(E(2, 0, 0, 1, 7), "DBGWCR1_EL1", SYS_FIELD(dbgwcr_el1) + 8, 8, kEl1Rw, ~kDbgwcrWritable),
    Stored(E(2, 0, 0, 2, 0), "MDCCINT_EL1", SYS_FIELD(mdccint_el1), 8, kEl1Rw, ~0x60000000ull),
    Stored(E(2, 0, 0, 2, 2), "MDSCR_EL1", SYS_FIELD(mdscr_el1), 8, kEl1Rw, ~kMdscrWritable),
    // The OS lock is locked after a cold reset (OSLSR_EL1.OSLK resets to 1).
    View(E(2, 0, 1, 0, 4), "OSLAR_EL1", nullptr, &WriteOslar, kEl1Wo, ~1ull),
    View(E(2, 0, 1, 1, 4), "OSLSR_EL1", &ReadOslsr, nullptr, kEl1Ro),
    Stored(E(2, 0, 1, 3, 4), "OSDLR_EL1", SYS_FIELD(osdlr_el1), 8, kEl1Rw, ~1ull),
};

// The reserved, RAZ encodings of the ID register space.
constexpr SysRegRow kReservedIdRow = Constant(0, "reserved ID register", 0, kEl1Ro);

bool IsIdSpace(uint16_t enc) {
  // op0 = 3, op1 = 0, CRn = 0, CRm = 1..7.
  return (enc & 0xfff8u) >= E(3, 0, 0, 1, 0) && (enc & 0xfff8u) <= E(3, 0, 0, 7, 0);
}

const std::vector<SysRegRow>& Sorted() {
  static const std::vector<SysRegRow> rows = [] {
    std::vector<SysRegRow> v(std::begin(kRows), std::end(kRows));
    std::sort(v.begin(), v.end(), [](const SysRegRow& a, const SysRegRow& b) { return a.enc < b.enc; });
    for (size_t i = 1; i < v.size(); ++i) {
      if (v[i].enc == v[i - 1].enc) {
        std::fprintf(stderr, "sysreg_table: %s and %s share an encoding\n", v[i - 1].name, v[i].name);
        std::abort();
      }
    }
    return v;
  }();
  return rows;
}

}  // namespace

std::span<const SysRegRow> SysRegTable() { return Sorted(); }

const SysRegRow* FindSysReg(uint16_t enc) {
  const std::vector<SysRegRow>& rows = Sorted();
  auto it = std::lower_bound(rows.begin(), rows.end(), enc,
                             [](const SysRegRow& r, uint16_t e) { return r.enc < e; });
  if (it != rows.end() && it->enc == enc) return &*it;
  if (IsIdSpace(enc)) return &kReservedIdRow;
  return nullptr;
}

uint64_t ReadSysReg(const Cpu& cpu, const SysRegRow& row) {
  if (row.read) return row.read(cpu);
  if (row.offset == kNoField) return row.constant;
  const auto* base = reinterpret_cast<const uint8_t*>(&cpu.st) + row.offset;
  if (row.width == 4) {
    uint32_t v;
    std::memcpy(&v, base, 4);
    return v;
  }
  uint64_t v;
  std::memcpy(&v, base, 8);
  return v;
}

namespace {

// The registers whose values the MMU caches (mmu/mmu.cc, Mmu::Sync).
bool AffectsTranslation(const SysRegRow& row) {
  constexpr uint32_t kFields[] = {
      offsetof(CpuState, sys.sctlr_el1), offsetof(CpuState, sys.tcr_el1),
      offsetof(CpuState, sys.ttbr0_el1), offsetof(CpuState, sys.ttbr1_el1),
      offsetof(CpuState, sys.mair_el1)};
  for (uint32_t f : kFields)
    if (row.offset == f) return true;
  return false;
}

}  // namespace

void WriteSysReg(Cpu& cpu, const SysRegRow& row, uint64_t value) {
  value = (value & ~row.res0) | row.res1;
  if (AffectsTranslation(row)) ++cpu.st.translation_generation;
  if (row.write) {
    row.write(cpu, value);
    return;
  }
  if (row.offset == kNoField) return;  // constant: RAZ/WI or RES0
  auto* base = reinterpret_cast<uint8_t*>(&cpu.st) + row.offset;
  if (row.width == 4) {
    const auto v = static_cast<uint32_t>(value);
    std::memcpy(base, &v, 4);
  } else {
    std::memcpy(base, &value, 8);
  }
}

void ResetSystemRegisters(Cpu& cpu) {
  ++cpu.st.translation_generation;
  for (const SysRegRow& row : Sorted()) {
    if (row.offset == kNoField) continue;
    auto* base = reinterpret_cast<uint8_t*>(&cpu.st) + row.offset;
    if (row.width == 4) {
      const auto v = static_cast<uint32_t>(row.reset);
      std::memcpy(base, &v, 4);
    } else {
      std::memcpy(base, &row.reset, 8);
    }
  }
  cpu.st.sys.oslsr_oslk = 1;
  cpu.st.sys.cntfrq_el0 = cpu.platform ? cpu.platform->CounterFrequency() : 0;
}

}  // namespace a64
