// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — the embedded simulator backend: runs, batches, progress and cancel.
#include "hardware/sim/simbackend.h"

#include "hardware/sim/simnetwork.h"
#include "hardware/sim/simengine.h"
#include "model/error.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>

namespace scnn::hardware {

namespace {

using Clock = std::chrono::steady_clock;
constexpr auto kProgressInterval = std::chrono::milliseconds(33);

void report(const RunControl& control, Clock::time_point& last, std::int64_t done, std::int64_t total,
            const char* what, bool force = false)
{
    if (!control.progress)
        return;
    const auto now = Clock::now();
    if (!force && now - last < kProgressInterval)
        return;
    last = now;
    control.progress(Progress{done, total, what});
}

/// Appends trial k's recordings to `out`, shifted by `offsetMs`.
void appendRecord(PhaseResult& out, sim::TrialRecord&& rec, double offsetMs)
{
    if (out.spikes.size() < rec.spikes.size())
        out.spikes.resize(rec.spikes.size());
    for (std::size_t r = 0; r < rec.spikes.size(); ++r)
        for (std::size_t k = 0; k < rec.spikes[r].size(); ++k)
            out.spikes[r].add(rec.spikes[r].ids[k], rec.spikes[r].times[k] + offsetMs);
    if (out.membranes.size() < rec.membranes.size())
        out.membranes.resize(rec.membranes.size());
    for (std::size_t r = 0; r < rec.membranes.size(); ++r) {
        MembraneTrace& m = out.membranes[r];
        m.neurons = rec.membranes[r].neurons;
        for (double t : rec.membranes[r].times)
            m.times.push_back(t + offsetMs);
        m.values.insert(m.values.end(), rec.membranes[r].values.begin(), rec.membranes[r].values.end());
    }
    if (out.weightSnapshots.size() < rec.weights.size())
        out.weightSnapshots.resize(rec.weights.size());
    for (std::size_t r = 0; r < rec.weights.size(); ++r)
        for (auto& s : rec.weights[r]) {
            s.timeMs += offsetMs;
            out.weightSnapshots[r].push_back(std::move(s));
        }
}

int threadCount(const RunControl& control)
{
    if (control.threads > 0)
        return control.threads;
    return std::max(1, int(std::thread::hardware_concurrency()));
}

PhaseResult runSingle(const sim::SimNetwork& net, const RunControl& control)
{
    auto engine = sim::makeEngine(net);
    engine->configure(true, -1);
    const std::int64_t total = net.steps();
    // Chunks of at most 1000 steps, or fewer when a chunk takes long: the
    // cancel flag is also checked every 8 steps inside a chunk.
    std::int64_t chunk = 256;
    std::int64_t done = 0;
    auto last = Clock::now() - kProgressInterval;
    report(control, last, 0, total, "simulating", true);
    while (done < total) {
        const std::int64_t n = std::min(chunk, total - done);
        const auto t0 = Clock::now();
        if (!engine->run(n, control.cancel, nullptr))
            throw model::Cancelled();
        done += n;
        const double ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
        if (ms < 10.0 && chunk < 1 << 16)
            chunk *= 2;
        else if (ms > 40.0 && chunk > 8)
            chunk /= 2;
        report(control, last, done, total, "simulating");
    }
    if (control.cancelled())
        throw model::Cancelled();
    PhaseResult out;
    appendRecord(out, engine->takeRecord(), 0.0);
    out.finalWeights = engine->finalWeights();
    out.synapticEvents = engine->synapticEvents();
    report(control, last, total, total, "simulating", true);
    return out;
}

PhaseResult runBatch(const sim::SimNetwork& net, const RunControl& control)
{
    const PhaseDescription& ph = net.phase();
    const TrialBatch& batch = *ph.batch;
    const int trials = int(batch.inputs.size());
    const int recordTrials = std::min(trials, batch.recordFirstTrials);
    std::vector<std::vector<std::int32_t>> counts(static_cast<std::size_t>(trials));
    std::vector<sim::TrialRecord> records(static_cast<std::size_t>(recordTrials));
    std::uint64_t events = 0;
    std::vector<std::vector<double>> finalWeights;
    auto last = Clock::now() - kProgressInterval;
    report(control, last, 0, trials, "trials", true);

    auto runTrial = [&](sim::SimEngine& engine, int t, const std::atomic<bool>* stop) {
        const bool record = t < recordTrials;
        for (std::size_t k = 0; k < batch.sources.size(); ++k)
            engine.setSource(batch.sources[k], &batch.inputs[std::size_t(t)][k]);
        engine.configure(record, batch.countPopulation);
        if (!engine.run(net.steps(), control.cancel, stop))
            return false;
        sim::TrialRecord rec = engine.takeRecord();
        counts[std::size_t(t)] = std::move(rec.counts);
        if (record)
            records[std::size_t(t)] = std::move(rec);
        return true;
    };

    if (net.hasPlastic() || threadCount(control) == 1 || trials <= 1) {
        // In order on this thread; with plasticity the weights carry over.
        auto engine = sim::makeEngine(net);
        for (int t = 0; t < trials; ++t) {
            if (!runTrial(*engine, t, nullptr))
                throw model::Cancelled();
            report(control, last, t + 1, trials, "trials");
        }
        events = engine->synapticEvents();
        finalWeights = engine->finalWeights();
    } else {
        const int nThreads = std::min(threadCount(control), trials);
        std::atomic<int> next{0};
        std::atomic<int> finished{0};
        std::atomic<bool> stop{false};
        std::mutex mutex;
        std::condition_variable done;
        std::exception_ptr error;
        std::vector<std::uint64_t> threadEvents(static_cast<std::size_t>(nThreads), 0);
        std::vector<std::thread> pool;
        int running = nThreads;
        for (int w = 0; w < nThreads; ++w) {
            pool.emplace_back([&, w] {
                try {
                    auto engine = sim::makeEngine(net);
                    for (int t; !stop.load() && (t = next.fetch_add(1)) < trials;) {
                        if (!runTrial(*engine, t, &stop))
                            break;
                        finished.fetch_add(1);
                    }
                    threadEvents[std::size_t(w)] = engine->synapticEvents();
                } catch (...) {
                    std::lock_guard lock(mutex);
                    if (!error)
                        error = std::current_exception();
                    stop = true;
                }
                std::lock_guard lock(mutex);
                --running;
                done.notify_all();
            });
        }
        {
            std::unique_lock lock(mutex);
            while (running > 0) {
                done.wait_for(lock, kProgressInterval);
                if (control.cancelled())
                    stop = true;
                lock.unlock();
                report(control, last, finished.load(), trials, "trials");
                lock.lock();
            }
        }
        for (auto& th : pool)
            th.join();
        if (error)
            std::rethrow_exception(error);
        if (control.cancelled() || finished.load() < trials)
            throw model::Cancelled();
        for (auto e : threadEvents)
            events += e;
        auto engine = sim::makeEngine(net);
        finalWeights = engine->finalWeights();
    }
    if (control.cancelled())
        throw model::Cancelled();
    PhaseResult out;
    out.spikes.resize(ph.recordSpikes.size());
    out.membranes.resize(ph.recordMembrane.size());
    out.weightSnapshots.resize(ph.recordWeights.size());
    for (int t = 0; t < recordTrials; ++t)
        appendRecord(out, std::move(records[std::size_t(t)]), t * ph.durationMs);
    out.counts = std::move(counts);
    out.finalWeights = std::move(finalWeights);
    out.synapticEvents = events;
    report(control, last, trials, trials, "trials", true);
    return out;
}

} // namespace

PhaseResult SimBackend::run(const PhaseDescription& phase, const RunControl& control)
{
    const auto t0 = Clock::now();
    const sim::SimNetwork net(phase);
    if (control.cancelled())
        throw model::Cancelled();
    PhaseResult out = phase.batch ? runBatch(net, control) : runSingle(net, control);
    out.spikes.resize(phase.recordSpikes.size());
    out.membranes.resize(phase.recordMembrane.size());
    out.weightSnapshots.resize(phase.recordWeights.size());
    out.wallSeconds = std::chrono::duration<double>(Clock::now() - t0).count();
    return out;
}

} // namespace scnn::hardware
