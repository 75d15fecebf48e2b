// SPDX-License-Identifier: GPL-3.0-or-later
#include "hardware/backend.h"

#include <algorithm>
#include <numeric>

namespace scnn::hardware {

void SpikeList::sortByTimeThenId()
{
    bool sorted = true;
    for (std::size_t i = 1; i < size() && sorted; ++i)
        sorted = times[i - 1] < times[i] || (times[i - 1] == times[i] && ids[i - 1] <= ids[i]);
    if (sorted)
        return;
    std::vector<std::size_t> order(size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return times[a] != times[b] ? times[a] < times[b] : ids[a] < ids[b];
    });
    SpikeList out;
    out.ids.reserve(size());
    out.times.reserve(size());
    for (std::size_t i : order)
        out.add(ids[i], times[i]);
    *this = std::move(out);
}

} // namespace scnn::hardware
