// In-line branches. Every branch ends its block: direct targets leave
// through chain slots (ExitTo), register targets through the jump cache
// (ExitIndirect). The branch itself is counted before it leaves.
#include "jit/emitter.h"

namespace a64::jit {
namespace {

// X30 = link (rax may hold the branch target: not used here).
void StoreLink(Emitter& e, uint64_t link) {
  e.a.mov(x86::rcx, asmjit::imm(link));
  e.StoreX(30, x86::rcx);
}

// A conditional branch whose condition is in the x86 flags (`taken_if`);
// with `captured`, NZCV comes from LAHF/SETO (the fused flag setter) and is
// stored on each path. As the block's last instruction it leaves both ways.
// Before that only the taken path leaves -- counting the instructions so far
// and giving the budget of the rest back -- and the block goes on.
void Conditional(Emitter& e, uint64_t target, x86::CondCode taken_if, const FlagKind* captured,
                 bool* ends_block) {
  x86::Assembler& a = e.a;
  const unsigned retired = e.pending + 1;
  const bool last = e.index + 1 == e.count;
  Label other = a.newLabel();
  a.j(last ? taken_if : x86::negateCond(taken_if), other);
  for (int path = 0; path < 2; ++path) {
    const bool taken = last ? path == 1 : path == 0;
    if (path == 1) a.bind(other);
    if (captured) e.StoreCapturedFlags(*captured);
    if (!last && !taken) break;  // falls through into the rest of the block
    a.add(Emitter::ICount(), retired);
    if (!last) a.add(Emitter::kBudgetReg, e.count - (e.index + 1));
    e.ExitTo(taken ? target : e.pc + 4);
  }
  if (last) e.pending = 0;
  *ends_block = last;
}

}  // namespace

bool EmitBranchInline(Emitter& e, bool* ends_block) {
  const uint32_t w = e.word;
  x86::Assembler& a = e.a;
  switch (e.op) {
    case Op::B_only_branch_imm:
    case Op::BL_only_branch_imm: {
      const uint64_t target = e.pc + static_cast<uint64_t>(SignExtend(Bits(w, 25, 0), 26) * 4);
      if (e.op == Op::BL_only_branch_imm) {
        StoreLink(e, e.pc + 4);
        e.PushReturn(e.pc + 4);
      }
      e.FlushCount(1);
      e.ExitTo(target);
      break;
    }
    case Op::B_only_condbranch: {
      const uint64_t target = e.pc + static_cast<uint64_t>(SignExtend(Bits(w, 23, 5), 19) * 4);
      const unsigned cond = Bits(w, 3, 0);
      if (e.flags_live) {
        // The previous instruction left its flags live: branch on them.
        e.flags_live = false;
        const FlagKind kind = e.live_kind;
        Conditional(e, target, static_cast<x86::CondCode>(Emitter::X86Condition(kind, cond)),
                    &kind, ends_block);
        return true;
      }
      if (cond >= 14) {  // always
        e.FlushCount(1);
        e.ExitTo(target);
        break;
      }
      e.EvalCondition(cond);
      Conditional(e, target, x86::CondCode::kC, nullptr, ends_block);
      return true;
    }
    case Op::CBZ_32_compbranch: case Op::CBNZ_32_compbranch:
    case Op::CBZ_64_compbranch: case Op::CBNZ_64_compbranch: {
      const uint64_t target = e.pc + static_cast<uint64_t>(SignExtend(Bits(w, 23, 5), 19) * 4);
      const unsigned t = Bits(w, 4, 0);
      const bool nonzero = Bit(w, 24);
      e.LoadX(x86::rax, t, Bit(w, 31));  // XZR: zero
      a.test(x86::rax, x86::rax);
      Conditional(e, target, nonzero ? x86::CondCode::kNE : x86::CondCode::kE, nullptr,
                  ends_block);
      return true;
    }
    case Op::TBZ_only_testbranch:
    case Op::TBNZ_only_testbranch: {
      const uint64_t target = e.pc + static_cast<uint64_t>(SignExtend(Bits(w, 18, 5), 14) * 4);
      const unsigned t = Bits(w, 4, 0), bit = Bit(w, 31) << 5 | Bits(w, 23, 19);
      const bool nonzero = e.op == Op::TBNZ_only_testbranch;
      e.LoadX(x86::rax, t, true);  // XZR: zero
      a.bt(x86::rax, bit);
      Conditional(e, target, nonzero ? x86::CondCode::kC : x86::CondCode::kNC, nullptr,
                  ends_block);
      return true;
    }
    case Op::BR_64_branch_reg:
    case Op::BLR_64_branch_reg:
    case Op::RET_64R_branch_reg: {
      e.LoadX(x86::rax, Bits(w, 9, 5), true);
      if (e.op == Op::BLR_64_branch_reg) {
        StoreLink(e, e.pc + 4);
        e.PushReturn(e.pc + 4);
      }
      a.mov(Emitter::Pc(), x86::rax);
      e.FlushCount(1);
      e.ExitIndirect(e.op == Op::RET_64R_branch_reg);
      break;
    }
    default:
      *ends_block = false;
      return false;
  }
  *ends_block = true;
  return true;
}

}  // namespace a64::jit
