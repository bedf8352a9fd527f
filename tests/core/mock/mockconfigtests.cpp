// project.config.json's mockConfig block: reading it, and writing rules back
// so that every byte outside the block (and every key mpsim does not know)
// stays as it was.

#include "mock/projectconfigfile.h"
#include "util/atomicfile.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <random>

using namespace mpsim::core;
namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

const fs::path dataDir = fs::path(MPSIM_TEST_DATA_DIR) / "mock";

std::string fixture(const std::string &name)
{
    auto text = readWholeFile(dataDir / name);
    REQUIRE(text.ok());
    return text.value();
}

ProjectConfigFile parsed(std::string text)
{
    auto file = ProjectConfigFile::parse(std::move(text), "project.config.json");
    INFO((file.ok() ? std::string() : file.error().toString()));
    REQUIRE(file.ok());
    return std::move(file).value();
}

// A fresh temporary folder per test, removed afterwards.
struct TempDir
{
    fs::path path;
    TempDir()
    {
        std::random_device random;
        path = fs::temp_directory_path() / ("mpsim-mock-test-" + std::to_string(random()));
        fs::create_directories(path);
    }
    ~TempDir()
    {
        std::error_code ignored;
        fs::remove_all(path, ignored);
    }
};

} // namespace

TEST_CASE("mockConfig: the Super App IDE's block is read with its rules")
{
    const ProjectConfigFile file = parsed(fixture("project.config.json"));
    REQUIRE(file.hasMockConfig());
    const MockConfig &config = file.mockConfig();
    CHECK(config.rules.globalOpen);
    REQUIRE(config.rules.rules.size() == 2);
    CHECK(config.rules.rules[0].apiName == "invokeNativePlugin");
    CHECK(config.rules.rules[0].returnType == MockReturnType::Fail);
    CHECK_FALSE(config.rules.rules[1].enable);
    CHECK(config.rules.rules[1].filterList[0].propRegString == "^\\d+$");
    CHECK(config.original.at("ideMockPanelWidth") == 320);
    CHECK(config.rules.problems().empty());

    const auto match = config.rules.match("invokeNativePlugin", json::object());
    REQUIRE(match);
    CHECK_FALSE(match->reply.ok);
    CHECK(match->reply.result == json{{"errMsg", "VVV"}});
}

TEST_CASE("mockConfig: editing one rule changes only that rule's bytes in the file")
{
    const ProjectConfigFile file = parsed(fixture("project.config.json"));
    MockConfig config = file.mockConfig();
    config.rules.rules[1].enable = true;
    CHECK(file.withRules(config) == fixture("project.config.edited.json"));

    // And the edited file reads back with every unknown key.
    const ProjectConfigFile again = parsed(file.withRules(config));
    CHECK(again.mockConfig().rules.rules[1].enable);
    CHECK(again.mockConfig().rules.rules[1].toJson().at("ideRuleColor") == "#ff0000");
    CHECK(again.mockConfig().rules.rules[1].toJson().at("filterList").at(0).at("ideFilterFlag") == 1);
    CHECK(again.mockConfig().original.at("ideMockPanelWidth") == 320);
}

TEST_CASE("mockConfig: saving unchanged rules leaves even odd formatting untouched")
{
    const std::string text =
        "{\"a\":1,  \"mockConfig\" :{\"globalOpen\":false,\"rules\":[ {\"ruleName\":\"n\","
        "\"ruleId\":\"i\",\"apiName\":\"login\",\"enable\":true,\"mockType\":\"API\","
        "\"returnType\":\"success\",\"resStr\":\"{}\",\"filterList\":[],\"verifyFail\":false,"
        "\"x\":null} ]}\n}";
    const ProjectConfigFile file = parsed(text);
    CHECK_FALSE(file.mockConfig().rules.globalOpen);
    CHECK(file.withRules(file.mockConfig()) == text);

    // A rule missing keys gains the IDE's full shape; the bytes around the value stay.
    const std::string sparse = "{\"a\":1,  \"mockConfig\" :{\"rules\":[{\"apiName\":\"login\"}]}\n}";
    const ProjectConfigFile sparseFile = parsed(sparse);
    const std::string written = sparseFile.withRules(sparseFile.mockConfig());
    CHECK(written.substr(0, 23) == sparse.substr(0, 23));
    CHECK(written.substr(written.size() - 2) == "\n}");
    CHECK(written.find("\"verifyFail\": false") != std::string::npos);
}

