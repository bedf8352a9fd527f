#pragma once

#include <QString>

namespace mpsim::app {

// Where a URL path points inside a folder, or why it may not be served.
struct GuardedPath
{
    QString filePath; // absolute, symlinks resolved; empty when refused
    QString problem;  // why it was refused ("leaves the project root", ...)

    bool ok() const { return !filePath.isEmpty(); }
};

// Resolves `urlPath` (a URL's decoded path, "/pages/index/index.wxml") to an
// existing file inside `root`. Refused: ".." or "." segments (also when they
// arrive percent-encoded), backslashes, NUL bytes, a path that names a folder
// or nothing, and any path whose real location (after resolving symlinks)
// lies outside `root`.
GuardedPath resolveInsideRoot(const QString &root, const QString &urlPath);

} // namespace mpsim::app
