#include "compiler/wxmlcompiler.h"

#include "compiler/builtincomponents.h"
#include "compiler/expressionemitter.h"
#include "compiler/expressionparser.h"
#include "compiler/sourcetext.h"
#include "compiler/wxmlparser.h"
#include "compiler/wxscompiler.h"

#include <algorithm>
#include <map>
#include <memory>
#include <string_view>

namespace mpsim::core::compiler {

std::string generatedModulePath(const std::string &sourcePath)
{
    return sourcePath + ".js";
}

const LineMapping *RenderModule::originOf(int generatedLine) const
{
    const auto it = std::upper_bound(lineMap.begin(), lineMap.end(), generatedLine,
                                     [](int line, const LineMapping &m) { return line < m.generatedLine; });
    if (it == lineMap.begin())
        return nullptr;
    return &*(it - 1);
}

namespace {

constexpr int maxIncludeDepth = 32;
// Elements nested deeper than this, counting through includes, are not
// compiled: recursion that deep would risk the stack (each file alone is
// already limited to 256 levels by the parser).
constexpr int maxEmitNesting = 300;

// Helpers every render module starts with; expressionemitter.h says why they
// exist. Kept byte-for-byte stable so modules are deterministic.
constexpr std::string_view prelude = R"JS(const $hasOwn = Object.prototype.hasOwnProperty;
function $get(object, key) {
  if (object === null || object === undefined) return undefined;
  const type = typeof object;
  if (type !== "object" && type !== "string" && type !== "function") return undefined;
  return $hasOwn.call(object, key) ? object[key] : undefined;
}
function $call(object, key, args) {
  const fn = $get(object, key);
  return typeof fn === "function" ? fn.apply(object, args) : undefined;
}
function $apply(fn, args) {
  return typeof fn === "function" ? fn.apply(undefined, args) : undefined;
}
function $list(value) {
  return Array.isArray(value) ? value : [];
}
function $str(value) {
  if (value === undefined || value === null) return "";
  if (typeof value !== "object") return String(value);
  try { return String(value); } catch (e) { return "[object Object]"; }
}
function $each(value, body) {
  if (Array.isArray(value) || typeof value === "string") {
    for (let i = 0; i < value.length; i++) body(value[i], i);
  } else if (typeof value === "number") {
    const count = Math.min(Math.floor(value), 100000);
    for (let i = 0; i < count; i++) body(i, i);
  } else if (value !== null && typeof value === "object") {
    for (const key of Object.keys(value)) body(value[key], key);
  }
}
function $forKey(value, index) {
  const type = typeof value;
  return type === "string" || type === "number" || type === "boolean" ? String(value) : "#" + index;
}
let $depth = 0;
function $template(table, name, data, key, out) {
  const render = typeof name === "string" && $hasOwn.call(table, name) ? table[name] : undefined;
  if (typeof render !== "function" || $depth >= 64) return;
  $depth++;
  try {
    for (const node of render(data !== null && typeof data === "object" ? data : {}, key)) out.push(node);
  } finally {
    $depth--;
  }
}
function $memoSite(memo, id, reads) {
  if (memo === undefined || memo === null) return null;
  const last = memo[id];
  let prev = last === undefined ? null : last.next;
  if (prev !== null && (last.reads.length !== reads.length || last.reads.some((value, i) => value !== reads[i]))) prev = null;
  const site = { reads: reads, prev: prev, next: new Map() };
  memo[id] = site;
  return site;
}
function $memoReuse(site, key, item, index, out) {
  if (site === null || site.prev === null) return false;
  const entry = site.prev.get(key);
  if (entry === undefined || entry.item !== item || entry.index !== index) return false;
  for (const node of entry.nodes) out.push(node);
  site.next.set(key, entry);
  return true;
}
function $memoKeep(site, key, item, index, out, start) {
  if (site !== null) site.next.set(key, { item: item, index: index, nodes: out.slice(start) });
}
)JS";

constexpr std::string_view wxsPrelude = R"JS(function $getRegExp(pattern, flags) { return new RegExp(pattern, flags); }
function $getDate(...args) { return new Date(...args); }
function $wxsLoad(source, loaded) {
  if (loaded.has(source)) return loaded.get(source).exports;
  const module = { exports: {} };
  loaded.set(source, module);
  const requires = source.requires || {};
  const require = (specifier) => {
    if (!$hasOwn.call(requires, specifier)) throw new Error("wxs: cannot find module " + specifier);
    return $wxsLoad(requires[specifier], loaded);
  };
  source.factory(module, module.exports, require, $getRegExp, $getDate);
  return module.exports;
}
let $wxsCache = null;
function $wxsModules() {
  if ($wxsCache === null) {
    const loaded = new Map();
    const modules = Object.create(null);
    for (const name of Object.keys($wxsSources)) modules[name] = $wxsLoad($wxsSources[name], loaded);
    $wxsCache = modules;
  }
  return $wxsCache;
}
)JS";

struct SourceFile
{
    std::unique_ptr<SourceText> text;
    std::vector<WxmlNode> roots;
    int index = -1; // in RenderModule::sources, once its content is emitted
    bool scanned = false;
};

// A key as JS: `variable + "literal"`, or just the literal.
struct KeyExpr
{
    std::string variable;
    std::string literal;

    std::string js() const
    {
        if (variable.empty())
            return jsString(literal);
        return literal.empty() ? variable : variable + " + " + jsString(literal);
    }
    KeyExpr plus(const std::string &suffix) const { return {variable, literal + suffix}; }
};

struct TemplateDef
{
    const SourceFile *file;
    const WxmlNode *node;
};

