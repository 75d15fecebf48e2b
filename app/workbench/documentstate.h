// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — the editable part of an experiment, as one value.
#pragma once

#include "app/workbench/dataselection.h"
#include "model/boardsettings.h"
#include "model/network.h"

#include <cstdint>
#include <string>

namespace scnn::app {

/**
 * @brief What the user edits in an experiment, copied as one value: undo
 * commands keep a before and an after copy. The rest of the experiment
 * (learned weights, recordings, SVM, history) changes only through runs and
 * imports. Networks are small (layer descriptions, not weights), so copies
 * are cheap.
 */
struct DocumentState
{
    model::Network network = model::seedNetwork();
    DataSelection data;
    std::uint64_t seed = 1; ///< Seed of initial weights, encodings and the SVM
    std::string backend = "sim"; ///< Where phases run (hardware::createBackend() name)
    model::BoardRunSettings board; ///< SpiNNaker mapping: neurons per core, time scale factor

    bool operator==(const DocumentState&) const = default;
};

} // namespace scnn::app
