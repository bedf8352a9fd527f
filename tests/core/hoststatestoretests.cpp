// Host state persistence: atomic writes, corrupt files kept, state across runs.

#include "testhost.h"

#include "util/atomicfile.h"

#include <filesystem>
#include <fstream>
#include <random>
#include <sys/stat.h>
#include <unistd.h>

using namespace mpsim::core;
using namespace mpsim::core::test;
namespace fs = std::filesystem;

namespace {

// A fresh temporary folder per test, removed afterwards.
struct TempDir
{
    fs::path path;
    TempDir()
    {
        std::random_device random;
        path = fs::temp_directory_path() / ("mpsim-test-" + std::to_string(random()));
        fs::create_directories(path);
    }
    ~TempDir()
    {
        std::error_code ec;
        fs::permissions(path, fs::perms::owner_all, ec);
        fs::remove_all(path, ec);
    }
};

std::string slurp(const fs::path &path)
{
    auto text = readWholeFile(path);
    REQUIRE(text.ok());
    return text.value();
}

std::vector<std::string> namesIn(const fs::path &folder)
{
    std::vector<std::string> names;
    for (const auto &entry : fs::directory_iterator(folder))
        names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

} // namespace

TEST_CASE("persistence: atomic write replaces the file and leaves no temporary behind")
{
    TempDir dir;
    const auto file = dir.path / "sub" / "state.json";
    REQUIRE(writeFileAtomically(file, "first").ok());
    REQUIRE(writeFileAtomically(file, "second").ok());
    CHECK(slurp(file) == "second");
    CHECK(namesIn(dir.path / "sub") == std::vector<std::string>{"state.json"});
}

TEST_CASE("persistence: a failed write leaves the old file untouched and says why")
{
    if (::geteuid() == 0) {
        // root writes through permissions: make the target a folder instead,
        // which no one can rename a file over.
        TempDir dir;
        const auto file = dir.path / "state.json";
        fs::create_directories(file / "inner");
        auto written = writeFileAtomically(file, "new");
        CHECK_FALSE(written.ok());
        CHECK(written.error().location == file.string());
        CHECK(fs::is_directory(file));
        CHECK(namesIn(dir.path) == std::vector<std::string>{"state.json"});
        return;
    }
    TempDir dir;
    const auto file = dir.path / "state.json";
    REQUIRE(writeFileAtomically(file, "old").ok());
    fs::permissions(dir.path, fs::perms::owner_read | fs::perms::owner_exec);
    auto written = writeFileAtomically(file, "new");
    fs::permissions(dir.path, fs::perms::owner_all);
    CHECK_FALSE(written.ok());
    CHECK(written.error().message.find("cannot write") != std::string::npos);
    CHECK(slurp(file) == "old");
}

TEST_CASE("persistence: host state survives a restart")
{
    TempDir dir;
    ManualClock clock;
    std::string code;
    {
        HostStateStore store(dir.path);
        ApiCore core(store, clock);
        core.setHostProfile(HostProfile::parse(R"({"authorize": {"default": "allow"}})").value());
        CallContext context{TestHost::appid, {}, false};
        core.invoke("authorize", {{"scope", "scope.camera"}}, context, [](ApiReply) {});
        core.invoke("login", {}, context, [&](ApiReply reply) { code = reply.result.at("code"); });
        store.state(TestHost::appid).keepSubscriptionDecision("T1", "accept");
        store.markChanged(TestHost::appid);
    }
    HostStateStore store(dir.path);
    ApiCore core(store, clock);
    HostState &state = store.state(TestHost::appid);
    CHECK(state.scope("scope.camera") == ScopeState::Granted);
    CHECK(state.subscriptionDecisions().at("T1") == "accept");
    CHECK(state.sessionValid(clock.nowMs()));
    CHECK(core.exchangeCode(TestHost::appid, "", code).errcode == 0);
    CHECK(core.exchangeCode(TestHost::appid, "", code).errcode == 40163);
}

TEST_CASE("persistence: a corrupt state file gives defaults, a clear error and a .corrupt copy")
{
    TempDir dir;
    HostStateStore store(dir.path);
    const auto file = store.fileFor(TestHost::appid);
    const std::string garbage = "{\"scopes\": {\"scope.camera\": tru";
    REQUIRE(writeFileAtomically(file, garbage).ok());

    std::vector<Error> problems;
    store.setProblemHandler([&](const Error &error) { problems.push_back(error); });
    HostState &state = store.state(TestHost::appid);
    CHECK(state.authSetting().empty());
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].location == file.string());
    CHECK(problems[0].message.find("invalid JSON") != std::string::npos);
    CHECK(problems[0].message.find(".corrupt") != std::string::npos);

    auto corrupt = file;
    corrupt += ".corrupt";
    CHECK(slurp(corrupt) == garbage);
    // The next save writes a valid file; the user's bytes stay in the copy.
    state.setScope("scope.record", ScopeState::Granted);
    store.markChanged(TestHost::appid);
    CHECK(nlohmann::json::parse(slurp(file)).at("scopes").at("scope.record") == "granted");
    CHECK(slurp(corrupt) == garbage);
}

TEST_CASE("persistence: a second corrupt file does not overwrite the first copy")
{
    TempDir dir;
    {
        HostStateStore store(dir.path);
        REQUIRE(writeFileAtomically(store.fileFor("a"), "first garbage").ok());
        store.state("a");
    }
    HostStateStore store(dir.path);
    REQUIRE(writeFileAtomically(store.fileFor("a"), R"({"scopes": {"x": "maybe"}})").ok());
    std::vector<Error> problems;
    store.setProblemHandler([&](const Error &error) { problems.push_back(error); });
    store.state("a");
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].message.find("/scopes/x") != std::string::npos);
    CHECK(slurp(dir.path / "a.json.corrupt") == "first garbage");
    CHECK(slurp(dir.path / "a.json.corrupt.1") == R"({"scopes": {"x": "maybe"}})");
}

TEST_CASE("persistence: deferred mode writes on flush only")
{
    TempDir dir;
    HostStateStore store(dir.path, HostStateStore::WriteMode::Deferred);
    store.state("a").setScope("scope.camera", ScopeState::Granted);
    store.markChanged("a");
    CHECK_FALSE(fs::exists(store.fileFor("a")));
    REQUIRE(store.flush().ok());
    CHECK(fs::exists(store.fileFor("a")));
}

TEST_CASE("persistence: an appid cannot name a file outside the state folder")
{
    TempDir dir;
    HostStateStore store(dir.path);
    for (const char *appid : {"../../etc/passwd", "/abs", "a/b", "..", ""}) {
        INFO(appid);
        const auto file = store.fileFor(appid);
        CHECK(file.parent_path() == dir.path);
        CHECK(file.filename().string().find('/') == std::string::npos);
        CHECK(file.filename() != "..");
    }
}

TEST_CASE("persistence: reset forgets an appid on disk and in memory")
{
    TempDir dir;
    HostStateStore store(dir.path);
    store.state("a").setScope("scope.camera", ScopeState::Granted);
    store.markChanged("a");
    store.reset("a");
    CHECK_FALSE(fs::exists(store.fileFor("a")));
    CHECK(store.state("a").authSetting().empty());
}