struct WxsDef
{
    std::string module;
    std::string src; // resolved path, empty when inline
    const SourceFile *file;
    const WxmlNode *node;
};

struct EventSpec
{
    std::string event;
    bool capture = false;
    bool isCatch = false;
    bool mut = false;
};

// bindtap, bind:tap, catchtap, catch:tap, capture-bind:tap, capture-catch:tap,
// mut-bind:tap (each also without the colon).
std::optional<EventSpec> parseEventAttribute(std::string_view name)
{
    struct Prefix
    {
        std::string_view text;
        bool capture, isCatch, mut;
    };
    static constexpr Prefix prefixes[] = {
        {"capture-catch", true, true, false}, {"capture-bind", true, false, false},
        {"mut-bind", false, false, true},     {"catch", false, true, false},
        {"bind", false, false, false},
    };
    for (const auto &prefix : prefixes) {
        if (name.substr(0, prefix.text.size()) != prefix.text)
            continue;
        std::string_view rest = name.substr(prefix.text.size());
        if (!rest.empty() && rest.front() == ':')
            rest.remove_prefix(1);
        else if (rest.empty() || rest.front() == '-')
            return std::nullopt;
        if (rest.empty())
            return std::nullopt;
        return EventSpec{std::string(rest), prefix.capture, prefix.isCatch, prefix.mut};
    }
    return std::nullopt;
}

// data-foo-bar -> fooBar (the platform lower-cases, then camel-cases at '-').
std::string datasetName(std::string_view attribute)
{
    std::string out;
    bool upper = false;
    for (const char c : attribute) {
        if (c == '-') {
            upper = true;
            continue;
        }
        const char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        out += upper && lower >= 'a' && lower <= 'z' ? static_cast<char>(lower - 'a' + 'A') : lower;
        upper = false;
    }
    return out;
}

bool startsWith(std::string_view text, std::string_view prefix)
{
    return text.substr(0, prefix.size()) == prefix;
}

bool isIdentifier(std::string_view name)
{
    if (name.empty() || (name[0] >= '0' && name[0] <= '9'))
        return false;
    return std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
            || c == '$' || static_cast<unsigned char>(c) >= 0x80;
    });
}

// Output with line mapping.
class Writer
{
public:
    explicit Writer(std::vector<LineMapping> &map) : m_map(map) {}

    void line(std::string_view text)
    {
        m_out.append(static_cast<std::size_t>(m_indent) * 2, ' ');
        m_out += text;
        m_out += '\n';
        ++m_line;
    }
    void mapped(std::string_view text, const SourceFile &file, std::size_t offset)
    {
        m_map.push_back(LineMapping{m_line, file.index, file.text->lineOf(offset),
                                    file.text->columnOf(offset)});
        line(text);
    }
    // Appends text verbatim (it should end with a newline), counting its lines.
    void raw(std::string_view text)
    {
        m_out += text;
        m_line += static_cast<int>(std::count(text.begin(), text.end(), '\n'));
    }
    void indent() { ++m_indent; }
    void dedent() { --m_indent; }
    int currentLine() const { return m_line; }
    std::string &text() { return m_out; }

private:
    std::string m_out;
    std::vector<LineMapping> &m_map;
    int m_line = 1;
    int m_indent = 0;
};

class CompileRun
{
public:
    CompileRun(SourceLoader &loader, const WxmlCompileOptions &options, WxmlCompileResult &result)
        : m_loader(loader), m_options(options), m_result(result), m_body(m_bodyMap)
    {
    }

    void run(const std::string &path);

private:
    std::vector<Diagnostic> &diagnostics() { return m_result.diagnostics; }

    void error(const SourceFile &file, std::size_t offset, std::string message, std::string code)
    {
        file.text->report(diagnostics(), Severity::Error, offset, std::move(message), std::move(code));
    }
    void warning(const SourceFile &file, std::size_t offset, std::string message, std::string code)
    {
        file.text->report(diagnostics(), Severity::Warning, offset, std::move(message), std::move(code));
    }

    SourceFile *loadFile(const std::string &path);
    std::optional<std::string> resolveReference(const SourceFile &file, const WxmlNode &node,
                                                const char *attribute, std::string_view extension);
    void scan(SourceFile &file, const std::vector<WxmlNode> &nodes, bool main,
              std::vector<std::string> &includeStack);
    void addImport(SourceFile &file, const WxmlNode &node);
    void addWxs(SourceFile &file, const WxmlNode &node);

    Interpolation interpolate(const SourceFile &file, const WxmlAttribute &attribute,
                              bool objectBody = false);
    std::string valueJs(const SourceFile &file, const WxmlAttribute &attribute, const EmitScope &scope,
                        bool objectBody = false);
    std::string interpolationJs(const Interpolation &value, const EmitScope &scope);

    void emitSiblings(const SourceFile &file, const std::vector<WxmlNode> &nodes,
                      const std::string &target, const KeyExpr &base, EmitScope &scope);
    void emitWithLoop(const SourceFile &file, const WxmlNode &node, const std::string &target,
                      const KeyExpr &key, EmitScope &scope, bool conditionInside);
    void emitSingle(const SourceFile &file, const WxmlNode &node, const std::string &target,
                    const KeyExpr &key, EmitScope &scope);
    void emitElement(const SourceFile &file, const WxmlNode &node, const std::string &target,
                     const KeyExpr &key, EmitScope &scope);
    void emitTemplates();
    void emitRender(const SourceFile &main);
    void checkTag(const SourceFile &file, const WxmlNode &node);
    std::string newName(const char *prefix) { return prefix + std::to_string(m_counter++); }

    SourceLoader &m_loader;
    const WxmlCompileOptions &m_options;
    WxmlCompileResult &m_result;

