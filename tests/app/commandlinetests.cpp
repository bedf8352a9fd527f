#include "catchqt.h"

#include "buildinfo.h"
#include "cli/commandline.h"
#include "simulator/devicepreset.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;
using mpsim::app::CommandLine;
using mpsim::app::CommandLineResult;
using mpsim::app::DevicePreset;
using mpsim::app::parseCommandLine;
using mpsim::app::Subcommand;

namespace {

CommandLineResult parse(QStringList arguments)
{
    arguments.prepend(u"mpsim"_s);
    return parseCommandLine(arguments);
}

// The error parsing `arguments` gives; fails the test if they parse.
QString errorOf(const QStringList &arguments)
{
    const CommandLineResult result = parse(arguments);
    CHECK_FALSE(result.isOk());
    CHECK_FALSE(result.error.contains(u'\n'));
    return result.error;
}

// A temporary folder holding a project folder "project" and a file "file.txt".
struct ProjectFolders
{
    QTemporaryDir root;

    ProjectFolders()
    {
        REQUIRE(root.isValid());
        REQUIRE(QDir(root.path()).mkdir(u"project"_s));
        QFile file(root.filePath(u"file.txt"_s));
        REQUIRE(file.open(QIODevice::WriteOnly));
    }

    QString project() const { return QDir::cleanPath(root.filePath(u"project"_s)); }
    QString file() const { return root.filePath(u"file.txt"_s); }
};

// Makes `path` the current folder for its lifetime.
class CurrentFolder
{
public:
    explicit CurrentFolder(const QString &path) { REQUIRE(QDir::setCurrent(path)); }
    ~CurrentFolder() { QDir::setCurrent(m_saved); }
    CurrentFolder(const CurrentFolder &) = delete;
    CurrentFolder &operator=(const CurrentFolder &) = delete;

private:
    QString m_saved = QDir::currentPath();
};

} // namespace

// --- Defaults and switches -----------------------------------------------------------

TEST_CASE("command line: no arguments opens the embedded demo in a window")
{
    const CommandLineResult result = parse({});
    REQUIRE(result.isOk());
    const CommandLine &commandLine = result.commandLine;
    CHECK(commandLine.subcommand == Subcommand::None);
    CHECK(commandLine.projectDir.isEmpty());
    CHECK(commandLine.page.isEmpty());
    CHECK(commandLine.pageQuery.isEmpty());
    CHECK(commandLine.device.isEmpty());
    CHECK(commandLine.apiVersion.isEmpty());
    CHECK(commandLine.envVersion.isEmpty());
    CHECK_FALSE(commandLine.headless);
    CHECK(commandLine.code2sessionPort == -1);
    CHECK(commandLine.autoPort == -1);
    CHECK(commandLine.subcommandArguments.isEmpty());
    CHECK_FALSE(commandLine.showHelp);
    CHECK_FALSE(commandLine.showVersion);
}

TEST_CASE("command line: an empty argument list is accepted")
{
    CHECK(parseCommandLine({}).isOk());
}

TEST_CASE("command line: --version is recognised")
{
    const CommandLineResult result = parse({u"--version"_s});
    REQUIRE(result.isOk());
    CHECK(result.commandLine.showVersion);
    CHECK_FALSE(result.commandLine.showHelp);
}

TEST_CASE("command line: --help and -h are recognised")
{
    for (const QString &option : {u"--help"_s, u"-h"_s}) {
        const CommandLineResult result = parse({option});
        REQUIRE(result.isOk());
        CHECK(result.commandLine.showHelp);
    }
}

TEST_CASE("command line: --headless is recognised")
{
    const CommandLineResult result = parse({u"--headless"_s});
    REQUIRE(result.isOk());
    CHECK(result.commandLine.headless);
}

TEST_CASE("command line: options combine")
{
    const CommandLineResult result = parse({u"--headless"_s, u"--version"_s});
    REQUIRE(result.isOk());
    CHECK(result.commandLine.headless);
    CHECK(result.commandLine.showVersion);
}

