// SYS and SYSL, with the AT, DC, IC and TLBI aliases of SYS (ARM ARM C6.2
// AT/DC/IC/TLBI: "This instruction is an alias of SYS"). The operations listed
// are those of v8.3-A (v8.2 adds AT S1E1RP/S1E1WP and DC CVAP).
#include "frontend/disasm/formatters_branch_system.h"

namespace a64 {

namespace {

struct SysOp {
  uint8_t op1, crn, crm, op2;
  const char* mnemonic;  // at, dc, ic, tlbi
  const char* op;
  bool has_xt;           // whether the operation takes Xt (printed even if XZR)
};

constexpr SysOp kSysOps[] = {
    // Address translation, CRn = 7, CRm = 8 or 9.
    {0, 7, 8, 0, "at", "s1e1r", true},    {0, 7, 8, 1, "at", "s1e1w", true},
    {0, 7, 8, 2, "at", "s1e0r", true},    {0, 7, 8, 3, "at", "s1e0w", true},
    {0, 7, 9, 0, "at", "s1e1rp", true},   {0, 7, 9, 1, "at", "s1e1wp", true},
    {4, 7, 8, 0, "at", "s1e2r", true},    {4, 7, 8, 1, "at", "s1e2w", true},
    {4, 7, 8, 4, "at", "s12e1r", true},   {4, 7, 8, 5, "at", "s12e1w", true},
    {4, 7, 8, 6, "at", "s12e0r", true},   {4, 7, 8, 7, "at", "s12e0w", true},
    {6, 7, 8, 0, "at", "s1e3r", true},    {6, 7, 8, 1, "at", "s1e3w", true},
    // Data cache maintenance, CRn = 7.
    {3, 7, 4, 1, "dc", "zva", true},      {0, 7, 6, 1, "dc", "ivac", true},
    {0, 7, 6, 2, "dc", "isw", true},      {3, 7, 10, 1, "dc", "cvac", true},
    {0, 7, 10, 2, "dc", "csw", true},     {3, 7, 11, 1, "dc", "cvau", true},
    {3, 7, 12, 1, "dc", "cvap", true},    {3, 7, 14, 1, "dc", "civac", true},
    {0, 7, 14, 2, "dc", "cisw", true},
    // Instruction cache maintenance, CRn = 7.
    {0, 7, 1, 0, "ic", "ialluis", false}, {0, 7, 5, 0, "ic", "iallu", false},
    {3, 7, 5, 1, "ic", "ivau", true},
    // TLB maintenance, CRn = 8 (CRm = 3: Inner Shareable, 7: local; 0/4: IPA).
    {0, 8, 3, 0, "tlbi", "vmalle1is", false}, {0, 8, 3, 1, "tlbi", "vae1is", true},
    {0, 8, 3, 2, "tlbi", "aside1is", true},   {0, 8, 3, 3, "tlbi", "vaae1is", true},
    {0, 8, 3, 5, "tlbi", "vale1is", true},    {0, 8, 3, 7, "tlbi", "vaale1is", true},
    {0, 8, 7, 0, "tlbi", "vmalle1", false},   {0, 8, 7, 1, "tlbi", "vae1", true},
    {0, 8, 7, 2, "tlbi", "aside1", true},     {0, 8, 7, 3, "tlbi", "vaae1", true},
    {0, 8, 7, 5, "tlbi", "vale1", true},      {0, 8, 7, 7, "tlbi", "vaale1", true},
    {4, 8, 0, 1, "tlbi", "ipas2e1is", true},  {4, 8, 0, 5, "tlbi", "ipas2le1is", true},
    {4, 8, 3, 0, "tlbi", "alle2is", false},   {4, 8, 3, 1, "tlbi", "vae2is", true},
    {4, 8, 3, 4, "tlbi", "alle1is", false},   {4, 8, 3, 5, "tlbi", "vale2is", true},
    {4, 8, 3, 6, "tlbi", "vmalls12e1is", false},
    {4, 8, 4, 1, "tlbi", "ipas2e1", true},    {4, 8, 4, 5, "tlbi", "ipas2le1", true},
    {4, 8, 7, 0, "tlbi", "alle2", false},     {4, 8, 7, 1, "tlbi", "vae2", true},
    {4, 8, 7, 4, "tlbi", "alle1", false},     {4, 8, 7, 5, "tlbi", "vale2", true},
    {4, 8, 7, 6, "tlbi", "vmalls12e1", false},
    {6, 8, 3, 0, "tlbi", "alle3is", false},   {6, 8, 3, 1, "tlbi", "vae3is", true},
    {6, 8, 3, 5, "tlbi", "vale3is", true},
    {6, 8, 7, 0, "tlbi", "alle3", false},     {6, 8, 7, 1, "tlbi", "vae3", true},
    {6, 8, 7, 5, "tlbi", "vale3", true},
};

std::string CReg(unsigned n) { return "c" + std::to_string(n); }

}  // namespace

// SYS #op1, Cn, Cm, #op2{, Xt}: Xt is omitted when it is XZR (the default).
void FmtSys(Disasm& d) {
  const unsigned op1 = d.Bits(18, 16), crn = d.Bits(15, 12), crm = d.Bits(11, 8),
                 op2 = d.Bits(7, 5), rt = d.Bits(4, 0);
  for (const SysOp& s : kSysOps) {
    if (s.op1 == op1 && s.crn == crn && s.crm == crm && s.op2 == op2) {
      d.Mnemonic(s.mnemonic);
      d.Operand(s.op);
      if (s.has_xt) d.Operand(XReg(rt));
      return;
    }
  }
  d.Operand(ImmDec(op1));
  d.Operand(CReg(crn));
  d.Operand(CReg(crm));
  d.Operand(ImmDec(op2));
  if (rt != 31) d.Operand(XReg(rt));
}

// SYSL Xt, #op1, Cn, Cm, #op2
void FmtSysl(Disasm& d) {
  d.Operand(XReg(d.Bits(4, 0)));
  d.Operand(ImmDec(d.Bits(18, 16)));
  d.Operand(CReg(d.Bits(15, 12)));
  d.Operand(CReg(d.Bits(11, 8)));
  d.Operand(ImmDec(d.Bits(7, 5)));
}

}  // namespace a64
