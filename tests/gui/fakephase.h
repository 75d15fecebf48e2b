// SPDX-License-Identifier: GPL-3.0-or-later
// A small fake phase for the workbench tests: busy work in bounded chunks.
#pragma once

#include "app/workbench/phase.h"
#include "hardware/pipeline/phaserunner.h"
#include "model/error.h"

#include <QElapsedTimer>

#include <atomic>
#include <cmath>

namespace scnn::test {

/// Fills `s` with a live recording as large as the pipeline sends: chunk `c`
/// covers [c·2000, (c+1)·2000) ms with as many input and output spikes as a
/// snapshot may carry (LiveRecording::liveMaxSpikes each),
/// 4 membrane traces of 2,000 samples and a 9×9×4 activity map, and a 28×28 image.
inline void addLiveRecording(app::PhaseSnapshot& s, int c)
{
    const double from = c * 2000.0;
    s.hasSpikes = true;
    s.inputNeurons = 25;
    s.outputNeurons = 4;
    s.fromMs = from;
    s.toMs = from + 2000.0;
    const int spikes = int(hardware::pipeline::LiveRecording::liveMaxSpikes);
    for (int i = 0; i < spikes; ++i) {
        s.inputSpikes.add(i % 25, from + i * 2000.0 / spikes);
        s.outputSpikes.add(i % 4, from + i * 2000.0 / spikes);
    }
    for (int t = 0; t < 2000; ++t)
        s.membraneTimes.push_back(from + t);
    s.membraneNeurons = {0, 1, 2, 3};
    for (int n = 0; n < 4; ++n)
        for (int t = 0; t < 2000; ++t)
            s.membraneValues.push_back(float(-65.0 + 10.0 * std::sin(0.05 * (t + n * 7))));
    s.thresholdMv = -55.0;
    s.resetMv = -65.0;
    s.activityH = s.activityW = 9;
    s.activityK = 4;
    for (int i = 0; i < 9 * 9 * 4; ++i)
        s.activity.push_back((i * 7 + c) % 23);
    s.image.assign(28 * 28, std::uint8_t(c * 10));
    s.imageWidth = s.imageHeight = 28;
    s.imageCaption = QStringLiteral("#%1").arg(c + 1);
}

/// Runs `chunks` chunks of about `chunkMs` of arithmetic each, reports
/// progress and a snapshot after every chunk (with a full-size live
/// recording when `live`), checks cancel between chunks, and on success adds
/// one kernel to the first layer (a visible commit).
inline app::PhaseFunction fakePhase(int chunks, int chunkMs, bool live = false)
{
    return [chunks, chunkMs, live](const model::Experiment& snapshot, app::PhaseSink& sink,
                                   const std::atomic<bool>& cancel) {
        volatile double sink_ = 0.0;
        for (int c = 0; c < chunks; ++c) {
            if (cancel.load())
                throw model::Cancelled();
            QElapsedTimer t;
            t.start();
            while (t.elapsed() < chunkMs)
                for (int i = 0; i < 1000; ++i)
                    sink_ = sink_ + std::sqrt(double(i + c));
            sink.progress({c + 1, chunks, "chunk " + std::to_string(c + 1)});
            app::PhaseSnapshot s;
            s.layer = 0;
            s.kernelCount = 1;
            s.channels = 1;
            s.kh = s.kw = 2;
            s.kernels = {float(c), 0.f, 0.f, float(c)};
            if (live)
                addLiveRecording(s, c);
            sink.snapshot(s);
        }
        app::PhaseOutcome out;
        out.experiment = snapshot;
        if (!out.experiment.network.layers.empty())
            out.experiment.network.layers[0].kernels += 1;
        out.summary = "fake phase done";
        return out;
    };
}

} // namespace scnn::test
