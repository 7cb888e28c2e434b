// Stage 1 access permissions of the EL1&0 regime (ARM ARM D8.4
// "Memory access control"; pseudocode AArch64.CheckPermission).
#pragma once

#include "mmu/walker.h"

namespace a64 {

struct Permissions {
  bool read = false;
  bool write = false;
  bool exec = false;
};

// The permissions a translation grants to an access that is `privileged`
// (EL1, not an unprivileged LDTR/STTR-class access) with PSTATE.PAN == `pan`
// and SCTLR_EL1.WXN == `wxn`.
//  - AP[2:1]: AP[2] read-only; AP[1] EL0 access.
//  - PAN (FEAT_PAN): privileged data accesses to EL0-accessible memory fault;
//    instruction fetches (and AT S1E1R/W) are not affected, so `exec` is
//    independent of `pan`.
//  - WXN: writable memory is execute-never at that EL; memory writable at
//    EL0 is never executable at EL1.
inline Permissions Stage1Permissions(const WalkResult& w, bool privileged, bool pan, bool wxn) {
  Permissions p;
  if (w.mmu_off) return Permissions{true, true, true};
  const bool user_r = w.ap_el0;
  const bool user_w = w.ap_el0 && !w.ap_ro;
  const bool priv_w = !w.ap_ro;
  if (privileged) {
    p.read = !(pan && user_r);
    p.write = priv_w && !(pan && user_r);
    p.exec = !(w.pxn || (priv_w && wxn) || user_w);
  } else {
    p.read = user_r;
    p.write = user_w;
    p.exec = !(w.uxn || (user_w && wxn));
  }
  return p;
}

}  // namespace a64
