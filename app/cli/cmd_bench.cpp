// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — `scnn bench`: throughput of the embedded simulator on three networks.
#include "app/cli/commands.h"

#include "hardware/sim/benchnetworks.h"
#include "hardware/sim/simbackend.h"
#include "hardware/sim/simnetwork.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <ctime>
#include <cstdio>
#include <fstream>
#include <ostream>
#include <string>
#include <thread>

namespace scnn::cli {

namespace {

using Clock = std::chrono::steady_clock;

/// Peak resident set size [MB] (VmHWM of /proc/self/status), 0 if unknown.
double peakRssMb()
{
    std::ifstream f("/proc/self/status");
    std::string line;
    while (std::getline(f, line))
        if (line.rfind("VmHWM:", 0) == 0)
            return std::stod(line.substr(6)) / 1024.0;
    return 0.0;
}

struct Measure
{
    double seconds = 0.0;
    double units = 0.0; ///< Trials (or windows) run
    std::uint64_t events = 0;
};

/// The 1-minute load average (how busy the machine was while measuring).
double loadAverage()
{
    std::ifstream f("/proc/loadavg");
    double l = 0.0;
    f >> l;
    return l;
}

/// CPU time of the calling thread [s].
double threadCpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + 1e-9 * double(ts.tv_nsec);
}

/**
 * Runs `phase` repeatedly for at least `minSeconds` on `threads` threads.
 * One thread runs on the calling thread and is timed by its CPU time, so
 * that other load on a shared machine does not count; several threads are
 * timed by the wall clock.
 */
Measure measure(const hardware::PhaseDescription& phase, int threads, double minSeconds, double unitsPerRun)
{
    hardware::SimBackend sim;
    hardware::RunControl rc;
    rc.threads = threads;
    Measure m;
    const auto t0 = Clock::now();
    const double c0 = threadCpuSeconds();
    double wall = 0.0;
    do {
        const hardware::PhaseResult r = sim.run(phase, rc);
        m.units += unitsPerRun;
        m.events += r.synapticEvents;
        wall = std::chrono::duration<double>(Clock::now() - t0).count();
        m.seconds = threads == 1 ? threadCpuSeconds() - c0 : wall;
    } while (m.seconds < minSeconds && wall < 4.0 * minSeconds); // a busy machine must not stretch the bench
    return m;
}

struct Row
{
    std::string name;
    double imagesOne = 0.0;
    double imagesAll = 0.0;
    double realtime = 0.0;
    double realtimeAll = 0.0;
    double nsPerEvent = 0.0;
    double bytesPerSynapse = 0.0;
    double peakRss = 0.0;
    std::int64_t synapses = 0;
    double eventsPerImage = 0.0;
};

double bytesPerSynapse(const hardware::PhaseDescription& ph)
{
    const hardware::sim::SimNetwork net(ph);
    return double(net.connectivityBytes()) / double(std::max<std::int64_t>(1, net.synapseCount()));
}

Row batchRow(const std::string& name, const hardware::PhaseDescription& ph, double simMsPerImage, int cores)
{
    Row row;
    row.name = name;
    const double n = double(ph.batch->inputs.size());
    const Measure one = measure(ph, 1, 1.0, n);
    const Measure all = cores > 1 ? measure(ph, cores, 1.0, n) : one;
    row.imagesOne = one.units / one.seconds;
    row.imagesAll = all.units / all.seconds;
    row.realtime = row.imagesOne * simMsPerImage / 1000.0;
    row.realtimeAll = row.imagesAll * simMsPerImage / 1000.0;
    row.nsPerEvent = one.seconds * 1e9 / double(std::max<std::uint64_t>(1, one.events));
    row.eventsPerImage = double(one.events) / one.units;
    row.bytesPerSynapse = bytesPerSynapse(ph);
    row.synapses = hardware::sim::SimNetwork(ph).synapseCount();
    row.peakRss = peakRssMb();
    return row;
}

} // namespace

