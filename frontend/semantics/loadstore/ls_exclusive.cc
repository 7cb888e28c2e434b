// Load/store exclusive (LDXR/STXR/LDXP/STXP and acquire/release forms),
// load-acquire/store-release (LDAR/STLR, LOR LDLAR/STLLR, RCpc LDAPR) and
// compare-and-swap (CAS, CASP). ARM ARM C6.2 and B2.9 (exclusive monitors).
// All of these require natural alignment of the whole access (B2.5.2: without
// FEAT_LSE2, an unaligned exclusive, ordered or atomic access takes an
// Alignment fault). With SP as the base, CheckSPAlignment comes first (it is
// the first step of each Operation; the access alignment is checked by the
// memory access itself).
#include "frontend/semantics/loadstore/ls_common.h"

namespace a64::ls {
namespace {

// Bits 31:30 give the access size of the single-register forms.
unsigned AccessSize(uint32_t insn) { return 1u << Bits(insn, 31, 30); }
// Bit 30 gives the element size of the pair forms (LDXP/STXP/CASP).
unsigned PairElementSize(uint32_t insn) { return Bit(insn, 30) ? 8 : 4; }

// AArch64.SetExclusiveMonitors(address, size).
void SetExclusive(Cpu& c, uint64_t address, unsigned size) {
  c.monitor = ExclusiveMonitor{true, address, size};
}

// AArch64.ExclusiveMonitorsPass: the store may proceed only if the local
// monitor is in the Exclusive Access state for a range covering the access.
// The monitor is cleared whether or not the check passes.
bool ExclusiveMonitorsPass(Cpu& c, uint64_t address, unsigned size) {
  const ExclusiveMonitor m = c.monitor;
  c.monitor.valid = false;
  return m.valid && address >= m.addr && address - m.addr + size <= m.size;
}

// LDXR/LDAXR{B,H}: load, then mark the location for exclusive access.
ExecStatus ExecLoadExclusive(Cpu& c, uint32_t insn) {
  const unsigned size = AccessSize(insn), t = Bits(insn, 4, 0);
  if (!CheckSpAlignment(c, Bits(insn, 9, 5))) return ExecStatus::kException;
  const uint64_t address = Base(c, Bits(insn, 9, 5));
  if (!IsAligned(address, size)) return AlignmentFault(c, address, false);
  uint8_t buf[8];
  if (!MemRead(c, address, buf, size)) return ExecStatus::kException;
  SetExclusive(c, address, size);
  WriteX(c, t, LoadLe(buf, size));
  return ExecStatus::kNext;
}

// LDXP/LDAXP: both elements as one access aligned to its total size. Rt ==
// Rt2 is CONSTRAINED UNPREDICTABLE; Rt2's value is the one kept.
ExecStatus ExecLoadExclusivePair(Cpu& c, uint32_t insn) {
  const unsigned es = PairElementSize(insn), t = Bits(insn, 4, 0), t2 = Bits(insn, 14, 10);
  if (!CheckSpAlignment(c, Bits(insn, 9, 5))) return ExecStatus::kException;
  const uint64_t address = Base(c, Bits(insn, 9, 5));
  if (!IsAligned(address, 2 * es)) return AlignmentFault(c, address, false);
  uint8_t buf[16];
  if (!MemRead(c, address, buf, 2 * es)) return ExecStatus::kException;
  SetExclusive(c, address, 2 * es);
  WriteX(c, t, LoadLe(buf, es));
  WriteX(c, t2, LoadLe(buf + es, es));
  return ExecStatus::kNext;
}

// Completes STXR/STXP: the SP alignment check, then the alignment check come
// first (they fault even if the monitor would fail), then the store happens only if the monitors pass, and
// Ws receives 0 on success, 1 on failure. Ws == Rt or Ws == Rn are
// CONSTRAINED UNPREDICTABLE; we use the register values read before Ws is
// written (Constraint_NONE).
ExecStatus StoreExclusive(Cpu& c, uint32_t insn, const uint8_t* data, unsigned size) {
  if (!CheckSpAlignment(c, Bits(insn, 9, 5))) return ExecStatus::kException;
  const uint64_t address = Base(c, Bits(insn, 9, 5));
  if (!IsAligned(address, size)) return AlignmentFault(c, address, true);
  const bool pass = ExclusiveMonitorsPass(c, address, size);
  if (pass && !MemWrite(c, address, data, size)) return ExecStatus::kException;
  WriteX(c, Bits(insn, 20, 16), pass ? 0 : 1);
  return ExecStatus::kNext;
}

ExecStatus ExecStoreExclusive(Cpu& c, uint32_t insn) {
  const unsigned size = AccessSize(insn);
  uint8_t buf[8];
  StoreLe(buf, ReadX(c, Bits(insn, 4, 0)), size);
  return StoreExclusive(c, insn, buf, size);
}

ExecStatus ExecStoreExclusivePair(Cpu& c, uint32_t insn) {
  const unsigned es = PairElementSize(insn);
  uint8_t buf[16];
  StoreLe(buf, ReadX(c, Bits(insn, 4, 0)), es);
  StoreLe(buf + es, ReadX(c, Bits(insn, 14, 10)), es);
  return StoreExclusive(c, insn, buf, 2 * es);
}

// LDAR/LDLAR/LDAPR{B,H}: an aligned load (ordering is trivially satisfied by
// a single PE executing in program order).
ExecStatus ExecLoadOrdered(Cpu& c, uint32_t insn) {
  const unsigned size = AccessSize(insn);
  if (!CheckSpAlignment(c, Bits(insn, 9, 5))) return ExecStatus::kException;
  const uint64_t address = Base(c, Bits(insn, 9, 5));
  if (!IsAligned(address, size)) return AlignmentFault(c, address, false);
  uint8_t buf[8];
  if (!MemRead(c, address, buf, size)) return ExecStatus::kException;
  WriteX(c, Bits(insn, 4, 0), LoadLe(buf, size));
  return ExecStatus::kNext;
}

// STLR/STLLR{B,H}: an aligned store.
ExecStatus ExecStoreOrdered(Cpu& c, uint32_t insn) {
  const unsigned size = AccessSize(insn);
  if (!CheckSpAlignment(c, Bits(insn, 9, 5))) return ExecStatus::kException;
  const uint64_t address = Base(c, Bits(insn, 9, 5));
  if (!IsAligned(address, size)) return AlignmentFault(c, address, true);
  uint8_t buf[8];
  StoreLe(buf, ReadX(c, Bits(insn, 4, 0)), size);
  return MemWrite(c, address, buf, size) ? ExecStatus::kNext : ExecStatus::kException;
}

// CAS{A,L,AL}{B,H}: if Mem == X[s]<size> then Mem = X[t]; X[s] = old value
// (zero-extended). No write happens when the comparison fails.
ExecStatus ExecCompareAndSwap(Cpu& c, uint32_t insn) {
  const unsigned size = AccessSize(insn), s = Bits(insn, 20, 16);
  if (!CheckSpAlignment(c, Bits(insn, 9, 5))) return ExecStatus::kException;
  const uint64_t address = Base(c, Bits(insn, 9, 5));
  if (!IsAligned(address, size)) return AlignmentFault(c, address, false);
  const uint64_t compare = ReadX(c, s) & Ones(8 * size), update = ReadX(c, Bits(insn, 4, 0));
  uint8_t old[8];
  const bool ok = AtomicRmw(c, address, size, old, [&](uint8_t* data) {
    if (LoadLe(data, size) != compare) return false;
    StoreLe(data, update, size);
    return true;
  });
  if (!ok) return ExecStatus::kException;
  WriteX(c, s, LoadLe(old, size));
  return ExecStatus::kNext;
}

// CASP{A,L,AL}: compares <X[s], X[s+1]> with the pair at the (lower, higher)
// addresses, stores <X[t], X[t+1]> on a match, and returns the old pair in
// <X[s], X[s+1]>. Rs and Rt are even (allocation); s + 1 may be 31 (ZR).
ExecStatus ExecCompareAndSwapPair(Cpu& c, uint32_t insn) {
  const unsigned es = PairElementSize(insn), s = Bits(insn, 20, 16), t = Bits(insn, 4, 0);
  if (!CheckSpAlignment(c, Bits(insn, 9, 5))) return ExecStatus::kException;
  const uint64_t address = Base(c, Bits(insn, 9, 5));
  if (!IsAligned(address, 2 * es)) return AlignmentFault(c, address, false);
  uint8_t compare[16], update[16];
  StoreLe(compare, ReadX(c, s), es);
  StoreLe(compare + es, ReadX(c, s + 1), es);
  StoreLe(update, ReadX(c, t), es);
  StoreLe(update + es, ReadX(c, t + 1), es);
  uint8_t old[16];
  const bool ok = AtomicRmw(c, address, 2 * es, old, [&](uint8_t* data) {
    if (std::memcmp(data, compare, 2 * es) != 0) return false;
    std::memcpy(data, update, 2 * es);
    return true;
  });
  if (!ok) return ExecStatus::kException;
  WriteX(c, s, LoadLe(old, es));
  WriteX(c, s + 1, LoadLe(old + es, es));
  return ExecStatus::kNext;
}

constexpr Op kLoadExclusiveOps[] = {
    Op::LDXRB_LR32_ldstexcl, Op::LDAXRB_LR32_ldstexcl, Op::LDXRH_LR32_ldstexcl,
    Op::LDAXRH_LR32_ldstexcl, Op::LDXR_LR32_ldstexcl, Op::LDAXR_LR32_ldstexcl,
    Op::LDXR_LR64_ldstexcl, Op::LDAXR_LR64_ldstexcl,
};
constexpr Op kLoadExclusivePairOps[] = {
    Op::LDXP_LP32_ldstexcl, Op::LDAXP_LP32_ldstexcl, Op::LDXP_LP64_ldstexcl,
    Op::LDAXP_LP64_ldstexcl,
};
constexpr Op kStoreExclusiveOps[] = {
    Op::STXRB_SR32_ldstexcl, Op::STLXRB_SR32_ldstexcl, Op::STXRH_SR32_ldstexcl,
    Op::STLXRH_SR32_ldstexcl, Op::STXR_SR32_ldstexcl, Op::STLXR_SR32_ldstexcl,
    Op::STXR_SR64_ldstexcl, Op::STLXR_SR64_ldstexcl,
};
constexpr Op kStoreExclusivePairOps[] = {
    Op::STXP_SP32_ldstexcl, Op::STLXP_SP32_ldstexcl, Op::STXP_SP64_ldstexcl,
    Op::STLXP_SP64_ldstexcl,
};
constexpr Op kLoadOrderedOps[] = {
    Op::LDLARB_LR32_ldstexcl, Op::LDARB_LR32_ldstexcl, Op::LDLARH_LR32_ldstexcl,
    Op::LDARH_LR32_ldstexcl,  Op::LDLAR_LR32_ldstexcl, Op::LDAR_LR32_ldstexcl,
    Op::LDLAR_LR64_ldstexcl,  Op::LDAR_LR64_ldstexcl,  Op::LDAPRB_32L_memop,
    Op::LDAPRH_32L_memop,     Op::LDAPR_32L_memop,     Op::LDAPR_64L_memop,
};
constexpr Op kStoreOrderedOps[] = {
    Op::STLLRB_SL32_ldstexcl, Op::STLRB_SL32_ldstexcl, Op::STLLRH_SL32_ldstexcl,
    Op::STLRH_SL32_ldstexcl,  Op::STLLR_SL32_ldstexcl, Op::STLR_SL32_ldstexcl,
    Op::STLLR_SL64_ldstexcl,  Op::STLR_SL64_ldstexcl,
};
constexpr Op kCompareAndSwapOps[] = {
    Op::CASB_C32_ldstexcl, Op::CASLB_C32_ldstexcl, Op::CASAB_C32_ldstexcl,
    Op::CASALB_C32_ldstexcl, Op::CASH_C32_ldstexcl, Op::CASLH_C32_ldstexcl,
    Op::CASAH_C32_ldstexcl, Op::CASALH_C32_ldstexcl, Op::CAS_C32_ldstexcl,
    Op::CASL_C32_ldstexcl, Op::CASA_C32_ldstexcl, Op::CASAL_C32_ldstexcl,
    Op::CAS_C64_ldstexcl, Op::CASL_C64_ldstexcl, Op::CASA_C64_ldstexcl,
    Op::CASAL_C64_ldstexcl,
};
constexpr Op kCompareAndSwapPairOps[] = {
    Op::CASP_CP32_ldstexcl, Op::CASPL_CP32_ldstexcl, Op::CASPA_CP32_ldstexcl,
    Op::CASPAL_CP32_ldstexcl, Op::CASP_CP64_ldstexcl, Op::CASPL_CP64_ldstexcl,
    Op::CASPA_CP64_ldstexcl, Op::CASPAL_CP64_ldstexcl,
};

}  // namespace

void RegisterLsExclusive(ExecTable& t) {
  for (Op op : kLoadExclusiveOps) t.Set(op, &ExecLoadExclusive);
  for (Op op : kLoadExclusivePairOps) t.Set(op, &ExecLoadExclusivePair);
  for (Op op : kStoreExclusiveOps) t.Set(op, &ExecStoreExclusive);
  for (Op op : kStoreExclusivePairOps) t.Set(op, &ExecStoreExclusivePair);
  for (Op op : kLoadOrderedOps) t.Set(op, &ExecLoadOrdered);
  for (Op op : kStoreOrderedOps) t.Set(op, &ExecStoreOrdered);
  for (Op op : kCompareAndSwapOps) t.Set(op, &ExecCompareAndSwap);
  for (Op op : kCompareAndSwapPairOps) t.Set(op, &ExecCompareAndSwapPair);
}

}  // namespace a64::ls
