#include "host/hostservices.h"

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
}

HostServices::~HostServices()
{
    (void)m_store.flush();
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
