// The WXML parser's tolerance and the binding-expression parser: what real
// templates contain parses, problems are located, nothing crashes.

#include "compilertestsupport.h"

#include "compiler/expressionemitter.h"
#include "compiler/expressionparser.h"
#include "compiler/wxmlparser.h"

using namespace mpsim::core::compiler;
using namespace mpsim::core::test;

namespace {

struct Parsed
{
    SourceText source;
    std::vector<Diagnostic> diagnostics;
    std::vector<WxmlNode> roots;

    explicit Parsed(std::string text) : source("page.wxml", std::move(text))
    {
        roots = WxmlParser(source, diagnostics).parse();
    }
};

// The expression's emitted JS with the default scope (names read from `data`).
std::string emitted(const std::string &text, bool objectBody = false)
{
    SourceText source("page.wxml", text);
    std::vector<Diagnostic> diagnostics;
    ExpressionParser parser(source, diagnostics);
    auto expression = objectBody ? parser.parseObjectBody(text, 0) : parser.parseExpression(text, 0);
    INFO(diagnosticsText(diagnostics));
    CHECK(diagnostics.empty());
    EmitScope scope;
    return ExpressionEmitter(scope).emit(*expression);
}

std::vector<Diagnostic> expressionProblems(const std::string &text)
{
    SourceText source("page.wxml", text);
    std::vector<Diagnostic> diagnostics;
    ExpressionParser(source, diagnostics).parseExpression(text, 0);
    return diagnostics;
}

} // namespace

TEST_CASE("wxml: attributes with no space between them are parsed", "[compiler]")
{
    Parsed parsed(R"(<button type="primary"data-mode="x"size='mini'>Go</button>)");
    CHECK(parsed.diagnostics.empty());
    REQUIRE(parsed.roots.size() == 1);
    const auto &button = parsed.roots[0];
    REQUIRE(button.attributes.size() == 3);
    CHECK(button.attributes[0].name == "type");
    CHECK(button.attributes[0].value == "primary");
    CHECK(button.attributes[1].name == "data-mode");
    CHECK(button.attributes[1].value == "x");
    CHECK(button.attributes[2].name == "size");
    CHECK(button.attributes[2].value == "mini");
    REQUIRE(button.children.size() == 1);
    CHECK(button.children[0].text == "Go");
}

TEST_CASE("wxml: valueless, unquoted and camelCase attributes are kept as written", "[compiler]")
{
    Parsed parsed("<scroll-view scroll-y openType=getUserInfo enable-flex/>");
    CHECK(parsed.diagnostics.empty());
    REQUIRE(parsed.roots.size() == 1);
    const auto &attributes = parsed.roots[0].attributes;
    REQUIRE(attributes.size() == 3);
    CHECK(attributes[0].name == "scroll-y");
    CHECK_FALSE(attributes[0].hasValue);
    CHECK(attributes[1].name == "openType");
    CHECK(attributes[1].value == "getUserInfo");
    CHECK(attributes[2].name == "enable-flex");
    CHECK_FALSE(attributes[2].hasValue);
}

TEST_CASE("wxml: < and > inside {{ }} are expression text, not markup", "[compiler]")
{
    Parsed parsed(R"(<view class="{{a < b ? 'x' : 'y'}}">{{ a<b && c>d ? 1 : 2 }}</view><text>{{x>0}}</text>)");
    INFO(diagnosticsText(parsed.diagnostics));
    CHECK(parsed.diagnostics.empty());
    REQUIRE(parsed.roots.size() == 2);
    CHECK(parsed.roots[0].attributes[0].value == "{{a < b ? 'x' : 'y'}}");
    REQUIRE(parsed.roots[0].children.size() == 1);
    CHECK(parsed.roots[0].children[0].text == "{{ a<b && c>d ? 1 : 2 }}");
    CHECK(parsed.roots[1].children[0].text == "{{x>0}}");
}

TEST_CASE("wxml: comments are skipped, self-closing and unclosed void tags need no end tag", "[compiler]")
{
    Parsed parsed("<!-- a <view> in a comment -->\n<view><image src=\"a.png\"><input value=\"1\">"
                  "<icon type=\"success\"/><text>t</text></view><import src=\"a.wxml\"/>");
    INFO(diagnosticsText(parsed.diagnostics));
    CHECK(parsed.diagnostics.empty());
    REQUIRE(parsed.roots.size() == 2);
    const auto &view = parsed.roots[0];
    REQUIRE(view.children.size() == 4);
    CHECK(view.children[0].tag == "image");
    CHECK(view.children[0].children.empty());
    CHECK(view.children[1].tag == "input");
    CHECK(view.children[2].tag == "icon");
    CHECK(view.children[3].tag == "text");
    CHECK(parsed.roots[1].tag == "import");
}

TEST_CASE("wxml: an explicit end tag of a void element is accepted", "[compiler]")
{
    Parsed parsed("<view><image src=\"a\"></image></view>");
    CHECK(parsed.diagnostics.empty());
    REQUIRE(parsed.roots.size() == 1);
    CHECK(parsed.roots[0].children.size() == 1);
}

