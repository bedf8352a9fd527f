#pragma once

#include "util/result.h"

#include <filesystem>
#include <string>
#include <string_view>

namespace mpsim::core {

// Writes `contents` to `path` so that a reader sees either the old file or the
// new one, never a torn mix: the bytes go to a temporary file in the same
// folder, are flushed to disk, and the temporary file is renamed over `path`.
// Creates missing parent folders. Fails (and leaves `path` untouched) when the
// folder cannot be created or written, or the disk is full.
Result<void> writeFileAtomically(const std::filesystem::path &path, std::string_view contents);

// Reads a whole file. Fails with the OS reason when it cannot be opened or read.
Result<std::string> readWholeFile(const std::filesystem::path &path);

} // namespace mpsim::core
