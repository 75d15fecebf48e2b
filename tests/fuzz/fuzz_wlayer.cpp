// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: the original package's model/w_layer_N weight files.
#include "fuzzsupport.h"
#include "model/seedimport.h"

#include <cmath>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace scnn;
    fuzz::MemoryFile file(data, size);
    fuzz::expectCleanRejection([&] {
        const auto rows = model::readWeightRows(file.path());
        for (const auto& row : rows)
            if (row.size() != rows.front().size())
                std::abort(); // rows of different lengths must be refused
    });
    return 0;
}
