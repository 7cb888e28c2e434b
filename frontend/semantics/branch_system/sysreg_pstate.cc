// PSTATE fields accessed as special-purpose registers with MRS/MSR (ARM ARM
// C5.2: CurrentEL, DAIF, SPSel, PAN, UAO) and the stack pointers SP_EL0,
// SP_EL1 (C5.2.14, C5.2.15). NZCV, FPCR and FPSR are plain fields.
#include "frontend/semantics/branch_system/sysreg_accessors.h"
#include "frontend/semantics/exception/pstate.h"

namespace a64 {

// CurrentEL: EL in bits 3:2.
uint64_t ReadCurrentEl(const Cpu& cpu) { return uint64_t{cpu.st.pstate.el} << 2; }

// DAIF: D, A, I, F in bits 9:6.
uint64_t ReadDaif(const Cpu& cpu) { return uint64_t{cpu.st.pstate.daif & 15u} << 6; }
void WriteDaif(Cpu& cpu, uint64_t v) { cpu.st.pstate.daif = static_cast<uint8_t>((v >> 6) & 15); }

// SPSel: SP in bit 0. Changing it switches the live stack pointer.
uint64_t ReadSpSel(const Cpu& cpu) { return cpu.st.pstate.sp & 1u; }
void WriteSpSel(Cpu& cpu, uint64_t v) { SetElAndSp(cpu.st, cpu.st.pstate.el, v & 1); }

// PAN: bit 22. UAO: bit 23.
uint64_t ReadPan(const Cpu& cpu) { return uint64_t{cpu.st.pstate.pan & 1u} << 22; }
void WritePan(Cpu& cpu, uint64_t v) { cpu.st.pstate.pan = (v >> 22) & 1; }
uint64_t ReadUao(const Cpu& cpu) { return uint64_t{cpu.st.pstate.uao & 1u} << 23; }
void WriteUao(Cpu& cpu, uint64_t v) { cpu.st.pstate.uao = (v >> 23) & 1; }

uint64_t ReadSpEl0(const Cpu& cpu) { return ReadSpEl(cpu.st, 0); }
void WriteSpEl0(Cpu& cpu, uint64_t v) { WriteSpEl(cpu.st, 0, v); }
uint64_t ReadSpEl1(const Cpu& cpu) { return ReadSpEl(cpu.st, 1); }
void WriteSpEl1(Cpu& cpu, uint64_t v) { WriteSpEl(cpu.st, 1, v); }

}  // namespace a64
