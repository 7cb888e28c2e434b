// The x86-64 code emitter shared by the instruction-class emitters
// (emit_*.cc): guest register and flag access, instruction counting, calls
// into the interpreter's semantics, and block exits.
//
// Register use: rbx = Cpu*, r12 = JitContext*, r15 = instruction budget
// (pinned); r14 = the block's TLB fast table or direct memory base
// (kMemoryReg, see DataPath); rbp, r13 cache guest registers; rax, rcx,
// rdx, rsi, rdi, r8-r11 are scratch within one guest instruction.
#pragma once

#include <asmjit/x86.h>

#include <cstddef>
#include <cstdint>
#include <vector>

#include "frontend/bits.h"
#include "frontend/decode_table.h"
#include "frontend/semantics/cpu.h"
#include "jit/block.h"
#include "jit/observer.h"
#include "jit/translator.h"
#include "mmu/tlb_fast.h"

namespace a64::jit {

namespace x86 = asmjit::x86;
using asmjit::Label;

// How x86 flags map to NZCV after a flag-setting operation.
enum class FlagKind : uint8_t {
  kAdd,    // N=SF Z=ZF C=CF V=OF
  kSub,    // N=SF Z=ZF C=!CF V=OF (x86 CF is the borrow)
  kLogic,  // N=SF Z=ZF C=0 V=0 (x86 logic ops clear CF and OF)
};

// An instruction whose fast path may fall back to its semantics function.
struct SlowPath {
  Label entry;
  Label resume;
  uint64_t pc;
  uint32_t word;
  Op op;
  unsigned pending;  // instructions retired in the block before it, not yet counted
  unsigned rest;     // instructions of the block from this one to its end
  uint32_t dirty;    // cached registers to store before the call
};

// A chained exit to a known PC. A return slot (BL, BLR) has its patchable
// jmp out of line, at `entry`, which the return-address stack points to.
struct ChainExit {
  Label stub;
  Label after_jump;  // right after the patchable jmp rel32
  unsigned slot;
  uint64_t target;
  Label entry;  // return slots only
};

class Emitter {
 public:
  static constexpr x86::Gpq kMemoryReg = x86::r14;
  static constexpr x86::Gpq kBudgetReg = x86::r15;

  Emitter(x86::Assembler& a, Block& block, bool chain, const DataPath& data,
          const ObserverHooks& hooks)
      : a(a), block(block), chain(chain), data(data), hooks(hooks) {}

  x86::Assembler& a;
  Block& block;
  const bool chain;
  const DataPath data;
  const ObserverHooks hooks;

  // The instruction being translated.
  uint64_t pc = 0;
  uint32_t word = 0;
  Op op = Op::kInvalid;
  unsigned index = 0;    // within the block
  unsigned count = 0;    // instructions in the block
  // Instructions retired since the count in memory was last updated.
  unsigned pending = 0;

  std::vector<SlowPath> slow_paths;
  // Host register caching guest register n (31: SP), or none.
  x86::Gp cache[32];
  bool cached[32] = {};
  std::vector<ChainExit> chain_exits;
  // Direct accesses: a host fault in [begin, end) resumes at `slow`.
  struct AccessSite {
    Label begin, end, slow;
  };
  std::vector<AccessSite> access_sites;

  // ---- Guest state --------------------------------------------------------
  static x86::Mem X(unsigned n) { return x86::qword_ptr(x86::rbx, static_cast<int32_t>(n * 8)); }
  static x86::Mem W(unsigned n) { return x86::dword_ptr(x86::rbx, static_cast<int32_t>(n * 8)); }
  static x86::Mem Field(size_t off, unsigned size);
  static x86::Mem Sp() { return Field(offsetof(CpuState, sp), 8); }
  static x86::Mem Pc() { return Field(offsetof(CpuState, pc), 8); }
  static x86::Mem Nzcv() { return Field(offsetof(CpuState, nzcv), 4); }
  static x86::Mem ICount() { return x86::qword_ptr(x86::rbx, static_cast<int32_t>(offsetof(Cpu, icount))); }

  // X[n] / W[n] into `r` (64-bit register), n == 31 reading zero or SP.
  void LoadX(x86::Gp r, unsigned n, bool sf);
  void LoadXSp(x86::Gp r, unsigned n, bool sf);
  // Writes `r` (its low 32 bits zero-extended when !sf, which a 32-bit x86
  // operation on r already did) to X[n]; n == 31 discards or writes SP.
  void StoreX(unsigned n, x86::Gp r);
  // X[n] / W[n] as a source operand: its cache register, its CpuState
  // slot, or (XZR) `zero` after zeroing it.
  asmjit::Operand SourceX(unsigned n, bool sf, x86::Gp zero);
  void StoreXSp(unsigned n, x86::Gp r);
  void StoreImm(const x86::Mem& m, uint64_t v);  // may use rax
  // X[n] = v (n != 31), keeping a cached copy in step.
  void StoreXImm(unsigned n, uint64_t v);

