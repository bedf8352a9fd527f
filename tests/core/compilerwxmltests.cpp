// WXML -> render module: directives and structure, events and bindings, the
// generated JavaScript (parsed and executed with Node), diagnostics.

#include "compilerwxmltestsupport.h"

using namespace mpsim::core::compiler;
using namespace mpsim::core::test;
using nlohmann::json;

namespace {

bool hasCode(const std::vector<Diagnostic> &diagnostics, const std::string &code,
             Severity severity = Severity::Error)
{
    for (const auto &d : diagnostics) {
        if (d.code == code && d.severity == severity)
            return true;
    }
    return false;
}

// The texts of a rendered tree, depth first, for compact expectations.
std::string texts(const json &nodes)
{
    std::string out;
    for (const auto &node : nodes) {
        if (node.at("type") == "text")
            out += node.at("text").get<std::string>() + "|";
        else if (node.contains("children"))
            out += texts(node.at("children"));
    }
    return out;
}

std::vector<std::string> keys(const json &nodes)
{
    std::vector<std::string> out;
    for (const auto &node : nodes)
        out.push_back(node.at("key").get<std::string>());
    return out;
}

} // namespace

TEST_CASE("wxml: the seed's getUserInfo example compiles to the golden module", "[compiler]")
{
    WxmlFixture fixture;
    fixture.add("pages/login/login.wxml", readText(compilerDataDir() / "seed" / "getuserinfo.wxml"));
    const auto result = fixture.compile("pages/login/login.wxml", std::set<std::string>{});
    INFO(diagnosticsText(result.diagnostics));
    CHECK(result.diagnostics.empty());
    checkGolden("getuserinfo.wxml.js", result.module.code);

    MPSIM_REQUIRE_NODE();
    TempDir dir;
    fixture.writeModules(dir.path(), "pages/login/login.wxml");
    CHECK(nodeCheck({dir.path() / "pages/login/login.wxml.js"}).empty());

    const json granted = fixture.render("pages/login/login.wxml", {{"canIUse", true}});
    REQUIRE(granted.size() == 3);
    CHECK(granted[0].at("tag") == "open-data");
    CHECK(granted[0].at("attrs").at("type") == "userAvatarUrl");
    CHECK(granted[2].at("tag") == "button");
    CHECK(granted[2].at("key") == "2?0");
    CHECK(granted[2].at("attrs").at("open-type") == "getUserInfo");
    CHECK(granted[2].at("on") == json::parse(R"([{"event": "getuserinfo", "handler": "bindGetUserInfo",
        "capture": false, "catch": false, "mut": false}])"));
    CHECK(texts(granted) == "Login authorization|");

    const json old = fixture.render("pages/login/login.wxml", {{"canIUse", false}});
    REQUIRE(old.size() == 3);
    CHECK(old[2].at("tag") == "view");
    CHECK(old[2].at("key") == "2?1");
    CHECK(texts(old) == "Please upgrade the host client version.|");
}

TEST_CASE("wxml: wx:if / wx:elif / wx:else pick one branch, each with its own key", "[compiler]")
{
    MPSIM_REQUIRE_NODE();
    WxmlFixture fixture;
    fixture.add("p.wxml", R"(<text wx:if="{{n > 10}}">big</text>
<text wx:elif="{{n > 5}}">medium</text>
<text wx:else>small</text>
<text>always</text>)");
    CHECK(fixture.compile("p.wxml").diagnostics.empty());
    json out = fixture.render("p.wxml", {{"n", 20}});
    CHECK(texts(out) == "big|always|");
    CHECK(keys(out) == std::vector<std::string>{"0?0", "1"});
    out = fixture.render("p.wxml", {{"n", 7}});
    CHECK(texts(out) == "medium|always|");
    CHECK(keys(out) == std::vector<std::string>{"0?1", "1"});
    out = fixture.render("p.wxml", {{"n", 1}});
    CHECK(keys(out) == std::vector<std::string>{"0?2", "1"});
}

