#include "mock/projectconfigfile.h"

#include "util/atomicfile.h"
#include "util/jsonreader.h"

#include <algorithm>
#include <optional>
#include <vector>

namespace mpsim::core {

namespace {

using ordered_json = nlohmann::ordered_json;

// One member of the top-level object, as offsets into the text.
struct MemberSpan
{
    std::string key;
    std::size_t keyBegin = 0;
    std::size_t valueBegin = 0;
    std::size_t valueEnd = 0;
};

struct ObjectSpan
{
    std::size_t openBrace = 0;
    std::size_t closeBrace = 0;
    std::vector<MemberSpan> members;
};

// Finds the top-level members of a JSON object text that nlohmann has already
// accepted, so the scanner can trust the syntax and only track offsets.
class TopLevelScanner
{
public:
    explicit TopLevelScanner(std::string_view text) : m_text(text) {}

    std::optional<ObjectSpan> scan()
    {
        ObjectSpan span;
        if (m_text.substr(0, 3) == "\xEF\xBB\xBF")
            m_pos = 3;
        skipWhitespace();
        if (peek() != '{')
            return std::nullopt;
        span.openBrace = m_pos++;
        while (m_pos < m_text.size()) {
            skipWhitespace();
            if (peek() == '}') {
                span.closeBrace = m_pos;
                return span;
            }
            if (peek() == ',') {
                ++m_pos;
                continue;
            }
            if (peek() != '"')
                return std::nullopt;
            MemberSpan member;
            member.keyBegin = m_pos;
            skipString();
            try {
                member.key = nlohmann::json::parse(
                                 m_text.substr(member.keyBegin, m_pos - member.keyBegin))
                                 .get<std::string>();
            } catch (const nlohmann::json::exception &) {
                return std::nullopt;
            }
            skipWhitespace();
            if (peek() != ':')
                return std::nullopt;
            ++m_pos;
            skipWhitespace();
            member.valueBegin = m_pos;
            skipValue();
            member.valueEnd = m_pos;
            span.members.push_back(std::move(member));
        }
        return std::nullopt;
    }

private:
    char peek() const { return m_pos < m_text.size() ? m_text[m_pos] : '\0'; }

    void skipWhitespace()
    {
        while (m_pos < m_text.size()
               && (m_text[m_pos] == ' ' || m_text[m_pos] == '\t' || m_text[m_pos] == '\n'
                   || m_text[m_pos] == '\r'))
            ++m_pos;
    }

    void skipString()
    {
        ++m_pos; // the opening quote
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (c == '\\') {
                m_pos += 2;
            } else {
                ++m_pos;
                if (c == '"')
                    return;
            }
        }
    }

