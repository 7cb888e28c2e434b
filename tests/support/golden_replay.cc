#include "tests/support/golden_replay.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>
#include <vector>

#include "frontend/disasm/disassembler.h"
#include "tests/support/test_machine.h"
#include "user/linux_el1_state.h"

namespace a64::testing {
namespace {

std::vector<std::string> Split(const std::string& s) {
  std::istringstream in(s);
  std::vector<std::string> out;
  for (std::string t; in >> t;) out.push_back(t);
  return out;
}

// Reads tokens of a line in order; any malformed number marks the line bad.
class Reader {
 public:
  explicit Reader(std::vector<std::string> tokens) : tokens_(std::move(tokens)) {}
  uint64_t Number(int base) {
    if (pos_ >= tokens_.size()) return ok_ = false, 0;
    const std::string& t = tokens_[pos_++];
    uint64_t v = 0;
    const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v, base);
    if (ec != std::errc() || end != t.data() + t.size()) ok_ = false;
    return v;
  }
  void Literal(const std::string& s) {
    if (pos_ >= tokens_.size() || tokens_[pos_++] != s) ok_ = false;
  }
  bool Done() const { return ok_ && pos_ == tokens_.size(); }
  bool ok() const { return ok_; }

 private:
  std::vector<std::string> tokens_;
  size_t pos_ = 0;
  bool ok_ = true;
};

// The register number of a "vN" / "vN.d" token, or -1.
int VRegOf(const std::string& tok, const char* suffix) {
  if (tok.size() < 2 || tok[0] != 'v' || tok[1] < '0' || tok[1] >= '0' + GOLDEN_NUM_V) return -1;
  return tok.substr(2) == suffix ? tok[1] - '0' : -1;
}

struct Field {
  std::string name;
  uint64_t expected, actual;
};

// The outputs `layout` names, expected against actual.
std::vector<Field> Compare(const std::string& layout, const GoldenOut& want, const CpuState& s) {
  std::vector<Field> diff;
  bool outputs = false;
  auto check = [&](const char* name, uint64_t e, uint64_t a) {
    if (e != a) diff.push_back({name, e, a});
  };
  for (const std::string& tok : Split(layout)) {
    if (tok == ":") outputs = true;
    if (!outputs) continue;
    if (tok == "v0") {
      check("v0<63:0>", want.v0[0], s.v[0].d[0]);
      check("v0<127:64>", want.v0[1], s.v[0].d[1]);
    } else if (tok == "x0") {
      check("x0", want.x0, s.x[0]);
    } else if (tok == "fpsr") {
      check("fpsr", want.fpsr, s.fpsr);
    } else if (tok == "nzcv") {
      check("nzcv", want.nzcv, s.nzcv);
    }
  }
  return diff;
}

void LoadInputs(uint32_t word, const GoldenIn& in, TestMachine& m) {
  m.cpu.st = CpuState{};
  user::SetLinuxUserEl1State(m.cpu.st);  // as TestMachine (FP/SIMD not trapped)
  m.cpu.monitor = ExclusiveMonitor{};
  m.cpu.exc = PendingException{};
  m.LoadCode({word});
  CpuState& s = m.cpu.st;
  s.fpcr = static_cast<uint32_t>(in.fpcr);
  s.fpsr = 0;
  s.nzcv = static_cast<uint32_t>(in.nzcv);
  s.x[0] = in.x[0];
  s.x[1] = in.x[1];
  for (int r = 0; r < GOLDEN_NUM_V; ++r) {
    s.v[r].d[0] = in.v[r][0];
    s.v[r].d[1] = in.v[r][1];
  }
}

}  // namespace