    std::map<std::string, std::unique_ptr<SourceFile>> m_files;
    std::map<const WxmlNode *, SourceFile *> m_includes; // null: missing or cyclic
    std::map<std::string, TemplateDef> m_templates;
    std::vector<std::string> m_templateOrder;
    std::vector<std::string> m_imports; // resolved .wxml paths
    std::vector<WxsDef> m_wxs;
    std::set<std::string> m_wxsNames;
    std::vector<std::string> m_events; // JS object literals
    std::string m_mainPath;

    std::vector<LineMapping> m_bodyMap;
    Writer m_body;
    int m_counter = 0;
    int m_includeDepth = 0;
    int m_nesting = 0;
    int m_scanNesting = 0;
    bool m_nestingReported = false;
};

SourceFile *CompileRun::loadFile(const std::string &path)
{
    const auto found = m_files.find(path);
    if (found != m_files.end())
        return found->second.get();
    m_result.module.dependencies.push_back(path);
    auto contents = m_loader.read(path);
    if (!contents)
        return nullptr;
    auto file = std::make_unique<SourceFile>();
    file->text = std::make_unique<SourceText>(path, std::move(*contents));
    file->roots = WxmlParser(*file->text, diagnostics()).parse();
    auto *raw = file.get();
    m_files.emplace(path, std::move(file));
    return raw;
}

std::optional<std::string> CompileRun::resolveReference(const SourceFile &file, const WxmlNode &node,
                                                        const char *attribute,
                                                        std::string_view extension)
{
    const WxmlAttribute *src = node.attribute(attribute);
    if (!src || !src->hasValue || src->value.empty()) {
        error(file, node.offset, "<" + node.tag + "> needs a " + attribute + " attribute",
              "missing-attribute");
        return std::nullopt;
    }
    if (src->value.find("{{") != std::string::npos) {
        error(file, src->valueOffset, std::string(attribute) + " of <" + node.tag + "> must be a path, not {{ }}",
              "dynamic-path");
        return std::nullopt;
    }
    std::string reference = src->value;
    const std::size_t slash = reference.find_last_of('/');
    const std::size_t dot = reference.find_last_of('.');
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash))
        reference += extension;
    auto resolved = resolveSourcePath(file.text->path(), reference);
    if (!resolved) {
        error(file, src->valueOffset, "'" + src->value + "' is outside the mini-program root",
              "path-outside-root");
        return std::nullopt;
    }
    return resolved;
}

void CompileRun::addImport(SourceFile &file, const WxmlNode &node)
{
    const auto path = resolveReference(file, node, "src", ".wxml");
    if (!path)
        return;
    if (*path == m_mainPath) {
        error(file, node.offset, "'" + *path + "' imports itself", "import-cycle");
        return;
    }
    if (std::find(m_imports.begin(), m_imports.end(), *path) != m_imports.end())
        return;
    m_result.module.dependencies.push_back(*path);
    const auto contents = m_loader.read(*path);
    if (!contents) {
        error(file, node.offset, "imported file '" + *path + "' not found", "file-not-found");
        return;
    }
    // Imports are not transitive, but an import back to this file is a cycle
    // worth knowing about (it works: templates are looked up at render time).
    std::vector<Diagnostic> ignored;
    const SourceText importedText(*path, *contents);
    for (const auto &root : WxmlParser(importedText, ignored).parse()) {
        if (root.kind != WxmlNode::Kind::Element || root.tag != "import")
            continue;
        const WxmlAttribute *src = root.attribute("src");
        if (!src)
            continue;
        std::string reference = src->value;
        if (reference.find('.') == std::string::npos)
            reference += ".wxml";
        if (resolveSourcePath(*path, reference) == m_mainPath)
            warning(file, node.offset, "'" + *path + "' imports '" + m_mainPath + "' back (import cycle)",
                    "import-cycle");
    }
    m_imports.push_back(*path);
}

void CompileRun::addWxs(SourceFile &file, const WxmlNode &node)
{
    const WxmlAttribute *module = node.attribute("module");
    if (!module || !isIdentifier(module->value)) {
        error(file, module ? module->valueOffset : node.offset,
              "<wxs> needs a module attribute that is a valid name", "wxs-module");
        return;
    }
    if (m_wxsNames.count(module->value)) {
        error(file, node.offset, "wxs module '" + module->value + "' is already defined",
              "duplicate-wxs");
        return;
    }
    WxsDef def{module->value, {}, &file, &node};
    if (node.attribute("src")) {
        const auto path = resolveReference(file, node, "src", ".wxs");
        if (!path)
            return;
        m_result.module.dependencies.push_back(*path);
        if (!m_loader.exists(*path)) {
            error(file, node.offset, "wxs file '" + *path + "' not found", "wxs-not-found");
            return;
        }
        if (node.text.find_first_not_of(" \t\r\n") != std::string::npos)
            warning(file, node.textOffset, "inline code of a <wxs src> is ignored", "wxs-ignored-code");
        def.src = *path;
        if (std::find(m_result.module.wxsFiles.begin(), m_result.module.wxsFiles.end(), *path)
            == m_result.module.wxsFiles.end())
            m_result.module.wxsFiles.push_back(*path);
    } else {
        for (const auto &require : findWxsRequires(*file.text, node.text, node.textOffset)) {
            if (require.path.empty() || !m_loader.exists(require.path)) {
                error(file, require.offset, "required wxs file '" + require.specifier + "' not found",
                      "wxs-not-found");
                continue;
            }
            if (std::find(m_result.module.wxsFiles.begin(), m_result.module.wxsFiles.end(), require.path)
                == m_result.module.wxsFiles.end())
                m_result.module.wxsFiles.push_back(require.path);
        }
    }
    m_wxsNames.insert(def.module);
    m_wxs.push_back(std::move(def));
}