TEST_CASE("command line: a switch given a value is an error naming it")
{
    CHECK(errorOf({u"--headless=yes"_s}) == u"option '--headless' does not take a value"_s);
    CHECK(errorOf({u"--headless=1"_s}) == u"option '--headless' does not take a value"_s);
    CHECK(errorOf({u"--version="_s}) == u"option '--version' does not take a value"_s);
    CHECK(errorOf({u"--help=all"_s}) == u"option '--help' does not take a value"_s);
}

// --- Unknown options -----------------------------------------------------------------

TEST_CASE("command line: an unknown option is an error naming it")
{
    CHECK(errorOf({u"--headless"_s, u"--bogus"_s}) == u"unknown option '--bogus'"_s);
}

TEST_CASE("command line: an unknown option with a value is named without the value")
{
    CHECK(errorOf({u"--port=9420"_s}) == u"unknown option '--port'"_s);
}

TEST_CASE("command line: a single-dash Qt option is unknown")
{
    CHECK(errorOf({u"-platform"_s, u"xcb"_s}) == u"unknown option '-platform'"_s);
}

TEST_CASE("command line: auto's --project is unknown to the simulator")
{
    CHECK(errorOf({u"--project=."_s}) == u"unknown option '--project'"_s);
    CHECK(errorOf({u"--trust-project"_s}) == u"unknown option '--trust-project'"_s);
}

// --- Automation and scenarios -------------------------------------------------------------

TEST_CASE("command line: --auto-port turns on automation, 0 meaning any free port")
{
    for (const auto &[value, port] : {std::pair{u"9420"_s, 9420}, std::pair{u"0"_s, 0},
                                      std::pair{u"65535"_s, 65535}}) {
        CAPTURE(value);
        const CommandLineResult result = parse({u"--headless"_s, u"--auto-port"_s, value});
        REQUIRE(result.isOk());
        CHECK(result.commandLine.subcommand == Subcommand::None);
        CHECK(result.commandLine.autoPort == port);
        CHECK(result.commandLine.headless);
    }
    CHECK(parse({u"--auto-port=7"_s}).commandLine.autoPort == 7);
}

TEST_CASE("command line: the simulator's --auto-port must be from 0 to 65535")
{
    for (const QString &value : {u"65536"_s, u"-1"_s, u"x"_s, u"1e3"_s}) {
        CAPTURE(value);
        CHECK(errorOf({u"--auto-port"_s, value})
              == u"option '--auto-port' needs a port number from 0 to 65535, not '%1'"_s.arg(value));
    }
    CHECK(errorOf({u"--auto-port"_s}) == u"option '--auto-port' needs a value"_s);
}

TEST_CASE("command line: --scenario takes an existing file, made absolute")
{
    const ProjectFolders folders;
    const CurrentFolder current(folders.root.path());
    const CommandLineResult result = parse({u"--scenario"_s, u"file.txt"_s});
    REQUIRE(result.isOk());
    CHECK(result.commandLine.scenario == QDir::currentPath() + u"/file.txt"_s);
    CHECK(errorOf({u"--scenario=missing.mpsim.json"_s})
          == u"scenario file 'missing.mpsim.json' does not exist"_s);
    CHECK(errorOf({u"--scenario"_s, u"project"_s}) == u"scenario file 'project' is not a file"_s);
}

TEST_CASE("command line: --scenario preset:ID names a scenario shipped with mpsim")
{
    const CommandLineResult result = parse({u"--scenario=preset:new-user"_s});
    REQUIRE(result.isOk());
    CHECK(result.commandLine.scenario == u"preset:new-user"_s);
    const QString error = errorOf({u"--scenario"_s, u"preset:nobody"_s});
    CHECK(error.startsWith(u"unknown scenario preset 'nobody' for '--scenario'; choose one of "_s));
    CHECK(error.contains(u"new-user"_s));
}

TEST_CASE("command line: without --auto-port or --scenario there is neither")
{
    const CommandLineResult result = parse({u"--headless"_s});
    REQUIRE(result.isOk());
    CHECK(result.commandLine.autoPort == -1);
    CHECK(result.commandLine.scenario.isEmpty());
}

// --- PROJECT_DIR ---------------------------------------------------------------------

