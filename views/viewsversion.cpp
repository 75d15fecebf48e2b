// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/viewsversion.h"

namespace scnn::views {

const char* viewsVersion()
{
    return "0.1.0";
}

} // namespace scnn::views
