// a64sim user: runs a static AArch64 Linux program under syscall emulation.
#include <csignal>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "tools/a64sim/commands.h"
#include "tools/a64sim/option_reader.h"
#include "user/user_process.h"

extern char** environ;

namespace a64 {
namespace {

constexpr const char kUserUsage[] =
    "usage: a64sim user [options] ELF [args...]\n"
    "Runs a static AArch64 Linux executable (ET_EXEC or static-pie) with Linux\n"
    "arm64 system calls emulated on the host. Standard input, output and error are\n"
    "the host's; paths are host paths.\n"
    "\n"
    "options:\n"
    "  --max-insns N   stop after N retired instructions (exit status 124)\n"
    "  --stats         print the retired instruction count and MIPS to stderr at exit\n"
    "  --seed N        seed of AT_RANDOM and getrandom (default 0; deterministic)\n"
    "  --host-time     use the host clocks; by default time is virtual: 1 ns per\n"
    "                  retired instruction, starting at 2026-01-01T00:00:00Z, and\n"
    "                  sleeps advance the clock without waiting\n"
    "%s"
    "  --env-clear     start from an empty environment (default: the host's)\n"
    "  -E VAR=VALUE    set VAR in the guest's environment\n"
    "  -U VAR          remove VAR from the guest's environment\n"
    "  --help          this text\n"
    "  --              end of options\n"
    "\n"
    "exit status: the guest's; 128+signal when it dies of one (132 UNDEFINED\n"
    "instruction, 133 BRK, 135 bus error, 139 segmentation fault, or a signal it\n"
    "sends itself); 123 --verify-jit found a difference; 124 instruction limit;\n"
    "125 deadlock; 1 cannot load; 2 usage.\n";

int UsageError(const std::string& msg) {
  std::fprintf(stderr, "a64sim user: %s (try 'a64sim user --help')\n", msg.c_str());
  return user::kExitUsage;
}

void EnvUnset(std::vector<std::string>* env, const std::string& var) {
  const std::string prefix = var + "=";
  std::vector<std::string> out;
  for (std::string& e : *env)
    if (e.compare(0, prefix.size(), prefix) != 0) out.push_back(std::move(e));
  *env = std::move(out);
}

void EnvSet(std::vector<std::string>* env, const std::string& assignment) {
  const std::string prefix = assignment.substr(0, assignment.find('=') + 1);
  for (std::string& e : *env) {
    if (e.compare(0, prefix.size(), prefix) == 0) {
      e = assignment;
      return;
    }
  }
  env->push_back(assignment);
}

}  // namespace

int RunUserCommand(int argc, char** argv) {
  user::UserOptions opt;
  // Environment edits apply in order, after --env-clear wherever it appears.
  bool env_clear = false;
  std::vector<std::pair<char, std::string>> env_edits;
  int i = 1;
  for (; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--") {
      ++i;
      break;
    }
    if (a.empty() || a[0] != '-') break;
    OptionReader option(argc, argv, &i);
    a = option.name();
    auto need_value = [&](std::string* out) { return option.Value(out); };
    std::string engine_error;
    const int engine = option.Engine(&opt.engine, &engine_error);
    if (engine < 0) return UsageError(engine_error);
    if (engine > 0) continue;
    if (a == "--help" || a == "-h") {
      std::printf(kUserUsage, kEngineUsage);
      return 0;
    } else if (a == "--stats") {
      opt.stats = true;
    } else if (a == "--host-time") {
      opt.host_time = true;
    } else if (a == "--env-clear") {
      env_clear = true;
    } else if (a == "--max-insns" || a == "--seed") {
      std::string v;
      uint64_t n;
      if (!need_value(&v)) return UsageError(a + " needs a value");
      if (!ParseU64(v, &n)) return UsageError("bad number for " + a + ": '" + v + "'");
      (a == "--seed" ? opt.seed : opt.max_insns) = n;
    } else if (a == "-E" || a == "-U") {
      std::string v;
      if (!need_value(&v)) return UsageError(a + " needs a value");
      if (a == "-E" && (v.find('=') == std::string::npos || v[0] == '='))
        return UsageError("-E wants VAR=VALUE, got '" + v + "'");
      if (a == "-U" && (v.empty() || v.find('=') != std::string::npos))
        return UsageError("-U wants a variable name, got '" + v + "'");
      env_edits.emplace_back(a[1], v);
    } else {
      return UsageError("unknown option '" + std::string(argv[i]) + "'");
    }
  }
  if (i >= argc) return UsageError("no ELF file given");
  opt.elf_path = argv[i];
  for (int k = i; k < argc; ++k) opt.argv.push_back(argv[k]);
  if (!env_clear)
    for (char** e = environ; *e; ++e) opt.envp.push_back(*e);
  for (const auto& [kind, v] : env_edits) {
    if (kind == 'E') EnvSet(&opt.envp, v);
    else EnvUnset(&opt.envp, v);
  }

  // The guest sees EPIPE and gets its own SIGPIPE (see user/syscalls_fs.cc).
  std::signal(SIGPIPE, SIG_IGN);
  const std::string path = opt.elf_path;
  user::UserProcess process(std::move(opt));
  std::string error;
  if (!process.Load(&error)) {
    std::fprintf(stderr, "a64sim: %s: %s\n", path.c_str(), error.c_str());
    return user::kExitLoadError;
  }
  return process.Run();
}

}  // namespace a64
