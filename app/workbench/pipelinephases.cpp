// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — the training pipeline as the window's phase functions.
#include "app/workbench/pipelinephases.h"

#include "hardware/pipeline/experimentstore.h"
#include "hardware/pipeline/phaserunner.h"
#include "hardware/backendregistry.h"
#include "model/boardsettings.h"
#include "model/dataset.h"
#include "model/error.h"

#include <QCoreApplication>
#include <QThread>

#include <cstdio>
#include <memory>
#include <mutex>

namespace scnn::app {

namespace hp = hardware::pipeline;

namespace {

/// One loaded dataset, reused while the selection does not change.
class DatasetCache
{
public:
    std::shared_ptr<const model::Dataset> get(const model::DatasetSelection& s)
    {
        {
            const std::lock_guard lock(m_mutex);
            if (m_data && m_data->selection == s)
                return m_data;
        }
        auto data = std::make_shared<const model::Dataset>(model::loadDataset(s));
        const std::lock_guard lock(m_mutex);
        m_data = data;
        return data;
    }

private:
    std::mutex m_mutex;
    std::shared_ptr<const model::Dataset> m_data;
};

std::unique_ptr<hardware::Backend> makeBackend(const model::Experiment& e, hardware::BackendConfig config,
                                               PhaseSink& sink)
{
    const model::BoardRunSettings board = model::boardRunSettings(e);
    config.pynn.script.spinnaker.neuronsPerCore = board.neuronsPerCore;
    config.pynn.script.spinnaker.timeScaleFactor = board.timeScaleFactor;
    config.pynn.log = [&sink](const std::string& line) {
        if (line.rfind("progress ", 0) != 0) // the progress bar shows those
            sink.log(line);
    };
    return hardware::createBackend(e.backend.empty() ? std::string("sim") : e.backend, config);
}

/// Example `index` of `ex` as the image the live views show.
void setImage(PhaseSnapshot& s, const model::Examples& ex, int index, const char* what)
{
    if (index < 0 || index >= ex.size())
        return;
    const std::uint8_t* px = ex.image(index);
    s.image.assign(px, px + std::size_t(ex.rows) * std::size_t(ex.cols));
    s.imageWidth = ex.cols;
    s.imageHeight = ex.rows;
    const int label = index < int(ex.labels.size()) ? ex.labels[std::size_t(index)] : -1;
    s.imageCaption = QCoreApplication::translate("scnn::app::PipelinePhases", "%1 #%2 (%3)")
                         .arg(QCoreApplication::translate("scnn::app::PipelinePhases", what))
                         .arg(index + 1)
                         .arg(label);
}

/// The spikes, traces and activity of a training snapshot, as the views take them.
void copyLive(const hp::LiveRecording& l, PhaseSnapshot& s)
{
    s.hasSpikes = true;
    s.inputNeurons = l.inputNeurons;
    s.outputNeurons = l.outputNeurons;
    s.fromMs = l.fromMs;
    s.toMs = l.toMs;
    s.inputSpikes = l.input;
    s.outputSpikes = l.output;
    const hardware::MembraneTrace& m = l.membranes;
    const std::size_t n = m.neurons.size();
    if (n > 0 && m.values.size() == m.times.size() * n) {
        s.membraneTimes = m.times;
        s.membraneNeurons = m.neurons;
        s.membraneValues.resize(m.values.size());
        for (std::size_t t = 0; t < m.times.size(); ++t) // time-major → neuron-major
            for (std::size_t i = 0; i < n; ++i)
                s.membraneValues[i * m.times.size() + t] = float(m.values[t * n + i]);
    }
    s.thresholdMv = l.thresholdMv;
    s.resetMv = l.resetMv;
    if (std::size_t(l.mapShape.size()) == l.activity.size() && !l.activity.empty()) {
        s.activity = l.activity;
        s.activityH = l.mapShape.h;
        s.activityW = l.mapShape.w;
        s.activityK = l.mapShape.c;
    }
}

/// Model kernels of a training snapshot (replica 0) for the live views.
PhaseSnapshot toSnapshot(const hp::TrainingSnapshot& t, const std::vector<double>* reference)
{
    PhaseSnapshot s;
    s.layer = t.layer;
    s.kernelCount = t.kernels;
    s.channels = t.channels;
    s.kh = t.kh;
    s.kw = t.kw;
    const std::size_t n = std::size_t(t.kernels) * t.channels * t.kh * t.kw;
    if (t.weights.size() < n)
        return s;
    s.kernels.assign(t.weights.begin(), t.weights.begin() + std::ptrdiff_t(n));
    if (reference && reference->size() >= n)
        s.reference.assign(reference->begin(), reference->begin() + std::ptrdiff_t(n));
    copyLive(t.live, s);
    return s;
}

std::string summaryOf(const hp::PhaseOutcome& out)
{
    char buf[160];
    if (const auto acc = out.accuracy()) {
        std::snprintf(buf, sizeof buf, "accuracy %.1f %% on %lld examples", *acc * 100.0, (long long)out.examples);
        return buf;
    }
    if (const hp::LayerTrainingResult* t = out.training()) {
        std::snprintf(buf, sizeof buf, "%lld windows of %lld examples", (long long)t->windowsPresented,
                      (long long)t->examples);
        return buf;
    }
    return {};
}

/// The phase provider; `factoryFor` is asked on the calling (GUI) thread
/// when a phase is created, and what it returns makes the backend on the
/// worker thread.
PhaseProvider pipelinePhasesWith(int threads, std::function<BackendFactory()> factoryFor)
{
    if (threads <= 0)
        threads = std::max(1, QThread::idealThreadCount() - 1);
    auto cache = std::make_shared<DatasetCache>();
    return [cache, threads, factoryFor](const PhaseId& id) -> PhaseFunction {
        BackendFactory backends = factoryFor();
        hp::PhaseRequest request;
        switch (id.kind) {
        case PhaseId::Kind::TrainLayer:
            request.kind = model::PhaseKind::TrainLayer;
            request.layer = id.layer;
            break;
        case PhaseId::Kind::TrainSvm:
            request.kind = model::PhaseKind::Svm;
            break;
        case PhaseId::Kind::Test:
        case PhaseId::Kind::RunAll:
            request.kind = model::PhaseKind::Test;
            break;
        }
        return [cache, threads, request, backends](const model::Experiment& snapshot, PhaseSink& sink,
                                                   const std::atomic<bool>& cancel) {
            auto backend = backends(snapshot, sink);
            sink.progress({0, 0, "loading data"});
            const hp::PhaseInputs inputs = hp::phaseInputs(snapshot, cache->get(snapshot.dataset));
            // The weights the layer starts from, for the weight-change view.
            std::vector<double> reference;
            if (request.kind == model::PhaseKind::TrainLayer && request.layer < int(inputs.kernels.size()))
                reference = inputs.kernels[std::size_t(request.layer)];
            hp::PhaseControl control;
            control.cancel = &cancel;
            control.threads = threads;
            // Readouts show the example being presented (the sink throttles).
            const model::Examples* readout = nullptr;
            const char* readoutName = nullptr;
            if (request.kind == model::PhaseKind::Svm) {
                readout = &inputs.data->train;
                readoutName = QT_TRANSLATE_NOOP("scnn::app::PipelinePhases", "training");
            } else if (request.kind == model::PhaseKind::Test) {
                readout = &inputs.data->test;
                readoutName = QT_TRANSLATE_NOOP("scnn::app::PipelinePhases", "test");
            }
            control.progress = [&sink, readout, readoutName](const hp::PhaseProgress& p) {
                sink.progress({p.done, p.total, p.what});
                if (readout && p.total == readout->size() && p.done < p.total) {
                    PhaseSnapshot s;
                    setImage(s, *readout, int(p.done), readoutName);
                    sink.snapshot(s);
                }
            };
            control.snapshot = [&sink, &reference, &inputs](const hp::TrainingSnapshot& t) {
                if (reference.empty()) // untrained: the first snapshot stands for the start
                    reference = t.weights;
                PhaseSnapshot s = toSnapshot(t, reference.empty() ? nullptr : &reference);
                setImage(s, inputs.data->train, t.live.example,
                         QT_TRANSLATE_NOOP("scnn::app::PipelinePhases", "training"));
                sink.snapshot(s);
            };
            const std::string started = hp::isoNow();
            const hp::PhaseOutcome out = hp::runPhase(request, inputs, *backend, control);
            if (cancel.load())
                throw model::Cancelled();
            PhaseOutcome result;
            result.experiment = snapshot;
            hp::commitPhase(out, result.experiment, started);
            result.summary = summaryOf(out);
            return result;
        };
    };
}

} // namespace

PhaseProvider pipelinePhases(int threads, BackendConfigSource configSource)
{
    return pipelinePhasesWith(threads, [configSource]() -> BackendFactory {
        hardware::BackendConfig config = configSource ? configSource() : hardware::BackendConfig{};
        return [config](const model::Experiment& e, PhaseSink& sink) { return makeBackend(e, config, sink); };
    });
}

PhaseProvider pipelinePhases(int threads, BackendFactory backends)
{
    return pipelinePhasesWith(threads, [backends] { return backends; });
}

} // namespace scnn::app
