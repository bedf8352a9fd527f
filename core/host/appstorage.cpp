#include "host/appstorage.h"

namespace mpsim::core {

namespace {

// UTF-16 code units of UTF-8 text: one per code point, two for those outside
// the Basic Multilingual Plane (4-byte sequences).
std::size_t utf16Length(const std::string &utf8)
{
    std::size_t length = 0;
    for (const char c : utf8) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte & 0xC0) != 0x80)
            ++length;
        if (byte >= 0xF0)
            ++length;
    }
    return length;
}

} // namespace

std::size_t AppStorage::entrySize(const std::string &key, const nlohmann::json &data)
{
    const std::string text
        = data.is_string() ? data.get<std::string>()
                           : data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return utf16Length(key) + utf16Length(text);
}

AppStorage::SetOutcome AppStorage::set(const std::string &key, nlohmann::json data)
{
    const std::size_t size = entrySize(key, data);
    if (size > maxEntrySize)
        return SetOutcome::EntryTooLarge;
    const auto it = m_entries.find(key);
    const std::size_t replaced = it == m_entries.end() ? 0 : it->second.size;
    if (m_totalSize - replaced + size > maxTotalSize)
        return SetOutcome::StorageFull;
    m_totalSize = m_totalSize - replaced + size;
    m_entries[key] = Entry{std::move(data), size};
    return SetOutcome::Stored;
}

const nlohmann::json *AppStorage::find(const std::string &key) const
{
    const auto it = m_entries.find(key);
    return it == m_entries.end() ? nullptr : &it->second.data;
}

bool AppStorage::remove(const std::string &key)
{
    const auto it = m_entries.find(key);
    if (it == m_entries.end())
        return false;
    m_totalSize -= it->second.size;
    m_entries.erase(it);
    return true;
}

void AppStorage::clear()
{
    m_entries.clear();
    m_totalSize = 0;
}

std::vector<std::string> AppStorage::keys() const
{
    std::vector<std::string> keys;
    keys.reserve(m_entries.size());
    for (const auto &[key, entry] : m_entries)
        keys.push_back(key);
    return keys;
}

int AppStorage::currentSizeKB() const
{
    return static_cast<int>((m_totalSize + 1023) / 1024);
}

nlohmann::json AppStorage::toJson() const
{
    nlohmann::json json = nlohmann::json::object();
    for (const auto &[key, entry] : m_entries)
        json[key] = entry.data;
    return json;
}

Result<AppStorage> AppStorage::fromJson(const nlohmann::json &json, const std::string &pointer)
{
    if (!json.is_object())
        return Error{"must be an object of key: data", pointer};
    AppStorage storage;
    for (const auto &[key, data] : json.items()) {
        const std::size_t size = entrySize(key, data);
        storage.m_totalSize += size;
        storage.m_entries[key] = Entry{data, size};
    }
    return storage;
}

} // namespace mpsim::core
