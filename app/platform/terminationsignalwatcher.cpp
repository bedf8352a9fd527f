#include "platform/terminationsignalwatcher.h"

#include <QSocketNotifier>

#include <atomic>
#include <cerrno>
#include <sys/socket.h>
#include <unistd.h>

namespace mpsim::app {

namespace {

// The handler may only touch lock-free atomics and async-signal-safe calls.
std::atomic<int> s_signalWriteFd{-1};
static_assert(std::atomic<int>::is_always_lock_free);

void writeSignalNumber(int signalNumber)
{
    const int savedErrno = errno;
    const auto byte = static_cast<unsigned char>(signalNumber);
    const int fd = s_signalWriteFd.load();
    if (fd >= 0) {
        // The socket is non-blocking: if it is full, enough signals are queued.
        [[maybe_unused]] const ssize_t written = ::write(fd, &byte, 1);
    }
    errno = savedErrno;
}

bool wasIgnored(const struct sigaction &action)
{
    return !(action.sa_flags & SA_SIGINFO) && action.sa_handler == SIG_IGN;
}

void installHandler(int signalNumber, struct sigaction *previous)
{
    ::sigaction(signalNumber, nullptr, previous);
    if (wasIgnored(*previous))
        return;
    struct sigaction action = {};
    action.sa_handler = writeSignalNumber;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(signalNumber, &action, nullptr);
}

} // namespace

TerminationSignalWatcher::TerminationSignalWatcher(QObject *parent)
    : QObject(parent)
{
    if (s_signalWriteFd.load() >= 0)
        return;
    int fds[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, fds) != 0)
        return;
    m_readFd = fds[0];
    m_writeFd = fds[1];
    s_signalWriteFd.store(m_writeFd);

    m_notifier = new QSocketNotifier(m_readFd, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &TerminationSignalWatcher::readSignals);

    installHandler(SIGINT, &m_previousInterrupt);
    installHandler(SIGTERM, &m_previousTerminate);
    m_handlersInstalled = true;
}

TerminationSignalWatcher::~TerminationSignalWatcher()
{
    restorePreviousHandlers();
    if (m_writeFd >= 0) {
        s_signalWriteFd.store(-1);
        ::close(m_writeFd);
        ::close(m_readFd);
    }
}

bool TerminationSignalWatcher::isWatching() const
{
    return m_handlersInstalled;
}

void TerminationSignalWatcher::readSignals()
{
    unsigned char buffer[16];
    ssize_t count = 0;
    while ((count = ::read(m_readFd, buffer, sizeof buffer)) > 0) {
        restorePreviousHandlers();
        for (ssize_t i = 0; i < count; ++i)
            emit terminationSignalReceived(buffer[i]);
    }
}

void TerminationSignalWatcher::restorePreviousHandlers()
{
    if (!m_handlersInstalled)
        return;
    ::sigaction(SIGINT, &m_previousInterrupt, nullptr);
    ::sigaction(SIGTERM, &m_previousTerminate, nullptr);
    m_handlersInstalled = false;
}

} // namespace mpsim::app