// Collects templates, wxs and imports, and resolves includes (recursively,
// reporting cycles), before anything is emitted.
void CompileRun::scan(SourceFile &file, const std::vector<WxmlNode> &nodes, bool main,
                      std::vector<std::string> &includeStack)
{
    struct NestingGuard
    {
        int &depth;
        explicit NestingGuard(int &d) : depth(d) { ++depth; }
        ~NestingGuard() { --depth; }
    } guard(m_scanNesting);
    if (m_scanNesting > maxEmitNesting)
        return; // reported when emitting
    for (const auto &node : nodes) {
        if (node.kind != WxmlNode::Kind::Element)
            continue;
        if (node.tag == "template" && node.attribute("name")) {
            if (!main)
                continue; // <include> leaves templates out
            const WxmlAttribute *name = node.attribute("name");
            if (name->value.empty() || name->value.find("{{") != std::string::npos) {
                error(file, name->valueOffset, "template name must be a plain name", "template-name");
            } else {
                if (m_templates.count(name->value))
                    warning(file, node.offset, "template '" + name->value + "' is defined twice; the last one wins",
                            "duplicate-template");
                else
                    m_templateOrder.push_back(name->value);
                m_templates[name->value] = TemplateDef{&file, &node};
            }
        } else if (node.tag == "wxs") {
            if (main)
                addWxs(file, node);
            continue;
        } else if (node.tag == "import") {
            addImport(file, node);
            continue;
        } else if (node.tag == "include") {
            m_includes[&node] = nullptr;
            const auto path = resolveReference(file, node, "src", ".wxml");
            if (!path)
                continue;
            if (std::find(includeStack.begin(), includeStack.end(), *path) != includeStack.end()) {
                std::string chain;
                for (const auto &step : includeStack)
                    chain += step + " -> ";
                error(file, node.offset, "include cycle: " + chain + *path, "include-cycle");
                continue;
            }
            if (static_cast<int>(includeStack.size()) >= maxIncludeDepth) {
                error(file, node.offset, "includes are nested too deeply", "include-depth");
                continue;
            }
            SourceFile *included = loadFile(*path);
            if (!included) {
                error(file, node.offset, "included file '" + *path + "' not found", "file-not-found");
                continue;
            }
            m_includes[&node] = included;
            if (!included->scanned) {
                includeStack.push_back(*path);
                scan(*included, included->roots, false, includeStack);
                includeStack.pop_back();
                included->scanned = true;
            }
            continue;
        }
        scan(file, node.children, main, includeStack);
    }
}

Interpolation CompileRun::interpolate(const SourceFile &file, const WxmlAttribute &attribute,
                                      bool objectBody)
{
    ExpressionParser parser(*file.text, diagnostics());
    return parser.parseInterpolation(attribute.value, attribute.valueOffset, objectBody);
}

std::string CompileRun::interpolationJs(const Interpolation &value, const EmitScope &scope)
{
    const ExpressionEmitter emitter(scope);
    if (value.parts.empty())
        return "\"\"";
    if (value.isSingleExpression())
        return emitter.emit(*value.parts[0].expression);
    std::string out;
    for (const auto &part : value.parts) {
        if (!out.empty())
            out += " + ";
        out += part.expression ? "$str(" + emitter.emit(*part.expression) + ")" : jsString(part.literal);
    }
    return out;
}

std::string CompileRun::valueJs(const SourceFile &file, const WxmlAttribute &attribute,
                                const EmitScope &scope, bool objectBody)
{
    if (!attribute.hasValue)
        return "true";
    return interpolationJs(interpolate(file, attribute, objectBody), scope);
}

void CompileRun::checkTag(const SourceFile &file, const WxmlNode &node)
{
    if (!m_options.components || isBuiltinComponent(node.tag) || isStructuralTag(node.tag))
        return;
    if (!m_options.components->count(node.tag))
        warning(file, node.offset,
                "unknown tag <" + node.tag + ">: not a built-in component nor in usingComponents",
                "unknown-tag");
}

