#include "simulator/simulatorview.h"

#include "bridge/pagescripts.h"
#include "bridge/wxbridge.h"
#include "simulator/simulatorpage.h"
#include "web/schemehandler.h"
#include "web/urlschemes.h"

#include <QVBoxLayout>
#include <QWebChannel>
#include <QWebEngineProfile>
#include <QWebEngineScriptCollection>
#include <QWebEngineSettings>
#include <QWebEngineView>

using namespace Qt::StringLiterals;

namespace mpsim::app {

SimulatorView::SimulatorView(core::ApiCore &core, QWidget *parent)
    : QWidget(parent)
    // A profile without a storage name is off the record: no cookies, cache
    // or storage on disk, and none shared with another view.
    , m_profile(new QWebEngineProfile(this))
    , m_schemeHandler(new SchemeHandler(this))
    , m_page(new SimulatorPage(m_profile, this))
    , m_view(new QWebEngineView(this))
    , m_channel(new QWebChannel(this))
    , m_bridge(new WxBridge(core, this))
    , m_device(DevicePreset::all().constFirst())
{
    m_profile->installUrlSchemeHandler(SimulatorScheme, m_schemeHandler);
    m_channel->registerObject(u"mpsimBridge"_s, m_bridge);
    setUpPage();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);

    connect(m_schemeHandler, &SchemeHandler::requestRefused, this,
            [this](const QUrl &url, const QString &problem) {
                emit consoleMessage(QWebEnginePage::WarningMessageLevel,
                                    tr("mpsim: %1 was not served: %2").arg(url.toString(), problem),
                                    0, url.toString());
            });
    setDevice(m_device);
}

SimulatorView::~SimulatorView()
{
    // The page must go before its profile.
    m_view->setPage(nullptr);
    delete m_page;
    m_page = nullptr;
}

void SimulatorView::setUpPage()
{
    m_page->settings()->setAttribute(QWebEngineSettings::LocalContentCanAccessRemoteUrls, false);
    m_page->settings()->setAttribute(QWebEngineSettings::JavascriptCanOpenWindows, false);
    m_page->setWebChannel(m_channel);
    m_view->setPage(m_page);
    connect(m_page, &QWebEnginePage::loadFinished, this, &SimulatorView::loadFinished);
    connect(m_page, &SimulatorPage::consoleMessage, this, &SimulatorView::consoleMessage);
}

void SimulatorView::setProjectRoot(const QString &root)
{
    if (root == m_schemeHandler->projectRoot())
        return;
    // Every project's pages share the mpsim://project origin: a new profile
    // makes sure no localStorage, IndexedDB or cache crosses from one project
    // to the next.
    QWebEngineProfile *oldProfile = m_profile;
    SimulatorPage *oldPage = m_page;
    m_profile = new QWebEngineProfile(this);
    m_profile->installUrlSchemeHandler(SimulatorScheme, m_schemeHandler);
    m_page = new SimulatorPage(m_profile, this);
    setUpPage();
    delete oldPage;
    delete oldProfile;
    m_schemeHandler->setProjectRoot(root);
    emit pageReplaced();
}

void SimulatorView::setAppid(const QString &appid)
{
    m_bridge->setAppid(appid);
}

void SimulatorView::setDevice(const DevicePreset &device)
{
    m_device = device;
    setFixedSize(device.screenSize);
}

void SimulatorView::installBridgeScript()
{
    QWebEngineScriptCollection &scripts = m_page->scripts();
    for (const QWebEngineScript &old : scripts.find(QString::fromLatin1(BridgeScriptName)))
        scripts.remove(old);
    const QWebEngineScript script = bridgeScript(m_bridge->bootstrapJson());
    if (script.sourceCode().isEmpty()) {
        emit consoleMessage(QWebEnginePage::ErrorMessageLevel,
                            tr("mpsim: the wx runtime is missing from this build"), 0, {});
        return;
    }
    scripts.insert(script);
}

void SimulatorView::load(const QUrl &url)
{
    m_bridge->setPage(url.path().mid(1).section(u'.', 0, 0));
    installBridgeScript();
    m_page->load(url);
}

void SimulatorView::reload()
{
    installBridgeScript();
    m_page->triggerAction(QWebEnginePage::Reload);
}

} // namespace mpsim::app
