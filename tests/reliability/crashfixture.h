// SPDX-License-Identifier: GPL-3.0-or-later
// The two versions of one experiment that the crash-safety tests save over each other.
#pragma once

#include "model/experiment.h"
#include "model/presets.h"

#include <cstdint>
#include <string>
#include <vector>

namespace scnn::test {

/**
 * @brief Version 0 ("old") or 1 ("new") of an experiment with learned and
 * initial kernels, recordings, features, an SVM, history and a log.
 *
 * The versions differ in every file: other weights, other recordings, an
 * array only the old one has and one only the new one has, another SVM,
 * longer history and log. `scale` multiplies the size of the recordings
 * (1: a few kB; 400: about 10 MB) so a save lasts long enough to be killed
 * at many moments.
 */
inline model::Experiment crashVersion(int version, int scale = 1)
{
    using model::NpyArray;
    model::Experiment e = model::makePreset("seed");
    e.created = "2026-01-02T03:04:05Z";
    e.seed = version == 0 ? 11 : 22;
    std::vector<float> w(64);
    for (std::size_t i = 0; i < w.size(); ++i)
        w[i] = float((i * (version + 3)) % 64) / 64.0f;
    e.setWeights(0, w);
    e.setWeights(0, std::vector<float>(64, version == 0 ? 0.3f : 0.25f), true);
    const std::int64_t n = 1024 * scale;
    std::vector<std::int64_t> spikes(std::size_t(n) * 2);
    for (std::size_t i = 0; i < spikes.size(); ++i)
        spikes[i] = std::int64_t(i * 7 + std::size_t(version) * 13) % 1000;
    e.arrays["recordings/layer1_spikes.npy"] = NpyArray::fromInt64({n, 2}, spikes);
    if (version == 0)
        e.arrays["features/old_only.npy"] = NpyArray::fromDouble({2, 2}, {0.5, 1.5, 2.5, 3.5});
    else
        e.arrays["features/new_only.npy"] = NpyArray::fromDouble({3}, {4.5, 5.5, 6.5});
    e.svmModel = version == 0 ? "svm_type c_svc\nkernel_type linear\nnr_class 4\n"
                              : "svm_type c_svc\nkernel_type linear\nnr_class 4\ntotal_sv 2\n";
    e.history.push_back({"train layer 1", "2026-01-02T03:04:05Z", 12.5, 400, std::nullopt, "rate code"});
    if (version == 1)
        e.history.push_back({"svm", "2026-01-02T03:10:00Z", 1.25, 200, 0.875, ""});
    e.log = version == 0 ? "2026-01-02T03:04:05Z created\n"
                         : "2026-01-02T03:04:05Z created\n2026-01-02T03:10:00Z svm trained\n";
    return e;
}

} // namespace scnn::test
