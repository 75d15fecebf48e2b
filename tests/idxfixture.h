// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — synthetic IDX datasets for tests.
#pragma once

#include "model/idx.h"

#include <string>
#include <vector>

namespace scnn::test {

/**
 * @brief Writes `<dir>/<prefix>-images-idx3-ubyte[.gz]` and the labels file:
 * `perClass[c]` examples of class c, classes interleaved. Pixels 0 and 1 hold
 * the example's index (low, high byte) so draws can be traced back.
 */
inline void writeSet(const std::string& dir, const std::string& prefix, const std::vector<int>& perClass,
                     bool gzip, int rows = 4, int cols = 4)
{
    model::IdxImages im;
    model::IdxLabels lb;
    im.rows = rows;
    im.cols = cols;
    std::vector<int> left = perClass;
    for (bool any = true; any;) {
        any = false;
        for (std::size_t c = 0; c < left.size(); ++c) {
            if (left[c] == 0)
                continue;
            any = true;
            --left[c];
            const int index = im.count++;
            for (int k = 0; k < rows * cols; ++k)
                im.pixels.push_back(k == 0   ? std::uint8_t(index & 0xff)
                                    : k == 1 ? std::uint8_t(index >> 8)
                                             : std::uint8_t((c * 20 + k) % 256));
            lb.labels.push_back(std::uint8_t(c));
        }
    }
    lb.count = im.count;
    const std::string ext = gzip ? ".gz" : "";
    auto wrap = [&](std::vector<std::uint8_t> b) { return gzip ? model::gzipBytes(b) : b; };
    model::writeBytes(dir + "/" + prefix + "-images-idx3-ubyte" + ext, wrap(model::idxBytes(im)));
    model::writeBytes(dir + "/" + prefix + "-labels-idx1-ubyte" + ext, wrap(model::idxBytes(lb)));
}

} // namespace scnn::test
