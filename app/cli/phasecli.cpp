// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — running phases from the command line.
#include "app/cli/phasecli.h"

#include "hardware/pipeline/experimentstore.h"
#include "hardware/backendregistry.h"
#include "model/boardsettings.h"
#include "model/boardtime.h"
#include "model/error.h"
#include "model/experiment.h"
#include "model/limits.h"

#include <nlohmann/json.hpp>

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <iomanip>
#include <iostream>
#include <sstream>

namespace scnn::cli {

namespace {

std::atomic<bool> g_cancel{false};

extern "C" void onInterrupt(int)
{
    g_cancel.store(true);
}

/// Installs the Ctrl-C handler for its lifetime; a second Ctrl-C after the
/// first is handled the same way (the phase is already stopping).
class InterruptGuard
{
public:
    InterruptGuard()
    {
        g_cancel.store(false);
        struct sigaction sa{};
        sa.sa_handler = &onInterrupt;
        sigemptyset(&sa.sa_mask);
        sigaction(SIGINT, &sa, &m_old);
    }
    ~InterruptGuard() { sigaction(SIGINT, &m_old, nullptr); }
    InterruptGuard(const InterruptGuard&) = delete;
    InterruptGuard& operator=(const InterruptGuard&) = delete;

private:
    struct sigaction m_old{};
};

/// Draws progress on stderr: a bar redrawn in place on a terminal, else a
/// plain line at most every 5 seconds (and at the end of each stage).
class ProgressPrinter
{
public:
    ProgressPrinter(std::ostream& err, bool terminal) : m_err(err), m_terminal(terminal) {}
    ~ProgressPrinter() { endLine(); }

    void operator()(const hardware::pipeline::PhaseProgress& p)
    {
        const auto now = std::chrono::steady_clock::now();
        const bool stageChanged = p.what != m_what;
        if (stageChanged) {
            endLine();
            m_what = p.what;
            m_lastPlain = {};
        }
        std::ostringstream s;
        const double f = p.fraction();
        if (m_terminal) {
            const int width = 30;
            const int filled = int(std::lround(f * width));
            s << "\r" << p.what << " [" << std::string(std::size_t(filled), '#')
              << std::string(std::size_t(width - filled), '-') << "] ";
        } else {
            s << p.what << ": ";
        }
        s << std::fixed << std::setprecision(0) << f * 100.0 << "% " << p.done << "/" << p.total;
        if (p.rate > 0.0)
            s << " " << std::setprecision(p.rate < 10 ? 1 : 0) << p.rate << "/s";
        if (p.etaSeconds >= 0.0)
            s << " ETA " << formatDuration(p.etaSeconds);
        if (m_terminal) {
            s << "   ";
            m_err << s.str() << std::flush;
            m_open = true;
            if (p.done >= p.total)
                endLine();
        } else {
            const bool due = m_lastPlain == std::chrono::steady_clock::time_point{}
                             || now - m_lastPlain >= std::chrono::seconds(5) || p.done >= p.total;
            if (due && !(p.done >= p.total && m_finished == p.what)) {
                m_err << s.str() << "\n" << std::flush;
                m_lastPlain = now;
                if (p.done >= p.total)
                    m_finished = p.what;
            }
        }
    }

private:
    void endLine()
    {
        if (m_open) {
            m_err << "\n" << std::flush;
            m_open = false;
        }
    }

