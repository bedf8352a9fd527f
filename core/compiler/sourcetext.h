#pragma once

#include "compiler/diagnostic.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace mpsim::core::compiler {

// A source file's text with its name, able to turn a byte offset into a line
// and column and to record diagnostics located by offset. Not thread-safe
// (it caches the last column computed).
class SourceText
{
public:
    SourceText(std::string path, std::string text);

    const std::string &path() const { return m_path; }
    const std::string &text() const { return m_text; }

    // The 1-based line of `offset` (offsets past the end give the last line).
    int lineOf(std::size_t offset) const;
    // The 1-based column of `offset`, counted in characters (UTF-8 code points).
    int columnOf(std::size_t offset) const;

    // Appends a diagnostic located at `offset` to `out`.
    void report(std::vector<Diagnostic> &out, Severity severity, std::size_t offset,
                std::string message, std::string code) const;

private:
    std::string m_path;
    std::string m_text;
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

    std::vector<std::size_t> m_lineStarts;
    bool m_ascii = true;
    // The last column computed (not thread-safe: one SourceText per compile).
    mutable std::size_t m_columnCacheOffset = npos;
    mutable int m_columnCacheValue = 1;
};

// Decodes the XML character references WXML authors use in text and attribute
// values: &lt; &gt; &amp; &quot; &apos; and numeric (&#60; &#x3C;). Other
// named entities (&nbsp; ...) are kept as written: the runtime's <text decode>
// handles them, as on a device.
std::string decodeEntities(std::string_view text);

} // namespace mpsim::core::compiler
