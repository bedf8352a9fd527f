#include "catchqt.h"

#include "buildinfo.h"
#include "cli/commandline.h"

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;
using mpsim::app::CommandLineResult;
using mpsim::app::parseCommandLine;

namespace {

CommandLineResult parse(QStringList arguments)
{
    arguments.prepend(u"mpsim"_s);
    return parseCommandLine(arguments);
}

} // namespace

TEST_CASE("command line: no arguments opens the window")
{
    const CommandLineResult result = parse({});
    REQUIRE(result.isOk());
    CHECK_FALSE(result.commandLine.headless);
    CHECK_FALSE(result.commandLine.showHelp);
    CHECK_FALSE(result.commandLine.showVersion);
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

TEST_CASE("command line: an unknown option is an error naming it")
{
    const CommandLineResult result = parse({u"--headless"_s, u"--bogus"_s});
    REQUIRE_FALSE(result.isOk());
    CHECK(result.error == u"unknown option '--bogus'"_s);
}

TEST_CASE("command line: an unknown option with a value is named without the value")
{
    const CommandLineResult result = parse({u"--port=9420"_s});
    REQUIRE_FALSE(result.isOk());
    CHECK(result.error == u"unknown option '--port'"_s);
}

TEST_CASE("command line: a single-dash Qt option is unknown")
{
    const CommandLineResult result = parse({u"-platform"_s, u"xcb"_s});
    REQUIRE_FALSE(result.isOk());
    CHECK(result.error == u"unknown option '-platform'"_s);
}

TEST_CASE("command line: a switch given a value is an error naming it")
{
    const CommandLineResult result = parse({u"--headless=yes"_s});
    REQUIRE_FALSE(result.isOk());
    CHECK(result.error == u"option '--headless' does not take a value"_s);
}

TEST_CASE("command line: an extra positional argument is an error naming it")
{
    const CommandLineResult result = parse({u"--headless"_s, u"some/project"_s});
    REQUIRE_FALSE(result.isOk());
    CHECK(result.error == u"unexpected argument 'some/project'"_s);
}

TEST_CASE("command line: after -- an option-like word is a positional argument")
{
    const CommandLineResult result = parse({u"--"_s, u"--version"_s});
    REQUIRE_FALSE(result.isOk());
    CHECK(result.error == u"unexpected argument '--version'"_s);
}

TEST_CASE("command line: the error line is one line with a hint towards --help")
{
    const QString line = mpsim::app::commandLineErrorLine(u"unknown option '--bogus'"_s);
    CHECK(line == u"mpsim: unknown option '--bogus' (try 'mpsim --help')"_s);
    CHECK_FALSE(line.contains(u'\n'));
    CHECK(mpsim::app::CommandLineErrorExitCode == 2);
}

TEST_CASE("command line: the help text lists every option")
{
    const QString help = mpsim::app::commandLineHelpText();
    CHECK(help.startsWith(u"Usage: mpsim"_s));
    for (const QString &option : {u"--headless"_s, u"--version"_s, u"--help"_s})
        CHECK(help.contains(option));
}

TEST_CASE("command line: the version text names the program and its version")
{
    CHECK(mpsim::app::versionText() == u"mpsim " MPSIM_VERSION ""_s);
}
