// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — a small, strict command-line argument reader.
#pragma once

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace scnn::cli {

/// Exit codes of every subcommand.
enum ExitCode : int {
    ExitOk = 0,
    ExitFailure = 1,   ///< The run failed (simulation error, cancelled, board dead…)
    ExitUsage = 2,     ///< Wrong arguments
    ExitBadInput = 3,  ///< An input file is missing or malformed
};

/// Thrown for wrong arguments; main prints it and exits with ExitUsage.
class UsageError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

/**
 * @brief Arguments of one subcommand: positionals, `--flag`, `--key value`
 * and `--key=value`. Every option must be taken by the command; leftovers
 * are a usage error naming them.
 */
class Args
{
public:
    Args(std::vector<std::string> argv, std::vector<std::string> flagNames);

    bool flag(const std::string& name);
    std::optional<std::string> value(const std::string& name);
    std::string valueOr(const std::string& name, const std::string& fallback);
    std::optional<long long> integer(const std::string& name, long long min, long long max);
    std::optional<double> number(const std::string& name, double min, double max);
    std::vector<int> intList(const std::string& name, int min, int max); ///< "0,1,7,8"

    /// The next positional argument, or a usage error naming `what`.
    std::string positional(const std::string& what);
    std::optional<std::string> optionalPositional();
    /// Fails on options or positionals nobody asked for.
    void finish() const;

private:
    std::vector<std::string> m_positionals;
    std::size_t m_nextPositional = 0;
    std::map<std::string, std::string> m_options;
    std::map<std::string, bool> m_flags;
    std::vector<std::string> m_missing; ///< Options given last, without their value
    mutable std::map<std::string, bool> m_used;
};

} // namespace scnn::cli
