#include "compiler/expressionparser.h"

#include <charconv>
#include <cstdint>
#include <optional>

namespace mpsim::core::compiler {

namespace {

constexpr int maxDepth = 200;

enum class TokenKind { End, Number, String, Identifier, Punct, Invalid };

struct Token
{
    TokenKind kind = TokenKind::End;
    std::string_view text; // as written (for strings: with quotes)
    std::string value;     // decoded string value
    double number = 0;
    std::size_t offset = 0; // within the expression text
};

bool isIdentifierStart(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$'
        || static_cast<unsigned char>(c) >= 0x80;
}

bool isIdentifierPart(char c)
{
    return isIdentifierStart(c) || (c >= '0' && c <= '9');
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

void appendCodePoint(std::string &out, std::uint32_t cp)
{
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
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

// Longest first, so "===" wins over "==".
constexpr std::string_view punctuators[] = {
    "...", "===", "!==", "==", "!=", "<=", ">=", "&&", "||", "??", "<", ">", "+", "-", "*",
    "/",   "%",   "!",   "~",  "?",  ":",  ".",  ",",  "(",  ")",  "[", "]", "{", "}", "&", "|", "^",
};

class Lexer
{
public:
    explicit Lexer(std::string_view text) : m_text(text) {}

    // Fills `token`; returns an error message for a malformed token.
    std::optional<std::string> next(Token &token)
    {
        while (m_pos < m_text.size() && isSpace(m_text[m_pos]))
            ++m_pos;
        token = Token{};
        token.offset = m_pos;
        if (m_pos >= m_text.size()) {
            token.kind = TokenKind::End;
            return std::nullopt;
        }
        const char c = m_text[m_pos];
        const std::size_t start = m_pos;
        if (isIdentifierStart(c)) {
            while (m_pos < m_text.size() && isIdentifierPart(m_text[m_pos]))
                ++m_pos;
            token.kind = TokenKind::Identifier;
            token.text = m_text.substr(start, m_pos - start);
            return std::nullopt;
        }
        if ((c >= '0' && c <= '9')
            || (c == '.' && m_pos + 1 < m_text.size() && m_text[m_pos + 1] >= '0'
                && m_text[m_pos + 1] <= '9'))
            return number(token);
        if (c == '\'' || c == '"')
            return string(token);
        for (const std::string_view p : punctuators) {
            if (m_text.substr(m_pos, p.size()) == p) {
                m_pos += p.size();
                token.kind = TokenKind::Punct;
                token.text = p;
                return std::nullopt;
            }
        }
        token.kind = TokenKind::Invalid;
        token.text = m_text.substr(m_pos, 1);
        return "unexpected character '" + std::string(token.text) + "'";
    }

private:
    std::optional<std::string> number(Token &token)
    {
        const std::size_t start = m_pos;
        token.kind = TokenKind::Number;
        if (m_text[m_pos] == '0' && m_pos + 1 < m_text.size()
            && (m_text[m_pos + 1] == 'x' || m_text[m_pos + 1] == 'X' || m_text[m_pos + 1] == 'o'
                || m_text[m_pos + 1] == 'O' || m_text[m_pos + 1] == 'b' || m_text[m_pos + 1] == 'B')) {
            const char radixChar = static_cast<char>(m_text[m_pos + 1] | 0x20);
            const int radix = radixChar == 'x' ? 16 : radixChar == 'o' ? 8 : 2;
            m_pos += 2;
            double value = 0;
            std::size_t digits = 0;
            while (m_pos < m_text.size()) {
                const int d = hexValue(m_text[m_pos]);
                if (d < 0 || d >= radix)
                    break;
                value = value * radix + d;
                ++m_pos;
                ++digits;
            }
            token.text = m_text.substr(start, m_pos - start);
            token.number = value;
            if (digits == 0)
                return "malformed number '" + std::string(token.text) + "'";
        } else {
            while (m_pos < m_text.size() && m_text[m_pos] >= '0' && m_text[m_pos] <= '9')
                ++m_pos;
            if (m_pos < m_text.size() && m_text[m_pos] == '.') {
                ++m_pos;
                while (m_pos < m_text.size() && m_text[m_pos] >= '0' && m_text[m_pos] <= '9')
                    ++m_pos;
            }
            if (m_pos < m_text.size() && (m_text[m_pos] == 'e' || m_text[m_pos] == 'E')) {
                std::size_t p = m_pos + 1;
                if (p < m_text.size() && (m_text[p] == '+' || m_text[p] == '-'))
                    ++p;
                if (p < m_text.size() && m_text[p] >= '0' && m_text[p] <= '9') {
                    m_pos = p;
                    while (m_pos < m_text.size() && m_text[m_pos] >= '0' && m_text[m_pos] <= '9')
                        ++m_pos;
                }
            }
            token.text = m_text.substr(start, m_pos - start);
            // from_chars ignores the locale (strtod would read "1.5" as 1 under de_DE).
            std::string_view digits = token.text;
            std::string withZero;
            if (!digits.empty() && digits[0] == '.') {
                withZero = "0" + std::string(digits);
                digits = withZero;
            }
            const auto result =
                std::from_chars(digits.data(), digits.data() + digits.size(), token.number);
            if (result.ec == std::errc::result_out_of_range)
                token.number = 1e308 * 10; // inf: emitted as (1/0)
        }
        if (m_pos < m_text.size() && isIdentifierStart(m_text[m_pos]))
            return "malformed number '" + std::string(m_text.substr(start, m_pos - start + 1)) + "'";
        return std::nullopt;
    }

    std::optional<std::string> string(Token &token)
    {
        const char quote = m_text[m_pos];
        const std::size_t start = m_pos++;
        token.kind = TokenKind::String;
        while (m_pos < m_text.size() && m_text[m_pos] != quote) {
            char c = m_text[m_pos++];
            if (c != '\\') {
                token.value += c;
                continue;
            }
            if (m_pos >= m_text.size())
                break;
            c = m_text[m_pos++];
            switch (c) {
            case 'n': token.value += '\n'; break;
            case 't': token.value += '\t'; break;
            case 'r': token.value += '\r'; break;
            case 'b': token.value += '\b'; break;
            case 'f': token.value += '\f'; break;
            case 'v': token.value += '\v'; break;
            case '0': token.value += '\0'; break;
            case '\r':
                if (m_pos < m_text.size() && m_text[m_pos] == '\n')
                    ++m_pos;
                break;
            case '\n': break;
            case 'x':
            case 'u': {
                std::uint32_t cp = 0;
                if (c == 'u' && m_pos < m_text.size() && m_text[m_pos] == '{') {
                    ++m_pos;
                    while (m_pos < m_text.size() && m_text[m_pos] != '}' && hexValue(m_text[m_pos]) >= 0
                           && cp <= 0x10FFFF)
                        cp = cp * 16 + static_cast<std::uint32_t>(hexValue(m_text[m_pos++]));
                    if (m_pos < m_text.size() && m_text[m_pos] == '}')
                        ++m_pos;
                } else {
                    const int count = c == 'x' ? 2 : 4;
                    for (int i = 0; i < count && m_pos < m_text.size() && hexValue(m_text[m_pos]) >= 0; ++i)
                        cp = cp * 16 + static_cast<std::uint32_t>(hexValue(m_text[m_pos++]));
                }
                appendCodePoint(token.value, cp);
                break;
            }
            default: token.value += c; break;
            }
        }
        if (m_pos >= m_text.size()) {
            token.text = m_text.substr(start);
            return "unterminated string literal";
        }
        ++m_pos;
        token.text = m_text.substr(start, m_pos - start);
        return std::nullopt;
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
};

struct SyntaxError
{
    std::string message;
    std::size_t offset;
};

// Recursive descent over the tokens; the first error stops the parse.
class Parser
{
public:
    Parser(std::string_view text, std::size_t baseOffset) : m_lexer(text), m_base(baseOffset)
    {
        advance();
    }

    std::optional<SyntaxError> error() const { return m_error; }

    ExpressionPtr parseWhole()
    {
        if (m_token.kind == TokenKind::End)
            return make(ExpressionKind::Undefined, 0);
        auto expression = conditional();
        expectEnd();
        return expression;
    }

    // `a: 1, b, ...c` (an object body without braces).
    ExpressionPtr parseBody()
    {
        auto object = make(ExpressionKind::Object, m_token.offset);
        while (!m_error && m_token.kind != TokenKind::End) {
            property(*object);
            if (m_token.kind == TokenKind::End || m_error)
                break;
            if (!isPunct(","))
                return fail("expected ',' or the end of the object, found " + describe());
            advance();
        }
        return object;
    }

    bool startsWithBracket() const { return isPunct("{") || isPunct("["); }

private:
    ExpressionPtr make(ExpressionKind kind, std::size_t offset)
    {
        auto expression = std::make_unique<Expression>();
        expression->kind = kind;
        expression->offset = m_base + offset;
        return expression;
    }

    ExpressionPtr fail(std::string message)
    {
        if (!m_error)
            m_error = SyntaxError{std::move(message), m_base + m_token.offset};
        m_token.kind = TokenKind::End;
        return make(ExpressionKind::Undefined, m_token.offset);
    }

    void advance()
    {
        if (m_error)
            return;
        if (auto problem = m_lexer.next(m_token)) {
            m_error = SyntaxError{std::move(*problem), m_base + m_token.offset};
            m_token.kind = TokenKind::End;
        }
    }

    bool isPunct(std::string_view p) const
    {
        return m_token.kind == TokenKind::Punct && m_token.text == p;
    }

    std::string describe() const
    {
        if (m_token.kind == TokenKind::End)
            return "the end of the expression";
        return "'" + std::string(m_token.text) + "'";
    }

    void expect(std::string_view p)
    {
        if (isPunct(p))
            advance();
        else
            fail("expected '" + std::string(p) + "', found " + describe());
    }

    void expectEnd()
    {
        if (!m_error && m_token.kind != TokenKind::End)
            fail("unexpected " + describe() + " after the expression");
    }

    struct DepthGuard
    {
        explicit DepthGuard(Parser &parser) : m_parser(parser) { ++m_parser.m_depth; }
        ~DepthGuard() { --m_parser.m_depth; }
        Parser &m_parser;
    };

    bool tooDeep()
    {
        if (m_depth <= maxDepth)
            return false;
        fail("expression nested too deeply");
        m_tooDeep = true;
        return true;
    }

public:
    bool wasTooDeep() const { return m_tooDeep; }

private:
    ExpressionPtr conditional()
    {
        DepthGuard guard(*this);
        if (tooDeep())
            return make(ExpressionKind::Undefined, m_token.offset);
        auto test = binary(0);
        if (!isPunct("?"))
            return test;
        auto node = make(ExpressionKind::Conditional, 0);
        node->offset = test->offset;
        advance();
        auto consequent = conditional();
        expect(":");
        auto alternate = conditional();
        node->operands.push_back(std::move(test));
        node->operands.push_back(std::move(consequent));
        node->operands.push_back(std::move(alternate));
        return node;
    }

    static int precedence(std::string_view op)
    {
        if (op == "??")
            return 1;
        if (op == "||")
            return 2;
        if (op == "&&")
            return 3;
        if (op == "|")
            return 4;
        if (op == "^")
            return 5;
        if (op == "&")
            return 6;
        if (op == "==" || op == "!=" || op == "===" || op == "!==")
            return 7;
        if (op == "<" || op == ">" || op == "<=" || op == ">=")
            return 8;
        if (op == "+" || op == "-")
            return 9;
        if (op == "*" || op == "/" || op == "%")
            return 10;
        return -1;
    }

    // Precedence climbing: every operator here is left-associative.
    ExpressionPtr binary(int minPrecedence)
    {
        auto left = unary();
        int chain = 0;
        while (!m_error && m_token.kind == TokenKind::Punct) {
            const int p = precedence(m_token.text);
            if (p < 0 || p < minPrecedence)
                break;
            // A left-deep chain (a + b + c ...) deepens the tree without recursing here.
            if (++chain + m_depth > maxDepth) {
                m_tooDeep = true;
                return fail("expression nested too deeply");
            }
            auto node = make(ExpressionKind::Binary, 0);
            node->offset = left->offset;
            node->text = std::string(m_token.text);
            advance();
            DepthGuard guard(*this);
            if (tooDeep())
                return node;
            auto right = binary(p + 1);
            node->operands.push_back(std::move(left));
            node->operands.push_back(std::move(right));
            left = std::move(node);
        }
        return left;
    }

    ExpressionPtr unary()
    {
        DepthGuard guard(*this);
        if (tooDeep())
            return make(ExpressionKind::Undefined, m_token.offset);
        if (isPunct("!") || isPunct("-") || isPunct("+") || isPunct("~")
            || (m_token.kind == TokenKind::Identifier && m_token.text == "typeof")) {
            auto node = make(ExpressionKind::Unary, m_token.offset);
            node->text = std::string(m_token.text);
            advance();
            node->operands.push_back(unary());
            return node;
        }
        return postfix();
    }

    ExpressionPtr postfix()
    {
        auto node = primary();
        int chain = 0;
        while (!m_error) {
            if ((isPunct(".") || isPunct("[") || isPunct("(")) && ++chain + m_depth > maxDepth) {
                m_tooDeep = true;
                return fail("expression nested too deeply");
            }
            if (isPunct(".")) {
                advance();
                if (m_token.kind != TokenKind::Identifier)
                    return fail("expected a property name after '.', found " + describe());
                auto member = make(ExpressionKind::Member, 0);
                member->offset = node->offset;
                member->text = std::string(m_token.text);
                member->operands.push_back(std::move(node));
                node = std::move(member);
                advance();
            } else if (isPunct("[")) {
                advance();
                auto index = make(ExpressionKind::Index, 0);
                index->offset = node->offset;
                index->operands.push_back(std::move(node));
                index->operands.push_back(conditional());
                expect("]");
                node = std::move(index);
            } else if (isPunct("(")) {
                advance();
                auto call = make(ExpressionKind::Call, 0);
                call->offset = node->offset;
                call->operands.push_back(std::move(node));
                while (!m_error && !isPunct(")")) {
                    call->operands.push_back(element());
                    if (!isPunct(","))
                        break;
                    advance();
                }
                expect(")");
                node = std::move(call);
            } else {
                break;
            }
        }
        return node;
    }

    // An array element or call argument: an expression or `...expression`.
    ExpressionPtr element()
    {
        if (isPunct("...")) {
            auto spread = make(ExpressionKind::Spread, m_token.offset);
            advance();
            spread->operands.push_back(conditional());
            return spread;
        }
        return conditional();
    }

    void property(Expression &object)
    {
        ObjectProperty property;
        if (isPunct("...")) {
            advance();
            property.kind = ObjectProperty::Kind::Spread;
            property.value = conditional();
            object.properties.push_back(std::move(property));
            return;
        }
        const Token key = m_token;
        if (key.kind == TokenKind::Identifier)
            property.key = std::string(key.text);
        else if (key.kind == TokenKind::String)
            property.key = key.value;
        else if (key.kind == TokenKind::Number)
            property.key = std::string(key.text);
        else {
            fail("expected a property name, found " + describe());
            return;
        }
        advance();
        if (isPunct(":")) {
            advance();
            property.value = conditional();
        } else if (key.kind == TokenKind::Identifier) {
            property.kind = ObjectProperty::Kind::Shorthand;
            property.value = make(ExpressionKind::Identifier, key.offset);
            property.value->text = property.key;
        } else {
            fail("expected ':' after the property name, found " + describe());
            return;
        }
        object.properties.push_back(std::move(property));
    }

    ExpressionPtr primary()
    {
        const Token token = m_token;
        switch (token.kind) {
        case TokenKind::Number: {
            auto node = make(ExpressionKind::Number, token.offset);
            node->number = token.number;
            node->text = std::string(token.text);
            advance();
            return node;
        }
        case TokenKind::String: {
            auto node = make(ExpressionKind::String, token.offset);
            node->text = token.value;
            advance();
            return node;
        }
        case TokenKind::Identifier: {
            ExpressionPtr node;
            if (token.text == "true" || token.text == "false") {
                node = make(ExpressionKind::Boolean, token.offset);
                node->text = std::string(token.text);
            } else if (token.text == "null") {
                node = make(ExpressionKind::Null, token.offset);
            } else if (token.text == "undefined") {
                node = make(ExpressionKind::Undefined, token.offset);
            } else {
                node = make(ExpressionKind::Identifier, token.offset);
                node->text = std::string(token.text);
            }
            advance();
            return node;
        }
        case TokenKind::Punct:
            if (token.text == "(") {
                advance();
                auto inner = conditional();
                expect(")");
                return inner;
            }
            if (token.text == "[") {
                auto node = make(ExpressionKind::Array, token.offset);
                advance();
                while (!m_error && !isPunct("]")) {
                    node->operands.push_back(element());
                    if (!isPunct(","))
                        break;
                    advance();
                }
                expect("]");
                return node;
            }
            if (token.text == "{") {
                auto node = make(ExpressionKind::Object, token.offset);
                advance();
                while (!m_error && !isPunct("}")) {
                    property(*node);
                    if (!isPunct(","))
                        break;
                    advance();
                }
                expect("}");
                return node;
            }
            return fail("unexpected " + describe());
        case TokenKind::End:
            return fail("unexpected end of the expression");
        case TokenKind::Invalid:
            break;
        }
        return fail("unexpected " + describe());
    }

    Lexer m_lexer;
    std::size_t m_base;
    Token m_token;
    std::optional<SyntaxError> m_error;
    int m_depth = 0;
    bool m_tooDeep = false;
};

} // namespace

bool Interpolation::isLiteral() const
{
    for (const auto &part : parts) {
        if (part.expression)
            return false;
    }
    return true;
}

std::string Interpolation::literalText() const
{
    std::string text;
    for (const auto &part : parts)
        text += part.literal;
    return text;
}

std::size_t findInterpolationEnd(std::string_view text, std::size_t open)
{
    int depth = 0;
    char quote = 0;
    for (std::size_t i = open + 2; i < text.size(); ++i) {
        const char c = text[i];
        if (quote) {
            if (c == '\\')
                ++i;
            else if (c == quote)
                quote = 0;
            continue;
        }
        if (c == '\'' || c == '"') {
            quote = c;
        } else if (c == '{') {
            ++depth;
        } else if (c == '}') {
            if (depth == 0 && i + 1 < text.size() && text[i + 1] == '}')
                return i + 2;
            if (depth > 0)
                --depth;
        }
    }
    // An unbalanced quote or brace inside: fall back to the first "}}".
    const std::size_t plain = text.find("}}", open + 2);
    return plain == std::string_view::npos ? plain : plain + 2;
}

ExpressionParser::ExpressionParser(const SourceText &source, std::vector<Diagnostic> &diagnostics)
    : m_source(source), m_diagnostics(diagnostics)
{
}

namespace {

ExpressionPtr finish(Parser &parser, ExpressionPtr result, const SourceText &source,
                     std::vector<Diagnostic> &diagnostics, std::size_t offset)
{
    if (auto error = parser.error()) {
        source.report(diagnostics, Severity::Error, error->offset, error->message,
                      parser.wasTooDeep() ? "expression-depth" : "expression-syntax");
        auto undefined = std::make_unique<Expression>();
        undefined->offset = offset;
        return undefined;
    }
    return result;
}

} // namespace

ExpressionPtr ExpressionParser::parseExpression(std::string_view text, std::size_t offset)
{
    Parser parser(text, offset);
    auto result = parser.parseWhole();
    return finish(parser, std::move(result), m_source, m_diagnostics, offset);
}

ExpressionPtr ExpressionParser::parseObjectBody(std::string_view text, std::size_t offset)
{
    {
        Parser probe(text, offset);
        if (probe.startsWithBracket()) {
            auto result = probe.parseWhole();
            return finish(probe, std::move(result), m_source, m_diagnostics, offset);
        }
    }
    Parser parser(text, offset);
    auto result = parser.parseBody();
    return finish(parser, std::move(result), m_source, m_diagnostics, offset);
}

Interpolation ExpressionParser::parseInterpolation(std::string_view text, std::size_t offset,
                                                   bool objectBody)
{
    Interpolation result;
    std::size_t pos = 0;
    std::string literal;
    auto flushLiteral = [&] {
        if (!literal.empty()) {
            result.parts.push_back({decodeEntities(literal), nullptr});
            literal.clear();
        }
    };
    while (pos < text.size()) {
        const std::size_t open = text.find("{{", pos);
        if (open == std::string_view::npos) {
            literal += text.substr(pos);
            break;
        }
        literal += text.substr(pos, open - pos);
        const std::size_t end = findInterpolationEnd(text, open);
        if (end == std::string_view::npos) {
            m_source.report(m_diagnostics, Severity::Warning, offset + open,
                            "'{{' without a closing '}}' is kept as text", "unclosed-interpolation");
            literal += text.substr(open);
            break;
        }
        flushLiteral();
        const std::string_view inner = text.substr(open + 2, end - open - 4);
        const std::size_t innerOffset = offset + open + 2;
        result.parts.push_back({{}, objectBody ? parseObjectBody(inner, innerOffset)
                                               : parseExpression(inner, innerOffset)});
        pos = end;
    }
    flushLiteral();
    return result;
}

} // namespace mpsim::core::compiler
