#include "jit/translator.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string_view>

#include "frontend/decoder.h"
#include "frontend/disasm/formatters_branch_system.h"
#include "frontend/semantics/dispatch.h"
#include "jit/emitter.h"
#include "jit/op_traits.h"

namespace a64::jit {
namespace {

bool IsBranch(Op op) {
  switch (op) {
    case Op::B_only_branch_imm: case Op::BL_only_branch_imm: case Op::B_only_condbranch:
    case Op::CBZ_32_compbranch: case Op::CBNZ_32_compbranch: case Op::CBZ_64_compbranch:
    case Op::CBNZ_64_compbranch: case Op::TBZ_only_testbranch: case Op::TBNZ_only_testbranch:
    case Op::BR_64_branch_reg: case Op::BLR_64_branch_reg: case Op::RET_64R_branch_reg:
      return true;
    default:
      return false;
  }
}

// Flag-setting instructions whose in-line form ends with MaterializeFlags on
// its only path.
bool MayLeaveFlagsLive(Op op) {
  switch (op) {
    case Op::ADDS_32S_addsub_imm: case Op::ADDS_64S_addsub_imm: case Op::SUBS_32S_addsub_imm:
    case Op::SUBS_64S_addsub_imm: case Op::ADDS_32_addsub_shift: case Op::ADDS_64_addsub_shift:
    case Op::SUBS_32_addsub_shift: case Op::SUBS_64_addsub_shift: case Op::ADDS_32S_addsub_ext:
    case Op::ADDS_64S_addsub_ext: case Op::SUBS_32S_addsub_ext: case Op::SUBS_64S_addsub_ext:
    case Op::ANDS_32S_log_imm: case Op::ANDS_64S_log_imm: case Op::ANDS_32_log_shift:
    case Op::ANDS_64_log_shift: case Op::BICS_32_log_shift: case Op::BICS_64_log_shift:
      return true;
    default:
      return false;
  }
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Adds the general-purpose registers an in-line instruction reads through
// the register cache (31: SP where the field names SP) to reads[]. An
// estimate for choosing what to cache; it never affects correctness.
void CountRegisterReads(Op op, uint32_t w, unsigned reads[32]) {
  const std::string_view name = EncodingOf(op).name;
  const unsigned rd = Bits(w, 4, 0), rn = Bits(w, 9, 5), rm = Bits(w, 20, 16);
  const auto read = [&](unsigned r, bool sp) {
    if (r != 31 || sp) ++reads[r];
  };
  if (EndsWith(name, "_addsub_imm") || EndsWith(name, "_addsub_ext")) {
    read(rn, true);
    if (EndsWith(name, "_addsub_ext")) read(rm, false);
  } else if (EndsWith(name, "_addsub_shift") || EndsWith(name, "_log_shift") ||
             EndsWith(name, "_condsel") || EndsWith(name, "_dp_2src") ||
             EndsWith(name, "_addsub_carry")) {
    read(rn, false);
    read(rm, false);
  } else if (EndsWith(name, "_log_imm") || EndsWith(name, "_bitfield") ||
             EndsWith(name, "_condcmp_imm")) {
    read(rn, false);
  } else if (EndsWith(name, "_condcmp_reg") || EndsWith(name, "_extract")) {
    read(rn, false);
    read(rm, false);
  } else if (EndsWith(name, "_dp_3src")) {
    read(rn, false);
    read(rm, false);
    read(Bits(w, 14, 10), false);
  } else if (EndsWith(name, "_branch_reg")) {
    read(rn, false);
  } else if (name.find("_ldst") != std::string_view::npos) {
    read(rn, true);
    if (EndsWith(name, "_regoff")) read(rm, false);
    if (name[0] == 'S' && !Bit(w, 26)) {  // integer stores read Rt (and Rt2)
      read(rd, false);
      if (name.find("_ldstpair") != std::string_view::npos) read(Bits(w, 14, 10), false);
    }
  } else if (EndsWith(name, "_compbranch") || EndsWith(name, "_testbranch")) {
    read(rd, false);
  }
}

// Up to `max` registers read at least `min_reads` times, most read first.
unsigned MostRead(unsigned reads[32], unsigned min_reads, unsigned chosen[], unsigned max) {
  unsigned n = 0;
  while (n < max) {
    unsigned best = 0;
    for (unsigned r = 1; r < 32; ++r)
      if (reads[r] > reads[best]) best = r;
    if (reads[best] < min_reads) break;
    chosen[n++] = best;
    reads[best] = 0;
  }
  return n;
}

// Conditional branches do not end a block: the taken path leaves it.
bool IsConditionalBranch(Op op, uint32_t word) {
  switch (op) {
    case Op::B_only_condbranch:
      return Bits(word, 3, 0) < 14;  // AL and NV always branch
    case Op::CBZ_32_compbranch: case Op::CBNZ_32_compbranch: case Op::CBZ_64_compbranch:
    case Op::CBNZ_64_compbranch: case Op::TBZ_only_testbranch: case Op::TBNZ_only_testbranch:
      return true;
    default:
      return false;
  }
}

}  // namespace

bool EndsBlockWithAttention(Op op, uint32_t word) {
  if (op == Op::MSR_SI_pstate) return true;  // DAIFSet/DAIFClr, SPSel, PAN, UAO
  if (op != Op::MSR_SR_systemmove) return false;
  // Registers that change nothing translated code or the runner's checks
  // depend on, beyond what the next block lookup re-derives (FPCR).
  switch (Bits(word, 20, 5)) {
    case SysRegEncoding(3, 3, 4, 2, 0):   // NZCV
    case SysRegEncoding(3, 3, 4, 2, 1):   // DAIF
    case SysRegEncoding(3, 3, 4, 4, 0):   // FPCR
    case SysRegEncoding(3, 3, 4, 4, 1):   // FPSR
    case SysRegEncoding(3, 3, 13, 0, 2):  // TPIDR_EL0
    case SysRegEncoding(3, 3, 13, 0, 3):  // TPIDRRO_EL0
    case SysRegEncoding(3, 0, 13, 0, 4):  // TPIDR_EL1
    case SysRegEncoding(3, 0, 4, 1, 0):   // SP_EL0
    case SysRegEncoding(3, 0, 4, 0, 0):   // SPSR_EL1
    case SysRegEncoding(3, 0, 4, 0, 1):   // ELR_EL1
      return true;
    default:
      return false;
  }
}

bool InterpretedOnly(Op op, uint32_t word, uint32_t block_flags) {
  if (!ExecTable::Instance().Implemented(op)) return true;
  if (EndsBlockWithAttention(op, word)) {
    // Only the FP trap applies to these (MSR FPCR/FPSR through the table).
    return false;
  }
  const uint8_t traits = TraitsOf(op);
  if (traits & (kTraitStateChange | kTraitHalt)) return true;
  if ((block_flags & kBlockFpTrapped) && (traits & kTraitFpSimd)) return true;
  // Data cache maintenance (DC: SYS with CRn = 7 and CRm = 4, 6, 10..14)
  // changes nothing translated code depends on; DC ZVA is hot (clear_page).
  if (op == Op::SYS_CR_systeminstrs && Bits(word, 15, 12) == 7) {
    const unsigned crm = Bits(word, 11, 8);
    if (crm == 4 || crm == 6 || (crm >= 10 && crm <= 14)) return false;
  }
  switch (op) {
    // Exceptions, and instructions that may change what translated code
    // depends on (system registers, TLB and cache maintenance) or wait.
    case Op::SVC_EX_exception: case Op::HVC_EX_exception: case Op::SMC_EX_exception:
    case Op::BRK_EX_exception: case Op::SYS_CR_systeminstrs: case Op::SYSL_RC_systeminstrs:
    case Op::WFI_HI_hints: case Op::WFE_HI_hints:
      return true;
    default:  // ERET and MSR carry kTraitStateChange, HLT kTraitHalt
      return false;
  }
}

Translator::Translator(size_t max_code_bytes) : max_code_bytes_(max_code_bytes) { Flush(); }

Translator::~Translator() = default;

void Translator::Flush() {
  runtime_ = std::make_unique<asmjit::JitRuntime>();
  code_bytes_ = 0;
  access_sites_.clear();
  EmitTrampoline();
}

bool Translator::Recover(uintptr_t pc, uintptr_t* resume) const {
  auto it = access_sites_.upper_bound(pc);
  if (it == access_sites_.begin()) return false;
  --it;
  if (pc >= it->second.end) return false;
  *resume = it->second.slow;
  return true;
}

// entry(cpu, ctx, code): saves the callee-saved registers, pins rbx = cpu and
// r12 = ctx, and jumps to `code`; generated code comes back to `exit_` with
// eax = the ExitCode. The stack stays 16-byte aligned for calls.
void Translator::EmitTrampoline() {
  asmjit::CodeHolder code;
  code.init(runtime_->environment());
  x86::Assembler a(&code);
  Label exit = a.newLabel();
  a.push(x86::rbx);
  a.push(x86::rbp);
  a.push(x86::r12);
  a.push(x86::r13);
  a.push(x86::r14);
  a.push(x86::r15);
  a.sub(x86::rsp, 8);
  a.mov(x86::rbx, x86::rdi);
  a.mov(x86::r12, x86::rsi);
  // r15 = *ctx->limit - cpu->icount (the engine enters below the limit).
  a.mov(x86::rax, x86::qword_ptr(x86::rsi, offsetof(JitContext, limit)));
  a.mov(Emitter::kBudgetReg, x86::qword_ptr(x86::rax));
  a.sub(Emitter::kBudgetReg, x86::qword_ptr(x86::rdi, offsetof(Cpu, icount)));
  a.jmp(x86::rdx);
  Label dispatch_exit = a.newLabel();
  a.bind(dispatch_exit);
  a.mov(x86::qword_ptr(x86::r12, offsetof(JitContext, exit_slot)), 0);
  a.mov(x86::eax, static_cast<uint32_t>(kExitDispatch));
  a.bind(exit);
  a.add(x86::rsp, 8);
  a.pop(x86::r15);
  a.pop(x86::r14);
  a.pop(x86::r13);
  a.pop(x86::r12);
  a.pop(x86::rbp);
  a.pop(x86::rbx);
  a.ret();
  void* fn = nullptr;
  if (runtime_->add(&fn, &code) != asmjit::kErrorOk) {
    // Without executable memory there is no translator at all.
    std::fprintf(stderr,
                 "a64sim: cannot allocate executable memory for the JIT; "
                 "run with --engine=interp\n");
    std::abort();
  }
  entry_ = reinterpret_cast<EntryFn>(fn);
  exit_ = static_cast<uint8_t*>(fn) + code.labelOffsetFromBase(exit);
  dispatch_exit_ = static_cast<uint8_t*>(fn) + code.labelOffsetFromBase(dispatch_exit);
}

bool Translator::Translate(Block& block, const uint8_t* page, const DataPath& data,
                           bool chain, const ObserverHooks& hooks, unsigned max_insns) {
  if (code_bytes_ >= max_code_bytes_) return false;
  // Plan: the instructions of the block.
  struct Insn {
    uint32_t word;
    Op op;
  };
  Insn insns[kMaxBlockInsns];
  unsigned count = 0;
  unsigned exits = 2;  // the last instruction's (or the fall-through) chain slots
  for (uint64_t pc = block.pc; count < max_insns && count < kMaxBlockInsns; pc += 4) {
    if (count && (pc & 0xfff) == 0) break;  // page end
    uint32_t word;
    std::memcpy(&word, page + (pc & 0xfff), 4);
    const Op op = Decode(word).op;
    if (InterpretedOnly(op, word, block.flags)) break;
    insns[count++] = Insn{word, op};
    if (IsConditionalBranch(op, word)) {
      ++exits;
      continue;
    }
    if (op == Op::BL_only_branch_imm || op == Op::BLR_64_branch_reg) ++exits;  // return slot
    if (IsBranch(op) || EndsBlockWithAttention(op, word)) break;
  }
  block.length = count;
  block.slots.resize(exits);  // its addresses are compiled into the exit stubs

  asmjit::CodeHolder code;
  code.init(runtime_->environment());
  x86::Assembler a(&code);
  Emitter e(a, block, chain, data, hooks);
  if (count == 0) {
    e.StoreImm(Emitter::Pc(), block.pc);
    e.ExitToEngine(kExitDispatch);
  } else {
    // Prologue: run only while the whole block fits in the budget.
    Label too_far = a.newLabel();
    a.sub(Emitter::kBudgetReg, count);
    a.jb(too_far);
    e.count = count;
    e.CallOnBlock(count);
    if (data.direct)
      a.mov(Emitter::kMemoryReg, asmjit::imm(reinterpret_cast<uint64_t>(data.direct)));
    else if (data.table)
      a.mov(Emitter::kMemoryReg, asmjit::imm(reinterpret_cast<uint64_t>(data.table)));
    // Cache the guest registers the block reads at least twice: one load at
    // entry instead of one per read.
    unsigned reads[32] = {};
    for (unsigned i = 0; i < count; ++i) CountRegisterReads(insns[i].op, insns[i].word, reads);
    unsigned chosen[Emitter::kCachedRegs];
    e.CacheRegisters(chosen, MostRead(reads, 2, chosen, Emitter::kCachedRegs));
    e.LoadCachedRegisters();
    bool ended = false;
    for (unsigned i = 0; i < count && !ended; ++i) {
      e.pc = block.pc + 4ull * i;
      e.word = insns[i].word;
      e.op = insns[i].op;
      e.index = i;
      // A flag-setting add/sub/logic op right before a B.cond may leave the
      // x86 flags live for it.
      e.fuse_bcond = i + 1 < count && insns[i + 1].op == Op::B_only_condbranch &&
                             MayLeaveFlagsLive(e.op)
                         ? static_cast<int>(Bits(insns[i + 1].word, 3, 0))
                         : -1;
      // Every branch has an in-line form, which ends the block.
      if (EndsBlockWithAttention(e.op, e.word)) {
        e.CallSemanticsThenAttend();
        ended = true;
      } else if (!EmitBranchInline(e, &ended) && !EmitIntegerInline(e, &ended) &&
                 !EmitMemoryInline(e, &ended) && !EmitFpInline(e, &ended)) {
        e.CallSemantics();
      }
      if (!ended) e.pending += 1;
    }
    if (!ended) {
      e.FlushCount();
      e.ExitTo(block.pc + 4ull * count);
    }
    a.bind(too_far);
    e.StoreImm(Emitter::Pc(), block.pc);
    e.ExitToEngine(kExitDispatch);
    e.EmitOutOfLine();
  }

  void* fn = nullptr;
  if (runtime_->add(&fn, &code) != asmjit::kErrorOk) return false;
  code_bytes_ += code.codeSize();
  block.code = fn;
  block.code_size = static_cast<uint32_t>(code.codeSize());
  const auto at = [&](Label l) {
    return reinterpret_cast<uintptr_t>(fn) + code.labelOffsetFromBase(l);
  };
  for (const Emitter::AccessSite& s : e.access_sites)
    access_sites_[at(s.begin)] = AccessSite{at(s.end), at(s.slow)};
  for (const ChainExit& c : e.chain_exits) {
    ChainSlot& s = block.slots[c.slot];
    s.stub = static_cast<uint8_t*>(fn) + code.labelOffsetFromBase(c.stub);
    s.jump_rel32 = static_cast<uint8_t*>(fn) + code.labelOffsetFromBase(c.after_jump) - 4;
    s.owner = &block;
  }
  return true;
}

}  // namespace a64::jit
