// SP alignment checking (ARM ARM D1.8.2, pseudocode CheckSPAlignment): every
// class of load/store whose base register is SP faults with EC 0x26 when SP
// is not 16-byte aligned and SCTLR_EL1.SA0 (EL0) / SCTLR_EL1.SA (EL1) is set,
// leaving registers and memory unchanged; PRFM/PRFUM never check. Each word
// is annotated with its llvm-mc spelling.
#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <cstring>
#include <vector>

#include "frontend/semantics/exception/sp_alignment.h"
#include "tests/support/test_machine.h"

namespace a64 {
namespace {

using testing::TestMachine;

struct Case {
  uint32_t word;
  const char* text;
  // Needs a 16-byte aligned address on its own (B2.5.2): with SP 8-byte
  // aligned and checking disabled, it takes a Data Abort (Alignment fault).
  bool needs_16_alignment = false;
};

// One instruction of each class of load/store with Rn = SP.
const Case kSpBased[] = {
    // Single register: unsigned offset, pre/post-index, unscaled, unprivileged,
    // register offset; general-purpose and SIMD&FP.
    {0xf94007e0, "ldr x0, [sp, #8]"},
    {0xf81f0fe0, "str x0, [sp, #-16]!"},
    {0xf84107e1, "ldr x1, [sp], #16"},
    {0xf84083e0, "ldur x0, [sp, #8]"},
    {0xf8400be0, "ldtr x0, [sp]"},
    {0xb8004be0, "sttr w0, [sp, #4]"},
    {0xf8616be0, "ldr x0, [sp, x1]"},
    {0x38214be0, "strb w0, [sp, w1, uxtw]"},
    {0x798007e0, "ldrsh x0, [sp, #2]"},
    {0x3dc003e0, "ldr q0, [sp]"},
    {0xfc008fe0, "str d0, [sp, #8]!"},
    {0xbc617be0, "ldr s0, [sp, x1, lsl #2]"},
    // Pairs.
    {0xa9bf07e0, "stp x0, x1, [sp, #-16]!"},
    {0xacc107e0, "ldp q0, q1, [sp], #32"},
    {0x694007e0, "ldpsw x0, x1, [sp]"},
    {0x6c0007e0, "stnp d0, d1, [sp]"},
    // Exclusives, acquire/release, LOR, RCpc.
    {0xc85f7fe0, "ldxr x0, [sp]"},
    {0xc8027fe0, "stxr w2, x0, [sp]"},
    {0xc87f87e0, "ldaxp x0, x1, [sp]", true},
    {0xc82287e0, "stlxp w2, x0, x1, [sp]", true},
    {0x88dfffe0, "ldar w0, [sp]"},
    {0xc89fffe0, "stlr x0, [sp]"},
    {0xf8bfc3e0, "ldapr x0, [sp]"},
    {0xc8df7fe0, "ldlar x0, [sp]"},
    // Atomics, CAS, CASP.
    {0xf82103e0, "ldadd x1, x0, [sp]"},
    {0xb8e183e0, "swpal w1, w0, [sp]"},
    {0x382133ff, "stsetb w1, [sp]"},
    {0xc8a07fe1, "cas x0, x1, [sp]"},
    {0x4860ffe2, "caspal x0, x1, x2, x3, [sp]", true},
    // Advanced SIMD structures: multiple, single, replicate.
    {0x4c4073e0, "ld1 { v0.16b }, [sp]"},
    {0x4c9fa3e0, "st1 { v0.16b, v1.16b }, [sp], #32"},
    {0x4cc10be0, "ld4 { v0.4s, v1.4s, v2.4s, v3.4s }, [sp], x1"},
    {0x0d400fe0, "ld1 { v0.b }[3], [sp]"},
    {0x4dbf87e0, "st2 { v0.d, v1.d }[1], [sp], #16"},
    {0x4d40c3e0, "ld1r { v0.16b }, [sp]"},
    {0x0dffebe0, "ld4r { v0.2s, v1.2s, v2.2s, v3.2s }, [sp], #16"},
};

// PRFM/PRFUM: "if memop != MemOp_PREFETCH then CheckSPAlignment()".
const Case kPrefetch[] = {
    {0xf98003e0, "prfm pldl1keep, [sp]"},
    {0xf88013e0, "prfum pldl1keep, [sp, #1]"},
    {0xf8a16be0, "prfm pldl1keep, [sp, x1]"},
};

constexpr uint64_t kStack = TestMachine::kDataBase + 0x400;  // 16-byte aligned
constexpr size_t kWindow = 0x800;  // data bytes compared, around kStack

// Everything an instruction may change.
struct Snapshot {
  CpuState st;
  ExclusiveMonitor monitor;
  std::vector<uint8_t> data;
};

class SpAlignmentTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (unsigned i = 0; i < kWindow; ++i) m.data()[i] = static_cast<uint8_t>(i * 7 + 3);
    for (unsigned r = 0; r < 31; ++r) m.cpu.st.x[r] = 0x1000 + r;
    m.cpu.st.x[1] = 16;  // the register offset / post-index amount
    for (unsigned r = 0; r < 32; ++r)
      for (unsigned b = 0; b < 16; ++b) m.cpu.st.v[r].b[b] = static_cast<uint8_t>(r * 16 + b);
    // An open exclusive access, which an exclusive that ran would change.
    m.cpu.monitor = ExclusiveMonitor{true, kStack - 16, 64};
  }

