// Read and write functions of the system registers that are views of other
// state (PSTATE, the banked stack pointers) or computed (counters, timer
// status, cache geometry). Each follows the register's description in the
// ARM ARM; the table (sysreg_table.cc) names them.
#pragma once

#include <cstdint>

#include "frontend/semantics/cpu.h"

namespace a64 {

// sysreg_pstate.cc: PSTATE fields as special-purpose registers (ARM ARM C5.2).
uint64_t ReadCurrentEl(const Cpu& cpu);
uint64_t ReadDaif(const Cpu& cpu);
void WriteDaif(Cpu& cpu, uint64_t v);
uint64_t ReadSpSel(const Cpu& cpu);
void WriteSpSel(Cpu& cpu, uint64_t v);
uint64_t ReadPan(const Cpu& cpu);
void WritePan(Cpu& cpu, uint64_t v);
uint64_t ReadUao(const Cpu& cpu);
void WriteUao(Cpu& cpu, uint64_t v);
uint64_t ReadSpEl0(const Cpu& cpu);
void WriteSpEl0(Cpu& cpu, uint64_t v);
uint64_t ReadSpEl1(const Cpu& cpu);
void WriteSpEl1(Cpu& cpu, uint64_t v);

// sysreg_identification.cc: cache geometry, DC ZVA block, OS lock.
uint64_t ReadCcsidr(const Cpu& cpu);
uint64_t ReadDczid(const Cpu& cpu);
uint64_t ReadOslsr(const Cpu& cpu);
void WriteOslar(Cpu& cpu, uint64_t v);

// sysreg_timer.cc: the generic timer (ARM ARM D11.2).
uint64_t ReadCntpct(const Cpu& cpu);
uint64_t ReadCntvct(const Cpu& cpu);
uint64_t ReadCntvCtl(const Cpu& cpu);
void WriteCntvCtl(Cpu& cpu, uint64_t v);
void WriteCntvCval(Cpu& cpu, uint64_t v);
uint64_t ReadCntvTval(const Cpu& cpu);
void WriteCntvTval(Cpu& cpu, uint64_t v);
uint64_t ReadCntpCtl(const Cpu& cpu);
void WriteCntpCtl(Cpu& cpu, uint64_t v);
void WriteCntpCval(Cpu& cpu, uint64_t v);
uint64_t ReadCntpTval(const Cpu& cpu);
void WriteCntpTval(Cpu& cpu, uint64_t v);

}  // namespace a64
