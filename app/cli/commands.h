// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — the `scnn` subcommands.
#pragma once

#include "app/cli/args.h"

#include <iosfwd>
#include <string>
#include <vector>

namespace scnn::cli {

/// Where a command writes: results on `out` (JSON with --json), messages on `err`.
struct Io
{
    std::ostream& out;
    std::ostream& err;
};

/// One subcommand. Add a row to commandTable() in cli.cpp for each new one.
struct Command
{
    const char* name;
    const char* usage;    ///< e.g. "info DIR [--json]"
    const char* summary;  ///< One line for `scnn help`
    std::vector<std::string> flags; ///< Options that take no value, e.g. "json"
    int (*run)(Args& args, Io& io);
};

const std::vector<Command>& commandTable();

/// Runs `scnn <argv...>` in-process (argv without the program name) and
/// returns its exit code. Every failure is one line on io.err.
int runCli(const std::vector<std::string>& argv, Io& io);

} // namespace scnn::cli
