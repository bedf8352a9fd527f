#include "compiler/wxsscompiler.h"

#include "compiler/builtincomponents.h"
#include "compiler/sourcetext.h"

#include <algorithm>
#include <memory>

namespace mpsim::core::compiler {

namespace {

constexpr std::size_t maxImportDepth = 32;
constexpr std::size_t maxSelectorNesting = 64;

bool isNameChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
        || static_cast<unsigned char>(c) >= 0x80;
}

bool isNameStart(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// Index just past the string starting at `i` (its quote), or npos when it is not closed.
std::size_t skipString(std::string_view text, std::size_t i)
{
    const char quote = text[i];
    for (std::size_t p = i + 1; p < text.size(); ++p) {
        if (text[p] == '\\') {
            ++p;
            continue;
        }
        if (text[p] == quote)
            return p + 1;
        if (text[p] == '\n')
            return std::string_view::npos;
    }
    return std::string_view::npos;
}

// Index just past the ')' matching the '(' at `open` (strings skipped), or the end.
std::size_t skipParens(std::string_view text, std::size_t open)
{
    int depth = 0;
    for (std::size_t p = open; p < text.size(); ++p) {
        const char c = text[p];
        if (c == '"' || c == '\'') {
            const std::size_t end = skipString(text, p);
            if (end == std::string_view::npos)
                return text.size();
            p = end - 1;
        } else if (c == '(') {
            ++depth;
        } else if (c == ')' && --depth == 0) {
            return p + 1;
        }
    }
    return text.size();
}

std::string mapSelector(std::string_view text, std::size_t nesting)
{
    std::string out;
    out.reserve(text.size() + 16);
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        if (c == '/' && i + 1 < text.size() && text[i + 1] == '*') {
            const std::size_t end = text.find("*/", i + 2);
            const std::size_t stop = end == std::string_view::npos ? text.size() : end + 2;
            out += text.substr(i, stop - i);
            i = stop;
        } else if (c == '"' || c == '\'') {
            const std::size_t end = skipString(text, i);
            const std::size_t stop = end == std::string_view::npos ? text.size() : end;
            out += text.substr(i, stop - i);
            i = stop;
        } else if (c == '\\') {
            out += text.substr(i, std::min<std::size_t>(2, text.size() - i));
            i += 2;
        } else if (c == '[') {
            std::size_t p = i + 1;
            while (p < text.size() && text[p] != ']') {
                if (text[p] == '"' || text[p] == '\'') {
                    const std::size_t end = skipString(text, p);
                    p = end == std::string_view::npos ? text.size() : end;
                } else {
                    ++p;
                }
            }
            const std::size_t stop = std::min(text.size(), p + 1);
            out += text.substr(i, stop - i);
            i = stop;
        } else if (c == '.' || c == '#') {
            std::size_t p = i + 1;
            while (p < text.size() && (isNameChar(text[p]) || text[p] == '\\')) {
                p += text[p] == '\\' ? 2 : 1;
            }
            p = std::min(p, text.size());
            out += text.substr(i, p - i);
            i = p;
        } else if (c == ':') {
            std::size_t p = i + 1;
            if (p < text.size() && text[p] == ':')
                ++p;
            const std::size_t nameStart = p;
            while (p < text.size() && isNameChar(text[p]))
                ++p;
            const std::string_view name = text.substr(nameStart, p - nameStart);
            out += text.substr(i, p - i);
            i = p;
            if (i < text.size() && text[i] == '(') {
                const std::size_t end = skipParens(text, i);
                const bool selectorArgument = name == "not" || name == "is" || name == "where" || name == "has"
                    || name == "matches" || name == "-webkit-any" || name == "-moz-any" || name == "host"
                    || name == "host-context" || name == "global";
                if (selectorArgument && nesting < maxSelectorNesting && end - i >= 2) {
                    out += '(';
                    const std::size_t innerEnd = text[end - 1] == ')' ? end - 1 : end;
                    out += mapSelector(text.substr(i + 1, innerEnd - i - 1), nesting + 1);
                    if (innerEnd < end)
                        out += ')';
                } else {
                    out += text.substr(i, end - i);
                }
                i = end;
            }
        } else if (isNameStart(c) || (c == '-' && i + 1 < text.size() && isNameStart(text[i + 1]))) {
            std::size_t p = i + 1;
            while (p < text.size() && isNameChar(text[p]))
                ++p;
            const std::string_view name = text.substr(i, p - i);
            if (p < text.size() && text[p] == '|') {
                out += name; // a namespace prefix
            } else if (isBuiltinComponent(name)) {
                out += "wx-";
                out += name;
            } else {
                out += name;
            }
            i = p;
        } else {
            out += c;
            ++i;
        }
    }
    return out;
}

// Converts <number>rpx in a declaration block's text.
void appendDeclarations(std::string &out, std::string_view text)
{
    std::size_t i = 0;
    std::size_t copied = 0;
    while (i < text.size()) {
        const char c = text[i];
        if (c == '"' || c == '\'') {
            const std::size_t end = skipString(text, i);
            i = end == std::string_view::npos ? text.size() : end;
            continue;
        }
        if ((c == 'u' || c == 'U') && text.size() - i >= 4
            && (text.compare(i, 4, "url(") == 0 || text.compare(i, 4, "URL(") == 0)
            && (i == 0 || !isNameChar(text[i - 1]))) {
            i = skipParens(text, i + 3);
            continue;
        }
        if (c == '/' && i + 1 < text.size() && text[i + 1] == '*') {
            const std::size_t end = text.find("*/", i + 2);
            i = end == std::string_view::npos ? text.size() : end + 2;
            continue;
        }
        const bool signStart = (c == '-' || c == '+') && i + 1 < text.size()
            && (isDigit(text[i + 1]) || (text[i + 1] == '.' && i + 2 < text.size() && isDigit(text[i + 2])));
        const bool numberStart = isDigit(c) || (c == '.' && i + 1 < text.size() && isDigit(text[i + 1]));
        if ((signStart || numberStart)
            && (i == 0 || (!isNameChar(text[i - 1]) && text[i - 1] != '.' && text[i - 1] != '#'))) {
            std::size_t p = i + (signStart ? 1 : 0);
            while (p < text.size() && isDigit(text[p]))
                ++p;
            if (p < text.size() && text[p] == '.') {
                ++p;
                while (p < text.size() && isDigit(text[p]))
                    ++p;
            }
            if (p + 3 <= text.size()) {
                std::string unit(text.substr(p, 3));
                std::transform(unit.begin(), unit.end(), unit.begin(),
                               [](char ch) { return static_cast<char>(ch | 0x20); });
                if (unit == "rpx" && (p + 3 == text.size() || !isNameChar(text[p + 3]))) {
                    out += text.substr(copied, i - copied);
                    out += "calc(";
                    out += text.substr(i, p - i);
                    out += " * var(--rpx))";
                    i = copied = p + 3;
                    continue;
                }
            }
            // Skip the whole token ("10px", "1e3") so its tail is not read as a number.
            while (p < text.size() && isNameChar(text[p]))
                ++p;
            i = p;
            continue;
        }
        if (isNameChar(c)) {
            while (i < text.size() && isNameChar(text[i]))
                ++i;
            continue;
        }
        ++i;
    }
    out += text.substr(copied);
}

// The index of the first character that is neither blank nor in a comment.
std::size_t skipBlanksAndComments(std::string_view text)
{
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n') {
            ++i;
        } else if (text.compare(i, 2, "/*") == 0) {
            const std::size_t end = text.find("*/", i + 2);
            i = end == std::string_view::npos ? text.size() : end + 2;
        } else {
            break;
        }
    }
    return i < text.size() ? i : std::string_view::npos;
}