TEST_CASE("wxml: wx:else without wx:if is an error", "[compiler]")
{
    WxmlFixture fixture;
    fixture.add("p.wxml", "<view/>\n<view wx:else>x</view>");
    const auto result = fixture.compile("p.wxml");
    REQUIRE(hasCode(result.diagnostics, "orphan-else"));
    CHECK(result.diagnostics[0].line == 2);
    CHECK(result.diagnostics[0].column == 7);
}

TEST_CASE("wxml: wx:for with item, index and wx:key (property, *this, {{expr}})", "[compiler]")
{
    MPSIM_REQUIRE_NODE();
    WxmlFixture fixture;
    fixture.add("p.wxml", R"(<view wx:for="{{users}}" wx:key="id">{{index}}:{{item.name}}</view>
<view wx:for="{{tags}}" wx:key="*this" wx:for-item="tag" wx:for-index="i">{{i}}={{tag}}</view>
<view wx:for="{{users}}" wx:for-item="u" wx:key="{{u.id * 10}}">{{u.id}}</view>
<view wx:for-items="{{tags}}">{{item}}</view>
<view wx:for="{{3}}">{{item}}</view>)");
    const auto result = fixture.compile("p.wxml");
    INFO(diagnosticsText(result.diagnostics));
    CHECK(result.diagnostics.empty());
    const json out = fixture.render("p.wxml", json::parse(R"({"users": [{"id": 7, "name": "ann"}, {"id": 9, "name": "bob"}],
        "tags": ["x", "y"]})"));
    CHECK(keys(out)
          == std::vector<std::string>{"0:7", "0:9", "1:x", "1:y", "2:70", "2:90", "3:0", "3:1", "4:0", "4:1", "4:2"});
    CHECK(texts(out) == "0:ann|1:bob|0=x|1=y|7|9|x|y|0|1|2|");
}

TEST_CASE("wxml: wx:for and wx:if on one element filter each item, nested loops shadow names", "[compiler]")
{
    MPSIM_REQUIRE_NODE();
    WxmlFixture fixture;
    fixture.add("p.wxml", R"(<view wx:for="{{rows}}" wx:if="{{item.show}}">
  <text wx:for="{{item.cells}}">{{item}}{{index}}</text>
</view>)");
    const json out = fixture.render("p.wxml", json::parse(R"({"rows": [{"show": true, "cells": ["a", "b"]},
        {"show": false, "cells": ["c"]}, {"show": true, "cells": ["d"]}]})"));
    CHECK(keys(out) == std::vector<std::string>{"0:0", "0:2"});
    CHECK(texts(out) == "a0|b1|d0|");
}

