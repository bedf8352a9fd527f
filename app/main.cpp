// mpsim's entry point: parse the command line, prepare the environment, wire
// the top-level objects and run the event loop. Nothing else belongs here.

#include "buildinfo.h"
#include "cli/commandline.h"
#include "host/codeexchangeserver.h"
#include "host/hostservices.h"
#include "simulator/simulatorsession.h"
#include "settings/setting.h"
#include "mainwindow/mainwindow.h"
#include "platform/terminationsignalwatcher.h"
#include "platform/webengineenvironment.h"
#include "web/urlschemes.h"

#include <QApplication>
#include <QByteArray>
#include <QIcon>
#include <QString>
#include <QStringList>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace mpsim::app;

namespace {

void printLine(std::FILE *stream, const QString &line)
{
    const QByteArray bytes = line.toLocal8Bit() + '\n';
    std::fwrite(bytes.constData(), 1, static_cast<std::size_t>(bytes.size()), stream);
    std::fflush(stream);
}

} // namespace

int main(int argc, char *argv[])
{
    // Parsed before QApplication exists: --help and --version must work
    // without a display, and the environment depends on --headless.
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    const CommandLineResult parsed = parseCommandLine(arguments);
    if (!parsed.isOk()) {
        printLine(stderr, commandLineErrorLine(parsed.error));
        return CommandLineErrorExitCode;
    }
    const CommandLine &commandLine = parsed.commandLine;
    if (commandLine.showHelp) {
        printLine(stdout, commandLineHelpText());
        return 0;
    }
    if (commandLine.showVersion) {
        printLine(stdout, versionText());
        return 0;
    }

    prepareWebEngineEnvironment(commandLine.headless ? RunMode::Headless : RunMode::Windowed);

    registerUrlSchemes(); // before QApplication, as Qt WebEngine requires
    QApplication application(argc, argv);
    QApplication::setApplicationName(u"mpsim"_s);
    QApplication::setOrganizationName(u"mpsim"_s);
    QApplication::setApplicationVersion(QStringLiteral(MPSIM_VERSION));
    QGuiApplication::setDesktopFileName(u"mpsim"_s);
    QApplication::setWindowIcon(QIcon(u":/icons/mpsim.svg"_s));

    TerminationSignalWatcher terminationWatcher;
    QObject::connect(&terminationWatcher, &TerminationSignalWatcher::terminationSignalReceived,
                     &application, &QCoreApplication::quit);

    migrateSettings();
    HostServices host;
    // Headless runs the same simulator without showing it (offscreen).
    MainWindow window(&host);
    CodeExchangeServer codeExchange(host.core());
    if (codeExchange.listen(0))
        window.setCodeExchangePort(codeExchange.port());
    else
        printLine(stderr, u"mpsim: the jscode2session endpoint is off: %1"_s.arg(codeExchange.errorString()));
    window.session()->openPlayground();

    if (commandLine.headless) {
        printLine(stderr, u"mpsim: running headless (Ctrl+C or SIGTERM to stop)"_s);
    } else {
        window.show();
    }

    return QApplication::exec();
}
