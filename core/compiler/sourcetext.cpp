#include "compiler/sourcetext.h"

#include <algorithm>
#include <cstdint>

namespace mpsim::core::compiler {

SourceText::SourceText(std::string path, std::string text)
    : m_path(std::move(path)), m_text(std::move(text))
{
    m_lineStarts.push_back(0);
    for (std::size_t i = 0; i < m_text.size(); ++i) {
        if (m_text[i] == '\n')
            m_lineStarts.push_back(i + 1);
        else if (static_cast<unsigned char>(m_text[i]) >= 0x80)
            m_ascii = false;
    }
}

int SourceText::lineOf(std::size_t offset) const
{
    const auto it = std::upper_bound(m_lineStarts.begin(), m_lineStarts.end(), offset);
    return static_cast<int>(it - m_lineStarts.begin());
}

int SourceText::columnOf(std::size_t offset) const
{
    const auto line = static_cast<std::size_t>(lineOf(offset));
    const std::size_t start = m_lineStarts[line - 1];
    const std::size_t end = std::min(offset, m_text.size());
    if (m_ascii)
        return static_cast<int>(end - start) + 1;
    // Minified files are one long line: continue from the last query on the
    // same line instead of recounting from its start every time.
    std::size_t from = start;
    int column = 1;
    if (m_columnCacheOffset >= start && m_columnCacheOffset <= end && m_columnCacheOffset != npos) {
        from = m_columnCacheOffset;
        column = m_columnCacheValue;
    }
    for (std::size_t i = from; i < end; ++i)
        column += (static_cast<unsigned char>(m_text[i]) & 0xC0) != 0x80;
    m_columnCacheOffset = end;
    m_columnCacheValue = column;
    return column;
}

void SourceText::report(std::vector<Diagnostic> &out, Severity severity, std::size_t offset,
                        std::string message, std::string code) const
{
    out.push_back(Diagnostic{severity, m_path, lineOf(offset), columnOf(offset),
                             std::move(message), std::move(code)});
}

namespace {

void appendUtf8(std::string &out, std::uint32_t cp)
{
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        cp = 0xFFFD;
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

} // namespace

std::string decodeEntities(std::string_view text)
{
    if (text.find('&') == std::string_view::npos)
        return std::string(text);
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '&') {
            out += text[i];
            continue;
        }
        const std::size_t semicolon = text.find(';', i + 1);
        if (semicolon == std::string_view::npos || semicolon - i > 10) {
            out += '&';
            continue;
        }
        const std::string_view name = text.substr(i + 1, semicolon - i - 1);
        bool decoded = true;
        if (name == "lt")
            out += '<';
        else if (name == "gt")
            out += '>';
        else if (name == "amp")
            out += '&';
        else if (name == "quot")
            out += '"';
        else if (name == "apos")
            out += '\'';
        else if (name.size() >= 2 && name[0] == '#') {
            const bool hex = name[1] == 'x' || name[1] == 'X';
            const std::string_view digits = name.substr(hex ? 2 : 1);
            std::uint32_t cp = 0;
            decoded = !digits.empty();
            for (const char c : digits) {
                int value = -1;
                if (c >= '0' && c <= '9')
                    value = c - '0';
                else if (hex && c >= 'a' && c <= 'f')
                    value = c - 'a' + 10;
                else if (hex && c >= 'A' && c <= 'F')
                    value = c - 'A' + 10;
                if (value < 0 || cp > 0x10FFFF) {
                    decoded = false;
                    break;
                }
                cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(value);
            }
            if (decoded)
                appendUtf8(out, cp);
        } else {
            decoded = false;
        }
        if (decoded)
            i = semicolon;
        else
            out += '&';
    }
    return out;
}

} // namespace mpsim::core::compiler
