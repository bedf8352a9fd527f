#include "compiler/expressionemitter.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace mpsim::core::compiler {

std::string jsString(std::string_view text)
{
    std::string out;
    out.reserve(text.size() + 2);
    out += '"';
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
                char buffer[8];
                std::snprintf(buffer, sizeof buffer, "\\x%02X", static_cast<unsigned char>(c));
                out += buffer;
            } else if (static_cast<unsigned char>(c) == 0xE2 && i + 2 < text.size()
                       && static_cast<unsigned char>(text[i + 1]) == 0x80
                       && (static_cast<unsigned char>(text[i + 2]) == 0xA8
                           || static_cast<unsigned char>(text[i + 2]) == 0xA9)) {
                // U+2028/U+2029: escaped for older engines and for readability.
                out += static_cast<unsigned char>(text[i + 2]) == 0xA8 ? "\\u2028" : "\\u2029";
                i += 2;
            } else {
                out += c;
            }
        }
    }
    out += '"';
    return out;
}

std::string jsNumber(double value)
{
    if (std::isinf(value))
        return value > 0 ? "(1 / 0)" : "(-1 / 0)";
    if (std::isnan(value))
        return "(0 / 0)";
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

std::string ExpressionEmitter::emitList(const std::vector<ExpressionPtr> &items,
                                        std::size_t first) const
{
    bool spread = false;
    for (std::size_t i = first; i < items.size(); ++i)
        spread = spread || items[i]->kind == ExpressionKind::Spread;
    if (!spread) {
        std::string out = "[";
        for (std::size_t i = first; i < items.size(); ++i) {
            if (i > first)
                out += ", ";
            out += emit(*items[i]);
        }
        return out + "]";
    }
    // [a, ...b, c] -> [].concat([a], $list(b), [c]): spreading a non-array gives nothing.
    std::string out = "[].concat(";
    std::string run;
    bool firstPart = true;
    auto flush = [&] {
        if (run.empty())
            return;
        out += (firstPart ? "" : ", ") + ("[" + run + "]");
        firstPart = false;
        run.clear();
    };
    for (std::size_t i = first; i < items.size(); ++i) {
        if (items[i]->kind == ExpressionKind::Spread) {
            flush();
            out += (firstPart ? "" : ", ") + ("$list(" + emit(*items[i]->operands[0]) + ")");
            firstPart = false;
        } else {
            run += (run.empty() ? "" : ", ") + emit(*items[i]);
        }
    }
    flush();
    return out + ")";
}

std::string ExpressionEmitter::emit(const Expression &e) const
{
    switch (e.kind) {
    case ExpressionKind::Undefined: return "undefined";
    case ExpressionKind::Null: return "null";
    case ExpressionKind::Boolean: return e.text == "true" ? "true" : "false";
    case ExpressionKind::Number: return jsNumber(e.number);
    case ExpressionKind::String: return jsString(e.text);
    case ExpressionKind::Identifier:
        for (auto it = m_scope.locals.rbegin(); it != m_scope.locals.rend(); ++it) {
            if (it->first == e.text)
                return it->second;
        }
        if (m_scope.wxsModules && m_scope.wxsModules->count(e.text))
            return m_scope.wxsVariable + "[" + jsString(e.text) + "]";
        if (m_scope.dataReads)
            m_scope.dataReads->insert(e.text);
        return "$get(" + m_scope.dataVariable + ", " + jsString(e.text) + ")";
    case ExpressionKind::Member:
        return "$get(" + emit(*e.operands[0]) + ", " + jsString(e.text) + ")";
    case ExpressionKind::Index:
        return "$get(" + emit(*e.operands[0]) + ", " + emit(*e.operands[1]) + ")";
    case ExpressionKind::Call: {
        const Expression &callee = *e.operands[0];
        const std::string args = emitList(e.operands, 1);
        if (callee.kind == ExpressionKind::Member)
            return "$call(" + emit(*callee.operands[0]) + ", " + jsString(callee.text) + ", " + args + ")";
        if (callee.kind == ExpressionKind::Index)
            return "$call(" + emit(*callee.operands[0]) + ", " + emit(*callee.operands[1]) + ", " + args + ")";
        return "$apply(" + emit(callee) + ", " + args + ")";
    }
    case ExpressionKind::Unary:
        if (e.text == "typeof")
            return "(typeof " + emit(*e.operands[0]) + ")";
        // "- -x" must not become "--x".
        return "(" + e.text + " " + emit(*e.operands[0]) + ")";
    case ExpressionKind::Binary:
        return "(" + emit(*e.operands[0]) + " " + e.text + " " + emit(*e.operands[1]) + ")";
    case ExpressionKind::Conditional:
        return "(" + emit(*e.operands[0]) + " ? " + emit(*e.operands[1]) + " : " + emit(*e.operands[2]) + ")";
    case ExpressionKind::Array: return emitList(e.operands, 0);
    case ExpressionKind::Object: {
        if (e.properties.empty())
            return "{}";
        std::string out = "{ ";
        bool first = true;
        for (const auto &property : e.properties) {
            if (!first)
                out += ", ";
            first = false;
            if (property.kind == ObjectProperty::Kind::Spread) {
                out += "..." + emit(*property.value);
                continue;
            }
            // A literal "__proto__" key would set the prototype; a computed one is a plain key.
            if (property.key == "__proto__")
                out += "[" + jsString(property.key) + "]: ";
            else
                out += jsString(property.key) + ": ";
            out += emit(*property.value);
        }
        return out + " }";
    }
    case ExpressionKind::Spread: return "undefined";
    }
    return "undefined";
}

} // namespace mpsim::core::compiler
