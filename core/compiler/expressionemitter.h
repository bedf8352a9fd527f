#pragma once

#include "compiler/expression.h"

#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mpsim::core::compiler {

// What names mean where an expression is evaluated. The emitted code reads
// only what this says: loop variables are JS locals, wxs modules come from the
// module's wxs table, every other name is an own property of the data object
// (`undefined` when absent). Nothing resolves to a JS global.
struct EmitScope
{
    std::string dataVariable = "data";
    // WXML name -> JS local, innermost last (wx:for-item / wx:for-index).
    std::vector<std::pair<std::string, std::string>> locals;
    const std::set<std::string> *wxsModules = nullptr;
    std::string wxsVariable = "$w";
    // When set, every data property name an emitted expression reads is
    // added here (what a memoised wx:for body depends on besides its item).
    std::set<std::string> *dataReads = nullptr;
    // Whether a wx:for emitted here may memoise its items (see wxmlcompiler.h).
    bool memoLoops = false;
};

// Emits expressions as JavaScript that is safe to run on untrusted data: every
// property read goes through `$get(object, key)` (own properties only, so no
// `constructor`, `__proto__` or prototype method is reachable), calls through
// `$call(object, key, args)` / `$apply(fn, args)` (only functions found as own
// properties: wxs module exports; data from setData has none), spread through
// `$list(value)`. Those helpers are defined at the top of every generated
// module (see wxmlcompiler.h). Every operator is parenthesised so precedence
// is explicit. Never fails: an unresolvable form becomes `undefined`.
class ExpressionEmitter
{
public:
    explicit ExpressionEmitter(const EmitScope &scope) : m_scope(scope) {}

    std::string emit(const Expression &expression) const;

private:
    std::string emitList(const std::vector<ExpressionPtr> &items, std::size_t first) const;

    const EmitScope &m_scope;
};

// `text` as a double-quoted JavaScript string literal.
std::string jsString(std::string_view text);

// `value` as a JavaScript number literal ("(1 / 0)" for infinity).
std::string jsNumber(double value);

} // namespace mpsim::core::compiler
