// Every encoding that decodes but has no semantics (and so executes as
// UNDEFINED) is listed, with the reason, in undefined_encodings.txt. An
// encoding gaining or losing semantics must update that list.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "frontend/decode_table.h"
#include "frontend/semantics/dispatch.h"

namespace a64 {
namespace {

TEST(UndefinedEncodings, MatchTheCheckedInList) {
  std::ifstream in("tests/frontend/undefined_encodings.txt");
  ASSERT_TRUE(in.good()) << "missing tests/frontend/undefined_encodings.txt";
  std::set<std::string> listed;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream(line) >> line;
    EXPECT_TRUE(listed.insert(line).second) << "listed twice: " << line;
  }
  std::set<std::string> actual;
  for (unsigned i = 0; i < EncodingCount(); ++i) {
    const Encoding& e = EncodingTable()[i];
    if (!ExecTable::Instance().Implemented(e.op)) actual.insert(e.name);
  }
  for (const std::string& name : actual)
    EXPECT_TRUE(listed.count(name)) << name << " has no semantics but is not listed";
  for (const std::string& name : listed)
    EXPECT_TRUE(actual.count(name)) << name << " is listed but has semantics (or no longer exists)";
}

}  // namespace
}  // namespace a64
