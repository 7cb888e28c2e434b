// Minimal static program: write(1, msg, len); then exit_group(7) if the
// write returned len, else exit_group(1). Uses only MOVZ/ADR/SVC/SUB/CBNZ-ish
// instructions so it runs early in the project's life.
        .text
        .globl _start
_start:
        mov     x0, #1
        adr     x1, msg
        mov     x2, #(msg_end - msg)
        mov     x8, #64            // write
        svc     #0
        cmp     x0, #(msg_end - msg)
        b.ne    1f
        mov     x0, #7
        mov     x8, #94            // exit_group
        svc     #0
1:      mov     x0, #1
        mov     x8, #94
        svc     #0
msg:    .ascii  "hello from a64sim\n"
msg_end:
