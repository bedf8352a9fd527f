#pragma once

#include <string>
#include <utility>
#include <variant>

namespace mpsim::core {

// A problem a user can cause (a broken file, an invalid value), as a value.
// `location` says where: a JSON pointer ("/soter/supportModes/1"), a file path,
// or "path:line:column", depending on what was being read.
struct Error
{
    std::string message;
    std::string location;

    // "location: message", or the message alone when there is no location.
    std::string toString() const { return location.empty() ? message : location + ": " + message; }
};

// An std::expected-like result (C++23's <expected> is not available in C++20).
template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_value(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_value(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_value.index() == 0; }
    explicit operator bool() const { return ok(); }

    T &value() & { return std::get<0>(m_value); }
    const T &value() const & { return std::get<0>(m_value); }
    T &&value() && { return std::get<0>(std::move(m_value)); }
    const Error &error() const { return std::get<1>(m_value); }

    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }

private:
    std::variant<T, Error> m_value;
};

// Result of an operation that produces nothing but can fail.
template<>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)), m_ok(false) {}

    bool ok() const { return m_ok; }
    explicit operator bool() const { return m_ok; }
    const Error &error() const { return m_error; }

private:
    Error m_error;
    bool m_ok = true;
};

} // namespace mpsim::core
