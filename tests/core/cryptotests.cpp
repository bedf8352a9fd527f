#include "crypto/aes128cbc.h"
#include "crypto/base64.h"
#include "crypto/randombytes.h"
#include "crypto/sha1.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

using namespace mpsim::core::crypto;

namespace {

// Test vectors are written as hex; this turns them into raw bytes.
std::string fromHex(std::string_view hex)
{
    auto nibble = [](char c) { return c <= '9' ? c - '0' : c - 'a' + 10; };
    std::string bytes;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
        bytes += static_cast<char>(nibble(hex[i]) * 16 + nibble(hex[i + 1]));
    return bytes;
}

std::string toHex(std::string_view bytes)
{
    constexpr std::string_view kDigits = "0123456789abcdef";
    std::string hex;
    for (const char c : bytes) {
        const auto byte = static_cast<unsigned char>(c);
        hex += kDigits[byte >> 4];
        hex += kDigits[byte & 0x0F];
    }
    return hex;
}

// NIST SP 800-38A, F.2.1 CBC-AES128.Encrypt.
const std::string kNistKey = fromHex("2b7e151628aed2a6abf7158809cf4f3c");
const std::string kNistIv = fromHex("000102030405060708090a0b0c0d0e0f");
const std::string kNistPlaintext = fromHex("6bc1bee22e409f96e93d7e117393172a"
                                           "ae2d8a571e03ac9c9eb76fac45af8e51"
                                           "30c81c46a35ce411e5fbc1191a0a52ef"
                                           "f69f2445df4f9b17ad2b417be66c3710");
const std::string kNistCiphertext = fromHex("7649abac8119b246cee98e9b12e9197d"
                                            "5086cb9b507219ee95db113a917678b2"
                                            "73bed6b8e3c1743b7116e69e22229516"
                                            "3ff1caa1681fac09120eca307586e1a7");
// The block PKCS#7 appends to the 64-byte NIST plaintext (sixteen 0x10 bytes),
// encrypted; computed independently with `openssl enc -aes-128-cbc`.
const std::string kNistPaddingBlock = fromHex("8cb82807230e1321d3fae00d18cc2012");

} // namespace

TEST_CASE("crypto: sha1 matches the FIPS 180 test vectors")
{
    CHECK(sha1Hex("abc") == "a9993e364706816aba3e25717850c26c9cd0d89d");
    CHECK(sha1Hex("") == "da39a3ee5e6b4b0d3255bfef95601890afd80709");
    CHECK(sha1Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
          == "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
    CHECK(sha1Hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrst"
                  "nopqrstu")
          == "a49b2446a02c645bf419f995b67091253a04a259");
    CHECK(sha1Hex(std::string(1000000, 'a')) == "34aa973cd4c4daa4f61eeb2bdbad27316534016f");
}

TEST_CASE("crypto: sha1 pads correctly around the 64-byte block boundary")
{
    // Reference digests from Python's hashlib; 55/56 and 64 are where the
    // length field stops fitting in the last block.
    CHECK(sha1Hex(std::string(55, 'a')) == "c1c8bbdc22796e28c0e15163d20899b65621d65a");
    CHECK(sha1Hex(std::string(56, 'a')) == "c2db330f6083854c99d4b5bfb6e8f29f201be699");
    CHECK(sha1Hex(std::string(63, 'a')) == "03f09f5b158a7a8cdad920bddc29b81c18a551f5");
    CHECK(sha1Hex(std::string(64, 'a')) == "0098ba824b5c16427bd7a1122a5a442a25ec644d");
    CHECK(sha1Hex(std::string(65, 'a')) == "11655326c708d70319be2610e8a57d9a5b959d3b");
}

TEST_CASE("crypto: sha1 returns the raw digest bytes that sha1Hex spells out")
{
    const auto digest = sha1("abc");
    const std::string raw(digest.begin(), digest.end());
    CHECK(toHex(raw) == "a9993e364706816aba3e25717850c26c9cd0d89d");
    CHECK(digest[0] == 0xA9);
    CHECK(digest[19] == 0x9D);
}

