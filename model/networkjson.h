// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — the network model and dataset selection as JSON.
#pragma once

#include "model/dataset.h"
#include "model/jsonfields.h"
#include "model/network.h"

#include <nlohmann/json.hpp>

namespace scnn::model {

/**
 * @brief JSON of the model, as stored under "model" in experiment.json:
 * @code
 * {"input": [28, 28, 1],
 *  "layers": [{"type": "conv", "kernels": 4, "kernel": [4, 4], "stride": 3, "per_channel": false,
 *              "train": {"cm": 0.5, "tau_m": 10, …}, "rebuild": {…},
 *              "stdp": {"rule": "pair_additive", "tau_plus": 7, …},
 *              "inhibition": {"enabled": true, "weight": 300, "delay": 1}},
 *             {"type": "pool", "size": [2, 2], "stride": 2}],
 *  "classifier": {"kind": "linear", "c": 0, "standardize": true},
 *  "timing": {"dt": 1, "synaptic_delay": 1, "presentation": 100, "idle": 50},
 *  "encoding": {"kind": "rate", "fire_factor": 4, …}}
 * @endcode
 */
nlohmann::json toJson(const Network& net);
/// Reads and fully validates a model; throws Error naming the file and field.
Network networkFromJson(const JsonField& j);

nlohmann::json toJson(const DatasetSelection& s);
DatasetSelection datasetSelectionFromJson(const JsonField& j);

nlohmann::json toJson(const Shape& s); ///< [H, W, C]

} // namespace scnn::model
