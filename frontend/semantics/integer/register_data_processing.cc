// Registers the semantics of the integer data-processing classes (ARM ARM
// C4.1.86 Data Processing -- Immediate, C4.1.88 Data Processing -- Register).
// Pointer authentication (PACGA, PAC*, AUT*, XPAC*) is decoded but has no
// handler: FEAT_PAuth is not implemented, so those execute as UNDEFINED.
#include "frontend/semantics/dispatch.h"

namespace a64 {

// Defined in dp_immediate.cc, dp_shifted_register.cc, dp_source.cc and
// dp_conditional.cc.
void RegisterDpImmediate(ExecTable& t);
void RegisterDpShiftedRegister(ExecTable& t);
void RegisterDpSource(ExecTable& t);
void RegisterDpConditional(ExecTable& t);

void RegisterDataProcessing(ExecTable& t) {
  RegisterDpImmediate(t);
  RegisterDpShiftedRegister(t);
  RegisterDpSource(t);
  RegisterDpConditional(t);
}

}  // namespace a64