    void skipValue()
    {
        const char first = peek();
        if (first == '"') {
            skipString();
        } else if (first == '{' || first == '[') {
            std::size_t depth = 0;
            while (m_pos < m_text.size()) {
                const char c = m_text[m_pos];
                if (c == '"') {
                    skipString();
                    continue;
                }
                ++m_pos;
                if (c == '{' || c == '[') {
                    ++depth;
                } else if (c == '}' || c == ']') {
                    if (--depth == 0)
                        return;
                }
            }
        } else {
            while (m_pos < m_text.size()
                   && std::string_view(",}] \t\r\n").find(m_text[m_pos]) == std::string_view::npos)
                ++m_pos;
        }
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
};

// The whitespace that starts the line holding `offset`, when only whitespace
// precedes `offset` on that line; nullopt otherwise.
std::optional<std::string> lineIndent(std::string_view text, std::size_t offset)
{
    const std::size_t lineStart = [&] {
        const auto newline = text.rfind('\n', offset == 0 ? 0 : offset - 1);
        return newline == std::string_view::npos || offset == 0 ? std::size_t(0) : newline + 1;
    }();
    std::string_view prefix = text.substr(lineStart, offset - lineStart);
    if (lineStart == 0 && prefix.substr(0, 3) == "\xEF\xBB\xBF")
        prefix.remove_prefix(3);
    if (prefix.find_first_not_of(" \t") != std::string_view::npos)
        return std::nullopt;
    return std::string(prefix);
}

std::string located(std::string_view source, const std::string &pointer)
{
    return source.empty() ? pointer : std::string(source) + ":" + pointer;
}

} // namespace

Result<ProjectConfigFile> ProjectConfigFile::parse(std::string text, std::string_view source)
{
    if (text.size() > maxFileBytes)
        return Error{"project.config.json is larger than 16 MB", std::string(source)};
    auto document = parseJsonText(text, source);
    if (!document)
        return document.error();
    if (!document.value().is_object())
        return Error{"project.config.json must hold a JSON object, not "
                         + std::string(jsonTypeName(document.value())),
                     located(source, "(root)")};

    const auto span = TopLevelScanner(text).scan();
    if (!span)
        return Error{"could not locate the members of the top-level object",
                     located(source, "(root)")};

    ProjectConfigFile file;
    file.m_openBrace = span->openBrace;
    file.m_closeBrace = span->closeBrace;
    if (!span->members.empty()) {
        file.m_lastValueEnd = span->members.back().valueEnd;
        const auto indent = lineIndent(text, span->members.front().keyBegin);
        const bool usable = indent && !indent->empty()
                            && (indent->find_first_not_of(' ') == std::string::npos
                                || indent->find_first_not_of('\t') == std::string::npos);
        if (usable)
            file.m_unitIndent = *indent;
    }
    file.m_valueIndent = file.m_unitIndent;
    if (const auto newline = text.find('\n'); newline != std::string::npos && newline > 0
                                              && text[newline - 1] == '\r')
        file.m_newline = "\r\n";

    // nlohmann keeps the last of duplicate keys; so does mpsim.
    const auto member = std::find_if(span->members.rbegin(), span->members.rend(),
                                     [](const MemberSpan &m) { return m.key == "mockConfig"; });
    if (member != span->members.rend()) {
        file.m_hasMockConfig = true;
        file.m_valueBegin = member->valueBegin;
        file.m_valueEnd = member->valueEnd;
        file.m_valueIndent = lineIndent(text, member->keyBegin).value_or(std::string());
        const auto block = ordered_json::parse(
            std::string_view(text).substr(member->valueBegin, member->valueEnd - member->valueBegin));
        auto config = MockConfig::fromJson(block, "/mockConfig");
        if (!config)
            return Error{config.error().message, located(source, config.error().location)};
        file.m_mockConfig = std::move(config).value();
    }
    file.m_text = std::move(text);
    return file;
}

Result<ProjectConfigFile> ProjectConfigFile::load(const std::filesystem::path &path)
{
    auto text = readWholeFile(path);
    if (!text)
        return text.error();
    return parse(std::move(text).value(), path.string());
}

Result<void> ProjectConfigFile::saveRules(const std::filesystem::path &path, const MockConfig &config)
{
    auto file = load(path);
    if (!file)
        return file.error();
    return writeFileAtomically(path, file->withRules(config));
}

std::string ProjectConfigFile::withRules(const MockConfig &config) const
{
    const ordered_json block = config.toJson();
    if (m_hasMockConfig && block == m_mockConfig.original)
        return m_text;

    const bool tabs = m_unitIndent.find_first_not_of('\t') == std::string::npos;
    const std::string dumped = block.dump(static_cast<int>(m_unitIndent.size()), tabs ? '\t' : ' ',
                                          false, nlohmann::json::error_handler_t::replace);
    const std::string base = m_hasMockConfig ? m_valueIndent : m_unitIndent;
    std::string value;
    value.reserve(dumped.size() * 2);
    for (const char c : dumped) {
        if (c == '\n')
            value += m_newline + base;
        else
            value += c;
    }

    if (m_hasMockConfig)
        return m_text.substr(0, m_valueBegin) + value + m_text.substr(m_valueEnd);

    const std::string member = m_unitIndent + "\"mockConfig\": " + value;
    if (m_lastValueEnd == 0) {
        return m_text.substr(0, m_openBrace + 1) + m_newline + member + m_newline
               + m_text.substr(m_closeBrace);
    }
    return m_text.substr(0, m_lastValueEnd) + "," + m_newline + member
           + m_text.substr(m_lastValueEnd);
}

} // namespace mpsim::core
