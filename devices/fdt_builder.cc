#include "devices/fdt_builder.h"

#include <libfdt.h>

#include <cstdio>
#include <initializer_list>

namespace a64 {
namespace {

// Phandles as QEMU's virt board numbers them.
constexpr uint32_t kPhandleApbClock = 0x8000;
constexpr uint32_t kPhandleCpu0 = 0x8001;
constexpr uint32_t kPhandleGic = 0x8002;

// The GIC binding's interrupt specifier (Documentation/devicetree/bindings/
// interrupt-controller/arm,gic.yaml): <type number flags>, type 0 = SPI,
// 1 = PPI; flags bits 3:0 the trigger (1 edge rising, 4 level high), for PPIs
// bits 15:8 the mask of the CPUs the PPI is wired to.
constexpr uint32_t kGicSpi = 0;
constexpr uint32_t kGicPpi = 1;
constexpr uint32_t kIrqEdgeRising = 1;
constexpr uint32_t kIrqLevelHigh = 4;
constexpr uint32_t kPpiCpuMask1 = 1u << 8;

constexpr int kInitialSize = 64 * 1024;

// Sequential-write helper: remembers the first libfdt error.
class Writer {
 public:
  Writer() : buf_(kInitialSize) { Check(fdt_create(buf_.data(), kInitialSize), "create"); }

  void Check(int err, const char* what) {
    if (err < 0 && error_.empty())
      error_ = std::string("libfdt: ") + what + ": " + fdt_strerror(err);
  }
  void* fdt() { return buf_.data(); }

  void Begin(const std::string& name) { Check(fdt_begin_node(fdt(), name.c_str()), "node"); }
  void End() { Check(fdt_end_node(fdt()), "end node"); }
  void Empty(const char* name) { Check(fdt_property(fdt(), name, nullptr, 0), name); }
  void String(const char* name, const std::string& s) {
    Check(fdt_property_string(fdt(), name, s.c_str()), name);
  }
  // A string list: each string NUL-terminated, back to back.
  void Strings(const char* name, std::initializer_list<const char*> list) {
    std::string v;
    for (const char* s : list) {
      v += s;
      v.push_back('\0');
    }
    Check(fdt_property(fdt(), name, v.data(), static_cast<int>(v.size())), name);
  }
  void U32(const char* name, uint32_t v) { Check(fdt_property_u32(fdt(), name, v), name); }
  // A list of big-endian 32-bit cells.
  void Cells(const char* name, std::initializer_list<uint32_t> cells) {
    std::vector<fdt32_t> v;
    for (uint32_t c : cells) v.push_back(cpu_to_fdt32(c));
    Check(fdt_property(fdt(), name, v.data(), static_cast<int>(v.size() * 4)), name);
  }
  // reg = <base size> pairs with #address-cells = #size-cells = 2.
  void Reg(std::initializer_list<uint64_t> base_size) {
    std::vector<fdt32_t> v;
    for (uint64_t x : base_size) {
      v.push_back(cpu_to_fdt32(static_cast<uint32_t>(x >> 32)));
      v.push_back(cpu_to_fdt32(static_cast<uint32_t>(x)));
    }
    Check(fdt_property(fdt(), "reg", v.data(), static_cast<int>(v.size() * 4)), "reg");
  }

  std::vector<uint8_t> Finish(std::string* error) {
    Check(fdt_finish(fdt()), "finish");
    if (!error_.empty()) {
      *error = error_;
      return {};
    }
    buf_.resize(fdt_totalsize(fdt()));
    return buf_;
  }

