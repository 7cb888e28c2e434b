// Replays simd_fp_golden.txt (recorded on qemu-aarch64 by gen_golden.c):
// every case runs one Advanced SIMD vector floating-point instruction through
// the interpreter and must reproduce V0 (all 128 bits) and FPSR.
#include <cinttypes>
#include <cstdio>
#include <fstream>
#include <map>
#include <string>

#include <gtest/gtest.h>

#include "tests/support/test_machine.h"

namespace a64 {
namespace {

struct Case {
  uint32_t word;
  uint64_t fpcr, v0[2], v1[2], v2[2];
  uint64_t r0[2], fpsr;
};

bool Parse(const std::string& line, Case* c) {
  return std::sscanf(line.c_str(),
                     "%" SCNx32 " %" SCNx64 " %" SCNx64 " %" SCNx64 " %" SCNx64 " %" SCNx64
                     " %" SCNx64 " %" SCNx64 " : %" SCNx64 " %" SCNx64 " %" SCNx64,
                     &c->word, &c->fpcr, &c->v0[0], &c->v0[1], &c->v1[0], &c->v1[1], &c->v2[0],
                     &c->v2[1], &c->r0[0], &c->r0[1], &c->fpsr) == 11;
}

TEST(SimdFpGolden, MatchesQemu) {
  std::ifstream in("tests/simd_fp/simd_fp_golden.txt");
  ASSERT_TRUE(in.good()) << "missing tests/simd_fp/simd_fp_golden.txt";
  testing::TestMachine m;
  std::string line;
  int cases = 0, failures = 0;
  std::map<uint32_t, int> words, failing_words;
  while (std::getline(in, line)) {
    Case c;
    ASSERT_TRUE(Parse(line, &c)) << line;
    ++cases;
    ++words[c.word];
    m.LoadCode({c.word});
    CpuState& s = m.cpu.st;
    s.fpcr = static_cast<uint32_t>(c.fpcr);
    s.fpsr = 0;
    for (int i = 0; i < 2; ++i) {
      s.v[0].d[i] = c.v0[i];
      s.v[1].d[i] = c.v1[i];
      s.v[2].d[i] = c.v2[i];
    }
    const StopReason r = m.Run(1);
    const bool ok = r == StopReason::kInsnLimit && s.v[0].d[0] == c.r0[0] &&
                    s.v[0].d[1] == c.r0[1] && s.fpsr == c.fpsr;
    if (!ok) {
      ++failing_words[c.word];
      if (++failures <= 40)
        ADD_FAILURE() << "case: " << line << "\n ours: "
                      << (r == StopReason::kInsnLimit ? "" : "EXCEPTION ") << std::hex
                      << s.v[0].d[0] << " " << s.v[0].d[1] << " " << s.fpsr;
    }
  }
  for (const auto& [word, count] : failing_words)
    std::printf("failing word %08x: %d cases\n", word, count);
  std::printf("%d cases, %zu encodings, %d failures\n", cases, words.size(), failures);
  EXPECT_EQ(failures, 0) << "of " << cases << " cases";
  EXPECT_GT(cases, 10000);
  EXPECT_GT(words.size(), 700u);
}

}  // namespace
}  // namespace a64
