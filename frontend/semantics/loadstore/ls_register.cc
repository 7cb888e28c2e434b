// Load/store of one register (ARM ARM C6.2 LDR/STR and variants): unsigned
// immediate, unscaled, pre/post-index, unprivileged, register offset, literal;
// and PRFM/PRFUM, which are hints.
#include "frontend/semantics/loadstore/ls_common.h"

namespace a64::ls {
namespace {

// What a load/store register form moves, from size(31:30) V(26) opc(23:22)
// (the "memop/regsize/signed/datasize" decode of the ARM ARM pseudocode).
// PRFM (V=0, size=11, opc=10) has its own handler and never gets here.
struct RegTransfer {
  unsigned size;  // bytes
  bool simd;
  bool load;
  bool is_signed;
  bool to64;  // regsize == 64
};

RegTransfer DecodeTransfer(uint32_t insn) {
  const unsigned size = Bits(insn, 31, 30), opc = Bits(insn, 23, 22);
  if (Bit(insn, 26)) {
    // SIMD&FP: opc<1> selects the 128-bit access (size = 00 only).
    const unsigned scale = (opc & 2) ? 4 : size;
    return {1u << scale, true, (opc & 1) != 0, false, false};
  }
  switch (opc) {
    case 0: return {1u << size, false, false, false, size == 3};
    case 1: return {1u << size, false, true, false, size == 3};
    case 2: return {1u << size, false, true, true, true};  // LDRSB/LDRSH/LDRSW Xt
    default: return {1u << size, false, true, true, false};  // LDRSB/LDRSH Wt
  }
}

unsigned TransferScale(uint32_t insn) {
  return Bit(insn, 26) && Bit(insn, 23) ? 4 : Bits(insn, 31, 30);
}

// Performs the access at `address`, then, if `wback`, writes `new_base` to the
// base register. Nothing is written to any register if the access faults.
// `unprivileged`: LDTR/STTR, checked as EL0 accesses when executed at EL1
// (ARM ARM C3.2.5; the memory system applies the PSTATE.UAO rule).
ExecStatus Transfer(Cpu& c, uint32_t insn, uint64_t address, bool wback, uint64_t new_base,
                    bool unprivileged = false) {
  const RegTransfer tr = DecodeTransfer(insn);
  const unsigned t = Bits(insn, 4, 0), n = Bits(insn, 9, 5);
  uint8_t buf[16];
  if (tr.load) {
    const AccessType type = unprivileged ? AccessType::kReadUnprivileged : AccessType::kRead;
    if (!MemRead(c, address, buf, tr.size, type)) return ExecStatus::kException;
    if (tr.simd) {
      WriteVBytes(c, t, buf, tr.size);
    } else {
      WriteLoaded(c, t, LoadLe(buf, tr.size), tr.size, tr.is_signed, tr.to64);
      // Writeback to the register just loaded is CONSTRAINED UNPREDICTABLE
      // (Unpredictable_WBOVERLAPLD); we choose Constraint_WBSUPPRESS.
      if (n == t && n != 31) wback = false;
    }
  } else {
    // Storing the base register with writeback (Unpredictable_WBOVERLAPST):
    // Constraint_NONE, the value stored is the register before writeback.
    if (tr.simd) {
      std::memcpy(buf, c.st.v[t].b, tr.size);
    } else {
      StoreLe(buf, ReadX(c, t), tr.size);
    }
    const AccessType type = unprivileged ? AccessType::kWriteUnprivileged : AccessType::kWrite;
    if (!MemWrite(c, address, buf, tr.size, type)) return ExecStatus::kException;
  }
  if (wback) WriteBack(c, n, new_base);
  return ExecStatus::kNext;
}

// imm9(20:12), bits 11:10: 00 unscaled (LDUR), 01 post-index, 10 unprivileged
// (LDTR/STTR), 11 pre-index.
ExecStatus ExecImm9(Cpu& c, uint32_t insn) {
  if (!CheckSpAlignment(c, Bits(insn, 9, 5))) return ExecStatus::kException;
  const int64_t offset = SignExtend(Bits(insn, 20, 12), 9);
  const uint64_t base = Base(c, Bits(insn, 9, 5));
  switch (Bits(insn, 11, 10)) {
    case 1: return Transfer(c, insn, base, true, base + offset);
    case 3: return Transfer(c, insn, base + offset, true, base + offset);
    case 2: return Transfer(c, insn, base + offset, false, 0, /*unprivileged=*/true);
    default: return Transfer(c, insn, base + offset, false, 0);
  }
}

ExecStatus ExecUnsignedImm(Cpu& c, uint32_t insn) {
  if (!CheckSpAlignment(c, Bits(insn, 9, 5))) return ExecStatus::kException;
  const uint64_t offset = uint64_t{Bits(insn, 21, 10)} << TransferScale(insn);
  return Transfer(c, insn, Base(c, Bits(insn, 9, 5)) + offset, false, 0);
}

// Rm(20:16) option(15:13) S(12): offset = ExtendReg(m, option, S ? scale : 0).
ExecStatus ExecRegOffset(Cpu& c, uint32_t insn) {
  if (!CheckSpAlignment(c, Bits(insn, 9, 5))) return ExecStatus::kException;
  const unsigned shift = Bit(insn, 12) ? TransferScale(insn) : 0;
  const uint64_t offset = ExtendIndex(c, Bits(insn, 20, 16), Bits(insn, 15, 13), shift);
  return Transfer(c, insn, Base(c, Bits(insn, 9, 5)) + offset, false, 0);
}

// opc(31:30) V(26) imm19: address = PC + SignExtend(imm19:'00', 64).
ExecStatus ExecLiteral(Cpu& c, uint32_t insn) {
  const unsigned opc = Bits(insn, 31, 30), t = Bits(insn, 4, 0);
  const uint64_t address = c.st.pc + SignExtend(uint64_t{Bits(insn, 23, 5)} << 2, 21);
  const unsigned size = Bit(insn, 26) ? 4u << opc : (opc == 1 ? 8 : 4);
  uint8_t buf[16];
  if (!MemRead(c, address, buf, size)) return ExecStatus::kException;
  if (Bit(insn, 26)) {
    WriteVBytes(c, t, buf, size);
  } else {
    WriteLoaded(c, t, LoadLe(buf, size), size, opc == 2, opc != 0);
  }
  return ExecStatus::kNext;
}

// PRFM/PRFUM: a hint. Performing no prefetch, and taking no fault, is a valid
// implementation (ARM ARM C6.2 PRFM, "Prefetch(address, prfop)"). Not even an
// SP alignment fault: the pseudocode reads "if memop != MemOp_PREFETCH then
// CheckSPAlignment()".
ExecStatus ExecPrefetch(Cpu&, uint32_t) { return ExecStatus::kNext; }

constexpr Op kImm9Ops[] = {
    // Unscaled immediate.
    Op::STURB_32_ldst_unscaled, Op::LDURB_32_ldst_unscaled, Op::LDURSB_64_ldst_unscaled,
    Op::LDURSB_32_ldst_unscaled, Op::STURH_32_ldst_unscaled, Op::LDURH_32_ldst_unscaled,
    Op::LDURSH_64_ldst_unscaled, Op::LDURSH_32_ldst_unscaled, Op::STUR_32_ldst_unscaled,
    Op::LDUR_32_ldst_unscaled, Op::LDURSW_64_ldst_unscaled, Op::STUR_64_ldst_unscaled,
    Op::LDUR_64_ldst_unscaled, Op::STUR_B_ldst_unscaled, Op::LDUR_B_ldst_unscaled,
    Op::STUR_Q_ldst_unscaled, Op::LDUR_Q_ldst_unscaled, Op::STUR_H_ldst_unscaled,
    Op::LDUR_H_ldst_unscaled, Op::STUR_S_ldst_unscaled, Op::LDUR_S_ldst_unscaled,
    Op::STUR_D_ldst_unscaled, Op::LDUR_D_ldst_unscaled,
    // Post-index.
    Op::STRB_32_ldst_immpost, Op::LDRB_32_ldst_immpost, Op::LDRSB_64_ldst_immpost,
    Op::LDRSB_32_ldst_immpost, Op::STRH_32_ldst_immpost, Op::LDRH_32_ldst_immpost,
    Op::LDRSH_64_ldst_immpost, Op::LDRSH_32_ldst_immpost, Op::STR_32_ldst_immpost,
    Op::LDR_32_ldst_immpost, Op::LDRSW_64_ldst_immpost, Op::STR_64_ldst_immpost,
    Op::LDR_64_ldst_immpost, Op::STR_B_ldst_immpost, Op::LDR_B_ldst_immpost,
    Op::STR_Q_ldst_immpost, Op::LDR_Q_ldst_immpost, Op::STR_H_ldst_immpost,
    Op::LDR_H_ldst_immpost, Op::STR_S_ldst_immpost, Op::LDR_S_ldst_immpost,
    Op::STR_D_ldst_immpost, Op::LDR_D_ldst_immpost,
    // Unprivileged.
    Op::STTRB_32_ldst_unpriv, Op::LDTRB_32_ldst_unpriv, Op::LDTRSB_64_ldst_unpriv,
    Op::LDTRSB_32_ldst_unpriv, Op::STTRH_32_ldst_unpriv, Op::LDTRH_32_ldst_unpriv,
    Op::LDTRSH_64_ldst_unpriv, Op::LDTRSH_32_ldst_unpriv, Op::STTR_32_ldst_unpriv,
    Op::LDTR_32_ldst_unpriv, Op::LDTRSW_64_ldst_unpriv, Op::STTR_64_ldst_unpriv,
    Op::LDTR_64_ldst_unpriv,
    // Pre-index.
    Op::STRB_32_ldst_immpre, Op::LDRB_32_ldst_immpre, Op::LDRSB_64_ldst_immpre,
    Op::LDRSB_32_ldst_immpre, Op::STRH_32_ldst_immpre, Op::LDRH_32_ldst_immpre,
    Op::LDRSH_64_ldst_immpre, Op::LDRSH_32_ldst_immpre, Op::STR_32_ldst_immpre,
    Op::LDR_32_ldst_immpre, Op::LDRSW_64_ldst_immpre, Op::STR_64_ldst_immpre,
    Op::LDR_64_ldst_immpre, Op::STR_B_ldst_immpre, Op::LDR_B_ldst_immpre,
    Op::STR_Q_ldst_immpre, Op::LDR_Q_ldst_immpre, Op::STR_H_ldst_immpre,
    Op::LDR_H_ldst_immpre, Op::STR_S_ldst_immpre, Op::LDR_S_ldst_immpre,
    Op::STR_D_ldst_immpre, Op::LDR_D_ldst_immpre,
};

constexpr Op kUnsignedImmOps[] = {
    Op::STRB_32_ldst_pos, Op::LDRB_32_ldst_pos, Op::LDRSB_64_ldst_pos, Op::LDRSB_32_ldst_pos,
    Op::STRH_32_ldst_pos, Op::LDRH_32_ldst_pos, Op::LDRSH_64_ldst_pos, Op::LDRSH_32_ldst_pos,
    Op::STR_32_ldst_pos, Op::LDR_32_ldst_pos, Op::LDRSW_64_ldst_pos, Op::STR_64_ldst_pos,
    Op::LDR_64_ldst_pos, Op::STR_B_ldst_pos, Op::LDR_B_ldst_pos, Op::STR_Q_ldst_pos,
    Op::LDR_Q_ldst_pos, Op::STR_H_ldst_pos, Op::LDR_H_ldst_pos, Op::STR_S_ldst_pos,
    Op::LDR_S_ldst_pos, Op::STR_D_ldst_pos, Op::LDR_D_ldst_pos,
};

constexpr Op kRegOffsetOps[] = {
    Op::STRB_32BL_ldst_regoff, Op::STRB_32B_ldst_regoff, Op::LDRB_32BL_ldst_regoff,
    Op::LDRB_32B_ldst_regoff, Op::LDRSB_64BL_ldst_regoff, Op::LDRSB_64B_ldst_regoff,
    Op::LDRSB_32BL_ldst_regoff, Op::LDRSB_32B_ldst_regoff, Op::STRH_32_ldst_regoff,
    Op::LDRH_32_ldst_regoff, Op::LDRSH_64_ldst_regoff, Op::LDRSH_32_ldst_regoff,
    Op::STR_32_ldst_regoff, Op::LDR_32_ldst_regoff, Op::LDRSW_64_ldst_regoff,
    Op::STR_64_ldst_regoff, Op::LDR_64_ldst_regoff, Op::STR_BL_ldst_regoff,
    Op::STR_B_ldst_regoff, Op::LDR_BL_ldst_regoff, Op::LDR_B_ldst_regoff,
    Op::STR_Q_ldst_regoff, Op::LDR_Q_ldst_regoff, Op::STR_H_ldst_regoff,
    Op::LDR_H_ldst_regoff, Op::STR_S_ldst_regoff, Op::LDR_S_ldst_regoff,
    Op::STR_D_ldst_regoff, Op::LDR_D_ldst_regoff,
};

constexpr Op kLiteralOps[] = {
    Op::LDR_32_loadlit, Op::LDR_64_loadlit, Op::LDRSW_64_loadlit,
    Op::LDR_S_loadlit,  Op::LDR_D_loadlit,  Op::LDR_Q_loadlit,
};

constexpr Op kPrefetchOps[] = {
    Op::PRFM_P_loadlit, Op::PRFUM_P_ldst_unscaled, Op::PRFM_P_ldst_regoff, Op::PRFM_P_ldst_pos,
};

}  // namespace

void RegisterLsRegister(ExecTable& t) {
  for (Op op : kImm9Ops) t.Set(op, &ExecImm9);
  for (Op op : kUnsignedImmOps) t.Set(op, &ExecUnsignedImm);
  for (Op op : kRegOffsetOps) t.Set(op, &ExecRegOffset);
  for (Op op : kLiteralOps) t.Set(op, &ExecLiteral);
  for (Op op : kPrefetchOps) t.Set(op, &ExecPrefetch);
}

}  // namespace a64::ls
