// Command-line reading shared by `a64sim user` and `a64sim boot`: options
// as `--name value` or `--name=value`, unsigned numbers, and the engine
// options (jit/engine_options.h).
#pragma once

#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "jit/engine_options.h"

namespace a64 {

// One option at argv[*i]: its name (without any "=value") and, on request,
// its value (the inline one or the next argument, advancing *i).
class OptionReader {
 public:
  OptionReader(int argc, char** argv, int* i) : argc_(argc), argv_(argv), i_(i) {
    name_ = argv[*i];
    if (name_.rfind("--", 0) == 0 && name_.find('=') != std::string::npos) {
      value_ = name_.substr(name_.find('=') + 1);
      name_ = name_.substr(0, name_.find('='));
      has_inline_ = true;
    }
  }

  const std::string& name() const { return name_; }

  bool Value(std::string* out) {
    if (has_inline_) {
      *out = value_;
      return true;
    }
    if (*i_ + 1 >= argc_) return false;
    *out = argv_[++*i_];
    return true;
  }

  // An engine option: 1 if it was one (applied to *o), 0 if not, -1 on a
  // bad or missing value (*error says why).
  int Engine(EngineOptions* o, std::string* error) {
    const EngineOptionKind kind = EngineOptionKindOf(name_);
    if (kind == EngineOptionKind::kNone) return 0;
    std::string v;
    if (kind == EngineOptionKind::kValue && !Value(&v)) {
      *error = name_ + " needs a value";
      return -1;
    }
    return ParseEngineOption(name_, v, o, error) < 0 ? -1 : 1;
  }

 private:
  int argc_;
  char** argv_;
  int* i_;
  std::string name_, value_;
  bool has_inline_ = false;
};

// A decimal, hex (0x) or octal (0) unsigned 64-bit number, nothing else.
inline bool ParseU64(const std::string& s, uint64_t* v) {
  if (s.empty() || s[0] == '-') return false;
  errno = 0;
  char* end = nullptr;
  const unsigned long long x = std::strtoull(s.c_str(), &end, 0);
  if (errno || *end) return false;
  *v = x;
  return true;
}

}  // namespace a64
