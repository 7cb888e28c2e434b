// a64sim boot: runs a kernel on the virt board (Linux: Image, initramfs,
// generated device tree, PSCI) or a bare-metal program on the bare machine.
#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "devices/bare_machine.h"
#include "devices/console.h"
#include "devices/fdt_builder.h"
#include "devices/image_loader.h"
#include "devices/linux_loader.h"
#include "devices/virt_machine.h"
#include "devices/virtio_blk.h"
#include "tools/a64sim/commands.h"
#include "tools/a64sim/option_reader.h"

namespace a64 {
namespace {

constexpr const char kBootUsage[] =
    "usage: a64sim boot --kernel FILE [options]\n"
    "Runs a kernel on the `virt` board, QEMU's virt machine memory map:\n"
    "RAM at 0x40000000, GICv2 at 0x08000000/0x08010000, PL011 UART at\n"
    "0x09000000 (the console, on standard input/output), PL031 RTC at\n"
    "0x09010000, 32 virtio-mmio transports from 0x0a000000, the generic\n"
    "timer on PPIs 13/14/11/10, PSCI 1.1 over HVC. The kernel is an arm64\n"
    "Image (optionally gzip-compressed), an ELF executable, or a raw binary\n"
    "(at 0x40080000); the PE starts at EL1h with DAIF masked, the MMU off and\n"
    "X0 = the device tree's address (Linux's booting.rst).\n"
    "With --semihosting (and no --machine) the bare machine runs instead:\n"
    "RAM and the generic timer wired straight to the IRQ input, no GIC, no\n"
    "devices, no firmware (HVC is UNDEFINED), X0 = 0: the bare-metal tests.\n"
    "\n"
    "options:\n"
    "  --kernel FILE     the kernel or program to run (required)\n"
    "  --initrd FILE     an initramfs (cpio, possibly compressed), placed in\n"
    "                    RAM and described in /chosen\n"
    "  --append ARGS     the kernel command line (default \"console=ttyAMA0\n"
    "                    rdinit=/init\"); with --dtb, replaces its bootargs\n"
    "  --memory SIZE     RAM size in bytes, or with a K, M or G suffix\n"
    "                    (default 512M; 128M on the bare machine)\n"
    "  --dtb FILE        boot with this device tree instead of the generated\n"
    "                    one (its /chosen gets the initrd and --append)\n"
    "  --dump-dtb FILE   write the device tree given to the kernel to FILE\n"
    "  --drive FILE[,readonly][,snapshot]\n"
    "                    a virtio-blk disk backed by FILE (repeatable; as on\n"
    "                    QEMU's virt, one drive is /dev/vda, and with several\n"
    "                    the last is /dev/vda). readonly: the guest cannot write;\n"
    "                    snapshot: writes stay in memory, FILE is not changed\n"
    "  --machine virt|bare  choose the board (default virt, or bare with\n"
    "                    --semihosting)\n"
    "  --max-insns N     stop after N retired instructions (exit status 124)\n"
    "  --semihosting     enable ARM semihosting (HLT #0xF000 at EL1): console\n"
    "                    output to standard output, SYS_EXIT ends the run with\n"
    "                    the program's status; without it HLT is UNDEFINED\n"
    "  --host-time       the counter follows the host clock; by default time is\n"
    "                    virtual: 1 ns per retired instruction, the counter at\n"
    "                    62.5 MHz, and WFI skips forward to the next timer event\n"
    "%s"
    "  --stats           print retired instructions, exceptions, host time and\n"
    "                    speed to stderr\n"
    "  --help            this text\n"
    "\n"
    "The console: on a terminal, Ctrl-A x quits and Ctrl-A h prints help.\n"
    "\n"
    "exit status: 0 after PSCI SYSTEM_OFF (Linux poweroff); 3 after PSCI\n"
    "SYSTEM_RESET (reboot); 4 after PSCI CPU_OFF of the only CPU; the\n"
    "program's status after semihosting SYS_EXIT; 5 quit from the console;\n"
    "123 --verify-jit found a difference; 124 instruction limit; 125 WFI with\n"
    "no interrupt that could ever come;\n"
    "126 exceptions taken in an endless loop; 1 cannot load; 2 usage.\n";

constexpr const char kDefaultAppend[] = "console=ttyAMA0 rdinit=/init";

// Both boards put RAM where the virt board does; a raw bare-metal image
// goes 512 KiB into it, as on QEMU.
constexpr uint64_t kRamBase = VirtLayout::kRamBase;
constexpr uint64_t kRawImageAddress = kRamBase + 0x8'0000;
constexpr uint64_t kBareDefaultMemory = 128ull << 20;
constexpr uint64_t kVirtDefaultMemory = 512ull << 20;
constexpr int kExitLoad = 1;
constexpr int kExitUsage = 2;
constexpr int kExitSystemReset = 3;
constexpr int kExitCpuOff = 4;
constexpr int kExitConsoleQuit = 5;
constexpr int kExitInsnLimit = 124;
constexpr int kExitWaitForever = 125;
constexpr int kExitExceptionLoop = 126;
constexpr int kExitVerifyFailed = 123;  // --verify-jit found a difference

// The virt board runs in slices of this many instructions, checking the
// console's quit request between them.
constexpr uint64_t kSliceInsns = 20'000'000;

int UsageError(const std::string& msg) {
  std::fprintf(stderr, "a64sim boot: %s (try 'a64sim boot --help')\n", msg.c_str());
  return kExitUsage;
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

// FILE[,readonly][,snapshot]
bool ParseDrive(const std::string& spec, VirtioBlkOptions* drive) {
  size_t comma = spec.find(',');
  drive->path = spec.substr(0, comma);
  if (drive->path.empty()) return false;
  while (comma != std::string::npos) {
    const size_t next = spec.find(',', comma + 1);
    const std::string flag = spec.substr(comma + 1, next - comma - 1);
    if (flag == "readonly") {
      drive->readonly = true;
    } else if (flag == "snapshot") {
      drive->snapshot = true;
    } else {
      return false;
    }
    comma = next;
  }
  return true;
}

struct BootOptions {
  EngineOptions engine;
  std::string kernel, initrd, dtb, dump_dtb, machine;
  std::string append = kDefaultAppend;
  bool append_given = false;
  std::vector<VirtioBlkOptions> drives;
  uint64_t memory = 0;  // 0: the board's default
  uint64_t max_insns = ~uint64_t{0};
  bool semihosting = false, host_time = false, stats = false;
};

void PrintStats(const Cpu& cpu, const SystemRunner& runner, double seconds) {
  std::fprintf(stderr,
               "a64sim: %llu instructions, %llu exceptions (%llu interrupts), %.2f s, "
               "%.1f MIPS\n",
               static_cast<unsigned long long>(cpu.icount),
               static_cast<unsigned long long>(runner.exceptions_taken()),
               static_cast<unsigned long long>(runner.interrupts_taken()), seconds,
               seconds > 0 ? static_cast<double>(cpu.icount) / seconds / 1e6 : 0.0);
  if (runner.blocks()) jit::PrintStats(runner.blocks()->stats());
}

// The exit status and message of a run that ended for a reason of the
// runner's own.
int RunnerStop(const SystemRunResult& r, const Cpu& cpu) {
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
    case SystemStop::kVerifyFailed:
      return kExitVerifyFailed;
    case SystemStop::kMachineStop:
      break;
  }
  return kExitLoad;
}

int BootBare(const BootOptions& o) {
  BareMachineConfig config;
  config.ram_base = kRamBase;
  config.ram_size = o.memory ? o.memory : kBareDefaultMemory;
  config.host_time = o.host_time;
  config.semihosting = o.semihosting;
  config.engine = o.engine;
  BareMachine machine(config);
  std::string error;
  if (!machine.Init(&error)) {
    std::fprintf(stderr, "a64sim boot: %s\n", error.c_str());
    return kExitLoad;
  }
  LoadedImage image;
  if (!LoadImage(o.kernel, &machine.physical_memory(), kRawImageAddress, &image, &error)) {
    std::fprintf(stderr, "a64sim boot: %s: %s\n", o.kernel.c_str(), error.c_str());
    return kExitLoad;
  }
  machine.Reset(image.entry);
  const auto start = std::chrono::steady_clock::now();
  const SystemRunResult r = machine.Run(o.max_insns);
  std::fflush(stdout);
  if (o.stats)
    PrintStats(machine.cpu(), machine.runner(),
               std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  return RunnerStop(r, machine.cpu());
}

// Loads the kernel, initramfs and device tree into the virt board's RAM.
// Returns the DTB address, or 0 with a message printed.
uint64_t LoadLinux(const BootOptions& o, VirtMachine& machine, LoadedKernel* kernel) {
  std::string error;
  PhysicalMemory& mem = machine.physical_memory();
  if (!LoadKernel(o.kernel, &mem, machine.ram(), kernel, &error)) {
    std::fprintf(stderr, "a64sim boot: %s: %s\n", o.kernel.c_str(), error.c_str());
    return 0;
  }
  std::vector<uint8_t> initrd;
  if (!o.initrd.empty()) {
    if (!ReadWholeFile(o.initrd, &initrd, &error)) {
      std::fprintf(stderr, "a64sim boot: %s: %s\n", o.initrd.c_str(), error.c_str());
      return 0;
    }
    if (initrd.empty()) {
      std::fprintf(stderr, "a64sim boot: %s: empty initramfs\n", o.initrd.c_str());
      return 0;
    }
  }
  BootBlobLayout layout;
  if (!PlanBootBlobs(machine.ram(), *kernel, initrd.size(), &layout, &error)) {
    std::fprintf(stderr, "a64sim boot: %s\n", error.c_str());
    return 0;
  }
  if (!initrd.empty() && !mem.Write(layout.initrd_start, initrd.data(), initrd.size())) {
    std::fprintf(stderr, "a64sim boot: cannot write the initramfs to RAM\n");
    return 0;
  }

  FdtBoard board = machine.DescribeBoard();
  board.has_initrd = !initrd.empty();
  board.initrd_start = layout.initrd_start;
  board.initrd_end = layout.initrd_end;
  std::vector<uint8_t> dtb;
  if (!o.dtb.empty()) {
    if (!ReadWholeFile(o.dtb, &dtb, &error) || !CheckDeviceTree(dtb, &error)) {
      std::fprintf(stderr, "a64sim boot: %s: %s\n", o.dtb.c_str(), error.c_str());
      return 0;
    }
    if (o.append_given) board.bootargs = o.append;
    if (!PatchChosen(&dtb, board, &error)) {
      std::fprintf(stderr, "a64sim boot: %s: %s\n", o.dtb.c_str(), error.c_str());
      return 0;
    }
  } else {
    board.bootargs = o.append;
    dtb = BuildDeviceTree(board, &error);
    if (dtb.empty()) {
      std::fprintf(stderr, "a64sim boot: cannot build the device tree: %s\n", error.c_str());
      return 0;
    }
  }
  if (dtb.size() > kMaxDtbSize) {
    std::fprintf(stderr, "a64sim boot: the device tree is larger than 2 MiB\n");
    return 0;
  }
  if (!mem.Write(layout.dtb, dtb.data(), dtb.size())) {
    std::fprintf(stderr, "a64sim boot: cannot write the device tree to RAM\n");
    return 0;
  }
  if (!o.dump_dtb.empty()) {
    std::FILE* f = std::fopen(o.dump_dtb.c_str(), "wb");
    const bool ok = f && std::fwrite(dtb.data(), 1, dtb.size(), f) == dtb.size();
    if (f && std::fclose(f) != 0) f = nullptr;
    if (!ok || !f) {
      std::fprintf(stderr, "a64sim boot: cannot write %s: %s\n", o.dump_dtb.c_str(),
                   std::strerror(errno));
      return 0;
    }
  }
  return layout.dtb;
}

int BootVirt(const BootOptions& o) {
  Console console(ConsoleOptions{});
  VirtMachineConfig config;
  config.ram_size = o.memory ? o.memory : kVirtDefaultMemory;
  config.host_time = o.host_time;
  config.semihosting = o.semihosting;
  config.engine = o.engine;
  config.console = &console;
  config.wait_for_input = [&console] {
    while (console.input_open() && !console.quit_requested())
      if (console.WaitForInput(100)) return true;
    return console.quit_requested();
  };
  VirtMachine machine(config);
  std::string error;
  for (size_t i = 0; i < o.drives.size(); ++i) {
    std::unique_ptr<VirtioBlk> blk = VirtioBlk::Create(o.drives[i], &error);
    if (!blk) {
      std::fprintf(stderr, "a64sim boot: --drive %s: %s\n", o.drives[i].path.c_str(),
                   error.c_str());
      return kExitLoad;
    }
    // Drives take transports from the highest address down, as QEMU's virt
    // assigns them (so one drive is /dev/vda; with several, the last is).
    const unsigned slot = VirtLayout::kVirtioCount - 1 - static_cast<unsigned>(i);
    if (!machine.AttachVirtio(slot, std::move(blk), &error)) {
      std::fprintf(stderr, "a64sim boot: --drive: %s\n", error.c_str());
      return kExitLoad;
    }
  }
  if (!machine.Init(&error)) {
    std::fprintf(stderr, "a64sim boot: %s\n", error.c_str());
    return kExitLoad;
  }
  LoadedKernel kernel;
  const uint64_t dtb = LoadLinux(o, machine, &kernel);
  if (!dtb) return kExitLoad;
  machine.Reset(kernel.entry, dtb);

  const auto start = std::chrono::steady_clock::now();
  SystemRunResult r;
  uint64_t left = o.max_insns;
  bool quit = false;
  for (;;) {
    const uint64_t slice = std::min(left, kSliceInsns);
    const uint64_t before = machine.cpu().icount;
    r = machine.Run(slice);
    left -= std::min(left, machine.cpu().icount - before);
    if (console.quit_requested()) {
      quit = true;
      break;
    }
    if (r.stop != SystemStop::kInsnLimit || left == 0) break;
  }
  std::fflush(stdout);
  if (o.stats)
    PrintStats(machine.cpu(), machine.runner(),
               std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  if (quit) {
    std::fprintf(stderr, "a64sim boot: quit from the console\n");
    return kExitConsoleQuit;
  }
  if (r.stop != SystemStop::kMachineStop) return RunnerStop(r, machine.cpu());
  switch (machine.power_event()) {
    case VirtPowerEvent::kSystemOff:
      return 0;
    case VirtPowerEvent::kSystemReset:
      std::fprintf(stderr, "a64sim boot: the guest asked for a system reset (PSCI SYSTEM_RESET)\n");
      return kExitSystemReset;
    case VirtPowerEvent::kCpuOff:
      std::fprintf(stderr, "a64sim boot: the only CPU turned itself off (PSCI CPU_OFF)\n");
      return kExitCpuOff;
    case VirtPowerEvent::kNone:
      break;
  }
  return kExitLoad;
}

}  // namespace

int RunBootCommand(int argc, char** argv) {
  BootOptions o;
  for (int i = 1; i < argc; ++i) {
    OptionReader option(argc, argv, &i);
    const std::string a = option.name();
    auto need_value = [&](std::string* out) { return option.Value(out); };
    std::string engine_error;
    const int engine = option.Engine(&o.engine, &engine_error);
    if (engine < 0) return UsageError(engine_error);
    if (engine > 0) continue;
    auto need_file = [&](std::string* out) -> bool {
      return need_value(out) && !out->empty();
    };
    if (a == "--help" || a == "-h") {
      std::printf(kBootUsage, kEngineUsage);
      return 0;
    } else if (a == "--semihosting") {
      o.semihosting = true;
    } else if (a == "--host-time") {
      o.host_time = true;
    } else if (a == "--stats") {
      o.stats = true;
    } else if (a == "--kernel") {
      if (!need_file(&o.kernel)) return UsageError("--kernel needs a file");
    } else if (a == "--initrd") {
      if (!need_file(&o.initrd)) return UsageError("--initrd needs a file");
    } else if (a == "--dtb") {
      if (!need_file(&o.dtb)) return UsageError("--dtb needs a file");
    } else if (a == "--dump-dtb") {
      if (!need_file(&o.dump_dtb)) return UsageError("--dump-dtb needs a file");
    } else if (a == "--append") {
      if (!need_value(&o.append)) return UsageError("--append needs the kernel command line");
      o.append_given = true;
    } else if (a == "--drive") {
      std::string v;
      VirtioBlkOptions drive;
      if (!need_value(&v) || !ParseDrive(v, &drive))
        return UsageError("--drive needs FILE[,readonly][,snapshot]");
      o.drives.push_back(drive);
    } else if (a == "--machine") {
      if (!need_value(&o.machine) || (o.machine != "virt" && o.machine != "bare"))
        return UsageError("--machine needs virt or bare");
    } else if (a == "--memory") {
      std::string v;
      if (!need_value(&v)) return UsageError("--memory needs a size");
      if (!ParseSize(v, &o.memory) || o.memory == 0 || (o.memory & 0xfff))
        return UsageError("bad --memory size '" + v + "' (a non-zero multiple of 4K)");
      // The RAM ends below 2^48: the largest PA of this PE (no FEAT_LPA).
      if (o.memory > (1ull << 48) - kRamBase)
        return UsageError("--memory " + v + " is too large");
    } else if (a == "--max-insns") {
      std::string v;
      if (!need_value(&v)) return UsageError("--max-insns needs a value");
      if (!ParseU64(v, &o.max_insns)) return UsageError("bad number for --max-insns: '" + v + "'");
    } else {
      return UsageError("unknown option '" + std::string(argv[i]) + "'");
    }
  }
  if (o.kernel.empty()) return UsageError("no --kernel given");
  const bool bare = o.machine.empty() ? o.semihosting : o.machine == "bare";
  if (bare) {
    if (!o.initrd.empty() || !o.dtb.empty() || !o.dump_dtb.empty() || o.append_given ||
        !o.drives.empty())
      return UsageError("--initrd, --append, --dtb, --dump-dtb and --drive need the virt board");
    return BootBare(o);
  }
  return BootVirt(o);
}

}  // namespace a64
