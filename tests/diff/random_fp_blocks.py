#!/usr/bin/env python3
"""Differential execution of random FP / Advanced SIMD / crypto blocks: qemu-aarch64 vs a64sim.

The sibling of random_blocks.py (whose build/run/seed helpers it reuses). Each
seed makes one -nostdlib static program of --blocks blocks. A block:
  1. loads its random initial state from its state area: V0-V31 (128-bit,
     lanes full of special FP values: +-0, +-inf, quiet and signalling NaNs
     with payloads, denormals, conversion limits, ties), X0-X27, X29, X30,
     NZCV, FPSR and FPCR (random RMode, FZ, DN, AHP); X28 points at the
     block's random data buffer and is never written;
  2. runs --insns random valid instructions from templates: scalar FP
     arithmetic/FMA/conversions (fixed-point too)/rounding/compares/FCSEL/
     FMOV, vector integer and FP in every arrangement, by element, shifts by
     immediate, saturating ops (QC), narrowing/widening, permutes, TBL/TBX,
     modified immediates, element moves, across lanes, FCMLA/FCADD, SIMD
     scalar, structure loads/stores (LD1-4/ST1-4, single lane, replicate) and
     register loads/stores into the buffer, AES/SHA/PMULL;
  3. stores everything back (V0-V31, X0-X30, NZCV, FPCR, FPSR) and writes
     state area + buffer to stdout.
Instructions come from assembler templates (GNU as encodes them, so every word
is a valid encoding; operands never make an UNPREDICTABLE combination: e.g.
LDP never loads one register twice). On a difference the seed, block, differing
registers/bytes, the initial FPCR/FPSR and the block's instructions are printed.

  random_fp_blocks.py --sim BIN_OR_qemu --seeds 1-40 [--blocks 40] [--insns 40] [--keep DIR]
"""
import os
import random
import re
import struct
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.realpath(__file__)))
import random_blocks as rb  # noqa: E402  (run_campaign, campaign_args, random_value)

BUF = 1024            # data buffer per block
STATE = 1024          # state area before the buffer
NZCV_OFF, FPCR_OFF, FPSR_OFF, V_OFF = 248, 256, 264, 512
RECORD = STATE + BUF
BASE = 28
FREE = [r for r in range(31) if r != BASE]
CONDS = "eq ne cs cc mi pl vs vc hi ls ge lt gt le al nv".split()
ARCH = ".arch armv8.3-a+crc+crypto+rcpc"

# Arrangements by element size (bits) and Q.
ARR = {(8, 0): "8b", (8, 1): "16b", (16, 0): "4h", (16, 1): "8h", (32, 0): "2s", (32, 1): "4s",
       (64, 0): "1d", (64, 1): "2d"}
SCALAR = {8: "b", 16: "h", 32: "s", 64: "d"}


def v(r, esize, q):
    return "v%d.%s" % (r, ARR[(esize, q)])


