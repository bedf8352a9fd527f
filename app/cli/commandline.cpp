#include "cli/commandline.h"

#include "buildinfo.h"
#include "mock/scenariopresets.h"
#include "simulator/devicepreset.h"

#include <QDir>
#include <QFileInfo>
#include <QLatin1String>

#include <array>
#include <optional>
#include <span>

using namespace Qt::StringLiterals;

namespace mpsim::app {

namespace {

// Checks `value` given to `option` and stores it; returns the error, or an
// empty string when the value is accepted.
using ValueSetter
    = QString (*)(CommandLine &commandLine, const QString &option, const QString &value);

// An option: a switch (`flag`) or an option that takes a value (`setValue`).
struct Option
{
    QLatin1String name;
    bool CommandLine::*flag = nullptr;
    ValueSetter setValue = nullptr;
};

// The port in `value` if it is plain decimal digits within [minimum, 65535].
std::optional<int> parsePort(const QString &value, int minimum)
{
    if (value.isEmpty() || value.size() > 5)
        return std::nullopt;
    int port = 0;
    for (const QChar character : value) {
        if (character < u'0' || character > u'9')
            return std::nullopt;
        port = port * 10 + (character.unicode() - u'0');
    }
    if (port < minimum || port > 65535)
        return std::nullopt;
    return port;
}

QString portError(const QString &option, const QString &value, int minimum)
{
    return u"option '%1' needs a port number from %2 to 65535, not '%3'"_s.arg(option)
        .arg(minimum)
        .arg(value);
}

// Checks that `path` names an existing folder and stores it, made absolute.
QString setProjectDir(CommandLine &commandLine, const QString &path)
{
    const QFileInfo info(path);
    if (path.isEmpty() || !info.exists())
        return u"project folder '%1' does not exist"_s.arg(path);
    if (!info.isDir())
        return u"project folder '%1' is not a folder"_s.arg(path);
    commandLine.projectDir = QDir::cleanPath(QDir::current().absoluteFilePath(path));
    return {};
}

QString quotedDeviceNames()
{
    QStringList names;
    for (const DevicePreset &preset : DevicePreset::all())
        names.append(u"'%1'"_s.arg(preset.name));
    return names.join(u", "_s);
}

QString setPage(CommandLine &commandLine, const QString &option, const QString &value)
{
    const qsizetype question = value.indexOf(u'?');
    QString path = question < 0 ? value : value.left(question);
    while (path.startsWith(u'/'))
        path.remove(0, 1);
    if (path.isEmpty())
        return u"option '%1' needs a page path such as 'pages/index/index', not '%2'"_s.arg(option,
                                                                                            value);
    commandLine.page = path;
    commandLine.pageQuery = question < 0 ? QString() : value.mid(question + 1);
    return {};
}

QString setDevice(CommandLine &commandLine, const QString &option, const QString &value)
{
    const DevicePreset *preset = DevicePreset::find(value);
    if (!preset)
        return u"unknown device '%1' for '%2'; choose one of %3"_s.arg(value, option,
                                                                       quotedDeviceNames());
    commandLine.device = preset->name;
    return {};
}

QString setApiVersion(CommandLine &commandLine, const QString &option, const QString &value)
{
    const QString version = value.toLower();
    if (version != "v1"_L1 && version != "v2"_L1)
        return u"option '%1' must be v1 or v2, not '%2'"_s.arg(option, value);
    commandLine.apiVersion = version;
    return {};
}

QString setEnvVersion(CommandLine &commandLine, const QString &option, const QString &value)
{
    const QString version = value.toLower();
    if (version != "develop"_L1 && version != "trial"_L1 && version != "release"_L1)
        return u"option '%1' must be develop, trial or release, not '%2'"_s.arg(option, value);
    commandLine.envVersion = version;
    return {};
}

QString setCode2sessionPort(CommandLine &commandLine, const QString &option, const QString &value)
{
    const std::optional<int> port = parsePort(value, 0);
    if (!port)
        return portError(option, value, 0);
    commandLine.code2sessionPort = *port;
    return {};
}

QString setAutoProject(CommandLine &commandLine, const QString &, const QString &value)
{
    return setProjectDir(commandLine, value);
}

QString setAutoPort(CommandLine &commandLine, const QString &option, const QString &value)
{
    const std::optional<int> port = parsePort(value, 1);
    if (!port)
        return portError(option, value, 1);
    commandLine.autoPort = *port;
    return {};
}

// The simulator's --auto-port also takes 0: any free port (printed at start).
QString setSimulatorAutoPort(CommandLine &commandLine, const QString &option, const QString &value)
{
    const std::optional<int> port = parsePort(value, 0);
    if (!port)
        return portError(option, value, 0);
    commandLine.autoPort = *port;
    return {};
}

QString setScenario(CommandLine &commandLine, const QString &option, const QString &value)
{
    if (value.startsWith(u"preset:"_s)) {
        const QString name = value.mid(7);
        if (!core::findScenarioPreset(name.toStdString())) {
            QStringList known;
            for (const auto &preset : core::scenarioPresets())
                known.append(QString::fromStdString(preset.id));
            return u"unknown scenario preset '%1' for '%2'; choose one of %3"_s.arg(
                name, option, known.join(u", "_s));
        }
        commandLine.scenario = value;
        return {};
    }
    const QFileInfo info(value);
    if (!info.exists())
        return u"scenario file '%1' does not exist"_s.arg(value);
    if (!info.isFile())
        return u"scenario file '%1' is not a file"_s.arg(value);
    commandLine.scenario = QDir::cleanPath(QDir::current().absoluteFilePath(value));
    return {};
}

// A vendor option miniprogram-automator passes along; its value means nothing here.
QString ignoreValue(CommandLine &, const QString &, const QString &)
{
    return {};
}

constexpr std::array<Option, 11> simulatorOptions{{
    {QLatin1String("--page"), nullptr, &setPage},
    {QLatin1String("--device"), nullptr, &setDevice},
    {QLatin1String("--api-version"), nullptr, &setApiVersion},
    {QLatin1String("--env-version"), nullptr, &setEnvVersion},
    {QLatin1String("--headless"), &CommandLine::headless, nullptr},
    {QLatin1String("--code2session-port"), nullptr, &setCode2sessionPort},
    {QLatin1String("--auto-port"), nullptr, &setSimulatorAutoPort},
    {QLatin1String("--scenario"), nullptr, &setScenario},
    {QLatin1String("--version"), &CommandLine::showVersion, nullptr},
    {QLatin1String("--help"), &CommandLine::showHelp, nullptr},
    {QLatin1String("-h"), &CommandLine::showHelp, nullptr},
}};

// What miniprogram-automator's launch() passes (project, port, and its account,
// ticket and trust flags, which mean nothing here), plus the simulator's own.
constexpr std::array<Option, 12> autoOptions{{
    {QLatin1String("--project"), nullptr, &setAutoProject},
    {QLatin1String("--auto-port"), nullptr, &setAutoPort},
    {QLatin1String("--auto-account"), nullptr, &ignoreValue},
    {QLatin1String("--ticket"), nullptr, &ignoreValue},
    {QLatin1String("--trust-project"), &CommandLine::trustProject, nullptr},
    {QLatin1String("--headless"), &CommandLine::headless, nullptr},
    {QLatin1String("--scenario"), nullptr, &setScenario},
    {QLatin1String("--page"), nullptr, &setPage},
    {QLatin1String("--device"), nullptr, &setDevice},
    {QLatin1String("--api-version"), nullptr, &setApiVersion},
    {QLatin1String("--env-version"), nullptr, &setEnvVersion},
    {QLatin1String("--code2session-port"), nullptr, &setCode2sessionPort},
}};

const Option *findOption(std::span<const Option> options, const QString &name)
{
    for (const Option &candidate : options) {
        if (candidate.name == name)
            return &candidate;
    }
    return nullptr;
}

// Whether `argument`, met where an option's value is due, is rather the next
// option (so the value is missing). "-" and negative numbers are values.
bool looksLikeOption(const QString &argument)
{
    return argument.size() > 1 && argument.startsWith(u'-') && !argument.at(1).isDigit();
}

// Parses arguments[first...] against `options` into `commandLine`. Positional
// arguments are the project folder when `takesProjectDir`, else errors.
// `context` follows "unknown option '--x'" in errors (" for 'mpsim auto'").
QString parseOptions(const QStringList &arguments, qsizetype first, std::span<const Option> options,
                     bool takesProjectDir, const QString &context, CommandLine &commandLine)
{
    bool optionsEnded = false;
    bool projectDirSeen = false;
    QStringList valuesSeen;
    for (qsizetype i = first; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (!optionsEnded && argument == "--"_L1) {
            optionsEnded = true;
            continue;
        }
        // A lone "-" conventionally means standard input: a positional argument.
        const bool isOption = !optionsEnded && argument.size() > 1 && argument.startsWith(u'-');
        if (!isOption) {
            if (!takesProjectDir)
                return u"unexpected argument '%1'"_s.arg(argument);
            if (projectDirSeen)
                return u"unexpected argument '%1': only one project folder can be given"_s.arg(
                    argument);
            projectDirSeen = true;
            if (QString error = setProjectDir(commandLine, argument); !error.isEmpty())
                return error;
            continue;
        }

        const qsizetype equals = argument.indexOf(u'=');
        const QString name = equals < 0 ? argument : argument.left(equals);
        const Option *option = findOption(options, name);
        if (!option)
            return u"unknown option '%1'%2"_s.arg(name, context);
        if (option->flag) {
            if (equals >= 0)
                return u"option '%1' does not take a value"_s.arg(name);
            commandLine.*(option->flag) = true;
            continue;
        }

        QString value;
        if (equals >= 0) {
            value = argument.mid(equals + 1);
        } else if (i + 1 < arguments.size() && !looksLikeOption(arguments.at(i + 1))) {
            value = arguments.at(++i);
        }
        if (value.isEmpty())
            return u"option '%1' needs a value"_s.arg(name);
        if (valuesSeen.contains(name))
            return u"option '%1' is given more than once"_s.arg(name);
        valuesSeen.append(name);
        if (QString error = option->setValue(commandLine, name, value); !error.isEmpty())
            return error;
    }
    return {};
}

CommandLineResult failure(const QString &error)
{
    CommandLineResult result;
    result.error = error;
    return result;
}

} // namespace

CommandLineResult parseCommandLine(const QStringList &arguments)
{
    CommandLineResult result;
    CommandLine &commandLine = result.commandLine;
    const QString first = arguments.size() > 1 ? arguments.at(1) : QString();

    if (first == "compile"_L1) {
        commandLine.subcommand = Subcommand::Compile;
        commandLine.subcommandArguments = arguments.mid(2);
        return result;
    }

    if (first == "auto"_L1) {
        commandLine.subcommand = Subcommand::Auto;
        const QString error
            = parseOptions(arguments, 2, autoOptions, false, u" for 'mpsim auto'"_s, commandLine);
        if (!error.isEmpty())
            return failure(error);
        if (commandLine.projectDir.isEmpty())
            return failure(u"'mpsim auto' needs --project DIR"_s);
        if (commandLine.autoPort < 0)
            return failure(u"'mpsim auto' needs --auto-port N"_s);
        return result;
    }

    const QString error
        = parseOptions(arguments, 1, simulatorOptions, true, QString(), commandLine);
    if (!error.isEmpty())
        return failure(error);
    return result;
}

QString commandLineHelpText()
{
    QStringList devices;
    for (const DevicePreset &preset : DevicePreset::all())
        devices.append(preset.name);
    if (!devices.isEmpty())
        devices.first() += u" (default)"_s;
    return u"Usage: mpsim [PROJECT_DIR] [options]\n"
           "       mpsim compile ARGUMENTS...\n"
           "       mpsim auto --project DIR --auto-port N [options]\n"
           "\n" MPSIM_DESCRIPTION ".\n"
           "\n"
           "Arguments:\n"
           "  PROJECT_DIR             Project folder to open; default: the built-in demo.\n"
           "\n"
           "Options:\n"
           "  --page PATH[?QUERY]     Open this page first, e.g. pages/index/index?id=7.\n"
           "  --device NAME           Phone to simulate (any case): %1.\n"
           "  --api-version v1|v2     Login: v1 the host app answers, v2 mpsim issues codes.\n"
           "  --env-version ENV       envVersion the app sees: develop, trial or release.\n"
           "  --headless              Run without a window (offscreen) until SIGINT/SIGTERM.\n"
           "  --code2session-port N   Port of the local jscode2session endpoint; 0: any free.\n"
           "  --auto-port N           Automation (miniprogram-automator) at ws://127.0.0.1:N;\n"
           "                          0: any free port. The endpoint is printed on stdout.\n"
           "  --scenario FILE         Load a scenario (*.mpsim.json, or preset:ID) at start.\n"
           "  --version               Print the version and exit.\n"
           "  -h, --help              Print this help and exit.\n"
           "\n"
           "Subcommands (first argument only; 'mpsim -- compile' opens ./compile):\n"
           "  compile ARGUMENTS...    Run the compile driver with the arguments after it.\n"
           "  auto --project DIR --auto-port N  For miniprogram-automator's launch(): the\n"
           "                          simulator on DIR with automation at ws://127.0.0.1:N; takes\n"
           "                          the options above except --version/--help, and ignores\n"
           "                          launch()'s --auto-account, --ticket and --trust-project."_s.arg(
               devices.join(u", "_s));
}

QString versionText()
{
    return u"mpsim " MPSIM_VERSION ""_s;
}

QString commandLineErrorLine(const QString &error)
{
    return u"mpsim: %1 (try 'mpsim --help')"_s.arg(error);
}

} // namespace mpsim::app
