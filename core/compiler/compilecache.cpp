#include "compiler/compilecache.h"

namespace mpsim::core::compiler {

namespace {

// What a file that does not exist hashes as (no content hashes to it in practice).
constexpr std::uint64_t absentHash = 0;

std::uint64_t hashOf(const std::string &path, SourceLoader &loader)
{
    const auto contents = loader.read(path);
    return contents ? contentHash(*contents) : absentHash;
}

} // namespace

std::uint64_t contentHash(std::string_view bytes)
{
    std::uint64_t hash = 14695981039346656037ull;
    for (const char c : bytes) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ull;
    }
    return hash == absentHash ? 1 : hash;
}

const CachedCompile *CompileCache::lookup(const std::string &key, SourceLoader &loader)
{
    const auto it = m_entries.find(key);
    if (it != m_entries.end()) {
        bool fresh = true;
        for (const auto &[path, hash] : it->second.inputs) {
            if (hashOf(path, loader) != hash) {
                fresh = false;
                break;
            }
        }
        if (fresh) {
            ++m_hits;
            return &it->second;
        }
        m_entries.erase(it);
    }
    ++m_misses;
    return nullptr;
}

void CompileCache::store(const std::string &key, CachedCompile entry, const std::vector<std::string> &paths,
                         SourceLoader &loader)
{
    entry.inputs.clear();
    for (const auto &path : paths)
        entry.inputs.emplace_back(path, hashOf(path, loader));
    m_entries[key] = std::move(entry);
}

} // namespace mpsim::core::compiler