TEST_CASE("crypto: base64 encodes and decodes the RFC 4648 test vectors")
{
    const std::pair<std::string_view, std::string_view> vectors[] = {
        {"", ""},
        {"f", "Zg=="},
        {"fo", "Zm8="},
        {"foo", "Zm9v"},
        {"foob", "Zm9vYg=="},
        {"fooba", "Zm9vYmE="},
        {"foobar", "Zm9vYmFy"},
    };
    for (const auto &[plain, encoded] : vectors) {
        CAPTURE(plain);
        CHECK(base64Encode(plain) == encoded);
        const auto decoded = base64Decode(encoded);
        REQUIRE(decoded.has_value());
        CHECK(*decoded == plain);
    }
}

TEST_CASE("crypto: base64 round-trips every byte value")
{
    std::string bytes;
    for (int i = 0; i < 256; ++i)
        bytes += static_cast<char>(i);
    for (std::size_t length = 0; length <= bytes.size(); length += 37) {
        const std::string_view prefix = std::string_view(bytes).substr(0, length);
        CAPTURE(length);
        const auto decoded = base64Decode(base64Encode(prefix));
        REQUIRE(decoded.has_value());
        CHECK(*decoded == prefix);
    }
    CHECK(base64Encode("\xff\xfe\xfd") == "//79");
    CHECK(base64Decode("+/+/") == std::string("\xfb\xff\xbf"));
}

TEST_CASE("crypto: base64 decode rejects malformed input")
{
    const std::string_view invalid[] = {
        "Zg",        // missing padding
        "Zg=",       // length not a multiple of 4
        "Zm9vY",     // length not a multiple of 4
        "Z===",      // too much padding
        "====",      // padding only
        "=Zg=",      // padding at the front
        "Zg=a",      // padding before data
        "Zg==Zg==",  // padding in the middle
        "Zh==",      // non-zero bits under the padding
        "Zm9=",      // non-zero bits under the padding
        "Zm9v\n",    // whitespace is not ignored
        "Zm 9v===",  // embedded space
        "Zm9v-_==",  // URL-safe alphabet is not the standard one
        "Zm9\x80",   // non-ASCII byte
    };
    for (const auto text : invalid) {
        CAPTURE(text);
        CHECK_FALSE(base64Decode(text).has_value());
    }
    CHECK_FALSE(base64Decode(std::string_view("Zg\0=", 4)).has_value());
}

TEST_CASE("crypto: aes128 cbc matches the NIST SP 800-38A F.2.1 vectors")
{
    const auto ciphertext = aes128CbcEncrypt(kNistKey, kNistIv, kNistPlaintext);
    REQUIRE(ciphertext.has_value());
    // The NIST plaintext is block aligned, so PKCS#7 adds one full block.
    REQUIRE(ciphertext->size() == 80);
    CHECK(toHex(ciphertext->substr(0, 64)) == toHex(kNistCiphertext));
    CHECK(toHex(ciphertext->substr(64)) == toHex(kNistPaddingBlock));

    // The padding block is E(C4 ^ 0x10...), i.e. encrypting nothing with the
    // last NIST block as the iv.
    const auto paddingOnly = aes128CbcEncrypt(kNistKey, kNistCiphertext.substr(48), "");
    REQUIRE(paddingOnly.has_value());
    CHECK(toHex(*paddingOnly) == toHex(kNistPaddingBlock));

    const auto plaintext = aes128CbcDecrypt(kNistKey, kNistIv, kNistCiphertext + kNistPaddingBlock);
    REQUIRE(plaintext.has_value());
    CHECK(toHex(*plaintext) == toHex(kNistPlaintext));
}

TEST_CASE("crypto: aes128 first cbc block under a zero iv matches the FIPS 197 example")
{
    // FIPS 197 Appendix C.1; with a zero iv the first CBC block is plain AES.
    const auto ciphertext = aes128CbcEncrypt(fromHex("000102030405060708090a0b0c0d0e0f"), std::string(16, '\0'),
                                             fromHex("00112233445566778899aabbccddeeff"));
    REQUIRE(ciphertext.has_value());
    REQUIRE(ciphertext->size() == 32);
    CHECK(toHex(ciphertext->substr(0, 16)) == "69c4e0d86a7b0430d8cdb78070b4c55a");
}

