#pragma once

#include <QString>
#include <QStringList>

namespace mpsim::app {

// What mpsim was asked to run: the simulator, or a subcommand given as the
// first argument.
enum class Subcommand {
    None,    // mpsim [PROJECT_DIR] [options]: the simulator
    Compile, // mpsim compile ...: the compile driver; see subcommandArguments
    Auto     // mpsim auto --project DIR --auto-port N: as miniprogram-automator's launch() spawns;
             // runs the simulator on DIR with automation, like "mpsim DIR --auto-port N"
};

// What the user asked for on the command line.
struct CommandLine
{
    Subcommand subcommand = Subcommand::None;
    // PROJECT_DIR (auto: --project), absolute and clean; empty: the embedded demo.
    QString projectDir;
    // --page PATH?QUERY: the path without leading slash ("pages/index/index"; empty: the
    // app's first page) and the text after '?' ("id=7&from=cli"; empty if none).
    QString page;
    QString pageQuery;
    // --device: the preset's own name (DevicePreset::find); empty: the default preset.
    QString device;
    QString apiVersion;        // --api-version "v1" or "v2"; empty: the project's choice
    QString envVersion;        // --env-version "develop", "trial" or "release"; empty: not given
    bool headless = false;     // --headless: no window, offscreen platform, until SIGINT/SIGTERM
    int code2sessionPort = -1; // --code2session-port 0-65535; 0: any free port; -1: automatic
    // --auto-port: the automation endpoint ws://127.0.0.1:N; 0: any free port (the
    // simulator only; auto needs 1-65535); -1: no automation.
    int autoPort = -1;
    // --scenario: an existing scenario file (absolute and clean), or "preset:<id>" naming
    // a scenario shipped with mpsim (as given); empty: none.
    QString scenario;
    // auto --trust-project / --auto-account / --ticket: what miniprogram-automator's
    // launch() passes to the vendor's IDE; accepted, with no effect in mpsim.
    bool trustProject = false;
    // Subcommand::Compile: every argument after "compile", untouched.
    QStringList subcommandArguments;
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
// Needs no QCoreApplication. Options take values as "--opt value" or "--opt=value".
// Fails on the first unknown option, switch given a value, option missing its value
// or given an invalid one, project folder that does not exist, or second positional
// argument, and the error names it. "--" ends the options. "compile" and "auto" are
// subcommands only as the first argument ("mpsim -- compile" opens a folder "compile").
CommandLineResult parseCommandLine(const QStringList &arguments);

// What --help prints (several lines, no trailing newline).
QString commandLineHelpText();

// What --version prints: "mpsim <version>".
QString versionText();

// The one line to print on stderr for a parse error, with a hint towards --help:
// "mpsim: unknown option '--bogus' (try 'mpsim --help')".
QString commandLineErrorLine(const QString &error);

} // namespace mpsim::app
