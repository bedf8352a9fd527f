#include "cli/commandline.h"

#include "buildinfo.h"

#include <QLatin1String>

#include <array>

using namespace Qt::StringLiterals;

namespace mpsim::app {

namespace {

// Every option mpsim knows today is a switch; options with values join this
// table as their own kind when they arrive.
struct Switch
{
    QLatin1String name;
    bool CommandLine::*member;
};

constexpr std::array<Switch, 4> switches{{
    {QLatin1String("--headless"), &CommandLine::headless},
    {QLatin1String("--version"), &CommandLine::showVersion},
    {QLatin1String("--help"), &CommandLine::showHelp},
    {QLatin1String("-h"), &CommandLine::showHelp},
}};

const Switch *findSwitch(const QString &name)
{
    for (const Switch &candidate : switches) {
        if (candidate.name == name)
            return &candidate;
    }
    return nullptr;
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
    bool optionsEnded = false;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (!optionsEnded && argument == "--"_L1) {
            optionsEnded = true;
            continue;
        }
        // A lone "-" conventionally means standard input: a positional argument.
        const bool isOption = !optionsEnded && argument.size() > 1 && argument.startsWith(u'-');
        if (!isOption)
            return failure(u"unexpected argument '%1'"_s.arg(argument));

        const qsizetype equals = argument.indexOf(u'=');
        const QString name = equals < 0 ? argument : argument.left(equals);
        const Switch *option = findSwitch(name);
        if (!option)
            return failure(u"unknown option '%1'"_s.arg(name));
        if (equals >= 0)
            return failure(u"option '%1' does not take a value"_s.arg(name));
        result.commandLine.*(option->member) = true;
    }
    return result;
}

QString commandLineHelpText()
{
    return u"Usage: mpsim [options]\n"
           "\n" MPSIM_DESCRIPTION ".\n"
           "\n"
           "Options:\n"
           "  --headless   Run without a window (offscreen) until SIGINT or SIGTERM.\n"
           "  --version    Print the version and exit.\n"
           "  -h, --help   Print this help and exit."_s;
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