TEST_CASE("command line: PROJECT_DIR names the project folder to open")
{
    const ProjectFolders folders;
    const CommandLineResult result = parse({folders.project()});
    REQUIRE(result.isOk());
    CHECK(result.commandLine.projectDir == folders.project());
    CHECK(result.commandLine.subcommand == Subcommand::None);
}

TEST_CASE("command line: a relative PROJECT_DIR is made absolute against the current folder")
{
    const ProjectFolders folders;
    const CurrentFolder current(folders.root.path());
    const QString expected = QDir::currentPath() + u"/project"_s;

    for (const QString &relative : {u"project"_s, u"./project/"_s, u"project/../project"_s}) {
        const CommandLineResult result = parse({relative});
        REQUIRE(result.isOk());
        CHECK(result.commandLine.projectDir == expected);
    }
}

TEST_CASE("command line: PROJECT_DIR is cleaned of trailing slashes and dot segments")
{
    const ProjectFolders folders;
    const CommandLineResult result = parse({folders.project() + u"/./"_s});
    REQUIRE(result.isOk());
    CHECK(result.commandLine.projectDir == folders.project());
}

TEST_CASE("command line: PROJECT_DIR combines with options on either side")
{
    const ProjectFolders folders;
    const CommandLineResult result
        = parse({u"--headless"_s, folders.project(), u"--page"_s, u"pages/a/a"_s});
    REQUIRE(result.isOk());
    CHECK(result.commandLine.headless);
    CHECK(result.commandLine.projectDir == folders.project());
    CHECK(result.commandLine.page == u"pages/a/a"_s);
}

TEST_CASE("command line: a PROJECT_DIR that does not exist is an error naming it")
{
    CHECK(errorOf({u"--headless"_s, u"some/project"_s})
          == u"project folder 'some/project' does not exist"_s);
    CHECK(errorOf({u""_s}) == u"project folder '' does not exist"_s);
}

TEST_CASE("command line: a PROJECT_DIR that is a file is an error naming it")
{
    const ProjectFolders folders;
    CHECK(errorOf({folders.file()})
          == u"project folder '%1' is not a folder"_s.arg(folders.file()));
}

TEST_CASE("command line: a second PROJECT_DIR is an error naming it")
{
    const ProjectFolders folders;
    CHECK(errorOf({folders.project(), u"other"_s})
          == u"unexpected argument 'other': only one project folder can be given"_s);
}

TEST_CASE("command line: after -- an option-like word is the PROJECT_DIR")
{
    CHECK(errorOf({u"--"_s, u"--version"_s}) == u"project folder '--version' does not exist"_s);

    const ProjectFolders folders;
    const CurrentFolder current(folders.root.path());
    REQUIRE(QDir().mkdir(u"--odd"_s));
    const CommandLineResult result = parse({u"--headless"_s, u"--"_s, u"--odd"_s});
    REQUIRE(result.isOk());
    CHECK(result.commandLine.headless);
    CHECK(result.commandLine.projectDir == QDir::currentPath() + u"/--odd"_s);
}

// --- Options with values: both forms, missing values, repeats ---------------------------

TEST_CASE("command line: an option's value may follow as the next argument or after '='")
{
    for (const QStringList &arguments : {QStringList{u"--device"_s, u"iPhone 12/13/14"_s},
                                         QStringList{u"--device=iPhone 12/13/14"_s}}) {
        const CommandLineResult result = parse(arguments);
        REQUIRE(result.isOk());
        CHECK(result.commandLine.device == u"iPhone 12/13/14"_s);
    }
}

TEST_CASE("command line: a value after '=' may itself contain '='")
{
    const CommandLineResult result = parse({u"--page=pages/a/a?x=1&y=2"_s});
    REQUIRE(result.isOk());
    CHECK(result.commandLine.page == u"pages/a/a"_s);
    CHECK(result.commandLine.pageQuery == u"x=1&y=2"_s);
}

TEST_CASE("command line: an option missing its value at the end is an error naming it")
{
    for (const QString &option : {u"--page"_s, u"--device"_s, u"--api-version"_s,
                                  u"--env-version"_s, u"--code2session-port"_s}) {
        CAPTURE(option);
        CHECK(errorOf({option}) == u"option '%1' needs a value"_s.arg(option));
    }
}

