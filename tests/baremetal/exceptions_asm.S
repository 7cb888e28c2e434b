// Leaf functions that raise one exception each (see exceptions.c). The
// handler resumes at X30 for exceptions whose preferred return address is
// the faulting instruction.
  .text
  .macro FN name
  .global \name
  .type \name, %function
\name:
  .endm

FN do_svc
  .global svc_insn
svc_insn:
  svc #0x1234
  ret

FN do_svc_el0
  .global svc_el0_insn
svc_el0_insn:
  svc #0x42
  ret

FN do_brk
  .global brk_insn
brk_insn:
  brk #0x77
  ret

FN do_udf
  .global udf_insn
udf_insn:
  .word 0x00000000
  ret

FN do_smc
  .global smc_insn
smc_insn:
  smc #0
  ret

FN do_hlt
  .global hlt_insn
hlt_insn:
  hlt #1
  ret

// BR to a target with bit 1 set: the PC alignment fault is taken when the
// misaligned PC is used to fetch.
FN do_pc_align
  ldr x0, =pc_align_target
  add x0, x0, #2
  br x0
  .global pc_align_target
pc_align_target:
  nop
  ret

FN do_fmov
  .global fmov_insn
fmov_insn:
  fmov d0, x1
  ret

FN do_simd_add
  .global simd_insn
simd_insn:
  add v0.4s, v1.4s, v2.4s
  ret

FN do_ldr_q
  .global ldr_q_insn
ldr_q_insn:
  ldr q0, [sp]
  ret

FN do_mrs_fpcr
  .global mrs_fpcr_insn
mrs_fpcr_insn:
  mrs x0, fpcr
  ret

// ERET with SPSR_EL1.M = EL2h, an Exception level this PE does not
// implement: an illegal exception return (ARM ARM D1.11.4? "Illegal return
// events from AArch64 state"): PSTATE.IL is set, PC = ELR_EL1, and the next
// instruction raises the Illegal Execution state exception.
FN do_illegal_eret
  ldr x0, =illegal_target
  msr elr_el1, x0
  mov x0, #0x3c9
  msr spsr_el1, x0
  eret
  .global illegal_target
illegal_target:
  nop
  ret

FN do_wfi_el0
  .global wfi_insn
wfi_insn:
  wfi
  ret
