// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — runs a fuzz target over every file of a corpus folder.
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s CORPUS_DIR\n", argv[0]);
        return 2;
    }
    const std::filesystem::path dir(argv[1]);
    if (!std::filesystem::is_directory(dir)) {
        std::fprintf(stderr, "%s: no corpus folder %s\n", argv[0], argv[1]);
        return 1;
    }
    int files = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
        if (!entry.is_regular_file())
            continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), {});
        LLVMFuzzerTestOneInput(bytes.data(), bytes.size());
        ++files;
    }
    if (files == 0) {
        std::fprintf(stderr, "%s: corpus folder %s is empty\n", argv[0], argv[1]);
        return 1;
    }
    // The plain closing line that test runners read.
    std::printf("%d passed, 0 failed\n", files);
    return 0;
}
