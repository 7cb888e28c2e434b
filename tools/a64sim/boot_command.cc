// a64sim boot: runs a bare-metal program on the full-system model.
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "devices/bare_machine.h"
#include "devices/image_loader.h"
#include "tools/a64sim/commands.h"

namespace a64 {
namespace {

constexpr const char kBootUsage[] =
    "usage: a64sim boot --kernel FILE [options]\n"
    "Runs a bare-metal AArch64 program: RAM at 0x40000000, the program loaded\n"
    "as an ELF executable (segments at their physical addresses, entered at\n"
    "e_entry) or else as a raw binary at 0x40080000 (entered there). The PE\n"
    "starts at EL1h with X0 = 0, DAIF masked and the MMU off. The generic\n"
    "timer's EL1 virtual and physical timers drive the IRQ input directly.\n"
    "\n"
    "options:\n"
    "  --kernel FILE   the program to run (required)\n"
    "  --memory SIZE   RAM size in bytes, or with a K, M or G suffix\n"
    "                  (default 128M)\n"
    "  --max-insns N   stop after N retired instructions (exit status 124)\n"
    "  --semihosting   enable ARM semihosting (HLT #0xF000 at EL1): console\n"
    "                  output to standard output, SYS_EXIT ends the run with\n"
    "                  the program's status; without it HLT is UNDEFINED\n"
    "  --host-time     the counter follows the host clock; by default time is\n"
    "                  virtual: 1 ns per retired instruction, the counter at\n"
    "                  62.5 MHz, and WFI skips forward to the next timer event\n"
    "  --stats         print retired instructions and exceptions taken to stderr\n"
    "  --help          this text\n"
    "\n"
    "exit status: the program's (semihosting SYS_EXIT); 124 instruction limit;\n"
    "125 WFI with no interrupt that could ever come; 126 exceptions taken in an\n"
    "endless loop; 1 cannot load; 2 usage.\n";

constexpr uint64_t kRamBase = 0x4000'0000;
constexpr uint64_t kRawImageAddress = 0x4008'0000;
constexpr int kExitLoad = 1;
constexpr int kExitUsage = 2;
constexpr int kExitInsnLimit = 124;
constexpr int kExitWaitForever = 125;
constexpr int kExitExceptionLoop = 126;

int UsageError(const std::string& msg) {
  std::fprintf(stderr, "a64sim boot: %s (try 'a64sim boot --help')\n", msg.c_str());
  return kExitUsage;
}

bool ParseU64(const std::string& s, uint64_t* v) {
  if (s.empty() || s[0] == '-') return false;
  errno = 0;
  char* end = nullptr;
  const unsigned long long x = std::strtoull(s.c_str(), &end, 0);
  if (errno || *end) return false;
  *v = x;
  return true;
}

// "134217728", "128M", "1G", "64k".
bool ParseSize(std::string s, uint64_t* v) {
  unsigned shift = 0;
  if (!s.empty()) {
    switch (s.back()) {
      case 'k': case 'K': shift = 10; break;
      case 'm': case 'M': shift = 20; break;
      case 'g': case 'G': shift = 30; break;
      default: break;
    }
    if (shift) s.pop_back();
  }
  uint64_t n;
  if (!ParseU64(s, &n) || n > (~uint64_t{0} >> shift)) return false;
  *v = n << shift;
  return true;
}

}  // namespace

int RunBootCommand(int argc, char** argv) {
  BareMachineConfig config;
  config.ram_base = kRamBase;
  std::string kernel;
  uint64_t max_insns = ~uint64_t{0};
  bool stats = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    std::string value;
    bool has_inline = false;
    if (a.rfind("--", 0) == 0 && a.find('=') != std::string::npos) {
      value = a.substr(a.find('=') + 1);
      a = a.substr(0, a.find('='));
      has_inline = true;
    }
    auto need_value = [&](std::string* out) -> bool {
      if (has_inline) {
        *out = value;
        return true;
      }
      if (i + 1 >= argc) return false;
      *out = argv[++i];
      return true;
    };
    if (a == "--help" || a == "-h") {
      std::fputs(kBootUsage, stdout);
      return 0;
    } else if (a == "--semihosting") {
      config.semihosting = true;
    } else if (a == "--host-time") {
      config.host_time = true;
    } else if (a == "--stats") {
      stats = true;
    } else if (a == "--kernel") {
      if (!need_value(&kernel) || kernel.empty()) return UsageError("--kernel needs a file");
    } else if (a == "--memory") {
      std::string v;
      if (!need_value(&v)) return UsageError("--memory needs a size");
      if (!ParseSize(v, &config.ram_size) || config.ram_size == 0 ||
          (config.ram_size & 0xfff))
        return UsageError("bad --memory size '" + v + "' (a non-zero multiple of 4K)");
      // The RAM ends below 2^48: the largest PA of this PE (no FEAT_LPA).
      if (config.ram_size > (1ull << 48) - kRamBase)
        return UsageError("--memory " + v + " is too large");
    } else if (a == "--max-insns") {
      std::string v;
      if (!need_value(&v)) return UsageError("--max-insns needs a value");
      if (!ParseU64(v, &max_insns)) return UsageError("bad number for --max-insns: '" + v + "'");
    } else {
      return UsageError("unknown option '" + std::string(argv[i]) + "'");
    }
  }
  if (kernel.empty()) return UsageError("no --kernel given");

  BareMachine machine(config);
  std::string error;
  if (!machine.Init(&error)) {
    std::fprintf(stderr, "a64sim boot: %s\n", error.c_str());
    return kExitLoad;
  }
  LoadedImage image;
  if (!LoadImage(kernel, &machine.physical_memory(), kRawImageAddress, &image, &error)) {
    std::fprintf(stderr, "a64sim boot: %s: %s\n", kernel.c_str(), error.c_str());
    return kExitLoad;
  }
  machine.Reset(image.entry);
  const SystemRunResult r = machine.Run(max_insns);
  std::fflush(stdout);
  if (stats) {
    std::fprintf(stderr, "a64sim: %llu instructions, %llu exceptions (%llu interrupts)\n",
                 static_cast<unsigned long long>(machine.cpu().icount),
                 static_cast<unsigned long long>(machine.runner().exceptions_taken()),
                 static_cast<unsigned long long>(machine.runner().interrupts_taken()));
  }
  const Cpu& cpu = machine.cpu();
  switch (r.stop) {
    case SystemStop::kExit:
      return r.exit_code;
    case SystemStop::kInsnLimit:
      std::fprintf(stderr, "a64sim boot: instruction limit reached (pc 0x%llx)\n",
                   static_cast<unsigned long long>(cpu.st.pc));
      return kExitInsnLimit;
    case SystemStop::kWaitForever:
      std::fprintf(stderr, "a64sim boot: WFI with no interrupt that could wake the PE (pc 0x%llx)\n",
                   static_cast<unsigned long long>(cpu.st.pc));
      return kExitWaitForever;
    case SystemStop::kExceptionLoop:
      std::fprintf(stderr,
                   "a64sim boot: endless exception loop (pc 0x%llx, ESR_EL1 0x%llx, "
                   "FAR_EL1 0x%llx, VBAR_EL1 0x%llx)\n",
                   static_cast<unsigned long long>(cpu.st.pc),
                   static_cast<unsigned long long>(cpu.st.sys.esr_el1),
                   static_cast<unsigned long long>(cpu.st.sys.far_el1),
                   static_cast<unsigned long long>(cpu.st.sys.vbar_el1));
      return kExitExceptionLoop;
  }
  return kExitLoad;
}

}  // namespace a64
