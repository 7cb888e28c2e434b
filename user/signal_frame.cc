#include "user/signal_frame.h"

#include <cstring>
#include <memory>

namespace a64::user {

namespace {

// The sigreturn trampoline Linux provides in the vDSO (__kernel_rt_sigreturn):
//   mov x8, #139 (__NR_rt_sigreturn) ; svc #0
constexpr uint32_t kTrampoline[2] = {0xd2801168, 0xd4000001};

struct FpsimdRecord {
  uint32_t magic;
  uint32_t size;
  uint32_t fpsr;
  uint32_t fpcr;
  VReg vregs[32];
};
static_assert(sizeof(FpsimdRecord) == abi::kFpsimdContextSize);

bool OnAltStack(const UserProcess& p, uint64_t sp) {
  const abi::Stack& s = p.sigaltstack;
  return s.ss_size != 0 && sp > s.ss_sp && sp - s.ss_sp <= s.ss_size;
}

// The restorer a handler returns to: the guest's sa_restorer with
// SA_RESTORER, else a trampoline page mapped on first use (there is no vDSO;
// glibc on arm64 does not pass a restorer).
uint64_t Restorer(UserProcess& p, const abi::Sigaction& act) {
  if (act.flags & abi::kSaRestorer) return act.restorer;
  if (p.sigtramp == 0) {
    const uint64_t va = p.mem.FindFreeTopDown(kPageSize, kMmapBottom, kMmapTop);
    if (va == 0 || !p.mem.Map(va, kPageSize, kProtRead | kProtExec)) return 0;
    p.mem.Poke(va, kTrampoline, sizeof(kTrampoline));
    p.sigtramp = va;
  }
  return p.sigtramp;
}

}  // namespace

int32_t AltStackFlags(const UserProcess& p, uint64_t sp) {
  if (p.sigaltstack.ss_size == 0) return abi::kSsDisable;
  return OnAltStack(p, sp) ? abi::kSsOnstack : 0;
}

bool PushSignalFrame(UserProcess& p, const abi::Siginfo& info, const abi::Sigaction& act,
                     uint64_t old_mask, uint64_t fault_address) {
  CpuState& st = p.cpu.st;
  // get_sigframe: the alternate stack when SA_ONSTACK asks for it and we are
  // not already on it; a frame record, then the frame, 16-byte aligned.
  uint64_t top = st.sp;
  if ((act.flags & abi::kSaOnstack) && AltStackFlags(p, st.sp) == 0)
    top = p.sigaltstack.ss_sp + p.sigaltstack.ss_size;
  const uint64_t record = (top - 16) & ~uint64_t{15};
  const uint64_t frame = (record - sizeof(abi::RtSigframe)) & ~uint64_t{15};

  auto f = std::make_unique<abi::RtSigframe>();
  std::memset(f.get(), 0, sizeof(*f));
  f->info = info;
  abi::Ucontext& uc = f->uc;
  uc.uc_stack.ss_sp = p.sigaltstack.ss_sp;
  uc.uc_stack.ss_flags = AltStackFlags(p, st.sp);
  uc.uc_stack.ss_size = p.sigaltstack.ss_size;
  uc.uc_sigmask = old_mask;
  abi::Sigcontext& sc = uc.uc_mcontext;
  sc.fault_address = fault_address;
  std::memcpy(sc.regs, st.x, sizeof(sc.regs));
  sc.sp = st.sp;
  sc.pc = st.pc;
  sc.pstate = st.nzcv & 0xf0000000u;  // EL0t, AArch64: only NZCV is non-zero
  FpsimdRecord fp;
  fp.magic = abi::kFpsimdMagic;
  fp.size = abi::kFpsimdContextSize;
  fp.fpsr = st.fpsr;
  fp.fpcr = st.fpcr;
  std::memcpy(fp.vregs, st.v, sizeof(fp.vregs));
  std::memcpy(sc.reserved, &fp, sizeof(fp));
  // The terminator record {0, 0} follows: the rest of `reserved` is zero.

  const uint64_t restorer = Restorer(p, act);
  const uint64_t saved_record[2] = {st.x[29], st.x[30]};
  if (restorer == 0 || !p.mem.CopyToGuest(frame, f.get(), sizeof(*f)) ||
      !p.mem.CopyToGuest(record, saved_record, sizeof(saved_record)))
    return false;

  // SS_AUTODISARM: the alternate stack is disabled while the handler runs;
  // rt_sigreturn restores it from uc_stack.
  if ((act.flags & abi::kSaOnstack) && (p.sigaltstack.ss_flags & abi::kSsAutodisarm))
    p.sigaltstack = abi::Stack{0, abi::kSsDisable, 0, 0};

  st.x[0] = static_cast<uint64_t>(info.si_signo);
  if (act.flags & abi::kSaSiginfo) {
    st.x[1] = frame + offsetof(abi::RtSigframe, info);
    st.x[2] = frame + offsetof(abi::RtSigframe, uc);
  }
  st.sp = frame;
  st.x[29] = record;
  st.x[30] = restorer;
  st.pc = act.handler;
  return true;
}

bool PopSignalFrame(UserProcess& p) {
  CpuState& st = p.cpu.st;
  // Linux requires SP to be the (16-byte aligned) frame the kernel pushed.
  if (st.sp & 15) return false;
  auto f = std::make_unique<abi::RtSigframe>();
  if (!p.mem.CopyFromGuest(f.get(), st.sp, sizeof(*f))) return false;
  const abi::Sigcontext& sc = f->uc.uc_mcontext;
  // valid_user_regs: EL0t, AArch64 (M[4:0] == 0); DAIF etc. are cleared.
  if (sc.pstate & 0x1f) return false;
  // __reserved: walk the records; an FPSIMD record is required.
  bool have_fpsimd = false;
  FpsimdRecord fp;
  for (uint64_t off = 0; off + 8 <= sizeof(sc.reserved);) {
    uint32_t head[2];
    std::memcpy(head, sc.reserved + off, 8);
    if (head[0] == 0 && head[1] == 0) break;
    if (head[1] < 8 || (head[1] & 15) || head[1] > sizeof(sc.reserved) - off) return false;
    if (head[0] == abi::kFpsimdMagic) {
      if (head[1] != abi::kFpsimdContextSize || have_fpsimd) return false;
      std::memcpy(&fp, sc.reserved + off, sizeof(fp));
      have_fpsimd = true;
    } else if (head[0] != abi::kEsrMagic) {
      return false;  // unknown record (SVE, ZA, extra_context...): not supported
    }
    off += head[1];
  }
  if (!have_fpsimd) return false;

  std::memcpy(st.x, sc.regs, sizeof(st.x));
  st.sp = sc.sp;
  st.pc = sc.pc;
  st.nzcv = static_cast<uint32_t>(sc.pstate) & 0xf0000000u;
  st.fpsr = fp.fpsr;
  st.fpcr = fp.fpcr;
  std::memcpy(st.v, fp.vregs, sizeof(st.v));
  p.sigmask = f->uc.uc_sigmask & ~kUnblockableSignals;
  // restore_altstack: as sigaltstack(&uc_stack, NULL), errors ignored.
  const abi::Stack& ss = f->uc.uc_stack;
  if (AltStackFlags(p, st.sp) != abi::kSsOnstack) {
    if (ss.ss_flags & abi::kSsDisable)
      p.sigaltstack = abi::Stack{0, abi::kSsDisable, 0, 0};
    else if (ss.ss_size >= abi::kMinSigstksz)
      p.sigaltstack = abi::Stack{ss.ss_sp, ss.ss_flags & abi::kSsAutodisarm, 0, ss.ss_size};
  }
  return true;
}

}  // namespace a64::user
