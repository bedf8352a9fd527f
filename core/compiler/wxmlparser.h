#pragma once

#include "compiler/sourcetext.h"
#include "compiler/wxmlnode.h"

#include <vector>

namespace mpsim::core::compiler {

// Parses WXML into a syntax tree, as tolerantly as the platform's toolchain:
// attributes without a space between them (`a="1"b="2"`), valueless and
// unquoted attributes, any letter case in names, `<` and `>` inside {{ }} in
// attributes and text, comments, self-closing tags, void tags left unclosed
// (`<image ...>`, `<input ...>`, `<import ...>`, `<include ...>`), and a
// <wxs>'s content kept as raw code.
//
// It never throws and always returns a tree. Problems go to `diagnostics` with
// the file's line and column: an unclosed tag or comment, a stray end tag and
// a mismatched end tag are errors (the tree is repaired the way a browser
// would); more than 256 nested elements is an error ("nesting-depth") and the
// deeper content is dropped rather than overflowing a stack later.
class WxmlParser
{
public:
    WxmlParser(const SourceText &source, std::vector<Diagnostic> &diagnostics);

    // The top-level nodes of the file.
    std::vector<WxmlNode> parse();

private:
    const SourceText &m_source;
    std::vector<Diagnostic> &m_diagnostics;
};

// True for tags that never have content, so `<image src="a">` needs no `</image>`.
bool isVoidTag(const std::string &tag);

} // namespace mpsim::core::compiler
