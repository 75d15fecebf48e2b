// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — how long a windowed training run takes on a SpiNNaker board, in real time.
#pragma once

#include "model/dataset.h"
#include "model/network.h"

#include <cstdint>
#include <string>

namespace scnn::model {

/**
 * @brief Real time a windowed STDP training run takes on SpiNNaker.
 *
 * The board runs in (slowed-down) real time: every window is presented for
 * `presentationMs` of simulated time, and each simulated millisecond takes
 * `timeScaleFactor` milliseconds of wall-clock time (spinnaker.md §6.1).
 * Mapping, loading and reading back come on top and are not included.
 *
 *     real seconds = images × windowsPerImage × presentationMs × timeScaleFactor / 1000
 *
 * @code
 * const BoardTime t = boardTime(400, 81, 100.0, 1);  // 3240 s = 0.9 h
 * if (t.exceedsHour()) confirm(describe(t));
 * @endcode
 */
struct BoardTime
{
    std::int64_t images = 0;          ///< Training images whose windows are presented
    std::int64_t windowsPerImage = 0; ///< Output positions of the layer (one window each)
    double presentationMs = 0.0;      ///< Simulated time per window [ms]
    int timeScaleFactor = 1;          ///< Wall-clock ms per simulated ms [1]
    double simulatedMs = 0.0;         ///< images × windows × presentation [ms]
    double realSeconds = 0.0;         ///< simulatedMs × timeScaleFactor / 1000 [s]

    double realHours() const { return realSeconds / 3600.0; }
    /// True when the run takes longer than one hour of real time.
    bool exceedsHour() const { return realSeconds > 3600.0; }
};

/// The estimate for these numbers; throws Error naming the field for
/// negative counts, a presentation time ≤ 0 or a time scale factor < 1.
BoardTime boardTime(std::int64_t images, std::int64_t windowsPerImage, double presentationMs, int timeScaleFactor);

/// The time scale factor sPyNNaker uses: `configured` when ≥ 1, otherwise its
/// default max(1, ceil(1 / dt)) for a timestep `dtMs` [ms] (spinnaker.md §6.1).
int effectiveTimeScaleFactor(int configured, double dtMs);

/// Windows per image when conv layer `layer` (index into network.layers)
/// trains: its output positions, out_h × out_w. Throws Error when `layer` is
/// not a conv layer of the network.
std::int64_t windowsPerImage(const Network& network, int layer);

/// Training images of a selection: trainPerClass × classes, capped by
/// `stdpExamples` when > 0. A selection of all images (trainPerClass 0)
/// counts 6000 per class, the size of MNIST's and Fashion-MNIST's training
/// split per class; `exact` (when given) is then set to false.
std::int64_t trainingImages(const DatasetSelection& data, int stdpExamples, bool* exact = nullptr);

/// "400 images × 81 windows × 100 ms × time scale 1 = 0.90 h (54 min)".
std::string describe(const BoardTime& t);

} // namespace scnn::model
