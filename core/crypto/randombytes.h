#pragma once

#include <cstddef>
#include <string>

namespace mpsim::core::crypto {

// Randomness for simulator tokens (session keys, login codes, ivs).
// NOT cryptographically strong: it comes from a std::mt19937_64 seeded once per
// thread from std::random_device, whose output can be predicted after enough
// samples. It only makes tokens unguessable enough for local testing; never
// use it to protect real secrets.

// Returns `count` random bytes (any value 0..255). Never fails; count 0 gives
// an empty string.
std::string randomBytes(std::size_t count);

// Returns `length` random characters drawn uniformly from [A-Za-z0-9]. Never
// fails; length 0 gives an empty string.
std::string randomToken(std::size_t length);

} // namespace mpsim::core::crypto
