#include "jit/block_engine.h"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include "frontend/disasm/disassembler.h"
#include "jit/op_traits.h"

namespace a64::jit {

void PrintStats(const EngineStats& s) {
  std::fprintf(stderr,
               "a64sim: jit: %llu blocks translated, %llu invalidated, %llu code flushes, "
               "%llu links, %llu dispatches, %llu jump cache misses, %llu interpreted\n",
               static_cast<unsigned long long>(s.blocks_translated),
               static_cast<unsigned long long>(s.blocks_invalidated),
               static_cast<unsigned long long>(s.code_flushes),
               static_cast<unsigned long long>(s.links),
               static_cast<unsigned long long>(s.dispatches),
               static_cast<unsigned long long>(s.jump_cache_misses),
               static_cast<unsigned long long>(s.interpreted));
}

BlockEngine::BlockEngine(CodePort& port, const EngineOptions& options)
    : port_(port), options_(options), translator_(options.code_cache_bytes) {
  for (uint64_t& g : jump_generations_) g = 1;
  // Lockstep compares block by block: every block returns to the engine.
  if (options_.verify) {
    options_.chain = false;
    lockstep_ = std::make_unique<Lockstep>(port);
  }
  ctx_.exit = translator_.exit();
  ctx_.dispatch_exit = translator_.dispatch_exit();
  ClearReturnStack();
  port_.SetCodeWriteHandler([this](uint64_t pa_page) { InvalidatePage(pa_page); });
  port_.SetTranslationChangeHandler([this](bool all, uint64_t va) { TranslationChanged(all, va); });
}

BlockEngine::~BlockEngine() {
  if (perf_map_) std::fclose(perf_map_);
  port_.SetCodeWriteHandler(nullptr);
  port_.SetTranslationChangeHandler(nullptr);
  for (const auto& [page, blocks] : pages_) port_.WatchCode(page, false);
}

uint32_t BlockEngine::FlagsOf(const CpuState& st) {
  uint32_t f = 0;
  if (st.pstate.el == 1) f |= kBlockEl1;
  if (st.pstate.pan) f |= kBlockPan;
  if (FpAccessTrapped(st)) f |= kBlockFpTrapped;
  // FPCR.RMode (23:22), FZ (24), DN (25).
  if ((st.fpcr & (0xfu << 22)) == 0) f |= kBlockFpcrDefault;
  return f;
}

void BlockEngine::TranslationChanged(bool all, uint64_t va) {
  if (all) {
    for (uint64_t& g : jump_generations_) ++g;
    return;
  }
  // The PCs of one page use 1024 consecutive indexes (JumpCacheIndex).
  constexpr unsigned kPerPage = 4096 / 4;
  static_assert(kJumpCacheEntries >= kPerPage);
  const unsigned first = JumpCacheIndex(va & kTlbPageMask);
  for (auto& jc : jump_caches_) {
    if (!jc) continue;
    for (unsigned i = first; i < first + kPerPage; ++i)
      if (!((jc->entries[i].pc ^ va) & kTlbPageMask)) jc->entries[i] = JumpCacheEntry{};
  }
}

void BlockEngine::LowerHalfChanged() {
  for (uint32_t f = 0; f < kBlockFlagCount; ++f)
    if (!(f & kBlockEl1)) ++jump_generations_[f];
}

Block* BlockEngine::Translate(Cpu& cpu, uint64_t pc, uint64_t pa, const uint8_t* page,
                              uint32_t flags) {
  auto block = std::make_unique<Block>();
  block->pc = pc;
  block->pa = pa;
  block->flags = flags;
  const DataPath data = DataPathOf(cpu);
  if (!translator_.Translate(*block, page, data, options_.chain, hooks_)) {
    FlushAll();
    if (!translator_.Translate(*block, page, data, options_.chain, hooks_)) return nullptr;
  }
  ++stats_.blocks_translated;
  Block* b = block.get();
  if (options_.perf_map && OpenPerfMap()) {
    std::fprintf(perf_map_, "%llx %x a64sim:%s0x%llx\n",
                 static_cast<unsigned long long>(reinterpret_cast<uintptr_t>(b->code)),
                 b->code_size, flags & kBlockEl1 ? "el1:" : "",
                 static_cast<unsigned long long>(pc));
    std::fflush(perf_map_);
  }
  storage_.push_back(std::move(block));
  blocks_.Insert(b);
  std::vector<Block*>& on_page = pages_[pa & kTlbPageMask];
  if (on_page.empty()) port_.WatchCode(pa & kTlbPageMask, true);
  on_page.push_back(b);
  return b;
}

Block* BlockEngine::Lookup(Cpu& cpu) {
  const uint64_t pc = cpu.st.pc;
  if (pc & 3) return nullptr;  // the interpreter raises the PC alignment fault
  const uint32_t flags = FlagsOf(cpu.st);
  if (!jump_caches_[flags]) jump_caches_[flags] = std::make_unique<JumpCache>();
  JumpCacheEntry* jc = jump_caches_[flags]->entries;
  ctx_.jump_cache = jc;
  ctx_.jump_generation = jump_generations_[flags];
  const unsigned i = JumpCacheIndex(pc);
  if (jc[i].pc == pc && jc[i].generation == ctx_.jump_generation) return jc[i].block;

  ++stats_.jump_cache_misses;
  uint64_t pa_page;
  const uint8_t* page;
  if (!port_.TranslateFetch(pc, &pa_page, &page)) return nullptr;
  const uint64_t pa = pa_page | (pc & 0xfff);
  Block* b = blocks_.Find(pc, pa, flags);
  if (!b) {
    b = Translate(cpu, pc, pa, page, flags);
    if (!b) return nullptr;
  }
  // EL1's caches hold upper-half (TTBR1) PCs only, so that a context switch
  // (TTBR0) leaves them valid.
  if ((flags & kBlockEl1) && !(pc >> 55 & 1)) return b;
  ctx_.jump_generation = jump_generations_[flags];  // a flush may have moved it
  jc[i] = JumpCacheEntry{pc, ctx_.jump_generation, b->code, b};
  return b;
}

void BlockEngine::Link(ChainSlot* slot, Block* target) {
  Block* owner = slot->owner;
  // Only within the owner's page: the owner was entered with that page's
  // mapping checked, so the target needs no check of its own (a mapping
  // change goes through TLB maintenance, which leaves generated code).
  if (!owner->valid || !target->valid || target->length == 0 ||
      (owner->pc >> 12) != (target->pc >> 12) || owner->flags != target->flags)
    return;
  if (!slot->Aim(target->code)) return;
  target->incoming.push_back(slot);
  ++stats_.links;
}

DataPath BlockEngine::DataPathOf(const Cpu& cpu) const {
  DataPath d;
  d.table = port_.FastTable(port_.DataContext(cpu.st.pstate));
  // The observer's access callouts need the TLB path: they report accesses
  // that passed the checks, which a direct access only knows afterwards.
  if (!(hooks_.events & kObserveAccesses)) {
    d.direct = port_.DirectBase();
    d.direct_va_bits = port_.DirectVaBits();
  }
  return d;
}

BlockEngine::Result BlockEngine::Run(Cpu& cpu, uint64_t* limit) {
  const FaultRecoveryScope recovery(&translator_);
  ctx_.limit = limit;
  ClearReturnStack();  // filled under other flags or another regime, maybe
  // Translation registers are written by interpreted instructions only.
  if (cpu.st.translation_generation != translation_generation_) {
    translation_generation_ = cpu.st.translation_generation;
    const SystemRegisters& s = cpu.st.sys;
    if (s.ttbr1_el1 == ttbr1_ && s.tcr_el1 == tcr_ && s.sctlr_el1 == sctlr_ &&
        s.mair_el1 == mair_) {
      LowerHalfChanged();
    } else {
      TranslationChanged(true, 0);
    }
    ttbr1_ = s.ttbr1_el1;
    tcr_ = s.tcr_el1;
    sctlr_ = s.sctlr_el1;
    mair_ = s.mair_el1;
  }
  for (;;) {
    if (cpu.icount >= *limit) return Result::kLimit;
    Block* b = Lookup(cpu);
    if (!b || b->length == 0 || cpu.icount + b->length > *limit) {
      ++stats_.interpreted;
      return Result::kInterpret;
    }
    ++stats_.dispatches;
    if (lockstep_) {
      const Result r = Verify(cpu, *b);
      if (r != Result::kLimit) return r;
      continue;
    }
    const uint32_t exit = Enter(cpu, *b);
    if (exit == kExitException) return Result::kException;
    if (ChainSlot* slot = ctx_.exit_slot) {
      ctx_.exit_slot = nullptr;
      const uint64_t flushes = stats_.code_flushes;  // a flush frees the slot
      if (cpu.icount < *limit) {
        Block* next = Lookup(cpu);
        if (next && stats_.code_flushes == flushes) Link(slot, next);
      }
    }
  }
}

uint32_t BlockEngine::Enter(Cpu& cpu, const Block& b) {
  running_ = true;
  const uint32_t exit = translator_.entry()(&cpu, &ctx_, b.code);
  running_ = false;
  return exit;
}

BlockEngine::Result BlockEngine::Verify(Cpu& cpu, Block& b) {
  std::string report;
  const auto outcome =
      lockstep_->Check(cpu, b.length, [&] { return Enter(cpu, b); }, &report);
  if (outcome == Lockstep::Outcome::kException) return Result::kException;
  if (outcome != Lockstep::Outcome::kMismatch) return Result::kLimit;
  // Name the instruction: the same instructions again, translated one by one.
  std::fprintf(stderr,
               "a64sim: --verify-jit: the block at pc 0x%llx (pa 0x%llx, %u instructions) "
               "differs from the interpreter:\n%s",
               static_cast<unsigned long long>(b.pc), static_cast<unsigned long long>(b.pa),
               b.length, report.c_str());
  lockstep_->Rewind(cpu);
  const DataPath data = DataPathOf(cpu);
  for (unsigned i = 0; i < b.length; ++i) {
    uint64_t pa_page;
    const uint8_t* page;
    if (!port_.TranslateFetch(cpu.st.pc, &pa_page, &page)) break;
    Block single;
    single.pc = cpu.st.pc;
    single.pa = pa_page | (cpu.st.pc & 0xfff);
    single.flags = b.flags;
    if (!translator_.Translate(single, page, data, false, hooks_, 1) || single.length != 1) break;
    uint32_t word;
    std::memcpy(&word, page + (cpu.st.pc & 0xfff), 4);
    const auto one = lockstep_->Check(cpu, 1, [&] { return Enter(cpu, single); }, &report);
    if (one == Lockstep::Outcome::kMismatch) {
      std::fprintf(stderr, "a64sim: --verify-jit: first differing instruction: 0x%llx: %08x  %s\n%s",
                   static_cast<unsigned long long>(single.pc), word,
                   Disassemble(word, single.pc).c_str(), report.c_str());
      return Result::kMismatch;
    }
    if (one != Lockstep::Outcome::kMatch) break;
  }
  std::fprintf(stderr,
               "a64sim: --verify-jit: each instruction alone matches; the difference comes "
               "from the block as a whole\n");
  return Result::kMismatch;
}

void BlockEngine::InvalidatePage(uint64_t pa_page) {
  auto it = pages_.find(pa_page);
  if (it == pages_.end()) return;
  for (Block* b : it->second) {
    if (!b->valid) continue;
    b->valid = false;
    ++stats_.blocks_invalidated;
    blocks_.Erase(b);
    for (ChainSlot* s : b->incoming) s->Aim(s->stub);
    b->incoming.clear();
    const unsigned i = JumpCacheIndex(b->pc);
    for (auto& jc : jump_caches_)
      if (jc && jc->entries[i].block == b) jc->entries[i] = JumpCacheEntry{};
  }
  pages_.erase(it);
  port_.WatchCode(pa_page, false);
  // The running block may be one of them: make it leave after the
  // instruction that wrote (generated code re-reads the limit after calls).
  if (running_) *ctx_.limit = 0;
}

void BlockEngine::SetObserver(ExecutionObserver* observer, uint32_t events) {
  hooks_ = observer && events ? ObserverHooks{observer, events} : ObserverHooks{};
  FlushAll();
}

void BlockEngine::FlushAll() {
  ++stats_.code_flushes;
  for (const auto& [page, blocks] : pages_) port_.WatchCode(page, false);
  pages_.clear();
  blocks_.Clear();
  storage_.clear();
  TranslationChanged(true, 0);  // every entry names freed code
  translator_.Flush();
  ctx_.exit = translator_.exit();
  ctx_.dispatch_exit = translator_.dispatch_exit();
  ClearReturnStack();
}

// perf's convention for JIT symbols: /tmp/perf-PID.map, appended to (several
// engines may write), and reopened under its own PID by a forked child.
bool BlockEngine::OpenPerfMap() {
  const pid_t pid = getpid();
  if (perf_map_ && perf_map_pid_ == pid) return true;
  if (perf_map_) std::fclose(perf_map_);
  perf_map_pid_ = pid;
  const std::string path = "/tmp/perf-" + std::to_string(pid) + ".map";
  perf_map_ = std::fopen(path.c_str(), "a");
  if (!perf_map_) {
    std::fprintf(stderr, "a64sim: --perf-map: cannot open %s: %s\n", path.c_str(),
                 std::strerror(errno));
    options_.perf_map = false;
  }
  return perf_map_ != nullptr;
}

void BlockEngine::ClearReturnStack() {
  for (ReturnEntry& r : ctx_.return_stack) r = ReturnEntry{kNoReturnPc, ctx_.dispatch_exit};
}

}  // namespace a64::jit
