"""aarch64_static_binaries: C test programs cross-compiled with
aarch64-linux-gnu-gcc -static (Debian's gcc-aarch64-linux-gnu) by genrules."""

def aarch64_static_binaries(name, programs, variants):
    """One genrule per (program, variant); a filegroup `name` of all binaries.

    programs: base names of programs/NAME.c.
    variants: dict suffix -> gcc flags, e.g. {"O0": "-O0"}.
    """
    outs = []
    for p in programs:
        for suffix, flags in variants.items():
            rule = "%s_%s" % (p, suffix)
            native.genrule(
                name = rule,
                srcs = ["programs/%s.c" % p],
                outs = ["bin/%s.%s" % (p, suffix)],
                cmd = "aarch64-linux-gnu-gcc -static %s -w -o $@ $< -lm" % flags,
                testonly = True,
            )
            outs.append(":" + rule)
    native.filegroup(name = name, srcs = outs, testonly = True)