TEST_CASE("crypto: aes128 cbc reproduces the WeChat encryptedData sample")
{
    // The sample from the platform's "encrypted data" documentation, which
    // every WXBizDataCrypt implementation is tested against.
    const auto key = base64Decode("tiihtNczf5v6AKRyjwEUhQ==");
    const auto iv = base64Decode("r7BXXKkLb8qrSNn05n0qiA==");
    const std::string encryptedData =
        "CiyLU1Aw2KjvrjMdj8YKliAjtP4gsMZMQmRzooG2xrDcvSnxIMXFufNstNGTyaGS9uT5geRa0W4oTOb1WT7fJlAC+oNPdbB+3hVbJSRgv+4lGOET"
        "KUQz6OYStslQ142dNCuabNPGBzlooOmB231qMM85d2/fV6ChevvXvQP8Hkue1poOFtnEtpyxVLW1zAo6/1Xx1COxFvrc2d7UL/lmHInNlxuacJXw"
        "u0fjpXfz/YqYzBIBzD6WUfTIF9GRHpOn/Hz7saL8xz+W//FRAUid1OksQaQx4CMs8LOddcQhULW4ucetDf96JcR3g0gfRK4PC7E/r7Z6xNrXd2UI"
        "eorGj5Ef7b1pJAYB6Y5anaHqZ9J6nKEBvB4DnNLIVWSgARns/8wR2SiRS7MNACwTyrGvt9ts8p12PKFdlqYTopNHR1Vf7XjfhQlVsAJdNiKdYmYV"
        "oKlaRv85IfVunYzO0IKXsyl7JCUjCpoG20f0a04COwfneQAGGwd5oa+T8yO5hzuyDb/XcxxmK01EpqOyuxINew==";
    const std::string json =
        R"({"openId":"oGZUI0egBJY1zhBYw2KhdUfwVJJE","nickName":"Band","gender":1,"language":"zh_CN","city":"Guangzhou",)"
        R"("province":"Guangdong","country":"CN","avatarUrl":"http://wx.qlogo.cn/mmopen/vi_32/aSKcBBPpibyKNicHNTMM0qJVh8Kjg)"
        R"(iak2AHWr8MHM4WgMEm7GFhsf8OYrySdbvAMvTsw3mo8ibKicsnfN5pRjl1p8HQ/0","unionId":"ocMvos6NjeKLIBqg5Mr9QjxrP1FA",)"
        R"("watermark":{"timestamp":1477314187,"appid":"wx4f4bc4dec97d474b"}})";
    REQUIRE(key.has_value());
    REQUIRE(iv.has_value());
    const auto ciphertext = base64Decode(encryptedData);
    REQUIRE(ciphertext.has_value());

    const auto decrypted = aes128CbcDecrypt(*key, *iv, *ciphertext);
    REQUIRE(decrypted.has_value());
    CHECK(*decrypted == json);

    const auto encrypted = aes128CbcEncrypt(*key, *iv, json);
    REQUIRE(encrypted.has_value());
    CHECK(base64Encode(*encrypted) == encryptedData);
}

TEST_CASE("crypto: aes128 cbc round-trips plaintexts of 0 to 100 bytes")
{
    const std::string key = fromHex("00112233445566778899aabbccddeeff");
    const std::string iv = fromHex("0f0e0d0c0b0a09080706050403020100");
    std::string plaintext;
    for (std::size_t length = 0; length <= 100; ++length) {
        CAPTURE(length);
        const auto ciphertext = aes128CbcEncrypt(key, iv, plaintext);
        REQUIRE(ciphertext.has_value());
        CHECK(ciphertext->size() == (length / 16 + 1) * 16);
        const auto decrypted = aes128CbcDecrypt(key, iv, *ciphertext);
        REQUIRE(decrypted.has_value());
        CHECK(*decrypted == plaintext);
        plaintext += static_cast<char>(length * 37 + 11);
    }
}

