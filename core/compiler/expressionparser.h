#pragma once

#include "compiler/expression.h"
#include "compiler/sourcetext.h"

#include <cstddef>
#include <string_view>
#include <variant>
#include <vector>

namespace mpsim::core::compiler {

// Text mixing literal parts and {{ expressions }}, as found in WXML text and
// attribute values. Literal parts are entity-decoded.
struct Interpolation
{
    struct Part
    {
        std::string literal;    // used when `expression` is null
        ExpressionPtr expression;
    };
    std::vector<Part> parts;

    // True when the text is exactly one {{ }} and nothing else, so the value
    // keeps the expression's type (a number stays a number); otherwise the
    // parts are concatenated into a string.
    bool isSingleExpression() const { return parts.size() == 1 && parts[0].expression; }
    // True when there is no {{ }} at all.
    bool isLiteral() const;
    // The concatenated literal text (meaningful when isLiteral()).
    std::string literalText() const;
};

// Parses WXML binding expressions. All entry points take the text exactly as
// it appears in `source` at byte offset `offset`, so diagnostics point into
// the file. They never throw: a syntax error is reported to `diagnostics` (code
// "expression-syntax") and the part that could not be parsed becomes
// `undefined`. Nesting deeper than 200 levels is reported ("expression-depth")
// instead of overflowing the stack.
class ExpressionParser
{
public:
    ExpressionParser(const SourceText &source, std::vector<Diagnostic> &diagnostics);

    // The expression `text` (the inside of one {{ }}). Empty text is `undefined`.
    ExpressionPtr parseExpression(std::string_view text, std::size_t offset);

    // The inside of a template's `data="{{ }}"`: the body of an object literal
    // without its braces, e.g. `title: 'x', ...item, index`. A lone expression
    // that is not an object body (`data="{{ obj }}"` with obj a plain name is
    // shorthand, so it is an object body too) is wrapped the same way WeChat does.
    ExpressionPtr parseObjectBody(std::string_view text, std::size_t offset);

    // Splits text with {{ }} into literal and expression parts. `{{` without a
    // closing `}}` is kept as literal text with a warning ("unclosed-interpolation").
    // When `objectBody` is set, expressions are parsed with parseObjectBody().
    Interpolation parseInterpolation(std::string_view text, std::size_t offset,
                                     bool objectBody = false);

private:
    const SourceText &m_source;
    std::vector<Diagnostic> &m_diagnostics;
};

// The end of the {{ }} that starts at `open` (the index of its first '{'):
// the index just past its closing "}}", or npos. Braces of nested object
// literals and quotes of string literals are skipped, so `{{ {a: {b: 1}} }}`
// ends at the last "}}".
std::size_t findInterpolationEnd(std::string_view text, std::size_t open);

} // namespace mpsim::core::compiler