void CompileRun::emitSiblings(const SourceFile &file, const std::vector<WxmlNode> &nodes,
                              const std::string &target, const KeyExpr &base, EmitScope &scope)
{
    // Each file limits its own nesting; includes inside includes could still
    // add up to a depth that would exhaust the stack here.
    struct NestingGuard
    {
        int &depth;
        explicit NestingGuard(int &d) : depth(d) { ++depth; }
        ~NestingGuard() { --depth; }
    } guard(m_nesting);
    if (m_nesting > maxEmitNesting) {
        if (!nodes.empty() && !m_nestingReported)
            error(file, nodes.front().offset, "elements (with their includes) are nested too deeply", "nesting-depth");
        m_nestingReported = true;
        return;
    }
    int position = 0;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        const WxmlNode &node = nodes[i];
        const KeyExpr slot = base.plus(std::to_string(position));
        if (node.kind == WxmlNode::Kind::Text) {
            ExpressionParser parser(*file.text, diagnostics());
            const auto value = parser.parseInterpolation(node.text, node.offset);
            // Text is always a string, even for a lone {{ number }}.
            std::string textJs = interpolationJs(value, scope);
            if (value.isSingleExpression())
                textJs = "$str(" + textJs + ")";
            m_body.mapped(target + ".push({ type: \"text\", key: " + slot.js() + ", text: " + textJs + " });",
                          file, node.offset);
            ++position;
            continue;
        }
        if ((node.tag == "template" && node.attribute("name")) || node.tag == "wxs"
            || node.tag == "import")
            continue;
        const bool hasFor = node.attribute("wx:for") || node.attribute("wx:for-items");
        const WxmlAttribute *orphan = node.attribute("wx:elif");
        if (!orphan)
            orphan = node.attribute("wx:else");
        if (orphan && !node.attribute("wx:if")) {
            error(file, orphan->nameOffset, orphan->name + " must follow an element with wx:if or wx:elif",
                  "orphan-else");
        }
        if (node.attribute("wx:if") && !hasFor) {
            // The chain: this element and the wx:elif / wx:else siblings after it.
            std::vector<const WxmlNode *> chain{&node};
            std::size_t j = i + 1;
            while (j < nodes.size() && nodes[j].kind == WxmlNode::Kind::Element
                   && !nodes[j].attribute("wx:if")
                   && (nodes[j].attribute("wx:elif") || nodes[j].attribute("wx:else"))) {
                chain.push_back(&nodes[j]);
                ++j;
                if (chain.back()->attribute("wx:else"))
                    break;
            }
            for (std::size_t b = 0; b < chain.size(); ++b) {
                const WxmlNode &member = *chain[b];
                const WxmlAttribute *condition =
                    b == 0 ? member.attribute("wx:if") : member.attribute("wx:elif");
                if (b > 0 && condition && member.attribute("wx:else"))
                    warning(file, member.offset, "wx:elif and wx:else on one element: wx:elif wins",
                            "conflicting-directives");
                std::string head;
                if (condition) {
                    if (!condition->hasValue || condition->value.empty())
                        warning(file, condition->nameOffset, condition->name + " has no condition",
                                "empty-condition");
                    head = (b == 0 ? "if (" : "} else if (") + valueJs(file, *condition, scope) + ") {";
                } else {
                    head = "} else {";
                }
                if (b > 0)
                    m_body.dedent();
                m_body.mapped(head, file, member.offset);
                m_body.indent();
                emitWithLoop(file, member, target, slot.plus("?" + std::to_string(b)), scope, false);
            }
            m_body.dedent();
            m_body.line("}");
            i = j - 1;
        } else {
            emitWithLoop(file, node, target, slot, scope, true);
        }
        ++position;
    }
}

void CompileRun::emitWithLoop(const SourceFile &file, const WxmlNode &node, const std::string &target,
                              const KeyExpr &key, EmitScope &scope, bool conditionInside)
{
    const WxmlAttribute *list = node.attribute("wx:for");
    if (!list)
        list = node.attribute("wx:for-items");
    const WxmlAttribute *condition = conditionInside ? node.attribute("wx:if") : nullptr;
    if (!list) {
        if (node.attribute("wx:for-item") || node.attribute("wx:for-index"))
            warning(file, node.offset, "wx:for-item / wx:for-index without wx:for are ignored",
                    "unused-directive");
        emitSingle(file, node, target, key, scope);
        return;
    }
    if (node.attribute("wx:for") && node.attribute("wx:for-items"))
        warning(file, node.offset, "both wx:for and wx:for-items: wx:for wins", "conflicting-directives");
    auto localName = [&](const char *attributeName, const char *fallback) {
        const WxmlAttribute *attribute = node.attribute(attributeName);
        if (!attribute)
            return std::string(fallback);
        if (!isIdentifier(attribute->value)) {
            error(file, attribute->valueOffset,
                  std::string(attributeName) + " must be a plain name, not '" + attribute->value + "'",
                  "invalid-name");
            return std::string(fallback);
        }
        return attribute->value;
    };
    const std::string itemName = localName("wx:for-item", "item");
    const std::string indexName = localName("wx:for-index", "index");
    const std::string itemVar = newName("$item");
    const std::string indexVar = newName("$index");
    const std::string keyVar = newName("$k");

    // A memoised loop reuses an item's nodes from the last render while the
    // item, its index and every data property the body reads are the same
    // (wxmlcompiler.h, "Memoised lists"). What the body reads is known only
    // once it is emitted: it is listed in a function declared after the loop
    // (hoisted within the block).
    const bool memoize = scope.memoLoops;
    std::set<std::string> reads;
    std::string siteVar;
    std::string readsFunction;
    std::string startVar;
    const std::string listJs = valueJs(file, *list, scope);
    if (memoize) {
        siteVar = newName("$m");
        readsFunction = newName("$reads");
        startVar = newName("$s");
        m_body.line("const " + siteVar + " = $memoSite($memo, " + jsString(siteVar) + ", " + readsFunction + "());");
        scope.memoLoops = false;
        scope.dataReads = &reads;
    }
    m_body.mapped("$each(" + listJs + ", (" + itemVar + ", " + indexVar + ") => {", file, list->nameOffset);
    m_body.indent();
    scope.locals.emplace_back(itemName, itemVar);
    scope.locals.emplace_back(indexName, indexVar);

    std::string keyValue = indexVar;
    if (const WxmlAttribute *wxKey = node.attribute("wx:key"); wxKey && wxKey->hasValue) {
        if (wxKey->value == "*this") {
            keyValue = itemVar;
        } else if (wxKey->value.find("{{") != std::string::npos) {
            keyValue = valueJs(file, *wxKey, scope);
        } else if (!wxKey->value.empty()) {
            keyValue = "$get(" + itemVar + ", " + jsString(wxKey->value) + ")";
        }
    }
    m_body.line("const " + keyVar + " = " + key.plus(":").js() + " + $forKey(" + keyValue + ", " + indexVar + ");");
    if (memoize) {
        m_body.line("if ($memoReuse(" + siteVar + ", " + keyVar + ", " + itemVar + ", " + indexVar + ", " + target
                    + ")) return;");
        m_body.line("const " + startVar + " = " + target + ".length;");
    }
    if (condition) {
        m_body.mapped("if (" + valueJs(file, *condition, scope) + ") {", file, condition->nameOffset);
        m_body.indent();
    }
    emitSingle(file, node, target, KeyExpr{keyVar, ""}, scope);
    if (condition) {
        m_body.dedent();
        m_body.line("}");
    }
    if (memoize)
        m_body.line("$memoKeep(" + siteVar + ", " + keyVar + ", " + itemVar + ", " + indexVar + ", " + target + ", "
                    + startVar + ");");
    scope.locals.pop_back();
    scope.locals.pop_back();
    m_body.dedent();
    m_body.line("});");
    if (memoize) {
        scope.dataReads = nullptr;
        scope.memoLoops = true;
        std::string values;
        for (const auto &name : reads)
            values += (values.empty() ? "" : ", ") + ("$get(" + scope.dataVariable + ", " + jsString(name) + ")");
        m_body.line("function " + readsFunction + "() { return [" + values + "]; }");
    }
}

