// How guest code is executed: the block translator (default) or the
// reference interpreter, and the translator's debugging switches.
#pragma once

#include <cstdint>
#include <cctype>
#include <cstdlib>
#include <string>

namespace a64 {

enum class EngineKind : uint8_t { kJit, kInterp };

struct EngineOptions {
  EngineKind kind = EngineKind::kJit;
  // Direct branches patched block to block and the in-line indirect-branch
  // lookup (off: every block returns to the dispatcher, as QEMU's nochain).
  bool chain = true;
  // Lockstep: every translated block is also run on the interpreter and the
  // first difference stops the run with a report.
  bool verify = false;
  // Generated code kept before the whole code cache is flushed.
  uint64_t code_cache_bytes = 256ull << 20;
  // Names each block's code in /tmp/perf-PID.map, for `perf report`.
  bool perf_map = false;
};

// Whether `name` is one of the options below, and whether it takes a value.
enum class EngineOptionKind : uint8_t { kNone, kFlag, kValue };
inline EngineOptionKind EngineOptionKindOf(const std::string& name) {
  if (name == "--engine" || name == "--code-cache") return EngineOptionKind::kValue;
  if (name == "--no-chain" || name == "--verify-jit" || name == "--perf-map")
    return EngineOptionKind::kFlag;
  return EngineOptionKind::kNone;
}

// Parses the command-line options shared by `a64sim user` and `a64sim boot`
// (--engine=jit|interp, --no-chain, --verify-jit, --code-cache, --perf-map). `name` is the option
// without its value, `value` its value if it has one. Returns 1 when the
// option was consumed, 0 when it is not an engine option, -1 on a bad value
// (`*error` says why).
inline int ParseEngineOption(const std::string& name, const std::string& value,
                             EngineOptions* o, std::string* error) {
  if (name == "--engine") {
    if (value == "jit") {
      o->kind = EngineKind::kJit;
    } else if (value == "interp") {
      o->kind = EngineKind::kInterp;
    } else {
      *error = "--engine needs jit or interp";
      return -1;
    }
    return 1;
  }
  if (name == "--no-chain") {
    o->chain = false;
    return 1;
  }
  if (name == "--verify-jit") {
    o->verify = true;
    return 1;
  }
  if (name == "--perf-map") {
    o->perf_map = true;
    return 1;
  }
  if (name == "--code-cache") {
    // A size in bytes, or with a K or M suffix.
    char* end = nullptr;
    uint64_t v = std::strtoull(value.c_str(), &end, 10);
    const std::string suffix = end ? end : "";
    if (suffix == "K" || suffix == "k") v <<= 10;
    else if (suffix == "M" || suffix == "m") v <<= 20;
    else if (!suffix.empty()) v = 0;
    if (value.empty() || !std::isdigit(static_cast<unsigned char>(value[0])) || v < (16u << 10) ||
        v > (1ull << 32)) {
      *error = "--code-cache needs a size from 16K to 4096M";
      return -1;
    }
    o->code_cache_bytes = v;
    return 1;
  }
  return 0;
}

// The --help lines for those options.
constexpr const char kEngineUsage[] =
    "  --engine=jit|interp  execute with the block translator (default) or the\n"
    "                    reference interpreter\n"
    "  --no-chain        translator: every block returns to the dispatcher (no\n"
    "                    block linking, no in-line indirect-branch lookup)\n"
    "  --verify-jit      translator: run every block on the interpreter too and\n"
    "                    stop at the first difference (implies --no-chain)\n"
    "  --code-cache SIZE translator: code memory before a full flush (default\n"
    "                    256M; K and M suffixes)\n"
    "  --perf-map        translator: name each block's code (guest PC) in\n"
    "                    /tmp/perf-PID.map, for perf report\n";

}  // namespace a64
