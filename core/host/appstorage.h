#pragma once

#include "util/result.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace mpsim::core {

// A mini-program's key-value storage (wx.setStorage and friends), one per
// appid, kept in the host state and persisted with it.
//
// Values are JSON values and keep their type (string, number, boolean,
// object, array, null). Sizes follow the platform's rule: an entry counts the
// length of its key plus the length of its serialised data (a string counts
// itself, anything else its JSON text), in UTF-16 code units as JavaScript's
// String.length counts them. An entry may hold at most 1 MB, all entries
// together at most 10 MB. The page-side facade (resources/runtime/wx-facade.js)
// applies the same rule to the Sync forms, so keep the two in step.
class AppStorage
{
public:
    static constexpr std::size_t maxEntrySize = 1024 * 1024;
    static constexpr std::size_t maxTotalSize = 10 * 1024 * 1024;
    static constexpr int limitSizeKB = 10240; // getStorageInfo's limitSize

    enum class SetOutcome { Stored, EntryTooLarge, StorageFull };

    // Stores `data` under `key`, replacing what was there; nothing changes
    // when the entry or the storage would exceed its limit.
    SetOutcome set(const std::string &key, nlohmann::json data);
    // The data under `key`, or nullptr.
    const nlohmann::json *find(const std::string &key) const;
    // False when there was nothing under `key`.
    bool remove(const std::string &key);
    void clear();

    bool empty() const { return m_entries.empty(); }
    std::size_t count() const { return m_entries.size(); }
    std::vector<std::string> keys() const;
    // The sum of the entries' sizes (see the class comment).
    std::size_t currentSize() const { return m_totalSize; }
    // getStorageInfo's currentSize: kilobytes, rounded up.
    int currentSizeKB() const;

    // {key: data, ...}: the state file's form and the page snapshot's.
    nlohmann::json toJson() const;
    // Reads toJson()'s form; fails (with a JSON pointer) on anything else.
    // Entries over the limits are kept: a state file is not the place to lose data.
    static Result<AppStorage> fromJson(const nlohmann::json &json, const std::string &pointer);

    // The size of one entry, by the rule above.
    static std::size_t entrySize(const std::string &key, const nlohmann::json &data);

private:
    struct Entry
    {
        nlohmann::json data;
        std::size_t size = 0;
    };
    std::map<std::string, Entry> m_entries;
    std::size_t m_totalSize = 0;
};

} // namespace mpsim::core
