#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace mpsim::core::crypto {

// AES-128 (FIPS 197) in CBC mode with PKCS#7 padding, the scheme the
// mini-program platform uses for `encryptedData` (key = base64-decoded
// session_key, iv = base64-decoded iv), so a developer's backend can decrypt
// the simulator's output with any standard library. All strings are raw bytes.
// This implementation is table based and not constant time: fine for a local
// simulator, not for protecting real secrets.

// Pads `plaintext` with PKCS#7 (1 to 16 bytes, so a full extra block when it is
// already a multiple of 16) and encrypts it. Returns the ciphertext, whose
// length is a positive multiple of 16, or nullopt when `key16` or `iv16` is not
// exactly 16 bytes.
std::optional<std::string> aes128CbcEncrypt(std::string_view key16, std::string_view iv16, std::string_view plaintext);

// Decrypts `ciphertext` and strips its PKCS#7 padding. Returns the plaintext, or
// nullopt when `key16` or `iv16` is not exactly 16 bytes, the ciphertext length
// is not a positive multiple of 16, or the padding is invalid (last byte not in
// 1..16, or the padding bytes not all equal to it), which is also what a wrong
// key or iv usually produces.
std::optional<std::string> aes128CbcDecrypt(std::string_view key16, std::string_view iv16, std::string_view ciphertext);

} // namespace mpsim::core::crypto
