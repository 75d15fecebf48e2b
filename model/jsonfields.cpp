// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — strict reading of JSON fields with messages naming file and field.
#include "model/jsonfields.h"

#include "model/error.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace scnn::model {

namespace {

std::string numberText(double v)
{
    std::ostringstream s;
    s << v;
    return s.str();
}

} // namespace

JsonField::JsonField(const nlohmann::json& value, std::string file, std::string path)
    : m_value(value), m_file(std::move(file)), m_path(std::move(path))
{
}

void JsonField::fail(const std::string& what) const
{
    throw Error((m_path.empty() ? std::string("top level") : "field " + m_path) + ": " + what, m_file);
}

std::string JsonField::typeName() const
{
    return m_value.type_name();
}

void JsonField::object() const
{
    if (!m_value.is_object())
        fail("expected an object, got " + typeName());
}

bool JsonField::has(const std::string& key) const
{
    return m_value.is_object() && m_value.contains(key) && !m_value.at(key).is_null();
}

JsonField JsonField::operator[](const std::string& key) const
{
    object();
    const std::string p = m_path.empty() ? key : m_path + "." + key;
    if (!m_value.contains(key))
        JsonField(m_value, m_file, p).fail("missing");
    return JsonField(m_value.at(key), m_file, p);
}

JsonField JsonField::operator[](std::size_t index) const
{
    if (!m_value.is_array())
        fail("expected an array, got " + typeName());
    const std::string p = m_path + "[" + std::to_string(index) + "]";
    if (index >= m_value.size())
        JsonField(m_value, m_file, p).fail("missing (the array has " + std::to_string(m_value.size())
                                           + " elements)");
    return JsonField(m_value.at(index), m_file, p);
}

std::optional<JsonField> JsonField::optional(const std::string& key) const
{
    object();
    if (!has(key))
        return std::nullopt;
    return (*this)[key];
}

double JsonField::number(double min, double max) const
{
    if (!m_value.is_number())
        fail("expected a number, got " + typeName());
    const double v = m_value.get<double>();
    if (!std::isfinite(v) || v < min || v > max)
        fail(numberText(v) + " is outside " + numberText(min) + " … " + numberText(max));
    return v;
}

long long JsonField::integer(long long min, long long max) const
{
    if (!m_value.is_number_integer())
        fail("expected a whole number, got " + (m_value.is_number() ? m_value.dump() : typeName()));
    if (m_value.is_number_unsigned() && m_value.get<std::uint64_t>() > std::uint64_t(max))
        fail(m_value.dump() + " is outside " + std::to_string(min) + " … " + std::to_string(max));
    const long long v = m_value.get<long long>();
    if (v < min || v > max)
        fail(std::to_string(v) + " is outside " + std::to_string(min) + " … " + std::to_string(max));
    return v;
}

std::uint64_t JsonField::unsignedInteger() const
{
    if (!m_value.is_number_unsigned() && !(m_value.is_number_integer() && m_value.get<long long>() >= 0))
        fail("expected a non-negative whole number, got "
             + (m_value.is_number() ? m_value.dump() : typeName()));
    return m_value.get<std::uint64_t>();
}

bool JsonField::boolean() const
{
    if (!m_value.is_boolean())
        fail("expected true or false, got " + typeName());
    return m_value.get<bool>();
}

std::string JsonField::string() const
{
    if (!m_value.is_string())
        fail("expected a string, got " + typeName());
    return m_value.get<std::string>();
}

std::size_t JsonField::array(std::optional<std::size_t> size) const
{
    if (!m_value.is_array())
        fail("expected an array, got " + typeName());
    if (size && m_value.size() != *size)
        fail("expected " + std::to_string(*size) + " elements, got " + std::to_string(m_value.size()));
    return m_value.size();
}

void JsonField::onlyKeys(std::initializer_list<const char*> known) const
{
    object();
    for (const auto& item : m_value.items()) {
        const std::string& k = item.key();
        if (std::none_of(known.begin(), known.end(), [&](const char* n) { return k == n; }))
            JsonField(item.value(), m_file, m_path.empty() ? k : m_path + "." + k).fail("unknown key");
    }
}

} // namespace scnn::model
