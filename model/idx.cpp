// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — strict reader and writer of IDX image and label files.
#include "model/idx.h"

#include "model/error.h"
#include "model/fileutil.h"

#include <zlib.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace scnn::model {

namespace {

/// Largest image side we believe is an image [px].
constexpr std::uint32_t maxSide = 4096;

std::uint32_t bigEndian32(const std::uint8_t* p)
{
    return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8)
           | std::uint32_t(p[3]);
}

void putBigEndian32(std::vector<std::uint8_t>& out, std::uint32_t v)
{
    out.push_back(std::uint8_t(v >> 24));
    out.push_back(std::uint8_t(v >> 16));
    out.push_back(std::uint8_t(v >> 8));
    out.push_back(std::uint8_t(v));
}

std::string hex32(std::uint32_t v)
{
    std::ostringstream s;
    s << "0x" << std::hex;
    s.width(8);
    s.fill('0');
    s << v;
    return s.str();
}

std::vector<std::uint8_t> inflateGzip(const std::vector<std::uint8_t>& in, const std::string& path,
                                      std::size_t maxBytes)
{
    std::vector<std::uint8_t> out;
    z_stream zs{};
    if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK)
        throw Error("cannot start gzip decompression", path);
    zs.next_in = const_cast<Bytef*>(in.data());
    zs.avail_in = uInt(in.size());
    std::uint8_t chunk[1 << 16];
    int ret = Z_OK;
    for (;;) {
        zs.next_out = chunk;
        zs.avail_out = sizeof chunk;
        ret = inflate(&zs, Z_NO_FLUSH);
        if (ret != Z_OK && ret != Z_STREAM_END && ret != Z_BUF_ERROR) {
            const std::string why = zs.msg ? zs.msg : "error " + std::to_string(ret);
            inflateEnd(&zs);
            throw Error("corrupt gzip data (" + why + ")", path);
        }
        const std::size_t got = sizeof chunk - zs.avail_out;
        if (out.size() + got > maxBytes) {
            inflateEnd(&zs);
            throw Error("decompresses to more than " + std::to_string(maxBytes)
                            + " bytes; refusing an absurdly large file",
                        path);
        }
        out.insert(out.end(), chunk, chunk + got);
        if (ret == Z_STREAM_END) {
            // Another gzip member may follow (concatenated .gz files are valid).
            if (zs.avail_in >= 2 && zs.next_in[0] == 0x1f && zs.next_in[1] == 0x8b) {
                inflateReset(&zs);
                continue;
            }
            if (zs.avail_in > 0) {
                const auto extra = zs.avail_in;
                inflateEnd(&zs);
                throw Error(std::to_string(extra) + " bytes of trailing garbage after the gzip stream",
                            path);
            }
            break;
        }
        if (ret == Z_BUF_ERROR && zs.avail_in == 0 && got == 0) {
            inflateEnd(&zs);
            throw Error("truncated gzip stream (it ends before its end marker)", path);
        }
    }
    inflateEnd(&zs);
    return out;
}

/// Checks the 4-byte magic: two zero bytes, the type code, the dimension count.
void checkMagic(const std::vector<std::uint8_t>& b, std::uint8_t dims, const std::string& name,
                const char* kind)
{
    const std::size_t header = 4 + 4 * std::size_t(dims);
    if (b.size() < 4)
        throw Error("truncated: only " + std::to_string(b.size())
                        + " bytes, not even the 4-byte IDX magic number",
                    name);
    const std::uint32_t magic = bigEndian32(b.data());
    const std::uint32_t expected = 0x00000800u | dims;
    if (b[0] != 0 || b[1] != 0)
        throw Error("bad magic number " + hex32(magic) + ", expected " + hex32(expected) + " (IDX "
                        + kind + ")",
                    name);
    if (b[2] != 0x08)
        throw Error("bad magic number " + hex32(magic) + ": element type " + hex32(b[2]).substr(8)
                        + " is not unsigned byte (0x08); expected " + hex32(expected),
                    name);
    if (b[3] != dims)
        throw Error("bad magic number " + hex32(magic) + ": " + std::to_string(b[3])
                        + " dimensions, but IDX " + kind + " have " + std::to_string(dims)
                        + " (expected " + hex32(expected) + ")",
                    name);
    if (b.size() < header)
        throw Error("truncated header: " + std::to_string(b.size()) + " bytes, the header of IDX "
                        + kind + " needs " + std::to_string(header),
                    name);
}

void checkPayload(std::size_t have, std::size_t header, std::uint64_t want, const std::string& name,
                  const std::string& what)
{
    const std::uint64_t payload = have - header;
    if (payload < want)
        throw Error("truncated: the header promises " + what + " = " + std::to_string(want)
                        + " bytes of data, the file holds only " + std::to_string(payload),
                    name);
    if (payload > want)
        throw Error(std::to_string(payload - want) + " bytes of trailing garbage after the "
                        + std::to_string(want) + " bytes of data the header promises (" + what + ")",
                    name);
}

} // namespace

