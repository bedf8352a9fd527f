#include "util/atomicfile.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <random>
#include <sstream>
#include <unistd.h>

namespace mpsim::core {

namespace {

Error osError(const std::filesystem::path &path, const std::string &what, int err)
{
    return Error{what + ": " + std::strerror(err), path.string()};
}

std::string temporarySuffix()
{
    static thread_local std::mt19937_64 generator{std::random_device{}()};
    std::ostringstream out;
    out << ".tmp-" << ::getpid() << '-' << std::hex << generator();
    return out.str();
}

} // namespace

Result<void> writeFileAtomically(const std::filesystem::path &path, std::string_view contents)
{
    std::error_code ec;
    const auto folder = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
    std::filesystem::create_directories(folder, ec);
    if (ec)
        return Error{"cannot create folder: " + ec.message(), folder.string()};

    const std::filesystem::path temporary = path.string() + temporarySuffix();
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0)
        return osError(path, "cannot write", errno);

    const char *data = contents.data();
    std::size_t left = contents.size();
    while (left > 0) {
        const ssize_t written = ::write(fd, data, left);
        if (written < 0) {
            if (errno == EINTR)
                continue;
            const int err = errno;
            ::close(fd);
            ::unlink(temporary.c_str());
            return osError(path, "cannot write", err);
        }
        data += written;
        left -= static_cast<std::size_t>(written);
    }
    // The data must be on disk before the rename makes it the file's contents.
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        const int err = errno;
        ::unlink(temporary.c_str());
        return osError(path, "cannot flush to disk", err);
    }
    if (::rename(temporary.c_str(), path.c_str()) != 0) {
        const int err = errno;
        ::unlink(temporary.c_str());
        return osError(path, "cannot replace file", err);
    }
    // Make the rename itself durable.
    const int dirFd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dirFd >= 0) {
        ::fsync(dirFd);
        ::close(dirFd);
    }
    return {};
}

Result<std::string> readWholeFile(const std::filesystem::path &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return osError(path, "cannot open", errno);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad())
        return osError(path, "cannot read", errno);
    return buffer.str();
}

} // namespace mpsim::core
