// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — how long a windowed training run takes on a SpiNNaker board, in real time.
#include "model/boardtime.h"

#include "model/error.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace scnn::model {

BoardTime boardTime(std::int64_t images, std::int64_t windowsPerImage, double presentationMs, int timeScaleFactor)
{
    const std::string where = "board time estimate";
    if (images < 0)
        throw Error("images must be ≥ 0, not " + std::to_string(images), where);
    if (windowsPerImage < 0)
        throw Error("windows per image must be ≥ 0, not " + std::to_string(windowsPerImage), where);
    if (!(presentationMs > 0.0) || !std::isfinite(presentationMs))
        throw Error("presentation time must be > 0 ms, not " + std::to_string(presentationMs), where);
    if (timeScaleFactor < 1)
        throw Error("time scale factor must be ≥ 1, not " + std::to_string(timeScaleFactor), where);
    BoardTime t;
    t.images = images;
    t.windowsPerImage = windowsPerImage;
    t.presentationMs = presentationMs;
    t.timeScaleFactor = timeScaleFactor;
    t.simulatedMs = double(images) * double(windowsPerImage) * presentationMs;
    t.realSeconds = t.simulatedMs * double(timeScaleFactor) / 1000.0;
    return t;
}

int effectiveTimeScaleFactor(int configured, double dtMs)
{
    if (configured >= 1)
        return configured;
    if (!(dtMs > 0.0) || !std::isfinite(dtMs))
        return 1;
    return std::max(1, int(std::ceil(1.0 / dtMs - 1e-9)));
}

std::int64_t windowsPerImage(const Network& network, int layer)
{
    if (layer < 0 || layer >= int(network.layers.size()) || network.layers[std::size_t(layer)].kind != LayerKind::Conv)
        throw Error("layer " + std::to_string(layer + 1) + " is not a conv layer of the network", "board time estimate");
    const std::vector<Shape> shapes = network.shapes();
    const Shape& out = shapes[std::size_t(layer) + 1];
    return std::max<std::int64_t>(0, std::int64_t(out.h)) * std::max<std::int64_t>(0, std::int64_t(out.w));
}

std::int64_t trainingImages(const DatasetSelection& data, int stdpExamples, bool* exact)
{
    constexpr std::int64_t perClassInFullSplit = 6000;
    const std::int64_t classes = std::int64_t(data.classes.size());
    const bool all = data.trainPerClass <= 0;
    std::int64_t n = classes * (all ? perClassInFullSplit : std::int64_t(data.trainPerClass));
    bool isExact = !all;
    if (stdpExamples > 0 && stdpExamples <= n) {
        n = stdpExamples;
        isExact = true;
    }
    if (exact)
        *exact = isExact;
    return n;
}

std::string describe(const BoardTime& t)
{
    char buf[200];
    const double minutes = t.realSeconds / 60.0;
    std::snprintf(buf, sizeof buf, "%lld images × %lld windows × %g ms × time scale %d = %.2f h (%.0f min)",
                  static_cast<long long>(t.images), static_cast<long long>(t.windowsPerImage), t.presentationMs,
                  t.timeScaleFactor, t.realHours(), minutes);
    return buf;
}

} // namespace scnn::model
