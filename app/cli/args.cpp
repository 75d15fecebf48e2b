// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/args.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <sstream>

namespace scnn::cli {

Args::Args(std::vector<std::string> argv, std::vector<std::string> flagNames)
{
    for (std::size_t i = 0; i < argv.size(); ++i) {
        const std::string& a = argv[i];
        if (a.size() > 2 && a.rfind("--", 0) == 0) {
            std::string key = a.substr(2);
            const auto eq = key.find('=');
            if (eq != std::string::npos) {
                m_options[key.substr(0, eq)] = key.substr(eq + 1);
            } else if (std::find(flagNames.begin(), flagNames.end(), key) != flagNames.end()) {
                m_flags[key] = true;
            } else {
                if (i + 1 >= argv.size())
                    m_missing.push_back(key); // "needs a value" if asked for, else unknown (finish())
                else
                    m_options[key] = argv[++i];
            }
        } else if (a.size() == 2 && a[0] == '-' && a[1] != '-') {
            // A one-letter option such as -o FILE: always takes a value.
            if (i + 1 >= argv.size())
                throw UsageError("option " + a + " needs a value");
            m_options[a.substr(1)] = argv[++i];
        } else {
            m_positionals.push_back(a);
        }
    }
}

bool Args::flag(const std::string& name)
{
    m_used[name] = true;
    return m_flags.count(name) > 0;
}

std::optional<std::string> Args::value(const std::string& name)
{
    m_used[name] = true;
    if (std::find(m_missing.begin(), m_missing.end(), name) != m_missing.end())
        throw UsageError("option --" + name + " needs a value");
    auto it = m_options.find(name);
    if (it == m_options.end())
        return std::nullopt;
    return it->second;
}

std::string Args::valueOr(const std::string& name, const std::string& fallback)
{
    return value(name).value_or(fallback);
}

std::optional<long long> Args::integer(const std::string& name, long long min, long long max)
{
    auto v = value(name);
    if (!v)
        return std::nullopt;
    long long out = 0;
    const char* end = v->data() + v->size();
    auto [p, ec] = std::from_chars(v->data(), end, out);
    if (ec != std::errc() || p != end)
        throw UsageError("--" + name + " expects a whole number, got '" + *v + "'");
    if (out < min || out > max)
        throw UsageError("--" + name + " = " + *v + " is outside " + std::to_string(min) + " … "
                         + std::to_string(max));
    return out;
}

std::optional<double> Args::number(const std::string& name, double min, double max)
{
    auto v = value(name);
    if (!v)
        return std::nullopt;
    double out = 0;
    const char* end = v->data() + v->size();
    auto [p, ec] = std::from_chars(v->data(), end, out);
    if (ec != std::errc() || p != end || !std::isfinite(out))
        throw UsageError("--" + name + " expects a number, got '" + *v + "'");
    if (out < min || out > max) {
        std::ostringstream s;
        s << "--" << name << " = " << *v << " is outside " << min << " … " << max;
        throw UsageError(s.str());
    }
    return out;
}

std::vector<int> Args::intList(const std::string& name, int min, int max)
{
    std::vector<int> out;
    auto v = value(name);
    if (!v)
        return out;
    std::stringstream s(*v);
    std::string item;
    while (std::getline(s, item, ',')) {
        int x = 0;
        const char* end = item.data() + item.size();
        auto [p, ec] = std::from_chars(item.data(), end, x);
        if (item.empty() || ec != std::errc() || p != end)
            throw UsageError("--" + name + " expects a comma-separated list of whole numbers, got '"
                             + *v + "'");
        if (x < min || x > max)
            throw UsageError("--" + name + ": " + item + " is outside " + std::to_string(min) + " … "
                             + std::to_string(max));
        out.push_back(x);
    }
    if (out.empty())
        throw UsageError("--" + name + " is empty");
    return out;
}

std::string Args::positional(const std::string& what)
{
    if (m_nextPositional >= m_positionals.size())
        throw UsageError("missing " + what);
    return m_positionals[m_nextPositional++];
}

std::optional<std::string> Args::optionalPositional()
{
    if (m_nextPositional >= m_positionals.size())
        return std::nullopt;
    return m_positionals[m_nextPositional++];
}

void Args::finish() const
{
    if (m_nextPositional < m_positionals.size())
        throw UsageError("unexpected argument '" + m_positionals[m_nextPositional] + "'");
    for (const auto& [k, v] : m_options)
        if (!m_used.count(k))
            throw UsageError("unknown option --" + k);
    for (const auto& [k, v] : m_flags)
        if (!m_used.count(k))
            throw UsageError("unknown option --" + k);
    for (const std::string& k : m_missing)
        if (!m_used.count(k))
            throw UsageError("unknown option --" + k);
}

} // namespace scnn::cli
