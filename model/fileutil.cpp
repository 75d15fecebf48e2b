// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — whole-file reads and atomic writes.
#include "model/fileutil.h"

#include "model/error.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>

namespace scnn::model {

namespace {

template<typename Buffer>
Buffer readWhole(const std::string& path, std::size_t maxBytes)
{
    std::ifstream f(path, std::ios::binary | std::ios::ate);
    if (!f)
        throw Error(std::string("cannot open: ") + std::strerror(errno), path);
    const std::streamoff size = f.tellg();
    if (size < 0)
        throw Error("cannot read the file size", path);
    if (std::uint64_t(size) > maxBytes)
        throw Error("is " + std::to_string(size) + " bytes, more than the " + std::to_string(maxBytes)
                        + " we accept",
                    path);
    Buffer out(static_cast<std::size_t>(size), 0);
    f.seekg(0);
    if (size > 0 && !f.read(reinterpret_cast<char*>(out.data()), size))
        throw Error("read error", path);
    return out;
}

} // namespace

std::string readTextFile(const std::string& path, std::size_t maxBytes)
{
    return readWhole<std::string>(path, maxBytes);
}

std::vector<std::uint8_t> readBinaryFile(const std::string& path, std::size_t maxBytes)
{
    return readWhole<std::vector<std::uint8_t>>(path, maxBytes);
}

void writeFileAtomic(const std::string& path, const std::string& content)
{
    namespace fs = std::filesystem;
    const fs::path target(path);
    std::string tmpl = (target.parent_path() / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
    if (target.parent_path().empty())
        tmpl = "." + target.filename().string() + ".tmp-XXXXXX";
    const int fd = ::mkstemp(tmpl.data());
    if (fd < 0)
        throw Error(std::string("cannot create a temporary file beside it: ") + std::strerror(errno), path);
    const char* p = content.data();
    std::size_t left = content.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, p, left);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            const std::string why = std::strerror(errno);
            ::close(fd);
            ::unlink(tmpl.c_str());
            throw Error("write error: " + why, path);
        }
        p += n;
        left -= std::size_t(n);
    }
    ::fchmod(fd, 0644);
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        const std::string why = std::strerror(errno);
        ::unlink(tmpl.c_str());
        throw Error("cannot flush to disk: " + why, path);
    }
    if (std::rename(tmpl.c_str(), path.c_str()) != 0) {
        const std::string why = std::strerror(errno);
        ::unlink(tmpl.c_str());
        throw Error("cannot replace the file: " + why, path);
    }
}

std::string isoUtcNow()
{
    const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    ::gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

} // namespace scnn::model
