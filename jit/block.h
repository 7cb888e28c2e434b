// A translated block and what generated code shares with the engine.
//
// Generated code runs with pinned host registers: rbx = the Cpu (whose first
// member is the CpuState), r12 = the engine's JitContext, r15 = the
// instruction budget (jit/emitter.h lists them all). It leaves by jumping
// through JitContext::exit with an ExitCode in eax.
#pragma once

#include <cstdint>
#include <cstring>
#include <vector>

namespace a64::jit {

// What generated code reports when it returns to the engine.
enum ExitCode : uint32_t {
  // PC and the instruction count are up to date; look up the next block.
  // JitContext::exit_slot names the chain slot that exited, if any.
  kExitDispatch = 0,
  // An instruction raised a synchronous exception: cpu.exc describes it, PC
  // addresses the instruction, which has not retired.
  kExitException = 1,
};

struct Block;

// One direct-branch exit of a block: a `jmp rel32` in its code, aimed at
// the exit stub inside the block (return to the engine, asking for a link)
// until the engine links it, by patching the displacement, to the
// successor's code.
struct ChainSlot {
  uint8_t* jump_rel32 = nullptr;  // the jmp's displacement field
  const void* stub = nullptr;
  Block* owner = nullptr;

  // Aims the jump at `code`; false if it is out of rel32 reach.
  bool Aim(const void* code) {
    const int64_t rel = reinterpret_cast<intptr_t>(code) -
                        reinterpret_cast<intptr_t>(jump_rel32 + 4);
    if (rel != static_cast<int32_t>(rel)) return false;
    const int32_t r = static_cast<int32_t>(rel);
    std::memcpy(jump_rel32, &r, 4);
    return true;
  }
};

struct Block {
  uint64_t pc = 0;      // guest VA of the first instruction
  uint64_t pa = 0;      // its physical address
  uint32_t flags = 0;   // the CpuState bits compiled into the code (BlockFlags)
  uint32_t length = 0;  // guest instructions; 0: the first one must be interpreted
  const void* code = nullptr;
  uint32_t code_size = 0;  // bytes
  std::vector<ChainSlot> slots;  // sized before translation, never resized
  std::vector<ChainSlot*> incoming;  // slots of other blocks linked here
  bool valid = true;
};

// The hashed table of recently entered blocks, looked up in line by the code
// of indirect branches (BR, BLR, RET) and cross-page direct ones, and first
// by the dispatcher. One per BlockFlags value, so an entry needs no flags
// compare. An entry counts only while its generation is the context's:
// forgetting every VA lookup (translation registers written, TLBI ALL) is
// one increment.
struct JumpCacheEntry {
  uint64_t pc = 1;  // never a valid (aligned) PC when empty
  uint64_t generation = 0;
  const void* code = nullptr;
  Block* block = nullptr;
};
constexpr unsigned kJumpCacheBits = 16;
constexpr unsigned kJumpCacheEntries = 1u << kJumpCacheBits;
static_assert(sizeof(JumpCacheEntry) == 32, "generated code indexes by shift 5");
inline unsigned JumpCacheIndex(uint64_t pc) { return (pc >> 2) & (kJumpCacheEntries - 1); }

// One entry of the return-address stack (JitContext::return_stack).
struct ReturnEntry {
  uint64_t pc;       // the return address BL/BLR wrote to X30
  const void* code;  // where RET goes when X30 is `pc`
};
constexpr unsigned kReturnStackEntries = 16;  // a power of two
// The PC of an empty entry: odd, so no BL/BLR pushes it and a RET misses it
// -- unless X30 is 1, and then it goes to the entry's code, the dispatch
// exit, which returns to the engine with PC already stored.
constexpr uint64_t kNoReturnPc = 1;

// Addressed from r12 by generated code: keep the layout.
//
// r15 holds the instruction budget: *limit minus the count at the end of
// the current block. Each block's prologue subtracts its length and leaves
// on a borrow, so a block runs only when cpu.icount + its length <= *limit;
// after every call that may touch a device the budget is recomputed from
// *limit (devices lower it to make the runner attend).
struct JitContext {
  uint64_t* limit = nullptr;
  ChainSlot* exit_slot = nullptr;        // set by an exit stub, else null
  JumpCacheEntry* jump_cache = nullptr;  // the table for the current flags
  const void* exit = nullptr;            // epilogue of the entry trampoline
  const void* dispatch_exit = nullptr;   // the same, for dispatch (Translator)
  uint64_t jump_generation = 1;          // entries of other generations miss
  // The return-address stack, for RET: BL and BLR push their return PC with
  // the address of their block's return slot (a chain slot the engine links
  // to the block at that PC, in the same page); RET pops the top entry and,
  // when X30 is its PC, jumps to the slot, else looks the jump cache up.
  // The engine empties it whenever it enters generated code and on a
  // flush, so that it never outlives the translation regime, the block
  // flags or the code it was filled under.
  ReturnEntry return_stack[kReturnStackEntries];
  uint32_t return_top = 0;  // index of the top entry
  // MXCSR for in-line FP: all exceptions masked, round to nearest, flags
  // clear; and where generated code stores MXCSR after an operation.
  uint32_t mxcsr_clean = 0x1f80;
  uint32_t mxcsr_out = 0;
  // NZCV (bits 31:28) by x86 flags after an add or a sub: indexed by
  // SF << 7 | ZF << 6 | OF << 1 | CF (LAHF's AH & 0xc1, OF moved to bit 1).
  uint32_t nzcv_after_add[256];
  uint32_t nzcv_after_sub[256];

  JitContext() {
    for (unsigned i = 0; i < 256; ++i) {
      const uint32_t nz = (i & 0xc0u) << 24, v = (i >> 1 & 1) << 28, cf = i & 1;
      nzcv_after_add[i] = nz | v | cf << 29;
      nzcv_after_sub[i] = nz | v | (cf ^ 1) << 29;  // ARM C = NOT borrow
    }
  }
};

// CpuState bits a block's code depends on (part of the block key).
enum BlockFlags : uint32_t {
  kBlockEl1 = 1,        // PSTATE.EL == 1
  kBlockPan = 2,        // PSTATE.PAN: EL1 data accesses use the PAN context
  kBlockFpTrapped = 4,  // CPACR_EL1.FPEN traps SIMD&FP at this EL
  kBlockFpcrDefault = 8,  // FPCR.{RMode, FZ, DN} == 0: in-line FP arithmetic
  kBlockFlagCount = 16,
};

}  // namespace a64::jit
