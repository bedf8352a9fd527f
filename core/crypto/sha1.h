#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace mpsim::core::crypto {

// Computes the SHA-1 digest (FIPS 180-4) of `bytes` and returns its 20 raw
// bytes. Never fails. SHA-1 is not collision resistant; it is here because the
// mini-program platform uses it for signatures (e.g. the rawData signature),
// not for anything security sensitive inside the simulator.
std::array<std::uint8_t, 20> sha1(std::string_view bytes);

// Same digest as sha1(), returned as 40 lowercase hexadecimal characters.
std::string sha1Hex(std::string_view bytes);

} // namespace mpsim::core::crypto