TEST_CASE("command line: an option followed by another option is missing its value")
{
    CHECK(errorOf({u"--device"_s, u"--headless"_s}) == u"option '--device' needs a value"_s);
    CHECK(errorOf({u"--page"_s, u"--"_s}) == u"option '--page' needs a value"_s);
}

TEST_CASE("command line: an empty value is a missing value")
{
    CHECK(errorOf({u"--device="_s}) == u"option '--device' needs a value"_s);
    CHECK(errorOf({u"--env-version"_s, u""_s}) == u"option '--env-version' needs a value"_s);
}

TEST_CASE("command line: an option with a value given twice is an error naming it")
{
    CHECK(errorOf({u"--api-version=v1"_s, u"--api-version"_s, u"v2"_s})
          == u"option '--api-version' is given more than once"_s);
}

// --- --page ---------------------------------------------------------------------------

TEST_CASE("command line: --page sets the page path without its leading slash")
{
    for (const QString &value : {u"pages/index/index"_s, u"/pages/index/index"_s}) {
        const CommandLineResult result = parse({u"--page"_s, value});
        REQUIRE(result.isOk());
        CHECK(result.commandLine.page == u"pages/index/index"_s);
        CHECK(result.commandLine.pageQuery.isEmpty());
    }
}

TEST_CASE("command line: --page splits the query from the path at '?'")
{
    const CommandLineResult result = parse({u"--page"_s, u"/pages/detail/detail?id=7&from=cli"_s});
    REQUIRE(result.isOk());
    CHECK(result.commandLine.page == u"pages/detail/detail"_s);
    CHECK(result.commandLine.pageQuery == u"id=7&from=cli"_s);
}

TEST_CASE("command line: --page with a bare '?' has an empty query")
{
    const CommandLineResult result = parse({u"--page=pages/a/a?"_s});
    REQUIRE(result.isOk());
    CHECK(result.commandLine.page == u"pages/a/a"_s);
    CHECK(result.commandLine.pageQuery.isEmpty());
}

TEST_CASE("command line: --page without a path is an error naming it")
{
    CHECK(errorOf({u"--page"_s, u"/"_s})
          == u"option '--page' needs a page path such as 'pages/index/index', not '/'"_s);
    CHECK(errorOf({u"--page=?id=7"_s})
          == u"option '--page' needs a page path such as 'pages/index/index', not '?id=7'"_s);
}

// --- --device -------------------------------------------------------------------------

TEST_CASE("command line: --device accepts every preset by name, ignoring case")
{
    for (const DevicePreset &preset : DevicePreset::all()) {
        for (const QString &spelling :
             {preset.name, preset.name.toUpper(), preset.name.toLower()}) {
            const CommandLineResult result = parse({u"--device"_s, spelling});
            REQUIRE(result.isOk());
            CHECK(result.commandLine.device == preset.name);
        }
    }
}

TEST_CASE("command line: an unknown --device is an error listing the valid names")
{
    const QString error = errorOf({u"--device=Pixel 9"_s});
    CHECK(error.startsWith(u"unknown device 'Pixel 9' for '--device'; choose one of "_s));
    for (const DevicePreset &preset : DevicePreset::all())
        CHECK(error.contains(u"'%1'"_s.arg(preset.name)));
}

// --- --api-version and --env-version --------------------------------------------------

TEST_CASE("command line: --api-version accepts v1 and v2 in either form")
{
    CHECK(parse({u"--api-version"_s, u"v1"_s}).commandLine.apiVersion == u"v1"_s);
    CHECK(parse({u"--api-version=v2"_s}).commandLine.apiVersion == u"v2"_s);
    CHECK(parse({u"--api-version=V2"_s}).commandLine.apiVersion == u"v2"_s);
}

TEST_CASE("command line: any other --api-version is an error naming it")
{
    CHECK(errorOf({u"--api-version"_s, u"v3"_s})
          == u"option '--api-version' must be v1 or v2, not 'v3'"_s);
    CHECK(errorOf({u"--api-version=2"_s}) == u"option '--api-version' must be v1 or v2, not '2'"_s);
}

