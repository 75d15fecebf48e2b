// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — the run controller.
#include "app/workbench/runcontroller.h"

#include "app/workbench/experimentdocument.h"
#include "app/workbench/runworker.h"

namespace scnn::app {

RunController::RunController(ExperimentDocument* document, QObject* parent)
    : QObject(parent), m_document(document), m_worker(new RunWorker)
{
    m_thread.setObjectName(QStringLiteral("RunWorker"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &RunWorker::progress, this, &RunController::onProgress);
    connect(m_worker, &RunWorker::snapshot, this, &RunController::onSnapshot);
    connect(m_worker, &RunWorker::logLine, this, &RunController::onLogLine);
    connect(m_worker, &RunWorker::finished, this, &RunController::onFinished);
    m_thread.start();
}

RunController::~RunController()
{
    if (m_cancel)
        m_cancel->store(true);
    m_thread.quit();
    m_thread.wait();
}

std::vector<PhaseId> RunController::expand(const PhaseId& id, const model::Network& network)
{
    if (id.kind != PhaseId::Kind::RunAll)
        return {id};
    std::vector<PhaseId> steps;
    for (int i = 0; i < int(network.layers.size()); ++i)
        if (network.layers[i].kind == model::LayerKind::Conv)
            steps.push_back({PhaseId::Kind::TrainLayer, i});
    steps.push_back({PhaseId::Kind::TrainSvm, 0});
    steps.push_back({PhaseId::Kind::Test, 0});
    return steps;
}

QString RunController::phaseName(const PhaseId& id)
{
    switch (id.kind) {
    case PhaseId::Kind::TrainLayer:
        return tr("Train layer %1").arg(id.layer + 1);
    case PhaseId::Kind::TrainSvm:
        return tr("Train SVM");
    case PhaseId::Kind::Test:
        return tr("Test");
    case PhaseId::Kind::RunAll:
        break;
    }
    return tr("Run all");
}

bool RunController::start(const PhaseId& id)
{
    if (m_running || !m_provider)
        return false;
    const std::vector<PhaseId> steps = expand(id, m_document->network());
    m_queue.assign(steps.begin(), steps.end());
    m_steps = int(steps.size());
    setRunning(true);
    startNext();
    return true;
}

void RunController::startNext()
{
    if (m_queue.empty()) {
        setRunning(false);
        return;
    }
    const PhaseId id = m_queue.front();
    m_queue.pop_front();
    ++m_runId;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    PhaseFunction fn = m_provider(id);
    emit phaseStarted(id, m_steps - int(m_queue.size()), m_steps);
    emit logLine(tr("%1 started").arg(phaseName(id)));
    m_phaseClock.start();
    // A functor invoke: the worker gets the snapshot by value on its own thread.
    const quint64 runId = m_runId;
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, runId, id, fn = std::move(fn),
                                         snapshot = m_document->experiment(), cancel = m_cancel]() mutable {
        worker->run(runId, id, std::move(fn), std::move(snapshot), std::move(cancel));
    });
}

void RunController::cancel()
{
    if (!m_running)
        return;
    m_queue.clear();
    if (m_cancel)
        m_cancel->store(true);
}

void RunController::abandon()
{
    if (!m_running)
        return;
    cancel();
    ++m_runId; // late reports of the old run no longer match
    emit logLine(tr("The running phase was abandoned"));
    setRunning(false);
}

void RunController::onProgress(quint64 runId, const PhaseProgress& p)
{
    if (runId != m_runId || !m_running)
        return;
    const double seconds = double(m_phaseClock.nsecsElapsed()) * 1e-9;
    const double rate = seconds > 0.0 ? double(p.done) / seconds : 0.0;
    const double eta = (rate > 0.0 && p.total > 0) ? double(p.total - p.done) / rate : -1.0;
    emit progressChanged(p.done, p.total, rate, eta, QString::fromStdString(p.stage));
}

void RunController::onSnapshot(quint64 runId, const PhaseSnapshot& s)
{
    if (runId == m_runId && m_running)
        emit snapshotArrived(s);
}

void RunController::onLogLine(quint64 runId, const QString& line)
{
    if (runId == m_runId)
        emit logLine(line);
}

void RunController::onFinished(quint64 runId, const PhaseResult& result)
{
    if (runId != m_runId)
        return; // a stale run
    const QString name = phaseName(result.phase);
    switch (result.status) {
    case PhaseResult::Status::Succeeded:
        if (result.experiment)
            m_document->applyResult(*result.experiment,
                                    ExperimentDocument::Change::Weights | ExperimentDocument::Change::Results);
        emit logLine(result.message.isEmpty()
                         ? tr("%1 finished in %2 s").arg(name).arg(result.seconds, 0, 'f', 1)
                         : tr("%1 finished in %2 s: %3").arg(name).arg(result.seconds, 0, 'f', 1).arg(result.message));
        emit phaseFinished(result);
        startNext();
        return;
    case PhaseResult::Status::Cancelled:
        emit logLine(tr("%1 cancelled; the experiment is unchanged").arg(name));
        break;
    case PhaseResult::Status::Failed:
        emit logLine(tr("%1 failed: %2").arg(name, result.message));
        break;
    }
    m_queue.clear();
    emit phaseFinished(result);
    setRunning(false);
    if (result.status == PhaseResult::Status::Failed)
        emit failed(name, result.message);
}

void RunController::setRunning(bool running)
{
    if (running == m_running)
        return;
    m_running = running;
    emit runningChanged(running);
}

} // namespace scnn::app
