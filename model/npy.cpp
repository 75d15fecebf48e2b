// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — a small, strict NumPy .npy (format 1.0) reader and writer.
#include "model/npy.h"

#include "model/error.h"
#include "model/fileutil.h"

#include <bit>
#include <cctype>
#include <cstring>
#include <limits>
#include <optional>

namespace scnn::model {

static_assert(std::endian::native == std::endian::little,
              "the .npy reader and writer assume a little-endian host");

namespace {

constexpr char magic[] = "\x93NUMPY";
constexpr std::size_t magicLen = 6;
constexpr std::int64_t maxElements = std::int64_t(1) << 40;

std::size_t itemSize(NpyType t)
{
    return (t == NpyType::Float32 || t == NpyType::Int32) ? 4 : 8;
}

/// Parser of the Python dict literal in a .npy header.
class HeaderParser
{
public:
    HeaderParser(const std::string& text, const std::string& name) : m_s(text), m_name(name) {}

    void parse(std::string& descr, bool& fortran, std::vector<std::int64_t>& shape)
    {
        bool haveDescr = false, haveFortran = false, haveShape = false;
        skipSpace();
        expect('{', "the header dictionary must start with '{'");
        for (;;) {
            skipSpace();
            if (peek() == '}') {
                ++m_i;
                break;
            }
            const std::string key = quoted();
            skipSpace();
            expect(':', "expected ':' after key '" + key + "'");
            skipSpace();
            if (key == "descr") {
                if (haveDescr)
                    fail("key 'descr' appears twice");
                descr = quoted();
                haveDescr = true;
            } else if (key == "fortran_order") {
                if (haveFortran)
                    fail("key 'fortran_order' appears twice");
                fortran = boolean();
                haveFortran = true;
            } else if (key == "shape") {
                if (haveShape)
                    fail("key 'shape' appears twice");
                shape = tuple();
                haveShape = true;
            } else {
                fail("unknown key '" + key + "' (expected descr, fortran_order, shape)");
            }
            skipSpace();
            if (peek() == ',') {
                ++m_i;
                continue;
            }
            if (peek() == '}') {
                ++m_i;
                break;
            }
            fail("expected ',' or '}' after the value of '" + key + "'");
        }
        while (m_i < m_s.size() && m_s[m_i] == ' ')
            ++m_i;
        if (m_i + 1 != m_s.size() || m_s[m_i] != '\n')
            fail("the header must end with spaces and one newline after the dictionary");
        if (!haveDescr)
            fail("missing key 'descr'");
        if (!haveFortran)
            fail("missing key 'fortran_order'");
        if (!haveShape)
            fail("missing key 'shape'");
    }

private:
    [[noreturn]] void fail(const std::string& what) const
    {
        throw Error("malformed .npy header at character " + std::to_string(m_i) + ": " + what, m_name);
    }
    char peek() const { return m_i < m_s.size() ? m_s[m_i] : '\0'; }
    void skipSpace()
    {
        while (m_i < m_s.size() && (m_s[m_i] == ' ' || m_s[m_i] == '\t'))
            ++m_i;
    }
    void expect(char c, const std::string& what)
    {
        if (peek() != c)
            fail(what);
        ++m_i;
    }
    std::string quoted()
    {
        const char q = peek();
        if (q != '\'' && q != '"')
            fail("expected a quoted string");
        ++m_i;
        const std::size_t end = m_s.find(q, m_i);
        if (end == std::string::npos)
            fail("unterminated string");
        std::string out = m_s.substr(m_i, end - m_i);
        m_i = end + 1;
        return out;
    }
    bool boolean()
    {
        if (m_s.compare(m_i, 4, "True") == 0) {
            m_i += 4;
            return true;
        }
        if (m_s.compare(m_i, 5, "False") == 0) {
            m_i += 5;
            return false;
        }
        fail("fortran_order must be True or False");
    }
    std::vector<std::int64_t> tuple()
    {
        expect('(', "shape must be a tuple like (3, 4)");
        std::vector<std::int64_t> out;
        for (;;) {
            skipSpace();
            if (peek() == ')') {
                ++m_i;
                break;
            }
            if (!std::isdigit(static_cast<unsigned char>(peek())))
                fail("shape entries must be non-negative whole numbers");
            std::int64_t v = 0;
            while (std::isdigit(static_cast<unsigned char>(peek()))) {
                if (v > maxElements)
                    fail("shape entry is absurdly large");
                v = v * 10 + (peek() - '0');
                ++m_i;
            }
            out.push_back(v);
            skipSpace();
            if (peek() == ',') {
                ++m_i;
                continue;
            }
            if (peek() == ')') {
                ++m_i;
                break;
            }
            fail("expected ',' or ')' in shape");
        }
        if (out.size() > 32)
            fail("shape has more than 32 dimensions");
        return out;
    }

