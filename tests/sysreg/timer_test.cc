// Generic timer registers at EL1 with a fake counter: CVAL, TVAL, ISTATUS,
// and the platform notification on writes (ARM ARM D11.2.4).
#include "tests/sysreg/sysreg_fixture.h"

namespace a64::testing {
namespace {

class Timer : public SysregTest {
 protected:
  Timer() { AtEl1(); }
};

TEST_F(Timer, CvalTvalIstatus) {
  for (unsigned crm : {2u, 3u}) {
    const uint32_t tval_w = Msr(3, 3, 14, crm, 0, 0), tval_r = Mrs(0, 3, 3, 14, crm, 0);
    const uint32_t ctl_w = Msr(3, 3, 14, crm, 1, 0), ctl_r = Mrs(0, 3, 3, 14, crm, 1);
    const uint32_t cval_w = Msr(3, 3, 14, crm, 2, 0), cval_r = Mrs(0, 3, 3, 14, crm, 2);
    platform.timer_changes = 0;
    platform.counter = 1000;
    Write(cval_w, 1500);
    Write(ctl_w, ~0ull);  // ENABLE, IMASK; ISTATUS is read-only
    EXPECT_EQ(platform.timer_changes, 2);
    EXPECT_EQ(Read(ctl_r), 3u);
    EXPECT_EQ(Read(tval_r), 500u);
    platform.counter = 1600;
    EXPECT_EQ(Read(ctl_r), 7u);              // condition met
    EXPECT_EQ(Read(tval_r), 0xffffff9cu);    // -100, bits 63:32 RES0
    Write(tval_w, 0x100);
    EXPECT_EQ(Read(cval_r), 1600u + 0x100);
    Write(tval_w, 0xffffffffffffffffull);    // TVAL = -1
    EXPECT_EQ(Read(cval_r), 1599u);
    EXPECT_EQ(Read(ctl_r), 7u);
    Write(ctl_w, 0);  // disabled: ISTATUS reads 0
    EXPECT_EQ(Read(ctl_r), 0u);
    EXPECT_EQ(platform.timer_changes, 5);
  }
  EXPECT_EQ(m.cpu.st.sys.cntv_cval_el0, 1599u);
  EXPECT_EQ(m.cpu.st.sys.cntp_cval_el0, 1599u);
}

TEST_F(Timer, CountersAndFrequency) {
  platform.counter = 0x123456789ull;
  EXPECT_EQ(Read(Mrs(0, 3, 3, 14, 0, 1)), 0x123456789u);  // CNTPCT_EL0
  EXPECT_EQ(Read(Mrs(0, 3, 3, 14, 0, 2)), 0x123456789u);  // CNTVCT_EL0
  ExpectUndefined(Msr(3, 3, 14, 0, 2, 0));                 // CNTVCT_EL0 is read-only
  Write(Msr(3, 3, 14, 0, 0, 0), 0x1234567812345678ull);   // CNTFRQ_EL0, bits 63:32 RES0
  EXPECT_EQ(Read(Mrs(0, 3, 3, 14, 0, 0)), 0x12345678u);
}

}  // namespace
}  // namespace a64::testing
