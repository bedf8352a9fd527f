#include "host/hoststatestore.h"

#include "util/atomicfile.h"
#include "util/jsonreader.h"
#include "util/logging.h"

#include <spdlog/spdlog.h>

#include <cctype>
#include <system_error>

namespace mpsim::core {

HostStateStore::HostStateStore(std::filesystem::path folder, WriteMode mode)
    : m_folder(std::move(folder))
    , m_mode(mode)
{}

std::filesystem::path HostStateStore::fileFor(const std::string &appid) const
{
    // appids are [A-Za-z0-9_-]; anything else is escaped so a hostile appid
    // cannot name a path outside the folder.
    std::string name;
    static const char hex[] = "0123456789ABCDEF";
    for (const unsigned char c : appid) {
        if (std::isalnum(c) || c == '_' || c == '-') {
            name += static_cast<char>(c);
        } else {
            name += '%';
            name += hex[c >> 4];
            name += hex[c & 15];
        }
    }
    if (name.empty())
        name = "%none";
    return m_folder / (name + ".json");
}

HostState &HostStateStore::state(const std::string &appid)
{
    if (const auto it = m_states.find(appid); it != m_states.end())
        return it->second;

    HostState &state = m_states[appid];
    if (m_folder.empty())
        return state;
    const auto path = fileFor(appid);
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        return state;

    auto text = readWholeFile(path);
    if (!text) {
        report(text.error());
        return state;
    }
    auto document = parseJsonText(text.value(), path.string());
    Result<HostState> loaded = document ? HostState::fromJson(document.value())
                                        : Result<HostState>(document.error());
    if (loaded) {
        state = std::move(loaded.value());
        return state;
    }

    // Keep the user's file before anything can overwrite it.
    auto corrupt = path;
    corrupt += ".corrupt";
    for (int i = 1; std::filesystem::exists(corrupt, ec); ++i) {
        corrupt = path;
        corrupt += ".corrupt." + std::to_string(i);
    }
    std::filesystem::copy_file(path, corrupt, ec);
    std::string message = "host state file is invalid (" + loaded.error().toString()
                          + "); starting from defaults";
    message += ec ? "; could not keep a copy: " + ec.message()
                  : "; the file was kept as " + corrupt.filename().string();
    report(Error{message, path.string()});
    return state;
}

void HostStateStore::markChanged(const std::string &appid)
{
    if (m_folder.empty())
        return;
    m_dirty.insert(appid);
    if (m_mode == WriteMode::Immediate)
        (void)flush();
}

Result<void> HostStateStore::flush()
{
    Result<void> first;
    for (auto it = m_dirty.begin(); it != m_dirty.end();) {
        auto written = write(*it);
        if (written) {
            it = m_dirty.erase(it);
        } else {
            if (first)
                first = written;
            ++it;
        }
    }
    return first;
}

void HostStateStore::reset(const std::string &appid)
{
    m_states.erase(appid);
    m_dirty.erase(appid);
    if (!m_folder.empty()) {
        std::error_code ec;
        std::filesystem::remove(fileFor(appid), ec);
    }
}

void HostStateStore::setProblemHandler(std::function<void(const Error &)> handler)
{
    m_problemHandler = std::move(handler);
}

Result<void> HostStateStore::write(const std::string &appid)
{
    const auto it = m_states.find(appid);
    if (it == m_states.end())
        return {};
    auto written = writeFileAtomically(fileFor(appid), it->second.toJson().dump(2) + "\n");
    if (!written)
        report(Error{"cannot save host state: " + written.error().message, written.error().location});
    return written;
}

void HostStateStore::report(const Error &error)
{
    logger(LogArea::Host)->warn("{}", error.toString());
    if (m_problemHandler)
        m_problemHandler(error);
}

} // namespace mpsim::core
