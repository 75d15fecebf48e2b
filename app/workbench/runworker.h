// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — runs phases on its own thread.
#pragma once

#include "app/workbench/phase.h"

#include <QObject>

#include <atomic>
#include <memory>

namespace scnn::app {

/**
 * @brief Runs one phase at a time on the thread it lives on (owned by
 * RunController). It gets a snapshot of the experiment by value, never a
 * pointer into the live document; reports progress and snapshots at most
 * about 30 times a second, each tagged with the run id; and always ends with
 * finished(), turning exceptions into a failed result.
 */
class RunWorker : public QObject
{
    Q_OBJECT

public:
    /// Minimum time between two progress or snapshot reports [ms] (~30 Hz).
    static constexpr qint64 reportIntervalMs = 33;

    explicit RunWorker(QObject* parent = nullptr);

    /// Runs `phase` on `snapshot`; call on the worker's thread (queued invoke).
    void run(quint64 runId, scnn::app::PhaseId id, scnn::app::PhaseFunction phase,
             scnn::model::Experiment snapshot, std::shared_ptr<std::atomic<bool>> cancel);

signals:
    void progress(quint64 runId, const scnn::app::PhaseProgress& progress);
    void snapshot(quint64 runId, const scnn::app::PhaseSnapshot& snapshot);
    void logLine(quint64 runId, const QString& line);
    void finished(quint64 runId, const scnn::app::PhaseResult& result);
};

} // namespace scnn::app
