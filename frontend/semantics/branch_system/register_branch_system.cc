// Semantics of the "Branches, Exception Generating and System instructions"
// class (ARM ARM C4.1.3), registered by group. Encodings not registered here
// (pointer-authentication branches, ERET*, DRPS, HLT, DCPS*, MSR (immediate),
// SYSL) are UNDEFINED at EL0, the only Exception level this model has today:
// see the comment of each group's file.
#include "frontend/semantics/dispatch.h"

namespace a64 {

void RegisterBranchImmediate(ExecTable& t);      // branch_immediate.cc
void RegisterBranchRegister(ExecTable& t);       // branch_register.cc
void RegisterExceptionGeneration(ExecTable& t);  // system_exception.cc
void RegisterHintsAndBarriers(ExecTable& t);     // system_hints.cc
void RegisterSystemRegisterMoves(ExecTable& t);  // system_register.cc

void RegisterBranchSystem(ExecTable& t) {
  RegisterBranchImmediate(t);
  RegisterBranchRegister(t);
  RegisterExceptionGeneration(t);
  RegisterHintsAndBarriers(t);
  RegisterSystemRegisterMoves(t);
}

}  // namespace a64
