// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — views library marker (the widgets join as they are written).
#pragma once

namespace scnn::views {

/// Version of the views library, shown in the About box.
const char* viewsVersion();

} // namespace scnn::views
