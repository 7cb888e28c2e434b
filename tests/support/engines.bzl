"""Tests that execute guest code run on every execution engine
(jit/engine_options.h): NAME on the block translator (the default engine),
NAME_interp on the reference interpreter and, where asked for, NAME_nochain
on the translator without block linking and NAME_verify on the translator in
lockstep with the interpreter (--verify-jit).

The engine reaches the test as the environment variable A64SIM_ENGINE, which
holds the a64sim option selecting it (--engine=jit, --engine=interp,
--no-chain or --verify-jit): the shell tests pass it to `a64sim user` / `a64sim boot`, and
TestMachine (test_machine.h) parses it. Each target is also tagged with its
engine (engine_jit, engine_interp, engine_nochain), e.g.
`bazel test --test_tag_filters=engine_interp //...`.
"""

# engine -> (target name suffix, a64sim option)
ENGINES = {
    "jit": ("", "--engine=jit"),
    "interp": ("_interp", "--engine=interp"),
    "nochain": ("_nochain", "--no-chain"),
    # The translator checked block by block against the interpreter.
    "verify": ("_verify", "--verify-jit"),
}

def engine_tests(rule, name, engines = ["jit", "interp"], tags = [], **kwargs):
    """One `rule` (sh_test, cc_test, ...) target per engine."""
    for engine in engines:
        suffix, option = ENGINES[engine]
        rule(
            name = name + suffix,
            env = {"A64SIM_ENGINE": option},
            tags = tags + ["engine_" + engine],
            **kwargs
        )

def engine_sh_test(name, **kwargs):
    engine_tests(native.sh_test, name, **kwargs)

def engine_cc_test(name, **kwargs):
    engine_tests(native.cc_test, name, **kwargs)
