// The virt board's firmware (PSCI), device tree and kernel loader, without
// running a kernel.
#include <libfdt.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "devices/fdt_builder.h"
#include "devices/linux_loader.h"
#include "devices/psci.h"
#include "devices/virt_machine.h"

namespace a64 {
namespace {

uint64_t Call(Cpu& cpu, uint64_t id, uint64_t a1 = 0, uint64_t a2 = 0,
              PsciAction* action = nullptr, uint16_t imm = 0) {
  cpu.st.x[0] = id;
  cpu.st.x[1] = a1;
  cpu.st.x[2] = a2;
  const PsciAction a = PsciCall(cpu, imm);
  if (action) *action = a;
  return cpu.st.x[0];
}

constexpr uint64_t kNotSupported = ~uint64_t{0};               // -1
constexpr uint64_t kInvalidParameters = static_cast<uint64_t>(-2);
constexpr uint64_t kAlreadyOn = static_cast<uint64_t>(-4);

TEST(Psci, VersionsAndFeatures) {
  Cpu cpu;
  EXPECT_EQ(Call(cpu, 0x84000000), 0x10001u);          // PSCI_VERSION 1.1
  EXPECT_EQ(Call(cpu, 0x80000000), 0x10001u);          // SMCCC_VERSION 1.1
  EXPECT_EQ(Call(cpu, 0x84000006), 2u);                // MIGRATE_INFO_TYPE
  EXPECT_EQ(Call(cpu, 0x8400000a, 0x84000008), 0u);    // FEATURES(SYSTEM_OFF)
  EXPECT_EQ(Call(cpu, 0x8400000a, 0x80000000), 0u);    // FEATURES(SMCCC_VERSION)
  EXPECT_EQ(Call(cpu, 0x8400000a, 0xc4000001), kNotSupported);  // CPU_SUSPEND
  EXPECT_EQ(Call(cpu, 0x80000001, 0x80008000), kNotSupported);  // WORKAROUND_1
  EXPECT_EQ(Call(cpu, 0xc4000005), kNotSupported);     // MIGRATE
  EXPECT_EQ(Call(cpu, 0x12345678), kNotSupported);
  // A non-zero HVC immediate is not an SMCCC call.
  EXPECT_EQ(Call(cpu, 0x84000000, 0, 0, nullptr, 1), kNotSupported);
}

TEST(Psci, SingleCpu) {
  Cpu cpu;
  EXPECT_EQ(Call(cpu, 0xc4000003, 0, 0x40000000), kAlreadyOn);        // CPU_ON self
  EXPECT_EQ(Call(cpu, 0xc4000003, 1, 0x40000000), kInvalidParameters);
  EXPECT_EQ(Call(cpu, 0xc4000004, 0, 0), 0u);                          // AFFINITY_INFO: ON
  EXPECT_EQ(Call(cpu, 0xc4000004, 0x100, 0), kInvalidParameters);
  EXPECT_EQ(Call(cpu, 0xc4000004, 0, 1), kInvalidParameters);
  // SMC32: the upper halves of the arguments are ignored.
  EXPECT_EQ(Call(cpu, 0x84000004, 0xffffffff00000000ull, 0), 0u);
}

TEST(Psci, PowerEvents) {
  Cpu cpu;
  PsciAction a;
  Call(cpu, 0x84000008, 0, 0, &a);
  EXPECT_EQ(a, PsciAction::kSystemOff);
  Call(cpu, 0x84000009, 0, 0, &a);
  EXPECT_EQ(a, PsciAction::kSystemReset);
  Call(cpu, 0x84000002, 0, 0, &a);
  EXPECT_EQ(a, PsciAction::kCpuOff);
  Call(cpu, 0x84000000, 0, 0, &a);
  EXPECT_EQ(a, PsciAction::kNone);
}

std::string PropString(const void* fdt, const char* path, const char* prop) {
  const int node = fdt_path_offset(fdt, path);
  if (node < 0) return "<no node>";
  int len = 0;
  const char* v = static_cast<const char*>(fdt_getprop(fdt, node, prop, &len));
  return v ? std::string(v, len) : "<no prop>";
}

std::vector<uint32_t> PropCells(const void* fdt, const char* path, const char* prop) {
  std::vector<uint32_t> out;
  const int node = fdt_path_offset(fdt, path);
  int len = 0;
  const fdt32_t* v = node < 0 ? nullptr : static_cast<const fdt32_t*>(fdt_getprop(fdt, node, prop, &len));
  for (int i = 0; v && i < len / 4; ++i) out.push_back(fdt32_to_cpu(v[i]));
  return out;
}

TEST(DeviceTree, VirtBoard) {
  VirtMachineConfig config;
  VirtMachine machine(config);
  FdtBoard b = machine.DescribeBoard();
  b.bootargs = "console=ttyAMA0";
  b.has_initrd = true;
  b.initrd_start = 0x48000000;
  b.initrd_end = 0x48001234;
  std::string error;
  std::vector<uint8_t> dtb = BuildDeviceTree(b, &error);
  ASSERT_FALSE(dtb.empty()) << error;
  ASSERT_TRUE(CheckDeviceTree(dtb, &error)) << error;
  const void* fdt = dtb.data();
  EXPECT_EQ(PropString(fdt, "/chosen", "bootargs"), std::string("console=ttyAMA0\0", 16));
  EXPECT_EQ(PropString(fdt, "/chosen", "stdout-path"), std::string("/pl011@9000000\0", 15));
  EXPECT_EQ(PropCells(fdt, "/chosen", "linux,initrd-start"), (std::vector<uint32_t>{0, 0x48000000}));
  EXPECT_EQ(PropCells(fdt, "/chosen", "linux,initrd-end"), (std::vector<uint32_t>{0, 0x48001234}));
  EXPECT_EQ(PropCells(fdt, "/memory@40000000", "reg"),
            (std::vector<uint32_t>{0, 0x40000000, 0, 0x20000000}));
  EXPECT_EQ(PropString(fdt, "/psci", "method"), std::string("hvc\0", 4));
  EXPECT_EQ(PropCells(fdt, "/intc@8000000", "reg"),
            (std::vector<uint32_t>{0, 0x8000000, 0, 0x10000, 0, 0x8010000, 0, 0x10000}));
  EXPECT_EQ(PropCells(fdt, "/timer", "interrupts"),
            (std::vector<uint32_t>{1, 13, 0x104, 1, 14, 0x104, 1, 11, 0x104, 1, 10, 0x104}));
  EXPECT_EQ(PropCells(fdt, "/pl011@9000000", "interrupts"), (std::vector<uint32_t>{0, 1, 4}));
  EXPECT_EQ(PropCells(fdt, "/pl031@9010000", "interrupts"), (std::vector<uint32_t>{0, 2, 4}));
  EXPECT_EQ(PropCells(fdt, "/virtio_mmio@a003e00", "interrupts"), (std::vector<uint32_t>{0, 47, 1}));
  EXPECT_EQ(PropString(fdt, "/cpus/cpu@0", "enable-method"), std::string("psci\0", 5));

  // --dtb: /chosen is rewritten in a given tree.
  b.bootargs = "quiet";
  b.initrd_start = 0x50000000;
  b.initrd_end = 0x50000010;
  ASSERT_TRUE(PatchChosen(&dtb, b, &error)) << error;
  EXPECT_EQ(PropString(dtb.data(), "/chosen", "bootargs"), std::string("quiet\0", 6));
  EXPECT_EQ(PropCells(dtb.data(), "/chosen", "linux,initrd-end"),
            (std::vector<uint32_t>{0, 0x50000010}));

  std::vector<uint8_t> junk(100, 0x55);
  EXPECT_FALSE(CheckDeviceTree(junk, &error));
}

std::string WriteTemp(const std::vector<uint8_t>& bytes) {
  char name[] = "/tmp/board_test_XXXXXX";
  const int fd = mkstemp(name);
  EXPECT_GE(fd, 0);
  EXPECT_EQ(write(fd, bytes.data(), bytes.size()), static_cast<ssize_t>(bytes.size()));
  close(fd);
  return name;
}

// An arm64 Image header: text_offset, image_size, flags, magic.
std::vector<uint8_t> FakeImage(uint64_t text_offset, uint64_t image_size, uint64_t flags) {
  std::vector<uint8_t> f(4096, 0);
  std::memcpy(&f[8], &text_offset, 8);
  std::memcpy(&f[16], &image_size, 8);
  std::memcpy(&f[24], &flags, 8);
  std::memcpy(&f[0x38], "ARM\x64", 4);
  f[0] = 0x11;
  return f;
}

TEST(LinuxLoader, ImagePlacementAndBlobs) {
  PhysicalMemory mem;
  const RamRange ram{0x40000000, 64ull << 20};
  ASSERT_TRUE(mem.AddRam(ram.base, ram.size));
  const std::string path = WriteTemp(FakeImage(0x80000, 0x200000, 0xa));
  LoadedKernel k;
  std::string error;
  ASSERT_TRUE(LoadKernel(path, &mem, ram, &k, &error)) << error;
  EXPECT_EQ(k.format, KernelFormat::kImage);
  EXPECT_EQ(k.entry, 0x40080000u);
  EXPECT_EQ(k.high, 0x40280000u);
  uint8_t first = 0;
  ASSERT_TRUE(mem.Read(0x40080000, &first, 1));
  EXPECT_EQ(first, 0x11);

  BootBlobLayout layout;
  ASSERT_TRUE(PlanBootBlobs(ram, k, 0x1001, &layout, &error)) << error;
  EXPECT_EQ(layout.dtb, 0x43e00000u);  // the last 2 MiB block of RAM
  EXPECT_EQ(layout.initrd_start, 0x43dfe000u);
  EXPECT_EQ(layout.initrd_end, 0x43dff001u);
  EXPECT_FALSE(PlanBootBlobs(ram, k, 63ull << 20, &layout, &error));
  std::remove(path.c_str());
}

TEST(LinuxLoader, BadFiles) {
  PhysicalMemory mem;
  const RamRange ram{0x40000000, 16ull << 20};
  ASSERT_TRUE(mem.AddRam(ram.base, ram.size));
  LoadedKernel k;
  std::string error;
  EXPECT_FALSE(LoadKernel("/nonexistent/kernel", &mem, ram, &k, &error));
  // Big-endian Image.
  std::string path = WriteTemp(FakeImage(0, 0x10000, 1));
  EXPECT_FALSE(LoadKernel(path, &mem, ram, &k, &error));
  EXPECT_NE(error.find("big-endian"), std::string::npos) << error;
  std::remove(path.c_str());
  // Larger than RAM.
  path = WriteTemp(FakeImage(0, 32ull << 20, 0));
  EXPECT_FALSE(LoadKernel(path, &mem, ram, &k, &error));
  EXPECT_NE(error.find("does not fit"), std::string::npos) << error;
  std::remove(path.c_str());
  // Truncated gzip.
  path = WriteTemp({0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 3, 0x4b});
  EXPECT_FALSE(LoadKernel(path, &mem, ram, &k, &error));
  EXPECT_NE(error.find("gzip"), std::string::npos) << error;
  std::remove(path.c_str());
}

}  // namespace
}  // namespace a64
