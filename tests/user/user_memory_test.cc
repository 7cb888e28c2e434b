#include "user/user_memory.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace a64::user {
namespace {

constexpr uint64_t kBase = 0x40'0000;

class UserMemoryTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(mem.ok()); }

  // The host protection of guest page `va` as /proc/self/maps shows it
  // ("rw-", "r--", "---"): what generated code's direct accesses may do.
  std::string HostProt(uint64_t va) {
    const uintptr_t host = reinterpret_cast<uintptr_t>(mem.DirectBase()) + va;
    std::ifstream maps("/proc/self/maps");
    std::string line;
    while (std::getline(maps, line)) {
      uintptr_t lo, hi;
      char perms[5] = {};
      if (std::sscanf(line.c_str(), "%lx-%lx %4s", &lo, &hi, perms) == 3 && host >= lo &&
          host < hi)
        return std::string(perms, 3);
    }
    return "unmapped";
  }

  UserMemory mem;
};

TEST_F(UserMemoryTest, UnmappedReadIsTranslationFaultAtAddress) {
  uint64_t v = 0;
  MemFault fault;
  EXPECT_EQ(mem.Read(kBase + 8, &v, 8, AccessType::kRead, &fault), FaultKind::kTranslation);
  EXPECT_EQ(fault.va, kBase + 8);
}

TEST_F(UserMemoryTest, ReadWriteRoundTrip) {
  ASSERT_TRUE(mem.Map(kBase, 2 * kPageSize, kProtRead | kProtWrite | kAnonymous));
  const uint64_t v = 0x1122334455667788ull;
  uint64_t out = 0;
  MemFault fault;
  EXPECT_EQ(mem.Write(kBase + 100, &v, 8, AccessType::kWrite, &fault), FaultKind::kNone);
  EXPECT_EQ(mem.Read(kBase + 100, &out, 8, AccessType::kRead, &fault), FaultKind::kNone);
  EXPECT_EQ(out, v);
  // Fresh pages read as zero.
  EXPECT_EQ(mem.Read(kBase + kPageSize, &out, 8, AccessType::kRead, &fault), FaultKind::kNone);
  EXPECT_EQ(out, 0u);
}

TEST_F(UserMemoryTest, PageCrossingIntoUnmappedFaultsAtThatPage) {
  ASSERT_TRUE(mem.Map(kBase, kPageSize, kProtRead | kProtWrite | kAnonymous));
  uint8_t buf[16] = {1, 2, 3};
  MemFault fault;
  const uint64_t va = kBase + kPageSize - 4;
  EXPECT_EQ(mem.Write(va, buf, 16, AccessType::kWrite, &fault), FaultKind::kTranslation);
  EXPECT_EQ(fault.va, kBase + kPageSize);
  // Nothing was written to the mapped part either.
  uint32_t w = 0xffffffff;
  EXPECT_EQ(mem.Read(va, &w, 4, AccessType::kRead, &fault), FaultKind::kNone);
  EXPECT_EQ(w, 0u);
  EXPECT_EQ(mem.Read(va, buf, 16, AccessType::kRead, &fault), FaultKind::kTranslation);
  EXPECT_EQ(fault.va, kBase + kPageSize);
}

TEST_F(UserMemoryTest, PageCrossingFromUnmappedFaultsAtFirstByte) {
  ASSERT_TRUE(mem.Map(kBase + kPageSize, kPageSize, kProtRead | kAnonymous));
  uint8_t buf[8];
  MemFault fault;
  EXPECT_EQ(mem.Read(kBase + kPageSize - 3, buf, 8, AccessType::kRead, &fault),
            FaultKind::kTranslation);
  EXPECT_EQ(fault.va, kBase + kPageSize - 3);
}

