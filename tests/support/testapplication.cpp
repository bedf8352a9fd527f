#include "testapplication.h"

#include <QApplication>
#include <QDir>

namespace mpsim::test {

QApplication &testApplication()
{
    if (auto *existing = qobject_cast<QApplication *>(QCoreApplication::instance()))
        return *existing;
    // Qt keeps references to argc and argv for the application's lifetime.
    static int argc = 1;
    static char name[] = "app_tests";
    static char *argv[] = {name, nullptr};
    // Never destroyed on purpose: destroying it during static destruction,
    // after Qt's own globals are gone, crashes in some plugins.
    return *new QApplication(argc, argv);
}

QString screenshotDir()
{
    QString dir = qEnvironmentVariable("MPSIM_SCREENSHOT_DIR");
    if (dir.isEmpty())
        dir = QDir::tempPath() + QStringLiteral("/mpsim-screenshots");
    QDir().mkpath(dir);
    return dir;
}

} // namespace mpsim::test