    std::ostream& m_err;
    bool m_terminal;
    bool m_open = false;
    std::string m_what;
    std::string m_finished;
    std::chrono::steady_clock::time_point m_lastPlain{};
};

/// The run's backend; a PyNN backend's script output goes to the log (io.err).
std::unique_ptr<hardware::Backend> makeBackend(const model::Experiment& e, const std::string& name,
                                               const PhaseCliOptions& options, Io& io)
{
    hardware::BackendConfig config;
    config.pynn.log = [&io](const std::string& line) {
        if (line.rfind("progress ", 0) != 0) // the progress bar shows those
            io.err << "  | " << line << "\n";
    };
    if (!options.python.empty())
        config.pynn.python = options.python;
    hardware::SpinnakerSettings& s = config.pynn.script.spinnaker;
    const model::BoardRunSettings board = model::boardRunSettings(e);
    s.neuronsPerCore = board.neuronsPerCore;
    s.timeScaleFactor = board.timeScaleFactor;
    options.spinnaker.applyTo(s);
    s.liveOutput = false; // nothing listens here
    // Without --board/--spalloc the user's own ~/.spynnaker.cfg chooses the machine.
    config.pynn.script.spinnakerConfigFile = options.spinnaker.machineGiven();
    config.pynn.writeUserSpynnakerCfg = options.spinnaker.machineGiven();
    try {
        return hardware::createBackend(name, config);
    } catch (const model::Error& err) {
        throw model::Error(err.message(), options.backend.empty() ? "experiment.json backend" : "--backend");
    }
}

/// Prints the real time of the windowed layer trainings among `requests` on
/// the board, and refuses more than an hour without --yes.
void checkBoardTime(const model::Experiment& e, const std::vector<hardware::pipeline::PhaseRequest>& requests,
                    const model::Dataset& data, const PhaseCliOptions& options, Io& io)
{
    namespace hp = hardware::pipeline;
    const model::TrainingSettings training = hp::trainingSettings(e);
    const int tsf = options.spinnaker.timeScaleFactor.value_or(model::boardRunSettings(e).timeScaleFactor);
    double total = 0.0;
    for (const hp::PhaseRequest& r : requests) {
        if (r.kind != model::PhaseKind::TrainLayer || training.mode(r.layer) != model::LayerTrainingMode::Windowed)
            continue;
        const std::int64_t n = data.train.size();
        const std::int64_t images = training.stdpExamples > 0 ? std::min<std::int64_t>(training.stdpExamples, n) : n;
        const model::BoardTime t =
            model::boardTime(images, model::windowsPerImage(e.network, r.layer), e.network.timing.presentationMs,
                             model::effectiveTimeScaleFactor(tsf, e.network.timing.dt));
        io.err << "board time: " << hp::phaseName(r.kind, r.layer) << ": " << model::describe(t)
               << " of real time (mapping and loading not included)\n";
        total += t.realSeconds;
    }
    if (total > 3600.0 && !options.yes) {
        char hours[32];
        std::snprintf(hours, sizeof hours, "%.2f", total / 3600.0);
        throw UsageError(std::string("training on the board takes ") + hours
                         + " h of real time; add --yes to start it anyway");
    }
}

} // namespace

std::string formatDuration(double seconds)
{
    const long long t = std::llround(std::max(0.0, seconds));
    char buf[32];
    if (t >= 3600)
        std::snprintf(buf, sizeof buf, "%lld:%02lld:%02lld", t / 3600, (t / 60) % 60, t % 60);
    else
        std::snprintf(buf, sizeof buf, "%lld:%02lld", t / 60, t % 60);
    return buf;
}

void SpinnakerCliOptions::applyTo(hardware::SpinnakerSettings& s) const
{
    s.boardHost = boardHost;
    s.spallocServer = spallocServer;
    s.spallocUser = spallocUser;
    s.boardVersion = boardVersion;
    if (neuronsPerCore)
        s.neuronsPerCore = *neuronsPerCore;
    if (timeScaleFactor)
        s.timeScaleFactor = *timeScaleFactor;
}

SpinnakerCliOptions readSpinnakerOptions(Args& args)
{
    SpinnakerCliOptions o;
    o.boardHost = args.valueOr("board", "");
    o.spallocServer = args.valueOr("spalloc", "");
    o.spallocUser = args.valueOr("spalloc-user", "");
    if (!o.boardHost.empty() && !o.spallocServer.empty())
        throw UsageError("--board and --spalloc exclude each other");
    o.boardVersion = int(args.integer("board-version", 3, 5).value_or(5));
    if (const auto n = args.integer("neurons-per-core", 1, 256))
        o.neuronsPerCore = int(*n);
    if (const auto f = args.integer("time-scale-factor", 1, 10000))
        o.timeScaleFactor = int(*f);
    return o;
}

void checkBackendName(const std::string& name)
{
    std::string names;
    bool known = false;
    for (const auto& b : hardware::availableBackends()) {
        known = known || b.name == name;
        names += (names.empty() ? "" : ", ") + b.name;
    }
    if (!known)
        throw UsageError("unknown backend '" + name + "' (known: " + names + ")");
}

PhaseCliOptions readPhaseOptions(Args& args)
{
    PhaseCliOptions o;
    o.json = args.flag("json");
    o.threads = int(args.integer("threads", 0, 1024).value_or(0));
    o.backend = args.valueOr("backend", "");
    if (!o.backend.empty())
        checkBackendName(o.backend);
    o.python = args.valueOr("python", "");
    o.yes = args.flag("yes");
    o.force = args.flag("force");
    o.spinnaker = readSpinnakerOptions(args);
    return o;
}

nlohmann::json outcomeJson(const hardware::pipeline::PhaseOutcome& o)
{
    const auto acc = o.accuracy();
    return {{"phase", hardware::pipeline::phaseName(o.kind, o.layer)},
            {"accuracy", acc ? nlohmann::json(*acc) : nlohmann::json(nullptr)},
            {"seconds", o.seconds},
            {"examples", o.examples}};
}

void checkRunLimits(const model::Experiment& e, const std::string& backend, bool force, Io& io)
{
    if (backend.rfind("sim", 0) != 0)
        return; // The simulator's figures; a board has its own limits.
    model::RunLimits limits;
    limits.availableBytes = model::availableMemoryBytes();
    std::string refused;
    for (const model::LimitIssue& issue : model::checkRun(e, model::countExamples(e.dataset), limits)) {
        if (issue.what == "data") // the files cannot give what is asked for: no flag helps
            throw model::Error(issue.message);
        if (issue.level == model::LimitIssue::Level::Refuse && !force)
            refused += (refused.empty() ? "" : "; ") + issue.message;
        else
            io.err << "scnn: warning: " << issue.message << "\n";
    }
    if (!refused.empty())
        throw model::Error(refused + " (--force runs it anyway)", "run");
}

std::vector<hardware::pipeline::PhaseOutcome> runPhases(const std::string& dir,
                                                        const std::vector<hardware::pipeline::PhaseRequest>& requests,
                                                        const PhaseCliOptions& options, Io& io)
{
    namespace hp = hardware::pipeline;
    model::Experiment e = model::loadExperiment(dir);
    const std::string backendName = !options.backend.empty() ? options.backend : e.backend.empty() ? "sim" : e.backend;
    auto backend = makeBackend(e, backendName, options, io);
    if (!requests.empty())
        checkRunLimits(e, backendName, options.force, io);
    std::shared_ptr<const model::Dataset> data;
    if (backendName == "pynn:spinnaker" && !requests.empty()) {
        data = std::make_shared<const model::Dataset>(model::loadDataset(e.dataset));
        checkBoardTime(e, requests, *data, options, io);
    }
    std::vector<hp::PhaseOutcome> outcomes;
    const bool terminal = &io.err == &std::cerr && ::isatty(STDERR_FILENO);
    InterruptGuard guard;
    for (const hp::PhaseRequest& req : requests) {
        if (!data)
            data = std::make_shared<const model::Dataset>(model::loadDataset(e.dataset));
        const hp::PhaseInputs inputs = hp::phaseInputs(e, data);
        ProgressPrinter printer(io.err, terminal);
        hp::PhaseControl control;
        control.cancel = &g_cancel;
        control.threads = options.threads;
        control.progress = [&](const hp::PhaseProgress& p) { printer(p); };
        const std::string started = hp::isoNow();
        hp::PhaseOutcome out = hp::runPhase(req, inputs, *backend, control);
        hp::commitPhase(out, e, started);
        model::saveExperiment(e, dir);
        outcomes.push_back(std::move(out));
    }
    return outcomes;
}

} // namespace scnn::cli