int cmdBench(Args& args, Io& io)
{
    const bool json = args.flag("json");
    const std::string only = args.valueOr("network", "");
    args.finish();
    if (!only.empty() && only != "seed-inference" && only != "seed-training" && only != "large")
        throw UsageError("--network must be seed-inference, seed-training or large, not '" + only + "'");
    auto wanted = [&](const char* name) { return only.empty() || only == name; };
    const int cores = std::max(1, int(std::thread::hardware_concurrency()));
    std::vector<Row> rows;

    // (a) the original inference network, 100 ms per image, images in batch mode.
    if (wanted("seed-inference")) {
        const auto inference = hardware::sim::seedInferencePhase(1000, 1);
        rows.push_back(batchRow("seed-inference", inference, 100.0, cores));
    }
    const double listBytes = bytesPerSynapse(hardware::sim::seedInferencePhase(1, 1, true));

    // (b) the original layer-1 training network: one plastic run, windows back to back.
    if (wanted("seed-training")) {
        const int windows = 81 * 20;
        const auto training = hardware::sim::seedTrainingPhase(windows, 1);
        const Measure m = measure(training, 1, 1.0, windows);
        Row row;
        row.name = "seed-training";
        // An image is 81 windows of 100 ms, as in the peer benchmark. A plastic
        // run is sequential, so all cores give the same rate.
        row.imagesOne = row.imagesAll = m.units / 81.0 / m.seconds;
        row.realtime = row.realtimeAll = m.units * 0.1 / m.seconds;
        row.nsPerEvent = m.seconds * 1e9 / double(std::max<std::uint64_t>(1, m.events));
        row.eventsPerImage = double(m.events) / (m.units / 81.0);
        row.bytesPerSynapse = bytesPerSynapse(training);
        row.synapses = hardware::sim::SimNetwork(training).synapseCount();
        row.peakRss = peakRssMb();
        rows.push_back(row);
    }

    // (c) a large network: 30 kernels 5×5 stride 1 → 24×24×30 = 17,280 neurons.
    if (wanted("large")) {
        const auto large = hardware::sim::largePhase(200, 3);
        rows.push_back(batchRow("large", large, 100.0, cores));
    }

    if (json) {
        nlohmann::json out;
        out["networks"] = nlohmann::json::array();
        for (const Row& r : rows) {
            nlohmann::json j = {{"name", r.name},
                                {"images_per_s_one_core", r.imagesOne},
                                {"images_per_s_all_cores", r.imagesAll},
                                {"realtime_factor", r.realtime},
                                {"ns_per_event", r.nsPerEvent},
                                {"bytes_per_synapse", r.bytesPerSynapse},
                                {"peak_rss_mb", r.peakRss}};
            if (r.name == "seed-inference")
                j["bytes_per_synapse_as_list"] = listBytes;
            out["networks"].push_back(j);
        }
        out["cores"] = cores;
        out["load_average"] = loadAverage();
        io.out << out.dump(2) << "\n";
        return ExitOk;
    }
    char line[256];
    std::snprintf(line, sizeof line, "%d cores, load average %.1f", cores, loadAverage());
    io.out << "scnn bench: embedded simulator, dt 1 ms, synthetic digit-like images, Poisson <= 100 Hz (" << line
           << ")\n\n";
    std::snprintf(line, sizeof line, "%-15s %12s %12s %10s %10s %9s %9s %9s %8s\n", "network", "img/s 1 core",
                  "img/s all", "RTF 1", "RTF all", "ns/event", "events/im", "B/synapse", "RSS MB");
    io.out << line;
    for (const Row& r : rows) {
        std::snprintf(line, sizeof line, "%-15s %12.0f %12.0f %10.0f %10.0f %9.2f %9.0f %9.3f %8.1f\n",
                      r.name.c_str(), r.imagesOne, r.imagesAll, r.realtime, r.realtimeAll, r.nsPerEvent,
                      r.eventsPerImage, r.bytesPerSynapse, r.peakRss);
        io.out << line;
    }
    std::snprintf(line, sizeof line, "%.2f", listBytes);
    io.out << "\nseed-inference as an expanded static list: " << line
           << " bytes per synapse (the convolution shares its kernels).\n"
              "seed-training: an image is 81 windows of 100 ms; a plastic run is sequential.\n"
              "1 core: CPU time of the simulating thread; all cores: wall clock (shared with other load).\n";
    return ExitOk;
}

} // namespace scnn::cli
