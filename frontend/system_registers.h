// The EL1/EL0 system registers that hold state (ID registers are constants of
// the modelled PE and live with the system-register table).
#pragma once

#include <cstdint>

namespace a64 {

struct SystemRegisters {
  uint64_t sctlr_el1;
  uint64_t cpacr_el1;
  uint64_t ttbr0_el1;
  uint64_t ttbr1_el1;
  uint64_t tcr_el1;
  uint64_t mair_el1;
  uint64_t amair_el1;
  uint64_t contextidr_el1;
  uint64_t vbar_el1;
  uint64_t elr_el1;
  uint64_t spsr_el1;
  uint64_t esr_el1;
  uint64_t far_el1;
  uint64_t par_el1;
  uint64_t afsr0_el1;
  uint64_t afsr1_el1;
  uint64_t tpidr_el1;
};

}  // namespace a64
