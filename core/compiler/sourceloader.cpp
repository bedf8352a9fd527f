#include "compiler/sourceloader.h"

#include <fstream>
#include <sstream>
#include <system_error>
#include <vector>

namespace mpsim::core::compiler {

namespace {

std::vector<std::string> segments(std::string_view path)
{
    std::vector<std::string> parts;
    std::string current;
    for (const char c : path) {
        if (c == '/' || c == '\\') {
            parts.push_back(current);
            current.clear();
        } else {
            current += c;
        }
    }
    parts.push_back(current);
    return parts;
}

} // namespace

std::optional<std::string> resolveSourcePath(std::string_view fromFile, std::string_view reference)
{
    while (!reference.empty() && (reference.front() == ' ' || reference.front() == '\t'))
        reference.remove_prefix(1);
    while (!reference.empty() && (reference.back() == ' ' || reference.back() == '\t'))
        reference.remove_suffix(1);
    if (reference.empty())
        return std::nullopt;
    std::vector<std::string> stack;
    const bool fromRoot = reference.front() == '/' || reference.front() == '\\';
    if (!fromRoot) {
        stack = segments(fromFile);
        stack.pop_back(); // the file name
    }
    for (const std::string &part : segments(reference)) {
        if (part.empty() || part == ".")
            continue;
        if (part == "..") {
            if (stack.empty())
                return std::nullopt;
            stack.pop_back();
            continue;
        }
        stack.push_back(part);
    }
    std::string result;
    for (const auto &part : stack) {
        if (part.empty())
            continue;
        if (!result.empty())
            result += '/';
        result += part;
    }
    if (result.empty())
        return std::nullopt;
    return result;
}

std::string relativeModulePath(std::string_view from, std::string_view to)
{
    std::vector<std::string> fromParts = segments(from);
    fromParts.pop_back();
    const std::vector<std::string> toParts = segments(to);
    std::size_t common = 0;
    while (common < fromParts.size() && common + 1 < toParts.size()
           && fromParts[common] == toParts[common])
        ++common;
    std::string result;
    for (std::size_t i = common; i < fromParts.size(); ++i)
        result += "../";
    if (result.empty())
        result = "./";
    for (std::size_t i = common; i < toParts.size(); ++i) {
        result += toParts[i];
        if (i + 1 < toParts.size())
            result += '/';
    }
    return result;
}

DirectorySourceLoader::DirectorySourceLoader(std::filesystem::path root)
{
    std::error_code ec;
    m_root = std::filesystem::weakly_canonical(root, ec);
    if (ec)
        m_root = std::move(root);
}

std::optional<std::filesystem::path> DirectorySourceLoader::locate(const std::string &path) const
{
    if (path.empty() || path.front() == '/' || path.find('\0') != std::string::npos)
        return std::nullopt;
    for (const auto &part : segments(path)) {
        if (part == "..")
            return std::nullopt;
    }
    std::error_code ec;
    const auto full = std::filesystem::weakly_canonical(m_root / path, ec);
    if (ec)
        return std::nullopt;
    // A symbolic link may point outside the root: compare the real paths.
    const auto relative = full.lexically_relative(m_root);
    if (relative.empty() || *relative.begin() == "..")
        return std::nullopt;
    return full;
}

std::optional<std::string> DirectorySourceLoader::read(const std::string &path)
{
    const auto full = locate(path);
    if (!full)
        return std::nullopt;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(*full, ec))
        return std::nullopt;
    std::ifstream in(*full, std::ios::binary);
    if (!in)
        return std::nullopt;
    std::ostringstream contents;
    contents << in.rdbuf();
    if (in.bad())
        return std::nullopt;
    return std::move(contents).str();
}

bool DirectorySourceLoader::exists(const std::string &path)
{
    const auto full = locate(path);
    std::error_code ec;
    return full && std::filesystem::is_regular_file(*full, ec);
}

std::optional<std::string> MemorySourceLoader::read(const std::string &path)
{
    const auto it = m_files.find(path);
    if (it == m_files.end())
        return std::nullopt;
    return it->second;
}

} // namespace mpsim::core::compiler
