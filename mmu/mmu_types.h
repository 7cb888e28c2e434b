// The access kinds and fault report of the full-system memory interface. The
// lead will move these into mmu/guest_memory.h as MemFault / AccessType; until
// then they carry an Mmu prefix so that both can coexist.
#pragma once

#include <cstdint>

namespace a64 {

struct MmuFault {
  uint64_t va = 0;      // FAR: the faulting virtual address
  uint8_t level = 0;    // lookup level of a translation, address size, access
                        // flag or permission fault, or of an External abort
                        // on a translation table walk
  bool s1ptw = false;   // the fault is an External abort on the stage 1
                        // translation table walk (FSC 0b0101LL). NB: this is
                        // not ESR.ISS.S1PTW, which is 0 without stage 2.
  // The ARM ARM fault status code (ESR_ELx DFSC/IFSC, PAR_EL1.FST) of the
  // fault: exact for every kind, including Address size faults (0b0000LL)
  // that FaultKind cannot express yet (see Mmu::ToFaultKind).
  uint8_t fsc = 0;
};

// kReadUnprivileged / kWriteUnprivileged: LDTR/STTR and friends (ARM ARM
// C3.2.5): checked with EL0 permissions when executed at EL1 with
// PSTATE.UAO == 0, as ordinary accesses otherwise.
enum class MmuAccessType : uint8_t { kRead, kWrite, kFetch, kReadUnprivileged, kWriteUnprivileged };

}  // namespace a64
