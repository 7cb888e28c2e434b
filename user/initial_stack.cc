#include "user/initial_stack.h"

#include "user/linux_abi.h"

namespace a64::user {

// AT_HWCAP: exactly the features whose instructions have semantics and tests.
// Not advertised: EVTSTRM (no timer event stream), FPHP/ASIMDHP (no
// FEAT_FP16), CPUID (MRS of ID registers is not emulated for EL0), PACA/PACG
// (no FEAT_PAuth).
uint64_t UserHwcaps() {
  return abi::kHwcapFp | abi::kHwcapAsimd | abi::kHwcapAes | abi::kHwcapPmull | abi::kHwcapSha1 |
         abi::kHwcapSha2 | abi::kHwcapCrc32 | abi::kHwcapAtomics | abi::kHwcapAsimdRdm |
         abi::kHwcapJscvt | abi::kHwcapFcma | abi::kHwcapLrcpc | abi::kHwcapDcpop;
}
uint64_t UserHwcaps2() { return 0; }

uint64_t BuildInitialStack(UserMemory& mem, uint64_t stack_top, uint64_t stack_limit,
                           const ElfImage& image, const InitialStackInput& in) {
  // Strings and blobs are placed downward from the top, as Linux does.
  uint64_t p = stack_top;
  uint64_t lowest = stack_top - stack_limit;
  bool ok = true;
  auto push_bytes = [&](const void* data, uint64_t n) -> uint64_t {
    if (p - lowest < n) {
      ok = false;
      return 0;
    }
    p -= n;
    if (!mem.CopyToGuest(p, data, n)) ok = false;
    return p;
  };
  auto push_string = [&](const std::string& s) { return push_bytes(s.c_str(), s.size() + 1); };

  p -= 8;  // Linux leaves a NULL pointer-sized word at the very top.
  const uint64_t execfn_addr = push_string(in.execfn);
  std::vector<uint64_t> env_addr, arg_addr;
  // Linux copies envp then argv strings so argv strings sit lower.
  env_addr.resize(in.envp.size());
  for (size_t i = in.envp.size(); i-- > 0;) env_addr[i] = push_string(in.envp[i]);
  arg_addr.resize(in.argv.size());
  for (size_t i = in.argv.size(); i-- > 0;) arg_addr[i] = push_string(in.argv[i]);
  const uint64_t platform_addr = push_string("aarch64");
  p &= ~uint64_t{15};
  const uint64_t random_addr = push_bytes(in.random.data(), in.random.size());
  if (!ok) return 0;

  std::vector<uint64_t> words;
  words.push_back(in.argv.size());
  for (uint64_t a : arg_addr) words.push_back(a);
  words.push_back(0);
  for (uint64_t a : env_addr) words.push_back(a);
  words.push_back(0);
  const std::pair<uint64_t, uint64_t> auxv[] = {
      {abi::kAtHwcap, UserHwcaps()},
      {abi::kAtPagesz, kPageSize},
      {abi::kAtClktck, 100},
      {abi::kAtPhdr, image.phdr_addr},
      {abi::kAtPhent, image.phent},
      {abi::kAtPhnum, image.phnum},
      {abi::kAtBase, 0},
      {abi::kAtFlags, 0},
      {abi::kAtEntry, image.entry},
      {abi::kAtUid, in.uid},
      {abi::kAtEuid, in.euid},
      {abi::kAtGid, in.gid},
      {abi::kAtEgid, in.egid},
      {abi::kAtSecure, 0},
      {abi::kAtRandom, random_addr},
      {abi::kAtHwcap2, UserHwcaps2()},
      {abi::kAtExecfn, execfn_addr},
      {abi::kAtPlatform, platform_addr},
      {abi::kAtNull, 0},
  };
  for (const auto& [tag, value] : auxv) {
    words.push_back(tag);
    words.push_back(value);
  }
  const uint64_t bytes = words.size() * 8;
  if (p - lowest < bytes + 16) return 0;
  const uint64_t sp = (p - bytes) & ~uint64_t{15};
  if (!mem.CopyToGuest(sp, words.data(), bytes)) return 0;
  return sp;
}

}  // namespace a64::user
