#pragma once

// Helpers for tests that drive a real simulator page (Qt WebEngine, offscreen).
// Waiting uses a QEventLoop quit by a signal or a timeout, never
// QTest::qWait*, which throttles WebEngine.

#include <QJsonValue>
#include <QString>
#include <QUrl>

class QWebEnginePage;

namespace mpsim::app {
class SimulatorView;
}

namespace mpsim::test {

// The folder tests/data/web (project/ and outside/ below it).
QString webDataDir();

// Loads `url` and waits for loadFinished; returns its ok.
bool loadAndWait(app::SimulatorView &view, const QUrl &url, int timeoutMs = 15000);

// Evaluates `expression` as the body of an async function in the page
// (`return await wx.login()`) and returns what it resolved to, as JSON; a
// rejection returns {"rejected": <value>}. A timeout returns {"timeout": true}.
QJsonValue evaluate(app::SimulatorView &view, const QString &body, int timeoutMs = 10000);

// Evaluates the JavaScript `expression` every 20 ms until it equals
// `expected` (an expression that throws counts as not yet); false when
// `timeoutMs` passed first.
bool evaluatesTo(app::SimulatorView &view, const QString &expression, const QJsonValue &expected = true,
                 int timeoutMs = 10000);

} // namespace mpsim::test
