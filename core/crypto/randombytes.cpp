#include "crypto/randombytes.h"

#include <array>
#include <cstdint>
#include <random>
#include <string_view>

namespace mpsim::core::crypto {

namespace {

// One engine per thread avoids locking and keeps threads from sharing (and so
// correlating) a sequence. The engine is seeded from several random_device
// words through seed_seq because a single 32-bit seed would allow only 2^32
// distinct sequences.
std::mt19937_64 &engine()
{
    thread_local std::mt19937_64 generator = [] {
        std::random_device device;
        std::array<std::uint32_t, 8> seed{};
        for (auto &word : seed)
            word = device();
        std::seed_seq sequence(seed.begin(), seed.end());
        return std::mt19937_64(sequence);
    }();
    return generator;
}

} // namespace

std::string randomBytes(std::size_t count)
{
    std::string out;
    out.reserve(count);
    auto &generator = engine();
    while (out.size() < count) {
        // Each draw yields eight bytes; use them all rather than one per draw.
        std::uint64_t word = generator();
        for (int i = 0; i < 8 && out.size() < count; ++i, word >>= 8)
            out += static_cast<char>(word & 0xFF);
    }
    return out;
}

std::string randomToken(std::size_t length)
{
    constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    // uniform_int_distribution avoids the modulo bias of `word % 62`.
    std::uniform_int_distribution<std::size_t> pick(0, kAlphabet.size() - 1);
    auto &generator = engine();
    std::string out;
    out.reserve(length);
    for (std::size_t i = 0; i < length; ++i)
        out += kAlphabet[pick(generator)];
    return out;
}

} // namespace mpsim::core::crypto
