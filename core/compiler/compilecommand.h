#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace mpsim::core::compiler {

// `mpsim compile [--out DIR] [--format text|json] PROJECT_DIR`: compiles every
// page and component reachable from the project's app.json without a window.
// `args` are the words after "compile".
//
// Diagnostics go to `out`: in text format one per line,
// "PROJECT_DIR/<root>/file:line:col: error|warning: message [code]", then a
// summary line on `err`; in JSON format one object on `out`:
// {"ok", "errors", "warnings", "root", "diagnostics": [...], "pages": [...],
//  "components": [...], "files": [...]}. With --out, the generated files are
// written under DIR (same relative paths, ".js" / ".css" appended) with
// "mpsim-manifest.json" (ProjectCompileResult::manifest()).
//
// Returns the process exit code: 0 when there is no error (warnings allowed),
// 1 when there are errors (or the output cannot be written), 2 for bad usage
// or a folder that is not a mini-program project (message on `err`).
int runCompileCommand(const std::vector<std::string> &args, std::ostream &out, std::ostream &err);

} // namespace mpsim::core::compiler
