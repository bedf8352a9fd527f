#include "host/hostservices.h"

#include "host/networkhttpclient.h"
#include "simulator/devicepreset.h"

#include <QDir>
#include <QStandardPaths>
#include <QTimer>

namespace mpsim::app {

namespace {

std::filesystem::path resolveStateFolder(const QString &folder)
{
    const QString path = folder.isEmpty()
                             ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                                   + QStringLiteral("/hoststate")
                             : folder;
    return QDir::cleanPath(path).toStdString();
}

} // namespace

HostServices::HostServices(const QString &stateFolder, QObject *parent)
    : QObject(parent)
    , m_store(resolveStateFolder(stateFolder), core::HostStateStore::WriteMode::Deferred)
    , m_core(m_store, m_clock)
    , m_flushTimer(new QTimer(this))
    , m_snapshotTimer(new QTimer(this))
    , m_http(new NetworkHttpClient(this))
{
    m_store.setProblemHandler([this](const core::Error &error) {
        emit problemReported(QString::fromStdString(error.toString()));
    });
    m_core.setCallObserver([this](const core::CallRecord &record) { emit callSettled(record); });
    // Mock rules with a delay answer later on the event loop.
    m_core.setScheduler([this](int delayMs, std::function<void()> task) {
        QTimer::singleShot(delayMs, this, std::move(task));
    });
    // Writing after every call would cost a disk sync per wx.login; a short
    // delay batches bursts and still loses nothing on a normal exit.
    m_flushTimer->setInterval(500);
    connect(m_flushTimer, &QTimer::timeout, this, [this] { (void)m_store.flush(); });
    m_flushTimer->start();

    m_core.setHttpClient(m_http);
    m_core.setDeviceInfo(deviceInfo(DevicePreset::all().constFirst()));
    m_snapshotTimer->setSingleShot(true);
    m_snapshotTimer->setInterval(SnapshotThrottleMs);
    connect(m_snapshotTimer, &QTimer::timeout, this, &HostServices::snapshotChanged);
    m_core.setSnapshotObserver([this](const std::string &) { scheduleSnapshotChanged(); });
}

HostServices::~HostServices()
{
    // Requests in flight end now, while the core can still answer them; no
    // signal goes out of a half-destroyed object.
    m_core.setCallObserver({});
    m_core.setSnapshotObserver({});
    m_core.setHttpClient(nullptr);
    delete m_http;
    m_http = nullptr;
    (void)m_store.flush();
}

void HostServices::scheduleSnapshotChanged()
{
    // A throttle, not a debounce: a steady stream of writes still pushes a
    // snapshot every SnapshotThrottleMs.
    if (!m_snapshotTimer->isActive())
        m_snapshotTimer->start();
}

void HostServices::clearStorage(const QString &appid)
{
    const std::string id = appid.toStdString();
    m_store.state(id).storage().clear();
    m_store.markChanged(id);
    emit hostStateChanged();
    scheduleSnapshotChanged();
}

core::DeviceInfo HostServices::deviceInfo(const DevicePreset &device, bool navigationBarShown)
{
    core::DeviceInfo info;
    info.model = device.name.toStdString();
    info.system = device.system.toStdString();
    info.pixelRatio = device.pixelRatio;
    info.screenWidth = device.screenSize.width();
    info.screenHeight = device.screenSize.height();
    info.statusBarHeight = device.statusBarHeight;
    info.safeAreaBottomInset = device.safeAreaBottomInset;
    info.navigationBarShown = navigationBarShown;
    return info;
}

void HostServices::setDevice(const DevicePreset &device, bool navigationBarShown)
{
    m_core.setDeviceInfo(deviceInfo(device, navigationBarShown));
    scheduleSnapshotChanged();
}

void HostServices::setSdkVersion(const QString &version)
{
    m_core.setSdkVersion(version.toStdString());
    scheduleSnapshotChanged();
}

void HostServices::clearAuthorization(const QString &appid)
{
    const std::string id = appid.toStdString();
    m_store.state(id).clearAuthorization();
    m_store.markChanged(id);
    emit hostStateChanged();
}

void HostServices::expireSession(const QString &appid)
{
    const std::string id = appid.toStdString();
    m_store.state(id).expireSession();
    m_store.markChanged(id);
    emit hostStateChanged();
}

void HostServices::advanceClock(std::chrono::milliseconds by)
{
    m_clock.advance(by);
    emit hostStateChanged();
}

QString HostServices::stateFolder() const
{
    return QString::fromStdString(m_store.folder().string());
}

} // namespace mpsim::app
