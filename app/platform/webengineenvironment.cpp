#include "platform/webengineenvironment.h"

#include <QCoreApplication>
#include <QList>
#include <QtGlobal>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <sys/stat.h>
#include <unistd.h>

namespace mpsim::app {

namespace {

constexpr char ChromiumFlagsVariable[] = "QTWEBENGINE_CHROMIUM_FLAGS";

void addChromiumFlag(const QByteArray &flag)
{
    qputenv(ChromiumFlagsVariable, withChromiumFlag(qgetenv(ChromiumFlagsVariable), flag));
}

bool hasChromiumFlag(const QByteArray &flag)
{
    return qgetenv(ChromiumFlagsVariable).simplified().split(' ').contains(flag);
}

bool isPrivateFolderOf(const QByteArray &path, uid_t owner)
{
    struct stat info = {};
    // lstat: a symlink planted under that name must not be followed.
    return ::lstat(path.constData(), &info) == 0 && S_ISDIR(info.st_mode) && info.st_uid == owner
           && (info.st_mode & 0077) == 0;
}

// A folder only this user can enter, stable across runs so that /tmp does not
// fill up with one folder per start. If the stable name is taken by anyone
// else (or is not private), a fresh random one is made instead.
QByteArray createPrivateRuntimeFolder()
{
    const uid_t uid = ::geteuid();
    const QByteArray stable = QByteArray("/tmp/mpsim-runtime-") + QByteArray::number(uid);
    if (::mkdir(stable.constData(), 0700) == 0 || errno == EEXIST) {
        if (isPrivateFolderOf(stable, uid))
            return stable;
    }
    QByteArray fresh("/tmp/mpsim-runtime-XXXXXX");
    if (::mkdtemp(fresh.data()) != nullptr)
        return fresh;
    return {};
}

} // namespace

QByteArray withChromiumFlag(const QByteArray &flags, const QByteArray &flag)
{
    const QByteArray trimmed = flags.trimmed();
    if (trimmed.simplified().split(' ').contains(flag))
        return flags;
    if (trimmed.isEmpty())
        return flag;
    return trimmed + ' ' + flag;
}

void prepareWebEngineEnvironment(RunMode mode)
{
    // Qt WebEngine needs OpenGL contexts shared with the widgets, and the
    // attribute only counts when set before the application object exists.
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);

    if (::geteuid() == 0 && !hasChromiumFlag("--no-sandbox")) {
        addChromiumFlag("--no-sandbox");
        std::fputs("mpsim: running as root, where Chromium's sandbox cannot start: "
                   "added --no-sandbox to QTWEBENGINE_CHROMIUM_FLAGS\n",
                   stderr);
    }

    const bool noDisplay = qEnvironmentVariableIsEmpty("DISPLAY")
                           && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
                           && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
    if (mode == RunMode::Headless || noDisplay) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        // Without a display there is no GPU context to share with Chromium.
        addChromiumFlag("--disable-gpu");
        if (mode != RunMode::Headless)
            std::fputs("mpsim: no display found, running offscreen\n", stderr);
    }

    if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
        const QByteArray folder = createPrivateRuntimeFolder();
        if (!folder.isEmpty())
            qputenv("XDG_RUNTIME_DIR", folder);
    }
}

} // namespace mpsim::app
