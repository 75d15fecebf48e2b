// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — running scnn commands in-process for tests.
#pragma once

#include "app/cli/commands.h"

#include <sstream>
#include <string>
#include <vector>

namespace scnn::test {

/// Exit code and the text a command wrote.
struct Run
{
    int code = 0;
    std::string out;
    std::string err;
};

/// `scnn <argv...>` through runCli, capturing both streams.
inline Run scnnRun(const std::vector<std::string>& argv)
{
    std::ostringstream out, err;
    cli::Io io{out, err};
    Run r;
    r.code = cli::runCli(argv, io);
    r.out = out.str();
    r.err = err.str();
    return r;
}

} // namespace scnn::test