std::optional<GoldenCaseData> ParseGoldenLine(const std::string& layout, const std::string& line) {
  GoldenCaseData c;
  Reader r(Split(line));
  bool outputs = false;
  for (const std::string& tok : Split(layout)) {
    int v = -1;
    if (tok == ":") {
      outputs = true;
      r.Literal(":");
    } else if (tok == "word") {
      const uint64_t word = r.Number(16);
      if (word > 0xffffffffu) return std::nullopt;
      c.word = static_cast<uint32_t>(word);
    } else if (tok == "fpcr" && !outputs) {
      c.in.fpcr = r.Number(16);
    } else if (tok == "nzcv") {
      (outputs ? c.out.nzcv : c.in.nzcv) = r.Number(16);
    } else if (tok == "x0") {
      (outputs ? c.out.x0 : c.in.x[0]) = r.Number(16);
    } else if (tok == "x1" && !outputs) {
      c.in.x[1] = r.Number(16);
    } else if (tok == "fpsr" && outputs) {
      c.out.fpsr = r.Number(16);
    } else if (tok == "v0" && outputs) {
      c.out.v0[0] = r.Number(16);
      c.out.v0[1] = r.Number(16);
    } else if (tok == "vk" && !outputs) {
      c.in.vk = r.Number(10);
      if (c.in.vk > GOLDEN_NUM_V) return std::nullopt;
      for (uint64_t i = 0; i < c.in.vk; ++i) {
        c.in.v[i][0] = r.Number(16);
        c.in.v[i][1] = r.Number(16);
      }
    } else if ((v = VRegOf(tok, "")) >= 0 && !outputs) {
      c.in.v[v][0] = r.Number(16);
      c.in.v[v][1] = r.Number(16);
    } else if ((v = VRegOf(tok, ".d")) >= 0 && !outputs) {
      c.in.v[v][0] = r.Number(16);
    } else {
      return std::nullopt;  // not a layout token
    }
    if (!r.ok()) return std::nullopt;
  }
  if (!r.Done()) return std::nullopt;
  return c;
}

GoldenReport ReplayGolden(const GoldenSuite& suite) {
  GoldenReport rep;
  std::ifstream file(suite.path);
  if (!file.good()) {
    ADD_FAILURE() << "missing golden file " << suite.path;
    return rep;
  }
  TestMachine m;
  std::set<uint32_t> words;
  std::string line;
  for (int line_no = 1; std::getline(file, line); ++line_no) {
    std::optional<GoldenCaseData> c = ParseGoldenLine(suite.layout, line);
    if (!c) {
      ADD_FAILURE() << suite.path << ":" << line_no << ": not in layout \"" << suite.layout
                    << "\": " << line;
      ++rep.failures;
      continue;
    }
    ++rep.cases;
    words.insert(c->word);
    if (suite.complete) suite.complete(&c->in);
    GoldenOut expected = c->out;
    if (suite.deviation && suite.deviation(*c, &expected)) ++rep.deviations;

    LoadInputs(c->word, c->in, m);
    const StopReason stop = m.Run(1);
    const bool retired =
        stop == StopReason::kInsnLimit && m.cpu.st.pc == TestMachine::kCodeBase + 4;
    const std::vector<Field> diff = Compare(suite.layout, expected, m.cpu.st);
    if (retired && diff.empty()) continue;

    ++rep.failing_words[c->word];
    if (++rep.failures > 40) continue;
    std::ostringstream msg;
    msg << suite.path << ":" << line_no << ": " << std::hex << c->word << " "
        << Disassemble(c->word) << "\n  case: " << line << "\n";
    if (!retired) msg << "  did not retire: " << (stop == StopReason::kException ? "exception" : "stopped") << "\n";
    for (const Field& f : diff)
      msg << "  " << f.name << ": qemu " << f.expected << ", ours " << f.actual << "\n";
    ADD_FAILURE() << msg.str();
  }
  rep.encodings = words.size();
  for (const auto& [word, count] : rep.failing_words)
    std::printf("failing word %08x (%s): %d cases\n", word, Disassemble(word).c_str(), count);
  std::printf("golden %s on %s: %d cases, %zu encodings, %d differ from qemu, %d known deviations\n",
              suite.path.c_str(), EngineName(m.engine_options()), rep.cases, rep.encodings,
              rep.failures, rep.deviations);
  if (const jit::EngineStats* jit = m.jit_stats())
    std::printf("  %llu blocks translated\n", static_cast<unsigned long long>(jit->blocks_translated));
  EXPECT_EQ(rep.failures, 0) << "of " << rep.cases << " cases in " << suite.path;
  EXPECT_GE(rep.cases, std::max(suite.min_cases, 1)) << suite.path;
  EXPECT_GE(rep.encodings, suite.min_encodings) << suite.path;
  return rep;
}

}  // namespace a64::testing