    const std::string& m_s;
    const std::string& m_name;
    std::size_t m_i = 0;
};

std::optional<NpyType> typeOf(const std::string& descr)
{
    if (descr == "<f4")
        return NpyType::Float32;
    if (descr == "<f8")
        return NpyType::Float64;
    if (descr == "<i4")
        return NpyType::Int32;
    if (descr == "<i8")
        return NpyType::Int64;
    return std::nullopt;
}

std::int64_t product(const std::vector<std::int64_t>& shape, const std::string& name)
{
    std::int64_t n = 1;
    for (std::int64_t d : shape) {
        if (d < 0)
            throw Error("negative dimension in shape", name);
        if (d != 0 && n > maxElements / d)
            throw Error("shape describes more than " + std::to_string(maxElements) + " elements", name);
        n *= d;
    }
    return n;
}

template<typename T>
std::vector<T> copyValues(const char* p, std::size_t n)
{
    std::vector<T> out(n);
    if (n)
        std::memcpy(out.data(), p, n * sizeof(T));
    return out;
}

template<typename To>
std::vector<To> convert(const NpyArray& a)
{
    return std::visit(
        [](const auto& v) {
            std::vector<To> out(v.size());
            for (std::size_t i = 0; i < v.size(); ++i)
                out[i] = To(v[i]);
            return out;
        },
        a.data);
}

NpyArray make(std::vector<std::int64_t> shape, auto values)
{
    NpyArray a;
    a.shape = std::move(shape);
    a.data = std::move(values);
    if (a.elementCount() != std::int64_t(a.size()))
        throw Error("shape " + a.shapeText() + " describes " + std::to_string(a.elementCount())
                        + " elements, but " + std::to_string(a.size()) + " values were given",
                    "array");
    return a;
}

} // namespace

const char* npyDescr(NpyType t)
{
    switch (t) {
    case NpyType::Float32: return "<f4";
    case NpyType::Float64: return "<f8";
    case NpyType::Int32: return "<i4";
    case NpyType::Int64: return "<i8";
    }
    return "<f8";
}

std::int64_t NpyArray::elementCount() const
{
    return product(shape, "array");
}

std::size_t NpyArray::size() const
{
    return std::visit([](const auto& v) { return v.size(); }, data);
}

std::string NpyArray::shapeText() const
{
    std::string s = "(";
    for (std::size_t i = 0; i < shape.size(); ++i)
        s += (i ? ", " : "") + std::to_string(shape[i]);
    if (shape.size() == 1)
        s += ",";
    return s + ")";
}

NpyArray NpyArray::fromFloat(std::vector<std::int64_t> shape, std::vector<float> values)
{
    return make(std::move(shape), std::move(values));
}
NpyArray NpyArray::fromDouble(std::vector<std::int64_t> shape, std::vector<double> values)
{
    return make(std::move(shape), std::move(values));
}
NpyArray NpyArray::fromInt32(std::vector<std::int64_t> shape, std::vector<std::int32_t> values)
{
    return make(std::move(shape), std::move(values));
}
NpyArray NpyArray::fromInt64(std::vector<std::int64_t> shape, std::vector<std::int64_t> values)
{
    return make(std::move(shape), std::move(values));
}

std::vector<float> NpyArray::toFloat() const { return convert<float>(*this); }
std::vector<double> NpyArray::toDouble() const { return convert<double>(*this); }
std::vector<std::int64_t> NpyArray::toInt64() const { return convert<std::int64_t>(*this); }

std::string npyBytes(const NpyArray& a)
{
    if (a.elementCount() != std::int64_t(a.size()))
        throw Error("shape " + a.shapeText() + " describes " + std::to_string(a.elementCount())
                        + " elements, but the array holds " + std::to_string(a.size()),
                    "array");
    std::string dict = std::string("{'descr': '") + npyDescr(a.type())
                       + "', 'fortran_order': False, 'shape': " + a.shapeText() + ", }";
    // Pad with spaces so that magic + version + length + header is a multiple of 64.
    const std::size_t fixed = magicLen + 2 + 2;
    std::size_t total = fixed + dict.size() + 1;
    const std::size_t padded = (total + 63) / 64 * 64;
    dict.append(padded - total, ' ');
    dict.push_back('\n');
    std::string out(magic, magicLen);
    out.push_back('\x01');
    out.push_back('\x00');
    out.push_back(char(dict.size() & 0xff));
    out.push_back(char(dict.size() >> 8));
    out += dict;
    std::visit(
        [&](const auto& v) {
            out.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(v[0]));
        },
        a.data);
    return out;
}

