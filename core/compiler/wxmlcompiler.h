#pragma once

#include "compiler/diagnostic.h"
#include "compiler/sourceloader.h"

#include <optional>
#include <set>
#include <string>
#include <vector>

// ---------------------------------------------------------------------------
// The render module: what WxmlCompiler generates for one .wxml file.
//
// An ES module (UTF-8, strict mode) named "<file>.wxml.js" next to the other
// generated files, with these exports. It reads nothing global and evaluates
// no template text: each {{ }} was parsed here and emitted as JS that reads
// only own properties of the data object (see expressionemitter.h).
//
//   export const source    "pages/index/index.wxml" (root-relative)
//   export const sources   [source, ...included files]: the indexes used below
//   export const wxs       [{ module, src, line }]: the page's wxs modules;
//                          src is the root-relative .wxs path or null (inline)
//   export const events    [{ tag, event, handler, capture, catch, mut,
//                            source, line, column }] every event attribute in
//                          source order; handler is null when it is a {{ }}
//   export const templates { name: function (data, key) -> Node[] } the
//                          <template name> this file defines (not imported ones)
//   export function render(data, memo) -> Node[]   the page/component's
//                          top-level nodes; memo is optional (see below)
//   export const lineMap   [[generatedLine, sourceIndex, line, column], ...]
//                          sorted; a generated line maps to the last entry at
//                          or before it
//
// Node shapes (plain objects, created fresh by every render() call but for
// memoised list items, see below; never changed once returned):
//
//   { type: "element", tag, key, attrs, dataset, marks, on, model, children }
//       tag       the WXML tag as written ("view", "t-button"); built-in
//                 components are rendered by the runtime as "wx-" + tag
//       key       string, unique among the node's siblings and stable across
//                 renders (see below)
//       attrs     { name: value } every other attribute, names as written
//                 ("open-type", "openType", "class", "hidden", "slot"...);
//                 value is `true` for a valueless attribute, the expression's
//                 value for a lone {{ }}, a string otherwise
//       dataset   { camelCasedName: value } from data-* (data-foo-bar -> fooBar)
//       marks     { name: value } from mark:name
//       on        [{ event, handler, capture, catch, mut }] from bind*/catch*/
//                 capture-bind:/capture-catch:/mut-bind: (with or without ':');
//                 handler is the method name, or the value of a {{ }} handler
//                 (a name, or a wxs function for WXS event responses)
//       model     { attr: "data.path" } from model:attr="{{data.path}}" (the
//                 attribute also appears in attrs with the current value)
//       children  Node[]
//       observers { prop: function } from WXS property observers
//                 change:prop="{{wxsModule.fn}}"; only present when used
//   { type: "text", key, text }        text is a string
//   { type: "slot", key, name, attrs } a <slot> (name "" for the default slot)
//
// Keys: a node's position among the template's children ("0", "1"...);
// an element inside a <block>, <include> or template gets "<block key>/<n>";
// a wx:if/elif/else branch b gets "<n>?<b>"; a wx:for item gets
// "<n>:<wx:key value>" ("<n>:<index>" without wx:key, "<n>:#<index>" when the
// key value is not a string, number or boolean). Keys restart
// below every element, so they only need to be unique among siblings.
//
// Runtime semantics kept from the platform: wx:for iterates arrays, strings
// (characters), objects (values, index = key) and numbers (0..n-1, capped at
// 100000); wx:if tests JS truthiness (so wx:if="false" is true, as on a
// device); text shows undefined/null as "". A template that (indirectly)
// calls itself stops at 64 levels; an unknown template name renders nothing.
//
// Memoised lists: render(data, memo) with a memo object (the caller keeps
// one per rendered tree, {} at first, and passes it to every render) reuses
// the nodes of a wx:for item from the previous render when the item (===),
// its index and every data property the item's body reads (===) are
// unchanged: the returned array then holds the very same node objects, and a
// renderer may skip them. This relies on the caller's data never being
// changed in place (a changed value is a new object along its whole path) and
// on wxs functions being pure. Only the outermost wx:for of render() is
// memoised; loops inside it and inside <template name> bodies are not.
//
// <import>ed templates come from the imported file's module through an ES
// import ("./other.wxml.js"); wxs src modules from "<file>.wxs.js" modules
// (see wxscompiler.h). <include> is expanded in place.
// ---------------------------------------------------------------------------

namespace mpsim::core::compiler {

struct WxmlCompileOptions
{
    // Tags of the custom components usable in this file (usingComponents and
    // componentGenerics). When set, any other tag that is not a built-in
    // component is reported ("unknown-tag", a warning).
    std::optional<std::set<std::string>> components;
};

// A generated line's origin in the WXML.
struct LineMapping
{
    int generatedLine = 0;
    int sourceIndex = 0; // into RenderModule::sources
    int line = 0;
    int column = 0;
};

struct RenderModule
{
    std::string source;                    // the .wxml file, root-relative
    std::string code;                      // the ES module
    std::vector<std::string> sources;      // [source, included files...]
    std::vector<LineMapping> lineMap;
    std::vector<std::string> importedFiles; // .wxml files whose modules are imported
    std::vector<std::string> wxsFiles;      // .wxs files whose modules are imported
    std::vector<std::string> dependencies;  // every file looked at, found or not (cache validation)

    // The WXML position of a generated line (1-based): the last mapping at or
    // before it, or nullptr when the line precedes every mapping.
    const LineMapping *originOf(int generatedLine) const;
};

struct WxmlCompileResult
{
    RenderModule module;
    std::vector<Diagnostic> diagnostics;

    bool ok() const { return errorCount(diagnostics) == 0; }
};

// Compiles one .wxml file (with its includes, imports and wxs) into a render
// module. Never throws: problems are diagnostics and the module is still
// generated from what could be understood, so a page with one bad expression
// renders the rest. A missing file is an error ("file-not-found") and gives a
// module that renders nothing.
class WxmlCompiler
{
public:
    explicit WxmlCompiler(SourceLoader &loader);

    WxmlCompileResult compile(const std::string &path, const WxmlCompileOptions &options = {});

private:
    SourceLoader &m_loader;
};

// The generated module's file name for a source file: "a/b.wxml" -> "a/b.wxml.js".
std::string generatedModulePath(const std::string &sourcePath);

} // namespace mpsim::core::compiler
