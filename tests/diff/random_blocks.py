#!/usr/bin/env python3
"""Differential execution of random A64 instruction blocks: qemu-aarch64 vs a64sim.

Each seed makes one -nostdlib static program holding --blocks blocks. A block:
  1. loads random initial state: X0-X27, X29, X30 and NZCV from its state area;
     X28 points at the block's own random data buffer (and is never written);
  2. runs --insns random valid base-ISA instructions (integer ALU with flags,
     bitfield, shifts, mul/div, conditional select/compare, forward branches,
     CRC32, NZCV/TPIDR_EL0 moves, prefetches,
     loads/stores of every size and addressing mode into the buffer, LSE
     atomics, exclusive pairs);
  3. stores X0-X30 and NZCV back to the state area and writes state area +
     buffer to stdout with the write syscall.
SP is never touched (its value differs between emulators); everything else is
at fixed addresses, so both runs must print the same bytes. On a difference the
seed, block, differing registers/bytes and the block's instructions are printed.

  random_blocks.py --sim BIN_OR_qemu --seeds 1-40 [--blocks 50] [--insns 40] [--keep DIR]
The simulator runs with the engine option in $A64SIM_ENGINE (default --engine=jit).
"""
import argparse
import concurrent.futures
import os
import random
import shutil
import struct
import subprocess
import sys
import tempfile

BUF = 1024          # data buffer per block (bytes)
STATE = 512         # state area before the buffer: X0-X30 at 0, NZCV at 248
NZCV_OFF = 248     # right after X30: one STP stores both
RECORD = STATE + BUF
BASE = 28           # X28: the buffer pointer, never a destination
FREE = [r for r in range(31) if r != BASE]   # destinations / scratch
CONDS = "eq ne cs cc mi pl vs vc hi ls ge lt gt le al nv".split()
ARCH = "-march=armv8.3-a+crc+lse+rcpc"


def xr(r, sf=1):
    """General-purpose register r (31 = zero register) as X or W."""
    if r == 31:
        return "xzr" if sf else "wzr"
    return ("x%d" if sf else "w%d") % r