void CompileRun::emitSingle(const SourceFile &file, const WxmlNode &node, const std::string &target,
                            const KeyExpr &key, EmitScope &scope)
{
    if (node.tag == "block") {
        for (const auto &attribute : node.attributes) {
            if (!startsWith(attribute.name, "wx:"))
                warning(file, attribute.nameOffset, "attribute '" + attribute.name + "' on <block> is ignored",
                        "unknown-attribute");
        }
        emitSiblings(file, node.children, target, key.plus("/"), scope);
        return;
    }
    if (node.tag == "include") {
        const auto it = m_includes.find(&node);
        SourceFile *included = it == m_includes.end() ? nullptr : it->second;
        if (!included || m_includeDepth >= maxIncludeDepth)
            return;
        if (included->index < 0) {
            included->index = static_cast<int>(m_result.module.sources.size());
            m_result.module.sources.push_back(included->text->path());
        }
        m_body.mapped("// <include src=\"" + included->text->path() + "\">", file, node.offset);
        ++m_includeDepth;
        emitSiblings(*included, included->roots, target, key.plus("/"), scope);
        --m_includeDepth;
        return;
    }
    if (node.tag == "template") {
        const WxmlAttribute *is = node.attribute("is");
        if (!is || !is->hasValue || is->value.empty()) {
            error(file, node.offset, "<template> needs a name (a definition) or an is (a use)",
                  "missing-attribute");
            return;
        }
        for (const auto &attribute : node.attributes) {
            if (attribute.name != "is" && attribute.name != "data" && !startsWith(attribute.name, "wx:"))
                warning(file, attribute.nameOffset,
                        "attribute '" + attribute.name + "' on <template is> is ignored", "unknown-attribute");
        }
        if (is->value.find("{{") == std::string::npos && !m_templates.count(is->value) && m_imports.empty())
            warning(file, is->valueOffset, "template '" + is->value + "' is not defined or imported",
                    "unknown-template");
        const WxmlAttribute *data = node.attribute("data");
        const std::string dataJs = data ? valueJs(file, *data, scope, true) : "{}";
        m_body.mapped("$template($templates, " + valueJs(file, *is, scope) + ", " + dataJs + ", "
                          + key.js() + ", " + target + ");",
                      file, node.offset);
        return;
    }
    if (node.tag == "slot") {
        std::string name = "\"\"";
        std::string attrs;
        for (const auto &attribute : node.attributes) {
            if (attribute.name == "name")
                name = valueJs(file, attribute, scope);
            else if (!startsWith(attribute.name, "wx:"))
                attrs += (attrs.empty() ? "" : ", ") + jsString(attribute.name) + ": "
                    + valueJs(file, attribute, scope);
        }
        m_body.mapped(target + ".push({ type: \"slot\", key: " + key.js() + ", name: " + name
                          + ", attrs: {" + (attrs.empty() ? "" : " " + attrs + " ") + "} });",
                      file, node.offset);
        return;
    }
    emitElement(file, node, target, key, scope);
}