TEST_F(UserMemoryTest, PermissionsAndMprotect) {
  ASSERT_TRUE(mem.Map(kBase, kPageSize, kProtRead | kAnonymous));
  uint32_t w = 0xd503201f;
  MemFault fault;
  EXPECT_EQ(mem.Write(kBase, &w, 4, AccessType::kWrite, &fault), FaultKind::kPermission);
  EXPECT_EQ(fault.va, kBase);
  EXPECT_EQ(mem.Read(kBase, &w, 4, AccessType::kFetch, &fault), FaultKind::kPermission);
  ASSERT_TRUE(mem.Protect(kBase, kPageSize, kProtRead | kProtExec));
  EXPECT_EQ(mem.Read(kBase, &w, 4, AccessType::kFetch, &fault), FaultKind::kNone);
  ASSERT_TRUE(mem.Protect(kBase, kPageSize, 0));
  EXPECT_EQ(mem.Read(kBase, &w, 4, AccessType::kRead, &fault), FaultKind::kPermission);
  // A range with a hole cannot be protected.
  EXPECT_FALSE(mem.Protect(kBase, 2 * kPageSize, kProtRead));
}

TEST_F(UserMemoryTest, PermissionFaultOnSecondPage) {
  ASSERT_TRUE(mem.Map(kBase, kPageSize, kProtRead | kProtWrite | kAnonymous));
  ASSERT_TRUE(mem.Map(kBase + kPageSize, kPageSize, kProtRead | kAnonymous));
  uint64_t v = 1;
  MemFault fault;
  EXPECT_EQ(mem.Write(kBase + kPageSize - 2, &v, 8, AccessType::kWrite, &fault), FaultKind::kPermission);
  EXPECT_EQ(fault.va, kBase + kPageSize);
}

TEST_F(UserMemoryTest, AddressesBeyondTheSpaceFault) {
  uint64_t v;
  MemFault fault;
  EXPECT_EQ(mem.Read(kGuestVaLimit, &v, 8, AccessType::kRead, &fault), FaultKind::kTranslation);
  EXPECT_EQ(fault.va, kGuestVaLimit);
  EXPECT_EQ(mem.Read(~uint64_t{0} - 3, &v, 8, AccessType::kRead, &fault), FaultKind::kTranslation);
  ASSERT_TRUE(mem.Map(kGuestVaLimit - kPageSize, kPageSize, kProtRead | kProtWrite | kAnonymous));
  EXPECT_EQ(mem.Read(kGuestVaLimit - 4, &v, 8, AccessType::kRead, &fault), FaultKind::kTranslation);
  EXPECT_EQ(fault.va, kGuestVaLimit);
  EXPECT_FALSE(mem.Map(kGuestVaLimit, kPageSize, kProtRead));
}

TEST_F(UserMemoryTest, TopByteIgnoredForDataNotFetch) {
  ASSERT_TRUE(mem.Map(kBase, kPageSize, kProtRead | kProtWrite | kProtExec | kAnonymous));
  const uint64_t tagged = kBase | (uint64_t{0x5a} << 56);
  uint32_t w = 42, out = 0;
  MemFault fault;
  EXPECT_EQ(mem.Write(tagged, &w, 4, AccessType::kWrite, &fault), FaultKind::kNone);
  EXPECT_EQ(mem.Read(tagged, &out, 4, AccessType::kRead, &fault), FaultKind::kNone);
  EXPECT_EQ(out, 42u);
  EXPECT_EQ(mem.Read(tagged, &out, 4, AccessType::kFetch, &fault), FaultKind::kTranslation);
}

