// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — what the fuzz targets share.
#pragma once

#include "model/error.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
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

/// A folder of this process for target `name`, in memory-backed /dev/shm when
/// there is one (else the temp folder); created on first use.
inline std::filesystem::path scratchDir(const std::string& name)
{
    namespace fs = std::filesystem;
    const fs::path base = fs::exists("/dev/shm") ? fs::path("/dev/shm") : fs::temp_directory_path();
    const fs::path dir = base / ("scnn-fuzz-" + name + "-" + std::to_string(getpid()));
    fs::create_directories(dir);
    return dir;
}

/// Writes the input to `path` (for readers that need a real, named file).
inline void writeFile(const std::string& path, const std::uint8_t* data, std::size_t size)
{
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f || (size > 0 && std::fwrite(data, 1, size, f) != size) || std::fclose(f) != 0)
        std::abort();
}

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
