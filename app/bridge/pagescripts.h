#pragma once

#include <QString>
#include <QWebEngineScript>

namespace mpsim::app {

// The script injected into every simulator page at document creation, in the
// main world (page code must see `wx`): qwebchannel.js, the wx facade and the
// page bridge, preceded by `window.__mpsimBootstrap = <bootstrapJson>`.
// Returns an invalid (empty) script when a runtime file is missing from the
// resources, which the caller reports.
QWebEngineScript bridgeScript(const QString &bootstrapJson);

// The script's name, to find and replace it before each load.
inline constexpr char BridgeScriptName[] = "mpsim-bridge";

} // namespace mpsim::app