TEST_F(UserMemoryTest, UnmapAndDiscard) {
  ASSERT_TRUE(mem.Map(kBase, 3 * kPageSize, kProtRead | kProtWrite | kAnonymous));
  const uint32_t w = 7;
  ASSERT_TRUE(mem.CopyToGuest(kBase + kPageSize, &w, 4));
  mem.Discard(kBase, 3 * kPageSize);
  uint32_t out = 1;
  ASSERT_TRUE(mem.CopyFromGuest(&out, kBase + kPageSize, 4));
  EXPECT_EQ(out, 0u);
  mem.Unmap(kBase + kPageSize, kPageSize);
  EXPECT_TRUE(mem.IsMapped(kBase, kPageSize));
  EXPECT_FALSE(mem.IsMapped(kBase, 2 * kPageSize));
  EXPECT_TRUE(mem.IsFree(kBase + kPageSize, kPageSize));
  EXPECT_EQ(mem.AccessibleLength(kBase, 3 * kPageSize, kProtRead), kPageSize);
  EXPECT_FALSE(mem.CopyFromGuest(&out, kBase + kPageSize - 2, 4));
}

TEST_F(UserMemoryTest, DiscardKeepsFileBackedContent) {
  ASSERT_TRUE(mem.Map(kBase, kPageSize, kProtRead));
  const uint32_t w = 9;
  ASSERT_TRUE(mem.Poke(kBase, &w, 4));
  mem.Discard(kBase, kPageSize);
  uint32_t out = 0;
  ASSERT_TRUE(mem.CopyFromGuest(&out, kBase, 4));
  EXPECT_EQ(out, 9u);
}

TEST_F(UserMemoryTest, MoveKeepsContentAndFlags) {
  ASSERT_TRUE(mem.Map(kBase, 2 * kPageSize, kProtRead | kProtWrite | kAnonymous));
  const uint64_t v = 0xabcdef;
  ASSERT_TRUE(mem.CopyToGuest(kBase + kPageSize + 8, &v, 8));
  const uint64_t to = 0x1000'0000;
  ASSERT_TRUE(mem.Move(kBase, to, 2 * kPageSize));
  EXPECT_TRUE(mem.IsFree(kBase, 2 * kPageSize));
  uint64_t out = 0;
  ASSERT_TRUE(mem.CopyFromGuest(&out, to + kPageSize + 8, 8));
  EXPECT_EQ(out, v);
  EXPECT_EQ(mem.PageFlags(to), kProtRead | kProtWrite | kAnonymous | kMapped);
}

TEST_F(UserMemoryTest, FindFreeTopDown) {
  const uint64_t lo = 0x1000'0000, hi = 0x1001'0000;
  EXPECT_EQ(mem.FindFreeTopDown(kPageSize, lo, hi), hi - kPageSize);
  ASSERT_TRUE(mem.Map(hi - 2 * kPageSize, 2 * kPageSize, kProtRead));
  EXPECT_EQ(mem.FindFreeTopDown(3 * kPageSize, lo, hi), hi - 5 * kPageSize);
  EXPECT_EQ(mem.FindFreeTopDown(hi - lo, lo, hi), 0u);
  // Free run crossing a leaf-table boundary (16 MiB).
  const uint64_t leaf = uint64_t{1} << 24;
  ASSERT_TRUE(mem.Map(leaf + kPageSize, kPageSize, kProtRead));
  ASSERT_TRUE(mem.Map(leaf - 3 * kPageSize, kPageSize, kProtRead));
  EXPECT_EQ(mem.FindFreeTopDown(3 * kPageSize, leaf - 8 * kPageSize, leaf + 2 * kPageSize),
            leaf - 2 * kPageSize);
}

TEST_F(UserMemoryTest, ReadCString) {
  ASSERT_TRUE(mem.Map(kBase, kPageSize, kProtRead | kProtWrite | kAnonymous));
  const char s[] = "abc";
  const uint64_t va = kBase + kPageSize - 4;
  ASSERT_TRUE(mem.CopyToGuest(va, s, 4));
  std::vector<char> out;
  EXPECT_EQ(mem.ReadCString(va, 100, &out), 0);
  EXPECT_STREQ(out.data(), "abc");
  EXPECT_EQ(mem.ReadCString(va, 2, &out), -ENAMETOOLONG);
  // Unterminated at the end of the mapping.
  const char t[] = "xyzw";
  ASSERT_TRUE(mem.CopyToGuest(va, t, 4));
  EXPECT_EQ(mem.ReadCString(va, 100, &out), -EFAULT);
}