  void SetSctlr(uint64_t set, uint64_t clear) {
    m.cpu.st.sys.sctlr_el1 = (m.cpu.st.sys.sctlr_el1 | set) & ~clear;
  }

  Snapshot Take() {
    return {m.cpu.st, m.cpu.monitor, std::vector<uint8_t>(m.data(), m.data() + kWindow)};
  }

  // Runs one instruction with SP = sp.
  StopReason RunOne(const Case& c, uint64_t sp) {
    m.cpu.st.sp = sp;
    m.LoadCode({c.word});
    return m.Run(1);
  }

  // Expects the SP alignment fault with nothing changed.
  void ExpectSpFault(const Case& c, uint64_t sp) {
    SCOPED_TRACE(c.text);
    m.cpu.st.sp = sp;
    m.LoadCode({c.word});
    const Snapshot before = Take();
    ASSERT_EQ(m.Run(1), StopReason::kException);
    EXPECT_EQ(m.cpu.exc.ec, ExceptionClass::kSpAlignment);
    EXPECT_EQ(m.cpu.exc.iss, 0u);
    const Snapshot after = Take();
    EXPECT_EQ(after.st.pc, before.st.pc);
    EXPECT_EQ(after.st.sp, before.st.sp);
    EXPECT_EQ(std::memcmp(after.st.x, before.st.x, sizeof before.st.x), 0);
    EXPECT_EQ(std::memcmp(after.st.v, before.st.v, sizeof before.st.v), 0);
    EXPECT_EQ(after.st.nzcv, before.st.nzcv);
    EXPECT_EQ(after.monitor.valid, before.monitor.valid);
    EXPECT_EQ(after.monitor.addr, before.monitor.addr);
    EXPECT_EQ(after.data, before.data);
  }

  // Expects no SP alignment fault: the instruction completes, or (only for
  // the accesses that need 16-byte alignment themselves) takes its own
  // Alignment fault.
  void ExpectNoSpFault(const Case& c, uint64_t sp) {
    SCOPED_TRACE(c.text);
    const StopReason r = RunOne(c, sp);
    if (c.needs_16_alignment && (sp & 15) != 0) {
      ASSERT_EQ(r, StopReason::kException);
      EXPECT_EQ(m.cpu.exc.ec, ExceptionClass::kDataAbortLower);
      EXPECT_EQ(m.cpu.exc.fault, FaultKind::kAlignment);
    } else {
      EXPECT_EQ(r, StopReason::kInsnLimit) << "exception class " << int(m.cpu.exc.ec);
    }
  }

  TestMachine m;
};

TEST_F(SpAlignmentTest, Sa0SetMisalignedSpFaultsAtEl0) {
  ASSERT_EQ(m.cpu.st.pstate.el, 0);
  SetSctlr(kSctlrSa0, kSctlrSa);
  for (const Case& c : kSpBased) ExpectSpFault(c, kStack + 8);
}

