// Runs guest code as translated blocks: finds or translates the block at PC,
// enters it, links direct-branch exits block to block, keeps the jump cache
// for indirect branches, and drops translations whose code or mapping may
// have changed. The interpreter runs whatever it leaves (BlockEngine::Run
// returns kInterpret).
#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <unordered_map>
#include <vector>

#include "frontend/semantics/cpu.h"
#include "jit/block.h"
#include "jit/block_map.h"
#include "jit/code_port.h"
#include "jit/engine_options.h"
#include "jit/lockstep.h"
#include "jit/translator.h"

namespace a64::jit {

struct EngineStats {
  uint64_t blocks_translated = 0;
  uint64_t blocks_invalidated = 0;
  uint64_t code_flushes = 0;
  uint64_t links = 0;
  uint64_t dispatches = 0;
  uint64_t jump_cache_misses = 0;  // dispatcher lookups that searched the block map
  uint64_t interpreted = 0;  // returns asking for one interpreted instruction
};

// One line for --stats: "a64sim: jit: ..." on stderr.
void PrintStats(const EngineStats& s);

class BlockEngine {
 public:
  BlockEngine(CodePort& port, const EngineOptions& options);
  ~BlockEngine();
  BlockEngine(const BlockEngine&) = delete;
  BlockEngine& operator=(const BlockEngine&) = delete;

  enum class Result : uint8_t {
    kLimit,      // cpu.icount reached *limit (or a device lowered it)
    kInterpret,  // the instruction at PC is for the interpreter: it cannot be
                 // translated, its fetch faults, or its block would run past
                 // *limit
    kException,  // an instruction raised cpu.exc; PC addresses it
    kMismatch,   // --verify-jit: the block and the interpreter differ (the
                 // report is on stderr)
  };

  // Runs translated code while cpu.icount < *limit. Generated code re-reads
  // *limit after every call that may reach a device, so devices may lower it.
  Result Run(Cpu& cpu, uint64_t* limit);

  // The translation of VA page `va` (all: of every VA) may have changed
  // (TLB maintenance, translation registers): forget the VA lookups.
  void TranslationChanged(bool all, uint64_t va);
  // Only TTBR0_EL1 changed (a context switch): forgets the lookups of the
  // lower VA half, which EL1's caches never hold.
  void LowerHalfChanged();

  const EngineStats& stats() const { return stats_; }

  // Asks for observer callouts (ObserverEvents) in generated code; null or
  // no events: none. Existing translations are dropped. Not while running.
  void SetObserver(ExecutionObserver* observer, uint32_t events);

 private:
  struct JumpCache {
    JumpCacheEntry entries[kJumpCacheEntries];
  };

  static uint32_t FlagsOf(const CpuState& st);
  DataPath DataPathOf(const Cpu& cpu) const;
  Block* Lookup(Cpu& cpu);
  Block* Translate(Cpu& cpu, uint64_t pc, uint64_t pa, const uint8_t* page, uint32_t flags);
  void Link(ChainSlot* slot, Block* target);
  void InvalidatePage(uint64_t pa_page);
  void FlushAll();
  void ClearReturnStack();
  bool OpenPerfMap();
  uint32_t Enter(Cpu& cpu, const Block& b);
  // --verify-jit: checks `b` against the interpreter (advancing cpu).
  Result Verify(Cpu& cpu, Block& b);

  CodePort& port_;
  EngineOptions options_;
  Translator translator_;
  JitContext ctx_;
  bool running_ = false;  // generated code is executing (ctx_.limit is live)
  BlockMap blocks_;
  std::unordered_map<uint64_t, std::vector<Block*>> pages_;  // by physical page
  std::vector<std::unique_ptr<Block>> storage_;  // freed at the next flush
  std::unique_ptr<JumpCache> jump_caches_[kBlockFlagCount];  // allocated when first used
  uint64_t jump_generations_[kBlockFlagCount];  // of each cache's live entries
  // The other translation registers when translation_generation_ was taken.
  uint64_t ttbr1_ = 0, tcr_ = 0, sctlr_ = 0, mair_ = 0;
  uint64_t translation_generation_ = 0;  // CpuState's, when last seen
  EngineStats stats_;
  std::unique_ptr<Lockstep> lockstep_;  // with --verify-jit
  std::FILE* perf_map_ = nullptr;       // with --perf-map
  int perf_map_pid_ = 0;                // the process perf_map_ is named after
  ObserverHooks hooks_;
};

}  // namespace a64::jit
