// What the block engine needs from a memory system: instruction fetch
// translation (to read and key the code), the TLB fast tables generated code
// looks up in line (or a direct view of guest memory), and write watching of
// pages that hold translated code.
// Implemented by the full-system MMU (mmu/mmu.h) and by user-mode memory
// (user/user_memory.h).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>

#include "frontend/cpu_state.h"
#include "mmu/tlb_fast.h"

namespace a64 {

class CodePort {
 public:
  virtual ~CodePort() = default;

  // Translates an instruction fetch from `va` in the current regime. True
  // with the physical address of va's 4 KiB page and the host address of
  // that page's bytes (RAM); false when the fetch would fault or the page is
  // not RAM (the interpreter then takes the abort).
  virtual bool TranslateFetch(uint64_t va, uint64_t* pa_page, const uint8_t** host_page) = 0;

  // The fast table for data accesses in `context` (layout: mmu/tlb.h).
  virtual const TlbFastEntry* FastTable(TlbContext context) const = 0;
  // The context of an ordinary data access with this PSTATE.
  virtual TlbContext DataContext(const ProcState& ps) const = 0;

  // A direct view of guest memory (user mode): guest VA v is at host
  // DirectBase() + v for every v below 2^DirectVaBits() (with a guard of at
  // least 64 bytes beyond), and each page's host protection allows no more
  // than the guest may do there (watched code pages are not writable), so
  // generated code may access memory directly and let the host fault
  // (jit/fault_recovery.h). Null (the default): no such view.
  virtual uint8_t* DirectBase() const { return nullptr; }
  virtual unsigned DirectVaBits() const { return 0; }

  // Whether a data read of [va, va + size) reaches only RAM (no device); an
  // access that would fault counts as RAM. For --verify-jit.
  virtual bool DataIsRam(uint64_t va, size_t size) { return true; }

  // Watches (or stops watching) writes to the physical page `pa_page`:
  // every write to a watched page, by the guest or by a device or the host
  // on its behalf, first calls the handler with the page's address. The
  // handler may unwatch the page.
  virtual void WatchCode(uint64_t pa_page, bool watched) = 0;
  virtual void SetCodeWriteHandler(std::function<void(uint64_t pa_page)> handler) = 0;

  // TLB maintenance: the handler learns that the translation of the VA page
  // `va` (or, with `all`, of any VA) may have changed. Register writes that
  // change translation are seen through CpuState::translation_generation.
  virtual void SetTranslationChangeHandler(std::function<void(bool all, uint64_t va)> handler) = 0;
};

}  // namespace a64
