#pragma once

#include "compiler/compilecache.h"
#include "compiler/diagnostic.h"
#include "project/project.h"
#include "simulator/devicepreset.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <vector>

namespace mpsim::app {

// Where a launch opens: a page path ("pages/index/index", empty = the entry
// page), its query string ("a=1&b=2") and the scene number.
struct LaunchTarget
{
    QString path;
    QString query;
    int scene = 1001;
};

// The open project compiled for the runtime: every generated file by its path
// ("pages/index/index.wxml.js") plus "boot.json" (docs/RUNTIME.md), which is
// what mpsim://build/ serves.
struct RuntimeBuild
{
    QHash<QString, QByteArray> files;
    std::vector<core::compiler::Diagnostic> diagnostics;
    QString error; // set when the folder is not a mini-program project
    int pageCount = 0;
    int componentCount = 0;

    bool ok() const { return error.isEmpty(); }
};

// Compiles `project` (reusing `cache` for unchanged files) and writes the boot
// file the view starts from.
RuntimeBuild buildRuntime(const Project &project, core::compiler::CompileCache &cache,
                          const LaunchTarget &launch, const DevicePreset &device);

} // namespace mpsim::app
