// A minimal machine for unit tests of the semantics: flat RAM at a fixed base,
// a Cpu at EL0 configured as Linux runs user space, and the user-mode
// execution engine (jit/user_engine.h): the block translator or the
// interpreter, chosen by the A64SIM_ENGINE environment variable (an a64sim
// engine option: --engine=jit, the default, --engine=interp or --no-chain;
// tests/support/engines.bzl sets it) or by the constructor.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

#include "frontend/semantics/cpu.h"
#include "jit/code_port.h"
#include "jit/engine_options.h"
#include "jit/user_engine.h"
#include "mmu/guest_memory.h"
#include "mmu/tlb_fast.h"
#include "user/linux_el1_state.h"

namespace a64::testing {

// RAM at [base, base + size), VA = PA, no permissions. As a CodePort it
// gives the translator the host address of each page, a fast table with an
// entry for every RAM page (the first page of each table index) and write
// watching of the pages that hold translated code: a watched page's entry
// has no write tag, so every write to it reaches Write() or HostWrite(),
// which first call the code-write handler.
class FlatMemory : public GuestMemory, public CodePort {
 public:
  static constexpr uint64_t kPage = 4096;

  FlatMemory(uint64_t base, size_t size)
      : base_(base), bytes_(size), watched_(size / kPage, false) {
    if (base % kPage != 0 || size % kPage != 0 || size == 0) {
      std::fprintf(stderr, "FlatMemory: base and size must be whole pages\n");
      std::abort();
    }
    for (uint64_t va = base; va - base < size; va += kPage) {
      TlbFastEntry& e = fast_[TlbIndex(va)];
      if (e.read_tag != kTlbInvalid) continue;  // another page has the slot
      e.read_tag = e.write_tag = va;
      e.addend = reinterpret_cast<uint64_t>(host(va)) - va;
    }
  }

  FaultKind Read(uint64_t va, void* dst, size_t size, AccessType, MemFault* fault) override {
    ++reads_;
    if (!Contains(va, size, fault)) return FaultKind::kTranslation;
    std::memcpy(dst, &bytes_[va - base_], size);
    return FaultKind::kNone;
  }
  FaultKind Write(uint64_t va, const void* src, size_t size, AccessType,
                  MemFault* fault) override {
    ++writes_;
    if (!Contains(va, size, fault)) return FaultKind::kTranslation;
    HostWrite(va, src, size);
    return FaultKind::kNone;
  }

  // Writes on the guest's behalf (loading code): as a guest store, it
  // drops the translations of the pages it changes.
  void HostWrite(uint64_t va, const void* src, size_t size) {
    if (size == 0) return;
    for (uint64_t p = PageOf(va); p <= PageOf(va + size - 1); ++p)
      if (watched_[p] && on_code_write_) on_code_write_(base_ + p * kPage);
    std::memcpy(&bytes_[va - base_], src, size);
  }

  uint8_t* host(uint64_t va) { return &bytes_[va - base_]; }
  uint64_t base() const { return base_; }

  // ---- CodePort -------------------------------------------------------------
  bool TranslateFetch(uint64_t va, uint64_t* pa_page, const uint8_t** host_page) override {
    MemFault unused;
    if (!Contains(va, 4, &unused)) return false;
    *pa_page = va & kTlbPageMask;
    *host_page = host(va & kTlbPageMask);
    return true;
  }
  // One table for every context: flat memory has no permissions.
  const TlbFastEntry* FastTable(TlbContext) const override { return fast_; }
  TlbContext DataContext(const ProcState&) const override { return kTlbEl0; }
  void WatchCode(uint64_t pa_page, bool watched) override {
    watched_[PageOf(pa_page)] = watched;
    TlbFastEntry& e = fast_[TlbIndex(pa_page)];
    if (e.read_tag == pa_page) e.write_tag = watched ? kTlbInvalid : pa_page;
  }
  void SetCodeWriteHandler(std::function<void(uint64_t pa_page)> handler) override {
    on_code_write_ = std::move(handler);
  }
  // The mapping never changes.
  void SetTranslationChangeHandler(std::function<void(bool, uint64_t)>) override {}