  // ---- Guest registers cached in host registers --------------------------
  // Up to kCachedRegs guest registers (31 = SP) live in callee-saved host
  // registers for the block. Writes stay in the host register (dirty) until
  // the code leaves the block or calls the semantics: every exit and every
  // call stores the dirty ones first, and the semantics calls reload them
  // after (they may write any register). Which are dirty is known at each
  // point at translation time.
  static constexpr unsigned kCachedRegs = 2;
  void CacheRegisters(const unsigned guest[], unsigned count);
  void LoadCachedRegisters();
  // Stores the registers of `mask` (bit n: guest register n) to CpuState.
  void StoreCachedRegisters(uint32_t mask);
  uint32_t dirty = 0;

  // NZCV from the x86 flags of the last operation (clobbers rax, rcx, rdx).
  // When the next instruction is a B.cond that can test the x86 flags
  // directly (fuse_bcond), only captures them (LAHF/SETO) and leaves them
  // live; the branch stores NZCV on each of its exits.
  void MaterializeFlags(FlagKind kind);
  // Stores NZCV from the captured AH (SF, ZF, CF) and DL (OF).
  void StoreCapturedFlags(FlagKind kind);
  // Set by the translator: the next instruction is this B.cond condition
  // (-1: not a B.cond) and the current one may leave its flags live.
  int fuse_bcond = -1;
  // Set by MaterializeFlags when the flags were left live for the branch.
  bool flags_live = false;
  FlagKind live_kind = FlagKind::kAdd;
  // The x86 condition code testing ARM condition `cond` on the flags of a
  // `kind` operation, or -1 when no single one does.
  static int X86Condition(FlagKind kind, unsigned cond);
  // x86 CF = ConditionHolds(cond, NZCV) (clobbers eax, ecx).
  void EvalCondition(unsigned cond);

  // ---- Counting and calls -------------------------------------------------
  // Adds `pending + extra` to the instruction count in memory.
  void FlushCount(unsigned extra = 0);
  // Calls the instruction's semantics function (the interpreter's). Returns
  // with the instruction retired, or leaves the block on an exception or a
  // branch; afterwards leaves the block if a device asked for attention.
  void CallSemantics();
  // The block's last instruction through its semantics; then returns to the
  // engine with the limit lowered to 0, so that the runner attends to
  // interrupts and devices before the next instruction.
  void CallSemanticsThenAttend();
  // A fast path that jumps to the returned label falls back to the
  // semantics function and comes back to `resume` (bind it after the
  // instruction's in-line code).
  Label AddSlowPath(Label resume);

  // ---- Block exits --------------------------------------------------------
  // Jumps to the block at `target`: linked by the engine when chaining and
  // in the same page, else through the jump cache.
  void ExitTo(uint64_t target);
  // PC already written to memory, and in rax: for a RET (`is_return`) the
  // return-address stack first, then the jump cache.
  void ExitIndirect(bool is_return = false);
  // BL, BLR: pushes `return_pc` and this block's return slot for it on the
  // return-address stack (JitContext::return_stack). Keeps rax.
  void PushReturn(uint64_t return_pc);
  // Returns to the engine with `code` (PC, count and the cached registers
  // must be up to date in CpuState: ExitTo and ExitIndirect store them).
  void ExitToEngine(ExitCode code);

  // Observer callouts (only emitted for the events asked for).
  void CallOnBlock(uint32_t instructions);
  // The access's VA is in rsi; preserves rsi and rdx.
  void CallOnAccess(uint32_t size, bool write);

  // Emits the out-of-line code (slow paths, stubs). Call once, last.
  void EmitOutOfLine();

 private:
  void EmitCall(uint32_t word, Op op);
  void EmitStatusCheck(unsigned pending_before, unsigned rest, uint64_t pc, Label resume);
};

// Emits `e.op` in line. Returns false when it has no in-line form (the
// translator then calls its semantics). Sets *ends_block for branches.
bool EmitIntegerInline(Emitter& e, bool* ends_block);
bool EmitBranchInline(Emitter& e, bool* ends_block);
bool EmitMemoryInline(Emitter& e, bool* ends_block);
bool EmitFpInline(Emitter& e, bool* ends_block);

}  // namespace a64::jit
