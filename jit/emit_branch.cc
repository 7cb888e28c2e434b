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

void Conditional(Emitter& e, uint64_t target, x86::CondCode taken_if) {
  Label taken = e.a.newLabel();
  e.a.j(taken_if, taken);
  e.ExitTo(e.pc + 4);
  e.a.bind(taken);
  e.ExitTo(target);
}

}  // namespace

bool EmitBranchInline(Emitter& e, bool* ends_block) {
  const uint32_t w = e.word;
  x86::Assembler& a = e.a;
  switch (e.op) {
    case Op::B_only_branch_imm:
    case Op::BL_only_branch_imm: {
      const uint64_t target = e.pc + static_cast<uint64_t>(SignExtend(Bits(w, 25, 0), 26) * 4);
      if (e.op == Op::BL_only_branch_imm) StoreLink(e, e.pc + 4);
      e.FlushCount(1);
      e.ExitTo(target);
      break;
    }
    case Op::B_only_condbranch: {
      const uint64_t target = e.pc + static_cast<uint64_t>(SignExtend(Bits(w, 23, 5), 19) * 4);
      const unsigned cond = Bits(w, 3, 0);
      if (e.flags_live) {
        // The previous instruction left its flags live: branch on them, then
        // store NZCV and count on each path.
        const unsigned n = e.pending + 1;
        Label taken = a.newLabel();
        a.j(static_cast<x86::CondCode>(Emitter::X86Condition(e.live_kind, cond)), taken);
        for (int path = 0; path < 2; ++path) {
          if (path == 1) a.bind(taken);
          e.StoreCapturedFlags(e.live_kind);
          a.add(Emitter::ICount(), n);
          e.ExitTo(path == 0 ? e.pc + 4 : target);
        }
        e.pending = 0;
        e.flags_live = false;
        break;
      }
      e.FlushCount(1);
      if (cond >= 14) {
        e.ExitTo(target);
        break;
      }
      e.EvalCondition(cond);
      Conditional(e, target, x86::CondCode::kC);
      break;
    }
    case Op::CBZ_32_compbranch: case Op::CBNZ_32_compbranch:
    case Op::CBZ_64_compbranch: case Op::CBNZ_64_compbranch: {
      const uint64_t target = e.pc + static_cast<uint64_t>(SignExtend(Bits(w, 23, 5), 19) * 4);
      const unsigned t = Bits(w, 4, 0);
      const bool nonzero = Bit(w, 24);
      e.FlushCount(1);
      if (t == 31) {
        e.ExitTo(nonzero ? e.pc + 4 : target);
        break;
      }
      e.LoadX(x86::rax, t, Bit(w, 31));
      a.test(x86::rax, x86::rax);
      Conditional(e, target, nonzero ? x86::CondCode::kNE : x86::CondCode::kE);
      break;
    }
    case Op::TBZ_only_testbranch:
    case Op::TBNZ_only_testbranch: {
      const uint64_t target = e.pc + static_cast<uint64_t>(SignExtend(Bits(w, 18, 5), 14) * 4);
      const unsigned t = Bits(w, 4, 0), bit = Bit(w, 31) << 5 | Bits(w, 23, 19);
      const bool nonzero = e.op == Op::TBNZ_only_testbranch;
      e.FlushCount(1);
      if (t == 31) {
        e.ExitTo(nonzero ? e.pc + 4 : target);
        break;
      }
      e.LoadX(x86::rax, t, true);
      a.bt(x86::rax, bit);
      Conditional(e, target, nonzero ? x86::CondCode::kC : x86::CondCode::kNC);
      break;
    }
    case Op::BR_64_branch_reg:
    case Op::BLR_64_branch_reg:
    case Op::RET_64R_branch_reg: {
      e.LoadX(x86::rax, Bits(w, 9, 5), true);
      if (e.op == Op::BLR_64_branch_reg) StoreLink(e, e.pc + 4);
      a.mov(Emitter::Pc(), x86::rax);
      e.FlushCount(1);
      e.ExitIndirect();
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