TEST_CASE("wxml: with a memo, a wx:for item's nodes are reused while the item, its index and what it reads are the same",
          "[compiler]")
{
    MPSIM_REQUIRE_NODE();
    WxmlFixture fixture;
    fixture.add("p.wxml", R"(<view wx:for="{{rows}}" wx:key="id" class="{{selected === item.id ? 'on' : ''}}">
  {{item.name}}<text wx:for="{{item.tags}}">{{prefix}}{{item}}</text>
</view>
<view>{{other}}</view>
<template name="t"><view wx:for="{{list}}">{{item}}</view></template>
<template is="t" data="{{list: rows}}"/>)");
    const auto result = fixture.compile("p.wxml");
    INFO(diagnosticsText(result.diagnostics));
    CHECK(result.diagnostics.empty());
    TempDir dir;
    fixture.writeModules(dir.path(), "p.wxml");
    writeText(dir.path() / "run.mjs", R"(import { render } from './p.wxml.js';
const memo = {};
const a = { id: 'a', name: 'A', tags: ['t'] };
const b = { id: 'b', name: 'B', tags: [] };
const base = { rows: [a, b], selected: 'x', prefix: 'p', other: 1 };
const first = render(base, memo);
const bChanged = { ...b, name: 'B2' };
const second = render({ ...base, rows: [a, bChanged], other: 2 }, memo);
const third = render({ ...base, rows: [a, bChanged], other: 2, prefix: 'q' }, memo);
const fourth = render({ ...base, rows: [bChanged, a], prefix: 'q' }, memo);
const fifth = render({ ...base, rows: [bChanged, a], prefix: 'q', selected: 'a' }, memo);
const noMemo = [render(base), render(base)];
const text = (node) => node.type === 'text' ? node.text : (node.children || []).map(text).join('');
console.log(JSON.stringify({
  unchangedItemReused: first[0] === second[0],
  changedItemNew: first[1] !== second[1] && text(second[1]).includes('B2'),
  unrelatedDataKeepsItems: text(second[2]) === '2',
  innerLoopReadChangesAll: second[0] !== third[0] && text(third[0]).includes('qt'),
  movedItemsNew: fourth[0] !== third[1] && fourth[1] !== third[0],
  classReadChangesAll: fourth[1] !== fifth[1] && fifth[1].attrs.class === 'on',
  templateLoopsFresh: first[3] !== second[3],
  withoutMemoFresh: noMemo[0][0] !== noMemo[1][0],
  keys: fifth.map((node) => node.key)
}));
)");
    const std::string output = runNodeModule(dir.path() / "run.mjs");
    INFO(output);
    const json out = json::parse(output, nullptr, false);
    REQUIRE(out.is_object());
    CHECK(out.at("unchangedItemReused") == true);
    CHECK(out.at("changedItemNew") == true);
    CHECK(out.at("unrelatedDataKeepsItems") == true);
    CHECK(out.at("innerLoopReadChangesAll") == true);
    CHECK(out.at("movedItemsNew") == true);
    CHECK(out.at("classReadChangesAll") == true);
    CHECK(out.at("templateLoopsFresh") == true);
    CHECK(out.at("withoutMemoFresh") == true);
    // The template call is the third node (a <template name> renders nothing).
    CHECK(out.at("keys") == json::parse(R"(["0:b", "0:a", "1", "2/0:0", "2/0:1"])"));
}

TEST_CASE("wxml: <block> adds its children to its parent, with prefixed keys", "[compiler]")
{
    MPSIM_REQUIRE_NODE();
    WxmlFixture fixture;
    fixture.add("p.wxml", R"(<view>
  <block wx:if="{{on}}"><text>a</text><text>b</text></block>
  <block wx:for="{{[1, 2]}}"><text>{{item}}</text></block>
</view>)");
    const json out = fixture.render("p.wxml", {{"on", true}});
    REQUIRE(out.size() == 1);
    CHECK(keys(out[0].at("children")) == std::vector<std::string>{"0?0/0", "0?0/1", "1:0/0", "1:1/0"});
    CHECK(texts(out) == "a|b|1|2|");
}

TEST_CASE("wxml: hidden, data-*, mark:, model: and plain attributes", "[compiler]")
{
    MPSIM_REQUIRE_NODE();
    WxmlFixture fixture;
    fixture.add("p.wxml", R"(<input hidden="{{!show}}" data-user-id="{{id}}" data-userName="n" mark:row="{{2}}"
  model:value="{{form.name}}" class="a {{cls}}" disabled style="width: {{w}}px"/>)");
    const auto result = fixture.compile("p.wxml");
    INFO(diagnosticsText(result.diagnostics));
    CHECK(result.diagnostics.empty());
    const json out = fixture.render("p.wxml", json::parse(R"({"show": false, "id": 42, "cls": "b",
        "form": {"name": "ann"}, "w": 10})"));
    REQUIRE(out.size() == 1);
    const json &input = out[0];
    CHECK(input.at("attrs") == json::parse(R"({"hidden": true, "value": "ann", "class": "a b", "disabled": true,
        "style": "width: 10px"})"));
    CHECK(input.at("dataset") == json::parse(R"({"userId": 42, "username": "n"})"));
    CHECK(input.at("marks") == json::parse(R"({"row": 2})"));
    CHECK(input.at("model") == json::parse(R"({"value": "form.name"})"));
}