TEST_CASE("command line: --env-version accepts develop, trial and release in either form")
{
    for (const QString &version : {u"develop"_s, u"trial"_s, u"release"_s}) {
        CHECK(parse({u"--env-version"_s, version}).commandLine.envVersion == version);
        CHECK(parse({u"--env-version="_s + version}).commandLine.envVersion == version);
    }
    CHECK(parse({u"--env-version=Release"_s}).commandLine.envVersion == u"release"_s);
}

TEST_CASE("command line: any other --env-version is an error naming it")
{
    CHECK(errorOf({u"--env-version=production"_s})
          == u"option '--env-version' must be develop, trial or release, not 'production'"_s);
}

// --- --code2session-port --------------------------------------------------------------

TEST_CASE("command line: --code2session-port accepts 0 to 65535 in either form")
{
    CHECK(parse({u"--code2session-port"_s, u"8080"_s}).commandLine.code2sessionPort == 8080);
    CHECK(parse({u"--code2session-port=8081"_s}).commandLine.code2sessionPort == 8081);
    CHECK(parse({u"--code2session-port=0"_s}).commandLine.code2sessionPort == 0);
    CHECK(parse({u"--code2session-port=65535"_s}).commandLine.code2sessionPort == 65535);
}

TEST_CASE("command line: a --code2session-port that is not a port is an error naming it")
{
    for (const QString &value :
         {u"65536"_s, u"-1"_s, u"abc"_s, u"80x"_s, u"+80"_s, u" 80"_s, u"99999999999"_s}) {
        CAPTURE(value);
        CHECK(
            errorOf({u"--code2session-port="_s + value})
            == u"option '--code2session-port' needs a port number from 0 to 65535, not '%1'"_s.arg(
                value));
    }
    CHECK(errorOf({u"--code2session-port"_s, u"-1"_s})
          == u"option '--code2session-port' needs a port number from 0 to 65535, not '-1'"_s);
}

// --- Everything at once -----------------------------------------------------------------

TEST_CASE("command line: every simulator option together")
{
    const ProjectFolders folders;
    const CommandLineResult result = parse({
        folders.project(),
        u"--page=pages/cart/cart?step=2"_s,
        u"--device"_s,
        u"android 360x800"_s,
        u"--api-version"_s,
        u"v1"_s,
        u"--env-version=trial"_s,
        u"--headless"_s,
        u"--code2session-port"_s,
        u"0"_s,
        u"--auto-port"_s,
        u"0"_s,
        u"--scenario=preset:new-user"_s,
    });
    REQUIRE(result.isOk());
    const CommandLine &commandLine = result.commandLine;
    CHECK(commandLine.subcommand == Subcommand::None);
    CHECK(commandLine.projectDir == folders.project());
    CHECK(commandLine.page == u"pages/cart/cart"_s);
    CHECK(commandLine.pageQuery == u"step=2"_s);
    CHECK(commandLine.device == u"Android 360x800"_s);
    CHECK(commandLine.apiVersion == u"v1"_s);
    CHECK(commandLine.envVersion == u"trial"_s);
    CHECK(commandLine.headless);
    CHECK(commandLine.code2sessionPort == 0);
    CHECK(commandLine.autoPort == 0);
    CHECK(commandLine.scenario == u"preset:new-user"_s);
}

// --- mpsim compile ----------------------------------------------------------------------

TEST_CASE("command line: compile keeps every later argument raw for the compile driver")
{
    const QStringList rest{u"--out"_s, u"dist"_s, u"--bogus=1"_s, u"--help"_s, u"--"_s, u"x"_s};
    const CommandLineResult result = parse(QStringList{u"compile"_s} + rest);
    REQUIRE(result.isOk());
    CHECK(result.commandLine.subcommand == Subcommand::Compile);
    CHECK(result.commandLine.subcommandArguments == rest);
    CHECK_FALSE(result.commandLine.showHelp);
    CHECK(result.commandLine.projectDir.isEmpty());
}

TEST_CASE("command line: compile alone has no subcommand arguments")
{
    const CommandLineResult result = parse({u"compile"_s});
    REQUIRE(result.isOk());
    CHECK(result.commandLine.subcommand == Subcommand::Compile);
    CHECK(result.commandLine.subcommandArguments.isEmpty());
}

