#include "jit/lockstep.h"

#include <cinttypes>
#include <cstdio>
#include <cstring>

namespace a64::jit {

// The interpreter's view of memory during a check: every access goes to the
// real memory; writes log their old bytes, and any access outside RAM marks
// the run as touching a device.
class Lockstep::RecordingMemory : public GuestMemory {
 public:
  RecordingMemory(GuestMemory& inner, CodePort& port, std::vector<LoggedWrite>& log)
      : inner_(inner), port_(port), log_(log) {}

  FaultKind Read(uint64_t va, void* dst, size_t size, AccessType type, MemFault* fault) override {
    if (type != AccessType::kFetch && !port_.DataIsRam(va, size)) device = true;
    return inner_.Read(va, dst, size, type, fault);
  }
  FaultKind Write(uint64_t va, const void* src, size_t size, AccessType type,
                  MemFault* fault) override {
    if (!port_.DataIsRam(va, size)) device = true;
    LoggedWrite w{va, type, static_cast<uint8_t>(size), {}, {}};
    MemFault ignored;
    const bool readable =
        inner_.Read(va, w.old_bytes, size, AccessType::kRead, &ignored) == FaultKind::kNone;
    const FaultKind k = inner_.Write(va, src, size, type, fault);
    if (k == FaultKind::kNone) {
      if (!readable) device = true;  // cannot be undone: leave it unchecked
      log_.push_back(w);
    }
    return k;
  }

  bool device = false;

 private:
  GuestMemory& inner_;
  CodePort& port_;
  std::vector<LoggedWrite>& log_;
};

void Lockstep::Undo(Cpu& cpu) {
  for (auto it = writes_.rbegin(); it != writes_.rend(); ++it) {
    MemFault f;
    cpu.mem->Write(it->va, it->old_bytes, it->size, it->type, &f);
  }
}

void Lockstep::Rewind(Cpu& cpu) {
  Undo(cpu);
  cpu.st = before_.st;
  cpu.icount = before_.icount;
  cpu.monitor = before_.monitor;
  cpu.exc = before_.exc;
}

Lockstep::Outcome Lockstep::Check(Cpu& cpu, unsigned length, const std::function<uint32_t()>& run,
                                  std::string* report) {
  before_ = Snapshot::Of(cpu);
  writes_.clear();

  // 1. The interpreter, on the real state.
  GuestMemory* mem = cpu.mem;
  RecordingMemory rec(*mem, port_, writes_);
  cpu.mem = &rec;
  // Up to `length` instructions, or until a branch leaves the straight line
  // of the block (a taken conditional branch leaves a translated block).
  StopReason stop = StopReason::kInsnLimit;
  uint64_t next = cpu.st.pc;
  for (unsigned i = 0; i < length; ++i) {
    stop = interp_.Run(cpu, 1);
    next += 4;
    if (stop == StopReason::kException || cpu.st.pc != next) break;
  }
  cpu.mem = mem;
  if (rec.device) return stop == StopReason::kException ? Outcome::kException : Outcome::kUnchecked;
  const bool exception = stop == StopReason::kException;
  const Snapshot want = Snapshot::Of(cpu);
  for (LoggedWrite& w : writes_) {
    MemFault f;
    mem->Read(w.va, w.new_bytes, w.size, AccessType::kRead, &f);
  }

  // 2. The block, from the same state and memory.
  Rewind(cpu);
  const uint32_t exit = run();
  // A block leaves early after a write to translated code; the interpreter
  // finishes the instructions it did not run.
  if (exit != kExitException && cpu.icount < want.icount)
    interp_.Run(cpu, want.icount - cpu.icount);
  const bool got_exception = exit == kExitException;

  std::string diff;
  if (got_exception != exception) {
    diff = exception ? "  the interpreter raised an exception, the block did not\n"
                     : "  the block raised an exception, the interpreter did not\n";
  }
  diff += Compare(want, Snapshot::Of(cpu), exception && got_exception);
  for (const LoggedWrite& w : writes_) {
    uint8_t now[64];
    MemFault f;
    mem->Read(w.va, now, w.size, AccessType::kRead, &f);
    if (std::memcmp(now, w.new_bytes, w.size) != 0) {
      char line[96];
      std::snprintf(line, sizeof line, "  memory at 0x%" PRIx64 " (%u bytes) differs\n", w.va,
                    static_cast<unsigned>(w.size));
      diff += line;
    }
  }
  if (diff.empty()) return exception ? Outcome::kException : Outcome::kMatch;
  *report = diff;
  return Outcome::kMismatch;
}

std::string Lockstep::Compare(const Snapshot& want, const Snapshot& got, bool exception) {
  std::string out;
  // Register `name`, `index` (-1: none) differs.
  auto add = [&](const char* name, int index, uint64_t w, uint64_t g) {
    if (w == g) return;
    char reg[16], line[96];
    if (index < 0) std::snprintf(reg, sizeof reg, "%s", name);
    else std::snprintf(reg, sizeof reg, name, index);
    std::snprintf(line, sizeof line, "  %-8s interpreter %016" PRIx64 "  jit %016" PRIx64 "\n", reg,
                  w, g);
    out += line;
  };
  for (int i = 0; i < 31; ++i) add("x%d", i, want.st.x[i], got.st.x[i]);
  add("sp", -1, want.st.sp, got.st.sp);
  add("pc", -1, want.st.pc, got.st.pc);
  add("nzcv", -1, want.st.nzcv, got.st.nzcv);
  add("fpcr", -1, want.st.fpcr, got.st.fpcr);
  add("fpsr", -1, want.st.fpsr, got.st.fpsr);
  add("icount", -1, want.icount, got.icount);
  for (int i = 0; i < 32; ++i) {
    add("v%d.lo", i, want.st.v[i].d[0], got.st.v[i].d[0]);
    add("v%d.hi", i, want.st.v[i].d[1], got.st.v[i].d[1]);
  }
  if (std::memcmp(&want.st.pstate, &got.st.pstate, sizeof want.st.pstate) != 0)
    out += "  PSTATE (EL, SPSel, DAIF, PAN, UAO, SS, IL) differs\n";
  if (std::memcmp(&want.st.sys, &got.st.sys, sizeof want.st.sys) != 0 ||
      std::memcmp(want.st.sp_el, got.st.sp_el, sizeof want.st.sp_el) != 0 ||
      want.st.tpidr_el0 != got.st.tpidr_el0 || want.st.tpidrro_el0 != got.st.tpidrro_el0)
    out += "  system registers differ\n";
  if (want.monitor.valid != got.monitor.valid || want.monitor.addr != got.monitor.addr)
    out += "  exclusive monitor differs\n";
  if (exception && (want.exc.ec != got.exc.ec || want.exc.iss != got.exc.iss ||
                    want.exc.far != got.exc.far || want.exc.fault != got.exc.fault))
    out += "  the exceptions differ (class, syndrome, FAR or fault)\n";
  return out;
}

}  // namespace a64::jit
