#pragma once

#include <cstddef>
#include <string_view>

namespace mpsim::core {

// The number of characters in UTF-8 text, as a person counts them (a Chinese
// character is one), for the platform's "at most N characters" limits.
inline std::size_t characterCount(std::string_view utf8)
{
    std::size_t count = 0;
    for (const char c : utf8)
        count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return count;
}

} // namespace mpsim::core
