#pragma once

// What the compiler tests share: fixtures, a fresh temp folder, and Node.js to
// check that generated modules parse and to run them.

#include "compiler/diagnostic.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace mpsim::core::test {

inline std::filesystem::path compilerDataDir()
{
    return std::filesystem::path(MPSIM_COMPILER_TEST_DATA_DIR);
}

inline std::string readText(const std::filesystem::path &path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

inline void writeText(const std::filesystem::path &path, const std::string &text)
{
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
}

// A fresh folder, removed when the test ends.
class TempDir
{
public:
    TempDir()
    {
        std::random_device random;
        m_path = std::filesystem::temp_directory_path()
            / ("mpsim-compiler-" + std::to_string(random()) + std::to_string(random()));
        std::filesystem::create_directories(m_path);
    }
    ~TempDir()
    {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }
    TempDir(const TempDir &) = delete;
    TempDir &operator=(const TempDir &) = delete;

    const std::filesystem::path &path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

inline bool nodeAvailable()
{
    static const bool available = std::system("node --version >/dev/null 2>&1") == 0;
    return available;
}

inline std::string shellQuote(const std::string &text)
{
    std::string out = "'";
    for (const char c : text)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

// Runs `node --check` on each file; returns the failures' messages (empty
// when all parse). Files are checked as ES modules: a copy named .mjs is
// checked when the name does not already say so.
inline std::string nodeCheck(const std::vector<std::filesystem::path> &files)
{
    std::string failures;
    for (const auto &file : files) {
        std::filesystem::path checked = file;
        if (file.extension() != ".mjs") {
            checked += ".check.mjs";
            std::filesystem::copy_file(file, checked, std::filesystem::copy_options::overwrite_existing);
        }
        const auto log = file.string() + ".check.log";
        const std::string command = "node --check " + shellQuote(checked.string()) + " >" + shellQuote(log) + " 2>&1";
        if (std::system(command.c_str()) != 0)
            failures += file.string() + ":\n" + readText(log) + "\n";
        std::filesystem::remove(log);
        if (checked != file)
            std::filesystem::remove(checked);
    }
    return failures;
}

// Runs an ES module script with node and returns its stdout ("" and a failed
// check when it exits non-zero).
inline std::string runNodeModule(const std::filesystem::path &script)
{
    const auto log = script.string() + ".out";
    const std::string command = "node " + shellQuote(script.string()) + " >" + shellQuote(log) + " 2>&1";
    const int status = std::system(command.c_str());
    std::string output = readText(log);
    INFO(output);
    CHECK(status == 0);
    return status == 0 ? output : std::string();
}

// The diagnostics as text, one per line, for messages and golden files.
inline std::string diagnosticsText(const std::vector<compiler::Diagnostic> &diagnostics)
{
    std::string text;
    for (const auto &d : diagnostics)
        text += d.toString() + "\n";
    return text;
}

// Compares `actual` with the golden file; MPSIM_UPDATE_GOLDEN=1 rewrites it.
inline void checkGolden(const std::string &name, const std::string &actual)
{
    const auto path = compilerDataDir() / "golden" / name;
    if (const char *update = std::getenv("MPSIM_UPDATE_GOLDEN"); update && std::string(update) == "1")
        writeText(path, actual);
    INFO("golden file " << path.string() << " (MPSIM_UPDATE_GOLDEN=1 rewrites it)");
    REQUIRE(std::filesystem::exists(path));
    CHECK(readText(path) == actual);
}

} // namespace mpsim::core::test
