#include "user/elf_loader.h"

#include <elf.h>
#include <gtest/gtest.h>

#include <cstring>
#include <vector>

#include "user/initial_stack.h"

namespace a64::user {
namespace {

// Builds a small ELF image: header, program headers right after it, and a
// code blob at file offset 0x1000.
class ElfBuilder {
 public:
  ElfBuilder() {
    std::memset(&eh, 0, sizeof(eh));
    std::memcpy(eh.e_ident, ELFMAG, SELFMAG);
    eh.e_ident[EI_CLASS] = ELFCLASS64;
    eh.e_ident[EI_DATA] = ELFDATA2LSB;
    eh.e_ident[EI_VERSION] = EV_CURRENT;
    eh.e_type = ET_EXEC;
    eh.e_machine = EM_AARCH64;
    eh.e_version = EV_CURRENT;
    eh.e_entry = 0x401000;
    eh.e_phoff = sizeof(Elf64_Ehdr);
    eh.e_ehsize = sizeof(Elf64_Ehdr);
    eh.e_phentsize = sizeof(Elf64_Phdr);
  }
  void AddLoad(uint64_t vaddr, uint64_t offset, uint64_t filesz, uint64_t memsz, uint32_t flags) {
    Elf64_Phdr p{};
    p.p_type = PT_LOAD;
    p.p_flags = flags;
    p.p_offset = offset;
    p.p_vaddr = p.p_paddr = vaddr;
    p.p_filesz = filesz;
    p.p_memsz = memsz;
    p.p_align = 0x1000;
    ph.push_back(p);
  }
  void Add(uint32_t type, uint64_t vaddr = 0, uint32_t flags = 0) {
    Elf64_Phdr p{};
    p.p_type = type;
    p.p_vaddr = vaddr;
    p.p_flags = flags;
    ph.push_back(p);
  }
  std::vector<uint8_t> Build(size_t size = 0x2000) {
    eh.e_phnum = static_cast<uint16_t>(ph.size());
    std::vector<uint8_t> f(size, 0);
    std::memcpy(f.data(), &eh, sizeof(eh));
    if (!ph.empty() && eh.e_phoff <= size && ph.size() * sizeof(Elf64_Phdr) <= size - eh.e_phoff)
      std::memcpy(f.data() + eh.e_phoff, ph.data(), ph.size() * sizeof(Elf64_Phdr));
    for (size_t i = 0x1000; i < size; ++i) f[i] = static_cast<uint8_t>(i * 7);
    return f;
  }
  Elf64_Ehdr eh;
  std::vector<Elf64_Phdr> ph;
};

ElfBuilder Valid() {
  ElfBuilder b;
  b.AddLoad(0x400000, 0, 0x1100, 0x1100, PF_R | PF_X);
  b.AddLoad(0x402100, 0x1100, 0x100, 0x3000, PF_R | PF_W);
  b.Add(PT_GNU_STACK, 0, PF_R | PF_W);
  return b;
}

std::string ParseError(std::vector<uint8_t> f) {
  ElfImage img;
  std::string err;
  if (ParseElf(f, &img, &err)) return "";
  EXPECT_FALSE(err.empty());
  EXPECT_EQ(err.find('\n'), std::string::npos);
  return err;
}

TEST(ElfLoaderTest, ParsesAndMapsStaticExecutable) {
  const auto f = Valid().Build();
  ElfImage img;
  std::string err;
  ASSERT_TRUE(ParseElf(f, &img, &err)) << err;
  EXPECT_EQ(img.bias, 0u);
  EXPECT_EQ(img.entry, 0x401000u);
  EXPECT_EQ(img.phdr_addr, 0x400000u + sizeof(Elf64_Ehdr));  // inside the first PT_LOAD
  EXPECT_EQ(img.phnum, 3u);
  EXPECT_FALSE(img.exec_stack);
  EXPECT_EQ(img.end, 0x406000u);

  UserMemory mem;
  ASSERT_TRUE(MapElf(f, img, mem, &err)) << err;
  EXPECT_EQ(mem.PageFlags(0x400000), kProtRead | kProtExec | kMapped);
  // Text covers 0x400000..0x401100; data starts at 0x402100.
  EXPECT_EQ(mem.PageFlags(0x402000), kProtRead | kProtWrite | kMapped);
  EXPECT_EQ(mem.PageFlags(0x405000), kProtRead | kProtWrite | kMapped);
  EXPECT_EQ(mem.PageFlags(0x406000), 0);
  uint8_t b = 0;
  ASSERT_TRUE(mem.CopyFromGuest(&b, 0x401010, 1));
  EXPECT_EQ(b, static_cast<uint8_t>(0x1010 * 7));
  ASSERT_TRUE(mem.CopyFromGuest(&b, 0x402110, 1));
  EXPECT_EQ(b, static_cast<uint8_t>(0x1110 * 7));
  ASSERT_TRUE(mem.CopyFromGuest(&b, 0x402200, 1));  // bss
  EXPECT_EQ(b, 0);
}

TEST(ElfLoaderTest, SharedPageGetsUnionOfPermissions) {
  ElfBuilder e;
  e.AddLoad(0x400000, 0, 0x1100, 0x1100, PF_R | PF_X);
  e.AddLoad(0x401100, 0x1100, 0x100, 0x200, PF_R | PF_W);
  const auto f = e.Build();
  ElfImage img;
  std::string err;
  ASSERT_TRUE(ParseElf(f, &img, &err)) << err;
  UserMemory mem;
  ASSERT_TRUE(MapElf(f, img, mem, &err)) << err;
  EXPECT_EQ(mem.PageFlags(0x401000), kProtRead | kProtWrite | kProtExec | kMapped);
  uint8_t b = 0;
  ASSERT_TRUE(mem.CopyFromGuest(&b, 0x401010, 1));  // text survived the data mapping
  EXPECT_EQ(b, static_cast<uint8_t>(0x1010 * 7));
}

TEST(ElfLoaderTest, StaticPieLoadsAtFixedBase) {
  ElfBuilder e;
  e.eh.e_type = ET_DYN;
  e.eh.e_entry = 0x1000;
  e.AddLoad(0, 0, 0x1100, 0x1100, PF_R | PF_X);
  e.Add(PT_PHDR, sizeof(Elf64_Ehdr));
  ElfImage img;
  std::string err;
  ASSERT_TRUE(ParseElf(e.Build(), &img, &err)) << err;
  EXPECT_EQ(img.bias, kPieLoadBase);
  EXPECT_EQ(img.entry, kPieLoadBase + 0x1000);
  EXPECT_EQ(img.phdr_addr, kPieLoadBase + sizeof(Elf64_Ehdr));
  EXPECT_TRUE(img.exec_stack);  // no PT_GNU_STACK
}

TEST(ElfLoaderTest, RejectsDynamicExecutable) {
  ElfBuilder e = Valid();
  e.Add(PT_INTERP);
  EXPECT_NE(ParseError(e.Build()).find("PT_INTERP"), std::string::npos);
}

TEST(ElfLoaderTest, RejectsCorruptHeaders) {
  EXPECT_NE(ParseError({}), "");
  EXPECT_NE(ParseError(std::vector<uint8_t>(100, 0)), "");
  {
    auto f = Valid().Build();
    f[EI_CLASS] = ELFCLASS32;
    EXPECT_NE(ParseError(f), "");
  }
  {
    auto e = Valid();
    e.eh.e_machine = EM_X86_64;
    EXPECT_NE(ParseError(e.Build()).find("AArch64"), std::string::npos);
  }
  {
    auto e = Valid();
    e.eh.e_type = ET_REL;
    EXPECT_NE(ParseError(e.Build()), "");
  }
  {
    auto e = Valid();
    e.eh.e_phentsize = 40;
    EXPECT_NE(ParseError(e.Build()), "");
  }
  {
    auto e = Valid();
    e.eh.e_phoff = 0x1ff0;  // headers run past the end of the file
    EXPECT_NE(ParseError(e.Build()), "");
  }
  {
    auto e = Valid();
    e.eh.e_phoff = ~uint64_t{0} - 8;  // overflow
    EXPECT_NE(ParseError(e.Build()), "");
  }
  {
    auto e = Valid();
    e.ph.clear();
    EXPECT_NE(ParseError(e.Build()), "");  // e_phnum == 0
  }
  {
    auto e = Valid();
    e.ph[1].p_filesz = 0x4000;  // > memsz
    EXPECT_NE(ParseError(e.Build()), "");
  }
  {
    auto e = Valid();
    e.ph[1].p_offset = 0x1f80;  // segment runs past the end of the file
    e.ph[1].p_vaddr = 0x402f80;
    EXPECT_NE(ParseError(e.Build()), "");
  }
  {
    auto e = Valid();
    e.ph[1].p_offset = ~uint64_t{0} - 0xf00;  // offset + filesz overflows
    e.ph[1].p_vaddr = 0x402100;
    EXPECT_NE(ParseError(e.Build()), "");
  }
  {
    auto e = Valid();
    e.ph[1].p_vaddr = 0x402200;  // not congruent to p_offset modulo 4096
    EXPECT_NE(ParseError(e.Build()), "");
  }
  {
    auto e = Valid();
    e.ph[1].p_vaddr = kGuestVaLimit - 0x1000 + 0x100;  // memsz runs past 2^39
    EXPECT_NE(ParseError(e.Build()), "");
  }
  {
    auto e = Valid();
    e.ph[1].p_vaddr = ~uint64_t{0} - 0xeff;  // vaddr + memsz overflows
    EXPECT_NE(ParseError(e.Build()), "");
  }
  {
    ElfBuilder e;  // no PT_LOAD at all
    e.Add(PT_GNU_STACK);
    EXPECT_NE(ParseError(e.Build()), "");
  }
}

TEST(ElfLoaderTest, InitialStackLayout) {
  const auto f = Valid().Build();
  ElfImage img;
  std::string err;
  ASSERT_TRUE(ParseElf(f, &img, &err)) << err;
  UserMemory mem;
  const uint64_t top = 0x7f'ffff'f000, size = 0x10000;
  ASSERT_TRUE(mem.Map(top - size, size, kProtRead | kProtWrite | kAnonymous));
  InitialStackInput in;
  in.argv = {"prog", "a1"};
  in.envp = {"X=1"};
  in.execfn = "/bin/prog";
  for (int i = 0; i < 16; ++i) in.random[i] = static_cast<uint8_t>(i);
  const uint64_t sp = BuildInitialStack(mem, top, size, img, in);
  ASSERT_NE(sp, 0u);
  EXPECT_EQ(sp % 16, 0u);
  uint64_t w[8];
  ASSERT_TRUE(mem.CopyFromGuest(w, sp, sizeof(w)));
  EXPECT_EQ(w[0], 2u);  // argc
  std::vector<char> s;
  ASSERT_EQ(mem.ReadCString(w[1], 100, &s), 0);
  EXPECT_STREQ(s.data(), "prog");
  ASSERT_EQ(mem.ReadCString(w[2], 100, &s), 0);
  EXPECT_STREQ(s.data(), "a1");
  EXPECT_EQ(w[3], 0u);
  ASSERT_EQ(mem.ReadCString(w[4], 100, &s), 0);
  EXPECT_STREQ(s.data(), "X=1");
  EXPECT_EQ(w[5], 0u);
  // auxv: find AT_RANDOM, AT_PHDR, AT_PAGESZ, AT_HWCAP.
  uint64_t at = sp + 6 * 8;
  bool saw_random = false, saw_phdr = false, saw_null = false;
  for (int i = 0; i < 40 && !saw_null; ++i, at += 16) {
    uint64_t kv[2];
    ASSERT_TRUE(mem.CopyFromGuest(kv, at, 16));
    if (kv[0] == 0) saw_null = true;
    if (kv[0] == 25) {
      uint8_t r[16];
      ASSERT_TRUE(mem.CopyFromGuest(r, kv[1], 16));
      EXPECT_EQ(r[15], 15);
      saw_random = true;
    }
    if (kv[0] == 3) {
      EXPECT_EQ(kv[1], img.phdr_addr);
      saw_phdr = true;
    }
    if (kv[0] == 6) EXPECT_EQ(kv[1], 4096u);
    if (kv[0] == 16) EXPECT_EQ(kv[1], UserHwcaps());
  }
  EXPECT_TRUE(saw_random && saw_phdr && saw_null);
}

}  // namespace
}  // namespace a64::user