TEST_CASE("crypto: aes128 cbc rejects keys and ivs that are not 16 bytes")
{
    const std::string good(16, 'k');
    for (const std::size_t size : {0u, 15u, 17u, 32u}) {
        CAPTURE(size);
        const std::string bad(size, 'k');
        CHECK_FALSE(aes128CbcEncrypt(bad, good, "data").has_value());
        CHECK_FALSE(aes128CbcEncrypt(good, bad, "data").has_value());
        CHECK_FALSE(aes128CbcDecrypt(bad, good, std::string(16, 'c')).has_value());
        CHECK_FALSE(aes128CbcDecrypt(good, bad, std::string(16, 'c')).has_value());
    }
}

TEST_CASE("crypto: aes128 cbc decrypt rejects ciphertext lengths that are not a positive multiple of 16")
{
    for (const std::size_t size : {0u, 1u, 15u, 17u, 31u, 33u}) {
        CAPTURE(size);
        CHECK_FALSE(aes128CbcDecrypt(kNistKey, kNistIv, std::string(size, 'c')).has_value());
    }
}

TEST_CASE("crypto: aes128 cbc decrypt rejects invalid PKCS#7 padding")
{
    // A 16-byte plaintext gets a whole padding block of 0x10 bytes. In CBC,
    // flipping a bit of the previous ciphertext block flips the same bit of
    // the decrypted padding, which lets the test set the padding at will.
    const auto ciphertext = aes128CbcEncrypt(kNistKey, kNistIv, "0123456789abcdef");
    REQUIRE(ciphertext.has_value());
    REQUIRE(ciphertext->size() == 32);
    REQUIRE(aes128CbcDecrypt(kNistKey, kNistIv, *ciphertext) == std::string("0123456789abcdef"));

    auto tampered = [&](std::size_t index, unsigned char mask) {
        std::string copy = *ciphertext;
        copy[index] = static_cast<char>(static_cast<unsigned char>(copy[index]) ^ mask);
        return copy;
    };
    CHECK_FALSE(aes128CbcDecrypt(kNistKey, kNistIv, tampered(15, 0x10)).has_value()); // last byte 0x00
    CHECK_FALSE(aes128CbcDecrypt(kNistKey, kNistIv, tampered(15, 0x01)).has_value()); // last byte 0x11
    CHECK_FALSE(aes128CbcDecrypt(kNistKey, kNistIv, tampered(15, 0xEF)).has_value()); // last byte 0xff
    CHECK_FALSE(aes128CbcDecrypt(kNistKey, kNistIv, tampered(3, 0x01)).has_value());  // one pad byte differs
    CHECK_FALSE(aes128CbcDecrypt(kNistKey, kNistIv, tampered(0, 0x20)).has_value());  // first pad byte differs

    // Turning the padding into a valid 0x01 is accepted: padding alone cannot
    // detect tampering, and the decryptor does not pretend otherwise.
    const auto shortened = aes128CbcDecrypt(kNistKey, kNistIv, tampered(15, 0x11));
    REQUIRE(shortened.has_value());
    CHECK(shortened->size() == 31);
}

TEST_CASE("crypto: randomToken has the requested length and only alphanumeric characters")
{
    for (const std::size_t length : {0u, 1u, 16u, 32u, 100u}) {
        CAPTURE(length);
        const std::string token = randomToken(length);
        CHECK(token.size() == length);
        CHECK(std::all_of(token.begin(), token.end(),
                          [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }));
    }
    CHECK(randomToken(32) != randomToken(32));

    // Over many characters every class of the alphabet shows up.
    const std::string many = randomToken(2000);
    CHECK(std::any_of(many.begin(), many.end(), [](char c) { return c >= 'A' && c <= 'Z'; }));
    CHECK(std::any_of(many.begin(), many.end(), [](char c) { return c >= 'a' && c <= 'z'; }));
    CHECK(std::any_of(many.begin(), many.end(), [](char c) { return c >= '0' && c <= '9'; }));
}

TEST_CASE("crypto: randomBytes has the requested length and varies between calls")
{
    for (const std::size_t count : {0u, 1u, 7u, 8u, 9u, 16u, 33u}) {
        CAPTURE(count);
        CHECK(randomBytes(count).size() == count);
    }
    CHECK(randomBytes(16) != randomBytes(16));

    const std::string many = randomBytes(1024);
    CHECK(std::any_of(many.begin(), many.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }));
    CHECK(std::any_of(many.begin(), many.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }));
}
