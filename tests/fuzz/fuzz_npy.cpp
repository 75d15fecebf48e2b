// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: NumPy .npy files. A file that parses must write back to bytes
// that parse and write again to the same bytes (bytes, not values: NaN ≠ NaN).
#include "fuzzsupport.h"
#include "model/npy.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace scnn;
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    fuzz::expectCleanRejection([&] {
        const model::NpyArray a = model::parseNpy(bytes, "fuzz");
        if (std::int64_t(a.size()) != a.elementCount())
            std::abort();
        const std::string once = model::npyBytes(a);
        if (model::npyBytes(model::parseNpy(once, "again")) != once)
            std::abort();
    });
    return 0;
}
