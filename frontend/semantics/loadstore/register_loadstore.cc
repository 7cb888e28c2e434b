// Registers the semantics of the Loads and Stores class (ARM ARM C4.1.4),
// except the Advanced SIMD structure loads/stores. LDRAA/LDRAB (FEAT_PAuth)
// are decoded but have no handler: they execute as UNDEFINED.
#include "frontend/semantics/dispatch.h"
#include "frontend/semantics/loadstore/ls_common.h"

namespace a64 {

void RegisterLoadStore(ExecTable& t) {
  ls::RegisterLsRegister(t);
  ls::RegisterLsPair(t);
  ls::RegisterLsExclusive(t);
  ls::RegisterLsAtomic(t);
}

}  // namespace a64
