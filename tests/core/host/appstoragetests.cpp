// AppStorage and the storage part of the host state file.

#include "../testhost.h"

#include "host/appstorage.h"
#include "host/hoststate.h"

using namespace mpsim::core;
using json = nlohmann::json;

TEST_CASE("app storage: sizes, replacement and limits")
{
    AppStorage storage;
    CHECK(storage.empty());
    CHECK(storage.set("a", "12345") == AppStorage::SetOutcome::Stored);
    CHECK(storage.currentSize() == 6);
    CHECK(storage.set("a", json{{"k", true}}) == AppStorage::SetOutcome::Stored);
    CHECK(storage.currentSize() == 1 + std::string(R"({"k":true})").size());
    CHECK(storage.count() == 1);
    CHECK(*storage.find("a") == json{{"k", true}});
    CHECK(storage.find("b") == nullptr);
    CHECK(storage.currentSizeKB() == 1);
    CHECK(storage.set("big", std::string(AppStorage::maxEntrySize, 'x'))
          == AppStorage::SetOutcome::EntryTooLarge);
    CHECK(storage.count() == 1);
    CHECK(storage.remove("a"));
    CHECK_FALSE(storage.remove("a"));
    CHECK(storage.currentSize() == 0);
    CHECK(storage.currentSizeKB() == 0);
}

TEST_CASE("app storage: the host state file keeps storage with its types")
{
    HostState state;
    state.storage().set("s", "text");
    state.storage().set("n", 1.25);
    state.storage().set("o", {{"list", {1, nullptr, false}}});
    const json file = state.toJson();
    CHECK(file.at("storage") == json{{"s", "text"}, {"n", 1.25}, {"o", {{"list", {1, nullptr, false}}}}});

    auto loaded = HostState::fromJson(file);
    REQUIRE(loaded.ok());
    CHECK(loaded->storage().toJson() == file.at("storage"));
    CHECK(loaded->storage().currentSize() == state.storage().currentSize());

    // An empty storage is left out of the file.
    CHECK_FALSE(HostState().toJson().contains("storage"));

    // Files written before storage existed still load.
    json old = file;
    old.erase("storage");
    auto older = HostState::fromJson(old);
    REQUIRE(older.ok());
    CHECK(older->storage().empty());

    json bad = file;
    bad["storage"] = json::array();
    auto rejected = HostState::fromJson(bad);
    REQUIRE_FALSE(rejected.ok());
    CHECK(rejected.error().location == "/storage");
}
