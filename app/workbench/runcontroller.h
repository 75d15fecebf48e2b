// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — starts phases on the worker thread and commits their results.
#pragma once

#include "app/workbench/phase.h"

#include <QElapsedTimer>
#include <QObject>
#include <QThread>

#include <atomic>
#include <deque>
#include <memory>

namespace scnn::app {

class ExperimentDocument;
class RunWorker;

/**
 * @brief Owns the worker thread and drives runs of one document.
 *
 * start() copies the document's state and hands it to the RunWorker; Run all
 * becomes the sequence train layer 1..n, SVM, test. Reports from the worker
 * carry the run id and stale ones (from a cancelled run) are dropped. A phase
 * that ends well is committed to the document on the GUI thread; a cancelled
 * or failed phase leaves the document as it was.
 *
 * @code
 * RunController run(&doc);
 * run.setPhaseProvider(pipelinePhases);
 * connect(&run, &RunController::progressChanged, bar, ...);
 * run.start({PhaseId::Kind::RunAll});
 * run.cancel();     // stops within one chunk of the phase
 * @endcode
 */
class RunController : public QObject
{
    Q_OBJECT

public:
    explicit RunController(ExperimentDocument* document, QObject* parent = nullptr);
    ~RunController() override;

    void setPhaseProvider(PhaseProvider provider) { m_provider = std::move(provider); }
    bool hasPhaseProvider() const { return bool(m_provider); }

    bool isRunning() const { return m_running; }
    quint64 currentRunId() const { return m_runId; }

    /// The phases `id` stands for (Run all expands to every step).
    static std::vector<PhaseId> expand(const PhaseId& id, const model::Network& network);
    /// "Train layer 1", "Train SVM", "Test", "Run all".
    static QString phaseName(const PhaseId& id);

public slots:
    /// Starts `id`; returns false when a run is going or nothing can run.
    bool start(const scnn::app::PhaseId& id);
    /// Asks the running phase to stop; it discards its work.
    void cancel();
    /// Cancels and forgets the running phase at once: whatever it still
    /// reports is dropped as stale (before the document is replaced).
    void abandon();

signals:
    void runningChanged(bool running);
    /// A phase began: step `step` (1-based) of `steps`.
    void phaseStarted(const scnn::app::PhaseId& id, int step, int steps);
    /// Progress of the running phase with rate [items/s] and ETA [s] (negative: unknown).
    void progressChanged(qint64 done, qint64 total, double rate, double etaSeconds, const QString& stage);
    void snapshotArrived(const scnn::app::PhaseSnapshot& snapshot);
    void logLine(const QString& line);
    /// A phase ended (committed already when it succeeded).
    void phaseFinished(const scnn::app::PhaseResult& result);
    /// A phase failed; `message` says why.
    void failed(const QString& phaseName, const QString& message);

private:
    void startNext();
    void onProgress(quint64 runId, const PhaseProgress& p);
    void onSnapshot(quint64 runId, const PhaseSnapshot& s);
    void onLogLine(quint64 runId, const QString& line);
    void onFinished(quint64 runId, const PhaseResult& result);
    void setRunning(bool running);

    ExperimentDocument* m_document;
    QThread m_thread;
    RunWorker* m_worker = nullptr;
    PhaseProvider m_provider;
    std::deque<PhaseId> m_queue;
    int m_steps = 0;
    quint64 m_runId = 0;
    bool m_running = false;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    QElapsedTimer m_phaseClock;
};

} // namespace scnn::app
