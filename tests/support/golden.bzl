"""Golden vectors recorded from the oracle at build time.

Each suite's gen_golden.c runs every case on the machine that executes it and
prints one line per case. Built with the cross compiler and run under
qemu-aarch64 (never under a64sim), its output is the suite's golden file.
"""

def qemu_golden(name, out):
    native.genrule(
        name = name,
        srcs = [
            "gen_golden.c",
            "golden_layout.h",
            "//tests/support:golden_case.h",
            "//tests/support:golden_gen.h",
        ],
        outs = [out],
        cmd = "aarch64-linux-gnu-gcc -O1 -static -I. $(location gen_golden.c) -o $(@D)/gen_" + name +
              " && qemu-aarch64 -cpu max $(@D)/gen_" + name + " > $@",
    )
