#pragma once

#include <QString>
#include <QUrl>

namespace mpsim::app {

// The simulator's own URL scheme: mpsim://project/<path> serves the open
// project's files, mpsim://runtime/<path> the runtime compiled into the
// binary (resources/runtime), mpsim://build/<path> the open project compiled
// for the runtime (docs/RUNTIME.md). Nothing else is served.
inline constexpr char SimulatorScheme[] = "mpsim";
inline constexpr char ProjectHost[] = "project";
inline constexpr char RuntimeHost[] = "runtime";
inline constexpr char BuildHost[] = "build";

// Registers the scheme with Qt WebEngine. Must run before QApplication exists.
void registerUrlSchemes();

QUrl projectUrl(const QString &path);
QUrl runtimeUrl(const QString &path);

} // namespace mpsim::app
