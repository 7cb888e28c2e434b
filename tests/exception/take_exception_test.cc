// Exception entry to EL1: vector offsets, SPSR/ELR/ESR/FAR, PSTATE changes and
// stack pointer banking (ARM ARM D1.10).
#include <gtest/gtest.h>

#include "frontend/cpu_state.h"
#include "frontend/semantics/exception/pstate.h"
#include "frontend/semantics/exception/take_exception.h"

namespace a64 {
namespace {

CpuState AtEl0() {
  CpuState st{};
  st.sys.vbar_el1 = 0xffff000010000800;
  st.sp = 0x1000;          // SP_EL0, live at EL0
  st.sp_el[1] = 0x8000;    // SP_EL1
  st.nzcv = kFlagN | kFlagC;
  st.pc = 0x400100;
  return st;
}

TEST(TakeException, SvcFromEl0) {
  CpuState st = AtEl0();
  PendingException e{ExceptionClass::kSvc64, 0x1234, 0, FaultKind::kNone, false};
  TakeException(st, ExceptionType::kSynchronous, &e, 0x400104);
  EXPECT_EQ(st.pc, 0xffff000010000800 + 0x400);  // lower EL, AArch64, synchronous
  EXPECT_EQ(st.sys.elr_el1, 0x400104u);
  EXPECT_EQ(st.sys.esr_el1, 0x15u << 26 | 1u << 25 | 0x1234);
  EXPECT_EQ(st.sys.spsr_el1, 0xa0000000u);  // N, C, EL0t, DAIF clear
  EXPECT_EQ(st.pstate.el, 1);
  EXPECT_EQ(st.pstate.sp, 1);
  EXPECT_EQ(st.pstate.daif, 0xf);
  EXPECT_EQ(st.pstate.pan, 1);   // SCTLR_EL1.SPAN == 0
  EXPECT_EQ(st.sp, 0x8000u);     // SP_EL1 now live
  EXPECT_EQ(st.sp_el[0], 0x1000u);
}

TEST(TakeException, DataAbortSameElUsesCurrentElSpxVector) {
  CpuState st = AtEl0();
  SetElAndSp(st, 1, 1);
  st.pstate.daif = kDaifD;
  st.sys.sctlr_el1 = 1ull << 23;  // SPAN: PAN unchanged
  PendingException e{ExceptionClass::kDataAbortLower, 0, 0xdead0, FaultKind::kPermission, true};
  e.level = 3;
  TakeException(st, ExceptionType::kSynchronous, &e, 0xffff000000001000);
  EXPECT_EQ(st.pc, 0xffff000010000800 + 0x200);
  EXPECT_EQ(st.sys.esr_el1 >> 26, 0x25u);         // Data Abort, same EL
  EXPECT_EQ(st.sys.esr_el1 & 0x3f, 0x0fu);         // permission fault, level 3
  EXPECT_TRUE(st.sys.esr_el1 & (1u << 6));         // WnR
  EXPECT_EQ(st.sys.far_el1, 0xdead0u);
  EXPECT_EQ(st.sys.spsr_el1, 0xa0000000u | 1u << 9 | 5);  // D, EL1h
  EXPECT_EQ(st.pstate.pan, 0);
}

TEST(TakeException, IrqFromEl1WithSpEl0) {
  CpuState st = AtEl0();
  SetElAndSp(st, 1, 0);
  st.sys.esr_el1 = 0x77;
  TakeException(st, ExceptionType::kIrq, nullptr, 0x2000);
  EXPECT_EQ(st.pc, 0xffff000010000800 + 0x80);  // current EL with SP_EL0, IRQ
  EXPECT_EQ(st.sys.esr_el1, 0x77u);             // not written for IRQ
  EXPECT_EQ(st.sys.spsr_el1 & 0xf, 4u);         // EL1t
}

TEST(FaultStatusCode, Encodings) {
  PendingException e;
  e.ec = ExceptionClass::kDataAbortSame;
  e.fault = FaultKind::kTranslation; e.level = 2;
  EXPECT_EQ(FaultStatusCode(e), 0x06u);
  e.fault = FaultKind::kAccessFlag; e.level = 1;
  EXPECT_EQ(FaultStatusCode(e), 0x09u);
  e.fault = FaultKind::kAlignment;
  EXPECT_EQ(FaultStatusCode(e), 0x21u);
  e.fault = FaultKind::kExternal; e.on_walk = false;
  EXPECT_EQ(FaultStatusCode(e), 0x10u);
  e.on_walk = true; e.level = 2;
  EXPECT_EQ(FaultStatusCode(e), 0x16u);
  EXPECT_EQ(SyndromeOf(e) & (1u << 7), 0u);  // S1PTW: stage 2 only
  e.fault = FaultKind::kAddressSize; e.level = 0;
  EXPECT_EQ(FaultStatusCode(e), 0x00u);
}

TEST(Syndrome, CacheMaintenanceAbort) {
  // AT or DC by VA: CM = 1 and WnR = 1 (ARM ARM D17.2.37, ISS bits 8 and 6).
  PendingException e{ExceptionClass::kDataAbortSame, 0, 0x1000, FaultKind::kExternal, true};
  e.on_walk = true;
  e.level = 2;
  e.cache_maintenance = true;
  EXPECT_EQ(SyndromeOf(e), 0x96000156u);  // what qemu-system-aarch64 reports too
}

}  // namespace
}  // namespace a64