// The host protection follows the guest's permissions and the code watch
// (jit/code_port.h DirectBase), through every change.
TEST_F(UserMemoryTest, HostProtectionIsTheGuests) {
  EXPECT_EQ(HostProt(kBase), "---");  // the reservation
  ASSERT_TRUE(mem.Map(kBase, 3 * kPageSize, kProtRead | kProtWrite | kAnonymous));
  EXPECT_EQ(HostProt(kBase), "rw-");
  ASSERT_TRUE(mem.Protect(kBase + kPageSize, kPageSize, kProtRead));
  EXPECT_EQ(HostProt(kBase), "rw-");
  EXPECT_EQ(HostProt(kBase + kPageSize), "r--");
  ASSERT_TRUE(mem.Protect(kBase + kPageSize, kPageSize, 0));
  EXPECT_EQ(HostProt(kBase + kPageSize), "---");
  // Write-only and execute-only pages are readable, as on Linux arm64.
  ASSERT_TRUE(mem.Protect(kBase + kPageSize, kPageSize, kProtWrite));
  EXPECT_EQ(HostProt(kBase + kPageSize), "rw-");
  ASSERT_TRUE(mem.Protect(kBase + kPageSize, kPageSize, kProtExec));
  EXPECT_EQ(HostProt(kBase + kPageSize), "r--");
  uint8_t b = 0;
  MemFault fault;
  EXPECT_EQ(mem.Read(kBase + kPageSize, &b, 1, AccessType::kRead, &fault), FaultKind::kNone);

  // A watched code page is not writable on the host until a write ends the
  // watch (after the handler ran).
  std::vector<uint64_t> notified;
  mem.SetCodeWriteHandler([&](uint64_t page) { notified.push_back(page); });
  mem.WatchCode(kBase, true);
  EXPECT_EQ(HostProt(kBase), "r--");
  const uint32_t w = 0xd503201f;
  EXPECT_EQ(mem.Write(kBase + 8, &w, 4, AccessType::kWrite, &fault), FaultKind::kNone);
  EXPECT_EQ(notified, std::vector<uint64_t>{kBase});
  EXPECT_EQ(HostProt(kBase), "rw-");
  mem.WatchCode(kBase, true);
  ASSERT_TRUE(mem.CopyToGuest(kBase + 16, &w, 4));
  EXPECT_EQ(notified.size(), 2u);
  EXPECT_EQ(HostProt(kBase), "rw-");

  // Poke writes a read-only page and leaves it read-only.
  ASSERT_TRUE(mem.Protect(kBase + 2 * kPageSize, kPageSize, kProtRead));
  ASSERT_TRUE(mem.Poke(kBase + 2 * kPageSize, &w, 4));
  EXPECT_EQ(HostProt(kBase + 2 * kPageSize), "r--");
  uint32_t r = 0;
  EXPECT_EQ(mem.Read(kBase + 2 * kPageSize, &r, 4, AccessType::kRead, &fault), FaultKind::kNone);
  EXPECT_EQ(r, w);

  // Discard keeps the protection; Move carries it; Unmap removes it.
  mem.Discard(kBase + 2 * kPageSize, kPageSize);
  EXPECT_EQ(HostProt(kBase + 2 * kPageSize), "r--");
  ASSERT_TRUE(mem.Move(kBase + 2 * kPageSize, kBase + 8 * kPageSize, kPageSize));
  EXPECT_EQ(HostProt(kBase + 2 * kPageSize), "---");
  EXPECT_EQ(HostProt(kBase + 8 * kPageSize), "r--");
  mem.Unmap(kBase, 3 * kPageSize);
  EXPECT_EQ(HostProt(kBase), "---");
  mem.UnmapAll();
  EXPECT_EQ(HostProt(kBase + 8 * kPageSize), "---");
}

}  // namespace
}  // namespace a64::user
