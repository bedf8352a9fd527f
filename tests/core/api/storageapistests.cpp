// wx.setStorage / getStorage / removeStorage / clearStorage / getStorageInfo
// and their Sync forms; the storage in the sync snapshot.

#include "everydayhost.h"

#include <filesystem>
#include <random>

using namespace mpsim::core;
using namespace mpsim::core::test;
using json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

struct TempDir
{
    fs::path path;
    TempDir()
    {
        std::random_device random;
        path = fs::temp_directory_path() / ("mpsim-storage-test-" + std::to_string(random()));
        fs::create_directories(path);
    }
    ~TempDir()
    {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

// A string whose entry (key + data) is exactly `size` UTF-16 units long.
std::string filler(const std::string &key, std::size_t size)
{
    return std::string(size - key.size(), 'x');
}

} // namespace

TEST_CASE("storage: data keeps its type through setStorage and getStorage")
{
    EverydayHost host;
    const std::vector<json> values{"text",         "",          42,         -1.5,
                                   true,           false,       nullptr,    json::array({1, "two"}),
                                   json{{"a", {{"b", json::array()}}}}};
    for (std::size_t i = 0; i < values.size(); ++i) {
        INFO(values[i].dump());
        const std::string key = "k" + std::to_string(i);
        CHECK(host.now("setStorage", {{"key", key}, {"data", values[i]}}).result
              == json{{"errMsg", "setStorage:ok"}});
        const ApiReply got = host.now("getStorage", {{"key", key}});
        REQUIRE(got.ok);
        CHECK(got.result == json{{"data", values[i]}, {"errMsg", "getStorage:ok"}});
        CHECK(got.result.at("data").type() == values[i].type());
    }
}

TEST_CASE("storage: a missing key fails getStorage, getStorageSync reads it as ''")
{
    EverydayHost host;
    const ApiReply missing = host.now("getStorage", {{"key", "nothing"}});
    CHECK_FALSE(missing.ok);
    CHECK(missing.result.at("errMsg") == "getStorage:fail data not found");
    CHECK(missing.result.at("errno").is_number());
    const ApiReply sync = host.sync("getStorageSync", "nothing");
    CHECK(sync.ok);
    CHECK(sync.result == "");
}

TEST_CASE("storage: the key must be a string")
{
    EverydayHost host;
    CHECK(host.now("setStorage", {{"key", 1}, {"data", "x"}}).result.at("errMsg")
          == "setStorage:fail parameter error: parameter.key should be String instead of Number;");
    CHECK(host.now("setStorage", {{"data", "x"}}).result.at("errMsg")
          == "setStorage:fail parameter error: parameter.key should be String instead of "
             "Undefined;");
    CHECK(host.now("getStorage").result.at("errMsg")
          == "getStorage:fail parameter error: parameter.key should be String instead of "
             "Undefined;");
    CHECK(host.now("removeStorage", {{"key", json::array()}}).result.at("errMsg")
          == "removeStorage:fail parameter error: parameter.key should be String instead of "
             "Array;");
    const ApiReply sync = host.sync("setStorageSync", json::array({7, "x"}));
    CHECK_FALSE(sync.ok);
    CHECK(sync.result.at("errMsg")
          == "setStorageSync:fail parameter error: parameter.key should be String instead of "
             "Number;");
    CHECK(host.sync("getStorageSync", 3).result.at("errMsg")
          == "getStorageSync:fail parameter error: parameter.key should be String instead of "
             "Number;");
    CHECK(host.sync("removeStorageSync").result.at("errMsg")
          == "removeStorageSync:fail parameter error: parameter.key should be String instead of "
             "Undefined;");
    CHECK(host.state().storage().empty());
}

TEST_CASE("storage: absent data is stored as an empty string")
{
    EverydayHost host;
    CHECK(host.now("setStorage", {{"key", "k"}}).ok);
    CHECK(host.now("getStorage", {{"key", "k"}}).result.at("data") == "");
    CHECK(host.sync("setStorageSync", json::array({"s"})).ok);
    CHECK(host.sync("getStorageSync", "s").result == "");
}

TEST_CASE("storage: removeStorage, clearStorage and getStorageInfo")
{
    EverydayHost host;
    CHECK(host.now("getStorageInfo").result
          == json{{"keys", json::array()},
                  {"currentSize", 0},
                  {"limitSize", 10240},
                  {"errMsg", "getStorageInfo:ok"}});
    host.now("setStorage", {{"key", "b"}, {"data", "2"}});
    host.now("setStorage", {{"key", "a"}, {"data", std::string(3000, 'y')}});
    const json info = host.now("getStorageInfo").result;
    CHECK(info.at("keys") == json{"a", "b"});
    CHECK(info.at("currentSize") == 3); // (1 + 3000 + 1 + 1) units, in KB rounded up
    CHECK(info.at("limitSize") == 10240);

    CHECK(host.now("removeStorage", {{"key", "a"}}).result == json{{"errMsg", "removeStorage:ok"}});
    // Removing a key that holds nothing still succeeds.
    CHECK(host.now("removeStorage", {{"key", "a"}}).ok);
    CHECK(host.now("getStorageInfo").result.at("keys") == json{"b"});
    CHECK(host.now("clearStorage").result == json{{"errMsg", "clearStorage:ok"}});
    CHECK(host.now("getStorageInfo").result.at("keys") == json::array());
    CHECK(host.sync("getStorageInfoSync").result
          == json{{"keys", json::array()}, {"currentSize", 0}, {"limitSize", 10240}});
}

TEST_CASE("storage: one entry holds at most 1 MB")
{
    EverydayHost host;
    const std::string key = "big";
    CHECK(host.now("setStorage", {{"key", key}, {"data", filler(key, 1024 * 1024)}}).ok);
    const ApiReply tooBig
        = host.now("setStorage", {{"key", key}, {"data", filler(key, 1024 * 1024 + 1)}});
    CHECK_FALSE(tooBig.ok);
    CHECK(tooBig.result.at("errMsg") == "setStorage:fail:entry size limit reached");
    // The old value stays.
    CHECK(host.now("getStorage", {{"key", key}}).result.at("data").get<std::string>().size()
          == 1024 * 1024 - key.size());
    // Sizes count UTF-16 units: a Chinese character is one, an emoji two.
    CHECK(AppStorage::entrySize("k", "\xE4\xBD\xA0") == 2);
    CHECK(AppStorage::entrySize("k", "\xF0\x9F\x98\x80") == 3);
    CHECK(AppStorage::entrySize("k", json{{"a", 1}}) == 1 + 7);
    const ApiReply sync
        = host.sync("setStorageSync", {{"key", "s"}, {"data", filler("s", 1024 * 1024 + 1)}});
    CHECK(sync.result.at("errMsg") == "setStorageSync:fail:entry size limit reached");
}

TEST_CASE("storage: all entries together hold at most 10 MB")
{
    EverydayHost host;
    for (int i = 0; i < 10; ++i) {
        const std::string key = "part" + std::to_string(i);
        REQUIRE(host.now("setStorage", {{"key", key}, {"data", filler(key, 1024 * 1024)}}).ok);
    }
    CHECK(host.now("getStorageInfo").result.at("currentSize") == 10240);
    const ApiReply full = host.now("setStorage", {{"key", "one more"}, {"data", "x"}});
    CHECK_FALSE(full.ok);
    CHECK(full.result.at("errMsg") == "setStorage:fail exceed storage max size 10Mb");
    CHECK(host.sync("setStorageSync", json::array({"one more", "x"})).result.at("errMsg")
          == "setStorageSync:fail exceed storage max size 10Mb");
    // Replacing an entry counts only what it adds.
    CHECK(host.now("setStorage", {{"key", "part0"}, {"data", "small"}}).ok);
    CHECK(host.now("setStorage", {{"key", "one more"}, {"data", "x"}}).ok);
}

TEST_CASE("storage: the Sync forms read and write the same storage")
{
    EverydayHost host;
    CHECK(host.sync("setStorageSync", json::array({"a", json{{"n", 1}}})).ok);
    CHECK(host.sync("setStorageSync", {{"key", "b"}, {"data", false}}).ok);
    CHECK(host.now("getStorage", {{"key", "a"}}).result.at("data") == json{{"n", 1}});
    CHECK(host.sync("getStorageSync", "b").result == false);
    CHECK(host.sync("getStorageSync", {{"key", "a"}}).result == json{{"n", 1}});
    CHECK(host.sync("removeStorageSync", "a").ok);
    CHECK(host.sync("getStorageInfoSync").result.at("keys") == json{"b"});
    CHECK(host.sync("clearStorageSync").ok);
    CHECK(host.state().storage().empty());
}

TEST_CASE("storage: Sync writes sent through the async entry (the facade's write-through) answer an object")
{
    EverydayHost host;
    const ApiReply set = host.now("setStorageSync", {{"key", "k"}, {"data", json::array({1})}});
    CHECK(set.ok);
    CHECK(set.result == json{{"errMsg", "setStorageSync:ok"}});
    CHECK(host.now("removeStorageSync", {{"key", "nothing"}}).result
          == json{{"errMsg", "removeStorageSync:ok"}});
    const ApiReply full
        = host.now("setStorageSync", {{"key", "k"}, {"data", filler("k", 1024 * 1024 + 1)}});
    CHECK_FALSE(full.ok);
    CHECK(full.result.at("errMsg") == "setStorageSync:fail:entry size limit reached");
    CHECK(host.now("clearStorageSync").result == json{{"errMsg", "clearStorageSync:ok"}});
}

TEST_CASE("storage: each appid has its own storage, clearing authorization keeps it")
{
    EverydayHost host;
    host.now("setStorage", {{"key", "k"}, {"data", "mine"}});
    CallContext other{"wxother", {}, false};
    std::optional<ApiReply> reply;
    host.core.invoke("getStorage", {{"key", "k"}}, other, [&](ApiReply r) { reply = r; });
    REQUIRE(reply);
    CHECK(reply->result.at("errMsg") == "getStorage:fail data not found");
    host.state().clearAuthorization();
    CHECK(host.now("getStorage", {{"key", "k"}}).result.at("data") == "mine");
}

TEST_CASE("storage: the snapshot holds the storage and writes tell the snapshot observer")
{
    EverydayHost host;
    CHECK(host.snapshot().at("storage") == json::object());
    host.now("setStorage", {{"key", "k"}, {"data", {{"x", 1}}}});
    host.sync("setStorageSync", json::array({"s", 2}));
    CHECK(host.snapshot().at("storage") == json{{"k", {{"x", 1}}}, {"s", 2}});
    CHECK(host.snapshotChanges == std::vector<std::string>(2, TestHost::appid));

    // Reads, failed writes and removals of nothing change nothing.
    host.now("getStorage", {{"key", "k"}});
    host.now("getStorageInfo");
    host.now("removeStorage", {{"key", "nothing"}});
    host.now("setStorage", {{"key", "big"}, {"data", filler("big", 1024 * 1024 + 1)}});
    CHECK(host.snapshotChanges.size() == 2);

    host.now("removeStorage", {{"key", "k"}});
    host.now("clearStorage");
    host.now("clearStorage");
    CHECK(host.snapshotChanges.size() == 4);
    CHECK(host.snapshot().at("storage") == json::object());
}

TEST_CASE("storage: persists across a reload of the host state store")
{
    TempDir dir;
    const json data{{"list", {1, 2, 3}}, {"name", "Lin"}, {"vip", true}};
    {
        ManualClock clock;
        HostStateStore store(dir.path);
        ApiCore core(store, clock);
        std::optional<ApiReply> reply;
        core.invoke("setStorage", {{"key", "profile"}, {"data", data}},
                    CallContext{TestHost::appid, {}, false}, [&](ApiReply r) { reply = r; });
        REQUIRE(reply);
        REQUIRE(reply->ok);
        (void)core.invokeSync("setStorageSync", json::array({"count", 7}),
                              CallContext{TestHost::appid, {}, false});
    }
    {
        ManualClock clock;
        HostStateStore store(dir.path);
        ApiCore core(store, clock);
        std::optional<ApiReply> reply;
        core.invoke("getStorage", {{"key", "profile"}}, CallContext{TestHost::appid, {}, false},
                    [&](ApiReply r) { reply = r; });
        REQUIRE(reply);
        CHECK(reply->result.at("data") == data);
        CHECK(core.invokeSync("getStorageSync", "count", CallContext{TestHost::appid, {}, false})
                  .result
              == 7);
        CHECK(store.state(TestHost::appid).storage().currentSize()
              == AppStorage::entrySize("profile", data) + AppStorage::entrySize("count", 7));
    }
}