TEST_F(SpAlignmentTest, AnyMisalignmentFaults) {
  SetSctlr(kSctlrSa0, 0);
  // A byte access is naturally aligned anywhere; SP itself is checked.
  const Case ldrb{0x394003e0, "ldrb w0, [sp]"};
  for (uint64_t low : {1, 2, 4, 8, 12, 15}) ExpectSpFault(ldrb, kStack + low);
}

// The check is on SP, not on the address: an aligned SP with an unaligned
// offset does not fault, a misaligned SP with an offset that would align the
// address does.
TEST_F(SpAlignmentTest, ChecksSpNotTheAddress) {
  SetSctlr(kSctlrSa0, 0);
  ExpectNoSpFault({0xf84083e0, "ldur x0, [sp, #8]"}, kStack);
  ExpectSpFault({0xf84083e0, "ldur x0, [sp, #8]"}, kStack + 8);
  // Post-index from a misaligned SP back to an aligned one still faults.
  ExpectSpFault({0xf84087e0, "ldr x0, [sp], #8"}, kStack + 8);
}

// CheckSPAlignment comes before the access's own alignment check.
TEST_F(SpAlignmentTest, PrecedesAlignmentFault) {
  SetSctlr(kSctlrSa0, 0);
  for (const Case& c : kSpBased)
    if (c.needs_16_alignment) ExpectSpFault(c, kStack + 8);
}

TEST_F(SpAlignmentTest, Sa0ClearDoesNotFault) {
  SetSctlr(0, kSctlrSa0 | kSctlrSa);
  for (const Case& c : kSpBased) {
    SetUp();
    ExpectNoSpFault(c, kStack + 8);
  }
}

TEST_F(SpAlignmentTest, AlignedSpNeverFaults) {
  SetSctlr(kSctlrSa0 | kSctlrSa, 0);
  for (const Case& c : kSpBased) {
    SetUp();
    ExpectNoSpFault(c, kStack);
  }
}

TEST_F(SpAlignmentTest, PrefetchNeverChecks) {
  SetSctlr(kSctlrSa0, 0);
  for (const Case& c : kPrefetch) {
    SCOPED_TRACE(c.text);
    const Snapshot before = Take();
    ASSERT_EQ(RunOne(c, kStack + 8), StopReason::kInsnLimit);
    EXPECT_EQ(m.cpu.st.sp, kStack + 8);
    EXPECT_EQ(Take().data, before.data);
  }
}

// A base other than SP is never checked, whatever SP is.
TEST_F(SpAlignmentTest, OtherBaseRegistersNotChecked) {
  SetSctlr(kSctlrSa0, 0);
  m.cpu.st.x[2] = kStack;
  ExpectNoSpFault({0xf9400440, "ldr x0, [x2, #8]"}, kStack + 8);
}

// At EL1 SCTLR_EL1.SA controls the check, and SA0 does not.
TEST_F(SpAlignmentTest, El1UsesSa) {
  m.cpu.st.pstate.el = 1;
  SetSctlr(kSctlrSa, kSctlrSa0);
  for (const Case& c : kSpBased) ExpectSpFault(c, kStack + 8);

  SetSctlr(kSctlrSa0, kSctlrSa);
  for (const Case& c : kSpBased) {
    SetUp();
    ExpectNoSpFault(c, kStack + 8);
  }
}

TEST_F(SpAlignmentTest, El0IgnoresSa) {
  SetSctlr(kSctlrSa, kSctlrSa0);
  ExpectNoSpFault({0xf94007e0, "ldr x0, [sp, #8]"}, kStack + 8);
}

// User mode runs EL0 with SA0 set, as Linux does (INIT_SCTLR_EL1_MMU_ON).
TEST_F(SpAlignmentTest, LinuxUserStateSetsSa0) {
  EXPECT_NE(m.cpu.st.sys.sctlr_el1 & kSctlrSa0, 0u);
}

}  // namespace
}  // namespace a64
