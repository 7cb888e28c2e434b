// In-line integer data processing: add/subtract, logical, moves, bitfield
// moves, shifts, multiplies, conditional select and PC-relative addresses.
// The ARM ARM semantics map onto x86 operations of the same width: 32-bit
// x86 operations zero-extend into the 64-bit register as W writes require,
// and x86 flags after add/sub/and give NZCV (see FlagKind).
#include "jit/emitter.h"
#include "frontend/disasm/formatters_branch_system.h"
#include "frontend/semantics/dispatch.h"
#include "frontend/table/allocation_dp.h"

namespace a64::jit {
namespace {

// Applies shift `type` (LSL, LSR, ASR, ROR) by `amount` to r.
void Shift(x86::Assembler& a, x86::Gp r, unsigned type, unsigned amount) {
  if (amount == 0) return;
  switch (type) {
    case 0: a.shl(r, amount); break;
    case 1: a.shr(r, amount); break;
    case 2: a.sar(r, amount); break;
    default: a.ror(r, amount); break;
  }
}

x86::Gp Sized(x86::Gp r, bool sf) { return sf ? x86::Gp(r.r64()) : x86::Gp(r.r32()); }

// The result in rax to Rd, and NZCV for the flag-setting forms (whose Rd 31
// is XZR; otherwise Rd 31 is SP where `sp_form`, XZR elsewhere).
void WriteAddSubResult(Emitter& e, unsigned d, bool sub, bool set_flags, bool sp_form) {
  if (set_flags) {
    e.StoreX(d, x86::rax);
    e.MaterializeFlags(sub ? FlagKind::kSub : FlagKind::kAdd);
  } else if (sp_form) {
    e.StoreXSp(d, x86::rax);
  } else {
    e.StoreX(d, x86::rax);
  }
}

bool AddSubImmediate(Emitter& e, bool sub, bool set_flags) {
  const uint32_t w = e.word;
  const bool sf = Bit(w, 31);
  const unsigned d = Bits(w, 4, 0), n = Bits(w, 9, 5);
  const uint32_t imm = Bits(w, 21, 10) << (Bit(w, 22) ? 12 : 0);
  const x86::Gp r = Sized(x86::rax, sf);
  e.LoadXSp(x86::rax, n, sf);
  if (sub) e.a.sub(r, imm);
  else e.a.add(r, imm);
  WriteAddSubResult(e, d, sub, set_flags, true);
  return true;
}

bool AddSubShifted(Emitter& e, bool sub, bool set_flags) {
  const uint32_t w = e.word;
  const bool sf = Bit(w, 31);
  const unsigned d = Bits(w, 4, 0), n = Bits(w, 9, 5), m = Bits(w, 20, 16);
  const unsigned amount = Bits(w, 15, 10);
  asmjit::Operand op2;
  if (amount == 0) {
    op2 = e.SourceX(m, sf, x86::rcx);  // the second operand as it is
  } else {
    e.LoadX(x86::rcx, m, sf);
    Shift(e.a, Sized(x86::rcx, sf), Bits(w, 23, 22), amount);
    op2 = Sized(x86::rcx, sf);
  }
  e.LoadX(x86::rax, n, sf);
  e.a.emit(sub ? x86::Inst::kIdSub : x86::Inst::kIdAdd, Sized(x86::rax, sf), op2);
  WriteAddSubResult(e, d, sub, set_flags, false);
  return true;
}

// AND/BIC (0), ORR/ORN (1), EOR/EON (2), ANDS/BICS (3).
bool LogicalShifted(Emitter& e) {
  const uint32_t w = e.word;
  const bool sf = Bit(w, 31);
  const unsigned opc = Bits(w, 30, 29);
  const unsigned d = Bits(w, 4, 0), n = Bits(w, 9, 5), m = Bits(w, 20, 16);
  const x86::Gp rc = Sized(x86::rcx, sf), ra = Sized(x86::rax, sf);
  const bool plain = Bits(w, 15, 10) == 0 && !Bit(w, 21);  // Rm as it is
  if (opc == 1 && n == 31) {  // MOV / MVN
    e.LoadX(x86::rcx, m, sf);
    Shift(e.a, rc, Bits(w, 23, 22), Bits(w, 15, 10));
    if (Bit(w, 21)) e.a.not_(rc);
    e.StoreX(d, x86::rcx);
    return true;
  }
  asmjit::Operand op2 = rc;
  if (plain) {
    op2 = e.SourceX(m, sf, x86::rcx);
  } else {
    e.LoadX(x86::rcx, m, sf);
    Shift(e.a, rc, Bits(w, 23, 22), Bits(w, 15, 10));
    if (Bit(w, 21)) e.a.not_(rc);
  }
  e.LoadX(x86::rax, n, sf);
  switch (opc) {
    case 0: case 3: e.a.emit(x86::Inst::kIdAnd, ra, op2); break;
    case 1: e.a.emit(x86::Inst::kIdOr, ra, op2); break;
    default: e.a.emit(x86::Inst::kIdXor, ra, op2); break;
  }
  e.StoreX(d, x86::rax);
  // x86 AND leaves SF/ZF of the result at its width and clears CF/OF.
  if (opc == 3) e.MaterializeFlags(FlagKind::kLogic);
  return true;
}

bool LogicalImmediate(Emitter& e) {
  const uint32_t w = e.word;
  const bool sf = Bit(w, 31);
  const unsigned opc = Bits(w, 30, 29);
  const unsigned d = Bits(w, 4, 0), n = Bits(w, 9, 5);
  BitMasks bm{};
  if (!DecodeBitMasks(Bit(w, 22), Bits(w, 15, 10), Bits(w, 21, 16), true, sf ? 64 : 32, &bm))
    return false;
  const x86::Gp ra = Sized(x86::rax, sf), rc = Sized(x86::rcx, sf);
  e.LoadX(x86::rax, n, sf);
  e.a.mov(x86::rcx, asmjit::imm(bm.wmask));
  switch (opc) {
    case 0: case 3: e.a.and_(ra, rc); break;
    case 1: e.a.or_(ra, rc); break;
    default: e.a.xor_(ra, rc); break;
  }
  if (opc == 3) {
    e.StoreX(d, x86::rax);
    e.MaterializeFlags(FlagKind::kLogic);
  } else {
    e.StoreXSp(d, x86::rax);  // AND/ORR/EOR (immediate) may write SP
  }
  return true;
}

bool MoveWide(Emitter& e, unsigned opc) {
  const uint32_t w = e.word;
  const bool sf = Bit(w, 31);
  const unsigned d = Bits(w, 4, 0), hw = Bits(w, 22, 21);
  const uint64_t imm = static_cast<uint64_t>(Bits(w, 20, 5)) << (16 * hw);
  const uint64_t ones = sf ? ~0ull : 0xffffffffull;
  if (d == 31) return true;
  switch (opc) {
    case 0: e.StoreXImm(d, ~imm & ones); break;  // MOVN
    case 2: e.StoreXImm(d, imm); break;          // MOVZ
    default:                                                // MOVK
      e.LoadX(x86::rax, d, sf);
      e.a.mov(x86::rcx, asmjit::imm(~(0xffffull << (16 * hw)) & ones));
      e.a.and_(x86::rax, x86::rcx);
      e.a.mov(x86::rcx, asmjit::imm(imm));
      e.a.or_(x86::rax, x86::rcx);
      e.StoreX(d, x86::rax);
      break;
  }
  return true;
}

// UBFM / SBFM (BFM is left to the semantics).
bool Bitfield(Emitter& e, bool is_signed) {
  const uint32_t w = e.word;
  const bool sf = Bit(w, 31);
  const unsigned ds = sf ? 64 : 32;
  const unsigned d = Bits(w, 4, 0), n = Bits(w, 9, 5);
  const unsigned immr = Bits(w, 21, 16), imms = Bits(w, 15, 10);
  if (immr >= ds || imms >= ds) return false;
  const x86::Gp r = Sized(x86::rax, sf);
  if (immr == 0 && (imms == 7 || imms == 15 || (imms == 31 && sf))) {
    // SXTB/SXTH/SXTW, UXTB/UXTH: one extending move.
    e.LoadX(x86::rcx, n, sf);
    const x86::Gp src = imms == 7 ? x86::Gp(x86::cl) : imms == 15 ? x86::Gp(x86::cx) : x86::Gp(x86::ecx);
    if (!is_signed) e.a.movzx(x86::eax, src);
    else if (imms == 31) e.a.movsxd(x86::rax, src);
    else e.a.movsx(r, src);
    e.StoreX(d, x86::rax);
    return true;
  }
  e.LoadX(x86::rax, n, sf);
  if (!is_signed && imms + 1 == immr) {
    e.a.shl(r, ds - immr);  // LSL #(ds - immr)
    e.StoreX(d, x86::rax);
    return true;
  }
  if (imms >= immr) {
    // Extract bits imms:immr to bit 0 (UBFX/SBFX, LSR, ASR, UXT*, SXT*).
    const unsigned left = ds - 1 - imms;
    if (left) e.a.shl(r, left);
    if (left + immr) {
      if (is_signed) e.a.sar(r, left + immr);
      else e.a.shr(r, left + immr);
    }
  } else {
    // Bits imms:0 to bit ds - immr (UBFIZ/SBFIZ, LSL).
    const unsigned left = ds - 1 - imms;
    e.a.shl(r, left);
    if (is_signed) e.a.sar(r, left);
    else e.a.shr(r, left);
    e.a.shl(r, ds - immr);
  }
  e.StoreX(d, x86::rax);
  return true;
}

bool Extract(Emitter& e) {
  const uint32_t w = e.word;
  const bool sf = Bit(w, 31);
  const unsigned d = Bits(w, 4, 0), n = Bits(w, 9, 5), m = Bits(w, 20, 16), lsb = Bits(w, 15, 10);
  if (lsb >= (sf ? 64u : 32u)) return false;
  e.LoadX(x86::rax, m, sf);
  e.LoadX(x86::rcx, n, sf);
  if (lsb) e.a.shrd(Sized(x86::rax, sf), Sized(x86::rcx, sf), lsb);
  e.StoreX(d, x86::rax);
  return true;
}

// LSLV/LSRV/ASRV/RORV: x86 masks the count to the operand width, which is
// the ARM ARM's "Rm MOD datasize".
bool ShiftVariable(Emitter& e, unsigned type) {
  const uint32_t w = e.word;
  const bool sf = Bit(w, 31);
  const unsigned d = Bits(w, 4, 0), n = Bits(w, 9, 5), m = Bits(w, 20, 16);
  const x86::Gp r = Sized(x86::rax, sf);
  e.LoadX(x86::rcx, m, false);
  e.LoadX(x86::rax, n, sf);
  switch (type) {
    case 0: e.a.shl(r, x86::cl); break;
    case 1: e.a.shr(r, x86::cl); break;
    case 2: e.a.sar(r, x86::cl); break;
    default: e.a.ror(r, x86::cl); break;
  }
  e.StoreX(d, x86::rax);
  return true;
}

bool MultiplyAdd(Emitter& e, bool sub) {
  const uint32_t w = e.word;
  const bool sf = Bit(w, 31);
  const unsigned d = Bits(w, 4, 0), n = Bits(w, 9, 5), m = Bits(w, 20, 16), ra = Bits(w, 14, 10);
  const x86::Gp r = Sized(x86::rax, sf), c = Sized(x86::rcx, sf);
  e.LoadX(x86::rax, n, sf);
  e.LoadX(x86::rcx, m, sf);
  e.a.imul(r, c);
  if (ra != 31) {
    e.LoadX(x86::rcx, ra, sf);
    if (sub) {
      e.a.sub(c, r);
      e.a.mov(r, c);
    } else {
      e.a.add(r, c);
    }
  } else if (sub) {
    e.a.neg(r);
  }
  e.StoreX(d, x86::rax);
  return true;
}

// SMADDL/SMSUBL/UMADDL/UMSUBL: 32x32 -> 64 plus Xa.
bool MultiplyLong(Emitter& e, bool is_signed, bool sub) {
  const uint32_t w = e.word;
  const unsigned d = Bits(w, 4, 0), n = Bits(w, 9, 5), m = Bits(w, 20, 16), ra = Bits(w, 14, 10);
  for (auto [reg, src] : {std::pair{x86::rax, n}, std::pair{x86::rcx, m}}) {
    e.LoadX(reg, src, false);
    if (is_signed) e.a.movsxd(reg, reg.r32());
  }
  e.a.imul(x86::rax, x86::rcx);
  e.LoadX(x86::rcx, ra, true);
  if (sub) {
    e.a.sub(x86::rcx, x86::rax);
    e.StoreX(d, x86::rcx);
  } else {
    e.a.add(x86::rax, x86::rcx);
    e.StoreX(d, x86::rax);
  }
  return true;
}

bool MultiplyHigh(Emitter& e, bool is_signed) {
  const uint32_t w = e.word;
  const unsigned d = Bits(w, 4, 0), n = Bits(w, 9, 5), m = Bits(w, 20, 16);
  e.LoadX(x86::rax, n, true);
  e.LoadX(x86::rcx, m, true);
  if (is_signed) e.a.imul(x86::rcx);
  else e.a.mul(x86::rcx);
  e.StoreX(d, x86::rdx);
  return true;
}

// CSEL (0), CSINC (1), CSINV (2), CSNEG (3): op = bit 30, o2 = bit 10.
bool ConditionalSelect(Emitter& e) {
  const uint32_t w = e.word;
  const bool sf = Bit(w, 31);
  const unsigned d = Bits(w, 4, 0), n = Bits(w, 9, 5), m = Bits(w, 20, 16);
  const unsigned cond = Bits(w, 15, 12);
  const unsigned kind = Bit(w, 30) << 1 | Bit(w, 10);
  const x86::Gp rd = Sized(x86::rdx, sf), rs = Sized(x86::rsi, sf);
  e.LoadX(x86::rsi, n, sf);
  e.LoadX(x86::rdx, m, sf);
  switch (kind) {
    case 1: e.a.add(rd, 1); break;
    case 2: e.a.not_(rd); break;
    case 3: e.a.neg(rd); break;
    default: break;
  }
  if (cond < 14) {
    e.EvalCondition(cond);
    e.a.cmovae(rs, rd);  // condition false (CF = 0): the second operand
  }
  e.StoreX(d, x86::rsi);
  return true;
}

// ADD/SUB (extended register): Rm extended by option<2:0>, then << imm3.
bool AddSubExtended(Emitter& e, bool sub, bool set_flags) {
  const uint32_t w = e.word;
  const bool sf = Bit(w, 31);
  const unsigned d = Bits(w, 4, 0), n = Bits(w, 9, 5), m = Bits(w, 20, 16);
  const unsigned option = Bits(w, 15, 13), shift = Bits(w, 12, 10);
  if (shift > 4) return false;
  x86::Assembler& a = e.a;
  e.LoadX(x86::rcx, m, true);
  switch (option) {
    case 0: a.movzx(x86::ecx, x86::cl); break;
    case 1: a.movzx(x86::ecx, x86::cx); break;
    case 2: a.mov(x86::ecx, x86::ecx); break;
    case 4: a.movsx(x86::rcx, x86::cl); break;
    case 5: a.movsx(x86::rcx, x86::cx); break;
    case 6: a.movsxd(x86::rcx, x86::ecx); break;
    default: break;  // UXTX, SXTX
  }
  if (shift) a.shl(x86::rcx, shift);
  e.LoadXSp(x86::rax, n, sf);
  if (sub) a.sub(Sized(x86::rax, sf), Sized(x86::rcx, sf));
  else a.add(Sized(x86::rax, sf), Sized(x86::rcx, sf));
  WriteAddSubResult(e, d, sub, set_flags, true);
  return true;
}

// ADC/ADCS/SBC/SBCS: x86 ADC takes PSTATE.C as carry in; SBB takes the
// borrow, NOT(C).
bool AddSubCarry(Emitter& e, bool sub, bool set_flags) {
  const uint32_t w = e.word;
  const bool sf = Bit(w, 31);
  const unsigned d = Bits(w, 4, 0), n = Bits(w, 9, 5), m = Bits(w, 20, 16);
  x86::Assembler& a = e.a;
  e.LoadX(x86::rax, n, sf);
  e.LoadX(x86::rcx, m, sf);
  a.mov(x86::edx, Emitter::Nzcv());
  a.bt(x86::edx, 29);
  if (sub) {
    a.cmc();
    a.sbb(Sized(x86::rax, sf), Sized(x86::rcx, sf));
  } else {
    a.adc(Sized(x86::rax, sf), Sized(x86::rcx, sf));
  }
  WriteAddSubResult(e, d, sub, set_flags, false);
  return true;
}

// CCMP/CCMN (register, immediate): flags of Rn - op2 (Rn + op2) when the
// condition holds, else the immediate nzcv.
bool ConditionalCompare(Emitter& e, bool negative) {
  const uint32_t w = e.word;
  const bool sf = Bit(w, 31);
  const unsigned n = Bits(w, 9, 5), cond = Bits(w, 15, 12), nzcv = Bits(w, 3, 0);
  x86::Assembler& a = e.a;
  Label otherwise = a.newLabel(), done = a.newLabel();
  e.EvalCondition(cond);
  a.jnc(otherwise);
  e.LoadX(x86::rax, n, sf);
  if (Bit(w, 11)) a.mov(x86::ecx, Bits(w, 20, 16));
  else e.LoadX(x86::rcx, Bits(w, 20, 16), sf);
  if (negative) a.add(Sized(x86::rax, sf), Sized(x86::rcx, sf));
  else a.cmp(Sized(x86::rax, sf), Sized(x86::rcx, sf));
  e.MaterializeFlags(negative ? FlagKind::kAdd : FlagKind::kSub);
  a.jmp(done);
  a.bind(otherwise);
  a.mov(Emitter::Nzcv(), nzcv << 28);
  a.bind(done);
  return true;
}

// REV, REV32 and the 32-bit REV16: byte swaps; CLZ where the host has LZCNT.
bool DataProcessing1(Emitter& e) {
  const uint32_t w = e.word;
  const bool sf = Bit(w, 31);
  const unsigned d = Bits(w, 4, 0), n = Bits(w, 9, 5);
  x86::Assembler& a = e.a;
  switch (e.op) {
    case Op::REV_32_dp_1src:
    case Op::REV_64_dp_1src:
    case Op::REV32_64_dp_1src:
    case Op::REV16_32_dp_1src:
      e.LoadX(x86::rax, n, sf);
      a.bswap(Sized(x86::rax, sf));
      if (e.op == Op::REV32_64_dp_1src) a.ror(x86::rax, 32);
      if (e.op == Op::REV16_32_dp_1src) a.ror(x86::eax, 16);
      break;
    case Op::CLZ_32_dp_1src:
    case Op::CLZ_64_dp_1src:
      if (!asmjit::CpuInfo::host().hasFeature(asmjit::CpuFeatures::X86::kLZCNT)) return false;
      e.LoadX(x86::rcx, n, sf);
      a.lzcnt(Sized(x86::rax, sf), Sized(x86::rcx, sf));
      break;
    default:
      return false;
  }
  e.StoreX(d, x86::rax);
  return true;
}

// MRS of the registers hot in Linux and libc, read straight from CpuState:
// TPIDR_EL0, TPIDRRO_EL0, NZCV, FPCR/FPSR (untrapped), and at EL1 TPIDR_EL1
// (per-CPU offset) and SP_EL0 (`current`). Everything else, and SP_EL0 while
// SPSel selects it (UNDEFINED), is the system-register table's.
bool MoveFromSystemRegister(Emitter& e) {
  const uint32_t w = e.word;
  const unsigned t = Bits(w, 4, 0);
  const unsigned key = Bits(w, 20, 5);  // op0:op1:CRn:CRm:op2
  constexpr auto enc = SysRegEncoding;
  const bool el1 = e.block.flags & kBlockEl1;
  const bool fp = !(e.block.flags & kBlockFpTrapped);
  x86::Assembler& a = e.a;
  if (key == enc(3, 3, 13, 0, 2)) {
    a.mov(x86::rax, Emitter::Field(offsetof(CpuState, tpidr_el0), 8));
  } else if (key == enc(3, 3, 13, 0, 3)) {
    a.mov(x86::rax, Emitter::Field(offsetof(CpuState, tpidrro_el0), 8));
  } else if (key == enc(3, 3, 4, 2, 0)) {
    a.mov(x86::eax, Emitter::Nzcv());
  } else if (fp && key == enc(3, 3, 4, 4, 0)) {
    a.mov(x86::eax, Emitter::Field(offsetof(CpuState, fpcr), 4));
  } else if (fp && key == enc(3, 3, 4, 4, 1)) {
    a.mov(x86::eax, Emitter::Field(offsetof(CpuState, fpsr), 4));
  } else if (el1 && key == enc(3, 0, 13, 0, 4)) {
    a.mov(x86::rax, Emitter::Field(offsetof(CpuState, sys.tpidr_el1), 8));
  } else if (el1 && key == enc(3, 0, 4, 1, 0)) {
    Label resume = a.newLabel();
    a.cmp(Emitter::Field(offsetof(CpuState, pstate.sp), 1), 0);
    a.je(e.AddSlowPath(resume));
    a.mov(x86::rax, Emitter::Field(offsetof(CpuState, sp_el), 8));
    e.StoreX(t, x86::rax);
    a.bind(resume);
    return true;
  } else {
    return false;
  }
  e.StoreX(t, x86::rax);
  return true;
}

bool PcRelative(Emitter& e, bool page) {
  const uint32_t w = e.word;
  const unsigned d = Bits(w, 4, 0);
  const int64_t imm = SignExtend(Bits(w, 23, 5) << 2 | Bits(w, 30, 29), 21);
  const uint64_t v = page ? (e.pc & ~0xfffull) + (static_cast<uint64_t>(imm) << 12)
                          : e.pc + static_cast<uint64_t>(imm);
  if (d != 31) e.StoreXImm(d, v);
  return true;
}

}  // namespace

bool EmitIntegerInline(Emitter& e, bool* ends_block) {
  *ends_block = false;
  switch (e.op) {
    case Op::ADD_32_addsub_imm: case Op::ADD_64_addsub_imm: return AddSubImmediate(e, false, false);
    case Op::ADDS_32S_addsub_imm: case Op::ADDS_64S_addsub_imm: return AddSubImmediate(e, false, true);
    case Op::SUB_32_addsub_imm: case Op::SUB_64_addsub_imm: return AddSubImmediate(e, true, false);
    case Op::SUBS_32S_addsub_imm: case Op::SUBS_64S_addsub_imm: return AddSubImmediate(e, true, true);
    case Op::ADD_32_addsub_shift: case Op::ADD_64_addsub_shift: return AddSubShifted(e, false, false);
    case Op::ADDS_32_addsub_shift: case Op::ADDS_64_addsub_shift: return AddSubShifted(e, false, true);
    case Op::SUB_32_addsub_shift: case Op::SUB_64_addsub_shift: return AddSubShifted(e, true, false);
    case Op::SUBS_32_addsub_shift: case Op::SUBS_64_addsub_shift: return AddSubShifted(e, true, true);
    case Op::AND_32_log_shift: case Op::BIC_32_log_shift: case Op::ORR_32_log_shift:
    case Op::ORN_32_log_shift: case Op::EOR_32_log_shift: case Op::EON_32_log_shift:
    case Op::ANDS_32_log_shift: case Op::BICS_32_log_shift: case Op::AND_64_log_shift:
    case Op::BIC_64_log_shift: case Op::ORR_64_log_shift: case Op::ORN_64_log_shift:
    case Op::EOR_64_log_shift: case Op::EON_64_log_shift: case Op::ANDS_64_log_shift:
    case Op::BICS_64_log_shift:
      return LogicalShifted(e);
    case Op::AND_32_log_imm: case Op::ORR_32_log_imm: case Op::EOR_32_log_imm:
    case Op::ANDS_32S_log_imm: case Op::AND_64_log_imm: case Op::ORR_64_log_imm:
    case Op::EOR_64_log_imm: case Op::ANDS_64S_log_imm:
      return LogicalImmediate(e);
    case Op::MOVN_32_movewide: case Op::MOVN_64_movewide: return MoveWide(e, 0);
    case Op::MOVZ_32_movewide: case Op::MOVZ_64_movewide: return MoveWide(e, 2);
    case Op::MOVK_32_movewide: case Op::MOVK_64_movewide: return MoveWide(e, 3);
    case Op::UBFM_32M_bitfield: case Op::UBFM_64M_bitfield: return Bitfield(e, false);
    case Op::SBFM_32M_bitfield: case Op::SBFM_64M_bitfield: return Bitfield(e, true);
    case Op::EXTR_32_extract: case Op::EXTR_64_extract: return Extract(e);
    case Op::LSLV_32_dp_2src: case Op::LSLV_64_dp_2src: return ShiftVariable(e, 0);
    case Op::LSRV_32_dp_2src: case Op::LSRV_64_dp_2src: return ShiftVariable(e, 1);
    case Op::ASRV_32_dp_2src: case Op::ASRV_64_dp_2src: return ShiftVariable(e, 2);
    case Op::RORV_32_dp_2src: case Op::RORV_64_dp_2src: return ShiftVariable(e, 3);
    case Op::MADD_32A_dp_3src: case Op::MADD_64A_dp_3src: return MultiplyAdd(e, false);
    case Op::MSUB_32A_dp_3src: case Op::MSUB_64A_dp_3src: return MultiplyAdd(e, true);
    case Op::SMADDL_64WA_dp_3src: return MultiplyLong(e, true, false);
    case Op::SMSUBL_64WA_dp_3src: return MultiplyLong(e, true, true);
    case Op::UMADDL_64WA_dp_3src: return MultiplyLong(e, false, false);
    case Op::UMSUBL_64WA_dp_3src: return MultiplyLong(e, false, true);
    case Op::SMULH_64_dp_3src: return MultiplyHigh(e, true);
    case Op::UMULH_64_dp_3src: return MultiplyHigh(e, false);
    case Op::CSEL_32_condsel: case Op::CSINC_32_condsel: case Op::CSINV_32_condsel:
    case Op::CSNEG_32_condsel: case Op::CSEL_64_condsel: case Op::CSINC_64_condsel:
    case Op::CSINV_64_condsel: case Op::CSNEG_64_condsel:
      return ConditionalSelect(e);
    case Op::ADD_32_addsub_ext: case Op::ADD_64_addsub_ext: return AddSubExtended(e, false, false);
    case Op::ADDS_32S_addsub_ext: case Op::ADDS_64S_addsub_ext: return AddSubExtended(e, false, true);
    case Op::SUB_32_addsub_ext: case Op::SUB_64_addsub_ext: return AddSubExtended(e, true, false);
    case Op::SUBS_32S_addsub_ext: case Op::SUBS_64S_addsub_ext: return AddSubExtended(e, true, true);
    case Op::ADC_32_addsub_carry: case Op::ADC_64_addsub_carry: return AddSubCarry(e, false, false);
    case Op::ADCS_32_addsub_carry: case Op::ADCS_64_addsub_carry: return AddSubCarry(e, false, true);
    case Op::SBC_32_addsub_carry: case Op::SBC_64_addsub_carry: return AddSubCarry(e, true, false);
    case Op::SBCS_32_addsub_carry: case Op::SBCS_64_addsub_carry: return AddSubCarry(e, true, true);
    case Op::CCMN_32_condcmp_reg: case Op::CCMN_64_condcmp_reg: case Op::CCMN_32_condcmp_imm:
    case Op::CCMN_64_condcmp_imm:
      return ConditionalCompare(e, true);
    case Op::CCMP_32_condcmp_reg: case Op::CCMP_64_condcmp_reg: case Op::CCMP_32_condcmp_imm:
    case Op::CCMP_64_condcmp_imm:
      return ConditionalCompare(e, false);
    case Op::REV_32_dp_1src: case Op::REV_64_dp_1src: case Op::REV32_64_dp_1src:
    case Op::REV16_32_dp_1src: case Op::CLZ_32_dp_1src: case Op::CLZ_64_dp_1src:
      return DataProcessing1(e);
    case Op::MRS_RS_systemmove: return MoveFromSystemRegister(e);
    case Op::ADR_only_pcreladdr: return PcRelative(e, false);
    case Op::ADRP_only_pcreladdr: return PcRelative(e, true);
    default:
      // Hints and barriers with no effect here (NOP, DMB, DSB, ISB, ...):
      // the interpreter runs the same "no effect" function for them.
      return ExecTable::Instance().Lookup(e.op) == ExecTable::Instance().Lookup(Op::NOP_HI_hints);
  }
}

}  // namespace a64::jit
