// Replays fp_golden.txt: every case runs one instruction through the
// interpreter and must reproduce qemu-aarch64's V0, X0, FPSR and NZCV.
#include <cinttypes>
#include <cstdio>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "tests/support/test_machine.h"

namespace a64 {
namespace {

struct Case {
  uint32_t word;
  uint64_t fpcr, nzcv, v1, v2, v3, x1;
  uint64_t v0lo, v0hi, x0, fpsr, nzcv_out;
};

bool Parse(const std::string& line, Case* c) {
  return std::sscanf(line.c_str(),
                     "%" SCNx32 " %" SCNx64 " %" SCNx64 " %" SCNx64 " %" SCNx64 " %" SCNx64
                     " %" SCNx64 " : %" SCNx64 " %" SCNx64 " %" SCNx64 " %" SCNx64 " %" SCNx64,
                     &c->word, &c->fpcr, &c->nzcv, &c->v1, &c->v2, &c->v3, &c->x1, &c->v0lo,
                     &c->v0hi, &c->x0, &c->fpsr, &c->nzcv_out) == 12;
}

TEST(FpGolden, MatchesQemu) {
  std::ifstream in("tests/fp_scalar/fp_golden.txt");
  ASSERT_TRUE(in.good()) << "missing tests/fp_scalar/fp_golden.txt";
  testing::TestMachine m;
  std::string line;
  int cases = 0, failures = 0;
  while (std::getline(in, line)) {
    Case c;
    ASSERT_TRUE(Parse(line, &c)) << line;
    ++cases;
    m.LoadCode({c.word});
    CpuState& s = m.cpu.st;
    s.fpcr = static_cast<uint32_t>(c.fpcr);
    s.fpsr = 0;
    s.nzcv = static_cast<uint32_t>(c.nzcv);
    s.v[0].d[0] = 0;
    s.v[0].d[1] = 0x5555;
    s.x[0] = 0x5555;
    s.x[1] = c.x1;
    s.v[1].d[0] = c.v1;
    s.v[2].d[0] = c.v2;
    s.v[3].d[0] = c.v3;
    s.v[1].d[1] = s.v[2].d[1] = s.v[3].d[1] = 0;
    const StopReason r = m.Run(1);
    const bool ok = r == StopReason::kInsnLimit && s.v[0].d[0] == c.v0lo && s.v[0].d[1] == c.v0hi &&
                    s.x[0] == c.x0 && s.fpsr == c.fpsr && s.nzcv == c.nzcv_out;
    if (!ok && ++failures <= 40) {
      ADD_FAILURE() << "case: " << line << "\n ours: "
                    << (r == StopReason::kInsnLimit ? "" : "EXCEPTION ") << std::hex << s.v[0].d[0]
                    << " " << s.v[0].d[1] << " " << s.x[0] << " " << s.fpsr << " " << s.nzcv;
    }
  }
  EXPECT_EQ(failures, 0) << "of " << cases << " cases";
  EXPECT_GT(cases, 5000);
}

}  // namespace
}  // namespace a64
