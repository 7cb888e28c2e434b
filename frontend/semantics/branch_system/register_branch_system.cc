// Semantics of the "Branches, Exception Generating and System instructions"
// class (ARM ARM C4.1.3), registered by group. Encodings not registered here
// (pointer-authentication branches, ERETAA/AB, DRPS, HLT, DCPS*, SYSL) are
// UNDEFINED on this PE: see the comment of each group's file.
#include "frontend/semantics/dispatch.h"

namespace a64 {

void RegisterBranchImmediate(ExecTable& t);      // branch_immediate.cc
void RegisterBranchRegister(ExecTable& t);       // branch_register.cc
void RegisterExceptionGeneration(ExecTable& t);  // system_exception.cc
void RegisterHintsAndBarriers(ExecTable& t);     // system_hints.cc
void RegisterSystemRegisterMoves(ExecTable& t);  // system_register.cc
void RegisterPstateImmediate(ExecTable& t);      // pstate_immediate.cc
void RegisterSystemInstructions(ExecTable& t);   // system_instructions.cc
void RegisterExceptionReturn(ExecTable& t);      // exception_return.cc

void RegisterBranchSystem(ExecTable& t) {
  RegisterBranchImmediate(t);
  RegisterBranchRegister(t);
  RegisterExceptionGeneration(t);
  RegisterHintsAndBarriers(t);
  RegisterSystemRegisterMoves(t);
  RegisterPstateImmediate(t);
  RegisterSystemInstructions(t);
  RegisterExceptionReturn(t);
}

}  // namespace a64
