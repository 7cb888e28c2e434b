// PL031 with a fake clock and a fake interrupt controller.
#include "devices/pl031.h"

#include <gtest/gtest.h>

#include <vector>

namespace a64 {
namespace {

class FakeSink : public InterruptSink {
 public:
  void SetLevel(unsigned intid, bool level) override { calls.push_back({intid, level}); }
  bool Level() const { return !calls.empty() && calls.back().second; }
  std::vector<std::pair<unsigned, bool>> calls;
};

constexpr uint64_t kSecond = 1'000'000'000;
constexpr unsigned kIntid = 34;

class Pl031Test : public ::testing::Test {
 protected:
  uint32_t Rd(uint64_t off, unsigned size = 4) {
    uint64_t v = ~uint64_t{0};
    EXPECT_TRUE(rtc.Read(off, size, &v));
    return static_cast<uint32_t>(v);
  }
  void Wr(uint64_t off, uint32_t v) { EXPECT_TRUE(rtc.Write(off, 4, v)); }

  uint64_t now_ns = 0;
  FakeSink sink;
  Pl031 rtc{[this] { return now_ns; }, &sink, kIntid};
};

TEST_F(Pl031Test, IdRegisters) {
  const uint32_t expected[8] = {0x31, 0x10, 0x14, 0x00, 0x0d, 0xf0, 0x05, 0xb1};
  for (unsigned i = 0; i < 8; ++i) EXPECT_EQ(Rd(0xfe0 + 4 * i), expected[i]) << i;
}

TEST_F(Pl031Test, CounterFollowsClockFromEpoch) {
  EXPECT_EQ(Pl031::kDefaultEpoch, 1767225600u);  // 2026-01-01T00:00:00Z
  EXPECT_EQ(Rd(Pl031::kDR), Pl031::kDefaultEpoch);
  now_ns = kSecond - 1;
  EXPECT_EQ(Rd(Pl031::kDR), Pl031::kDefaultEpoch);
  now_ns = kSecond;
  EXPECT_EQ(Rd(Pl031::kDR), Pl031::kDefaultEpoch + 1);
  now_ns = 3600 * kSecond + 5;
  EXPECT_EQ(Rd(Pl031::kDR), Pl031::kDefaultEpoch + 3600);
  EXPECT_EQ(Rd(Pl031::kDR + 2, 2), (Pl031::kDefaultEpoch + 3600) >> 16);
}

TEST_F(Pl031Test, CustomEpoch) {
  Pl031 other([this] { return now_ns; }, nullptr, kIntid, 1000);
  now_ns = 2500'000'000;
  uint64_t v;
  ASSERT_TRUE(other.Read(Pl031::kDR, 4, &v));
  EXPECT_EQ(v, 1002u);
}

TEST_F(Pl031Test, LoadKeepsOneHertzPhase) {
  now_ns = 10 * kSecond + kSecond / 2;
  Wr(Pl031::kLR, 5000);
  EXPECT_EQ(Rd(Pl031::kLR), 5000u);
  EXPECT_EQ(Rd(Pl031::kDR), 5000u);
  now_ns = 11 * kSecond;  // the next edge of the 1 Hz clock
  EXPECT_EQ(Rd(Pl031::kDR), 5001u);
  Wr(Pl031::kLR, 0xffffffff);
  now_ns = 12 * kSecond;
  EXPECT_EQ(Rd(Pl031::kDR), 0u);  // wraps modulo 2^32
}

TEST_F(Pl031Test, ControlStartIsSticky) {
  EXPECT_EQ(Rd(Pl031::kCR), 0u);
  Wr(Pl031::kCR, 1);
  EXPECT_EQ(Rd(Pl031::kCR), 1u);
  Wr(Pl031::kCR, 0);
  EXPECT_EQ(Rd(Pl031::kCR), 1u);
}

TEST_F(Pl031Test, MatchInterrupt) {
  uint32_t base = Pl031::kDefaultEpoch;
  Wr(Pl031::kMR, base + 3);
  EXPECT_EQ(Rd(Pl031::kMR), base + 3);
  EXPECT_EQ(rtc.NextEventNs(), Pl031::kNever);  // masked
  Wr(Pl031::kIMSC, 1);
  EXPECT_EQ(rtc.NextEventNs(), 3 * kSecond);
  now_ns = 2 * kSecond;
  rtc.Update();
  EXPECT_EQ(Rd(Pl031::kRIS), 0u);
  EXPECT_FALSE(sink.Level());
  now_ns = 3 * kSecond;
  rtc.Update();
  EXPECT_EQ(Rd(Pl031::kRIS), 1u);
  EXPECT_EQ(Rd(Pl031::kMIS), 1u);
  EXPECT_TRUE(sink.Level());
  ASSERT_FALSE(sink.calls.empty());
  EXPECT_EQ(sink.calls.back().first, kIntid);
  EXPECT_EQ(rtc.NextEventNs(), Pl031::kNever);  // already asserted
  Wr(Pl031::kICR, 1);
  EXPECT_EQ(Rd(Pl031::kRIS), 0u);
  EXPECT_FALSE(sink.Level());
  // Still equal, but the match is an event: it does not latch again.
  now_ns = 3 * kSecond + kSecond / 2;
  rtc.Update();
  EXPECT_EQ(Rd(Pl031::kRIS), 0u);
}

TEST_F(Pl031Test, MatchPassedBetweenUpdatesLatches) {
  Wr(Pl031::kMR, Pl031::kDefaultEpoch + 10);
  now_ns = 60 * kSecond;  // the board was late
  EXPECT_EQ(Rd(Pl031::kRIS), 1u);  // masked, but latched in RTCRIS
  EXPECT_FALSE(sink.Level());
  Wr(Pl031::kIMSC, 1);
  EXPECT_TRUE(sink.Level());
}

TEST_F(Pl031Test, MatchWrittenEqualToCounterLatches) {
  now_ns = 7 * kSecond;
  Wr(Pl031::kIMSC, 1);
  Wr(Pl031::kMR, Pl031::kDefaultEpoch + 7);
  EXPECT_TRUE(sink.Level());
  Wr(Pl031::kICR, 1);
  // Loading the counter onto the match value matches too; jumping over it
  // does not.
  Wr(Pl031::kMR, 100);
  Wr(Pl031::kLR, 200);
  EXPECT_FALSE(sink.Level());
  Wr(Pl031::kLR, 100);
  EXPECT_TRUE(sink.Level());
}

TEST_F(Pl031Test, NextEventAfterWrap) {
  now_ns = 5 * kSecond;
  Wr(Pl031::kLR, 0xfffffffe);
  Wr(Pl031::kMR, 1);
  Wr(Pl031::kIMSC, 1);
  EXPECT_EQ(rtc.NextEventNs(), 8 * kSecond);  // ...fe, ff, 0, 1
  now_ns = 8 * kSecond;
  rtc.Update();
  EXPECT_TRUE(sink.Level());
}

TEST_F(Pl031Test, ResetKeepsTime) {
  now_ns = 4 * kSecond;
  Wr(Pl031::kIMSC, 1);
  Wr(Pl031::kMR, Pl031::kDefaultEpoch + 4);
  EXPECT_TRUE(sink.Level());
  rtc.Reset();
  EXPECT_FALSE(sink.Level());
  EXPECT_EQ(Rd(Pl031::kIMSC), 0u);
  EXPECT_EQ(Rd(Pl031::kDR), Pl031::kDefaultEpoch + 4);
}

}  // namespace
}  // namespace a64