TEST_CASE("command line: compile and auto are subcommands only as the first argument")
{
    CHECK(errorOf({u"--headless"_s, u"compile"_s}) == u"project folder 'compile' does not exist"_s);
    CHECK(errorOf({u"--"_s, u"auto"_s}) == u"project folder 'auto' does not exist"_s);
}

// --- mpsim auto -------------------------------------------------------------------------

TEST_CASE("command line: auto takes --project and --auto-port in either form")
{
    const ProjectFolders folders;
    for (const QStringList &arguments :
         {QStringList{u"auto"_s, u"--project"_s, folders.project(), u"--auto-port"_s, u"9420"_s},
          QStringList{u"auto"_s, u"--auto-port=9420"_s, u"--project="_s + folders.project()}}) {
        const CommandLineResult result = parse(arguments);
        REQUIRE(result.isOk());
        CHECK(result.commandLine.subcommand == Subcommand::Auto);
        CHECK(result.commandLine.projectDir == folders.project());
        CHECK(result.commandLine.autoPort == 9420);
        CHECK_FALSE(result.commandLine.headless);
    }
}

TEST_CASE("command line: auto makes a relative --project absolute")
{
    const ProjectFolders folders;
    const CurrentFolder current(folders.root.path());
    const CommandLineResult result
        = parse({u"auto"_s, u"--project"_s, u"project/"_s, u"--auto-port"_s, u"1"_s});
    REQUIRE(result.isOk());
    CHECK(result.commandLine.projectDir == QDir::currentPath() + u"/project"_s);
    CHECK(result.commandLine.autoPort == 1);
}

TEST_CASE("command line: auto needs both --project and --auto-port")
{
    const ProjectFolders folders;
    CHECK(errorOf({u"auto"_s, u"--auto-port=9420"_s}) == u"'mpsim auto' needs --project DIR"_s);
    CHECK(errorOf({u"auto"_s, u"--project"_s, folders.project()})
          == u"'mpsim auto' needs --auto-port N"_s);
    CHECK(errorOf({u"auto"_s}) == u"'mpsim auto' needs --project DIR"_s);
}

TEST_CASE("command line: auto's --auto-port must be from 1 to 65535")
{
    const ProjectFolders folders;
    for (const QString &value : {u"0"_s, u"65536"_s, u"port"_s}) {
        CAPTURE(value);
        CHECK(
            errorOf({u"auto"_s, u"--project"_s, folders.project(), u"--auto-port"_s, value})
            == u"option '--auto-port' needs a port number from 1 to 65535, not '%1'"_s.arg(value));
    }
    CHECK(parse({u"auto"_s, u"--project"_s, folders.project(), u"--auto-port=65535"_s})
              .commandLine.autoPort
          == 65535);
}

TEST_CASE("command line: auto's --project must be an existing folder")
{
    const ProjectFolders folders;
    CHECK(errorOf({u"auto"_s, u"--project=missing"_s, u"--auto-port=9420"_s})
          == u"project folder 'missing' does not exist"_s);
    CHECK(errorOf({u"auto"_s, u"--project"_s, folders.file(), u"--auto-port=9420"_s})
          == u"project folder '%1' is not a folder"_s.arg(folders.file()));
}

TEST_CASE("command line: auto's options missing a value are errors naming them")
{
    CHECK(errorOf({u"auto"_s, u"--auto-port=9420"_s, u"--project"_s})
          == u"option '--project' needs a value"_s);
    CHECK(errorOf({u"auto"_s, u"--auto-port"_s, u"--project"_s, u"."_s})
          == u"option '--auto-port' needs a value"_s);
}

TEST_CASE("command line: auto accepts what miniprogram-automator's launch() passes")
{
    const ProjectFolders folders;
    const QStringList valid{u"auto"_s, u"--project"_s, folders.project(), u"--auto-port"_s,
                            u"9420"_s};
    for (const QStringList &extra : {QStringList{u"--trust-project"_s},
                                     QStringList{u"--ticket"_s, u"abc"_s},
                                     QStringList{u"--auto-account=QA"_s}}) {
        CAPTURE(extra);
        const CommandLineResult result = parse(valid + extra);
        REQUIRE(result.isOk());
        CHECK(result.commandLine.projectDir == folders.project());
        CHECK(result.commandLine.autoPort == 9420);
    }
    CHECK(parse(valid + QStringList{u"--trust-project"_s}).commandLine.trustProject);
}

