// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — import of the 2018 package's model/w_layer_N weight files.
#pragma once

#include "model/experiment.h"

#include <string>
#include <vector>

namespace scnn::model {

/**
 * @brief Reads one w_layer_N file: one row per kernel of comma-separated
 * numbers (a row may end in a comma; blank lines are ignored). Throws Error
 * naming the file, line and column of anything that is not a number, and
 * rows of different lengths.
 */
std::vector<std::vector<double>> readWeightRows(const std::string& path);

/**
 * @brief Imports every `w_layer_N` file of `modelDir` into `e`: file N holds
 * the kernels of the N-th convolution layer. Checks all files before it
 * changes anything; when they do not fit the model it says exactly why
 * (rows vs kernels, values per row vs kh·kw·C). Returns the files imported,
 * in layer order, and adds a history record and a log line.
 */
std::vector<std::string> importSeedWeights(Experiment& e, const std::string& modelDir);

} // namespace scnn::model