void CompileRun::emitElement(const SourceFile &file, const WxmlNode &node, const std::string &target,
                             const KeyExpr &key, EmitScope &scope)
{
    checkTag(file, node);
    std::vector<std::pair<std::string, std::string>> attrs, dataset, marks, model, observers;
    std::vector<std::string> on;
    std::set<std::string> seen;
    for (const auto &attribute : node.attributes) {
        const std::string &name = attribute.name;
        if (name.empty())
            continue;
        if (!seen.insert(name).second)
            warning(file, attribute.nameOffset, "attribute '" + name + "' is repeated; the last one wins",
                    "duplicate-attribute");
        if (startsWith(name, "wx:")) {
            static const std::set<std::string> directives{"wx:if", "wx:elif", "wx:else", "wx:for",
                                                          "wx:for-items", "wx:for-item",
                                                          "wx:for-index", "wx:key"};
            if (!directives.count(name))
                warning(file, attribute.nameOffset, "unknown directive '" + name + "'", "unknown-directive");
            continue;
        }
        if (const auto event = parseEventAttribute(name)) {
            std::string handler = "null";
            std::string handlerJs = "\"\"";
            if (attribute.hasValue) {
                const auto value = interpolate(file, attribute);
                handlerJs = interpolationJs(value, scope);
                if (value.isLiteral())
                    handler = jsString(value.literalText());
            }
            const std::string flags = std::string(", capture: ") + (event->capture ? "true" : "false")
                + ", catch: " + (event->isCatch ? "true" : "false") + ", mut: " + (event->mut ? "true" : "false");
            on.push_back("{ event: " + jsString(event->event) + ", handler: " + handlerJs + flags + " }");
            m_events.push_back("{ tag: " + jsString(node.tag) + ", event: " + jsString(event->event)
                               + ", handler: " + handler + flags + ", source: " + std::to_string(file.index)
                               + ", line: " + std::to_string(file.text->lineOf(attribute.nameOffset))
                               + ", column: " + std::to_string(file.text->columnOf(attribute.nameOffset))
                               + " }");
            continue;
        }
        if (startsWith(name, "data-") && name.size() > 5) {
            dataset.emplace_back(datasetName(name.substr(5)), valueJs(file, attribute, scope));
            continue;
        }
        if (startsWith(name, "mark:") && name.size() > 5) {
            marks.emplace_back(name.substr(5), valueJs(file, attribute, scope));
            continue;
        }
        if (startsWith(name, "model:") && name.size() > 6) {
            const std::string target = name.substr(6);
            const auto value = interpolate(file, attribute);
            // Two-way binding writes back to a data field, so it must be one.
            std::string path;
            if (value.isSingleExpression()) {
                const Expression *e = value.parts[0].expression.get();
                std::vector<std::string> segments;
                while (e && e->kind == ExpressionKind::Member) {
                    segments.insert(segments.begin(), "." + e->text);
                    e = e->operands[0].get();
                }
                bool local = false;
                if (e && e->kind == ExpressionKind::Identifier) {
                    for (const auto &entry : scope.locals)
                        local = local || entry.first == e->text;
                    local = local || m_wxsNames.count(e->text);
                }
                if (e && e->kind == ExpressionKind::Identifier && !local) {
                    path = e->text;
                    for (const auto &segment : segments)
                        path += segment;
                }
            }
            if (path.empty()) {
                error(file, attribute.valueOffset,
                      name + " must bind a data field, like " + name + "=\"{{value}}\"", "model-binding");
            } else {
                model.emplace_back(target, jsString(path));
            }
            attrs.emplace_back(target, interpolationJs(value, scope));
            continue;
        }
        if (startsWith(name, "change:") && name.size() > 7) {
            // WXS property observers: change:prop="{{module.function}}".
            observers.emplace_back(name.substr(7), valueJs(file, attribute, scope));
            continue;
        }
        const std::size_t colon = name.find(':');
        if (colon != std::string::npos && !startsWith(name, "generic:") && !startsWith(name, "slot:")
            && !startsWith(name, "aria-") && !startsWith(name, "xmlns")) {
            warning(file, attribute.nameOffset, "unknown attribute namespace in '" + name + "'",
                    "unknown-attribute");
        }
        attrs.emplace_back(name, valueJs(file, attribute, scope));
    }

    auto object = [](const std::vector<std::pair<std::string, std::string>> &entries) {
        if (entries.empty())
            return std::string("{}");
        std::string out = "{ ";
        for (std::size_t i = 0; i < entries.size(); ++i) {
            out += (i ? ", " : "");
            out += entries[i].first == "__proto__" ? "[" + jsString(entries[i].first) + "]"
                                                  : jsString(entries[i].first);
            out += ": " + entries[i].second;
        }
        return out + " }";
    };
    std::string onJs = "[";
    for (std::size_t i = 0; i < on.size(); ++i)
        onJs += (i ? ", " : "") + on[i];
    onJs += "]";

    const std::string head = target + ".push({ type: \"element\", tag: " + jsString(node.tag)
        + ", key: " + key.js() + ", attrs: " + object(attrs) + ", dataset: " + object(dataset)
        + ", marks: " + object(marks) + ", on: " + onJs + ", model: " + (model.empty() ? "null" : object(model))
        + (observers.empty() ? "" : ", observers: " + object(observers));
    if (node.children.empty()) {
        m_body.mapped(head + ", children: [] });", file, node.offset);
        return;
    }
    const std::string children = newName("$c");
    m_body.mapped("{ // <" + node.tag + ">", file, node.offset);
    m_body.indent();
    m_body.line("const " + children + " = [];");
    emitSiblings(file, node.children, children, KeyExpr{}, scope);
    m_body.mapped(head + ", children: " + children + " });", file, node.offset);
    m_body.dedent();
    m_body.line("}");
}

void CompileRun::emitTemplates()
{
    if (m_templateOrder.empty()) {
        m_body.line("export const templates = Object.freeze({});");
        return;
    }
    m_body.line("export const templates = Object.freeze({");
    m_body.indent();
    for (const auto &name : m_templateOrder) {
        const TemplateDef &def = m_templates.at(name);
        m_body.mapped(jsString(name) + ": function (data, $key) {", *def.file, def.node->offset);
        m_body.indent();
        if (!m_wxs.empty())
            m_body.line("const $w = $wxsModules();");
        m_body.line("const $out = [];");
        EmitScope scope;
        scope.wxsModules = &m_wxsNames;
        emitSiblings(*def.file, def.node->children, "$out", KeyExpr{"$key", "/"}, scope);
        m_body.line("return $out;");
        m_body.dedent();
        m_body.line("},");
    }
    m_body.dedent();
    m_body.line("});");
}

void CompileRun::emitRender(const SourceFile &main)
{
    m_body.line("export function render(data, $memo) {");
    m_body.indent();
    if (!m_wxs.empty())
        m_body.line("const $w = $wxsModules();");
    m_body.line("const $out = [];");
    EmitScope scope;
    scope.wxsModules = &m_wxsNames;
    scope.memoLoops = true;
    emitSiblings(main, main.roots, "$out", KeyExpr{}, scope);
    m_body.line("return $out;");
    m_body.dedent();
    m_body.line("}");
}

