// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — the editable content of an experiment, as one value.
#pragma once

#include "app/workbench/dataselection.h"
#include "model/network.h"

namespace scnn::app {

/**
 * @brief Everything the user edits in an experiment, copied as one value:
 * undo commands keep a before and an after copy, and a run gets one as its
 * snapshot. Networks are small (layer descriptions, not weights), so copies
 * are cheap.
 */
struct DocumentState
{
    model::Network network = model::seedNetwork();
    DataSelection data;

    bool operator==(const DocumentState&) const = default;
};

} // namespace scnn::app