TEST_CASE("wxml: model: must bind a data field", "[compiler]")
{
    WxmlFixture fixture;
    fixture.add("p.wxml", R"(<input model:value="{{a + 1}}"/><input model:value="x{{a}}"/>)");
    const auto result = fixture.compile("p.wxml");
    CHECK(errorCount(result.diagnostics) == 2);
    CHECK(hasCode(result.diagnostics, "model-binding"));
}

TEST_CASE("wxml: event attributes with and without a colon, every prefix", "[compiler]")
{
    MPSIM_REQUIRE_NODE();
    WxmlFixture fixture;
    fixture.add("p.wxml", R"(<view bindtap="a" bind:longpress="b" catchtap="c" catch:touchstart="d"
  capture-bind:touchmove="e" capture-catch:touchend="f" mut-bind:tap="g" capture-bindtap="h"
  bind:myEvent="{{handlerName}}"/>)");
    const auto result = fixture.compile("p.wxml");
    INFO(diagnosticsText(result.diagnostics));
    CHECK(result.diagnostics.empty());
    const json out = fixture.render("p.wxml", {{"handlerName", "dynamic"}});
    const json expected = json::parse(R"([
        {"event": "tap", "handler": "a", "capture": false, "catch": false, "mut": false},
        {"event": "longpress", "handler": "b", "capture": false, "catch": false, "mut": false},
        {"event": "tap", "handler": "c", "capture": false, "catch": true, "mut": false},
        {"event": "touchstart", "handler": "d", "capture": false, "catch": true, "mut": false},
        {"event": "touchmove", "handler": "e", "capture": true, "catch": false, "mut": false},
        {"event": "touchend", "handler": "f", "capture": true, "catch": true, "mut": false},
        {"event": "tap", "handler": "g", "capture": false, "catch": false, "mut": true},
        {"event": "tap", "handler": "h", "capture": true, "catch": false, "mut": false},
        {"event": "myEvent", "handler": "dynamic", "capture": false, "catch": false, "mut": false}])");
    CHECK(out.at(0).at("on") == expected);
    CHECK(result.module.code.find("{ tag: \"view\", event: \"myEvent\", handler: null,") != std::string::npos);
}

TEST_CASE("wxml: templates by name, dynamic is, and data with shorthand and spread", "[compiler]")
{
    MPSIM_REQUIRE_NODE();
    WxmlFixture fixture;
    fixture.add("p.wxml", R"(<template name="card"><text>{{title}}/{{name}}/{{outer}}</text></template>
<template name="other"><text>other {{title}}</text></template>
<template is="card" data="{{title: 'x', ...item}}"/>
<template is="{{which}}" data="{{title}}"/>
<template is="missing-at-runtime{{n}}"/>)");
    const auto result = fixture.compile("p.wxml");
    INFO(diagnosticsText(result.diagnostics));
    CHECK(result.diagnostics.empty());
    const json out = fixture.render("p.wxml", json::parse(R"({"item": {"name": "ann"}, "outer": "o",
        "which": "other", "title": "T"})"));
    CHECK(texts(out) == "x/ann/|other T|");
    // Template definitions take no position among the siblings.
    CHECK(keys(out) == std::vector<std::string>{"0/0", "1/0"});
}

TEST_CASE("wxml: a template that calls itself stops at a depth limit", "[compiler]")
{
    MPSIM_REQUIRE_NODE();
    WxmlFixture fixture;
    fixture.add("p.wxml", R"(<template name="t"><view><template is="t" data="{{...x}}"/></view></template>
<template is="t" data="{{x}}"/>)");
    const json out = fixture.render("p.wxml", json::parse(R"({"x": {}})"));
    CHECK(out.is_array());
}