TEST_CASE("wxml: entities are decoded in literal text, {{ }} is left alone", "[compiler]")
{
    SourceText source("page.wxml", "a &lt; b &amp;&amp; &#x4e2d;&#25991; &nbsp;{{ '&lt;' }}");
    std::vector<Diagnostic> diagnostics;
    const auto value = ExpressionParser(source, diagnostics).parseInterpolation(source.text(), 0);
    CHECK(diagnostics.empty());
    REQUIRE(value.parts.size() == 2);
    CHECK(value.parts[0].literal == "a < b && \xE4\xB8\xAD\xE6\x96\x87 &nbsp;");
    REQUIRE(value.parts[1].expression);
    CHECK(value.parts[1].expression->text == "&lt;");
}

TEST_CASE("wxml: <wxs> content is raw code even with < and tags in strings", "[compiler]")
{
    Parsed parsed("<wxs module=\"m\">\nvar a = 1 < 2; var s = '<view>';\nmodule.exports = {a: a};\n</wxs>\n<view/>");
    CHECK(parsed.diagnostics.empty());
    REQUIRE(parsed.roots.size() == 2);
    CHECK(parsed.roots[0].text.find("var s = '<view>';") != std::string::npos);
    CHECK(parsed.roots[1].tag == "view");
}

TEST_CASE("wxml: an unclosed tag is an error at its line and column, the rest still parses", "[compiler]")
{
    Parsed parsed("<view>\n  <text>hello\n</view>\n<view>after</view>");
    REQUIRE(parsed.diagnostics.size() == 1);
    const auto &d = parsed.diagnostics[0];
    CHECK(d.severity == Severity::Error);
    CHECK(d.code == "unclosed-tag");
    CHECK(d.file == "page.wxml");
    CHECK(d.line == 2);
    CHECK(d.column == 3);
    CHECK(d.toString() == "page.wxml:2:3: error: <text> is not closed (closed here by </view>) [unclosed-tag]");
    REQUIRE(parsed.roots.size() == 2);
    CHECK(parsed.roots[1].children[0].text == "after");
}

TEST_CASE("wxml: a stray end tag and an unclosed comment are errors", "[compiler]")
{
    Parsed stray("<view></text></view>");
    REQUIRE(stray.diagnostics.size() == 1);
    CHECK(stray.diagnostics[0].code == "stray-end-tag");
    CHECK(stray.diagnostics[0].column == 7);

    Parsed comment("<view/>\n<!-- never closed");
    REQUIRE(comment.diagnostics.size() == 1);
    CHECK(comment.diagnostics[0].code == "unclosed-comment");
    CHECK(comment.diagnostics[0].line == 2);
}

TEST_CASE("wxml: columns count characters, not bytes", "[compiler]")
{
    Parsed parsed("<view>\xE4\xB8\xAD\xE6\x96\x87</text></view>");
    REQUIRE(parsed.diagnostics.size() == 1);
    CHECK(parsed.diagnostics[0].column == 9);
}

TEST_CASE("wxml: nesting deeper than 256 elements is an error, not a crash", "[compiler]")
{
    std::string text;
    for (int i = 0; i < 5000; ++i)
        text += "<view>";
    Parsed parsed(text);
    bool reported = false;
    for (const auto &d : parsed.diagnostics)
        reported = reported || d.code == "nesting-depth";
    CHECK(reported);
}

TEST_CASE("wxml: garbage input gives diagnostics, never a crash", "[compiler]")
{
    for (const std::string &text : std::vector<std::string>{"<", "<<<>>>", "</", "<a b=\"", "<a b='x' c", "{{", "}}{{", "<!", "<!--",
                                   "<wxs>", "<a =\"x\">", "<a\"b\">", "&#xFFFFFFFFFF;", std::string("<\0a>", 4)}) {
        Parsed parsed(text);
        SUCCEED(text);
    }
}

