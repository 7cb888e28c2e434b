// a64sim disasm: hex words in, LLVM-style assembly out, one line per word.
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <string>

#include "frontend/disasm/disassembler.h"
#include "tools/a64sim/commands.h"

namespace a64 {
namespace {

constexpr const char kDisasmUsage[] =
    "usage: a64sim disasm [FILE]\n"
    "Reads 32-bit instruction words written in hex (optional 0x), one per line, from\n"
    "FILE or standard input, and prints one line per word: the assembly text as\n"
    "llvm-mc prints it, or <invalid> for an unallocated or unsupported word.\n";

// Returns false when the line is not a hex word.
bool ParseWord(const std::string& line, uint32_t* word) {
  size_t b = line.find_first_not_of(" \t\r");
  if (b == std::string::npos) return false;
  size_t e = line.find_last_not_of(" \t\r");
  std::string s = line.substr(b, e - b + 1);
  if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) s = s.substr(2);
  if (s.empty() || s.size() > 8) return false;
  for (char c : s)
    if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
  *word = static_cast<uint32_t>(std::strtoul(s.c_str(), nullptr, 16));
  return true;
}

int DisasmStream(std::istream& in, const char* name) {
  std::string line;
  unsigned lineno = 0;
  std::string out;
  while (std::getline(in, line)) {
    ++lineno;
    uint32_t word;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    if (!ParseWord(line, &word)) {
      std::fprintf(stderr, "a64sim disasm: %s:%u: not a 32-bit hex word: '%s'\n", name, lineno,
                   line.c_str());
      return 1;
    }
    out = Disassemble(word);
    out += '\n';
    std::fwrite(out.data(), 1, out.size(), stdout);
  }
  return 0;
}

}  // namespace

int RunDisasmCommand(int argc, char** argv) {
  if (argc > 1 && (!std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h"))) {
    std::fputs(kDisasmUsage, stdout);
    return 0;
  }
  if (argc > 2) {
    std::fputs(kDisasmUsage, stderr);
    return 2;
  }
  if (argc == 1) return DisasmStream(std::cin, "<stdin>");
  std::ifstream f(argv[1]);
  if (!f) {
    std::fprintf(stderr, "a64sim disasm: cannot open '%s': %s\n", argv[1], std::strerror(errno));
    return 1;
  }
  return DisasmStream(f, argv[1]);
}

}  // namespace a64
