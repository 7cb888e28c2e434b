// a64sim: AArch64 functional simulator. `a64sim help` lists the subcommands.
#include <cstdio>
#include <cstring>

#include "tools/a64sim/commands.h"

namespace {

constexpr const char kUsage[] =
    "usage: a64sim COMMAND [options]\n"
    "\n"
    "commands:\n"
    "  user [options] ELF [args...]   run a static AArch64 Linux program (syscall emulation)\n"
    "  boot --kernel FILE [options]    run a bare-metal program on the full-system model\n"
    "  disasm [FILE | --elf FILE]      disassemble hex words (one per line) or an ELF's text\n"
    "  help                            this text\n"
    "\n"
    "`a64sim COMMAND --help` describes each command's options.\n";

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || !std::strcmp(argv[1], "help") || !std::strcmp(argv[1], "--help") ||
      !std::strcmp(argv[1], "-h")) {
    std::fputs(kUsage, argc < 2 ? stderr : stdout);
    return argc < 2 ? 2 : 0;
  }
  const char* cmd = argv[1];
  if (!std::strcmp(cmd, "disasm")) return a64::RunDisasmCommand(argc - 1, argv + 1);
  if (!std::strcmp(cmd, "user")) return a64::RunUserCommand(argc - 1, argv + 1);
  if (!std::strcmp(cmd, "boot")) return a64::RunBootCommand(argc - 1, argv + 1);
  std::fprintf(stderr, "a64sim: unknown command '%s' (try 'a64sim help')\n", cmd);
  return 2;
}
