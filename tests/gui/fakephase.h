// SPDX-License-Identifier: GPL-3.0-or-later
// A small fake phase for the workbench tests: busy work in bounded chunks.
#pragma once

#include "app/workbench/phase.h"
#include "model/error.h"

#include <QElapsedTimer>

#include <atomic>
#include <cmath>

namespace scnn::test {

/// Runs `chunks` chunks of about `chunkMs` of arithmetic each, reports
/// progress and a snapshot after every chunk, checks cancel between chunks,
/// and on success adds one kernel to the first layer (a visible commit).
inline app::PhaseFunction fakePhase(int chunks, int chunkMs)
{
    return [chunks, chunkMs](const model::Experiment& snapshot, app::PhaseSink& sink,
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
