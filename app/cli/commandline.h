#pragma once

#include <QString>
#include <QStringList>

namespace mpsim::app {

// What the user asked for on the command line.
struct CommandLine
{
    bool headless = false;    // --headless: no window, offscreen platform, run until SIGINT/SIGTERM
    bool showHelp = false;    // -h, --help
    bool showVersion = false; // --version
};

// The outcome of parseCommandLine(): the options, or why they cannot be used.
struct CommandLineResult
{
    CommandLine commandLine; // meaningful only when isOk()
    QString error;           // one line naming the offending argument; empty on success

    bool isOk() const { return error.isEmpty(); }
};

// The exit code for a command line mpsim cannot run with.
inline constexpr int CommandLineErrorExitCode = 2;

// Parses `arguments` as main() receives them; the first one (the program) is skipped.
// Needs no QCoreApplication. Fails on the first unknown option, option given a value
// it does not take, or positional argument, and the error names it. "--" ends the options.
CommandLineResult parseCommandLine(const QStringList &arguments);

// What --help prints (several lines, no trailing newline).
QString commandLineHelpText();

// What --version prints: "mpsim <version>".
QString versionText();

// The one line to print on stderr for a parse error, with a hint towards --help:
// "mpsim: unknown option '--bogus' (try 'mpsim --help')".
QString commandLineErrorLine(const QString &error);

} // namespace mpsim::app