class Block:
    """Random instructions for one block; keeps the list for reports."""

    def __init__(self, rng, label):
        self.rng = rng
        self.label = label
        self.lines = []
        self.nlabel = 0

    def emit(self, *lines):
        self.lines.extend(lines)

    def local(self):
        self.nlabel += 1
        return "%s_l%d" % (self.label, self.nlabel)

    # Register pickers.
    def dst(self, allow_zr=True):
        r = self.rng
        return 31 if allow_zr and r.random() < 0.05 else r.choice(FREE)

    def src(self, allow_zr=True):
        r = self.rng
        if allow_zr and r.random() < 0.08:
            return 31
        return r.choice(FREE + [BASE]) if r.random() < 0.05 else r.choice(FREE)

    def distinct(self, n, exclude=()):
        return self.rng.sample([x for x in FREE if x not in exclude], n)

    # ---- data processing -------------------------------------------------
    def addsub_imm(self):
        r, sf = self.rng, self.rng.randint(0, 1)
        op = r.choice(["add", "adds", "sub", "subs"])
        # Rn = 31 would be SP: never. Rd = 31 is SP without S, XZR with S.
        d = self.dst(allow_zr=op.endswith("s"))
        sh = ", lsl #12" if r.random() < 0.3 else ""
        self.emit("%s %s, %s, #%d%s" % (op, xr(d, sf), xr(self.src(False), sf), r.randint(0, 4095), sh))

    def addsub_shift(self):
        r, sf = self.rng, self.rng.randint(0, 1)
        op = r.choice(["add", "adds", "sub", "subs"])
        sh = r.choice(["lsl", "lsr", "asr"])
        self.emit("%s %s, %s, %s, %s #%d" % (op, xr(self.dst(), sf), xr(self.src(), sf), xr(self.src(), sf),
                                            sh, r.randrange(32 << sf)))

    def addsub_ext(self):
        r, sf = self.rng, self.rng.randint(0, 1)
        op = r.choice(["add", "adds", "sub", "subs"])
        ext = r.choice(["uxtb", "uxth", "uxtw", "sxtb", "sxth", "sxtw"] + (["uxtx", "sxtx"] if sf else []))
        m = xr(self.src(), 1 if ext in ("uxtx", "sxtx") else 0)
        d = self.dst(allow_zr=op.endswith("s"))
        self.emit("%s %s, %s, %s, %s #%d" % (op, xr(d, sf), xr(self.src(False), sf), m, ext, r.randint(0, 4)))

    def adc(self):
        r, sf = self.rng, self.rng.randint(0, 1)
        op = r.choice(["adc", "adcs", "sbc", "sbcs"])
        self.emit("%s %s, %s, %s" % (op, xr(self.dst(), sf), xr(self.src(), sf), xr(self.src(), sf)))

    def bitmask_imm(self, sf):
        """A random value encodable as a logical immediate (ARM ARM DecodeBitMasks)."""
        r = self.rng
        esize = r.choice([2, 4, 8, 16, 32] + ([64] if sf else []))
        ones = r.randint(1, esize - 1)
        rot = r.randrange(esize)
        elem = (1 << ones) - 1
        elem = ((elem >> rot) | (elem << (esize - rot))) & ((1 << esize) - 1)
        width = 64 if sf else 32
        v = 0
        for i in range(0, width, esize):
            v |= elem << i
        return v

    def logical_imm(self):
        r, sf = self.rng, self.rng.randint(0, 1)
        op = r.choice(["and", "orr", "eor", "ands"])
        d = self.dst(allow_zr=(op == "ands"))
        self.emit("%s %s, %s, #0x%x" % (op, xr(d, sf), xr(self.src(), sf), self.bitmask_imm(sf)))

    def logical_shift(self):
        r, sf = self.rng, self.rng.randint(0, 1)
        op = r.choice(["and", "bic", "orr", "orn", "eor", "eon", "ands", "bics"])
        sh = r.choice(["lsl", "lsr", "asr", "ror"])
        self.emit("%s %s, %s, %s, %s #%d" % (op, xr(self.dst(), sf), xr(self.src(), sf), xr(self.src(), sf),
                                            sh, r.randrange(32 << sf)))

    def movewide(self):
        r, sf = self.rng, self.rng.randint(0, 1)
        op = r.choice(["movz", "movn", "movk"])
        self.emit("%s %s, #0x%x, lsl #%d" % (op, xr(self.dst(False), sf), r.randrange(65536),
                                            16 * r.randrange(4 if sf else 2)))

    def bitfield(self):
        r, sf = self.rng, self.rng.randint(0, 1)
        if r.random() < 0.25:
            self.emit("extr %s, %s, %s, #%d" % (xr(self.dst(), sf), xr(self.src(), sf), xr(self.src(), sf),
                                                r.randrange(32 << sf)))
            return
        op = r.choice(["sbfm", "bfm", "ubfm"])
        n = 32 << sf
        self.emit("%s %s, %s, #%d, #%d" % (op, xr(self.dst(), sf), xr(self.src(), sf), r.randrange(n),
                                          r.randrange(n)))

    def shift_var(self):
        r, sf = self.rng, self.rng.randint(0, 1)
        op = r.choice(["lslv", "lsrv", "asrv", "rorv"])
        self.emit("%s %s, %s, %s" % (op, xr(self.dst(), sf), xr(self.src(), sf), xr(self.src(), sf)))

    def mul(self):
        r, sf = self.rng, self.rng.randint(0, 1)
        k = r.randrange(4)
        if k == 0:
            op = r.choice(["madd", "msub"])
            self.emit("%s %s, %s, %s, %s" % (op, xr(self.dst(), sf), xr(self.src(), sf), xr(self.src(), sf),
                                            xr(self.src(), sf)))
        elif k == 1:
            op = r.choice(["smaddl", "smsubl", "umaddl", "umsubl"])
            self.emit("%s %s, %s, %s, %s" % (op, xr(self.dst()), xr(self.src(), 0), xr(self.src(), 0),
                                            xr(self.src())))
        elif k == 2:
            op = r.choice(["smulh", "umulh"])
            self.emit("%s %s, %s, %s" % (op, xr(self.dst()), xr(self.src()), xr(self.src())))
        else:
            op = r.choice(["mul", "mneg"])
            self.emit("%s %s, %s, %s" % (op, xr(self.dst(), sf), xr(self.src(), sf), xr(self.src(), sf)))

    def div(self):
        r, sf = self.rng, self.rng.randint(0, 1)
        self.emit("%s %s, %s, %s" % (r.choice(["udiv", "sdiv"]), xr(self.dst(), sf), xr(self.src(), sf),
                                      xr(self.src(), sf)))

    def dp1(self):
        r, sf = self.rng, self.rng.randint(0, 1)
        ops = ["rbit", "rev16", "rev", "clz", "cls"] + (["rev32"] if sf else [])
        self.emit("%s %s, %s" % (r.choice(ops), xr(self.dst(), sf), xr(self.src(), sf)))

    def csel(self):
        r, sf = self.rng, self.rng.randint(0, 1)
        op = r.choice(["csel", "csinc", "csinv", "csneg"])
        self.emit("%s %s, %s, %s, %s" % (op, xr(self.dst(), sf), xr(self.src(), sf), xr(self.src(), sf),
                                        r.choice(CONDS)))

    def ccmp(self):
        r, sf = self.rng, self.rng.randint(0, 1)
        op = r.choice(["ccmp", "ccmn"])
        b = "#%d" % r.randrange(32) if r.random() < 0.5 else xr(self.src(), sf)
        self.emit("%s %s, %s, #%d, %s" % (op, xr(self.src(), sf), b, r.randrange(16), r.choice(CONDS)))

    def flags_sysreg(self):
        r = self.rng
        if r.random() < 0.5:
            self.emit("mrs %s, nzcv" % xr(self.dst(False)))
        else:
            self.emit("msr nzcv, %s" % xr(self.src()))

    def crc(self):
        r = self.rng
        size = r.choice("bhwx")
        self.emit("crc32%s%s %s, %s, %s" % (r.choice(["", "c"]), size, xr(self.dst(), 0), xr(self.src(), 0),
                                           xr(self.src(), 1 if size == "x" else 0)))

    def tpidr(self):
        r = self.rng
        if r.random() < 0.5:
            self.emit("msr tpidr_el0, %s" % xr(self.src()))
        self.emit("mrs %s, tpidr_el0" % xr(self.dst(False)))

    def prefetch(self):
        r = self.rng
        op = "%s%s%s" % (r.choice(["pld", "pli", "pst"]), r.choice(["l1", "l2", "l3"]), r.choice(["keep", "strm"]))
        if r.random() < 0.3:
            self.emit("prfm %s, literal_pool+%d" % (op, 8 * r.randrange(8)))
            return
        b = r.choice(FREE)
        a = r.randrange(0, BUF // 8) * 8
        self.set_base(b, 0)
        self.emit("prfm %s, [%s, #%d]" % (op, xr(b), a))

    def adr(self):
        r = self.rng
        lab = self.local()
        op = r.choice(["adr", "adrp"])
        self.emit("%s %s, %s" % (op, xr(self.dst(False)), lab), "%s:" % lab)

    def branch(self):
        """A forward branch over one random ALU instruction."""
        r = self.rng
        lab = self.local()
        k = r.randrange(6)
        sf = r.randint(0, 1)
        if k == 0:
            self.emit("b.%s %s" % (r.choice(CONDS[:14]), lab))
        elif k == 1:
            self.emit("%s %s, %s" % (r.choice(["cbz", "cbnz"]), xr(self.src(), sf), lab))
        elif k == 2:
            self.emit("%s %s, #%d, %s" % (r.choice(["tbz", "tbnz"]), xr(self.src(), sf), r.randrange(32 << sf),
                                         lab))
        elif k == 3:
            self.emit("b %s" % lab)
        elif k == 4:
            self.emit("bl %s" % lab)   # X30 = return address: fixed, so comparable
        else:
            t = self.rng.choice(FREE)
            self.emit("adr %s, %s" % (xr(t), lab), "%s %s" % (r.choice(["br", "blr"]), xr(t)))
        self.alu()
        self.emit("%s:" % lab)

    def alu(self):
        self.rng.choice([self.addsub_imm, self.addsub_shift, self.logical_shift, self.csel,
                         self.movewide, self.bitfield])()

    # ---- memory ----------------------------------------------------------
    def set_base(self, b, addr_off):
        """X<b> = buffer + addr_off (addr_off may be outside the buffer)."""
        self.emit("mov %s, #%d" % (xr(b), addr_off), "add %s, x28, %s" % (xr(b), xr(b)))

    def ldst(self):
        r = self.rng
        # (mnemonic, access size, is_load, destination register width: 1=X, 0=W)
        kinds = [("ldrb", 1, 1, 0), ("ldrsb", 1, 1, 0), ("ldrsb", 1, 1, 1), ("ldrh", 2, 1, 0),
                 ("ldrsh", 2, 1, 0), ("ldrsh", 2, 1, 1), ("ldr", 4, 1, 0), ("ldrsw", 4, 1, 1),
                 ("ldr", 8, 1, 1), ("strb", 1, 0, 0), ("strh", 2, 0, 0), ("str", 4, 0, 0), ("str", 8, 0, 1)]
        mn, size, load, sf = r.choice(kinds)
        b = r.choice(FREE)
        t = r.choice([x for x in FREE if x != b] + [31])
        mode = r.choice(["uimm", "unscaled", "pre", "post", "reg", "reg", "unpriv"])
        a = r.randrange(0, BUF - size + 1)      # the accessed offset in the buffer
        if mode == "uimm":
            imm = size * r.randrange(0, min(a // size, 4095) + 1)
            self.set_base(b, a - imm)
            self.emit("%s %s, [%s, #%d]" % (mn, xr(t, sf), xr(b), imm))
        elif mode in ("unscaled", "unpriv"):
            imm = r.randint(max(-256, a - 4096), 255)
            self.set_base(b, a - imm)
            m = mn.replace("ldr", "ldur").replace("str", "stur") if mode == "unscaled" else \
                mn.replace("ldr", "ldtr").replace("str", "sttr")
            self.emit("%s %s, [%s, #%d]" % (m, xr(t, sf), xr(b), imm))
        elif mode == "pre":
            imm = r.randint(-256, 255)
            self.set_base(b, a - imm)
            self.emit("%s %s, [%s, #%d]!" % (mn, xr(t, sf), xr(b), imm))
        elif mode == "post":
            self.set_base(b, a)
            self.emit("%s %s, [%s], #%d" % (mn, xr(t, sf), xr(b), r.randint(-256, 255)))
        else:
            m = r.choice([x for x in FREE if x not in (b, t)])
            shift = {1: 0, 2: 1, 4: 2, 8: 3}[size] if r.random() < 0.5 else 0
            idx = r.randint(-64, 64)
            ext = r.choice(["lsl", "uxtw", "sxtw", "sxtx"])
            if ext == "uxtw":
                idx = abs(idx)
            self.set_base(b, a - (idx << shift))
            self.emit("mov %s, #%d" % (xr(m), idx))
            mreg = xr(m, 0 if ext in ("uxtw", "sxtw") else 1)
            amount = " #%d" % shift if shift or r.random() < 0.3 else ""
            if ext == "lsl" and not amount:
                self.emit("%s %s, [%s, %s]" % (mn, xr(t, sf), xr(b), mreg))
            else:
                self.emit("%s %s, [%s, %s, %s%s]" % (mn, xr(t, sf), xr(b), mreg, ext, amount))

    def ldst_pair(self):
        r = self.rng
        kinds = [("ldp", 4, 1, 0), ("ldp", 8, 1, 1), ("ldpsw", 4, 1, 1), ("stp", 4, 0, 0), ("stp", 8, 0, 1),
                 ("ldnp", 8, 1, 1), ("stnp", 4, 0, 0)]
        mn, size, load, sf = r.choice(kinds)
        b = r.choice(FREE)
        t1, t2 = self.distinct(2, exclude=(b,))
        if not load and r.random() < 0.2:
            t2 = 31
        mode = r.choice(["off", "pre", "post"]) if not mn.endswith("np") else "off"
        a = r.randrange(0, BUF - 2 * size + 1)
        imm = size * r.randint(-64, 63)
        if mode == "off":
            self.set_base(b, a - imm)
            self.emit("%s %s, %s, [%s, #%d]" % (mn, xr(t1, sf), xr(t2, sf), xr(b), imm))
        elif mode == "pre":
            self.set_base(b, a - imm)
            self.emit("%s %s, %s, [%s, #%d]!" % (mn, xr(t1, sf), xr(t2, sf), xr(b), imm))
        else:
            self.set_base(b, a)
            self.emit("%s %s, %s, [%s], #%d" % (mn, xr(t1, sf), xr(t2, sf), xr(b), imm))

    def ldst_acqrel(self):
        r = self.rng
        size = r.choice([1, 2, 4, 8])
        suffix = {1: "b", 2: "h", 4: "", 8: ""}[size]
        sf = 1 if size == 8 else 0
        mn = r.choice(["ldar", "stlr", "ldapr"]) + suffix
        b = r.choice(FREE)
        t = r.choice([x for x in FREE if x != b] + ([31] if mn.startswith("st") else []))
        self.set_base(b, size * r.randrange(BUF // size))   # acquire/release must be aligned
        self.emit("%s %s, [%s]" % (mn, xr(t, sf), xr(b)))

    def literal(self):
        r = self.rng
        k = r.randrange(64)
        mn, sf = r.choice([("ldr", 1), ("ldr", 0), ("ldrsw", 1)])
        self.emit("%s %s, literal_pool+%d" % (mn, xr(self.dst(), sf), 4 * k))

    def lse(self):
        r = self.rng
        size = r.choice([1, 2, 4, 8])
        sz = {1: "b", 2: "h", 4: "", 8: ""}[size]
        sf = 1 if size == 8 else 0
        order = r.choice(["", "a", "al", "l"])
        b = r.choice(FREE)
        k = r.randrange(4)
        if k < 3:
            self.set_base(b, size * r.randrange(BUF // size))   # atomics must be aligned
        if k == 0:
            op = r.choice(["add", "clr", "eor", "set", "smax", "smin", "umax", "umin"])
            s, t = self.distinct(2, exclude=(b,))
            if r.random() < 0.15:
                t = 31   # Rt = ZR: the ST<op> alias
            self.emit("ld%s%s%s %s, %s, [%s]" % (op, order, sz, xr(s, sf), xr(t, sf), xr(b)))
        elif k == 1:
            s, t = self.distinct(2, exclude=(b,))
            self.emit("swp%s%s %s, %s, [%s]" % (order, sz, xr(s, sf), xr(t, sf), xr(b)))
        elif k == 2:
            s, t = self.distinct(2, exclude=(b,))
            if r.random() < 0.5:
                # Make the compare succeed: load the current value first.
                self.emit("ldr%s %s, [%s]" % (sz, xr(s, sf), xr(b)))
            self.emit("cas%s%s %s, %s, [%s]" % (order, sz, xr(s, sf), xr(t, sf), xr(b)))
        else:
            sf = r.randint(0, 1)
            psize = 8 << sf
            self.set_base(b, psize * r.randrange(BUF // psize))
            pairs = [p for p in range(0, 28, 2) if b not in (p, p + 1)]
            s, t = r.sample(pairs, 2)
            if r.random() < 0.5:
                self.emit("ldp %s, %s, [%s]" % (xr(s, sf), xr(s + 1, sf), xr(b)))
            self.emit("casp%s %s, %s, %s, %s, [%s]" % (order, xr(s, sf), xr(s + 1, sf), xr(t, sf), xr(t + 1, sf),
                                                      xr(b)))

    def exclusive(self):
        r = self.rng
        pair = r.random() < 0.3
        acq = r.choice(["", "a"])
        rel = r.choice(["", "l"])
        b = r.choice(FREE)
        if pair:
            sf = r.randint(0, 1)
            size = 8 << sf
            self.set_base(b, size * r.randrange(BUF // size))
            t1, t2, t3, t4, s = self.distinct(5, exclude=(b,))
            self.emit("ld%sxp %s, %s, [%s]" % (acq, xr(t1, sf), xr(t2, sf), xr(b)))
            self.alu_not_touching((b, s, t3, t4))
            self.emit("st%sxp %s, %s, %s, [%s]" % (rel, xr(s, 0), xr(t3, sf), xr(t4, sf), xr(b)))
        else:
            size = r.choice([1, 2, 4, 8])
            sz = {1: "b", 2: "h", 4: "", 8: ""}[size]
            sf = 1 if size == 8 else 0
            self.set_base(b, size * r.randrange(BUF // size))
            t, t2, s = self.distinct(3, exclude=(b,))
            self.emit("ld%sxr%s %s, [%s]" % (acq, sz, xr(t, sf), xr(b)))
            self.alu_not_touching((b, s, t2))
            self.emit("st%sxr%s %s, %s, [%s]" % (rel, sz, xr(s, 0), xr(t2, sf), xr(b)))
        if r.random() < 0.2:
            self.emit("clrex")

    def alu_not_touching(self, regs):
        """Zero or one register-only instruction whose destination is not in regs."""
        if self.rng.random() < 0.5:
            d = self.rng.choice([x for x in FREE if x not in regs])
            self.emit("add %s, %s, %s" % (xr(d), xr(self.src()), xr(self.src())))

    def random_item(self):
        r = self.rng
        gens = [(self.addsub_imm, 6), (self.addsub_shift, 6), (self.addsub_ext, 4), (self.adc, 4),
                (self.logical_imm, 5), (self.logical_shift, 5), (self.movewide, 4), (self.bitfield, 6),
                (self.shift_var, 3), (self.mul, 4), (self.div, 3), (self.dp1, 3), (self.csel, 5),
                (self.ccmp, 5), (self.flags_sysreg, 1), (self.crc, 2), (self.tpidr, 1), (self.prefetch, 1), (self.adr, 1), (self.branch, 4), (self.ldst, 10),
                (self.ldst_pair, 5), (self.ldst_acqrel, 2), (self.literal, 1), (self.lse, 5),
                (self.exclusive, 3)]
        total = sum(w for _, w in gens)
        x = r.uniform(0, total)
        for g, w in gens:
            x -= w
            if x <= 0:
                g()
                return
        gens[-1][0]()


def random_value(rng):
    k = rng.randrange(8)
    if k == 0:
        return rng.choice([0, 1, 2, 0xffffffffffffffff, 0x8000000000000000, 0x7fffffffffffffff,
                           0xffffffff, 0x80000000, 0x7fffffff, 0x100000000, 0xfffffffffffffffe])
    if k == 1:
        return rng.randrange(256)
    if k == 2:
        return rng.getrandbits(32)
    if k == 3:
        return (-rng.randrange(1, 1000)) & (2**64 - 1)
    return rng.getrandbits(64)


class Program:
    """One seed: --blocks blocks in one program."""

    def __init__(self, seed, nblocks, ninsns):
        self.seed = seed
        rng = random.Random(seed)
        self.blocks = []
        for i in range(nblocks):
            regs = [random_value(rng) for _ in range(31)]
            nzcv = rng.randrange(16) << 28
            buf = bytes(rng.getrandbits(8) for _ in range(BUF))
            blk = Block(rng, "b%d" % i)
            while len([l for l in blk.lines if not l.endswith(":")]) < ninsns:
                blk.random_item()
            self.blocks.append((regs, nzcv, buf, blk.lines))
        self.literals = [rng.getrandbits(32) for _ in range(64 + 2)]

    def assembly(self):
        out = [".arch armv8.3-a+crc+lse+rcpc", ".text", ".globl _start", "_start:"]
        for i, (_, _, _, lines) in enumerate(self.blocks):
            out += ["// block %d" % i, "adrp x28, buf%d" % i, "add x28, x28, :lo12:buf%d" % i,
                    "ldp x30, x0, [x28, #%d]" % (8 * 30 - STATE), "msr nzcv, x0"]
            for k in range(0, 30, 2):
                if k == BASE:
                    continue
                out.append("ldp x%d, x%d, [x28, #%d]" % (k, k + 1, 8 * k - STATE))
            out.append("ldp x29, x30, [x28, #%d]" % (8 * 29 - STATE))
            out += lines
            for k in range(0, 30, 2):
                out.append("stp x%d, x%d, [x28, #%d]" % (k, k + 1, 8 * k - STATE))
            out += ["mrs x0, nzcv", "stp x30, x0, [x28, #%d]" % (8 * 30 - STATE),
                    "mov x0, #1", "sub x1, x28, #%d" % STATE,
                    "mov x2, #%d" % RECORD, "mov x8, #64", "svc #0"]
        out += ["mov x0, #0", "mov x8, #93", "svc #0", ".balign 8", "literal_pool:"]
        out += [".word 0x%08x" % w for w in self.literals]
        out += [".data"]
        for i, (regs, nzcv, buf, _) in enumerate(self.blocks):
            state = regs + [nzcv]
            out += [".balign 16", "state%d:" % i]
            out += [".quad " + ", ".join("0x%x" % v for v in state[k:k + 8]) for k in range(0, 32, 8)]
            out += [".zero %d" % (STATE - 8 * 32), "buf%d:" % i]
            out += [".byte " + ", ".join(str(b) for b in buf[k:k + 32]) for k in range(0, BUF, 32)]
        return "\n".join(out) + "\n"


def build(prog, workdir):
    s = os.path.join(workdir, "blocks_%d.s" % prog.seed)
    o, exe = s[:-2] + ".o", s[:-2]
    with open(s, "w") as f:
        f.write(prog.assembly())
    subprocess.run(["aarch64-linux-gnu-as", ARCH, "-o", o, s], check=True)
    subprocess.run(["aarch64-linux-gnu-ld", "-static", "-nostdlib", "-e", "_start", "-o", exe, o], check=True)
    return exe


def run(cmd, exe, timeout):
    try:
        p = subprocess.run(cmd + [exe], capture_output=True, timeout=timeout, stdin=subprocess.DEVNULL)
        return p.returncode, p.stdout, p.stderr.decode(errors="replace")
    except subprocess.TimeoutExpired as e:
        return "timeout", e.stdout or b"", (e.stderr or b"").decode(errors="replace")


def report(prog, ref, sim):
    """Explains the first differing block. Returns the report text."""
    rc_ref, out_ref, _ = ref
    rc_sim, out_sim, err_sim = sim
    lines = ["MISMATCH seed %d: exit qemu=%s sim=%s, stdout %d vs %d bytes" %
             (prog.seed, rc_ref, rc_sim, len(out_ref), len(out_sim))]
    for i, (regs, nzcv, _, insns) in enumerate(prog.blocks):
        a = out_ref[i * RECORD:(i + 1) * RECORD]
        b = out_sim[i * RECORD:(i + 1) * RECORD]
        if a == b:
            continue
        lines.append("  block %d (seed %d): first differing block" % (i, prog.seed))
        if len(b) < RECORD:
            lines.append("  simulator output ends before this block's record (crash, trap or exit); stderr:")
            lines += ["    " + l for l in err_sim.strip().splitlines()[-8:]]
        else:
            ra, rb = struct.unpack("<32Q", a[:256]), struct.unpack("<32Q", b[:256])
            for k in range(31):
                if ra[k] != rb[k]:
                    lines.append("  x%-2d  qemu %016x  sim %016x  (initial %016x)" % (k, ra[k], rb[k], regs[k]))
            if ra[31] != rb[31]:
                lines.append("  nzcv qemu %08x  sim %08x  (initial %08x)" % (ra[31], rb[31], nzcv))
            diffs = [k for k in range(BUF) if a[STATE + k] != b[STATE + k]]
            if diffs:
                lines.append("  buffer differs at %d bytes, first offsets: %s" %
                             (len(diffs), " ".join("+%d(%02x/%02x)" % (k, a[STATE + k], b[STATE + k])
                                                   for k in diffs[:12])))
        lines.append("  initial registers: " + " ".join("x%d=%x" % (k, v) for k, v in enumerate(regs)) +
                     " nzcv=%x" % (nzcv >> 28))
        lines.append("  instructions:")
        lines += ["    " + l for l in insns]
        break
    return "\n".join(lines)


def parse_seeds(spec):
    seeds = []
    for part in spec.split(","):
        lo, _, hi = part.partition("-")
        seeds += list(range(int(lo), int(hi or lo) + 1))
    return seeds


def campaign_args(description, blocks):
    """The command line both random-block generators share."""
    ap = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sim", required=True, help="a64sim binary (run as `SIM user PROG`), or 'qemu'")
    ap.add_argument("--seeds", default="1-40")
    ap.add_argument("--blocks", type=int, default=blocks)
    ap.add_argument("--insns", type=int, default=40)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=int, default=120)
    ap.add_argument("--keep", help="keep the generated programs in this directory")
    ap.add_argument("--show", type=int, default=3, help="mismatching seeds reported in full")
    return ap


def run_campaign(a, make_program, record, explain, name, label):
    """Builds one program per seed, runs it under qemu-aarch64 and the
    simulator, and compares their outputs (`record` bytes per block).
    explain(prog, ref, sim, sim_cmd, workdir) describes a mismatch."""
    for tool in ("aarch64-linux-gnu-as", "aarch64-linux-gnu-ld", "qemu-aarch64"):
        if not shutil.which(tool):
            print("FAIL: %s not found (apt-get install binutils-aarch64-linux-gnu qemu-user)" % tool)
            return 1
    # The engine option from tests/support/engines.bzl.
    engine = os.environ.get("A64SIM_ENGINE", "--engine=jit")
    sim_cmd = ["qemu-aarch64"] if a.sim == "qemu" else [a.sim, "user", engine]
    workdir = a.keep or tempfile.mkdtemp(prefix=name, dir=os.environ.get("TEST_TMPDIR"))
    os.makedirs(workdir, exist_ok=True)

    def one(seed):
        prog = make_program(seed, a.blocks, a.insns)
        exe = build(prog, workdir)
        ref = run(["qemu-aarch64"], exe, a.timeout)
        if ref[0] != 0 or len(ref[1]) != record * a.blocks:
            return prog, "REFERENCE FAILED seed %d: qemu exit %s, %d bytes\n%s" % (seed, ref[0], len(ref[1]),
                                                                                  ref[2][-2000:])
        sim = run(sim_cmd, exe, a.timeout)
        if sim[0] == ref[0] and sim[1] == ref[1]:
            return prog, None
        return prog, explain(prog, ref, sim, sim_cmd, workdir)

    seeds = parse_seeds(a.seeds)
    bad = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, a.jobs)) as pool:
        for prog, err in pool.map(one, seeds):
            if err:
                bad.append((prog.seed, err))
    for _, err in bad[:a.show]:
        print(err)
    if len(bad) > a.show:
        print("... %d more; all mismatching seeds: %s" % (len(bad) - a.show, " ".join(str(s) for s, _ in bad)))
    if not a.keep:
        shutil.rmtree(workdir, ignore_errors=True)
    n = len(seeds) * a.blocks
    print("%s: %d seeds x %d blocks x %d insns = %d blocks, on %s" % (label, len(seeds), a.blocks, a.insns, n,
                                                                       " ".join(sim_cmd)))
    print("%s: %d passed, %d failed" % (name, len(seeds) - len(bad), len(bad)))
    return 1 if bad else 0


def main():
    a = campaign_args(__doc__, blocks=50).parse_args()
    return run_campaign(a, Program, RECORD, lambda prog, ref, sim, *_: report(prog, ref, sim),
                        "random_blocks", "random blocks")


if __name__ == "__main__":
    sys.exit(main())