void CompileRun::run(const std::string &path)
{
    RenderModule &module = m_result.module;
    module.source = path;
    module.sources.push_back(path);
    m_mainPath = path;
    SourceFile *main = loadFile(path);
    if (!main) {
        diagnostics().push_back(Diagnostic{Severity::Error, path, 0, 0, "file not found", "file-not-found"});
        auto placeholder = std::make_unique<SourceFile>();
        placeholder->text = std::make_unique<SourceText>(path, "");
        main = placeholder.get();
        m_files.emplace(path, std::move(placeholder));
    }
    main->index = 0;
    std::vector<std::string> includeStack{path};
    scan(*main, main->roots, true, includeStack);
    main->scanned = true;

    // Body first (it fills `sources` and the events), then the header around it.
    emitTemplates();
    m_body.line("const $templates = Object.assign(Object.create(null)"
                + [&] {
                      std::string list;
                      for (std::size_t i = 0; i < m_imports.size(); ++i)
                          list += ", $import" + std::to_string(i);
                      return list;
                  }()
                + ", templates);");
    emitRender(*main);

    std::vector<LineMapping> headerMap;
    Writer header(headerMap);
    header.line("// Generated by mpsim from " + path + ". Do not edit: the build regenerates it.");
    header.line("// The exports and the node shape are described in core/compiler/wxmlcompiler.h.");
    const std::string self = generatedModulePath(path);
    for (std::size_t i = 0; i < m_imports.size(); ++i) {
        header.line("import { templates as $import" + std::to_string(i) + " } from "
                    + jsString(relativeModulePath(self, generatedModulePath(m_imports[i]))) + ";");
        module.importedFiles.push_back(m_imports[i]);
    }
    std::map<std::string, std::string> wxsFileVariables;
    for (const auto &file : module.wxsFiles) {
        const std::string variable = "$wxsFile" + std::to_string(wxsFileVariables.size());
        wxsFileVariables[file] = variable;
        header.line("import * as " + variable + " from "
                    + jsString(relativeModulePath(self, generatedModulePath(file))) + ";");
    }
    header.raw(prelude);
    header.line("export const source = " + jsString(path) + ";");
    std::string sources = "export const sources = Object.freeze([";
    for (std::size_t i = 0; i < module.sources.size(); ++i)
        sources += (i ? ", " : "") + jsString(module.sources[i]);
    header.line(sources + "]);");
    std::string wxsList = "export const wxs = Object.freeze([";
    for (std::size_t i = 0; i < m_wxs.size(); ++i) {
        const WxsDef &def = m_wxs[i];
        wxsList += (i ? ", " : "") + ("{ module: " + jsString(def.module) + ", src: "
                                      + (def.src.empty() ? "null" : jsString(def.src)) + ", line: "
                                      + std::to_string(def.file->text->lineOf(def.node->offset)) + " }");
    }
    header.line(wxsList + "]);");
    if (!m_wxs.empty()) {
        header.raw(wxsPrelude);
        header.line("const $wxsSources = {");
        header.indent();
        for (const WxsDef &def : m_wxs) {
            if (!def.src.empty()) {
                header.line(jsString(def.module) + ": " + wxsFileVariables.at(def.src) + ",");
                continue;
            }
            std::string requireMap;
            for (const auto &require : findWxsRequires(*def.file->text, def.node->text, def.node->textOffset)) {
                const auto variable = wxsFileVariables.find(require.path);
                if (variable != wxsFileVariables.end())
                    requireMap += (requireMap.empty() ? "" : ", ") + jsString(require.specifier) + ": "
                        + variable->second;
            }
            header.line(jsString(def.module) + ": { requires: {" + (requireMap.empty() ? "" : " " + requireMap + " ")
                        + "}, factory: function (module, exports, require, getRegExp, getDate) {");
            // The inline code keeps its own lines, mapped to the WXML.
            const int codeLine = def.file->text->lineOf(def.node->textOffset);
            std::string code = def.node->text;
            if (code.empty() || code.back() != '\n')
                code += '\n';
            headerMap.push_back(LineMapping{header.currentLine(), def.file->index, codeLine, 1});
            header.raw(code);
            header.line("} },");
        }
        header.dedent();
        header.line("};");
    }

    const int offset = header.currentLine() - 1;
    module.code = std::move(header.text());
    module.code += m_body.text();
    module.lineMap = headerMap;
    for (LineMapping mapping : m_bodyMap) {
        mapping.generatedLine += offset;
        module.lineMap.push_back(mapping);
    }
    std::string events = "export const events = Object.freeze([";
    for (std::size_t i = 0; i < m_events.size(); ++i)
        events += (i ? ",\n  " : "\n  ") + m_events[i];
    module.code += events + (m_events.empty() ? "]);\n" : "\n]);\n");
    std::string lineMap = "export const lineMap = Object.freeze([";
    for (std::size_t i = 0; i < module.lineMap.size(); ++i) {
        const auto &m = module.lineMap[i];
        lineMap += (i ? ", [" : "[") + std::to_string(m.generatedLine) + ", " + std::to_string(m.sourceIndex)
            + ", " + std::to_string(m.line) + ", " + std::to_string(m.column) + "]";
    }
    module.code += lineMap + "]);\n";
    std::sort(module.dependencies.begin(), module.dependencies.end());
    module.dependencies.erase(std::unique(module.dependencies.begin(), module.dependencies.end()),
                              module.dependencies.end());
}

} // namespace

WxmlCompiler::WxmlCompiler(SourceLoader &loader) : m_loader(loader)
{
}

WxmlCompileResult WxmlCompiler::compile(const std::string &path, const WxmlCompileOptions &options)
{
    WxmlCompileResult result;
    CompileRun(m_loader, options, result).run(path);
    return result;
}

} // namespace mpsim::core::compiler
