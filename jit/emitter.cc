#include "jit/emitter.h"

#include "frontend/semantics/dispatch.h"
#include "frontend/semantics/integer/pseudocode_integer.h"

namespace a64::jit {
namespace {

constexpr int32_t kCtxLimit = offsetof(JitContext, limit);
constexpr int32_t kCtxExitSlot = offsetof(JitContext, exit_slot);
constexpr int32_t kCtxJumpCache = offsetof(JitContext, jump_cache);
constexpr int32_t kCtxExit = offsetof(JitContext, exit);
constexpr int32_t kCtxReturnTop = offsetof(JitContext, return_top);
constexpr int32_t kCtxReturnStack = offsetof(JitContext, return_stack);
static_assert(sizeof(ReturnEntry) == 16, "generated code indexes by shift 4");

bool FitsInt32(uint64_t v) { return static_cast<int64_t>(v) == static_cast<int32_t>(v); }

// Bit k is set when the condition holds for NZCV = k.
uint32_t ConditionMask(unsigned cond) {
  uint32_t mask = 0;
  for (uint32_t k = 0; k < 16; ++k)
    if (ConditionHolds(cond, k << 28)) mask |= 1u << k;
  return mask;
}

}  // namespace

x86::Mem Emitter::Field(size_t off, unsigned size) {
  return x86::ptr(x86::rbx, static_cast<int32_t>(off), size);
}

void Emitter::CacheRegisters(const unsigned guest[], unsigned count) {
  static const x86::Gp kHost[kCachedRegs] = {x86::rbp, x86::r13};
  for (unsigned i = 0; i < count && i < kCachedRegs; ++i) {
    cache[guest[i]] = kHost[i];
    cached[guest[i]] = true;
  }
}

void Emitter::LoadCachedRegisters() {
  for (unsigned n = 0; n < 32; ++n)
    if (cached[n]) a.mov(cache[n], n == 31 ? Sp() : X(n));
}

void Emitter::StoreCachedRegisters(uint32_t mask) {
  for (unsigned n = 0; n < 32; ++n)
    if (mask >> n & 1) a.mov(n == 31 ? Sp() : X(n), cache[n]);
}

void Emitter::StoreXImm(unsigned n, uint64_t v) {
  if (cached[n]) {
    a.mov(cache[n], asmjit::imm(v));
    dirty |= 1u << n;
  } else {
    StoreImm(X(n), v);
  }
}

void Emitter::LoadX(x86::Gp r, unsigned n, bool sf) {
  if (n == 31) {
    a.xor_(r.r32(), r.r32());
  } else if (cached[n]) {
    if (sf) a.mov(r.r64(), cache[n]);
    else a.mov(r.r32(), cache[n].r32());
  } else if (sf) {
    a.mov(r.r64(), X(n));
  } else {
    a.mov(r.r32(), W(n));
  }
}

asmjit::Operand Emitter::SourceX(unsigned n, bool sf, x86::Gp zero) {
  if (n == 31) {
    a.xor_(zero.r32(), zero.r32());
    return sf ? asmjit::Operand(zero.r64()) : asmjit::Operand(zero.r32());
  }
  if (cached[n]) return sf ? asmjit::Operand(cache[n].r64()) : asmjit::Operand(cache[n].r32());
  return sf ? asmjit::Operand(X(n)) : asmjit::Operand(W(n));
}

void Emitter::LoadXSp(x86::Gp r, unsigned n, bool sf) {
  if (n != 31) return LoadX(r, n, sf);
  if (cached[31]) {
    if (sf) a.mov(r.r64(), cache[31]);
    else a.mov(r.r32(), cache[31].r32());
  } else if (sf) {
    a.mov(r.r64(), Sp());
  } else {
    a.mov(r.r32(), Field(offsetof(CpuState, sp), 4));
  }
}

void Emitter::StoreX(unsigned n, x86::Gp r) {
  if (n == 31) return;
  StoreXSp(n, r);
}

void Emitter::StoreXSp(unsigned n, x86::Gp r) {
  if (cached[n]) {
    a.mov(cache[n], r.r64());
    dirty |= 1u << n;
  } else {
    a.mov(n == 31 ? Sp() : X(n), r.r64());
  }
}

void Emitter::StoreImm(const x86::Mem& m, uint64_t v) {
  if (FitsInt32(v)) {
    a.mov(m, asmjit::imm(static_cast<int32_t>(v)));
  } else {
    a.mov(x86::rax, asmjit::imm(v));
    a.mov(m, x86::rax);
  }
}

void Emitter::MaterializeFlags(FlagKind kind) {
  // LAHF: AH = SF:ZF:0:AF:0:PF:1:CF. Neither it nor SETO changes the flags.
  a.lahf();
  if (kind != FlagKind::kLogic) a.seto(x86::dl);
  if (fuse_bcond >= 0 && X86Condition(kind, static_cast<unsigned>(fuse_bcond)) >= 0) {
    flags_live = true;
    live_kind = kind;
    return;
  }
  StoreCapturedFlags(kind);
}

int Emitter::X86Condition(FlagKind kind, unsigned cond) {
  using C = x86::CondCode;
  // After x86 SUB/CMP the carry is the borrow (ARM C = NOT CF); after AND
  // x86 clears CF and OF as ARM clears C and V for ANDS.
  const bool sub = kind == FlagKind::kSub;
  switch (cond) {
    case 0: return static_cast<int>(C::kE);
    case 1: return static_cast<int>(C::kNE);
    case 2: return static_cast<int>(sub ? C::kAE : C::kB);
    case 3: return static_cast<int>(sub ? C::kB : C::kAE);
    case 4: return static_cast<int>(C::kS);
    case 5: return static_cast<int>(C::kNS);
    case 6: return static_cast<int>(C::kO);
    case 7: return static_cast<int>(C::kNO);
    case 8: return sub ? static_cast<int>(C::kA) : -1;   // C && !Z
    case 9: return sub ? static_cast<int>(C::kBE) : -1;  // !C || Z
    case 10: return static_cast<int>(C::kGE);
    case 11: return static_cast<int>(C::kL);
    case 12: return static_cast<int>(C::kG);
    case 13: return static_cast<int>(C::kLE);
    default: return -1;
  }
}

void Emitter::StoreCapturedFlags(FlagKind kind) {
  // NZCV bits 31:28: N = SF, Z = ZF (AH bits 7, 6); C and V by kind.
  if (kind == FlagKind::kLogic) {
    a.movzx(x86::ecx, x86::ah);
    a.and_(x86::ecx, 0xc0);
    a.shl(x86::ecx, 24);
    a.mov(Nzcv(), x86::ecx);
    return;
  }
  a.movzx(x86::ecx, x86::ah);
  a.and_(x86::ecx, 0xc1);
  a.movzx(x86::edx, x86::dl);
  a.lea(x86::ecx, x86::ptr(x86::rcx, x86::rdx, 1));  // OF to bit 1
  const size_t table = kind == FlagKind::kSub ? offsetof(JitContext, nzcv_after_sub)
                                              : offsetof(JitContext, nzcv_after_add);
  a.mov(x86::ecx, x86::ptr(x86::r12, x86::rcx, 2, static_cast<int32_t>(table), 4));
  a.mov(Nzcv(), x86::ecx);
}

void Emitter::EvalCondition(unsigned cond) {
  a.mov(x86::eax, Nzcv());
  a.shr(x86::eax, 28);
  a.mov(x86::ecx, ConditionMask(cond));
  a.bt(x86::ecx, x86::eax);
}

void Emitter::FlushCount(unsigned extra) {
  const unsigned n = pending + extra;
  if (n) a.add(ICount(), n);
  pending = 0;
}

void Emitter::EmitCall(uint32_t w, Op o) {
  a.mov(x86::rdi, x86::rbx);
  a.mov(x86::esi, w);
  a.mov(x86::rax, asmjit::imm(reinterpret_cast<uint64_t>(ExecTable::Instance().Lookup(o))));
  a.call(x86::rax);
}

// After a semantics call at `insn_pc` with the count exact in memory (the
// instruction not yet counted): on kNext continue (at `resume` for a slow
// path, after subtracting `pending_before` again), on kBranch count it and
// return to the engine, on kException return to the engine with it.
void Emitter::EmitStatusCheck(unsigned pending_before, unsigned rest, uint64_t insn_pc,
                              Label resume) {
  Label not_next = a.newLabel();
  Label exception = a.newLabel();
  a.test(x86::al, x86::al);
  a.jnz(not_next);
  // A device may have lowered the limit (or translated code changed): the
  // budget is recomputed, and if the rest of the block no longer fits, the
  // block stops after this instruction, as the interpreter would attend
  // before the next one.
  Label stop = a.newLabel();
  a.mov(x86::rax, ICount());
  a.add(x86::rax, rest);  // the count at the end of the block
  a.mov(x86::rcx, x86::qword_ptr(x86::r12, kCtxLimit));
  a.mov(kBudgetReg, x86::qword_ptr(x86::rcx));
  a.sub(kBudgetReg, x86::rax);  // one subtraction: its borrow is the answer
  a.jb(stop);
  if (pending_before) a.sub(ICount(), pending_before);
  LoadCachedRegisters();  // the semantics may have written any register
  a.jmp(resume);
  a.bind(stop);
  a.add(ICount(), 1);
  StoreImm(Pc(), insn_pc + 4);
  ExitToEngine(kExitDispatch);
  a.bind(not_next);
  a.cmp(x86::al, static_cast<uint8_t>(ExecStatus::kBranch));
  a.jne(exception);
  a.add(ICount(), 1);
  ExitToEngine(kExitDispatch);
  a.bind(exception);
  ExitToEngine(kExitException);
}

void Emitter::CallSemantics() {
  // Out of line from the call on: the call site jumps there, and the slow
  // path code comes back to `resume` on kNext.
  Label resume = a.newLabel();
  a.jmp(AddSlowPath(resume));
  a.bind(resume);
}

void Emitter::CallSemanticsThenAttend() {
  CallSemantics();
  FlushCount(1);
  StoreImm(Pc(), pc + 4);
  a.mov(x86::rcx, x86::qword_ptr(x86::r12, kCtxLimit));
  a.mov(x86::qword_ptr(x86::rcx), 0);
  ExitToEngine(kExitDispatch);
}

Label Emitter::AddSlowPath(Label resume) {
  SlowPath s{a.newLabel(), resume, pc, word, op, pending, count - index, dirty};
  slow_paths.push_back(s);
  return s.entry;
}

void Emitter::ExitTo(uint64_t target) {
  if (chain && (target >> 12) != (block.pc >> 12)) {
    // Another page may map elsewhere by the time this runs: go through the
    // jump cache, whose entries TLB maintenance removes.
    a.mov(x86::rax, asmjit::imm(target));
    a.mov(Pc(), x86::rax);
    ExitIndirect();
    return;
  }
  StoreCachedRegisters(dirty);
  if (!chain) {
    StoreImm(Pc(), target);
    ExitToEngine(kExitDispatch);
    return;
  }
  const unsigned slot = static_cast<unsigned>(chain_exits.size());
  ChainExit c{a.newLabel(), a.newLabel(), slot, target};
  chain_exits.push_back(c);
  a.long_().jmp(c.stub);  // patched by the engine to link
  a.bind(c.after_jump);
}

void Emitter::PushReturn(uint64_t return_pc) {
  if (!chain) return;
  a.mov(x86::ecx, x86::dword_ptr(x86::r12, kCtxReturnTop));
  a.inc(x86::ecx);
  a.and_(x86::ecx, kReturnStackEntries - 1);
  a.mov(x86::dword_ptr(x86::r12, kCtxReturnTop), x86::ecx);
  a.shl(x86::ecx, 4);
  a.lea(x86::rdx, x86::ptr(x86::r12, x86::rcx, 0, kCtxReturnStack));
  if ((return_pc >> 12) != (block.pc >> 12)) {
    // Another page: no return slot (see ExitTo); keep the stack in step.
    a.mov(x86::qword_ptr(x86::rdx, offsetof(ReturnEntry, pc)), asmjit::imm(kNoReturnPc));
    a.mov(x86::rdi, x86::qword_ptr(x86::r12, offsetof(JitContext, dispatch_exit)));
    a.mov(x86::qword_ptr(x86::rdx, offsetof(ReturnEntry, code)), x86::rdi);
    return;
  }
  ChainExit c{a.newLabel(), a.newLabel(), static_cast<unsigned>(chain_exits.size()), return_pc,
              a.newLabel()};
  chain_exits.push_back(c);
  a.mov(x86::rdi, asmjit::imm(return_pc));
  a.mov(x86::qword_ptr(x86::rdx, offsetof(ReturnEntry, pc)), x86::rdi);
  a.lea(x86::rdi, x86::ptr(c.entry));
  a.mov(x86::qword_ptr(x86::rdx, offsetof(ReturnEntry, code)), x86::rdi);
}

void Emitter::ExitIndirect(bool is_return) {
  StoreCachedRegisters(dirty);  // rax (the target) is not touched
  if (chain) {
    // rax = the target PC.
    Label miss = a.newLabel();
    if (is_return) {
      // Pop the top entry; X30 == its PC: go to its return slot.
      Label no_entry = a.newLabel();
      a.mov(x86::ecx, x86::dword_ptr(x86::r12, kCtxReturnTop));
      a.lea(x86::edx, x86::ptr(x86::rcx, -1));
      a.and_(x86::edx, kReturnStackEntries - 1);
      a.mov(x86::dword_ptr(x86::r12, kCtxReturnTop), x86::edx);
      a.shl(x86::ecx, 4);
      a.cmp(x86::rax, x86::qword_ptr(x86::r12, x86::rcx, 0,
                                     kCtxReturnStack + offsetof(ReturnEntry, pc)));
      a.jne(no_entry);
      a.jmp(x86::qword_ptr(x86::r12, x86::rcx, 0, kCtxReturnStack + offsetof(ReturnEntry, code)));
      a.bind(no_entry);
    }
    a.mov(x86::rcx, x86::qword_ptr(x86::r12, kCtxJumpCache));
    a.mov(x86::edx, x86::eax);
    a.shr(x86::edx, 2);
    a.and_(x86::edx, kJumpCacheEntries - 1);
    a.shl(x86::edx, 5);
    a.add(x86::rcx, x86::rdx);
    a.cmp(x86::rax, x86::qword_ptr(x86::rcx, offsetof(JumpCacheEntry, pc)));
    a.jne(miss);
    a.mov(x86::rdx, x86::qword_ptr(x86::r12, offsetof(JitContext, jump_generation)));
    a.cmp(x86::rdx, x86::qword_ptr(x86::rcx, offsetof(JumpCacheEntry, generation)));
    a.jne(miss);
    a.jmp(x86::qword_ptr(x86::rcx, offsetof(JumpCacheEntry, code)));
    a.bind(miss);
  }
  ExitToEngine(kExitDispatch);
}

void Emitter::ExitToEngine(ExitCode code) {
  if (code == kExitDispatch) a.mov(x86::qword_ptr(x86::r12, kCtxExitSlot), 0);
  a.mov(x86::eax, static_cast<uint32_t>(code));
  a.jmp(x86::qword_ptr(x86::r12, kCtxExit));
}

namespace {
void OnBlockThunk(ExecutionObserver* o, uint64_t pc, uint32_t n) { o->OnBlock(pc, n); }
void OnAccessThunk(ExecutionObserver* o, uint64_t va, uint32_t size, uint32_t write) {
  o->OnAccess(va, size, write != 0);
}
}  // namespace

void Emitter::CallOnBlock(uint32_t instructions) {
  if (!(hooks.events & kObserveBlocks)) return;
  a.mov(x86::rdi, asmjit::imm(reinterpret_cast<uint64_t>(hooks.observer)));
  a.mov(x86::rsi, asmjit::imm(block.pc));
  a.mov(x86::edx, instructions);
  a.mov(x86::rax, asmjit::imm(reinterpret_cast<uint64_t>(&OnBlockThunk)));
  a.call(x86::rax);
}

void Emitter::CallOnAccess(uint32_t size, bool write) {
  if (!(hooks.events & kObserveAccesses)) return;
  a.push(x86::rsi);  // two pushes keep the stack 16-byte aligned
  a.push(x86::rdx);
  a.mov(x86::rdi, asmjit::imm(reinterpret_cast<uint64_t>(hooks.observer)));
  a.mov(x86::edx, size);
  a.mov(x86::ecx, write ? 1 : 0);
  a.mov(x86::rax, asmjit::imm(reinterpret_cast<uint64_t>(&OnAccessThunk)));
  a.call(x86::rax);
  a.pop(x86::rdx);
  a.pop(x86::rsi);
}

void Emitter::EmitOutOfLine() {
  for (const SlowPath& s : slow_paths) {
    a.bind(s.entry);
    StoreCachedRegisters(s.dirty);
    if (s.pending) a.add(ICount(), s.pending);
    StoreImm(Pc(), s.pc);
    EmitCall(s.word, s.op);
    EmitStatusCheck(s.pending, s.rest, s.pc, s.resume);
  }
  for (const ChainExit& c : chain_exits) {
    if (c.entry.isValid()) {  // a return slot's patchable jmp
      a.bind(c.entry);
      a.long_().jmp(c.stub);
      a.bind(c.after_jump);
    }
    a.bind(c.stub);
    StoreImm(Pc(), c.target);
    a.mov(x86::rax, asmjit::imm(reinterpret_cast<uint64_t>(&block.slots[c.slot])));
    a.mov(x86::qword_ptr(x86::r12, kCtxExitSlot), x86::rax);
    a.mov(x86::eax, static_cast<uint32_t>(kExitDispatch));
    a.jmp(x86::qword_ptr(x86::r12, kCtxExit));
  }
}

}  // namespace a64::jit