TEST_CASE("mockConfig: a file without the block gets it as its last key, 2-space indented")
{
    const std::string text = "{\n  \"appid\": \"wx1\",\n  \"setting\": {\"es6\": true}\n}\n";
    const ProjectConfigFile file = parsed(text);
    CHECK_FALSE(file.hasMockConfig());
    CHECK(file.mockConfig().rules.rules.empty());
    MockConfig config;
    MockRule rule = MockRule::create("login", "r");
    rule.ruleId = "id";
    config.rules.rules.push_back(rule);
    const std::string expected = "{\n  \"appid\": \"wx1\",\n  \"setting\": {\"es6\": true},\n"
                                 "  \"mockConfig\": {\n"
                                 "    \"globalOpen\": true,\n"
                                 "    \"rules\": [\n"
                                 "      {\n"
                                 "        \"ruleName\": \"r\",\n"
                                 "        \"ruleId\": \"id\",\n"
                                 "        \"apiName\": \"login\",\n"
                                 "        \"enable\": true,\n"
                                 "        \"mockType\": \"API\",\n"
                                 "        \"returnType\": \"success\",\n"
                                 "        \"resStr\": \"{}\",\n"
                                 "        \"filterList\": [\n"
                                 "          {\n"
                                 "            \"propName\": \"\",\n"
                                 "            \"propRegString\": \"\",\n"
                                 "            \"matchType\": \"string\"\n"
                                 "          }\n"
                                 "        ],\n"
                                 "        \"verifyFail\": false\n"
                                 "      }\n"
                                 "    ]\n"
                                 "  }\n"
                                 "}\n";
    CHECK(file.withRules(config) == expected);
    CHECK(parsed(expected).mockConfig().rules.rules.at(0).apiName == "login");
}

TEST_CASE("mockConfig: the file's indentation, line endings and byte order mark are kept")
{
    const std::string empty = "\xEF\xBB\xBF{}";
    CHECK(parsed(empty).withRules(MockConfig{})
          == "\xEF\xBB\xBF{\n  \"mockConfig\": {\n    \"globalOpen\": true,\n    \"rules\": []\n  }\n}");

    const std::string crlf = "{\r\n    \"appid\": \"wx1\"\r\n}\r\n";
    CHECK(parsed(crlf).withRules(MockConfig{})
          == "{\r\n    \"appid\": \"wx1\",\r\n    \"mockConfig\": {\r\n        \"globalOpen\": true,"
             "\r\n        \"rules\": []\r\n    }\r\n}\r\n");

    const std::string tabs = "{\n\t\"mockConfig\": {\"rules\": []},\n\t\"z\": [1, 2]\n}";
    CHECK(parsed(tabs).withRules(MockConfig{})
          == "{\n\t\"mockConfig\": {\n\t\t\"globalOpen\": true,\n\t\t\"rules\": []\n\t},\n\t\"z\": [1, 2]\n}");
}

TEST_CASE("mockConfig: a string holding braces or an escaped quote does not confuse the scanner")
{
    const std::string text = R"({"x": "}{\"mockConfig\": 1", "mockConfig": {"globalOpen": false, "rules": []}, "y": "]"})";
    const ProjectConfigFile file = parsed(text);
    REQUIRE(file.hasMockConfig());
    CHECK_FALSE(file.mockConfig().rules.globalOpen);
    MockConfig config = file.mockConfig();
    config.rules.globalOpen = true;
    CHECK(file.withRules(config)
          == "{\"x\": \"}{\\\"mockConfig\\\": 1\", \"mockConfig\": {\n  \"globalOpen\": true,\n  "
             "\"rules\": []\n}, \"y\": \"]\"}");
}

