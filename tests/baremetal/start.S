// Entry and exception vectors of the bare-metal test programs.
//
// _start runs at EL1 with the MMU off: it sets a known SCTLR_EL1 (MMU and
// caches off, alignment checking off, SP alignment checking on) and
// CPACR_EL1 (SIMD&FP not trapped), installs the vectors, clears .bss and
// calls main(); main's return value is the exit status.
//
// Every vector saves x0-x30, calls
//   void on_exception(struct exc_frame* f, unsigned long kind)
// (kind: vector index 0..15, see testlib.h) and returns with ERET using the
// frame's ELR and SPSR, which the handler may change.

  .section .text.start, "ax"
  .global _start
_start:
  ldr x0, =__stack_top
  mov sp, x0
  // SCTLR_EL1: RES1 bits 29,28,23,22,20,11; SA = 1 (bit 3), SA0 = 1 (bit 4),
  // nTWI = nTWE = 1 (bits 16, 18); M, A, C, I = 0.
  ldr x0, =0x30d50818
  msr sctlr_el1, x0
  mov x0, #(3 << 20)
  msr cpacr_el1, x0
  ldr x0, =vectors
  msr vbar_el1, x0
  isb
  ldr x0, =__bss_start
  ldr x1, =__bss_end
1:cmp x0, x1
  b.hs 2f
  str xzr, [x0], #8
  b 1b
2:bl main
  bl exit
3:b 3b

  .macro VECTOR kind
  .balign 0x80
  sub sp, sp, #(34 * 8)
  stp x0, x1, [sp, #0]
  mov x1, #\kind
  b exception_common
  .endm

  .section .vectors, "ax"
  .balign 2048
  .global vectors
vectors:
  VECTOR 0
  VECTOR 1
  VECTOR 2
  VECTOR 3
  VECTOR 4
  VECTOR 5
  VECTOR 6
  VECTOR 7
  VECTOR 8
  VECTOR 9
  VECTOR 10
  VECTOR 11
  VECTOR 12
  VECTOR 13
  VECTOR 14
  VECTOR 15

  .text
exception_common:
  stp x2, x3, [sp, #16]
  stp x4, x5, [sp, #32]
  stp x6, x7, [sp, #48]
  stp x8, x9, [sp, #64]
  stp x10, x11, [sp, #80]
  stp x12, x13, [sp, #96]
  stp x14, x15, [sp, #112]
  stp x16, x17, [sp, #128]
  stp x18, x19, [sp, #144]
  stp x20, x21, [sp, #160]
  stp x22, x23, [sp, #176]
  stp x24, x25, [sp, #192]
  stp x26, x27, [sp, #208]
  stp x28, x29, [sp, #224]
  mrs x2, elr_el1
  mrs x3, spsr_el1
  stp x30, x2, [sp, #240]
  str x3, [sp, #256]
  mov x0, sp
  bl on_exception
  ldp x30, x2, [sp, #240]
  ldr x3, [sp, #256]
  msr elr_el1, x2
  msr spsr_el1, x3
  ldp x0, x1, [sp, #0]
  ldp x2, x3, [sp, #16]
  ldp x4, x5, [sp, #32]
  ldp x6, x7, [sp, #48]
  ldp x8, x9, [sp, #64]
  ldp x10, x11, [sp, #80]
  ldp x12, x13, [sp, #96]
  ldp x14, x15, [sp, #112]
  ldp x16, x17, [sp, #128]
  ldp x18, x19, [sp, #144]
  ldp x20, x21, [sp, #160]
  ldp x22, x23, [sp, #176]
  ldp x24, x25, [sp, #192]
  ldp x26, x27, [sp, #208]
  ldp x28, x29, [sp, #224]
  add sp, sp, #(34 * 8)
  eret