TEST_CASE("command line: auto takes the simulator's options too")
{
    const ProjectFolders folders;
    const CommandLineResult result
        = parse({u"auto"_s, u"--project"_s, folders.project(), u"--auto-port"_s, u"9420"_s,
                 u"--headless"_s, u"--scenario"_s, u"preset:new-user"_s, u"--device"_s,
                 u"android 360x800"_s, u"--page=pages/a/a?x=1"_s, u"--api-version=v1"_s,
                 u"--env-version=trial"_s, u"--code2session-port=0"_s});
    REQUIRE(result.isOk());
    const CommandLine &commandLine = result.commandLine;
    CHECK(commandLine.subcommand == Subcommand::Auto);
    CHECK(commandLine.headless);
    CHECK(commandLine.scenario == u"preset:new-user"_s);
    CHECK(commandLine.device == u"Android 360x800"_s);
    CHECK(commandLine.page == u"pages/a/a"_s);
    CHECK(commandLine.pageQuery == u"x=1"_s);
    CHECK(commandLine.apiVersion == u"v1"_s);
    CHECK(commandLine.envVersion == u"trial"_s);
    CHECK(commandLine.code2sessionPort == 0);
}

TEST_CASE("command line: auto rejects unknown options and positional arguments")
{
    const ProjectFolders folders;
    const QStringList valid{u"auto"_s, u"--project"_s, folders.project(), u"--auto-port"_s,
                            u"9420"_s};
    CHECK(errorOf(valid + QStringList{u"--bogus"_s}) == u"unknown option '--bogus' for 'mpsim auto'"_s);
    CHECK(errorOf(valid + QStringList{u"--version"_s})
          == u"unknown option '--version' for 'mpsim auto'"_s);
    CHECK(errorOf(valid + QStringList{u"--trust-project=yes"_s})
          == u"option '--trust-project' does not take a value"_s);
    CHECK(errorOf(valid + QStringList{u"extra"_s}) == u"unexpected argument 'extra'"_s);
}

// --- Help, version, error line -------------------------------------------------------------

TEST_CASE("command line: the error line is one line with a hint towards --help")
{
    const QString line = mpsim::app::commandLineErrorLine(u"unknown option '--bogus'"_s);
    CHECK(line == u"mpsim: unknown option '--bogus' (try 'mpsim --help')"_s);
    CHECK_FALSE(line.contains(u'\n'));
    CHECK(mpsim::app::CommandLineErrorExitCode == 2);
}

TEST_CASE("command line: the help text documents every option and subcommand on a line of its own")
{
    const QString help = mpsim::app::commandLineHelpText();
    CHECK(help.startsWith(u"Usage: mpsim"_s));
    const QStringList lines = help.split(u'\n');
    const QStringList documented{u"PROJECT_DIR "_s,
                                 u"--page PATH[?QUERY] "_s,
                                 u"--device NAME "_s,
                                 u"--api-version v1|v2 "_s,
                                 u"--env-version ENV "_s,
                                 u"--headless "_s,
                                 u"--code2session-port N "_s,
                                 u"--auto-port N "_s,
                                 u"--scenario FILE "_s,
                                 u"--version "_s,
                                 u"-h, --help "_s,
                                 u"compile ARGUMENTS... "_s,
                                 u"auto --project DIR --auto-port N "_s};
    for (const QString &entry : documented) {
        CAPTURE(entry);
        CHECK(std::count_if(lines.cbegin(), lines.cend(),
                            [&](const QString &line) { return line.startsWith(u"  "_s + entry); })
              == 1);
    }
    for (const QString &word : {u"develop"_s, u"trial"_s, u"release"_s, u"v1"_s, u"v2"_s})
        CHECK(help.contains(word));
    for (const DevicePreset &preset : DevicePreset::all())
        CHECK(help.contains(preset.name));
}

TEST_CASE("command line: the version text names the program and its version")
{
    CHECK(mpsim::app::versionText() == u"mpsim " MPSIM_VERSION ""_s);
}
