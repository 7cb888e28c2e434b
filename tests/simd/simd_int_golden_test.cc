// Replays simd_int_golden.txt (recorded on qemu-aarch64 by gen_golden.c):
// every case runs one Advanced SIMD vector integer instruction through the
// interpreter and must reproduce V0 (all 128 bits), X0 and FPSR (QC).
#include <cinttypes>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "tests/support/test_machine.h"

namespace a64 {
namespace {

struct Case {
  uint32_t word = 0;
  unsigned k = 0;
  uint64_t v[6][2] = {};
  uint64_t r0[2] = {}, x0 = 0, fpsr = 0;
};

// "word k v0lo v0hi ... : r0lo r0hi x0 fpsr", all hexadecimal except k.
bool Parse(const std::string& line, Case* c) {
  std::istringstream in(line);
  std::string colon;
  in >> std::hex >> c->word >> std::dec >> c->k;
  if (!in || c->k > 6) return false;
  in >> std::hex;
  for (unsigned i = 0; i < c->k; ++i) in >> c->v[i][0] >> c->v[i][1];
  in >> colon >> c->r0[0] >> c->r0[1] >> c->x0 >> c->fpsr;
  return static_cast<bool>(in) && colon == ":";
}

TEST(SimdIntGolden, MatchesQemu) {
  std::ifstream in("tests/simd/simd_int_golden.txt");
  ASSERT_TRUE(in.good()) << "missing tests/simd/simd_int_golden.txt";
  testing::TestMachine m;
  std::string line;
  int cases = 0, failures = 0;
  std::map<uint32_t, int> failing_words;
  while (std::getline(in, line)) {
    Case c;
    ASSERT_TRUE(Parse(line, &c)) << line;
    ++cases;
    m.LoadCode({c.word});
    CpuState& s = m.cpu.st;
    s.fpcr = 0;
    s.fpsr = 0;
    for (unsigned r = 0; r < 6; ++r) {
      s.v[r].d[0] = c.v[r][0];
      s.v[r].d[1] = c.v[r][1];
    }
    s.x[0] = 0;
    s.x[1] = c.v[1][0];
    const StopReason r = m.Run(1);
    const bool ok = r == StopReason::kInsnLimit && s.v[0].d[0] == c.r0[0] && s.v[0].d[1] == c.r0[1] &&
                    s.x[0] == c.x0 && s.fpsr == c.fpsr;
    if (!ok) {
      ++failing_words[c.word];
      if (++failures <= 40)
        ADD_FAILURE() << "case: " << line << "\n ours: " << (r == StopReason::kInsnLimit ? "" : "EXCEPTION ")
                      << std::hex << s.v[0].d[0] << " " << s.v[0].d[1] << " " << s.x[0] << " " << s.fpsr;
    }
  }
  for (const auto& [word, count] : failing_words) std::printf("failing word %08x: %d cases\n", word, count);
  std::printf("simd_int_golden: %d cases, %d passed, %d failed\n", cases, cases - failures, failures);
  EXPECT_EQ(failures, 0) << "of " << cases << " cases";
  EXPECT_GT(cases, 12000);
}

}  // namespace
}  // namespace a64