  bool watched(uint64_t va) const { return watched_[PageOf(va)]; }
  // Accesses that took the slow path (translated code's fast path bypasses
  // Read and Write).
  uint64_t reads() const { return reads_; }
  uint64_t writes() const { return writes_; }

 private:
  size_t PageOf(uint64_t va) const { return (va - base_) / kPage; }
  bool Contains(uint64_t va, size_t size, MemFault* fault) const {
    if (va >= base_ && va - base_ <= bytes_.size() && size <= bytes_.size() - (va - base_))
      return true;
    fault->va = va < base_ || va - base_ >= bytes_.size() ? va : base_ + bytes_.size();
    return false;
  }

  uint64_t base_;
  std::vector<uint8_t> bytes_;
  std::vector<bool> watched_;  // per page
  TlbFastEntry fast_[kTlbEntries];
  std::function<void(uint64_t)> on_code_write_;
  uint64_t reads_ = 0, writes_ = 0;
};

// The engine named by A64SIM_ENGINE (default: the translator with chaining).
// A value that is not an engine option aborts: a typo must not quietly test
// the default engine.
inline EngineOptions EngineFromEnvironment() {
  EngineOptions o;
  const char* env = std::getenv("A64SIM_ENGINE");
  if (!env || !*env) return o;
  const std::string arg = env;
  const size_t eq = arg.find('=');
  std::string error;
  if (ParseEngineOption(arg.substr(0, eq), eq == std::string::npos ? "" : arg.substr(eq + 1), &o,
                        &error) != 1) {
    std::fprintf(stderr, "A64SIM_ENGINE='%s' is not an engine option %s\n", env, error.c_str());
    std::abort();
  }
  return o;
}

// For test logs: "jit", "jit --no-chain" or "interp".
inline const char* EngineName(const EngineOptions& o) {
  if (o.kind == EngineKind::kInterp) return "interp";
  return o.chain ? "jit" : "jit --no-chain";
}

// Code at kCodeBase, data at kDataBase (both inside one 1 MiB RAM).
class TestMachine {
 public:
  static constexpr uint64_t kCodeBase = 0x10000;
  static constexpr uint64_t kDataBase = 0x80000;

  TestMachine() : TestMachine(EngineFromEnvironment()) {}
  explicit TestMachine(const EngineOptions& engine)
      : mem_(kCodeBase, 1 << 20), engine_options_(engine), engine_(mem_, engine) {
    cpu.mem = &mem_;
    cpu.st.pc = kCodeBase;
    // EL0 code runs under the EL1 configuration Linux gives user space.
    user::SetLinuxUserEl1State(cpu.st);
  }

  // Loads `words` at kCodeBase and points PC at them. The rest of the
  // previously loaded code is cleared, so memory after the code always reads
  // as zero (UDF), as in a new machine: a block then ends with the code.
  void LoadCode(const std::vector<uint32_t>& words) {
    std::vector<uint32_t> code = words;
    if (code.size() < loaded_words_) code.resize(loaded_words_, 0);
    mem_.HostWrite(kCodeBase, code.data(), code.size() * 4);
    loaded_words_ = words.size();
    cpu.st.pc = kCodeBase;
  }
  // Runs the loaded code for `n` instructions (or until an exception).
  StopReason Run(uint64_t n) { return engine_.Run(cpu, n); }
  uint8_t* data(uint64_t offset = 0) { return mem_.host(kDataBase + offset); }

  const EngineOptions& engine_options() const { return engine_options_; }
  // The translator's statistics; null on the interpreter.
  const jit::EngineStats* jit_stats() const {
    return engine_.blocks() ? &engine_.blocks()->stats() : nullptr;
  }
  FlatMemory& memory() { return mem_; }
  // The translator, or null on the interpreter.
  jit::BlockEngine* block_engine() { return engine_.blocks(); }

  Cpu cpu;

 private:
  FlatMemory mem_;
  EngineOptions engine_options_;
  UserEngine engine_;
  size_t loaded_words_ = 0;
};

}  // namespace a64::testing
