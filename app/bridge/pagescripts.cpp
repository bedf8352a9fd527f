#include "bridge/pagescripts.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace mpsim::app {

namespace {

QString resourceText(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

} // namespace

QWebEngineScript bridgeScript(const QString &bootstrapJson)
{
    const QString channel = resourceText(u":/qtwebchannel/qwebchannel.js"_s);
    const QString facade = resourceText(u":/runtime/wx-facade.js"_s);
    const QString bridge = resourceText(u":/runtime/page-bridge.js"_s);
    if (channel.isEmpty() || facade.isEmpty() || bridge.isEmpty())
        return {};

    QWebEngineScript script;
    script.setName(QString::fromLatin1(BridgeScriptName));
    script.setInjectionPoint(QWebEngineScript::DocumentCreation);
    script.setWorldId(QWebEngineScript::MainWorld);
    script.setRunsOnSubFrames(false);
    // JSON is valid JavaScript except for U+2028/U+2029 in strings on old engines;
    // Chromium's is ES2019+, where they are allowed.
    script.setSourceCode(u"Object.defineProperty(window, '__mpsimBootstrap', {value: "_s
                         + bootstrapJson + u"});\n"_s + channel + u"\n"_s + facade + u"\n"_s
                         + bridge);
    return script;
}

} // namespace mpsim::app