TEST_CASE("wxml: import brings the file's own templates, not the ones it imports", "[compiler]")
{
    MPSIM_REQUIRE_NODE();
    WxmlFixture fixture;
    fixture.add("common/a.wxml", R"(<import src="b.wxml"/><template name="a"><text>A</text></template>
<template name="useB"><template is="b"/></template>)");
    fixture.add("common/b.wxml", R"(<template name="b"><text>B</text></template>)");
    fixture.add("pages/p.wxml", R"(<import src="../common/a"/><template is="a"/><template is="b"/><template is="useB"/>)");
    const auto result = fixture.compile("pages/p.wxml");
    INFO(diagnosticsText(result.diagnostics));
    CHECK(result.diagnostics.empty());
    CHECK(result.module.importedFiles == std::vector<std::string>{"common/a.wxml"});
    // "b" is not visible in p (not transitive), but a's own template can use it.
    CHECK(texts(fixture.render("pages/p.wxml")) == "A|B|");
}

TEST_CASE("wxml: include brings everything but templates and wxs", "[compiler]")
{
    MPSIM_REQUIRE_NODE();
    WxmlFixture fixture;
    fixture.add("header.wxml", R"(<template name="hidden"><text>T</text></template>
<wxs module="inc">module.exports = {v: 1};</wxs>
<text>header {{title}}</text><text>{{inc ? 'wxs leaked' : 'no wxs'}}</text>)");
    fixture.add("p.wxml", R"(<include src="header.wxml"/><view><include src="/header"/></view><template is="hidden"/>)");
    const auto result = fixture.compile("p.wxml");
    INFO(diagnosticsText(result.diagnostics));
    CHECK(hasCode(result.diagnostics, "unknown-template", Severity::Warning));
    CHECK(errorCount(result.diagnostics) == 0);
    CHECK(result.module.sources == std::vector<std::string>{"p.wxml", "header.wxml"});
    const json out = fixture.render("p.wxml", {{"title", "T1"}});
    CHECK(texts(out) == "header T1|no wxs|header T1|no wxs|");
    CHECK(keys(out) == std::vector<std::string>{"0/0", "0/1", "1"});
}

TEST_CASE("wxml: include cycles and missing files are reported with their location", "[compiler]")
{
    WxmlFixture fixture;
    fixture.add("a.wxml", "<include src=\"b.wxml\"/>");
    fixture.add("b.wxml", "<view/>\n<include src=\"a.wxml\"/>");
    fixture.add("c.wxml", "<include src=\"c.wxml\"/><import src=\"nope.wxml\"/><include src=\"../../x.wxml\"/>");
    const auto a = fixture.compile("a.wxml");
    REQUIRE(errorCount(a.diagnostics) == 1);
    CHECK(a.diagnostics[0].code == "include-cycle");
    CHECK(a.diagnostics[0].file == "b.wxml");
    CHECK(a.diagnostics[0].line == 2);
    CHECK(a.diagnostics[0].message == "include cycle: a.wxml -> b.wxml -> a.wxml");

    const auto c = fixture.compile("c.wxml");
    CHECK(hasCode(c.diagnostics, "include-cycle"));
    CHECK(hasCode(c.diagnostics, "file-not-found"));
    CHECK(hasCode(c.diagnostics, "path-outside-root"));
}

TEST_CASE("wxml: an import that imports the file back is reported as a cycle", "[compiler]")
{
    WxmlFixture fixture;
    fixture.add("a.wxml", "<import src=\"b.wxml\"/>");
    fixture.add("b.wxml", "<import src=\"a.wxml\"/>");
    fixture.add("self.wxml", "<import src=\"self.wxml\"/>");
    CHECK(hasCode(fixture.compile("a.wxml").diagnostics, "import-cycle", Severity::Warning));
    CHECK(hasCode(fixture.compile("self.wxml").diagnostics, "import-cycle"));
}

