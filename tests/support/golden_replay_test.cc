// The golden line parser: every layout token, and lines that must be rejected.
#include "tests/support/golden_replay.h"

#include <gtest/gtest.h>

namespace a64::testing {
namespace {

TEST(GoldenLine, ParsesScalarLayout) {
  const auto c = ParseGoldenLine("word fpcr nzcv v1.d v2.d x1 : v0 x0 fpsr nzcv",
                                 "1e220820 c00000 60000000 3f800000 ff 12 : 40 5555 7 10 20000000");
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->word, 0x1e220820u);
  EXPECT_EQ(c->in.fpcr, 0xc00000u);
  EXPECT_EQ(c->in.nzcv, 0x60000000u);
  EXPECT_EQ(c->in.v[1][0], 0x3f800000u);
  EXPECT_EQ(c->in.v[1][1], 0u);
  EXPECT_EQ(c->in.v[2][0], 0xffu);
  EXPECT_EQ(c->in.x[1], 0x12u);
  EXPECT_EQ(c->out.v0[0], 0x40u);
  EXPECT_EQ(c->out.v0[1], 0x5555u);
  EXPECT_EQ(c->out.x0, 7u);
  EXPECT_EQ(c->out.fpsr, 0x10u);
  EXPECT_EQ(c->out.nzcv, 0x20000000u);
}

TEST(GoldenLine, ParsesCountedVectors) {
  const auto c = ParseGoldenLine("word vk : v0 x0 fpsr", "0e000000 2 1 2 3 4 : 5 6 7 8");
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->in.vk, 2u);
  EXPECT_EQ(c->in.v[0][0], 1u);
  EXPECT_EQ(c->in.v[1][1], 4u);
  EXPECT_EQ(c->in.v[2][0], 0u);
  EXPECT_EQ(c->out.fpsr, 8u);
}

TEST(GoldenLine, RejectsMalformedLines) {
  const std::string layout = "word fpcr v0 : v0 fpsr";
  EXPECT_TRUE(ParseGoldenLine(layout, "5e220c20 0 1 2 : 3 4 5").has_value());
  EXPECT_FALSE(ParseGoldenLine(layout, "5e220c20 0 1 2 : 3 4").has_value());       // short
  EXPECT_FALSE(ParseGoldenLine(layout, "5e220c20 0 1 2 : 3 4 5 6").has_value());   // long
  EXPECT_FALSE(ParseGoldenLine(layout, "5e220c20 0 1 2 ; 3 4 5").has_value());     // separator
  EXPECT_FALSE(ParseGoldenLine(layout, "5e220c20 0 1 2x : 3 4 5").has_value());    // not hex
  EXPECT_FALSE(ParseGoldenLine(layout, "15e220c20 0 1 2 : 3 4 5").has_value());   // > 32 bits
  EXPECT_FALSE(ParseGoldenLine("word vk : v0 x0 fpsr", "0 7 : 0 0 0 0").has_value());  // k > 6
  EXPECT_FALSE(ParseGoldenLine("word q9 : v0", "0 0 : 0 0").has_value());         // bad token
}

}  // namespace
}  // namespace a64::testing
