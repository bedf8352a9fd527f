#include "mock/mockpattern.h"

#include "mock/mockrule.h"

namespace mpsim::core {

namespace {

std::regex::flag_type patternFlags()
{
    auto flags = std::regex::ECMAScript | std::regex::icase;
#if defined(__GLIBCXX__)
    flags |= std::regex_constants::__polynomial;
#endif
    return flags;
}

} // namespace

Result<MockPattern> MockPattern::compile(std::string_view pattern)
{
    if (pattern.size() > MockRule::maxPatternBytes)
        return Error{"regular expression is longer than "
                         + std::to_string(MockRule::maxPatternBytes) + " bytes",
                     {}};
    MockPattern compiled;
    try {
        // Compiling the pattern alone first proves its parentheses balance, so
        // wrapping it cannot change what it means.
        const std::regex alone(pattern.begin(), pattern.end(), patternFlags());
        (void)alone;
        const std::string wrapped = "[\\s\\S]*(?:" + std::string(pattern) + ")[\\s\\S]*";
        compiled.m_regex = std::make_shared<const std::regex>(wrapped, patternFlags());
    } catch (const std::regex_error &e) {
        return Error{std::string("invalid regular expression: ") + e.what(), {}};
    }
    return compiled;
}

bool MockPattern::search(std::string_view text) const
{
    if (!m_regex)
        return false;
    if (text.size() > maxTextBytes)
        text = text.substr(0, maxTextBytes);
    try {
        return std::regex_match(text.begin(), text.end(), *m_regex);
    } catch (const std::regex_error &) {
        // error_complexity / error_stack: treat as no match rather than crash.
        return false;
    }
}

} // namespace mpsim::core
