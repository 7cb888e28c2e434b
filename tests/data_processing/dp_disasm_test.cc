// Spot checks of the data-processing disassembly aliases (the full comparison
// with llvm-mc-14 is tests/oracle/compare_llvm.py).
#include <gtest/gtest.h>

#include "frontend/disasm/disassembler.h"

namespace a64 {
namespace {

struct Case {
  uint32_t word;
  const char* text;
};

TEST(DpDisasm, MatchesLlvmAliases) {
  const Case cases[] = {
      {0x10ffffe0, "adr x0, #-4"},
      {0xd0000000, "adrp x0, #8192"},
      {0x110003e2, "mov w2, wsp"},
      {0x317ffc1f, "cmn w0, #4095, lsl #12"},
      {0x92800020, "mov x0, #-2"},
      {0x52a00000, "movz w0, #0, lsl #16"},
      {0x129fffe0, "movn w0, #65535"},
      {0xb200f3e0, "mov x0, #6148914691236517205"},
      {0x92781c20, "and x0, x1, #0xff00"},
      {0xd340fc02, "lsr x2, x0, #0"},
      {0xb340fc02, "bfxil x2, x0, #0, #64"},
      {0x33000fe0, "bfc w0, #0, #4"},
      {0xb3780c02, "bfi x2, x0, #8, #4"},
      {0x93401c02, "sxtb x2, w0"},
      {0x93c0fc02, "ror x2, x0, #63"},
      {0x9ac12002, "lsl x2, x0, x1"},
      {0x9ac15c02, "crc32cx w2, w0, x1"},
      {0x9adf3020, "pacga x0, x1, sp"},
      {0xdac123e0, "paciza x0"},
      {0x2a0103e0, "mov w0, w1"},
      {0x2a4103e0, "orr w0, wzr, w1, lsr #0"},
      {0x2ae10be0, "mvn w0, w1, ror #2"},
      {0x6b0103ff, "cmp wzr, w1"},
      {0xcb0103e2, "neg x2, x1"},
      {0x8b21481f, "add sp, x0, w1, uxtw #2"},
      {0xcb21f3e2, "sub x2, sp, x1, sxtx #4"},
      {0x5a0103e2, "ngc w2, w1"},
      {0xfa431802, "ccmp x0, #3, #2, ne"},
      {0x1a9f07e0, "cset w0, ne"},
      {0x5a9f07e0, "cneg w0, wzr, ne"},
      {0x9a800402, "cinc x2, x0, ne"},
      {0x9b420c20, "smulh x0, x1, x2"},
      {0x9b217c02, "smull x2, w0, w1"},
      {0x1b01fc02, "mneg w2, w0, w1"},
  };
  for (const Case& c : cases) EXPECT_EQ(Disassemble(c.word, 0), c.text) << std::hex << c.word;
}

TEST(DpDisasm, UnallocatedEncodings) {
  for (uint32_t w : {0x13401000u,    // SBFM 32-bit with N = 1
                     0xba000400u,    // RMIF (FEAT_FlagM)
                     0x3a00080du,    // SETF8 (FEAT_FlagM)
                     0x9ac01000u,    // IRG (FEAT_MTE)
                     0x1ac14c02u,    // CRC32X with sf = 0
                     0x8bc10002u,    // ADD (shifted) with shift = 11
                     0x8b217402u,    // ADD (extended) with imm3 = 5
                     0x92400000u | (0x3f << 10),  // AND (immediate), all-ones element
                     0x91800000u}) { // ADDG (FEAT_MTE)
    EXPECT_EQ(Disassemble(w, 0), "<invalid>") << std::hex << w;
  }
}

}  // namespace
}  // namespace a64
