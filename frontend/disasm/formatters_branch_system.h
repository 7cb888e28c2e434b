// Formatters of the "Branches, Exception Generating and System instructions"
// class (frontend/table/branch_system.inc), and the system-register names
// they print.
#pragma once

#include <cstdint>
#include <string>

#include "frontend/disasm/disasm_context.h"

namespace a64 {

// fmt_branch.cc
void FmtCondBranch(Disasm& d);
void FmtBranchImm(Disasm& d);
void FmtCompareBranch(Disasm& d);
void FmtTestBranch(Disasm& d);
void FmtBranchReg(Disasm& d);
void FmtBranchRegPac(Disasm& d);
void FmtRet(Disasm& d);

// fmt_system.cc
void FmtNoOperands(Disasm& d);
void FmtExceptionImm(Disasm& d);
void FmtDcps(Disasm& d);
void FmtHint(Disasm& d);
void FmtBarrierImm(Disasm& d);
void FmtBarrierOption(Disasm& d);
void FmtMsrImm(Disasm& d);
void FmtMsrReg(Disasm& d);
void FmtMrs(Disasm& d);

// fmt_system_sys.cc
void FmtSys(Disasm& d);
void FmtSysl(Disasm& d);

// ---- System register names (sysreg_names.cc) --------------------------------

// The 16-bit system register number MRS/MSR carry in bits 20:5:
// op0<1:0>:op1<2:0>:CRn<3:0>:CRm<3:0>:op2<2:0>.
constexpr uint16_t SysRegEncoding(unsigned op0, unsigned op1, unsigned crn, unsigned crm,
                                  unsigned op2) {
  return static_cast<uint16_t>((op0 << 14) | (op1 << 11) | (crn << 7) | (crm << 3) | op2);
}

// The ARM ARM name of the register `enc` as read by MRS (`for_read`) or written
// by MSR, or nullptr if it has none in v8.3-A (or is not accessible that way).
const char* SysRegName(uint16_t enc, bool for_read);

// SysRegName, or the generic "S<op0>_<op1>_C<n>_C<m>_<op2>" spelling.
std::string SysRegText(uint16_t enc, bool for_read);

}  // namespace a64
