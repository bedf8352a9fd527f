#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace mpsim::core::crypto {

// Encodes arbitrary bytes as base64 (RFC 4648 standard alphabet "A-Za-z0-9+/",
// padded with '=' to a multiple of 4 characters). Never fails; an empty input
// gives an empty string.
std::string base64Encode(std::string_view bytes);

// Decodes padded standard base64 back to bytes. Strict: returns nullopt when
// the length is not a multiple of 4, a character is outside the alphabet
// (whitespace and line breaks included), '=' appears anywhere but the last one
// or two positions, or the bits dropped by the padding are not zero. An empty
// input decodes to an empty string.
std::optional<std::string> base64Decode(std::string_view text);

} // namespace mpsim::core::crypto
