// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — which examples of which dataset an experiment uses.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace scnn::app {

/**
 * @brief The data an experiment trains and tests on: a folder with IDX files,
 * the classes, how many examples of each class, and the shuffle seed.
 */
struct DataSelection
{
    std::string name = "mnist";         ///< "mnist" or "fashion-mnist"
    std::string dataDir;                ///< Folder with *-idx3-ubyte[.gz] files; empty: search
    std::vector<int> classes{0, 1, 7, 8}; ///< Class labels used, ascending
    int trainPerClass = 50;             ///< Training examples per class
    int testPerClass = 20;              ///< Test examples per class
    std::uint64_t seed = 1;             ///< Shuffle and initial-weight seed

    bool operator==(const DataSelection&) const = default;
};

} // namespace scnn::app