NpyArray parseNpy(const std::string& b, const std::string& name)
{
    if (b.size() < magicLen || b.compare(0, magicLen, magic, magicLen) != 0)
        throw Error("not a .npy file (it does not start with \\x93NUMPY)", name);
    if (b.size() < 10)
        throw Error("truncated: the .npy preamble needs 10 bytes, the file has "
                        + std::to_string(b.size()),
                    name);
    const int major = static_cast<unsigned char>(b[6]);
    const int minor = static_cast<unsigned char>(b[7]);
    if (major != 1 || minor != 0)
        throw Error(".npy format version " + std::to_string(major) + "." + std::to_string(minor)
                        + " is not supported (only 1.0)",
                    name);
    const std::size_t hlen = std::size_t(static_cast<unsigned char>(b[8]))
                             | (std::size_t(static_cast<unsigned char>(b[9])) << 8);
    if (b.size() < 10 + hlen)
        throw Error("truncated: the header is " + std::to_string(hlen) + " bytes, the file ends after "
                        + std::to_string(b.size() - 10),
                    name);
    const std::string header = b.substr(10, hlen);
    std::string descr;
    bool fortran = false;
    std::vector<std::int64_t> shape;
    HeaderParser(header, name).parse(descr, fortran, shape);
    const auto type = typeOf(descr);
    if (!type)
        throw Error("element type '" + descr
                        + "' is not supported (only little-endian <f4, <f8, <i4, <i8)",
                    name);
    if (fortran)
        throw Error("Fortran-ordered arrays are not supported (save with C order)", name);
    const std::int64_t n = product(shape, name);
    const std::uint64_t want = std::uint64_t(n) * itemSize(*type);
    const std::uint64_t have = b.size() - 10 - hlen;
    if (have < want)
        throw Error("truncated: shape " + NpyArray{shape, {}}.shapeText() + " of " + descr + " needs "
                        + std::to_string(want) + " data bytes, the file holds " + std::to_string(have),
                    name);
    if (have > want)
        throw Error(std::to_string(have - want) + " bytes of trailing garbage after the "
                        + std::to_string(want) + " data bytes of shape "
                        + NpyArray{shape, {}}.shapeText(),
                    name);
    const char* p = b.data() + 10 + hlen;
    NpyArray a;
    a.shape = shape;
    switch (*type) {
    case NpyType::Float32: a.data = copyValues<float>(p, std::size_t(n)); break;
    case NpyType::Float64: a.data = copyValues<double>(p, std::size_t(n)); break;
    case NpyType::Int32: a.data = copyValues<std::int32_t>(p, std::size_t(n)); break;
    case NpyType::Int64: a.data = copyValues<std::int64_t>(p, std::size_t(n)); break;
    }
    return a;
}

NpyArray readNpy(const std::string& path, std::size_t maxBytes)
{
    return parseNpy(readTextFile(path, maxBytes), path);
}

void writeNpy(const std::string& path, const NpyArray& a)
{
    writeFileAtomic(path, npyBytes(a));
}

} // namespace scnn::model
