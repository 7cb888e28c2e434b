"""baremetal_program: a bare-metal test program (start.S, testlib, the given
sources) cross-compiled with aarch64-linux-gnu-gcc by a genrule, linked at
0x40000000 with link.ld, and sh_tests running it on a64sim (NAME_test on
the translator, NAME_test_interp on the interpreter) against QEMU's output (or
against a checked-in expected output)."""

load("//tests/support:engines.bzl", "engine_sh_test")

_CFLAGS = " ".join([
    "-nostdlib",
    "-ffreestanding",
    "-static",
    "-fno-pic",
    "-no-pie",
    # No SIMD&FP register use outside the tests that trap it (CPACR_EL1), and
    # no unaligned accesses (the MMU is off: Device memory).
    "-mgeneral-regs-only",
    "-mstrict-align",
    "-O1",
    "-Wall",
    "-Werror",
    "-Wl,--build-id=none",
    "-Wl,--no-warn-rwx-segments",
])

_COMMON = ["start.S", "el0.S", "testlib.c"]

def baremetal_program(name, srcs, expected = None, qemu_cpu = "cortex-a57", tags = []):
    """`expected`: a checked-in expected output file; None compares with QEMU
    running `qemu_cpu` ("cortex-a57" or "max")."""
    if qemu_cpu not in ["cortex-a57", "max"]:
        fail("qemu_cpu must be cortex-a57 or max")
    all_srcs = _COMMON + srcs
    native.genrule(
        name = name + "_elf",
        srcs = all_srcs + ["link.ld", "testlib.h", "mmulib.h"],
        outs = ["bin/%s.elf" % name],
        cmd = "aarch64-linux-gnu-gcc %s -T $(location link.ld) -I$$(dirname $(location testlib.h)) -o $@ %s" % (
            _CFLAGS,
            " ".join(["$(location %s)" % s for s in all_srcs]),
        ),
        testonly = True,
        tags = tags,
    )
    engine_sh_test(
        name = name + "_test",
        size = "small",
        tags = tags,
        srcs = ["run_test.sh"],
        args = [
            "$(location //tools/a64sim)",
            "$(location :%s_elf)" % name,
        ] + (["$(location %s)" % expected] if expected else [
            "qemu" if qemu_cpu == "cortex-a57" else "qemu-max",
        ]),
        data = [
            ":%s_elf" % name,
            "//tools/a64sim",
        ] + ([expected] if expected else []),
    )
