#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace mpsim::core::compiler {

// An attribute as written. `value` is the raw text between the quotes (no
// entity decoding: {{ }} parts are parsed later, literal parts decoded then).
struct WxmlAttribute
{
    std::string name;
    std::string value;
    bool hasValue = false;        // false for a valueless attribute (`scroll-y`)
    std::size_t nameOffset = 0;   // byte offset of the name in the file
    std::size_t valueOffset = 0;  // byte offset of the value's first character
};

// A node of the WXML syntax tree. Whitespace-only text between tags is dropped,
// as the platform does; comments are dropped too.
struct WxmlNode
{
    enum class Kind { Element, Text };
    Kind kind = Kind::Element;
    std::string tag;                      // elements
    std::vector<WxmlAttribute> attributes; // elements
    std::vector<WxmlNode> children;        // elements
    std::string text;                      // text nodes (raw); a <wxs>'s inline code
    std::size_t offset = 0;                // byte offset of '<' or of the text
    std::size_t textOffset = 0;            // byte offset of `text` (for <wxs> code)

    // The attribute called `name`, or nullptr.
    const WxmlAttribute *attribute(const std::string &name) const
    {
        for (const auto &attribute : attributes) {
            if (attribute.name == name)
                return &attribute;
        }
        return nullptr;
    }
};

} // namespace mpsim::core::compiler
