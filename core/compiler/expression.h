#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace mpsim::core::compiler {

// The syntax tree of a WXML data-binding expression (the text inside {{ }}).
// The forms are those WXML accepts: literals, identifiers, member and bracket
// access, calls (only useful on wxs module functions), unary, binary, logical
// and conditional operators, array and object literals with spread.
enum class ExpressionKind {
    Undefined,   // `undefined`, or an empty {{ }}
    Null,        // `null`
    Boolean,     // `true` / `false`: `text` is "true" or "false"
    Number,      // `number`
    String,      // `text` is the decoded value
    Identifier,  // `text` is the name
    Member,      // operands[0].text
    Index,       // operands[0][operands[1]]
    Call,        // operands[0](operands[1..])
    Unary,       // `text` is the operator ("!", "-", "+", "~", "typeof"); operands[0]
    Binary,      // `text` is the operator; operands[0] op operands[1] (includes && || ??)
    Conditional, // operands[0] ? operands[1] : operands[2]
    Array,       // operands are the elements (Spread nodes allowed)
    Object,      // `properties`
    Spread,      // ...operands[0], inside arrays and calls
};

struct Expression;
using ExpressionPtr = std::unique_ptr<Expression>;

// One entry of an object literal: `key: value`, the shorthand `key` (value is
// the identifier of the same name), or `...value` (key empty).
struct ObjectProperty
{
    enum class Kind { KeyValue, Shorthand, Spread };
    Kind kind = Kind::KeyValue;
    std::string key;
    ExpressionPtr value;
};

struct Expression
{
    ExpressionKind kind = ExpressionKind::Undefined;
    // Byte offset of the expression's first character in its source file.
    std::size_t offset = 0;
    std::string text;
    double number = 0;
    std::vector<ExpressionPtr> operands;
    std::vector<ObjectProperty> properties;
};

} // namespace mpsim::core::compiler
