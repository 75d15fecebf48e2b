// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — a minimal .npy reader for the simulator tests (float64/int64, C order).
#pragma once

#include <cstdint>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace scnn::test {

/// A loaded array: values as double, shape as given.
struct NpyArray
{
    std::vector<std::int64_t> shape;
    std::vector<double> data;

    std::int64_t rows() const { return shape.empty() ? 1 : shape[0]; }
    std::int64_t cols() const { return shape.size() < 2 ? 1 : shape[1]; }
    double at(std::int64_t r, std::int64_t c) const { return data[std::size_t(r * cols() + c)]; }
};

/// Reads NumPy format 1.0/2.0 files of dtype <f8 or <i8 in C order; throws std::runtime_error.
inline NpyArray readNpy(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error(path + ": cannot open");
    char magic[8];
    in.read(magic, 8);
    if (!in || std::memcmp(magic, "\x93NUMPY", 6) != 0)
        throw std::runtime_error(path + ": not a .npy file");
    std::uint32_t headerLen = 0;
    if (magic[6] == 1) {
        unsigned char b[2];
        in.read(reinterpret_cast<char*>(b), 2);
        headerLen = b[0] | (b[1] << 8);
    } else {
        unsigned char b[4];
        in.read(reinterpret_cast<char*>(b), 4);
        headerLen = b[0] | (b[1] << 8) | (b[2] << 16) | (std::uint32_t(b[3]) << 24);
    }
    std::string header(headerLen, '\0');
    in.read(header.data(), headerLen);
    const bool isFloat = header.find("'<f8'") != std::string::npos;
    const bool isInt = header.find("'<i8'") != std::string::npos;
    if (!isFloat && !isInt)
        throw std::runtime_error(path + ": dtype is not <f8 or <i8");
    if (header.find("'fortran_order': False") == std::string::npos)
        throw std::runtime_error(path + ": not C order");
    NpyArray a;
    const auto open = header.find('(', header.find("'shape'"));
    const auto close = header.find(')', open);
    std::string dims = header.substr(open + 1, close - open - 1);
    std::int64_t count = 1;
    std::size_t pos = 0;
    while (pos < dims.size()) {
        const auto comma = dims.find(',', pos);
        const std::string tok = dims.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
        if (tok.find_first_of("0123456789") != std::string::npos) {
            a.shape.push_back(std::stoll(tok));
            count *= a.shape.back();
        }
        if (comma == std::string::npos)
            break;
        pos = comma + 1;
    }
    a.data.resize(std::size_t(count));
    if (isFloat) {
        in.read(reinterpret_cast<char*>(a.data.data()), std::streamsize(count * 8));
    } else {
        std::vector<std::int64_t> v(static_cast<std::size_t>(count));
        in.read(reinterpret_cast<char*>(v.data()), std::streamsize(count * 8));
        for (std::size_t k = 0; k < v.size(); ++k)
            a.data[k] = double(v[k]);
    }
    if (!in)
        throw std::runtime_error(path + ": truncated");
    return a;
}

} // namespace scnn::test
