// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commands.h"

#include <ostream>

namespace scnn::cli {

int cmdVersion(Args& args, Io& io)
{
    args.finish();
    io.out << "scnn 0.1.0\n";
    return ExitOk;
}

} // namespace scnn::cli