enum class Context { Rules, Declarations, Keyframes };

class WxssRun
{
public:
    WxssRun(SourceLoader &loader, WxssCompileResult &result) : m_loader(loader), m_result(result) {}

    void compileFile(const std::string &path, std::vector<std::string> &stack, std::string &out,
                     const SourceText *from, std::size_t fromOffset)
    {
        auto contents = m_loader.read(path);
        if (!contents) {
            if (from)
                from->report(m_result.diagnostics, Severity::Error, fromOffset,
                             "imported file '" + path + "' not found", "file-not-found");
            else
                m_result.diagnostics.push_back(
                    Diagnostic{Severity::Error, path, 0, 0, "file not found", "file-not-found"});
            return;
        }
        if (std::find(m_result.dependencies.begin(), m_result.dependencies.end(), path)
            == m_result.dependencies.end())
            m_result.dependencies.push_back(path);
        auto source = std::make_unique<SourceText>(path, std::move(*contents));
        stack.push_back(path);
        process(*source, stack, out);
        stack.pop_back();
    }

private:
    void error(const SourceText &source, std::size_t offset, std::string message, std::string code)
    {
        source.report(m_result.diagnostics, Severity::Error, offset, std::move(message), std::move(code));
    }

    void importStatement(const SourceText &source, std::string_view statement, std::size_t offset,
                         std::vector<std::string> &stack, std::string &out)
    {
        // statement: `@import <what>;`
        std::string_view what = statement.substr(7);
        while (!what.empty() && (what.front() == ' ' || what.front() == '\t' || what.front() == '\n' || what.front() == '\r'))
            what.remove_prefix(1);
        while (!what.empty() && (what.back() == ';' || what.back() == ' ' || what.back() == '\t'
                                 || what.back() == '\n' || what.back() == '\r'))
            what.remove_suffix(1);
        if (what.size() >= 4 && (what.substr(0, 4) == "url(" || what.substr(0, 4) == "URL(")) {
            what.remove_prefix(4);
            const std::size_t close = what.rfind(')');
            if (close != std::string_view::npos)
                what = what.substr(0, close);
            while (!what.empty() && what.front() == ' ')
                what.remove_prefix(1);
            while (!what.empty() && what.back() == ' ')
                what.remove_suffix(1);
        }
        std::string reference;
        if (!what.empty() && (what.front() == '"' || what.front() == '\'')) {
            const std::size_t end = what.find(what.front(), 1);
            if (end == std::string_view::npos) {
                error(source, offset, "malformed @import", "import-syntax");
                return;
            }
            // Media queries after the path are not supported by the platform either.
            reference = std::string(what.substr(1, end - 1));
        } else {
            reference = std::string(what.substr(0, what.find_first_of(" \t")));
        }
        if (reference.empty()) {
            error(source, offset, "@import needs a path", "import-syntax");
            return;
        }
        if (reference.rfind("http://", 0) == 0 || reference.rfind("https://", 0) == 0 || reference.rfind("//", 0) == 0) {
            out += statement;
            return;
        }
        const std::size_t slash = reference.find_last_of('/');
        const std::size_t dot = reference.find_last_of('.');
        if (dot == std::string::npos || (slash != std::string::npos && dot < slash))
            reference += ".wxss";
        const auto path = resolveSourcePath(source.path(), reference);
        if (!path) {
            error(source, offset, "'" + reference + "' is outside the mini-program root", "path-outside-root");
            return;
        }
        if (std::find(stack.begin(), stack.end(), *path) != stack.end()) {
            std::string chain;
            for (const auto &step : stack)
                chain += step + " -> ";
            error(source, offset, "@import cycle: " + chain + *path, "import-cycle");
            return;
        }
        if (stack.size() >= maxImportDepth) {
            error(source, offset, "@import nested too deeply", "import-depth");
            return;
        }
        compileFile(*path, stack, out, &source, offset);
    }