TEST_CASE("mockConfig: removing and adding rules keeps the other rules' unknown keys")
{
    const ProjectConfigFile file = parsed(fixture("project.config.json"));
    MockConfig config = file.mockConfig();
    config.rules.rules.erase(config.rules.rules.begin());
    config.rules.rules.push_back(MockRule::create("getSetting"));
    const ProjectConfigFile again = parsed(file.withRules(config));
    REQUIRE(again.mockConfig().rules.rules.size() == 2);
    CHECK(again.mockConfig().rules.rules[0].toJson().at("ideRuleColor") == "#ff0000");
    CHECK(again.mockConfig().rules.rules[1].apiName == "getSetting");
    // Outside the block nothing moved.
    const std::string before = file.text();
    const std::string after = again.text();
    const auto start = before.find("  \"mockConfig\"");
    CHECK(after.substr(0, start) == before.substr(0, start));
    const auto tail = before.find("  \"condition\"");
    CHECK(after.substr(after.size() - (before.size() - tail)) == before.substr(tail));
}

TEST_CASE("mockConfig: broken files and wrong types are errors with a location")
{
    auto syntax = ProjectConfigFile::parse("{\n  \"appid\": \"x\",\n}", "project.config.json");
    REQUIRE_FALSE(syntax.ok());
    CHECK(syntax.error().location == "project.config.json:3:1");

    auto type = ProjectConfigFile::parse(R"({"mockConfig": {"rules": [{"enable": 1}]}})",
                                         "project.config.json");
    REQUIRE_FALSE(type.ok());
    CHECK(type.error().location == "project.config.json:/mockConfig/rules/0/enable");

    auto notObject = ProjectConfigFile::parse(R"({"mockConfig": []})", "p.json");
    REQUIRE_FALSE(notObject.ok());
    CHECK(notObject.error().location == "p.json:/mockConfig");

    auto array = ProjectConfigFile::parse("[]", "p.json");
    REQUIRE_FALSE(array.ok());
}

TEST_CASE("mockConfig: saving rules rewrites the file atomically and re-reads it first")
{
    TempDir dir;
    const fs::path path = dir.path / "project.config.json";
    REQUIRE(writeFileAtomically(path, fixture("project.config.json")).ok());
    auto loaded = ProjectConfigFile::load(path);
    REQUIRE(loaded.ok());
    MockConfig config = loaded->mockConfig();
    config.rules.rules[1].enable = true;

    REQUIRE(ProjectConfigFile::saveRules(path, config).ok());
    CHECK(readWholeFile(path).value() == fixture("project.config.edited.json"));
    // Only the file itself is in the folder: no temporary left behind.
    CHECK(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator()) == 1);

    // A key another tool added meanwhile survives the next save.
    std::string changed = readWholeFile(path).value();
    changed.insert(changed.find("\"compileType\""), "\"addedByIde\": 1,\n  ");
    REQUIRE(writeFileAtomically(path, changed).ok());
    config.rules.globalOpen = false;
    REQUIRE(ProjectConfigFile::saveRules(path, config).ok());
    const std::string saved = readWholeFile(path).value();
    CHECK(saved.find("\"addedByIde\": 1,") != std::string::npos);
    CHECK(saved.find("\"globalOpen\": false") != std::string::npos);

    // A broken file is reported and left as it is.
    REQUIRE(writeFileAtomically(path, "{ broken").ok());
    auto failed = ProjectConfigFile::saveRules(path, config);
    REQUIRE_FALSE(failed.ok());
    CHECK(readWholeFile(path).value() == "{ broken");
}
