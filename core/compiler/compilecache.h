#pragma once

#include "compiler/diagnostic.h"
#include "compiler/sourceloader.h"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mpsim::core::compiler {

// A 64-bit FNV-1a hash of `bytes`: cheap, stable across runs and platforms.
// Not cryptographic: it only tells "this file changed" apart from "it did not".
std::uint64_t contentHash(std::string_view bytes);

// One compiled file as the cache keeps it: the output, its diagnostics, what
// it refers to (for the project driver's traversal) and the content hash of
// every file it was made from.
struct CachedCompile
{
    std::string output;
    std::vector<Diagnostic> diagnostics;
    std::vector<std::string> importedFiles; // .wxml modules it imports
    std::vector<std::string> wxsFiles;      // .wxs modules it imports
    std::vector<std::pair<std::string, std::uint64_t>> inputs;
};

// Remembers compile results by the content of their inputs, so recompiling a
// project after one file changed (hot reload) only redoes the files that read
// it. In memory, for one process; not thread-safe (one compile at a time).
class CompileCache
{
public:
    // The entry stored under `key` when every one of its inputs still has the
    // same content (read through `loader`); nullptr otherwise. Counts a hit or a miss.
    const CachedCompile *lookup(const std::string &key, SourceLoader &loader);

    // Stores `entry` under `key`, hashing its inputs' current contents
    // (`paths`, read through `loader`; a missing file hashes as absent).
    void store(const std::string &key, CachedCompile entry, const std::vector<std::string> &paths,
               SourceLoader &loader);

    std::size_t hits() const { return m_hits; }
    std::size_t misses() const { return m_misses; }
    std::size_t size() const { return m_entries.size(); }
    void clear() { m_entries.clear(); }

private:
    std::map<std::string, CachedCompile> m_entries;
    std::size_t m_hits = 0;
    std::size_t m_misses = 0;
};

} // namespace mpsim::core::compiler
