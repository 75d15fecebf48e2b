// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — the `scnn` command line (no GUI).
#include "app/cli/commands.h"

#include <iostream>

int main(int argc, char** argv)
{
    std::vector<std::string> args(argv + 1, argv + argc);
    scnn::cli::Io io{std::cout, std::cerr};
    return scnn::cli::runCli(args, io);
}
