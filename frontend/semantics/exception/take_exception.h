// Exception entry to EL1 (ARM ARM D1.10 "Exception entry", pseudocode
// AArch64.TakeException).
#pragma once

#include <cstdint>

#include "frontend/cpu_state.h"
#include "frontend/exception.h"

namespace a64 {

enum class ExceptionType : uint8_t { kSynchronous = 0, kIrq = 1, kFiq = 2, kSError = 3 };

// ESR_EL1 for a synchronous exception (ARM ARM D17.2.37). IL is 1: every
// instruction of an AArch64-only PE is 32 bits.
uint32_t SyndromeOf(const PendingException& e);

// Fault status code (DFSC/IFSC) of an abort (ARM ARM D17.2.37, ISS encoding
// for an exception from a Data Abort).
uint32_t FaultStatusCode(const PendingException& e);

// Takes an exception to EL1. `preferred_return` is ELR_EL1's new value;
// `sync` describes a synchronous exception (nullptr for IRQ/FIQ/SError).
void TakeException(CpuState& st, ExceptionType type, const PendingException* sync,
                   uint64_t preferred_return);

}  // namespace a64
