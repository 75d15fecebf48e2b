// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — the training pipeline as the window's phase functions.
#include "app/workbench/pipelinephases.h"

#include "hardware/pipeline/experimentstore.h"
#include "hardware/pipeline/phaserunner.h"
#include "hardware/backendregistry.h"
#include "model/boardsettings.h"
#include "model/dataset.h"
#include "model/error.h"

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
            control.progress = [&sink](const hp::PhaseProgress& p) { sink.progress({p.done, p.total, p.what}); };
            control.snapshot = [&sink, &reference](const hp::TrainingSnapshot& t) {
                if (reference.empty()) // untrained: the first snapshot stands for the start
                    reference = t.weights;
                sink.snapshot(toSnapshot(t, reference.empty() ? nullptr : &reference));
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
