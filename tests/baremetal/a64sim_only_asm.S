// Leaf functions for a64sim_only.c.
  .text
  .macro FN name
  .global \name
  .type \name, %function
\name:
  .endm

// A load with SP 8 (not 16) byte aligned as base at EL1t (SP_EL0), so that the
// exception entry runs on SP_EL1.
FN do_sp_align
  mov x2, sp
  sub x2, x2, #64
  add x2, x2, #8
  msr spsel, #0
  mov sp, x2
  .global sp_align_insn
sp_align_insn:
  ldr x0, [sp]
  ret

FN do_hvc
  .global hvc_insn
hvc_insn:
  hvc #0x55
  ret
