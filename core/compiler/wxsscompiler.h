#pragma once

#include "compiler/diagnostic.h"
#include "compiler/sourceloader.h"

#include <string>
#include <vector>

namespace mpsim::core::compiler {

struct WxssCompileResult
{
    std::string css;
    std::vector<std::string> dependencies; // every file read, the compiled one first
    std::vector<Diagnostic> diagnostics;

    bool ok() const { return errorCount(diagnostics) == 0; }
};

// Compiles WXSS into the CSS the view loads:
//
// - rpx: every `<number>rpx` in a declaration value becomes
//   `calc(<number> * var(--rpx))`. The view sets `--rpx` on its root to the
//   width of one rpx for the simulated device (its width in CSS px / 750, e.g.
//   `--rpx: 0.5px` for a 375 px wide phone), so a device change re-lays out
//   the page without recompiling. rpx in strings, url() and comments is left
//   alone; rpx in an at-rule prelude (`@media (min-width: 100rpx)`) cannot use
//   var() and is kept as written with a warning ("rpx-in-at-rule").
// - @import "a.wxss" / 'a' / url(a): relative to the importing file, or to the
//   mini-program root when it starts with '/'; ".wxss" is added when the path
//   has no extension. The imported CSS replaces the statement (each time it is
//   imported, as the platform does). Missing files ("file-not-found") and
//   cycles ("import-cycle") are errors; http(s) imports are kept.
// - Selectors: the `page` selector becomes `wx-page` (the view's root element)
//   and built-in component type selectors (view, text, button, scroll-view...)
//   become their element names (`wx-view`, ...), including inside :not(),
//   :is(), :where() and :has(). Classes, ids, attributes, other tags and
//   keyframe selectors are unchanged.
// - Everything else is passed through byte for byte.
//
// Unclosed comments, strings and blocks and an unmatched '}' are errors with a
// location. Never throws; always returns the CSS it could produce.
class WxssCompiler
{
public:
    explicit WxssCompiler(SourceLoader &loader);

    WxssCompileResult compile(const std::string &path);

private:
    SourceLoader &m_loader;
};

// `<selector list>` with built-in tag names mapped as described above.
std::string mapWxssSelector(std::string_view selector);

} // namespace mpsim::core::compiler
