// libFuzzer target: the {{ }} expression parser and its JavaScript emitter,
// as an expression, as a template's data object body, and as text with
// interpolations. Never crashes, whatever the input.

#include "compiler/expressionemitter.h"
#include "compiler/expressionparser.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace mpsim::core::compiler;
    const std::string text(reinterpret_cast<const char *>(data), size);
    const SourceText source("a.wxml", text);
    std::vector<Diagnostic> diagnostics;
    ExpressionParser parser(source, diagnostics);
    std::set<std::string> wxs{"m", "utils"};
    EmitScope scope;
    scope.wxsModules = &wxs;
    scope.locals.emplace_back("item", "$item0");
    const ExpressionEmitter emitter(scope);

    auto expression = parser.parseExpression(text, 0);
    (void)emitter.emit(*expression);
    auto object = parser.parseObjectBody(text, 0);
    (void)emitter.emit(*object);
    const auto interpolation = parser.parseInterpolation(text, 0);
    for (const auto &part : interpolation.parts) {
        if (part.expression)
            (void)emitter.emit(*part.expression);
    }
    for (const auto &diagnostic : diagnostics) {
        if (diagnostic.line < 1 || diagnostic.column < 1)
            __builtin_trap();
    }
    return 0;
}