TEST_CASE("wxml: wxs modules inline and by src, with require, are callable from {{ }}", "[compiler]")
{
    MPSIM_REQUIRE_NODE();
    WxmlFixture fixture;
    fixture.add("utils/format.wxs", "var pad = require('./pad.wxs');\n"
                                    "module.exports = { money: function (n) { return pad.left(n.toFixed(2)); } };\n");
    fixture.add("utils/pad.wxs", "module.exports.left = function (s) { return '$' + s; };");
    fixture.add("p.wxml", R"(<wxs src="/utils/format.wxs" module="fmt"/>
<wxs module="m">
var re = getRegExp('a+', 'g');
module.exports = { count: function (s) { return (s.match(re) || []).length; }, v: 3 };
</wxs>
<text>{{fmt.money(price)}} {{m.count(word)}} {{m['v']}} {{fmt.missing(1)}}</text>
<view wx:for="{{[1, 2]}}">{{m.v + item}}</view>)");
    const auto result = fixture.compile("p.wxml");
    INFO(diagnosticsText(result.diagnostics));
    CHECK(result.diagnostics.empty());
    CHECK(result.module.wxsFiles == std::vector<std::string>{"utils/format.wxs"});
    const json out = fixture.render("p.wxml", {{"price", 3.5}, {"word", "aa-b-a"}});
    CHECK(texts(out) == "$3.50 2 3 |4|5|");
}

TEST_CASE("wxml: wxs problems are errors: bad module name, duplicate, missing src", "[compiler]")
{
    WxmlFixture fixture;
    fixture.add("p.wxml", R"(<wxs module="1x">1</wxs><wxs module="a">1</wxs><wxs module="a">2</wxs>
<wxs module="b" src="nope.wxs"/>)");
    const auto result = fixture.compile("p.wxml");
    CHECK(hasCode(result.diagnostics, "wxs-module"));
    CHECK(hasCode(result.diagnostics, "duplicate-wxs"));
    CHECK(hasCode(result.diagnostics, "wxs-not-found"));
}

TEST_CASE("wxml: named and default slots become slot nodes", "[compiler]")
{
    MPSIM_REQUIRE_NODE();
    WxmlFixture fixture;
    fixture.add("c.wxml", R"(<view><slot/><slot name="footer"/><slot name="{{n}}"/></view>)");
    const json out = fixture.render("c.wxml", {{"n", "dyn"}});
    const json &children = out.at(0).at("children");
    REQUIRE(children.size() == 3);
    CHECK(children[0] == json::parse(R"({"type": "slot", "key": "0", "name": "", "attrs": {}})"));
    CHECK(children[1].at("name") == "footer");
    CHECK(children[2].at("name") == "dyn");
}

TEST_CASE("wxml: unknown tags, directives and attribute namespaces are warnings", "[compiler]")
{
    WxmlFixture fixture;
    fixture.add("p.wxml", R"(<my-card/><t-button/><view wx:fro="{{a}}" foo:bar="1"/><block class="x"/>)");
    const auto result = fixture.compile("p.wxml", std::set<std::string>{"t-button"});
    CHECK(errorCount(result.diagnostics) == 0);
    std::vector<std::string> codes;
    for (const auto &d : result.diagnostics)
        codes.push_back(d.code);
    CHECK(codes == std::vector<std::string>{"unknown-tag", "unknown-directive", "unknown-attribute",
                                            "unknown-attribute"});
    CHECK(result.diagnostics[0].toString()
          == "p.wxml:1:1: warning: unknown tag <my-card>: not a built-in component nor in usingComponents [unknown-tag]");
}