TEST_CASE("expression: literals, member and bracket access read only the data scope", "[compiler]")
{
    CHECK(emitted("setting['scope.userInfo']") == R"($get($get(data, "setting"), "scope.userInfo"))");
    CHECK(emitted("a.b[0].c") == R"($get($get($get($get(data, "a"), "b"), 0), "c"))");
    CHECK(emitted("'it\\'s' + \"x\\n\"") == R"(("it's" + "x\n"))");
    CHECK(emitted("0x1F + 1.5e2 + .5") == "((31 + 150) + 0.5)");
    CHECK(emitted("true && null || undefined") == "((true && null) || undefined)");
    CHECK(emitted("") == "undefined");
}

TEST_CASE("expression: operators keep their precedence, explicitly parenthesised", "[compiler]")
{
    CHECK(emitted("a + b * c") == R"(($get(data, "a") + ($get(data, "b") * $get(data, "c"))))");
    CHECK(emitted("!a === -b") == R"(((! $get(data, "a")) === (- $get(data, "b"))))");
    CHECK(emitted("a ? b : c ? d : e")
          == R"(($get(data, "a") ? $get(data, "b") : ($get(data, "c") ? $get(data, "d") : $get(data, "e"))))");
    CHECK(emitted("a >= 1 && b != 2 || c % 3 < 4")
          == R"(((($get(data, "a") >= 1) && ($get(data, "b") != 2)) || (($get(data, "c") % 3) < 4)))");
    CHECK(emitted("a ?? b || c") == R"(($get(data, "a") ?? ($get(data, "b") || $get(data, "c"))))");
    CHECK(emitted("- -a") == R"((- (- $get(data, "a"))))");
    CHECK(emitted("typeof a === 'string'") == R"(((typeof $get(data, "a")) === "string"))");
}

TEST_CASE("expression: array and object literals with spread", "[compiler]")
{
    CHECK(emitted("[1, a, ...b, 2]") == R"([].concat([1, $get(data, "a")], $list($get(data, "b")), [2]))");
    CHECK(emitted("[]") == "[]");
    CHECK(emitted("{a: 1, 'b-c': x, ...y, d}")
          == R"({ "a": 1, "b-c": $get(data, "x"), ...$get(data, "y"), "d": $get(data, "d") })");
    CHECK(emitted("{__proto__: 1}") == R"({ ["__proto__"]: 1 })");
}

TEST_CASE("expression: template data is an object body with shorthand and spread", "[compiler]")
{
    CHECK(emitted("title: 'x', ...item", true) == R"({ "title": "x", ...$get(data, "item") })");
    CHECK(emitted("item", true) == R"({ "item": $get(data, "item") })");
    CHECK(emitted("...item, index: i + 1", true)
          == R"({ ...$get(data, "item"), "index": ($get(data, "i") + 1) })");
    CHECK(emitted("{a: 1}", true) == R"({ "a": 1 })");
}

TEST_CASE("expression: calls go through $call so only own functions run", "[compiler]")
{
    CHECK(emitted("utils.format(a, 'x')") == R"($call($get(data, "utils"), "format", [$get(data, "a"), "x"]))");
    CHECK(emitted("m['f'](...args)") == R"($call($get(data, "m"), "f", [].concat($list($get(data, "args")))))");
    CHECK(emitted("f(1)") == R"($apply($get(data, "f"), [1]))");

    std::set<std::string> wxs{"utils"};
    EmitScope scope;
    scope.wxsModules = &wxs;
    scope.locals.emplace_back("item", "$item1");
    SourceText source("page.wxml", "utils.format(item.name)");
    std::vector<Diagnostic> diagnostics;
    auto e = ExpressionParser(source, diagnostics).parseExpression(source.text(), 0);
    CHECK(ExpressionEmitter(scope).emit(*e) == R"($call($w["utils"], "format", [$get($item1, "name")]))");
}

TEST_CASE("expression: a syntax error is located at the bad token", "[compiler]")
{
    SourceText source("page.wxml", "<view>\n  {{ a + * b }}</view>");
    std::vector<Diagnostic> diagnostics;
    const std::size_t open = source.text().find("{{");
    const auto value = ExpressionParser(source, diagnostics)
                           .parseInterpolation(std::string_view(source.text()).substr(open, 13), open);
    REQUIRE(diagnostics.size() == 1);
    CHECK(diagnostics[0].code == "expression-syntax");
    CHECK(diagnostics[0].line == 2);
    CHECK(diagnostics[0].column == 10);
    CHECK(diagnostics[0].message == "unexpected '*'");
    REQUIRE(value.parts.size() == 1);
    CHECK(value.parts[0].expression->kind == ExpressionKind::Undefined);
}

TEST_CASE("expression: malformed input is reported, never a crash", "[compiler]")
{
    for (const std::string text : {"a +", "(a", "[1, 2", "{a: }", "'unterminated", "a..b", "1a", "a ? b",
                                   "#", "a.", "f(1,", "...a", "0x", "@"}) {
        INFO(text);
        CHECK_FALSE(expressionProblems(text).empty());
    }
}

TEST_CASE("expression: nesting deeper than 200 is an error, not a stack overflow", "[compiler]")
{
    CHECK(expressionProblems(std::string(100000, '(') + "a").at(0).code == "expression-depth");
    CHECK(expressionProblems(std::string(100000, '!') + "a").at(0).code == "expression-depth");
    std::string chain = "a";
    for (int i = 0; i < 100000; ++i)
        chain += ".b";
    CHECK(expressionProblems(chain).at(0).code == "expression-depth");
    std::string sum = "a";
    for (int i = 0; i < 100000; ++i)
        sum += "+a";
    CHECK(expressionProblems(sum).at(0).code == "expression-depth");
}

TEST_CASE("expression: nested object literals close at the right }}", "[compiler]")
{
    const std::string text = "{{ {a: {b: 1}} }} tail";
    CHECK(findInterpolationEnd(text, 0) == text.find(" tail"));
    CHECK(findInterpolationEnd("{{ '}}' }}", 0) == 10);
}
