#include "devices/semihosting.h"

#include <algorithm>
#include <cstring>
#include <string>

namespace a64 {
namespace {

// Operation numbers (semihosting spec, chapter 5).
constexpr uint32_t kSysOpen = 0x01;
constexpr uint32_t kSysWriteC = 0x03;
constexpr uint32_t kSysWrite0 = 0x04;
constexpr uint32_t kSysWrite = 0x05;
constexpr uint32_t kSysExit = 0x18;
constexpr uint32_t kSysExitExtended = 0x20;

// SYS_EXIT reason for a normal exit (5.17 "Reason codes").
constexpr uint64_t kAdpStoppedApplicationExit = 0x20026;

constexpr uint64_t kMinusOne = ~uint64_t{0};

// Longest string SYS_WRITE0 / SYS_OPEN read before giving up.
constexpr size_t kMaxString = 1 << 20;

bool ReadU64(Cpu& cpu, uint64_t va, uint64_t* v) {
  MemFault fault;
  return cpu.mem->Read(va, v, 8, AccessType::kRead, &fault) == FaultKind::kNone;
}

bool ReadString(Cpu& cpu, uint64_t va, size_t max, std::string* s) {
  for (size_t i = 0; i < max; ++i) {
    char c;
    MemFault fault;
    if (cpu.mem->Read(va + i, &c, 1, AccessType::kRead, &fault) != FaultKind::kNone) return false;
    if (!c) return true;
    s->push_back(c);
  }
  return false;
}

}  // namespace

void Semihosting::WriteString(Cpu& cpu, uint64_t va) {
  std::string s;
  ReadString(cpu, va, kMaxString, &s);  // what was readable is written
  std::fwrite(s.data(), 1, s.size(), out_);
  std::fflush(out_);
}

// SYS_OPEN (5.8): block = {name, mode (0..11, as fopen's), name length}.
// ":tt" is the console: modes 0-3 open it for input, 4-7 for output, 8-11
// (append) for the error stream.
uint64_t Semihosting::Open(Cpu& cpu, uint64_t block) {
  uint64_t name, mode, len;
  if (!ReadU64(cpu, block, &name) || !ReadU64(cpu, block + 8, &mode) ||
      !ReadU64(cpu, block + 16, &len))
    return kMinusOne;
  std::string s;
  if (len > kMaxString || !ReadString(cpu, name, len + 1, &s) || s != ":tt" || mode > 11)
    return kMinusOne;
  const unsigned handle = mode < 4 ? 3 : mode < 8 ? 1 : 2;
  open_[handle] = true;
  return handle;
}

// SYS_WRITE (5.20): block = {handle, data, length}; returns the number of
// bytes NOT written.
uint64_t Semihosting::Write(Cpu& cpu, uint64_t block) {
  uint64_t handle, data, len;
  if (!ReadU64(cpu, block, &handle) || !ReadU64(cpu, block + 8, &data) ||
      !ReadU64(cpu, block + 16, &len))
    return kMinusOne;
  if ((handle != 1 && handle != 2) || !open_[handle]) return len;
  std::FILE* f = handle == 1 ? out_ : err_;
  uint64_t done = 0;
  char buf[256];
  while (done < len) {
    const size_t n = static_cast<size_t>(std::min<uint64_t>(sizeof buf, len - done));
    MemFault fault;
    if (cpu.mem->Read(data + done, buf, n, AccessType::kRead, &fault) != FaultKind::kNone) break;
    std::fwrite(buf, 1, n, f);
    done += n;
  }
  std::fflush(f);
  return len - done;
}

// SYS_EXIT (5.17) and SYS_EXIT_EXTENDED (5.18) from AArch64: X1 addresses
// {reason, subcode}; for ADP_Stopped_ApplicationExit the subcode is the exit
// status. Any other reason is an abnormal stop: status 1.
bool Semihosting::Exit(Cpu& cpu, uint64_t block, int* exit_code) {
  uint64_t reason, subcode;
  if (!ReadU64(cpu, block, &reason) || !ReadU64(cpu, block + 8, &subcode)) return false;
  *exit_code = reason == kAdpStoppedApplicationExit ? static_cast<int>(subcode & 0xff) : 1;
  return true;
}

bool Semihosting::Call(Cpu& cpu, int* exit_code) {
  const uint32_t op = static_cast<uint32_t>(cpu.st.x[0]);
  const uint64_t param = cpu.st.x[1];
  switch (op) {
    case kSysOpen:
      cpu.st.x[0] = Open(cpu, param);
      return true;
    case kSysWriteC: {
      // X0 is corrupted on return (the spec); it is left as is here.
      char c;
      MemFault fault;
      if (cpu.mem->Read(param, &c, 1, AccessType::kRead, &fault) == FaultKind::kNone) {
        std::fputc(c, out_);
        std::fflush(out_);
      }
      return true;
    }
    case kSysWrite0:
      WriteString(cpu, param);
      return true;
    case kSysWrite:
      cpu.st.x[0] = Write(cpu, param);
      return true;
    case kSysExit:
    case kSysExitExtended:
      if (Exit(cpu, param, exit_code)) return false;
      std::fprintf(stderr, "a64sim: semihosting exit: unreadable parameter block at 0x%llx\n",
                   static_cast<unsigned long long>(param));
      *exit_code = 1;
      return false;
    default:
      std::fprintf(stderr, "a64sim: unsupported semihosting operation 0x%x\n", op);
      *exit_code = 1;
      return false;
  }
}

}  // namespace a64