TEST_CASE("wxml: generated code never reaches globals or prototypes", "[compiler]")
{
    MPSIM_REQUIRE_NODE();
    WxmlFixture fixture;
    fixture.add("p.wxml", R"(<text>{{constructor}}|{{a.constructor.constructor('return process')()}}|{{a.__proto__}}|{{toString}}|{{s.length}}|{{process}}|{{globalThis}}|{{list.length}}|{{list[1]}}|{{s.toUpperCase()}}</text>)");
    const auto result = fixture.compile("p.wxml");
    CHECK(result.diagnostics.empty());
    CHECK(result.module.code.find("eval") == std::string::npos);
    CHECK(result.module.code.find("Function(") == std::string::npos);
    const json out = fixture.render("p.wxml", json::parse(R"({"a": {}, "s": "abc", "list": [1, 2]})"));
    CHECK(texts(out) == "||||3|||2|2||");
}

TEST_CASE("wxml: the line map leads from generated lines back to the WXML", "[compiler]")
{
    WxmlFixture fixture;
    fixture.add("p.wxml", "<view>\n\n  <text>{{a.b}}</text>\n</view>");
    const auto result = fixture.compile("p.wxml");
    const auto &code = result.module.code;
    const std::size_t at = code.find("$get($get(data, \"a\"), \"b\")");
    REQUIRE(at != std::string::npos);
    const int line = 1 + static_cast<int>(std::count(code.begin(), code.begin() + static_cast<long>(at), '\n'));
    const LineMapping *origin = result.module.originOf(line);
    REQUIRE(origin);
    CHECK(origin->sourceIndex == 0);
    CHECK(origin->line == 3);
    CHECK(origin->column == 9);
    CHECK(code.find("export const lineMap = Object.freeze([") != std::string::npos);
}

TEST_CASE("wxml: compiling twice gives byte-identical modules", "[compiler]")
{
    WxmlFixture fixture;
    fixture.add("p.wxml", R"(<view wx:for="{{a}}" bindtap="x"><text>{{item}}</text></view><template name="t"/>)");
    CHECK(fixture.compile("p.wxml").module.code == fixture.compile("p.wxml").module.code);
}

TEST_CASE("wxml: a missing file is an error and gives a module that renders nothing", "[compiler]")
{
    WxmlFixture fixture;
    const auto result = fixture.compile("nope.wxml");
    REQUIRE(result.diagnostics.size() == 1);
    CHECK(result.diagnostics[0].code == "file-not-found");
    CHECK(result.module.code.find("export function render(data, $memo)") != std::string::npos);
}

