#pragma once

#include <QObject>

#include <csignal>

class QSocketNotifier;

namespace mpsim::app {

// Turns SIGINT and SIGTERM into a Qt signal delivered by the event loop, so
// that mpsim can stop cleanly (the self-pipe trick: the handler only writes
// the signal number to a socket, a QSocketNotifier reads it in the loop).
//
// Only one watcher may exist at a time. After the first delivery the previous
// handlers are back in place, so a second Ctrl+C stops a shutdown that hangs.
// A signal that was ignored when the watcher started (nohup, background jobs)
// stays ignored.
class TerminationSignalWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TerminationSignalWatcher)

public:
    explicit TerminationSignalWatcher(QObject *parent = nullptr);
    ~TerminationSignalWatcher() override;

    // True while the handlers are installed: false when they could not be
    // (no socket, or another watcher exists) and after the first delivery.
    bool isWatching() const;

signals:
    void terminationSignalReceived(int signalNumber);

private:
    void readSignals();
    void restorePreviousHandlers();

    int m_readFd = -1;
    int m_writeFd = -1;
    QSocketNotifier *m_notifier = nullptr;
    bool m_handlersInstalled = false;
    struct sigaction m_previousInterrupt = {};
    struct sigaction m_previousTerminate = {};
};

} // namespace mpsim::app
