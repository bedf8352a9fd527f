#pragma once

#include "host/hoststate.h"
#include "util/result.h"

#include <filesystem>
#include <functional>
#include <map>
#include <set>
#include <string>

namespace mpsim::core {

// Keeps one HostState per appid and persists each as `<folder>/<appid>.json`
// with atomic writes. A store with an empty folder keeps state in memory only.
//
// A state file that cannot be read is never overwritten silently: it is
// copied to `<file>.corrupt` first, the problem is reported, and the appid
// starts from defaults.
class HostStateStore
{
public:
    enum class WriteMode {
        Immediate, // every change is written before markChanged returns
        Deferred   // changes are written by flush() (the app calls it on a timer and at exit)
    };

    explicit HostStateStore(std::filesystem::path folder = {},
                            WriteMode mode = WriteMode::Immediate);

    // The state of `appid`, loaded from disk on first use.
    HostState &state(const std::string &appid);
    // Records that `appid`'s state changed (and writes it in Immediate mode).
    void markChanged(const std::string &appid);
    // Writes every changed state. Returns the first failure; failed writes stay pending.
    Result<void> flush();
    // Forgets everything about `appid` (in memory and on disk).
    void reset(const std::string &appid);

    std::filesystem::path fileFor(const std::string &appid) const;
    const std::filesystem::path &folder() const { return m_folder; }

    // Called with every problem the store meets (a corrupt file, a failed
    // write), so the app can show it; also logged.
    void setProblemHandler(std::function<void(const Error &)> handler);

private:
    Result<void> write(const std::string &appid);
    void report(const Error &error);

    std::filesystem::path m_folder;
    WriteMode m_mode;
    std::map<std::string, HostState> m_states;
    std::set<std::string> m_dirty;
    std::function<void(const Error &)> m_problemHandler;
};

} // namespace mpsim::core