TEST_CASE("wxml: a module with syntax errors still parses as JavaScript", "[compiler]")
{
    MPSIM_REQUIRE_NODE();
    WxmlFixture fixture;
    fixture.add("p.wxml", R"(<view wx:if="{{a +}}" class="{{'x}}"><text>{{ ) }}</text><template is="{{"/>
<view wx:for="{{[}}" wx:key="{{*}}" bind:tap="{{(}}"/></view)");
    const auto result = fixture.compile("p.wxml");
    CHECK(errorCount(result.diagnostics) > 0);
    TempDir dir;
    fixture.writeModules(dir.path(), "p.wxml");
    CHECK(nodeCheck({dir.path() / "p.wxml.js"}).empty());
}

TEST_CASE("wxml: change:prop observers and wxs event handlers are wxs functions", "[compiler]")
{
    MPSIM_REQUIRE_NODE();
    WxmlFixture fixture;
    fixture.add("p.wxml", R"(<wxs module="t">module.exports = { seen: function () {}, tap: function () {} };</wxs>
<view change:open="{{t.seen}}" open="{{open}}" bindtap="{{t.tap}}"/>)");
    const auto result = fixture.compile("p.wxml");
    INFO(diagnosticsText(result.diagnostics));
    CHECK(result.diagnostics.empty());
    CHECK(result.module.code.find(R"(observers: { "open": $get($w["t"], "seen") })") != std::string::npos);
    CHECK(result.module.code.find(R"(handler: $get($w["t"], "tap"))") != std::string::npos);
    TempDir dir;
    fixture.writeModules(dir.path(), "p.wxml");
    CHECK(nodeCheck({dir.path() / "p.wxml.js"}).empty());
}

TEST_CASE("wxs: a .wxs file becomes a module with its requires resolved", "[compiler]")
{
    MemorySourceLoader loader;
    loader.add("utils/a.wxs", "// uses b\nvar b = require( './b.wxs' );\n/* require('./nope.wxs') */\nmodule.exports = b;");
    loader.add("utils/b.wxs", "module.exports = 1;");
    const auto result = compileWxsFile(loader, "utils/a.wxs");
    CHECK(result.diagnostics.empty());
    CHECK(result.module.requiredFiles == std::vector<std::string>{"utils/b.wxs"});
    checkGolden("a.wxs.js", result.module.code);

    loader.add("utils/c.wxs", "var x = require('../missing.wxs');");
    const auto missing = compileWxsFile(loader, "utils/c.wxs");
    REQUIRE(missing.diagnostics.size() == 1);
    CHECK(missing.diagnostics[0].toString()
          == "utils/c.wxs:1:17: error: required wxs file '../missing.wxs' not found [wxs-not-found]");
}

TEST_CASE("wxml: every directive and binding form compiles to the golden module, which runs", "[compiler]")
{
    WxmlFixture fixture;
    for (const char *file : {"wxml/directives.wxml", "wxml/header.wxml", "wxml/templates.wxml", "wxs/format.wxs"})
        fixture.add(file, readText(compilerDataDir() / file));
    const auto result = fixture.compile("wxml/directives.wxml", std::set<std::string>{});
    INFO(diagnosticsText(result.diagnostics));
    CHECK(result.diagnostics.empty());
    checkGolden("directives.wxml.js", result.module.code);

    MPSIM_REQUIRE_NODE();
    const json out = fixture.render("wxml/directives.wxml", json::parse(R"({
        "theme": "dark", "h": 10, "visible": true, "id": 5, "form": {"name": "ann"}, "handler": "onCustom",
        "count": 3, "items": [{"id": "a", "name": "pen", "price": 2}], "extra": {"note": 1},
        "tags": ["x"], "setting": {"scope.userInfo": true}, "tpl": "card", "item": {"title": "T"},
        "title": "Head"})"));
    REQUIRE(out.size() == 1);
    CHECK(texts(out) == "3 items|pen: 2.00|0 x X|yes|yes|yes|T|Head & more|");
    CHECK(keys(out[0].at("children"))
          == std::vector<std::string>{"0?1", "1:a/0/0", "2:x", "3:2", "3:4", "3:6", "4/0", "5/0", "6", "7"});
}

TEST_CASE("wxml: deep nesting across a chain of includes is an error, not a stack overflow", "[compiler]")
{
    WxmlFixture fixture;
    std::string open, close;
    for (int i = 0; i < 250; ++i) {
        open += "<view>";
        close += "</view>";
    }
    for (int i = 0; i < 31; ++i)
        fixture.add("f" + std::to_string(i) + ".wxml", open + "<include src=\"f" + std::to_string(i + 1) + ".wxml\"/>" + close);
    fixture.add("f31.wxml", "<text>end</text>");
    const auto result = fixture.compile("f0.wxml");
    CHECK(hasCode(result.diagnostics, "nesting-depth"));
}

TEST_CASE("wxml: a file nested as deep as the parser allows compiles without exhausting the stack", "[compiler]")
{
    WxmlFixture fixture;
    std::string text;
    for (int i = 0; i < 5000; ++i)
        text += "<view wx:if=\"{{a}}\" wx:for=\"{{b}}\"><block>";
    fixture.add("deep.wxml", text);
    const auto result = fixture.compile("deep.wxml");
    CHECK(hasCode(result.diagnostics, "nesting-depth"));
    CHECK_FALSE(result.module.code.empty());
}
