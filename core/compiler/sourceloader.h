#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace mpsim::core::compiler {

// Where the compilers read files from. Paths are root-relative, '/'-separated
// and normalised (no "." or ".." segments, no leading '/'), as produced by
// resolveSourcePath(). Implementations never throw.
class SourceLoader
{
public:
    virtual ~SourceLoader() = default;

    // The file's bytes, or nullopt when it does not exist or cannot be read.
    virtual std::optional<std::string> read(const std::string &path) = 0;
    // True when the file exists.
    virtual bool exists(const std::string &path) = 0;
};

// Reads files under a folder (the mini-program root). Refuses paths that
// would leave it, including through a symbolic link.
class DirectorySourceLoader final : public SourceLoader
{
public:
    explicit DirectorySourceLoader(std::filesystem::path root);

    std::optional<std::string> read(const std::string &path) override;
    bool exists(const std::string &path) override;

    const std::filesystem::path &root() const { return m_root; }

private:
    std::optional<std::filesystem::path> locate(const std::string &path) const;

    std::filesystem::path m_root;
};

// Files held in memory: tests, fuzzers, editors with unsaved buffers.
class MemorySourceLoader final : public SourceLoader
{
public:
    void add(std::string path, std::string contents) { m_files[std::move(path)] = std::move(contents); }

    std::optional<std::string> read(const std::string &path) override;
    bool exists(const std::string &path) override { return m_files.count(path) != 0; }

private:
    std::map<std::string, std::string> m_files;
};

// Resolves a reference written in `fromFile` (root-relative) the way the
// platform does: "/a/b" from the root, "./b", "../b" and "b" from fromFile's
// folder. Backslashes count as '/'. Returns nullopt when the result would be
// outside the root or is empty.
std::optional<std::string> resolveSourcePath(std::string_view fromFile, std::string_view reference);

// The path to `to` relative to the folder of `from` (both root-relative),
// starting with "./" or "../", for ES module import specifiers.
std::string relativeModulePath(std::string_view from, std::string_view to);

} // namespace mpsim::core::compiler
