#include "compiler/wxmlparser.h"

#include "compiler/expressionparser.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace mpsim::core::compiler {

namespace {

constexpr std::size_t maxNesting = 256;

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

bool isTagStart(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'
        || static_cast<unsigned char>(c) >= 0x80;
}

bool isBlank(std::string_view text)
{
    return std::all_of(text.begin(), text.end(), isSpace);
}

} // namespace

bool isVoidTag(const std::string &tag)
{
    static constexpr std::array<std::string_view, 5> tags{"image", "input", "import", "include",
                                                          "icon"};
    return std::find(tags.begin(), tags.end(), tag) != tags.end();
}

WxmlParser::WxmlParser(const SourceText &source, std::vector<Diagnostic> &diagnostics)
    : m_source(source), m_diagnostics(diagnostics)
{
}

std::vector<WxmlNode> WxmlParser::parse()
{
    const std::string_view text = m_source.text();
    const std::size_t size = text.size();
    WxmlNode root;
    std::vector<WxmlNode *> open{&root};
    bool depthReported = false;
    std::size_t pos = 0;

    auto error = [&](std::size_t offset, std::string message, std::string code) {
        m_source.report(m_diagnostics, Severity::Error, offset, std::move(message), std::move(code));
    };
    auto warning = [&](std::size_t offset, std::string message, std::string code) {
        m_source.report(m_diagnostics, Severity::Warning, offset, std::move(message), std::move(code));
    };
    auto addText = [&](std::size_t start, std::size_t end) {
        if (end <= start || isBlank(text.substr(start, end - start)))
            return;
        WxmlNode node;
        node.kind = WxmlNode::Kind::Text;
        node.text = std::string(text.substr(start, end - start));
        node.offset = start;
        node.textOffset = start;
        open.back()->children.push_back(std::move(node));
    };

    std::size_t textStart = 0;
    while (pos < size) {
        const char c = text[pos];
        if (c == '{' && pos + 1 < size && text[pos + 1] == '{') {
            // `<` and `>` inside {{ }} are part of the expression, not markup.
            const std::size_t end = findInterpolationEnd(text, pos);
            const std::size_t nextTag = text.find('<', pos);
            if (end != std::string_view::npos
                && (nextTag == std::string_view::npos || nextTag > end
                    || text.substr(pos, end - pos).find("</") == std::string_view::npos)) {
                pos = end;
                continue;
            }
            pos += 2;
            continue;
        }
        if (c != '<') {
            ++pos;
            continue;
        }
        // Markup: end the pending text first.
        if (text.compare(pos, 4, "<!--") == 0) {
            addText(textStart, pos);
            const std::size_t end = text.find("-->", pos + 4);
            if (end == std::string_view::npos) {
                error(pos, "comment is not closed with '-->'", "unclosed-comment");
                pos = textStart = size;
                break;
            }
            pos = textStart = end + 3;
            continue;
        }
        if (pos + 1 < size && text[pos + 1] == '!') {
            addText(textStart, pos);
            warning(pos, "markup declaration ignored", "ignored-declaration");
            const std::size_t end = text.find('>', pos);
            pos = textStart = end == std::string_view::npos ? size : end + 1;
            continue;
        }
        if (pos + 1 < size && text[pos + 1] == '/') {
            addText(textStart, pos);
            const std::size_t tagOffset = pos;
            std::size_t p = pos + 2;
            const std::size_t nameStart = p;
            while (p < size && !isSpace(text[p]) && text[p] != '>' && text[p] != '<')
                ++p;
            const std::string name(text.substr(nameStart, p - nameStart));
            while (p < size && text[p] != '>' && text[p] != '<')
                ++p;
            if (p < size && text[p] == '>')
                ++p;
            else
                error(tagOffset, "end tag </" + name + "> is not closed with '>'", "unclosed-end-tag");
            pos = textStart = p;

            std::size_t match = open.size();
            for (std::size_t i = open.size(); i-- > 1;) {
                if (open[i]->tag == name) {
                    match = i;
                    break;
                }
            }
            if (match == open.size()) {
                if (!isVoidTag(name) && !depthReported)
                    error(tagOffset, "end tag </" + name + "> has no matching start tag",
                          "stray-end-tag");
                continue;
            }
            for (std::size_t i = open.size() - 1; i > match; --i)
                error(open[i]->offset,
                      "<" + open[i]->tag + "> is not closed (closed here by </" + name + ">)",
                      "unclosed-tag");
            open.resize(match);
            continue;
        }
        if (pos + 1 >= size || !isTagStart(text[pos + 1])) {
            warning(pos, "'<' that does not start a tag is kept as text (write &lt;)", "stray-lt");
            ++pos;
            continue;
        }

        // A start tag.
        addText(textStart, pos);
        WxmlNode element;
        element.offset = pos;
        std::size_t p = pos + 1;
        while (p < size && !isSpace(text[p]) && text[p] != '>' && text[p] != '/' && text[p] != '<'
               && text[p] != '"' && text[p] != '\'' && text[p] != '=')
            ++p;
        element.tag = std::string(text.substr(pos + 1, p - pos - 1));
        bool selfClosed = false;
        bool closed = false;
        while (p < size) {
            while (p < size && isSpace(text[p]))
                ++p;
            if (p >= size)
                break;
            const char d = text[p];
            if (d == '>') {
                ++p;
                closed = true;
                break;
            }
            if (d == '/') {
                ++p;
                if (p < size && text[p] == '>') {
                    ++p;
                    closed = selfClosed = true;
                    break;
                }
                continue;
            }
            if (d == '<') {
                error(p, "<" + element.tag + "> start tag is not closed with '>'", "unclosed-start-tag");
                closed = true;
                break;
            }
            if (d == '"' || d == '\'' || d == '=') {
                warning(p, std::string("unexpected '") + d + "' in <" + element.tag + ">",
                        "stray-character");
                const std::size_t end = d == '=' ? p : text.find(d, p + 1);
                p = end == std::string_view::npos ? size : end + 1;
                continue;
            }
            WxmlAttribute attribute;
            attribute.nameOffset = p;
            const std::size_t nameStart = p;
            while (p < size && !isSpace(text[p]) && text[p] != '=' && text[p] != '>' && text[p] != '<'
                   && text[p] != '"' && text[p] != '\''
                   && !(text[p] == '/' && p + 1 < size && text[p + 1] == '>'))
                ++p;
            attribute.name = std::string(text.substr(nameStart, p - nameStart));
            std::size_t q = p;
            while (q < size && isSpace(text[q]))
                ++q;
            if (q < size && text[q] == '=') {
                ++q;
                while (q < size && isSpace(text[q]))
                    ++q;
                attribute.hasValue = true;
                if (q < size && (text[q] == '"' || text[q] == '\'')) {
                    const char quote = text[q];
                    const std::size_t end = text.find(quote, q + 1);
                    attribute.valueOffset = q + 1;
                    if (end == std::string_view::npos) {
                        error(q, "value of '" + attribute.name + "' has no closing quote",
                              "unclosed-attribute-value");
                        attribute.value = std::string(text.substr(q + 1));
                        p = size;
                    } else {
                        attribute.value = std::string(text.substr(q + 1, end - q - 1));
                        p = end + 1;
                    }
                } else {
                    attribute.valueOffset = q;
                    std::size_t end = q;
                    while (end < size && !isSpace(text[end]) && text[end] != '>'
                           && !(text[end] == '/' && end + 1 < size && text[end + 1] == '>'))
                        ++end;
                    attribute.value = std::string(text.substr(q, end - q));
                    p = end;
                }
            }
            element.attributes.push_back(std::move(attribute));
        }
        if (!closed) {
            error(element.offset, "<" + element.tag + "> start tag is not closed with '>'",
                  "unclosed-start-tag");
        }
        pos = textStart = p;

        if (element.tag == "wxs" && !selfClosed && closed) {
            // A <wxs>'s content is code, not markup: keep it raw up to </wxs>.
            const std::size_t end = text.find("</wxs", pos);
            element.textOffset = pos;
            if (end == std::string_view::npos) {
                error(element.offset, "<wxs> is not closed", "unclosed-tag");
                element.text = std::string(text.substr(pos));
                pos = textStart = size;
            } else {
                element.text = std::string(text.substr(pos, end - pos));
                const std::size_t close = text.find('>', end);
                pos = textStart = close == std::string_view::npos ? size : close + 1;
            }
            selfClosed = true;
        }

        const bool tooDeep = open.size() > maxNesting;
        if (tooDeep && !depthReported) {
            error(element.offset, "elements are nested more than 256 levels deep", "nesting-depth");
            depthReported = true;
        }
        const bool leaf = selfClosed || !closed || isVoidTag(element.tag) || tooDeep;
        open.back()->children.push_back(std::move(element));
        if (!leaf)
            open.push_back(&open.back()->children.back());
    }
    addText(textStart, size);
    for (std::size_t i = open.size(); i-- > 1;)
        error(open[i]->offset, "<" + open[i]->tag + "> is not closed", "unclosed-tag");
    return std::move(root.children);
}

} // namespace mpsim::core::compiler