class Block:
    def __init__(self, rng, label, fpcr):
        self.rng = rng
        self.label = label
        self.lines = []
        self.fpcr = fpcr   # FPCR in force at the current instruction

    def emit(self, *lines):
        self.lines.extend(lines)

    def vr(self):
        return self.rng.randrange(32)

    def xd(self):
        return self.rng.choice(FREE)

    def xs(self):
        r = self.rng
        return 31 if r.random() < 0.05 else r.choice(FREE)

    def wx(self, reg, sf):
        return rb.xr(reg, sf)

    # ---- scalar floating point ------------------------------------------
    def fp_type(self):
        return self.rng.choice("sd")

    def fp_dp(self):
        r, t = self.rng, self.fp_type()
        k = r.randrange(4)
        d, n, m, a = (self.vr() for _ in range(4))
        if k == 0:
            op = r.choice(["fadd", "fsub", "fmul", "fdiv", "fmax", "fmin", "fmaxnm", "fminnm", "fnmul"])
            self.emit("%s %s%d, %s%d, %s%d" % (op, t, d, t, n, t, m))
        elif k == 1:
            op = r.choice(["fmadd", "fmsub", "fnmadd", "fnmsub"])
            self.emit("%s %s%d, %s%d, %s%d, %s%d" % (op, t, d, t, n, t, m, t, a))
        elif k == 2:
            op = r.choice(["fabs", "fneg", "fsqrt", "fmov", "frintn", "frintp", "frintm", "frintz", "frinta",
                           "frintx", "frinti"])
            self.emit("%s %s%d, %s%d" % (op, t, d, t, n))
        else:
            # FCVT between half, single and double (half uses FPCR.AHP).
            src, dst = r.sample("hsd", 2)
            self.emit("fcvt %s%d, %s%d" % (dst, d, src, n))

    def fp_cmp(self):
        r, t = self.rng, self.fp_type()
        n, m = self.vr(), self.vr()
        k = r.randrange(4)
        if k == 0:
            self.emit("%s %s%d, %s" % (r.choice(["fcmp", "fcmpe"]), t, n, "%s%d" % (t, m) if r.random() < 0.8
                                       else "#0.0"))
        elif k == 1:
            self.emit("%s %s%d, %s%d, #%d, %s" % (r.choice(["fccmp", "fccmpe"]), t, n, t, m, r.randrange(16),
                                                  r.choice(CONDS)))
        elif k == 2:
            self.emit("fcsel %s%d, %s%d, %s%d, %s" % (t, self.vr(), t, n, t, m, r.choice(CONDS)))
        else:
            # A flag-setting instruction read back through a conditional select.
            self.emit("%s %s%d, %s%d" % (r.choice(["fcmp", "fcmpe"]), t, n, t, m),
                      "cset %s, %s" % (rb.xr(self.xd(), 0), r.choice(CONDS[:14])))

    def fp_imm(self):
        r, t = self.rng, self.fp_type()
        # imm8 = a:b:cdefgh: value = (-1)^a * (16 + efgh)/16 * 2^(exponent in -3..4) (VFPExpandImm).
        val = (-1) ** r.randrange(2) * (16 + r.randrange(16)) / 16.0 * 2.0 ** r.randint(-3, 4)
        if r.random() < 0.5:
            self.emit("fmov %s%d, #%r" % (t, self.vr(), val))
        else:
            q = r.randrange(2)
            es = r.choice([32, 64]) if q else 32
            self.emit("fmov %s, #%r" % (v(self.vr(), es, q), val))

    def fp_gpr(self):
        r = self.rng
        k = r.randrange(7)
        if k == 0:
            sf = r.randrange(2)
            t = "d" if sf else "s"
            if r.random() < 0.5:
                self.emit("fmov %s, %s%d" % (rb.xr(self.xd(), sf), t, self.vr()))
            else:
                self.emit("fmov %s%d, %s" % (t, self.vr(), rb.xr(self.xs(), sf)))
        elif k == 1:
            if r.random() < 0.5:
                self.emit("fmov %s, v%d.d[1]" % (rb.xr(self.xd()), self.vr()))
            else:
                self.emit("fmov v%d.d[1], %s" % (self.vr(), rb.xr(self.xs())))
        elif k in (2, 3):
            # FP -> integer, every rounding variant, optionally fixed point.
            sf, t = r.randrange(2), self.fp_type()
            op = "fcvt" + r.choice("nmpaz") + r.choice("su")
            if op.startswith("fcvtz") and r.random() < 0.4:
                self.emit("%s %s, %s%d, #%d" % (op, rb.xr(self.xd(), sf), t, self.vr(), r.randint(1, 32 << sf)))
            else:
                self.emit("%s %s, %s%d" % (op, rb.xr(self.xd(), sf), t, self.vr()))
        elif k == 4:
            sf, t = r.randrange(2), self.fp_type()
            op = r.choice(["scvtf", "ucvtf"])
            if r.random() < 0.4:
                self.emit("%s %s%d, %s, #%d" % (op, t, self.vr(), rb.xr(self.xs(), sf), r.randint(1, 32 << sf)))
            else:
                self.emit("%s %s%d, %s" % (op, t, self.vr(), rb.xr(self.xs(), sf)))
        elif k == 5:
            # Not under FPCR.FZ: for a positive denormal input, ARM ARM
            # FPToFixedJS gives Z = 0 (value 0 but op<51:0> nonzero);
            # qemu-aarch64 sets Z = 1 (a known qemu deviation).
            if not self.fpcr >> 24 & 1:
                self.emit("fjcvtzs %s, d%d" % (rb.xr(self.xd(), 0), self.vr()))
        else:
            if r.random() < 0.5:
                self.emit("mrs %s, fpsr" % rb.xr(self.xd()))
            else:
                self.emit("mrs %s, fpcr" % rb.xr(self.xd()))

    # ---- SIMD scalar ----------------------------------------------------
    def simd_scalar(self):
        r = self.rng
        d, n, m = self.vr(), self.vr(), self.vr()
        k = r.randrange(12)
        if k == 0:
            t = self.fp_type()
            op = r.choice(["fabd", "fmulx", "frecps", "frsqrts", "fcmeq", "fcmge", "fcmgt", "facge", "facgt"])
            self.emit("%s %s%d, %s%d, %s%d" % (op, t, d, t, n, t, m))
        elif k == 1:
            t = self.fp_type()
            op = r.choice(["frecpe", "frsqrte", "frecpx", "fcvtns", "fcvtnu", "fcvtms", "fcvtmu", "fcvtps",
                           "fcvtpu", "fcvtzs", "fcvtzu", "fcvtas", "fcvtau", "scvtf", "ucvtf"])
            self.emit("%s %s%d, %s%d" % (op, t, d, t, n))
        elif k == 2:
            t = self.fp_type()
            op = r.choice(["fcmeq", "fcmge", "fcmgt", "fcmle", "fcmlt"])
            self.emit("%s %s%d, %s%d, #0.0" % (op, t, d, t, n))
        elif k == 3:
            t = self.fp_type()
            op = r.choice(["fcvtzs", "fcvtzu", "scvtf", "ucvtf"])
            self.emit("%s %s%d, %s%d, #%d" % (op, t, d, t, n, r.randint(1, 32 if t == "s" else 64)))
        elif k == 4:
            if r.random() < 0.5:
                t = self.fp_type()
                op = r.choice(["faddp", "fmaxp", "fminp", "fmaxnmp", "fminnmp"])
                self.emit("%s %s%d, v%d.%s" % (op, t, d, n, "2s" if t == "s" else "2d"))
            else:
                self.emit("fcvtxn s%d, d%d" % (d, n))
        elif k == 5:
            es = r.choice([8, 16, 32, 64])
            t = SCALAR[es]
            op = r.choice(["sqadd", "uqadd", "sqsub", "uqsub", "sqshl", "uqshl", "sqrshl", "uqrshl"])
            self.emit("%s %s%d, %s%d, %s%d" % (op, t, d, t, n, t, m))
        elif k == 6:
            op = r.choice(["add", "sub", "cmeq", "cmge", "cmgt", "cmhi", "cmhs", "cmtst", "sshl", "ushl", "srshl",
                           "urshl"])
            self.emit("%s d%d, d%d, d%d" % (op, d, n, m))
        elif k == 7:
            es = r.choice([8, 16, 32, 64])
            t = SCALAR[es]
            op = r.choice(["sqabs", "sqneg", "suqadd", "usqadd"] + (["abs", "neg"] if es == 64 else []))
            self.emit("%s %s%d, %s%d" % (op, t, d, t, n))
        elif k == 8:
            es = r.choice([8, 16, 32])
            op = r.choice(["sqxtn", "uqxtn", "sqxtun"])
            self.emit("%s %s%d, %s%d" % (op, SCALAR[es], d, SCALAR[2 * es], n))
        elif k == 9:
            es = r.choice([16, 32])
            t = SCALAR[es]
            kk = r.randrange(4)
            if kk == 0:
                op = r.choice(["sqdmulh", "sqrdmulh", "sqrdmlah", "sqrdmlsh"])
                self.emit("%s %s%d, %s%d, %s%d" % (op, t, d, t, n, t, m))
            elif kk == 1:
                op = r.choice(["sqdmull", "sqdmlal", "sqdmlsl"])
                self.emit("%s %s%d, %s%d, %s%d" % (op, SCALAR[2 * es], d, t, n, t, m))
            else:
                # By element: Vm is V0-V15 for 16-bit elements.
                mm = r.randrange(16) if es == 16 else m
                idx = r.randrange(128 // es)
                op = r.choice(["sqdmulh", "sqrdmulh", "sqdmull", "sqdmlal", "sqdmlsl", "sqrdmlah"])
                dt = SCALAR[2 * es] if op in ("sqdmull", "sqdmlal", "sqdmlsl") else t
                self.emit("%s %s%d, %s%d, v%d.%s[%d]" % (op, dt, d, t, n, mm, t, idx))
        elif k == 10:
            # Shifts by immediate.
            op = r.choice(["shl", "sshr", "ushr", "ssra", "usra", "srshr", "urshr", "srsra", "ursra", "sri", "sli",
                           "sqshl", "uqshl", "sqshlu", "sqshrn", "uqshrn", "sqrshrn", "uqrshrn", "sqshrun",
                           "sqrshrun"])
            if op.endswith("n"):
                es = r.choice([8, 16, 32])
                self.emit("%s %s%d, %s%d, #%d" % (op, SCALAR[es], d, SCALAR[2 * es], n, r.randint(1, es)))
            else:
                es = 64 if op in ("shl", "sshr", "ushr", "ssra", "usra", "srshr", "urshr", "srsra", "ursra", "sri",
                                  "sli") else r.choice([8, 16, 32, 64])
                left = op in ("shl", "sli", "sqshl", "uqshl", "sqshlu")
                amt = r.randrange(es) if left else r.randint(1, es)
                self.emit("%s %s%d, %s%d, #%d" % (op, SCALAR[es], d, SCALAR[es], n, amt))
        else:
            kk = r.randrange(3)
            if kk == 0:
                self.emit("addp d%d, v%d.2d" % (d, n))
            elif kk == 1:
                es = r.choice([8, 16, 32, 64])
                self.emit("dup %s%d, v%d.%s[%d]" % (SCALAR[es], d, n, SCALAR[es], r.randrange(128 // es)))
            else:
                t = self.fp_type()
                es = 32 if t == "s" else 64
                op = r.choice(["fmul", "fmla", "fmls", "fmulx"])
                self.emit("%s %s%d, %s%d, v%d.%s[%d]" % (op, t, d, t, n, m, t, r.randrange(128 // es)))

    # ---- vector integer --------------------------------------------------
    def vec_int(self):
        r = self.rng
        d, n, m = self.vr(), self.vr(), self.vr()
        q = r.randrange(2)
        k = r.randrange(10)
        if k <= 2:
            es = r.choice([8, 16, 32] + ([64] if q else []))
            ops = ["add", "sub", "cmeq", "cmge", "cmgt", "cmhi", "cmhs", "cmtst", "sqadd", "uqadd", "sqsub", "uqsub",
                   "sshl", "ushl", "srshl", "urshl", "sqshl", "uqshl", "sqrshl", "uqrshl"]
            if es != 64:
                ops += ["mul", "mla", "mls", "shadd", "uhadd", "srhadd", "urhadd", "shsub", "uhsub", "smax", "smin",
                        "umax", "umin", "smaxp", "sminp", "umaxp", "uminp", "sabd", "uabd", "saba", "uaba"]
            if es in (16, 32):
                ops += ["sqdmulh", "sqrdmulh", "sqrdmlah", "sqrdmlsh"]
            ops += ["addp"]
            self.emit("%s %s, %s, %s" % (r.choice(ops), v(d, es, q), v(n, es, q), v(m, es, q)))
        elif k == 3:
            op = r.choice(["and", "orr", "eor", "bic", "orn", "bsl", "bit", "bif", "pmul"])
            self.emit("%s %s, %s, %s" % (op, v(d, 8, q), v(n, 8, q), v(m, 8, q)))
        elif k == 4:
            # Three different: long, wide, narrow (the "2" forms use the upper halves).
            es = r.choice([8, 16, 32])
            suf = "2" if q else ""
            kk = r.randrange(3)
            if kk == 0:
                ops = ["saddl", "uaddl", "ssubl", "usubl", "sabal", "uabal", "sabdl", "uabdl", "smlal", "umlal",
                       "smlsl", "umlsl", "smull", "umull"]
                if es != 8:
                    ops += ["sqdmull", "sqdmlal", "sqdmlsl"]
                else:
                    ops += ["pmull"]
                self.emit("%s%s %s, %s, %s" % (r.choice(ops), suf, v(d, 2 * es, 1), v(n, es, q), v(m, es, q)))
            elif kk == 1:
                op = r.choice(["saddw", "uaddw", "ssubw", "usubw"])
                self.emit("%s%s %s, %s, %s" % (op, suf, v(d, 2 * es, 1), v(n, 2 * es, 1), v(m, es, q)))
            else:
                op = r.choice(["addhn", "raddhn", "subhn", "rsubhn"])
                self.emit("%s%s %s, %s, %s" % (op, suf, v(d, es, q), v(n, 2 * es, 1), v(m, 2 * es, 1)))
        elif k == 5:
            # Two-register miscellaneous.
            kk = r.randrange(4)
            if kk == 0:
                es = r.choice([8, 16, 32] + ([64] if q else []))
                ops = ["abs", "neg", "sqabs", "sqneg", "suqadd", "usqadd"]
                if es != 64:
                    ops += ["cls", "clz"]
                if es < 64:
                    ops += ["rev64"]
                if es < 32:
                    ops += ["rev32"]
                if es == 8:
                    ops += ["rev16", "cnt", "not", "rbit"]
                if es == 32:
                    ops += ["urecpe", "ursqrte"]
                self.emit("%s %s, %s" % (r.choice(ops), v(d, es, q), v(n, es, q)))
            elif kk == 1:
                es = r.choice([8, 16, 32] + ([64] if q else []))
                op = r.choice(["cmeq", "cmge", "cmgt", "cmle", "cmlt"])
                self.emit("%s %s, %s, #0" % (op, v(d, es, q), v(n, es, q)))
            elif kk == 2:
                es = r.choice([8, 16, 32])
                op = r.choice(["saddlp", "uaddlp", "sadalp", "uadalp"])
                self.emit("%s %s, %s" % (op, v(d, 2 * es, q), v(n, es, q)))
            else:
                es = r.choice([8, 16, 32])
                suf = "2" if q else ""
                op = r.choice(["xtn", "sqxtn", "uqxtn", "sqxtun", "shll"])
                if op == "shll":
                    self.emit("shll%s %s, %s, #%d" % (suf, v(d, 2 * es, 1), v(n, es, q), es))
                else:
                    self.emit("%s%s %s, %s" % (op, suf, v(d, es, q), v(n, 2 * es, 1)))
        elif k == 6:
            # Shifts by immediate.
            es = r.choice([8, 16, 32] + ([64] if q else []))
            op = r.choice(["shl", "sshr", "ushr", "ssra", "usra", "srshr", "urshr", "srsra", "ursra", "sri", "sli",
                           "sqshl", "uqshl", "sqshlu", "narrow", "long"])
            if op == "narrow" and es < 64:
                op = r.choice(["shrn", "rshrn", "sqshrn", "uqshrn", "sqrshrn", "uqrshrn", "sqshrun", "sqrshrun"])
                self.emit("%s%s %s, %s, #%d" % (op, "2" if q else "", v(d, es, q), v(n, 2 * es, 1),
                                                r.randint(1, es)))
            elif op == "long" and es < 64:
                op = r.choice(["sshll", "ushll"])
                self.emit("%s%s %s, %s, #%d" % (op, "2" if q else "", v(d, 2 * es, 1), v(n, es, q),
                                                r.randrange(es)))
            elif op not in ("narrow", "long"):
                left = op in ("shl", "sli", "sqshl", "uqshl", "sqshlu")
                amt = r.randrange(es) if left else r.randint(1, es)
                self.emit("%s %s, %s, #%d" % (op, v(d, es, q), v(n, es, q), amt))
        elif k == 7:
            # By element.
            es = r.choice([16, 32])
            mm = r.randrange(16) if es == 16 else m
            idx = r.randrange(128 // es)
            t = SCALAR[es]
            if r.random() < 0.5:
                op = r.choice(["mul", "mla", "mls", "sqdmulh", "sqrdmulh", "sqrdmlah", "sqrdmlsh"])
                self.emit("%s %s, %s, v%d.%s[%d]" % (op, v(d, es, q), v(n, es, q), mm, t, idx))
            else:
                op = r.choice(["smull", "umull", "smlal", "umlal", "smlsl", "umlsl", "sqdmull", "sqdmlal",
                               "sqdmlsl"])
                self.emit("%s%s %s, %s, v%d.%s[%d]" % (op, "2" if q else "", v(d, 2 * es, 1), v(n, es, q), mm, t,
                                                        idx))
        elif k == 8:
            # Modified immediate.
            kk = r.randrange(4)
            if kk == 0:
                es = r.choice([8, 16, 32])
                if es == 8:
                    self.emit("movi %s, #0x%x" % (v(d, 8, q), r.randrange(256)))
                else:
                    op = r.choice(["movi", "mvni", "orr", "bic"])
                    sh = 8 * r.randrange(es // 8)
                    self.emit("%s %s, #0x%x, lsl #%d" % (op, v(d, es, q), r.randrange(256), sh))
            elif kk == 1:
                self.emit("%s %s, #0x%x, msl #%d" % (r.choice(["movi", "mvni"]), v(d, 32, q), r.randrange(256),
                                                     r.choice([8, 16])))
            elif kk == 2:
                bits = r.randrange(256)
                imm = 0
                for i in range(8):
                    if bits >> i & 1:
                        imm |= 0xff << (8 * i)
                if q:
                    self.emit("movi v%d.2d, #0x%x" % (d, imm))
                else:
                    self.emit("movi d%d, #0x%x" % (d, imm))
            else:
                self.fp_imm()
        else:
            # Across lanes.
            es = r.choice([8, 16, 32] if q else [8, 16])
            op = r.choice(["addv", "smaxv", "sminv", "umaxv", "uminv", "saddlv", "uaddlv"])
            dt = SCALAR[2 * es] if op.endswith("lv") else SCALAR[es]
            self.emit("%s %s%d, %s" % (op, dt, d, v(n, es, q)))

    # ---- vector floating point ------------------------------------------
    def vec_fp(self):
        r = self.rng
        d, n, m = self.vr(), self.vr(), self.vr()
        es = r.choice([32, 64])
        q = 1 if es == 64 else r.randrange(2)
        k = r.randrange(8)
        if k <= 1:
            op = r.choice(["fadd", "fsub", "fmul", "fdiv", "fmax", "fmin", "fmaxnm", "fminnm", "fmla", "fmls",
                           "fabd", "faddp", "fmaxp", "fminp", "fmaxnmp", "fminnmp", "fmulx", "frecps", "frsqrts",
                           "fcmeq", "fcmge", "fcmgt", "facge", "facgt"])
            self.emit("%s %s, %s, %s" % (op, v(d, es, q), v(n, es, q), v(m, es, q)))
        elif k == 2:
            op = r.choice(["fabs", "fneg", "fsqrt", "frintn", "frintp", "frintm", "frintz", "frinta", "frintx",
                           "frinti", "fcvtns", "fcvtnu", "fcvtms", "fcvtmu", "fcvtps", "fcvtpu", "fcvtzs", "fcvtzu",
                           "fcvtas", "fcvtau", "scvtf", "ucvtf", "frecpe", "frsqrte"])
            self.emit("%s %s, %s" % (op, v(d, es, q), v(n, es, q)))
        elif k == 3:
            if r.random() < 0.5:
                op = r.choice(["fcmeq", "fcmge", "fcmgt", "fcmle", "fcmlt"])
                self.emit("%s %s, %s, #0.0" % (op, v(d, es, q), v(n, es, q)))
            else:
                op = r.choice(["fcvtzs", "fcvtzu", "scvtf", "ucvtf"])
                self.emit("%s %s, %s, #%d" % (op, v(d, es, q), v(n, es, q), r.randint(1, es)))
        elif k == 4:
            # Precision changes: FCVTL/FCVTN (half uses AHP), FCVTXN.
            q = r.randrange(2)
            suf = "2" if q else ""
            kk = r.randrange(3)
            if kk == 0:
                src = r.choice([16, 32])
                self.emit("fcvtl%s %s, %s" % (suf, v(d, 2 * src, 1), v(n, src, q)))
            elif kk == 1:
                dst = r.choice([16, 32])
                self.emit("fcvtn%s %s, %s" % (suf, v(d, dst, q), v(n, 2 * dst, 1)))
            else:
                self.emit("fcvtxn%s %s, %s" % (suf, v(d, 32, q), v(n, 64, 1)))
        elif k == 5:
            op = r.choice(["fmul", "fmla", "fmls", "fmulx"])
            self.emit("%s %s, %s, v%d.%s[%d]" % (op, v(d, es, q), v(n, es, q), m, SCALAR[es],
                                                 r.randrange(128 // es)))
        elif k == 6:
            # Complex arithmetic (ARMv8.3 FCMLA/FCADD).
            if r.random() < 0.4:
                self.emit("fcadd %s, %s, %s, #%d" % (v(d, es, q), v(n, es, q), v(m, es, q), r.choice([90, 270])))
            elif r.random() < 0.6 or es == 64 or not q:
                self.emit("fcmla %s, %s, %s, #%d" % (v(d, es, q), v(n, es, q), v(m, es, q),
                                                     r.choice([0, 90, 180, 270])))
            else:
                self.emit("fcmla %s, %s, v%d.s[%d], #%d" % (v(d, 32, 1), v(n, 32, 1), m, r.randrange(2),
                                                            r.choice([0, 90, 180, 270])))
        else:
            op = r.choice(["fmaxv", "fminv", "fmaxnmv", "fminnmv"])
            self.emit("%s s%d, v%d.4s" % (op, d, n))

    # ---- permutes, tables, element moves --------------------------------
    def permute(self):
        r = self.rng
        d, n, m = self.vr(), self.vr(), self.vr()
        q = r.randrange(2)
        k = r.randrange(6)
        if k == 0:
            es = r.choice([8, 16, 32] + ([64] if q else []))
            op = r.choice(["zip1", "zip2", "uzp1", "uzp2", "trn1", "trn2"])
            self.emit("%s %s, %s, %s" % (op, v(d, es, q), v(n, es, q), v(m, es, q)))
        elif k == 1:
            self.emit("ext %s, %s, %s, #%d" % (v(d, 8, q), v(n, 8, q), v(m, 8, q), r.randrange(16 if q else 8)))
        elif k == 2:
            cnt = r.randint(1, 4)
            regs = ", ".join("v%d.16b" % ((n + i) % 32) for i in range(cnt))
            self.emit("%s %s, {%s}, %s" % (r.choice(["tbl", "tbx"]), v(d, 8, q), regs, v(m, 8, q)))
        elif k == 3:
            es = r.choice([8, 16, 32, 64])
            if es == 64:
                q = 1
            if r.random() < 0.5:
                self.emit("dup %s, v%d.%s[%d]" % (v(d, es, q), n, SCALAR[es], r.randrange(128 // es)))
            else:
                self.emit("dup %s, %s" % (v(d, es, q), rb.xr(self.xs(), 1 if es == 64 else 0)))
        elif k == 4:
            es = r.choice([8, 16, 32, 64])
            t = SCALAR[es]
            if r.random() < 0.5:
                self.emit("mov v%d.%s[%d], v%d.%s[%d]" % (d, t, r.randrange(128 // es), n, t, r.randrange(128 // es)))
            else:
                self.emit("mov v%d.%s[%d], %s" % (d, t, r.randrange(128 // es), rb.xr(self.xs(), 1 if es == 64
                                                                                       else 0)))
        else:
            es = r.choice([8, 16, 32, 64])
            t = SCALAR[es]
            kk = r.randrange(2)
            if kk == 0:
                self.emit("umov %s, v%d.%s[%d]" % (rb.xr(self.xd(), 1 if es == 64 else 0), n, t,
                                                   r.randrange(128 // es)))
            elif es < 64:
                sf = 1 if es == 32 else r.randrange(2)
                self.emit("smov %s, v%d.%s[%d]" % (rb.xr(self.xd(), sf), n, t, r.randrange(128 // es)))

    # ---- loads and stores -------------------------------------------------
    def set_base(self, b, addr_off):
        self.emit("mov %s, #%d" % (rb.xr(b), addr_off), "add %s, x28, %s" % (rb.xr(b), rb.xr(b)))

    def ldst_struct(self):
        r = self.rng
        b = r.choice(FREE)
        t = self.vr()
        load = r.random() < 0.6
        kind = r.randrange(3) if load else r.randrange(2)
        if kind == 0:
            # Multiple structures: LD1 with 1-4 registers, LD2-4 interleaved.
            q = r.randrange(2)
            es = r.choice([8, 16, 32, 64])
            if es == 64 and not q:
                nst = 1
            else:
                nst = r.randint(1, 4)
            nreg = r.randint(1, 4) if nst == 1 else nst
            regs = ", ".join(v((t + i) % 32, es, q) for i in range(nreg))
            size = nreg * (16 if q else 8)
            mn = ("ld%d" if load else "st%d") % nst
        elif kind == 1:
            # Single structure to/from one lane.
            es = r.choice([8, 16, 32, 64])
            nst = r.randint(1, 4)
            idx = r.randrange(128 // es)
            regs = ", ".join("v%d.%s" % ((t + i) % 32, SCALAR[es]) for i in range(nst))
            size = nst * es // 8
            mn = ("ld%d" if load else "st%d") % nst
        else:
            # Load and replicate.
            q = r.randrange(2)
            es = r.choice([8, 16, 32, 64])
            nst = r.randint(1, 4)
            regs = ", ".join(v((t + i) % 32, es, q) for i in range(nst))
            size = nst * es // 8
            mn = "ld%dr" % nst
        a = r.randrange(0, BUF - size + 1)
        close = "[%d]" % idx if kind == 1 else ""
        mode = r.randrange(3)
        if mode == 0:
            self.set_base(b, a)
            self.emit("%s {%s}%s, [%s]" % (mn, regs, close, rb.xr(b)))
        elif mode == 1:
            self.set_base(b, a)
            self.emit("%s {%s}%s, [%s], #%d" % (mn, regs, close, rb.xr(b), size))
        else:
            m = r.choice([x for x in FREE if x != b])
            self.set_base(b, a)
            self.emit("mov %s, #%d" % (rb.xr(m), r.randint(-64, 64)))
            self.emit("%s {%s}%s, [%s], %s" % (mn, regs, close, rb.xr(b), rb.xr(m)))

    def ldst_reg(self):
        r = self.rng
        b = r.choice(FREE)
        t = r.choice("bhsdq")
        size = {"b": 1, "h": 2, "s": 4, "d": 8, "q": 16}[t]
        load = r.random() < 0.5
        k = r.randrange(6)
        if k == 0:
            a = size * r.randrange(BUF // size)
            imm = size * r.randrange(0, a // size + 1)
            self.set_base(b, a - imm)
            self.emit("%s %s%d, [%s, #%d]" % ("ldr" if load else "str", t, self.vr(), rb.xr(b), imm))
        elif k == 1:
            a = r.randrange(0, BUF - size + 1)
            imm = r.randint(-256, 255)
            self.set_base(b, a - imm)
            self.emit("%s %s%d, [%s, #%d]" % ("ldur" if load else "stur", t, self.vr(), rb.xr(b), imm))
        elif k == 2:
            a = r.randrange(0, BUF - size + 1)
            imm = r.randint(-256, 255)
            pre = r.random() < 0.5
            self.set_base(b, a - imm if pre else a)
            fmt = "%s %s%d, [%s, #%d]!" if pre else "%s %s%d, [%s], #%d"
            self.emit(fmt % ("ldr" if load else "str", t, self.vr(), rb.xr(b), imm))
        elif k == 3:
            a = r.randrange(0, BUF - size + 1)
            m = r.choice([x for x in FREE if x != b])
            idx = r.randint(-32, 32)
            shift = size.bit_length() - 1 if r.random() < 0.5 else 0
            self.set_base(b, a - (idx << shift))
            self.emit("mov %s, #%d" % (rb.xr(m), idx))
            amount = ", lsl #%d" % shift if shift else ""
            self.emit("%s %s%d, [%s, %s%s]" % ("ldr" if load else "str", t, self.vr(), rb.xr(b), rb.xr(m), amount))
        elif k == 4 and t in "sdq":
            # Pairs: a load never names one register twice (UNPREDICTABLE).
            t1, t2 = r.sample(range(32), 2)
            imm = size * r.randint(-8, 7)
            a = r.randrange(max(0, -imm), BUF - 2 * size + 1)
            mode = r.randrange(3)
            mn = ("ldp" if load else "stp") if mode or r.random() < 0.7 else ("ldnp" if load else "stnp")
            if mode == 0:
                self.set_base(b, a - imm)
                self.emit("%s %s%d, %s%d, [%s, #%d]" % (mn, t, t1, t, t2, rb.xr(b), imm))
            elif mode == 1:
                self.set_base(b, a - imm)
                self.emit("%s %s%d, %s%d, [%s, #%d]!" % (mn, t, t1, t, t2, rb.xr(b), imm))
            else:
                self.set_base(b, a)
                self.emit("%s %s%d, %s%d, [%s], #%d" % (mn, t, t1, t, t2, rb.xr(b), imm))
        elif t in "sdq":
            self.emit("ldr %s%d, fp_literal_pool+%d" % (t, self.vr(), 16 * r.randrange(16)))

    # ---- cryptography -----------------------------------------------------
    def crypto(self):
        r = self.rng
        d, n, m = self.vr(), self.vr(), self.vr()
        k = r.randrange(6)
        if k == 0:
            self.emit("%s v%d.16b, v%d.16b" % (r.choice(["aese", "aesd", "aesmc", "aesimc"]), d, n))
        elif k == 1:
            self.emit("%s q%d, s%d, v%d.4s" % (r.choice(["sha1c", "sha1p", "sha1m"]), d, n, m))
        elif k == 2:
            if r.random() < 0.5:
                self.emit("sha1h s%d, s%d" % (d, n))
            elif r.random() < 0.5:
                self.emit("sha1su0 v%d.4s, v%d.4s, v%d.4s" % (d, n, m))
            else:
                self.emit("sha1su1 v%d.4s, v%d.4s" % (d, n))
        elif k == 3:
            self.emit("%s q%d, q%d, v%d.4s" % (r.choice(["sha256h", "sha256h2"]), d, n, m))
        elif k == 4:
            if r.random() < 0.5:
                self.emit("sha256su0 v%d.4s, v%d.4s" % (d, n))
            else:
                self.emit("sha256su1 v%d.4s, v%d.4s, v%d.4s" % (d, n, m))
        else:
            q = r.randrange(2)
            self.emit("pmull%s v%d.1q, %s, %s" % ("2" if q else "", d, v(n, 64, q), v(m, 64, q)))

    def fpcr_change(self):
        """A new FPCR in the middle of a block (rounding-mode, FZ, DN, AHP switches)."""
        x = self.xd()
        self.fpcr = random_fpcr(self.rng)
        self.emit("mov %s, #0x%x" % (rb.xr(x), self.fpcr), "msr fpcr, %s" % rb.xr(x))

    def random_item(self):
        gens = [(self.fp_dp, 10), (self.fp_cmp, 4), (self.fp_imm, 1), (self.fp_gpr, 6), (self.simd_scalar, 8),
                (self.vec_int, 16), (self.vec_fp, 12), (self.permute, 6), (self.ldst_struct, 4), (self.ldst_reg, 4),
                (self.crypto, 3), (self.fpcr_change, 1)]
        total = sum(w for _, w in gens)
        x = self.rng.uniform(0, total)
        for g, w in gens:
            x -= w
            if x <= 0:
                g()
                return
        gens[-1][0]()


# Special single and double values (bit patterns).
F32 = [0x00000000, 0x80000000, 0x7f800000, 0xff800000, 0x7fc00000, 0xffc00000, 0x7fc12345, 0x7f800001,
       0xff812345, 0x7fbfffff, 0x00000001, 0x807fffff, 0x00400000, 0x00800000, 0x80800000, 0x7f7fffff, 0xff7fffff,
       0x3f800000, 0xbf800000, 0x3f000000, 0x3fc00000, 0x40200000, 0xc0200000, 0x4f000000, 0x4effffff,
       0xcf000000, 0xcf000001, 0x4f800000, 0x4f7fffff, 0x5f000000, 0x5effffff, 0xdf000000, 0x5f800000,
       0x3effffff, 0x3f7fffff, 0x4b000000, 0x4affffff, 0x33800000, 0x38800000, 0x477fe000, 0x477ff000]
F64 = [0x0000000000000000, 0x8000000000000000, 0x7ff0000000000000, 0xfff0000000000000, 0x7ff8000000000000,
       0xfff8000000000000, 0x7ff8000000012345, 0x7ff0000000000001, 0xfff4000000abcdef, 0x0000000000000001,
       0x800fffffffffffff, 0x0010000000000000, 0x7fefffffffffffff, 0x3ff0000000000000, 0xbff0000000000000,
       0x3fe0000000000000, 0x4004000000000000, 0xc004000000000000, 0x41dfffffffc00000, 0x41e0000000000000,
       0xc1e0000000000000, 0xc1e0000000200000, 0x41efffffffe00000, 0x41f0000000000000, 0x43e0000000000000,
       0x43dfffffffffffff, 0xc3e0000000000000, 0x43f0000000000000, 0x4330000000000000, 0x432fffffffffffff,
       0x3fdfffffffffffff, 0x36a0000000000000, 0x3810000000000000, 0x380fffffffffffff, 0x47efffffe0000000,
       0x47effffff0000000, 0x7fe0000000000000, 0x000fffffffffffff]


def f32_value(rng):
    k = rng.randrange(4)
    if k == 0:
        return rng.choice(F32)
    if k == 1:
        return struct.unpack("<I", struct.pack("<f", rng.uniform(-3e4, 3e4)))[0]
    if k == 2:   # small exponent range: products, sums and rounding are interesting
        return (rng.getrandbits(1) << 31) | (rng.randint(120, 135) << 23) | rng.getrandbits(23)
    return rng.getrandbits(32)


def f64_value(rng):
    k = rng.randrange(4)
    if k == 0:
        return rng.choice(F64)
    if k == 1:
        return struct.unpack("<Q", struct.pack("<d", rng.uniform(-3e9, 3e9)))[0]
    if k == 2:
        return (rng.getrandbits(1) << 63) | (rng.randint(1015, 1035) << 52) | rng.getrandbits(52)
    return rng.getrandbits(64)


def vreg_value(rng):
    """128 random bits as two 64-bit halves, in one of a few lane flavours."""
    k = rng.randrange(5)
    if k == 0:
        lanes = [f32_value(rng) for _ in range(4)]
        return lanes[0] | lanes[1] << 32, lanes[2] | lanes[3] << 32
    if k == 1:
        return f64_value(rng), f64_value(rng)
    if k == 2:
        return rb.random_value(rng), rb.random_value(rng)
    if k == 3:   # half-precision lanes: specials and random
        h = [rng.choice([0, 0x8000, 0x7c00, 0xfc00, 0x7e00, 0x7c01, 0x7d23, 0x0001, 0x03ff, 0x0400, 0x7bff, 0x3c00,
                         0xbc00, 0x3800]) if rng.random() < 0.5 else rng.getrandbits(16) for _ in range(8)]
        lo = sum(x << (16 * i) for i, x in enumerate(h[:4]))
        hi = sum(x << (16 * i) for i, x in enumerate(h[4:]))
        return lo, hi
    return rng.getrandbits(64), rng.getrandbits(64)


def random_fpcr(rng):
    """AHP (26), DN (25), FZ (24), RMode (23:22); FZ16 and the trap enables stay 0."""
    return (rng.randrange(2) << 26 | rng.randrange(2) << 25 | (rng.random() < 0.3) << 24 |
            rng.randrange(4) << 22)


def random_fpsr(rng):
    if rng.random() < 0.6:
        return 0
    return rng.choice([0, 1]) << 27 | rng.randrange(256) & 0x9f


class Program:
    def __init__(self, seed, nblocks, ninsns):
        self.seed = seed
        rng = random.Random(seed)
        self.blocks = []
        for i in range(nblocks):
            regs = [rb.random_value(rng) for _ in range(31)]
            nzcv = rng.randrange(16) << 28
            fpcr, fpsr = random_fpcr(rng), random_fpsr(rng)
            vregs = [vreg_value(rng) for _ in range(32)]
            buf = bytearray()
            while len(buf) < BUF:
                k = rng.randrange(3)
                if k == 0:
                    buf += struct.pack("<I", f32_value(rng))
                elif k == 1:
                    buf += struct.pack("<Q", f64_value(rng))
                else:
                    buf += bytes(rng.getrandbits(8) for _ in range(8))
            buf = bytes(buf[:BUF])
            blk = Block(rng, "b%d" % i, fpcr)
            while len(blk.lines) < ninsns:
                blk.random_item()
            self.blocks.append(dict(regs=regs, nzcv=nzcv, fpcr=fpcr, fpsr=fpsr, vregs=vregs, buf=buf,
                                    lines=blk.lines))
        self.literals = [vreg_value(rng) for _ in range(17)]

    def assembly(self):
        out = [ARCH, ".text", ".globl _start", "_start:"]
        for i, b in enumerate(self.blocks):
            # X28 = the state area while loading and storing (every offset is
            # positive and in range), the buffer while the block runs.
            out += ["// block %d" % i, "adrp x28, state%d" % i, "add x28, x28, :lo12:state%d" % i]
            for k in range(0, 32, 2):
                out.append("ldp q%d, q%d, [x28, #%d]" % (k, k + 1, V_OFF + 16 * k))
            out += ["ldp x0, x1, [x28, #%d]" % FPCR_OFF, "msr fpcr, x0", "msr fpsr, x1",
                    "ldp x30, x0, [x28, #%d]" % (8 * 30), "msr nzcv, x0"]
            for k in range(0, 30, 2):
                if k != BASE:
                    out.append("ldp x%d, x%d, [x28, #%d]" % (k, k + 1, 8 * k))
            out += ["ldp x29, x30, [x28, #%d]" % (8 * 29), "add x28, x28, #%d" % STATE]
            out += b["lines"]
            out += ["sub x28, x28, #%d" % STATE]
            for k in range(0, 30, 2):
                out.append("stp x%d, x%d, [x28, #%d]" % (k, k + 1, 8 * k))
            out += ["mrs x0, nzcv", "stp x30, x0, [x28, #%d]" % (8 * 30),
                    "mrs x0, fpcr", "mrs x1, fpsr", "stp x0, x1, [x28, #%d]" % FPCR_OFF]
            for k in range(0, 32, 2):
                out.append("stp q%d, q%d, [x28, #%d]" % (k, k + 1, V_OFF + 16 * k))
            out += ["mov x0, #1", "mov x1, x28", "mov x2, #%d" % RECORD, "mov x8, #64", "svc #0"]
        out += ["mov x0, #0", "mov x8, #93", "svc #0", ".balign 16", "fp_literal_pool:"]
        out += [".quad 0x%x, 0x%x" % lit for lit in self.literals]
        out += [".data"]
        for i, b in enumerate(self.blocks):
            state = b["regs"] + [b["nzcv"], b["fpcr"], b["fpsr"]]
            out += [".balign 16", "state%d:" % i]
            out += [".quad " + ", ".join("0x%x" % x for x in state[k:k + 8]) for k in range(0, len(state), 8)]
            out += [".zero %d" % (V_OFF - 8 * len(state))]
            out += [".quad 0x%x, 0x%x" % vv for vv in b["vregs"]]
            out += ["buf%d:" % i]   # right after V31 (STATE == V_OFF + 512)
            out += [".byte " + ", ".join(str(x) for x in b["buf"][k:k + 32]) for k in range(0, BUF, 32)]
        return "\n".join(out) + "\n"


def report_record(a, s, b, before=None):
    """Differences between two records (qemu's a, the simulator's s)."""
    lines = []
    ra, rs = struct.unpack("<34Q", a[:272]), struct.unpack("<34Q", s[:272])
    init_x = struct.unpack("<31Q", before[:248]) if before else b["regs"]
    for k in range(31):
        if ra[k] != rs[k]:
            lines.append("  x%-2d  qemu %016x  sim %016x  (before %016x)" % (k, ra[k], rs[k], init_x[k]))
    for k, name in ((31, "nzcv"), (32, "fpcr"), (33, "fpsr")):
        if ra[k] != rs[k]:
            lines.append("  %s qemu %08x  sim %08x" % (name, ra[k], rs[k]))
    for k in range(32):
        va = a[V_OFF + 16 * k:V_OFF + 16 * k + 16]
        vs = s[V_OFF + 16 * k:V_OFF + 16 * k + 16]
        if va != vs:
            if before:
                init = before[V_OFF + 16 * k:V_OFF + 16 * k + 16][::-1].hex()
            else:
                init = "%016x%016x" % b["vregs"][k][::-1]
            lines.append("  v%-2d  qemu %s  sim %s  (before %s)" % (k, va[::-1].hex(), vs[::-1].hex(), init))
    diffs = [k for k in range(BUF) if a[STATE + k] != s[STATE + k]]
    if diffs:
        lines.append("  buffer differs at %d bytes, first offsets: %s" %
                     (len(diffs), " ".join("+%d(%02x/%02x)" % (k, a[STATE + k], s[STATE + k]) for k in diffs[:12])))
    return lines


def report(prog, ref, sim):
    rc_ref, out_ref, _ = ref
    rc_sim, out_sim, err_sim = sim
    lines = ["MISMATCH seed %d: exit qemu=%s sim=%s, stdout %d vs %d bytes" %
             (prog.seed, rc_ref, rc_sim, len(out_ref), len(out_sim))]
    for i, b in enumerate(prog.blocks):
        a = out_ref[i * RECORD:(i + 1) * RECORD]
        s = out_sim[i * RECORD:(i + 1) * RECORD]
        if a == s:
            continue
        lines.append("  block %d (seed %d): first differing block; initial FPCR %08x FPSR %08x NZCV %x" %
                     (i, prog.seed, b["fpcr"], b["fpsr"], b["nzcv"] >> 28))
        if len(s) < RECORD:
            lines.append("  simulator output ends before this block's record (crash, trap or exit); stderr:")
            lines += ["    " + l for l in err_sim.strip().splitlines()[-8:]]
        else:
            lines += report_record(a, s, b)
        lines.append("BLOCK_INDEX %d" % i)
        lines.append("  initial X: " + " ".join("x%d=%x" % (k, x) for k, x in enumerate(b["regs"])))
        lines.append("  instructions:")
        lines += ["    " + l for l in b["lines"]]
        break
    return "\n".join(lines)


REG_RE = re.compile(r"\b([vqdshbxw])(\d+)\b")


def encode(line, workdir):
    """The instruction word GNU as makes of one line (for reports)."""
    src = os.path.join(workdir, "one.s")
    with open(src, "w") as f:
        f.write(ARCH + "\n" + line + "\n")
    obj, raw = src[:-2] + ".o", src[:-2] + ".bin"
    try:
        subprocess.run(["aarch64-linux-gnu-as", "-o", obj, src], check=True, capture_output=True)
        subprocess.run(["aarch64-linux-gnu-objcopy", "-O", "binary", "-j", ".text", obj, raw], check=True)
        with open(raw, "rb") as f:
            return " ".join("%08x" % w for w in struct.unpack("<%dI" % (os.path.getsize(raw) // 4), f.read()))
    except (subprocess.CalledProcessError, OSError):
        return "?"


def isolate(prog, index, sim_cmd, workdir, timeout):
    """Runs every prefix of block `index` (one program, one block per prefix
    length) to find the first instruction after which the states differ;
    returns a report of it with its input registers (qemu's state before)."""
    b = prog.blocks[index]
    sub = Program.__new__(Program)
    sub.seed = 10 ** 6 + prog.seed * 1000 + index
    sub.literals = prog.literals
    sub.blocks = [dict(b, lines=b["lines"][:k]) for k in range(len(b["lines"]) + 1)]
    exe = rb.build(sub, workdir)
    ref = rb.run(["qemu-aarch64"], exe, timeout)
    sim = rb.run(sim_cmd, exe, timeout)
    for k in range(1, len(sub.blocks)):
        a = ref[1][k * RECORD:(k + 1) * RECORD]
        if a == sim[1][k * RECORD:(k + 1) * RECORD]:
            continue
        before = ref[1][(k - 1) * RECORD:k * RECORD]
        line = b["lines"][k - 1]
        out = ["  first differing instruction: %s   (word %s)" % (line, encode(line, workdir))]
        x = struct.unpack("<34Q", before[:272])
        out.append("    before: fpcr %08x fpsr %08x nzcv %x" % (x[32], x[33], x[31] >> 28))
        for kind, num in REG_RE.findall(line.split("//")[0]):
            n = int(num)
            if kind in "xw" and n < 31:
                out.append("    before: x%d = %016x" % (n, x[n]))
            elif kind not in "xw" and n < 32:
                out.append("    before: v%d = %s" % (n, before[V_OFF + 16 * n:V_OFF + 16 * n + 16][::-1].hex()))
        out.append("    after (qemu vs sim):")
        out += ["  " + l for l in report_record(a, sim[1][k * RECORD:(k + 1) * RECORD], b, before)]
        return "\n".join(out)
    return "  (no single prefix differs: the difference needs the whole program)"


def explain(prog, ref, sim, sim_cmd, workdir, isolate_first=True, timeout=120):
    text = report(prog, ref, sim)
    m = re.search(r"^BLOCK_INDEX (\d+)$", text, re.M)
    if m:
        iso = isolate(prog, int(m.group(1)), sim_cmd, workdir, timeout) if isolate_first else ""
        text = text.replace(m.group(0), iso)
    return text


def main():
    ap = rb.campaign_args(__doc__, blocks=40)
    ap.add_argument("--no-isolate", dest="isolate", action="store_false",
                    help="do not search for the first differing instruction of a mismatching block")
    a = ap.parse_args()
    return rb.run_campaign(
        a, Program, RECORD,
        lambda prog, ref, sim, sim_cmd, workdir: explain(prog, ref, sim, sim_cmd, workdir, a.isolate, a.timeout),
        "random_fp_blocks", "random FP/SIMD blocks")


if __name__ == "__main__":
    sys.exit(main())
