// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — which examples of which dataset an experiment uses.
#pragma once

#include "model/dataset.h"

namespace scnn::app {

/// The data selection the window edits: the model's own (dataset name,
/// folder, classes, examples per class, seed).
using DataSelection = model::DatasetSelection;

} // namespace scnn::app
