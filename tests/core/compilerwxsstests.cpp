// WXSS -> CSS: rpx, @import, selectors mapped to the runtime's element names.

#include "compilertestsupport.h"

#include "compiler/sourceloader.h"
#include "compiler/wxsscompiler.h"

using namespace mpsim::core::compiler;
using namespace mpsim::core::test;

namespace {

WxssCompileResult compileOne(const std::string &css)
{
    MemorySourceLoader loader;
    loader.add("app.wxss", css);
    return WxssCompiler(loader).compile("app.wxss");
}

std::string cssOf(const std::string &css)
{
    const auto result = compileOne(css);
    INFO(diagnosticsText(result.diagnostics));
    CHECK(result.diagnostics.empty());
    return result.css;
}

} // namespace

TEST_CASE("wxss: rpx in values becomes calc() on the --rpx variable", "[compiler]")
{
    CHECK(cssOf(".a { width: 750rpx; margin: 0 -10rpx 1.5rpx .5RPX; }")
          == ".a { width: calc(750 * var(--rpx)); margin: 0 calc(-10 * var(--rpx)) calc(1.5 * var(--rpx)) "
             "calc(.5 * var(--rpx)); }\n");
    CHECK(cssOf(".a{height:calc(100% - 20rpx);transform:translateX(+4rpx)}")
          == ".a{height:calc(100% - calc(20 * var(--rpx)));transform:translateX(calc(+4 * var(--rpx)))}\n");
}

TEST_CASE("wxss: rpx in strings, url(), comments, names and other units is left alone", "[compiler]")
{
    const std::string css = ".a { content: \"10rpx\"; background: url(img/10rpx.png); /* 5rpx */ "
                            "font-family: x10rpx; width: 10px; --w: 1e3rpxs; }";
    CHECK(cssOf(css) == css + "\n");
}

TEST_CASE("wxss: page and built-in tag selectors become runtime element names", "[compiler]")
{
    CHECK(cssOf("page { color: red; }") == "wx-page { color: red; }\n");
    CHECK(cssOf("view, .view, #text, scroll-view > text::after, button:not(.a, view) {}")
          == "wx-view, .view, #text, wx-scroll-view > wx-text::after, wx-button:not(.a, wx-view) {}\n");
    CHECK(cssOf("t-button view[data-x=\"view\"] image:nth-child(2n+1) {}")
          == "t-button wx-view[data-x=\"view\"] wx-image:nth-child(2n+1) {}\n");
    CHECK(cssOf("@media (max-width: 600px) { view { color: red; } }")
          == "@media (max-width: 600px) { wx-view { color: red; } }\n");
    CHECK(cssOf(":host { display: block; } .a:is(text, icon) {}")
          == ":host { display: block; } .a:is(wx-text, wx-icon) {}\n");
}

TEST_CASE("wxss: keyframes, font-face and unknown at-rules pass through", "[compiler]")
{
    const std::string css = "@charset \"UTF-8\";\n@keyframes view { from { width: 0rpx; } 50% { opacity: .5 } to {} }\n"
                            "@font-face { font-family: f; src: url('a.ttf'); }\n@supports (display: grid) { text { x: 1 } }";
    CHECK(cssOf(css)
          == "@charset \"UTF-8\";\n@keyframes view { from { width: calc(0 * var(--rpx)); } 50% { opacity: .5 } to {} }\n"
             "@font-face { font-family: f; src: url('a.ttf'); }\n@supports (display: grid) { wx-text { x: 1 } }\n");
}

TEST_CASE("wxss: rpx in an at-rule prelude is a warning and kept", "[compiler]")
{
    const auto result = compileOne("@media (min-width: 300rpx) { .a { width: 1rpx } }");
    REQUIRE(result.diagnostics.size() == 1);
    CHECK(result.diagnostics[0].severity == Severity::Warning);
    CHECK(result.diagnostics[0].code == "rpx-in-at-rule");
    CHECK(result.css == "@media (min-width: 300rpx) { .a { width: calc(1 * var(--rpx)) } }\n");
}

TEST_CASE("wxss: @import resolves relative and root paths and inlines the file", "[compiler]")
{
    MemorySourceLoader loader;
    loader.add("styles/common.wxss", "@import './base';\n.common { width: 2rpx; }");
    loader.add("styles/base.wxss", "view { margin: 0; }");
    loader.add("pages/index/index.wxss", "/* first */ @import \"../../styles/common.wxss\";\n@import url('/styles/base.wxss');\n.page {}");
    const auto result = WxssCompiler(loader).compile("pages/index/index.wxss");
    INFO(diagnosticsText(result.diagnostics));
    CHECK(result.diagnostics.empty());
    CHECK(result.css
          == "/* first */ wx-view { margin: 0; }\n\n.common { width: calc(2 * var(--rpx)); }\n\n"
             "wx-view { margin: 0; }\n\n.page {}\n");
    CHECK(result.dependencies
          == std::vector<std::string>{"pages/index/index.wxss", "styles/common.wxss", "styles/base.wxss"});
}

TEST_CASE("wxss: @import cycles and missing files are errors at the @import", "[compiler]")
{
    MemorySourceLoader loader;
    loader.add("a.wxss", ".a {}\n@import 'b.wxss';");
    loader.add("b.wxss", "@import \"a.wxss\";\n@import \"missing.wxss\";");
    const auto result = WxssCompiler(loader).compile("a.wxss");
    REQUIRE(result.diagnostics.size() == 2);
    CHECK(result.diagnostics[0].toString() == "b.wxss:1:1: error: @import cycle: a.wxss -> b.wxss -> a.wxss [import-cycle]");
    CHECK(result.diagnostics[1].code == "file-not-found");
    CHECK(result.diagnostics[1].line == 2);
}

TEST_CASE("wxss: unclosed comments, strings and blocks and stray braces are located errors", "[compiler]")
{
    auto codes = [](const std::string &css) {
        std::vector<std::string> out;
        for (const auto &d : compileOne(css).diagnostics)
            out.push_back(d.code + "@" + std::to_string(d.line) + ":" + std::to_string(d.column));
        return out;
    };
    CHECK(codes(".a {\n  color: red;\n") == std::vector<std::string>{"unclosed-block@1:4"});
    CHECK(codes(".a {}\n}") == std::vector<std::string>{"unbalanced-brace@2:1"});
    CHECK(codes(".a { content: \"x; }\n") == std::vector<std::string>{"unclosed-string@1:15", "unclosed-block@1:4"});
    CHECK(codes(".a {} /* x") == std::vector<std::string>{"unclosed-comment@1:7"});
}

TEST_CASE("wxss: a missing file is an error, garbage never crashes", "[compiler]")
{
    MemorySourceLoader loader;
    CHECK(WxssCompiler(loader).compile("nope.wxss").diagnostics.at(0).code == "file-not-found");
    for (const std::string css : {"{", "}", "@import", "@import ;", "@import url(", "a{b{c{", "\"", "'\n",
                                  ":not(", ":not(:not(:not(", "@media{", "1rpx", "-rpx", ".rpx"}) {
        (void)compileOne(css);
        SUCCEED(css);
    }
}

TEST_CASE("wxss: a page stylesheet with every feature compiles to the golden CSS", "[compiler]")
{
    MemorySourceLoader loader;
    for (const char *file : {"wxss/page.wxss", "wxss/common.wxss"})
        loader.add(file, readText(compilerDataDir() / file));
    const auto result = WxssCompiler(loader).compile("wxss/page.wxss");
    INFO(diagnosticsText(result.diagnostics));
    CHECK(result.diagnostics.empty());
    checkGolden("page.wxss.css", result.css);
}
