#pragma once

#include "compiler/diagnostic.h"
#include "compiler/sourceloader.h"
#include "compiler/sourcetext.h"

#include <string>
#include <string_view>
#include <vector>

namespace mpsim::core::compiler {

// A `require("...")` found in wxs code.
struct WxsRequire
{
    std::string specifier;  // as written
    std::string path;       // resolved root-relative path ("" when it leaves the root)
    std::size_t offset = 0; // byte offset of the specifier in the source file
};

// The require("...") calls with a string literal in wxs `code`, which starts
// at byte `codeOffset` of `source` (a .wxs or .wxml file). Line and block
// comments are skipped. Never fails.
std::vector<WxsRequire> findWxsRequires(const SourceText &source, std::string_view code,
                                        std::size_t codeOffset);

// The module generated for a .wxs file, "<file>.wxs.js" (see wxmlcompiler.h):
//
//   export const source    "utils/format.wxs"
//   export const requires  { "./other.wxs": <the other file's module namespace> }
//   export function factory(module, exports, require, getRegExp, getDate)
//                          runs the wxs code; the render module calls it once
//                          per page with a CommonJS-like module object and a
//                          require() that resolves through `requires`.
//
// The wxs code itself is copied verbatim (it is the app's own code, like page
// JS), so a JS syntax error in it shows up when the runtime loads the module.
struct WxsModule
{
    std::string source;
    std::string code;
    std::vector<std::string> requiredFiles;
};

struct WxsCompileResult
{
    WxsModule module;
    std::vector<Diagnostic> diagnostics;

    bool ok() const { return errorCount(diagnostics) == 0; }
};

// Compiles the .wxs file at `path`. A missing file is an error
// ("file-not-found"), and so is a require() of a file that does not exist
// ("wxs-not-found"). Never throws.
WxsCompileResult compileWxsFile(SourceLoader &loader, const std::string &path);

} // namespace mpsim::core::compiler
