#pragma once

#include "host/hostprofile.h"
#include "host/hoststate.h"
#include "mock/mockrules.h"
#include "util/result.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace mpsim::core {

// A scenario: the host profile, mock rules, initial host state and clock
// offset that set up one situation to test, saved as one versioned
// `*.mpsim.json` file (schema: resources/schemas/scenario.schema.json):
//
//   {"version": 1, "name": "...", "description": "...",
//    "hostProfile": {HostProfile JSON}, "rules": [mockConfig-style rules],
//    "initialState": {HostState JSON}, "clockOffsetMs": 0}
//
// Only "version" and "name" are required; the rest default to the default
// profile, no rules, a fresh state and no offset.
struct Scenario
{
    static constexpr int currentVersion = 1;
    static constexpr std::size_t maxFileBytes = 16 * 1024 * 1024;
    static constexpr std::int64_t maxClockOffsetMs = 100LL * 366 * 86'400'000;

    std::string name;
    std::string description;
    HostProfile hostProfile;
    MockRules rules; // rules.globalOpen is always true in a scenario
    HostState initialState;
    std::int64_t clockOffsetMs = 0;

    // Parses a scenario file's text. Fails with the first problem, located
    // "<fileName>:line:column" for a syntax error and "<fileName>:/json/pointer"
    // otherwise (just the pointer when fileName is empty): a version newer than
    // currentVersion ("written by a newer mpsim (version 2)"), an unknown key,
    // a wrong type, or an invalid host profile, rule or state. Problems that
    // only stop a rule from matching (rules.problems()) are not failures.
    static Result<Scenario> parse(std::string_view text, std::string_view fileName = {});
    // Reads and parses the file at `path`.
    static Result<Scenario> load(const std::filesystem::path &path);

    // The file's text: every key, 2-space indentation, a final newline.
    std::string toJson() const;
    // Writes toJson() to `path` atomically (see writeFileAtomically).
    Result<void> save(const std::filesystem::path &path) const;
};

} // namespace mpsim::core
