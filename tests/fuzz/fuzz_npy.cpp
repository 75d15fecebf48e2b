// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: .npy parsing; whatever parses must survive a write/read round trip.
#include "model/error.h"
#include "model/npy.h"

#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    try {
        const scnn::model::NpyArray a = scnn::model::parseNpy(bytes, "fuzz");
        // Compare bytes, not values: NaN != NaN.
        const std::string once = scnn::model::npyBytes(a);
        if (scnn::model::npyBytes(scnn::model::parseNpy(once, "again")) != once)
            std::abort();
    } catch (const scnn::model::Error&) {
    }
    return 0;
}
