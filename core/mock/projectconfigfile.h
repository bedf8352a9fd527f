#pragma once

#include "mock/mockconfig.h"
#include "util/result.h"

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

namespace mpsim::core {

// A project.config.json as text, with its `mockConfig` block read, so that
// saving mock rules rewrites that block's value and nothing else: every byte
// outside it stays as it was (other keys, their order, formatting, line
// endings, a UTF-8 byte order mark).
class ProjectConfigFile
{
public:
    static constexpr std::size_t maxFileBytes = 16 * 1024 * 1024;

    // Parses a project.config.json text. Fails when it is not JSON (located
    // "<source>:line:column"), not an object, or its mockConfig block has a
    // wrong type (located "<source>:/mockConfig/rules/0/enable").
    static Result<ProjectConfigFile> parse(std::string text, std::string_view source = {});
    // Reads and parses the file at `path`.
    static Result<ProjectConfigFile> load(const std::filesystem::path &path);
    // Reads the file at `path` as it is now (another tool may have changed it
    // since it was loaded), replaces its mockConfig with `config`, and writes
    // it atomically. Fails, leaving the file untouched, when it cannot be read
    // or parsed or written.
    static Result<void> saveRules(const std::filesystem::path &path, const MockConfig &config);

    const std::string &text() const { return m_text; }
    bool hasMockConfig() const { return m_hasMockConfig; }
    // The block as read; an empty, open MockConfig when the file has none.
    const MockConfig &mockConfig() const { return m_mockConfig; }

    // The file's text with the mockConfig value replaced by `config`
    // serialised with the file's indentation (2 spaces when it has none) and
    // line endings. When the file has no mockConfig, the key is added as the
    // last member of the top-level object. Returns the text unchanged when
    // `config` serialises to exactly the block as read.
    std::string withRules(const MockConfig &config) const;

private:
    std::string m_text;
    MockConfig m_mockConfig;
    bool m_hasMockConfig = false;
    std::size_t m_valueBegin = 0; // the mockConfig value's span, when present
    std::size_t m_valueEnd = 0;
    std::size_t m_openBrace = 0;  // the top-level object's braces
    std::size_t m_closeBrace = 0;
    std::size_t m_lastValueEnd = 0; // end of the last member's value; 0 for {}
    std::string m_unitIndent = "  "; // one indentation level
    std::string m_valueIndent;       // indentation of the mockConfig key's line
    std::string m_newline = "\n";
};

} // namespace mpsim::core
