// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — what the fuzz targets share.
#pragma once

#include "model/error.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace scnn::fuzz {

/**
 * @brief The input as an anonymous in-memory file, for readers that take a
 * path. `path()` is /proc/self/fd/N; nothing touches the disk.
 */
class MemoryFile
{
public:
    MemoryFile(const std::uint8_t* data, std::size_t size)
        : m_fd(memfd_create("fuzz", 0))
    {
        if (m_fd < 0 || (size > 0 && write(m_fd, data, size) != ssize_t(size)))
            std::abort();
    }
    ~MemoryFile() { close(m_fd); }
    MemoryFile(const MemoryFile&) = delete;
    MemoryFile& operator=(const MemoryFile&) = delete;

    std::string path() const { return "/proc/self/fd/" + std::to_string(m_fd); }

private:
    int m_fd;
};

/// Runs `f`; the only acceptable failure is model::Error with a message.
template<typename F>
void expectCleanRejection(F&& f)
{
    try {
        f();
    } catch (const model::Error& e) {
        if (std::string(e.what()).empty())
            std::abort(); // an error must say what is wrong
    }
}

} // namespace scnn::fuzz
