// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — the small .npy subset the PyNN scripts exchange.
#include "hardware/spinnaker/pynnnpy.h"

#include "model/error.h"

#include <cstring>
#include <fstream>
#include <iterator>
#include <limits>
#include <sstream>

namespace scnn::hardware::pynn {

namespace {

std::string headerValue(const std::string& header, const std::string& key)
{
    const std::string quoted = "'" + key + "'";
    const auto at = header.find(quoted);
    if (at == std::string::npos)
        return {};
    auto pos = header.find(':', at + quoted.size());
    if (pos == std::string::npos)
        return {};
    ++pos;
    while (pos < header.size() && header[pos] == ' ')
        ++pos;
    if (pos >= header.size())
        return {};
    const char open = header[pos];
    if (open == '\'' || open == '(') {
        const char close = open == '(' ? ')' : '\'';
        const auto end = header.find(close, pos + 1);
        return end == std::string::npos ? std::string{} : header.substr(pos, end - pos + 1);
    }
    const auto end = header.find_first_of(",}", pos);
    return header.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
}

template<typename T>
void convert(const std::string& raw, std::size_t offset, std::size_t n, std::vector<double>& out)
{
    out.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        T v;
        std::memcpy(&v, raw.data() + offset + i * sizeof(T), sizeof(T));
        out[i] = static_cast<double>(v);
    }
}

} // namespace

NpyArray readNpy(const std::filesystem::path& path)
{
    const std::string where = path.string();
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw model::Error("cannot open the result file", where);
    const std::string raw((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (raw.size() < 10 || raw.compare(0, 6, "\x93NUMPY") != 0)
        throw model::Error("not a NumPy .npy file (magic string missing)", where);
    const int major = static_cast<unsigned char>(raw[6]);
    std::size_t headerLen = 0;
    std::size_t offset = 0;
    if (major == 1) {
        headerLen = static_cast<unsigned char>(raw[8]) | (static_cast<unsigned char>(raw[9]) << 8);
        offset = 10;
    } else if (major == 2 || major == 3) {
        if (raw.size() < 12)
            throw model::Error("truncated .npy header", where);
        for (int i = 3; i >= 0; --i)
            headerLen = (headerLen << 8) | static_cast<unsigned char>(raw[8 + i]);
        offset = 12;
    } else {
        throw model::Error("unsupported .npy format version " + std::to_string(major), where);
    }
    if (raw.size() < offset + headerLen)
        throw model::Error("truncated .npy header", where);
    const std::string header = raw.substr(offset, headerLen);
    offset += headerLen;

    const std::string descr = headerValue(header, "descr");
    const std::string fortran = headerValue(header, "fortran_order");
    const std::string shapeText = headerValue(header, "shape");
    if (fortran.find("False") == std::string::npos)
        throw model::Error("Fortran-ordered arrays are not supported", where);
    if (shapeText.size() < 2 || shapeText.front() != '(')
        throw model::Error("no shape in the .npy header", where);

    NpyArray a;
    std::stringstream ss(shapeText.substr(1, shapeText.size() - 2));
    std::string item;
    std::size_t count = 1;
    while (std::getline(ss, item, ',')) {
        if (item.find_first_not_of(' ') == std::string::npos)
            continue;
        try {
            a.shape.push_back(std::stoull(item));
        } catch (const std::exception&) {
            throw model::Error("bad shape " + shapeText + " in the .npy header", where);
        }
        count *= a.shape.back();
    }
    if (a.shape.empty())
        throw model::Error("expected an array, got a scalar", where);

    std::size_t itemSize = 0;
    if (descr == "'<f8'" || descr == "'<i8'")
        itemSize = 8;
    else if (descr == "'<f4'" || descr == "'<i4'")
        itemSize = 4;
    else
        throw model::Error("unsupported dtype " + descr + " (expected <f8, <f4, <i8 or <i4)", where);
    if (raw.size() - offset < count * itemSize)
        throw model::Error("file holds " + std::to_string((raw.size() - offset) / itemSize) +
                               " values, the header announces " + std::to_string(count),
                           where);
    if (descr == "'<f8'")
        convert<double>(raw, offset, count, a.data);
    else if (descr == "'<f4'")
        convert<float>(raw, offset, count, a.data);
    else if (descr == "'<i8'")
        convert<std::int64_t>(raw, offset, count, a.data);
    else
        convert<std::int32_t>(raw, offset, count, a.data);
    return a;
}

std::string npyBytesF64(const std::vector<double>& data, std::size_t rows, std::size_t cols)
{
    static_assert(std::numeric_limits<double>::is_iec559);
    std::string header = "{'descr': '<f8', 'fortran_order': False, 'shape': (" + std::to_string(rows) +
                         (cols == 0 ? std::string(",") : ", " + std::to_string(cols)) + "), }";
    const std::size_t total = 10 + header.size() + 1;
    header.append((64 - total % 64) % 64, ' ');
    header.push_back('\n');
    std::string out("\x93NUMPY\x01\x00", 8);
    out.push_back(static_cast<char>(header.size() & 0xff));
    out.push_back(static_cast<char>((header.size() >> 8) & 0xff));
    out += header;
    const std::size_t n = data.size();
    const std::size_t start = out.size();
    out.resize(start + n * sizeof(double));
    if (n > 0)
        std::memcpy(out.data() + start, data.data(), n * sizeof(double));
    return out;
}

} // namespace scnn::hardware::pynn