 private:
  std::vector<uint8_t> buf_;
  std::string error_;
};

std::string NodeName(const char* name, uint64_t base) {
  char s[64];
  std::snprintf(s, sizeof s, "%s@%llx", name, static_cast<unsigned long long>(base));
  return s;
}

void AddChosen(Writer& w, const FdtBoard& b, const std::string& stdout_path) {
  w.Begin("chosen");
  if (!b.bootargs.empty()) w.String("bootargs", b.bootargs);
  w.String("stdout-path", stdout_path);
  // Documentation/devicetree/bindings/chosen.txt: linux,initrd-start is the
  // first byte, linux,initrd-end the byte after the last; 64-bit values.
  if (b.has_initrd) {
    w.Check(fdt_property_u64(w.fdt(), "linux,initrd-start", b.initrd_start), "initrd-start");
    w.Check(fdt_property_u64(w.fdt(), "linux,initrd-end", b.initrd_end), "initrd-end");
  }
  // No kaslr-seed and no rng-seed: the boot stays deterministic (the kernel
  // then runs without KASLR).
  w.End();
}

}  // namespace

std::vector<uint8_t> BuildDeviceTree(const FdtBoard& b, std::string* error) {
  Writer w;
  w.Check(fdt_finish_reservemap(w.fdt()), "reservemap");
  w.Begin("");
  w.String("compatible", "linux,dummy-virt");
  w.String("model", "linux,dummy-virt");
  w.U32("#address-cells", 2);
  w.U32("#size-cells", 2);
  w.U32("interrupt-parent", kPhandleGic);

  AddChosen(w, b, NodeName("/pl011", b.uart.base));

  w.Begin(NodeName("memory", b.ram_base));
  w.String("device_type", "memory");
  w.Reg({b.ram_base, b.ram_size});
  w.End();

  w.Begin("cpus");
  w.U32("#address-cells", 1);
  w.U32("#size-cells", 0);
  w.Begin("cpu@0");
  w.String("device_type", "cpu");
  w.String("compatible", "arm,cortex-a57");
  w.U32("reg", 0);
  w.String("enable-method", "psci");
  w.U32("phandle", kPhandleCpu0);
  w.End();
  w.End();

  // Documentation/devicetree/bindings/arm/psci.yaml. With "arm,psci-0.2"
  // the function IDs are the standard ones; the legacy ones QEMU also lists
  // are given for "arm,psci".
  w.Begin("psci");
  w.Strings("compatible", {"arm,psci-1.0", "arm,psci-0.2", "arm,psci"});
  w.String("method", "hvc");
  w.U32("cpu_suspend", 0xc4000001);
  w.U32("cpu_off", 0x84000002);
  w.U32("cpu_on", 0xc4000003);
  w.U32("migrate", 0xc4000005);
  w.End();

  w.Begin(NodeName("intc", b.gicd_base));
  w.String("compatible", "arm,cortex-a15-gic");
  w.U32("#interrupt-cells", 3);
  w.Empty("interrupt-controller");
  // As QEMU (whose GIC node has a v2m child): the DT checker wants an
  // interrupt provider to give #address-cells.
  w.U32("#address-cells", 2);
  w.U32("#size-cells", 2);
  w.Empty("ranges");
  w.Reg({b.gicd_base, b.gicd_size, b.gicc_base, b.gicc_size});
  w.U32("phandle", kPhandleGic);
  w.End();

  // Documentation/devicetree/bindings/timer/arm,arch_timer.yaml: secure
  // physical, non-secure physical, virtual, hypervisor PPIs; level-high with
  // the one-CPU mask, exactly as QEMU describes a GICv2 board.
  w.Begin("timer");
  w.Strings("compatible", {"arm,armv8-timer", "arm,armv7-timer"});
  const uint32_t f = kPpiCpuMask1 | kIrqLevelHigh;
  w.Cells("interrupts", {kGicPpi, b.timer_ppi[0], f, kGicPpi, b.timer_ppi[1], f, kGicPpi,
                         b.timer_ppi[2], f, kGicPpi, b.timer_ppi[3], f});
  w.Empty("always-on");
  w.End();

  w.Begin("apb-pclk");
  w.String("compatible", "fixed-clock");
  w.U32("#clock-cells", 0);
  w.U32("clock-frequency", b.apb_clock_hz);
  w.String("clock-output-names", "clk24mhz");
  w.U32("phandle", kPhandleApbClock);
  w.End();

  w.Begin(NodeName("pl011", b.uart.base));
  w.Strings("compatible", {"arm,pl011", "arm,primecell"});
  w.Reg({b.uart.base, b.uart.size});
  w.Cells("interrupts", {kGicSpi, b.uart.spi, kIrqLevelHigh});
  w.Cells("clocks", {kPhandleApbClock, kPhandleApbClock});
  w.Strings("clock-names", {"uartclk", "apb_pclk"});
  w.End();

  w.Begin(NodeName("pl031", b.rtc.base));
  w.Strings("compatible", {"arm,pl031", "arm,primecell"});
  w.Reg({b.rtc.base, b.rtc.size});
  w.Cells("interrupts", {kGicSpi, b.rtc.spi, kIrqLevelHigh});
  w.Cells("clocks", {kPhandleApbClock});
  w.String("clock-names", "apb_pclk");
  w.End();

  // virtio-mmio transports, edge-triggered as QEMU declares them.
  for (const FdtMmioDevice& v : b.virtio) {
    w.Begin(NodeName("virtio_mmio", v.base));
    w.String("compatible", "virtio,mmio");
    w.Reg({v.base, v.size});
    w.Cells("interrupts", {kGicSpi, v.spi, kIrqEdgeRising});
    w.Empty("dma-coherent");
    w.End();
  }

  w.End();  // root
  return w.Finish(error);
}

bool CheckDeviceTree(const std::vector<uint8_t>& blob, std::string* error) {
  if (blob.size() < sizeof(fdt_header)) {
    *error = "not a device tree blob (too short)";
    return false;
  }
  int err = fdt_check_header(blob.data());
  if (err == 0 && fdt_totalsize(blob.data()) > blob.size()) err = -FDT_ERR_TRUNCATED;
  if (err == 0) err = fdt_check_full(blob.data(), blob.size());
  if (err) {
    *error = std::string("not a valid device tree blob: ") + fdt_strerror(err);
    return false;
  }
  return true;
}

bool PatchChosen(std::vector<uint8_t>* blob, const FdtBoard& b, std::string* error) {
  std::vector<uint8_t> out(blob->size() + b.bootargs.size() + 4096);
  int err = fdt_open_into(blob->data(), out.data(), static_cast<int>(out.size()));
  void* fdt = out.data();
  int chosen = err ? err : fdt_path_offset(fdt, "/chosen");
  if (chosen == -FDT_ERR_NOTFOUND) chosen = fdt_add_subnode(fdt, 0, "chosen");
  err = chosen < 0 ? chosen : 0;
  if (!err && !b.bootargs.empty()) err = fdt_setprop_string(fdt, chosen, "bootargs", b.bootargs.c_str());
  if (!err && b.has_initrd) {
    err = fdt_setprop_u64(fdt, chosen, "linux,initrd-start", b.initrd_start);
    if (!err) err = fdt_setprop_u64(fdt, chosen, "linux,initrd-end", b.initrd_end);
  }
  if (!err) err = fdt_pack(fdt);
  if (err) {
    *error = std::string("cannot update /chosen in the device tree: ") + fdt_strerror(err);
    return false;
  }
  out.resize(fdt_totalsize(fdt));
  *blob = std::move(out);
  return true;
}

}  // namespace a64
