// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — strict reading of JSON fields with messages naming file and field.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace scnn::model {

/**
 * @brief A JSON value together with where it is (file and field path), so
 * every read can fail with "FILE: field model.layers[0].stride: …".
 *
 * @code
 * JsonField root(json, "experiment.json");
 * int k = int(root["model"]["layers"][0]["kernels"].integer(1, 4096));
 * @endcode
 */
class JsonField
{
public:
    JsonField(const nlohmann::json& value, std::string file, std::string path = {});

    /// A required key of an object.
    JsonField operator[](const std::string& key) const;
    /// An element of an array.
    JsonField operator[](std::size_t index) const;
    /// An optional key (nullopt when absent or null).
    std::optional<JsonField> optional(const std::string& key) const;
    bool has(const std::string& key) const;

    double number(double min, double max) const;
    long long integer(long long min, long long max) const;
    std::uint64_t unsignedInteger() const;
    bool boolean() const;
    std::string string() const;
    /// Checks the value is an array (optionally of exactly `size` elements); returns its size.
    std::size_t array(std::optional<std::size_t> size = std::nullopt) const;
    /// Checks the value is an object.
    void object() const;
    /// Fails when the object has a key not in `known`.
    void onlyKeys(std::initializer_list<const char*> known) const;

    const nlohmann::json& value() const { return m_value; }
    const std::string& path() const { return m_path; }
    const std::string& file() const { return m_file; }

    [[noreturn]] void fail(const std::string& what) const;

private:
    std::string typeName() const;

    const nlohmann::json& m_value;
    std::string m_file;
    std::string m_path;
};

} // namespace scnn::model
