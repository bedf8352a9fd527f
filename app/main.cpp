// mpsim's entry point: parse the command line, prepare the environment, wire
// the top-level objects and run the event loop. Nothing else belongs here.

#include "automation/automationhost.h"
#include "automation/automationserver.h"
#include "buildinfo.h"
#include "cli/commandline.h"
#include "compiler/compilecommand.h"
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
#include <iostream>
#include <memory>
#include <string>
#include <vector>

using namespace Qt::StringLiterals;
using namespace mpsim::app;

namespace {

void printLine(std::FILE *stream, const QString &line)
{
    const QByteArray bytes = line.toLocal8Bit() + '\n';
    std::fwrite(bytes.constData(), 1, static_cast<std::size_t>(bytes.size()), stream);
    std::fflush(stream);
}

// Where the jscode2session endpoint listens unless --code2session-port says otherwise.
constexpr quint16 DefaultCodeExchangePort = 17788;

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

    switch (commandLine.subcommand) {
    case Subcommand::Compile: {
        // No window, no Qt application: the compiler is core's.
        std::vector<std::string> compileArguments;
        for (const QString &argument : commandLine.subcommandArguments)
            compileArguments.push_back(argument.toStdString());
        return mpsim::core::compiler::runCompileCommand(compileArguments, std::cout, std::cerr);
    }
    case Subcommand::Auto: // the simulator on --project with automation on --auto-port
    case Subcommand::None:
        break;
    }

    prepareWebEngineEnvironment(commandLine.headless ? RunMode::Headless : RunMode::Windowed);

    registerUrlSchemes(); // before QApplication, as Qt WebEngine requires
    QApplication application(argc, argv);
    QApplication::setApplicationName(u"mpsim"_s);
    QApplication::setOrganizationName(u"mpsim"_s);
    QApplication::setApplicationVersion(QStringLiteral(MPSIM_VERSION));
    QGuiApplication::setDesktopFileName(u"mpsim"_s);
    QApplication::setWindowIcon(QIcon(u":/icons/mpsim.svg"_s));

    // Installed first: a SIGTERM during start-up waits for the loop, then stops it.
    TerminationSignalWatcher terminationWatcher;

    migrateSettings();
    HostServices host;
    // Headless runs the same simulator on the offscreen platform: shown there,
    // so the page renders (screenshots) while no window appears anywhere.
    MainWindow window(&host);
    if (!commandLine.device.isEmpty())
        window.setDevice(commandLine.device);
    if (!commandLine.apiVersion.isEmpty())
        window.session()->setApiVersionOverride(commandLine.apiVersion);
    if (!commandLine.envVersion.isEmpty())
        window.setEnvVersion(commandLine.envVersion);
    if (!commandLine.page.isEmpty())
        window.session()->setLaunchPage(commandLine.page, commandLine.pageQuery);

    // The developer's backend exchanges v2 login codes here. A fixed default
    // port keeps backend configs stable; when it is taken, any free port.
    CodeExchangeServer codeExchange(host.core());
    const bool portChosen = commandLine.code2sessionPort >= 0;
    const quint16 port = portChosen ? quint16(commandLine.code2sessionPort) : DefaultCodeExchangePort;
    if (codeExchange.listen(port) || (!portChosen && codeExchange.listen(0))) {
        window.setCodeExchangePort(codeExchange.port());
        printLine(stderr, u"mpsim: jscode2session at http://127.0.0.1:%1/sns/jscode2session"_s
                              .arg(codeExchange.port()));
    } else {
        printLine(stderr, u"mpsim: cannot listen on 127.0.0.1:%1 for jscode2session: %2"_s
                              .arg(port)
                              .arg(codeExchange.errorString()));
        if (portChosen)
            return 1;
    }

    // Automation listens before the project opens, so that a client sees the
    // first page's console output and popups.
    std::unique_ptr<AutomationHost> automation;
    std::unique_ptr<AutomationServer> automationServer;
    if (commandLine.autoPort >= 0) {
        automation = std::make_unique<AutomationHost>(host, window);
        automationServer = std::make_unique<AutomationServer>(automation->hub());
        if (!automationServer->listen(quint16(commandLine.autoPort))) {
            printLine(stderr, u"mpsim: cannot listen on 127.0.0.1:%1 for automation: %2"_s
                                  .arg(commandLine.autoPort)
                                  .arg(automationServer->errorString()));
            return 1;
        }
    }

    // A clean stop: the automation clients are told, then the event loop ends
    // and everything (host state first) is saved on the way out.
    const auto stop = [&automationServer] {
        if (automationServer)
            automationServer->shutDown(0, [] { QCoreApplication::quit(); });
        else
            QCoreApplication::quit();
    };
    QObject::connect(&terminationWatcher, &TerminationSignalWatcher::terminationSignalReceived,
                     &application, stop);
    if (automation) {
        QObject::connect(automation.get(), &AutomationHost::exitRequested, &application,
                         [&automationServer](mpsim::core::automation::ExitReason reason) {
                             // After App.exit the npm client's close() still sends Tool.close.
                             const int graceMs = reason == mpsim::core::automation::ExitReason::AppExit
                                                     ? 1500
                                                     : 0;
                             automationServer->shutDown(graceMs, [] { QCoreApplication::quit(); });
                         });
    }

    if (!commandLine.projectDir.isEmpty()) {
        if (QString error; !window.session()->openProject(commandLine.projectDir, &error)) {
            printLine(stderr, u"mpsim: %1"_s.arg(error));
            return 1;
        }
    } else if (QString error; !window.session()->openDemo(&error)) {
        printLine(stderr, u"mpsim: %1; showing the API playground instead"_s.arg(error));
        window.session()->openPlayground();
    }

    // Right after the project opened (its own rules in force), before the page asks anything.
    if (QString error; !commandLine.scenario.isEmpty()
                       && !window.loadScenarioFile(commandLine.scenario, &error)) {
        printLine(stderr, u"mpsim: --scenario: %1"_s.arg(error));
        return 1;
    }

    if (commandLine.headless)
        printLine(stderr, u"mpsim: running headless (Ctrl+C or SIGTERM to stop)"_s);
    window.show();

    if (automationServer) {
        // On stdout, flushed: scripts wait for this line to connect.
        printLine(stdout, u"mpsim: automation listening on %1"_s.arg(
                              automationServer->url().toString()));
    }

    const int exitCode = QApplication::exec();
    // Clients first: no reply may go to a socket while the window goes away.
    automationServer.reset();
    automation.reset();
    return exitCode;
}
