// Selects a misbehaviour by argc (1..4) so one binary tests several exits:
//   argc 1: load from unmapped 0x1234        -> segmentation fault (139)
//   argc 2: UDF #0 (permanently undefined)    -> UNDEFINED (132)
//   argc 3: BRK #5                            -> trap (133)
//   argc 4: endless loop                      -> stopped by --max-insns (124)
        .text
        .globl _start
_start:
        ldr     x0, [sp]           // argc
        cmp     x0, #2
        b.eq    undef
        cmp     x0, #3
        b.eq    trap
        cmp     x0, #4
        b.eq    spin
        mov     x1, #0x1234
        ldr     x2, [x1]
undef:  .inst   0x00000000
trap:   brk     #5
spin:   b       spin
