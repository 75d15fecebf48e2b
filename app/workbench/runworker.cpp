// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — the run worker and its throttling sink.
#include "app/workbench/runworker.h"

#include "model/error.h"

#include <QElapsedTimer>

#include <new>

namespace scnn::app {

namespace {

/// Forwards a phase's reports as worker signals, at most one per interval.
class ThrottledSink : public PhaseSink
{
public:
    ThrottledSink(RunWorker* worker, quint64 runId) : m_worker(worker), m_runId(runId)
    {
        m_clock.start();
    }

    void progress(const PhaseProgress& p) override
    {
        const qint64 now = m_clock.elapsed();
        const bool last = p.total > 0 && p.done >= p.total;
        if (!last && m_lastProgress >= 0 && now - m_lastProgress < RunWorker::reportIntervalMs)
            return;
        m_lastProgress = now;
        emit m_worker->progress(m_runId, p);
    }

    void snapshot(const PhaseSnapshot& s) override
    {
        const qint64 now = m_clock.elapsed();
        if (m_lastSnapshot >= 0 && now - m_lastSnapshot < RunWorker::reportIntervalMs)
            return;
        m_lastSnapshot = now;
        emit m_worker->snapshot(m_runId, s);
    }

    void log(const std::string& line) override
    {
        emit m_worker->logLine(m_runId, QString::fromStdString(line));
    }

private:
    RunWorker* m_worker;
    quint64 m_runId;
    QElapsedTimer m_clock;
    qint64 m_lastProgress = -1;
    qint64 m_lastSnapshot = -1;
};

} // namespace

RunWorker::RunWorker(QObject* parent) : QObject(parent)
{
    qRegisterMetaType<PhaseProgress>();
    qRegisterMetaType<PhaseSnapshot>();
    qRegisterMetaType<PhaseResult>();
}

void RunWorker::run(quint64 runId, PhaseId id, PhaseFunction phase, model::Experiment snapshot,
                    std::shared_ptr<std::atomic<bool>> cancel)
{
    PhaseResult result;
    result.phase = id;
    QElapsedTimer clock;
    clock.start();
    ThrottledSink sink(this, runId);
    try {
        if (!phase)
            throw model::Error("no phase function is available for this phase");
        PhaseOutcome outcome = phase(snapshot, sink, *cancel);
        if (cancel->load()) {
            result.status = PhaseResult::Status::Cancelled;
        } else {
            result.status = PhaseResult::Status::Succeeded;
            result.message = QString::fromStdString(outcome.summary);
            result.experiment = std::move(outcome.experiment);
        }
    } catch (const model::Cancelled&) {
        result.status = PhaseResult::Status::Cancelled;
    } catch (const std::bad_alloc&) {
        result.status = PhaseResult::Status::Failed;
        result.message = tr("out of memory: the phase needed more memory than the computer could give; "
                            "use fewer examples or a smaller network");
    } catch (const std::exception& e) {
        result.status = PhaseResult::Status::Failed;
        result.message = QString::fromUtf8(e.what());
    } catch (...) {
        result.status = PhaseResult::Status::Failed;
        result.message = QStringLiteral("unknown error");
    }
    result.seconds = double(clock.nsecsElapsed()) * 1e-9;
    emit finished(runId, result);
}

} // namespace scnn::app
