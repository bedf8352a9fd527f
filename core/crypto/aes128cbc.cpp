#include "crypto/aes128cbc.h"

#include <array>
#include <cstdint>

namespace mpsim::core::crypto {

namespace {

constexpr std::size_t kBlockSize = 16;
constexpr std::size_t kRounds = 10;

using Block = std::array<std::uint8_t, kBlockSize>;
using RoundKeys = std::array<std::uint8_t, kBlockSize * (kRounds + 1)>;

// Multiplication by x in GF(2^8) modulo the AES polynomial x^8+x^4+x^3+x+1.
constexpr std::uint8_t xtime(std::uint8_t a)
{
    return static_cast<std::uint8_t>((a << 1) ^ ((a & 0x80) ? 0x1B : 0x00));
}

constexpr std::uint8_t gmul(std::uint8_t a, std::uint8_t b)
{
    std::uint8_t product = 0;
    while (b != 0) {
        if (b & 1)
            product ^= a;
        a = xtime(a);
        b >>= 1;
    }
    return product;
}

constexpr std::uint8_t rotl8(std::uint8_t value, int bits)
{
    return static_cast<std::uint8_t>((value << bits) | (value >> (8 - bits)));
}

// The S-box is derived at compile time from its definition (multiplicative
// inverse followed by the affine map) rather than typed in as 256 literals,
// which leaves no room for a transcription error; a static_assert and the NIST
// vectors in the tests pin the result. Walking p through the powers of the
// generator 3 while q walks through the powers of its inverse visits every
// non-zero element together with its inverse in 255 cheap steps.
constexpr std::array<std::uint8_t, 256> makeSBox()
{
    std::array<std::uint8_t, 256> box{};
    std::uint8_t p = 1;
    std::uint8_t q = 1;
    do {
        p = static_cast<std::uint8_t>(p ^ xtime(p)); // p *= 3
        q = static_cast<std::uint8_t>(q ^ (q << 1)); // q /= 3
        q = static_cast<std::uint8_t>(q ^ (q << 2));
        q = static_cast<std::uint8_t>(q ^ (q << 4));
        if (q & 0x80)
            q ^= 0x09;
        box[p] = static_cast<std::uint8_t>(q ^ rotl8(q, 1) ^ rotl8(q, 2) ^ rotl8(q, 3) ^ rotl8(q, 4) ^ 0x63);
    } while (p != 1);
    box[0] = 0x63; // 0 has no inverse; the affine map alone gives 0x63.
    return box;
}

constexpr std::array<std::uint8_t, 256> makeInverseSBox(const std::array<std::uint8_t, 256> &box)
{
    std::array<std::uint8_t, 256> inverse{};
    for (unsigned x = 0; x < 256; ++x)
        inverse[box[x]] = static_cast<std::uint8_t>(x);
    return inverse;
}

constexpr std::array<std::uint8_t, 256> kSBox = makeSBox();
constexpr std::array<std::uint8_t, 256> kInverseSBox = makeInverseSBox(kSBox);
static_assert(kSBox[0x00] == 0x63 && kSBox[0x53] == 0xED && kSBox[0xFF] == 0x16);

RoundKeys expandKey(std::string_view key16)
{
    RoundKeys keys{};
    for (std::size_t i = 0; i < kBlockSize; ++i)
        keys[i] = static_cast<std::uint8_t>(key16[i]);

    std::uint8_t rcon = 0x01;
    for (std::size_t i = kBlockSize; i < keys.size(); i += 4) {
        std::array<std::uint8_t, 4> word{keys[i - 4], keys[i - 3], keys[i - 2], keys[i - 1]};
        if (i % kBlockSize == 0) {
            // RotWord, SubWord, then Rcon on the first byte.
            word = {kSBox[word[1]], kSBox[word[2]], kSBox[word[3]], kSBox[word[0]]};
            word[0] ^= rcon;
            rcon = xtime(rcon);
        }
        for (std::size_t j = 0; j < 4; ++j)
            keys[i + j] = keys[i - kBlockSize + j] ^ word[j];
    }
    return keys;
}

void addRoundKey(Block &state, const RoundKeys &keys, std::size_t round)
{
    for (std::size_t i = 0; i < kBlockSize; ++i)
        state[i] ^= keys[round * kBlockSize + i];
}

// The state is stored column by column (byte r of column c at r + 4c), which
// is the order the bytes arrive in, so no transposition is needed.
void shiftRows(Block &state, bool inverse)
{
    const Block old = state;
    for (std::size_t r = 1; r < 4; ++r) {
        for (std::size_t c = 0; c < 4; ++c) {
            const std::size_t from = inverse ? (c + 4 - r) % 4 : (c + r) % 4;
            state[r + 4 * c] = old[r + 4 * from];
        }
    }
}

void mixColumns(Block &state, bool inverse)
{
    const std::array<std::uint8_t, 4> row = inverse ? std::array<std::uint8_t, 4>{0x0E, 0x0B, 0x0D, 0x09}
                                                    : std::array<std::uint8_t, 4>{0x02, 0x03, 0x01, 0x01};
    for (std::size_t c = 0; c < 4; ++c) {
        const std::array<std::uint8_t, 4> column{state[4 * c], state[4 * c + 1], state[4 * c + 2], state[4 * c + 3]};
        for (std::size_t r = 0; r < 4; ++r) {
            // The matrix is circulant: row r is `row` rotated right by r.
            std::uint8_t value = 0;
            for (std::size_t k = 0; k < 4; ++k)
                value ^= gmul(row[(k + 4 - r) % 4], column[k]);
            state[4 * c + r] = value;
        }
    }
}

void encryptBlock(Block &state, const RoundKeys &keys)
{
    addRoundKey(state, keys, 0);
    for (std::size_t round = 1; round <= kRounds; ++round) {
        for (auto &byte : state)
            byte = kSBox[byte];
        shiftRows(state, false);
        if (round != kRounds)
            mixColumns(state, false);
        addRoundKey(state, keys, round);
    }
}

void decryptBlock(Block &state, const RoundKeys &keys)
{
    addRoundKey(state, keys, kRounds);
    for (std::size_t round = kRounds; round-- > 0;) {
        shiftRows(state, true);
        for (auto &byte : state)
            byte = kInverseSBox[byte];
        addRoundKey(state, keys, round);
        if (round != 0)
            mixColumns(state, true);
    }
}

Block loadBlock(std::string_view bytes, std::size_t offset)
{
    Block block{};
    for (std::size_t i = 0; i < kBlockSize; ++i)
        block[i] = static_cast<std::uint8_t>(bytes[offset + i]);
    return block;
}

} // namespace

std::optional<std::string> aes128CbcEncrypt(std::string_view key16, std::string_view iv16, std::string_view plaintext)
{
    if (key16.size() != kBlockSize || iv16.size() != kBlockSize)
        return std::nullopt;

    // PKCS#7 always adds padding, a whole block of 16s when the input is
    // already aligned, so the decryptor can strip it unambiguously.
    const std::size_t padding = kBlockSize - plaintext.size() % kBlockSize;
    std::string padded(plaintext);
    padded.append(padding, static_cast<char>(padding));

    const RoundKeys keys = expandKey(key16);
    Block chain = loadBlock(iv16, 0);
    std::string out(padded.size(), '\0');
    for (std::size_t offset = 0; offset < padded.size(); offset += kBlockSize) {
        Block block = loadBlock(padded, offset);
        for (std::size_t i = 0; i < kBlockSize; ++i)
            block[i] ^= chain[i];
        encryptBlock(block, keys);
        for (std::size_t i = 0; i < kBlockSize; ++i)
            out[offset + i] = static_cast<char>(block[i]);
        chain = block;
    }
    return out;
}

std::optional<std::string> aes128CbcDecrypt(std::string_view key16, std::string_view iv16, std::string_view ciphertext)
{
    if (key16.size() != kBlockSize || iv16.size() != kBlockSize || ciphertext.empty()
        || ciphertext.size() % kBlockSize != 0)
        return std::nullopt;

    const RoundKeys keys = expandKey(key16);
    Block chain = loadBlock(iv16, 0);
    std::string out(ciphertext.size(), '\0');
    for (std::size_t offset = 0; offset < ciphertext.size(); offset += kBlockSize) {
        const Block cipherBlock = loadBlock(ciphertext, offset);
        Block block = cipherBlock;
        decryptBlock(block, keys);
        for (std::size_t i = 0; i < kBlockSize; ++i)
            out[offset + i] = static_cast<char>(block[i] ^ chain[i]);
        chain = cipherBlock;
    }

    const auto padding = static_cast<std::size_t>(static_cast<unsigned char>(out.back()));
    if (padding == 0 || padding > kBlockSize)
        return std::nullopt;
    for (std::size_t i = out.size() - padding; i < out.size(); ++i) {
        if (static_cast<unsigned char>(out[i]) != padding)
            return std::nullopt;
    }
    out.resize(out.size() - padding);
    return out;
}

} // namespace mpsim::core::crypto