    void process(const SourceText &source, std::vector<std::string> &stack, std::string &out)
    {
        const std::string_view text = source.text();
        std::vector<std::pair<Context, std::size_t>> contexts{{Context::Rules, 0}};
        std::size_t start = 0; // start of the pending prelude or declarations
        std::size_t i = 0;
        auto inDeclarations = [&] { return contexts.back().first == Context::Declarations; };
        auto flushDeclarations = [&](std::size_t end) {
            appendDeclarations(out, text.substr(start, end - start));
            start = end;
        };
        while (i < text.size()) {
            const char c = text[i];
            if (c == '/' && i + 1 < text.size() && text[i + 1] == '*') {
                const std::size_t end = text.find("*/", i + 2);
                if (end == std::string_view::npos) {
                    error(source, i, "comment is not closed with '*/'", "unclosed-comment");
                    i = text.size();
                    break;
                }
                i = end + 2;
                continue;
            }
            if (c == '"' || c == '\'') {
                const std::size_t end = skipString(text, i);
                if (end == std::string_view::npos) {
                    error(source, i, "string is not closed", "unclosed-string");
                    const std::size_t line = text.find('\n', i);
                    i = line == std::string_view::npos ? text.size() : line;
                } else {
                    i = end;
                }
                continue;
            }
            if (c == '(' && !inDeclarations()) {
                i = skipParens(text, i);
                continue;
            }
            if (c == ';' && !inDeclarations()) {
                const std::string_view statement = text.substr(start, i + 1 - start);
                const std::size_t lead = skipBlanksAndComments(statement);
                if (lead != std::string_view::npos && statement.substr(lead, 7) == "@import") {
                    out += statement.substr(0, lead);
                    importStatement(source, statement.substr(lead), start + lead, stack, out);
                } else {
                    out += statement;
                }
                start = i + 1;
                ++i;
                continue;
            }
            if (c == '{') {
                if (inDeclarations()) {
                    // Nested rule (CSS nesting): its prelude is inside the text so far.
                    flushDeclarations(i + 1);
                    contexts.emplace_back(Context::Declarations, i);
                    ++i;
                    continue;
                }
                const std::string_view prelude = text.substr(start, i - start);
                const std::size_t lead = prelude.find_first_not_of(" \t\r\n");
                Context next = Context::Declarations;
                if (contexts.back().first == Context::Keyframes) {
                    out += prelude;
                } else if (lead != std::string_view::npos && prelude[lead] == '@') {
                    std::size_t p = lead + 1;
                    while (p < prelude.size() && isNameChar(prelude[p]))
                        ++p;
                    const std::string_view name = prelude.substr(lead + 1, p - lead - 1);
                    if (name == "media" || name == "supports" || name == "document" || name == "container"
                        || name == "layer" || name == "-moz-document" || name == "scope")
                        next = Context::Rules;
                    else if (name.size() >= 9 && name.substr(name.size() - 9) == "keyframes")
                        next = Context::Keyframes;
                    const std::size_t rpx = prelude.find("rpx");
                    if (rpx != std::string_view::npos && rpx > 0 && isDigit(prelude[rpx - 1]))
                        source.report(m_result.diagnostics, Severity::Warning, start + rpx,
                                      "rpx cannot be converted in an at-rule prelude; kept as written",
                                      "rpx-in-at-rule");
                    out += prelude;
                } else {
                    out += mapSelector(prelude, 0);
                }
                out += '{';
                contexts.emplace_back(next, i);
                start = ++i;
                continue;
            }
            if (c == '}') {
                if (contexts.size() == 1) {
                    error(source, i, "'}' without a matching '{'", "unbalanced-brace");
                    out += text.substr(start, i - start);
                    start = ++i;
                    continue;
                }
                if (inDeclarations())
                    flushDeclarations(i);
                else
                    out += text.substr(start, i - start);
                out += '}';
                contexts.pop_back();
                start = ++i;
                continue;
            }
            ++i;
        }
        if (inDeclarations())
            flushDeclarations(text.size());
        else
            out += text.substr(start);
        for (std::size_t k = contexts.size(); k-- > 1;)
            error(source, contexts[k].second, "block is not closed with '}'", "unclosed-block");
        if (!out.empty() && out.back() != '\n')
            out += '\n';
    }

    SourceLoader &m_loader;
    WxssCompileResult &m_result;
};

} // namespace

std::string mapWxssSelector(std::string_view selector)
{
    return mapSelector(selector, 0);
}

WxssCompiler::WxssCompiler(SourceLoader &loader) : m_loader(loader)
{
}

WxssCompileResult WxssCompiler::compile(const std::string &path)
{
    WxssCompileResult result;
    std::vector<std::string> stack;
    WxssRun(m_loader, result).compileFile(path, stack, result.css, nullptr, 0);
    return result;
}

} // namespace mpsim::core::compiler