std::vector<std::uint8_t> readMaybeGzip(const std::string& path, std::size_t maxBytes)
{
    std::vector<std::uint8_t> bytes = readBinaryFile(path, maxBytes);
    if (bytes.size() >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b)
        return inflateGzip(bytes, path, maxBytes);
    return bytes;
}

IdxImages parseIdxImages(const std::vector<std::uint8_t>& b, const std::string& name)
{
    checkMagic(b, 3, name, "images");
    const std::uint32_t n = bigEndian32(b.data() + 4);
    const std::uint32_t rows = bigEndian32(b.data() + 8);
    const std::uint32_t cols = bigEndian32(b.data() + 12);
    if (n == 0)
        throw Error("holds 0 images", name);
    if (rows == 0 || cols == 0 || rows > maxSide || cols > maxSide)
        throw Error("image size " + std::to_string(rows) + "x" + std::to_string(cols)
                        + " is outside 1 … " + std::to_string(maxSide) + " pixels per side",
                    name);
    const std::uint64_t want = std::uint64_t(n) * rows * cols;
    if (want > idxMaxBytes || n > std::uint32_t(INT32_MAX))
        throw Error("the header promises " + std::to_string(n) + " images of "
                        + std::to_string(rows) + "x" + std::to_string(cols)
                        + " pixels, more than any dataset we accept",
                    name);
    checkPayload(b.size(), 16, want,
                 name,
                 std::to_string(n) + " images × " + std::to_string(rows) + "×" + std::to_string(cols)
                     + " pixels");
    IdxImages out;
    out.count = int(n);
    out.rows = int(rows);
    out.cols = int(cols);
    out.pixels.assign(b.begin() + 16, b.end());
    return out;
}

IdxLabels parseIdxLabels(const std::vector<std::uint8_t>& b, const std::string& name)
{
    checkMagic(b, 1, name, "labels");
    const std::uint32_t n = bigEndian32(b.data() + 4);
    if (n == 0)
        throw Error("holds 0 labels", name);
    if (n > std::uint32_t(INT32_MAX))
        throw Error("the header promises " + std::to_string(n) + " labels, more than any dataset we accept",
                    name);
    checkPayload(b.size(), 8, n, name, std::to_string(n) + " labels");
    IdxLabels out;
    out.count = int(n);
    out.labels.assign(b.begin() + 8, b.end());
    return out;
}

IdxImages readIdxImages(const std::string& path)
{
    return parseIdxImages(readMaybeGzip(path), path);
}

IdxLabels readIdxLabels(const std::string& path)
{
    return parseIdxLabels(readMaybeGzip(path), path);
}

std::vector<std::uint8_t> idxBytes(const IdxImages& images)
{
    std::vector<std::uint8_t> out;
    out.reserve(16 + images.pixels.size());
    putBigEndian32(out, 0x00000803u);
    putBigEndian32(out, std::uint32_t(images.count));
    putBigEndian32(out, std::uint32_t(images.rows));
    putBigEndian32(out, std::uint32_t(images.cols));
    out.insert(out.end(), images.pixels.begin(), images.pixels.end());
    return out;
}

std::vector<std::uint8_t> idxBytes(const IdxLabels& labels)
{
    std::vector<std::uint8_t> out;
    out.reserve(8 + labels.labels.size());
    putBigEndian32(out, 0x00000801u);
    putBigEndian32(out, std::uint32_t(labels.count));
    out.insert(out.end(), labels.labels.begin(), labels.labels.end());
    return out;
}

std::vector<std::uint8_t> gzipBytes(const std::vector<std::uint8_t>& bytes)
{
    z_stream zs{};
    if (deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY)
        != Z_OK)
        throw Error("cannot start gzip compression");
    std::vector<std::uint8_t> out(deflateBound(&zs, uLong(bytes.size())) + 32);
    zs.next_in = const_cast<Bytef*>(bytes.data());
    zs.avail_in = uInt(bytes.size());
    zs.next_out = out.data();
    zs.avail_out = uInt(out.size());
    const int ret = deflate(&zs, Z_FINISH);
    deflateEnd(&zs);
    if (ret != Z_STREAM_END)
        throw Error("gzip compression failed");
    out.resize(zs.total_out);
    return out;
}

void writeBytes(const std::string& path, const std::vector<std::uint8_t>& bytes)
{
    std::ofstream f(path, std::ios::binary | std::ios::trunc);
    if (!f)
        throw Error(std::string("cannot create: ") + std::strerror(errno), path);
    f.write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
    f.flush();
    if (!f)
        throw Error("write error", path);
}

} // namespace scnn::model
