#pragma once

#include "util/result.h"

#include <memory>
#include <regex>
#include <string>
#include <string_view>

namespace mpsim::core {

// A mock filter's regular expression: ECMAScript syntax, case-insensitive,
// searched anywhere in the text like JavaScript's RegExp.prototype.test.
//
// std::regex's default matcher recurses once per character and backtracks
// exponentially, so a 64 KB argument or a pattern like "(a+)+b" could crash
// or hang the simulator. The pattern is therefore run by libstdc++'s
// polynomial (Thompson NFA) matcher as a whole-text match of
// "[\s\S]*(?:pattern)[\s\S]*": linear in the text, no deep recursion. That
// matcher has no back-references ("\1"): such a pattern is rejected.
class MockPattern
{
public:
    static constexpr std::size_t maxTextBytes = 64 * 1024;

    // Compiles `pattern`. Fails with the reason when it is not a valid
    // ECMAScript regular expression, uses a back-reference, or is too long.
    static Result<MockPattern> compile(std::string_view pattern);

    // True when the pattern occurs in `text`. Only the first maxTextBytes of
    // the text are searched.
    bool search(std::string_view text) const;

private:
    std::shared_ptr<const std::regex> m_regex;
};

} // namespace mpsim::core
