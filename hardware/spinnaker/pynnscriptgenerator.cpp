// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — turns a phase into a standalone PyNN script.
#include "hardware/spinnaker/pynnscriptgenerator.h"

#include "model/error.h"
#include "model/npy.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <limits>
#include <map>
#include <set>
#include <sstream>

namespace scnn::hardware {

namespace {

// ------------------------------------------------------------ small helpers

std::string num(double v)
{
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    std::string s(buf, r.ptr);
    if (s.find_first_of(".eEn") == std::string::npos)
        s += ".0";
    return s;
}

std::string pyStr(const std::string& s)
{
    std::string o = "\"";
    for (unsigned char c : s) {
        if (c == '\\' || c == '"') {
            o += '\\';
            o += char(c);
        } else if (c < 0x20 || c == 0x7f) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02x", c);
            o += buf;
        } else {
            o += char(c);
        }
    }
    return o + "\"";
}

std::string intList(const std::vector<std::int32_t>& v)
{
    std::string s = "[";
    for (std::size_t i = 0; i < v.size(); ++i)
        s += (i ? ", " : "") + std::to_string(v[i]);
    return s + "]";
}

std::string popLabel(const PhaseDescription& phase, int i)
{
    const std::string& l = phase.populations[std::size_t(i)].label;
    return l.empty() ? "pop" + std::to_string(i) : l;
}

std::string projLabel(const PhaseDescription& phase, int i)
{
    const std::string& l = phase.projections[std::size_t(i)].label;
    return l.empty() ? "proj" + std::to_string(i) : l;
}

std::string popWhere(const PhaseDescription& phase, int i)
{
    return "population " + std::to_string(i) + " '" + popLabel(phase, i) + "'";
}

std::string projWhere(const PhaseDescription& phase, int i)
{
    return "projection " + std::to_string(i) + " '" + projLabel(phase, i) + "'";
}

/// The PyNN recordable of a RecordMembrane (sPyNNaker calls the synaptic currents gsyn_*).
std::string variableName(RecordMembrane::Variable v)
{
    switch (v) {
    case RecordMembrane::Variable::V: return "v";
    case RecordMembrane::Variable::IsynExc: return "gsyn_exc";
    case RecordMembrane::Variable::IsynInh: return "gsyn_inh";
    }
    return "v";
}

bool isSource(const Population& p) { return p.type == CellType::SpikeSourceArray; }

int convOutputSize(int in, int k, int s) { return (in - k) / s + 1; }

double maxDelay(const PhaseDescription& phase)
{
    double d = 0.0;
    for (const Projection& p : phase.projections) {
        if (const auto* l = std::get_if<FromList>(&p.connector))
            for (double x : l->delay)
                d = std::max(d, x);
        else if (const auto* a = std::get_if<AllToAll>(&p.connector))
            d = std::max(d, a->delay);
        else if (const auto* c = std::get_if<Convolution>(&p.connector))
            d = std::max(d, c->delay);
    }
    return d;
}

std::string targetDescription(PynnTarget t)
{
    switch (t) {
    case PynnTarget::Spinnaker: return "SpiNNaker (sPyNNaker: pyNN.spiNNaker, or spynnaker8 before 7.0)";
    case PynnTarget::Nest: return "NEST (pyNN.nest)";
    case PynnTarget::Brian2: return "Brian 2 (pyNN.brian2)";
    }
    return {};
}

/// Spikes as (n, 2) rows [id, time].
std::vector<double> spikeRows(const SpikeList& s)
{
    std::vector<double> rows;
    rows.reserve(s.size() * 2);
    for (std::size_t i = 0; i < s.size(); ++i) {
        rows.push_back(s.ids[i]);
        rows.push_back(s.times[i]);
    }
    return rows;
}

// ------------------------------------------------------------ the fixed parts of a script

constexpr const char* kPrologue = R"PY(import json
import os
import sys
import time
import warnings

warnings.filterwarnings("ignore", category=FutureWarning)
warnings.filterwarnings("ignore", category=DeprecationWarning)

HERE = os.path.dirname(os.path.abspath(__file__))
EXIT_USAGE, EXIT_NO_PYNN, EXIT_NO_SIMULATOR, EXIT_BOARD_UNREACHABLE = 2, 3, 4, 5


def fail(status, message):
    sys.stderr.write("error: %s\n" % message)
    sys.stderr.flush()
    sys.exit(status)


if len(sys.argv) != 2:
    fail(EXIT_USAGE, "usage: python3 %s OUTPUT_DIR" % os.path.basename(sys.argv[0]))
OUT = os.path.abspath(sys.argv[1])
os.makedirs(OUT, exist_ok=True)

try:
    import numpy as np
except ImportError as e:
    fail(EXIT_NO_PYNN, "NumPy is not installed for %s (%s)" % (sys.executable, e))
try:
    import pyNN
except ImportError as e:
    fail(EXIT_NO_PYNN, "PyNN is not installed for %s (%s)" % (sys.executable, e))
)PY";

constexpr const char* kHelpers = R"PY(

def load(name):
    """An input array written beside this script (inputs/NAME)."""
    return np.load(os.path.join(HERE, "inputs", name))


def save(name, array):
    np.save(os.path.join(OUT, name), np.ascontiguousarray(array))


def spike_trains(size, spikes):
    """Rows [neuron, time ms] -> one sorted list of spike times per neuron."""
    trains = [[] for _ in range(size)]
    for i, t in np.asarray(spikes, dtype=float).reshape(-1, 2):
        trains[int(i)].append(float(t))
    return [SPIKE_TRAIN(sorted(t)) for t in trains]


def trials(spikes):
    """Batch inputs: rows [trial, neuron, local time ms] -> rows [neuron, time ms],
    trial k shifted by k * TRIAL_STRIDE."""
    spikes = np.asarray(spikes, dtype=float).reshape(-1, 3)
    return np.column_stack([spikes[:, 1], spikes[:, 0] * TRIAL_STRIDE + spikes[:, 2]])


def negated(conn):
    """Connection rows with negative weights: PyNN's current-based inhibitory synapses want them."""
    conn = np.array(conn, dtype=float).reshape(-1, 4)
    conn[:, 2] *= -1.0
    return conn


def weights_of(projection, pairs=None):
    """Weights [nA] in connection order; pairs None: all-to-all, pre-major."""
    w = np.asarray(projection.get("weight", format="array"), dtype=float)
    if pairs is None:
        return np.abs(w[~np.isnan(w)])
    pairs = np.asarray(pairs, dtype=float).reshape(-1, 4)[:, :2].astype(int)
    return np.abs(w[pairs[:, 0], pairs[:, 1]])


def spikes_of(population):
    """Recorded spikes as rows [neuron, time ms], sorted by time then neuron."""
    trains = population.get_data("spikes").segments[0].spiketrains
    ids, times = [], []
    for k, train in enumerate(trains):
        if "source_index" in train.annotations:
            j = int(train.annotations["source_index"])
        elif "channel_id" in train.annotations:
            j = int(population.id_to_index(int(train.annotations["channel_id"])))
        else:
            j = k
        t = np.asarray(train.rescale("ms").magnitude, dtype=float)
        ids.extend([j] * len(t))
        times.extend(t.tolist())
    rows = np.column_stack([np.asarray(ids, dtype=float), np.round(np.asarray(times, dtype=float), 9)])
    return rows[np.lexsort((rows[:, 0], rows[:, 1]))] if len(rows) else rows.reshape(0, 2)


def membrane_of(population, neurons, variable="v"):
    """Recorded v [mV] (or a synaptic current [nA], as a positive magnitude): sample
    times [ms] and values, one column per neuron in `neurons` order."""
    signal = population.get_data(variable).segments[0].filter(name=variable)[0]
    try:
        values = np.asarray(signal.rescale("mV" if variable == "v" else "nA").magnitude, dtype=float)
    except ValueError:  # a unit the simulator names differently
        values = np.asarray(signal.magnitude, dtype=float)
    if variable != "v":
        values = np.abs(values)
    times = np.round(np.asarray(signal.times.rescale("ms").magnitude, dtype=float), 9)
    channels = signal.array_annotations.get("channel_index", None) if hasattr(signal, "array_annotations") else None
    if channels is None:
        channels = sorted(set(neurons)) if len(neurons) < population.size else range(population.size)
    column = {int(c): k for k, c in enumerate(channels)}
    return times, values[:, [column[n] for n in neurons]]


def first_trials_spikes(rows, n_trials):
    """Spikes of the first n_trials trials with the idle gaps removed."""
    k = np.floor(rows[:, 1] / TRIAL_STRIDE + 1e-9)
    local = rows[:, 1] - k * TRIAL_STRIDE
    keep = (k < n_trials) & (local < TRIAL_MS - 1e-9)
    return np.column_stack([rows[keep, 0], np.round(k[keep] * TRIAL_MS + local[keep], 9)]).reshape(-1, 2)


def first_trials_membrane(times, values, n_trials):
    """Membrane samples of the first n_trials trials, gaps removed: each trial's samples
    from its start to its end inclusive, trial k's at k * TRIAL_MS + local time."""
    parts_t, parts_v = [np.zeros(0)], [values[:0]]
    for k in range(n_trials):
        start = k * TRIAL_STRIDE
        keep = (times >= start - 1e-9) & (times <= start + TRIAL_MS + 1e-9)
        parts_t.append(np.round(times[keep] - start + k * TRIAL_MS, 9))
        parts_v.append(values[keep])
    return np.concatenate(parts_t), np.concatenate(parts_v)


def trial_counts(rows, size, n_trials):
    """Spikes per trial and neuron inside each trial's presentation window."""
    counts = np.zeros((n_trials, size), dtype=np.int64)
    k = np.floor(rows[:, 1] / TRIAL_STRIDE + 1e-9).astype(int)
    local = rows[:, 1] - k * TRIAL_STRIDE
    keep = (k < n_trials) & (local < TRIAL_MS - 1e-9)
    np.add.at(counts, (k[keep], rows[keep, 0].astype(int)), 1)
    return counts
)PY";

} // namespace

// ------------------------------------------------------------ names

std::string_view toString(PynnTarget t)
{
    switch (t) {
    case PynnTarget::Spinnaker: return "spinnaker";
    case PynnTarget::Nest: return "nest";
    case PynnTarget::Brian2: return "brian2";
    }
    return "brian2";
}

std::string_view simulatorName(PynnTarget t)
{
    switch (t) {
    case PynnTarget::Spinnaker: return "sPyNNaker";
    case PynnTarget::Nest: return "NEST";
    case PynnTarget::Brian2: return "Brian 2";
    }
    return "Brian 2";
}

PynnTarget pynnTargetFromString(std::string_view s)
{
    for (PynnTarget t : {PynnTarget::Spinnaker, PynnTarget::Nest, PynnTarget::Brian2})
        if (s == toString(t))
            return t;
    throw model::Error("unknown PyNN target '" + std::string(s) + "' (known: spinnaker, nest, brian2)");
}

// ------------------------------------------------------------ PynnScript

std::filesystem::path PynnScript::writeTo(const std::filesystem::path& dir, const std::string& scriptName) const
{
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec)
        throw model::Error("cannot create the folder: " + ec.message(), dir.string());
    auto write = [](const std::filesystem::path& path, const std::string& bytes) {
        std::error_code e;
        std::filesystem::create_directories(path.parent_path(), e);
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        if (!out || !out.write(bytes.data(), std::streamsize(bytes.size())) || !out.flush())
            throw model::Error("cannot write the file", path.string());
    };
    const std::filesystem::path script = dir / scriptName;
    write(script, source);
    std::filesystem::permissions(script, std::filesystem::perms::owner_exec, std::filesystem::perm_options::add, ec);
    for (const PynnFile& f : files)
        write(dir / f.relativePath, f.bytes);
    return script;
}

// ------------------------------------------------------------ geometry

std::vector<std::pair<std::int32_t, std::int32_t>> PynnScriptGenerator::connectionPairs(const Projection& p,
                                                                                       int preSize,
                                                                                       int postSize,
                                                                                       bool samePopulation)
{
    std::vector<std::pair<std::int32_t, std::int32_t>> pairs;
    if (const auto* l = std::get_if<FromList>(&p.connector)) {
        pairs.reserve(l->pre.size());
        for (std::size_t i = 0; i < l->pre.size(); ++i)
            pairs.emplace_back(l->pre[i], l->post[i]);
    } else if (const auto* a = std::get_if<AllToAll>(&p.connector)) {
        pairs.reserve(std::size_t(preSize) * std::size_t(postSize));
        for (int i = 0; i < preSize; ++i)
            for (int j = 0; j < postSize; ++j)
                if (a->allowSelfConnections || !samePopulation || i != j)
                    pairs.emplace_back(i, j);
    } else if (const auto* c = std::get_if<Convolution>(&p.connector)) {
        const FromList l = expandConvolution(*c);
        for (std::size_t i = 0; i < l.pre.size(); ++i)
            pairs.emplace_back(l.pre[i], l.post[i]);
    }
    return pairs;
}

FromList PynnScriptGenerator::expandConvolution(const Convolution& c)
{
    FromList l;
    const int inPlane = c.in.h * c.in.w;
    const int outPlane = c.out.h * c.out.w;
    auto add = [&](int pre, int post, double w) {
        l.pre.push_back(pre);
        l.post.push_back(post);
        l.weight.push_back(w);
        l.delay.push_back(c.delay);
    };
    for (int m = 0; m < c.out.c; ++m)
        for (int y = 0; y < c.out.h; ++y)
            for (int x = 0; x < c.out.w; ++x) {
                const int post = m * outPlane + y * c.out.w + x;
                for (int ci = 0; ci < c.in.c; ++ci) {
                    int kernel = 0;
                    if (c.perChannel) {
                        if (m % c.in.c != ci)
                            continue;
                        kernel = m / c.in.c;
                    }
                    for (int ky = 0; ky < c.kh; ++ky)
                        for (int kx = 0; kx < c.kw; ++kx) {
                            const int pre = ci * inPlane + (y * c.stride + ky) * c.in.w + (x * c.stride + kx);
                            const std::size_t wi =
                                c.perChannel ? std::size_t((kernel * c.kh + ky) * c.kw + kx)
                                             : std::size_t(((m * c.in.c + ci) * c.kh + ky) * c.kw + kx);
                            add(pre, post, c.kernels[wi]);
                        }
                }
            }
    return l;
}

// ------------------------------------------------------------ validation

PynnScriptGenerator::PynnScriptGenerator(PynnScriptOptions options) : m_options(std::move(options)) {}

double PynnScriptGenerator::settleTimeMs(const PhaseDescription& phase)
{
    double settle = 0.0;
    for (const Population& p : phase.populations) {
        if (isSource(p))
            continue;
        const double tau = std::max({p.params.tauM, p.params.tauSynE, p.params.tauSynI});
        settle = std::max({settle, p.params.tauRefrac, 14.0 * tau});
    }
    for (const Projection& p : phase.projections)
        if (p.stdp)
            settle = std::max(settle, 14.0 * std::max(p.stdp->tauPlus, p.stdp->tauMinus));
    settle += maxDelay(phase);
    const double dt = phase.dt > 0 ? phase.dt : 1.0;
    return std::ceil(settle / dt - 1e-9) * dt;
}

double PynnScriptGenerator::trialGapMs(const PhaseDescription& phase) const
{
    if (m_options.trialGapMs)
        return std::max(0.0, std::ceil(*m_options.trialGapMs / phase.dt - 1e-9)) * phase.dt;
    return settleTimeMs(phase);
}

void PynnScriptGenerator::validate(const PhaseDescription& phase) const
{
    const std::string where = "PyNN script";
    const PynnTarget target = m_options.target;
    if (!(phase.dt > 0.0) || !std::isfinite(phase.dt))
        throw model::Error("timestep dt = " + num(phase.dt) + " ms must be positive", where);
    if (!(phase.durationMs > 0.0) || !std::isfinite(phase.durationMs))
        throw model::Error("duration " + num(phase.durationMs) + " ms must be positive", where);
    if (phase.populations.empty())
        throw model::Error("the phase has no populations", where);
    if (m_options.target == PynnTarget::Brian2 && m_options.brian2Codegen != "cython" &&
        m_options.brian2Codegen != "numpy" && m_options.brian2Codegen != "auto")
        throw model::Error("Brian 2 code generation target '" + m_options.brian2Codegen +
                               "' is unknown (cython, numpy, auto)",
                           where);
    if (target == PynnTarget::Spinnaker)
        hardware::validate(m_options.spinnaker, "SpiNNaker settings", m_options.spinnakerConfigFile);

    auto checkSpikes = [&](const SpikeList& s, int size, const std::string& w) {
        if (s.ids.size() != s.times.size())
            throw model::Error("spike list has " + std::to_string(s.ids.size()) + " ids but " +
                                   std::to_string(s.times.size()) + " times",
                               w);
        for (std::size_t i = 0; i < s.size(); ++i) {
            if (s.ids[i] < 0 || s.ids[i] >= size)
                throw model::Error("spike " + std::to_string(i) + ": neuron " + std::to_string(s.ids[i]) +
                                       " is outside 0.." + std::to_string(size - 1),
                                   w);
            if (!std::isfinite(s.times[i]) || s.times[i] < 0.0)
                throw model::Error("spike " + std::to_string(i) + ": time " + num(s.times[i]) +
                                       " ms is not a time ≥ 0",
                                   w);
        }
    };

    std::set<std::string> labels;
    for (int i = 0; i < int(phase.populations.size()); ++i) {
        const Population& p = phase.populations[std::size_t(i)];
        const std::string w = popWhere(phase, i);
        if (!labels.insert(popLabel(phase, i)).second)
            throw model::Error("label is used by two populations; PyNN (and sPyNNaker's live output) need unique labels",
                               w);
        if (p.size <= 0)
            throw model::Error("size " + std::to_string(p.size) + " must be positive", w);
        if (p.type == CellType::NonLeakyIf)
            throw model::Error("cell type 'non-leaky IF' has no PyNN standard model; PyNN backends support "
                               "IF_curr_exp and spike sources",
                               w);
        if (isSource(p))
            checkSpikes(p.spikes, p.size, w);
        else
            model::validate(p.params, w);
    }

    std::set<std::string> projLabels;
    for (int i = 0; i < int(phase.projections.size()); ++i) {
        const Projection& pr = phase.projections[std::size_t(i)];
        const std::string w = projWhere(phase, i);
        if (!projLabels.insert(projLabel(phase, i)).second)
            throw model::Error("label is used by two projections", w);
        const int nPop = int(phase.populations.size());
        if (pr.pre < 0 || pr.pre >= nPop || pr.post < 0 || pr.post >= nPop)
            throw model::Error("pre " + std::to_string(pr.pre) + " / post " + std::to_string(pr.post) +
                                   " is not a population index (0.." + std::to_string(nPop - 1) + ")",
                               w);
        const Population& pre = phase.populations[std::size_t(pr.pre)];
        const Population& post = phase.populations[std::size_t(pr.post)];
        if (isSource(post))
            throw model::Error("its target '" + popLabel(phase, pr.post) + "' is a spike source", w);
        auto checkDelay = [&](double d, const std::string& what) {
            if (!std::isfinite(d) || d < phase.dt - 1e-9)
                throw model::Error(what + "delay " + num(d) + " ms is shorter than the timestep " + num(phase.dt) +
                                       " ms (PyNN's minimum delay)",
                                   w);
        };
        auto checkWeight = [&](double x, const std::string& what) {
            if (!std::isfinite(x) || x < 0.0)
                throw model::Error(what + "weight " + num(x) +
                                       " nA must be a finite magnitude ≥ 0 (the receptor gives the sign)",
                                   w);
        };
        if (const auto* l = std::get_if<FromList>(&pr.connector)) {
            const std::size_t n = l->pre.size();
            if (l->post.size() != n || l->weight.size() != n || l->delay.size() != n)
                throw model::Error("connection list columns differ in length (pre " + std::to_string(n) +
                                       ", post " + std::to_string(l->post.size()) + ", weight " +
                                       std::to_string(l->weight.size()) + ", delay " +
                                       std::to_string(l->delay.size()) + ")",
                                   w);
            std::set<std::pair<int, int>> seen;
            for (std::size_t k = 0; k < n; ++k) {
                const std::string c = "connection " + std::to_string(k) + ": ";
                if (l->pre[k] < 0 || l->pre[k] >= pre.size || l->post[k] < 0 || l->post[k] >= post.size)
                    throw model::Error(c + "pre " + std::to_string(l->pre[k]) + " / post " +
                                           std::to_string(l->post[k]) + " outside the populations (" +
                                           std::to_string(pre.size) + " / " + std::to_string(post.size) + ")",
                                       w);
                checkWeight(l->weight[k], c);
                checkDelay(l->delay[k], c);
                if (pr.stdp && !seen.emplace(l->pre[k], l->post[k]).second)
                    throw model::Error(c + "pair (pre " + std::to_string(l->pre[k]) + ", post " +
                                           std::to_string(l->post[k]) +
                                           ") appears twice; PyNN cannot read back plastic weights of repeated pairs",
                                       w);
            }
        } else if (const auto* a = std::get_if<AllToAll>(&pr.connector)) {
            checkWeight(a->weight, "");
            checkDelay(a->delay, "");
        } else if (const auto* c = std::get_if<Convolution>(&pr.connector)) {
            if (c->kh <= 0 || c->kw <= 0 || c->stride <= 0)
                throw model::Error("kernel " + std::to_string(c->kh) + "x" + std::to_string(c->kw) + " stride " +
                                       std::to_string(c->stride) + " must be positive",
                                   w);
            if (c->in.size() != pre.size || c->out.size() != post.size)
                throw model::Error("convolution shapes " + model::formatShape(c->in) + " -> " +
                                       model::formatShape(c->out) + " do not match the populations' sizes " +
                                       std::to_string(pre.size) + " -> " + std::to_string(post.size),
                                   w);
            if (c->out.h != convOutputSize(c->in.h, c->kh, c->stride) ||
                c->out.w != convOutputSize(c->in.w, c->kw, c->stride))
                throw model::Error("output " + model::formatShape(c->out) + " is not what a " +
                                       std::to_string(c->kh) + "x" + std::to_string(c->kw) + " kernel at stride " +
                                       std::to_string(c->stride) + " gives from " + model::formatShape(c->in),
                                   w);
            std::size_t expected = 0;
            if (c->perChannel) {
                if (c->in.c <= 0 || c->out.c % c->in.c != 0)
                    throw model::Error("per-channel convolution: output depth " + std::to_string(c->out.c) +
                                           " is not a multiple of the input depth " + std::to_string(c->in.c),
                                       w);
                expected = std::size_t(c->out.c / c->in.c) * std::size_t(c->kh * c->kw);
            } else {
                expected = std::size_t(c->out.c) * std::size_t(c->in.c) * std::size_t(c->kh * c->kw);
            }
            if (c->kernels.size() != expected)
                throw model::Error("has " + std::to_string(c->kernels.size()) + " kernel weights, expected " +
                                       std::to_string(expected),
                                   w);
            for (double k : c->kernels)
                checkWeight(k, "kernel ");
            checkDelay(c->delay, "");
            if (pr.stdp)
                throw model::Error("plastic convolutions (shared kernels) cannot be expressed in PyNN; "
                                   "train on explicit connection lists",
                                   w);
        }
        if (pr.stdp) {
            model::validate(*pr.stdp, w);
            if (pr.stdp->rule != model::StdpRule::PairAdditive)
                throw model::Error("STDP rule '" + std::string(model::toString(pr.stdp->rule)) +
                                       "' has no PyNN equivalent; PyNN backends support the spike-pair rule "
                                       "with additive weight dependence",
                                   w);
            if (pr.receptor == Receptor::Inhibitory && target != PynnTarget::Spinnaker)
                throw model::Error("plastic inhibitory projections are not supported on " +
                                       std::string(simulatorName(target)) + " (PyNN needs negative inhibitory weights, "
                                       "which the additive rule's bounds do not allow)",
                                   w);
        }
    }

    std::map<int, double> intervals;
    for (std::size_t r = 0; r < phase.recordSpikes.size(); ++r) {
        const int p = phase.recordSpikes[r].population;
        if (p < 0 || p >= int(phase.populations.size()))
            throw model::Error("population " + std::to_string(p) + " does not exist",
                               "spike recording " + std::to_string(r));
    }
    for (std::size_t r = 0; r < phase.recordMembrane.size(); ++r) {
        const RecordMembrane& m = phase.recordMembrane[r];
        const std::string w = "membrane recording " + std::to_string(r);
        if (m.population < 0 || m.population >= int(phase.populations.size()))
            throw model::Error("population " + std::to_string(m.population) + " does not exist", w);
        const Population& p = phase.populations[std::size_t(m.population)];
        if (isSource(p))
            throw model::Error("'" + popLabel(phase, m.population) + "' is a spike source and has no membrane", w);
        if (m.variable != RecordMembrane::Variable::V && target != PynnTarget::Spinnaker)
            throw model::Error("PyNN's IF_curr_exp on " + std::string(simulatorName(target)) +
                                   " records only spikes and v, not synaptic currents",
                               w);
        if (m.neurons.empty())
            throw model::Error("no neurons chosen", w);
        for (std::int32_t n : m.neurons)
            if (n < 0 || n >= p.size)
                throw model::Error("neuron " + std::to_string(n) + " is outside 0.." + std::to_string(p.size - 1), w);
        if (std::set<std::int32_t>(m.neurons.begin(), m.neurons.end()).size() != m.neurons.size())
            throw model::Error("a neuron is listed twice", w);
        const double steps = m.intervalMs / phase.dt;
        if (!(m.intervalMs > 0) || std::abs(steps - std::round(steps)) > 1e-6)
            throw model::Error("interval " + num(m.intervalMs) + " ms is not a positive multiple of dt = " +
                                   num(phase.dt) + " ms",
                               w);
        const auto [it, fresh] = intervals.emplace(m.population, m.intervalMs);
        if (!fresh && std::abs(it->second - m.intervalMs) > 1e-9)
            throw model::Error("PyNN samples a population's membrane at one interval; '" +
                                   popLabel(phase, m.population) + "' is asked for " + num(it->second) +
                                   " and " + num(m.intervalMs) + " ms",
                               w);
    }
    for (std::size_t r = 0; r < phase.recordWeights.size(); ++r) {
        const RecordWeights& rw = phase.recordWeights[r];
        const std::string w = "weight recording " + std::to_string(r);
        if (rw.projection < 0 || rw.projection >= int(phase.projections.size()))
            throw model::Error("projection " + std::to_string(rw.projection) + " does not exist", w);
        if (!phase.projections[std::size_t(rw.projection)].stdp)
            throw model::Error(projWhere(phase, rw.projection) + " is static; only plastic weights change", w);
        const double steps = rw.everyMs / phase.dt;
        if (!(rw.everyMs > 0) || !std::isfinite(rw.everyMs) || steps < 0.5 ||
            std::abs(steps - std::round(steps)) > 1e-6)
            throw model::Error("interval " + num(rw.everyMs) + " ms is not a positive multiple of dt = " +
                                   num(phase.dt) + " ms",
                               w);
    }

    if (phase.batch) {
        const TrialBatch& b = *phase.batch;
        const std::string w = "trial batch";
        if (b.inputs.empty())
            throw model::Error("has no trials", w);
        if (b.countPopulation < 0 || b.countPopulation >= int(phase.populations.size()))
            throw model::Error("count population " + std::to_string(b.countPopulation) + " does not exist", w);
        if (b.recordFirstTrials < 0 || b.recordFirstTrials > int(b.inputs.size()))
            throw model::Error("recordFirstTrials " + std::to_string(b.recordFirstTrials) + " is outside 0.." +
                                   std::to_string(b.inputs.size()),
                               w);
        std::set<int> sources;
        for (int s : b.sources) {
            if (s < 0 || s >= int(phase.populations.size()) || !isSource(phase.populations[std::size_t(s)]))
                throw model::Error("source " + std::to_string(s) + " is not a spike-source population", w);
            if (!sources.insert(s).second)
                throw model::Error("source " + std::to_string(s) + " is listed twice", w);
        }
        for (std::size_t t = 0; t < b.inputs.size(); ++t) {
            if (b.inputs[t].size() != b.sources.size())
                throw model::Error("trial " + std::to_string(t) + " has " + std::to_string(b.inputs[t].size()) +
                                       " spike lists for " + std::to_string(b.sources.size()) + " sources",
                                   w);
            for (std::size_t k = 0; k < b.sources.size(); ++k) {
                const SpikeList& s = b.inputs[t][k];
                checkSpikes(s, phase.populations[std::size_t(b.sources[k])].size,
                            w + ", trial " + std::to_string(t) + ", source " + std::to_string(b.sources[k]));
                for (double x : s.times)
                    if (x >= phase.durationMs)
                        throw model::Error("trial " + std::to_string(t) + ": spike at " + num(x) +
                                               " ms is not inside the trial's " + num(phase.durationMs) + " ms",
                                           w);
            }
        }
    }
}

// ------------------------------------------------------------ generation

PynnScript PynnScriptGenerator::generate(const PhaseDescription& phase) const
{
    validate(phase);
    const PynnTarget target = m_options.target;
    const bool spinnaker = target == PynnTarget::Spinnaker;
    const bool batch = phase.batch.has_value();
    const int nTrials = batch ? int(phase.batch->inputs.size()) : 1;
    const double gap = batch ? trialGapMs(phase) : 0.0;
    const double stride = phase.durationMs + gap;
    const double total = batch ? nTrials * stride : phase.durationMs;

    PynnScript script;
    std::ostringstream o;

    // An array either written into the script or saved beside it.
    auto arrayExpr = [&](const std::string& file, const std::vector<double>& rows, std::size_t cols) -> std::string {
        const std::size_t n = cols ? rows.size() / cols : rows.size();
        if (n <= m_options.embedRows) {
            std::string s = "np.array([";
            const bool wrap = n > 2; // one row per line
            for (std::size_t r = 0; r < n; ++r) {
                s += r ? (wrap ? ",\n        [" : ", [") : "[";
                for (std::size_t c = 0; c < cols; ++c)
                    s += (c ? ", " : "") + num(rows[r * cols + c]);
                s += "]";
            }
            return s + "], dtype=float).reshape(-1, " + std::to_string(cols) + ")";
        }
        script.files.push_back(
            {"inputs/" + file, model::npyBytes(model::NpyArray::fromDouble(
                                   {std::int64_t(n), std::int64_t(cols)}, std::vector<double>(rows)))});
        return "load(" + pyStr(file) + ")";
    };

    // ---------------- docstring
    std::size_t neurons = 0, sourcesCount = 0;
    for (const Population& p : phase.populations)
        (isSource(p) ? sourcesCount : neurons) += std::size_t(p.size);
    std::ostringstream outputs;
    for (std::size_t r = 0; r < phase.recordSpikes.size(); ++r)
        outputs << "  spikes_" << r << ".npy        (n, 2) rows [neuron, time ms] of '"
                << popLabel(phase, phase.recordSpikes[r].population) << "'\n";
    for (std::size_t r = 0; r < phase.recordMembrane.size(); ++r)
        outputs << "  v_" << r << ".npy, v_times_" << r << ".npy   membrane [mV] of '"
                << popLabel(phase, phase.recordMembrane[r].population) << "' neurons "
                << intList(phase.recordMembrane[r].neurons) << ", sample times [ms]\n";
    for (std::size_t r = 0; r < phase.recordWeights.size(); ++r)
        outputs << "  weights_" << r << ".npy, weight_times_" << r << ".npy   weights [nA] of '"
                << projLabel(phase, phase.recordWeights[r].projection) << "' every "
                << num(phase.recordWeights[r].everyMs) << " ms\n";
    for (std::size_t i = 0; i < phase.projections.size(); ++i)
        if (phase.projections[i].stdp)
            outputs << "  final_weights_" << i << ".npy   learned weights [nA] of '" << projLabel(phase, int(i))
                    << "'\n";
    if (batch)
        outputs << "  counts.npy           (trials, neurons) spike counts of '"
                << popLabel(phase, phase.batch->countPopulation) << "'\n";
    outputs << "  done.json            written last\n";

    o << "#!/usr/bin/env python3\n\"\"\"" << m_options.title << ": a PyNN script written by SpikingConvNet Workbench\n"
      << "for " << targetDescription(target) << ".\n\n"
      << "    python3 " << m_options.scriptName << " OUTPUT_DIR\n\n"
      << "Network: " << phase.populations.size() << " populations (" << neurons << " neurons, " << sourcesCount
      << " spike sources), " << phase.projections.size() << " projections; ";
    if (batch)
        o << nTrials << " trials of " << num(phase.durationMs) << " ms, each followed by " << num(gap)
          << " ms of silence so the\nnetwork settles back to rest, all in one run";
    else
        o << num(phase.durationMs) << " ms";
    o << " at dt = " << num(phase.dt) << " ms.\n"
      << "Large arrays are read from inputs/ beside this file. The results go to OUTPUT_DIR\n"
      << "as NumPy .npy files:\n"
      << outputs.str()
      << "Exit status: 0 done, 2 bad command line, 3 NumPy or PyNN missing, 4 " << simulatorName(target)
      << " missing,\n5 SpiNNaker board unreachable, 1 any other error (traceback on stderr).\n\"\"\"\n";
    o << kPrologue;

    // ---------------- simulator import
    o << "\n# ------------------------------------------------------------------ simulator\n";
    switch (target) {
    case PynnTarget::Brian2:
        o << "try:\n    import brian2\nexcept ImportError as e:\n"
             "    fail(EXIT_NO_SIMULATOR, \"Brian 2 is not installed for %s (%s)\" % (sys.executable, e))\n"
          << "brian2.prefs.codegen.target = " << pyStr(m_options.brian2Codegen)
          << "  # cython: compiles once, then runs fastest\n"
             "brian2.BrianLogger.log_level_warn()\n"
             "import pyNN.brian2 as sim  # noqa: E402\n"
             "from pyNN.parameters import Sequence as SPIKE_TRAIN  # noqa: E402\n";
        break;
    case PynnTarget::Nest:
        o << "try:\n    import nest  # noqa: F401\nexcept ImportError as e:\n"
             "    fail(EXIT_NO_SIMULATOR, \"NEST is not installed for %s (%s)\" % (sys.executable, e))\n"
             "import pyNN.nest as sim  # noqa: E402\n"
             "from pyNN.parameters import Sequence as SPIKE_TRAIN  # noqa: E402\n";
        break;
    case PynnTarget::Spinnaker:
        if (m_options.spinnakerConfigFile)
            o << "# sPyNNaker reads spynnaker.cfg (board, spalloc, time scale factor) from the working folder.\n"
                 "os.chdir(HERE)\n";
        else
            o << "# The board or spalloc server comes from your ~/.spynnaker.cfg.\n";
        o <<
             "try:\n"
             "    import pyNN.spiNNaker as sim  # sPyNNaker 7.x\n"
             "except ImportError:\n"
             "    try:\n"
             "        import spynnaker8 as sim  # sPyNNaker 6.x and older\n"
             "    except ImportError as e:\n"
             "        fail(EXIT_NO_SIMULATOR, \"sPyNNaker is not installed for %s (neither pyNN.spiNNaker nor \"\n"
             "             \"spynnaker8 can be imported: %s)\" % (sys.executable, e))\n"
             "SPIKE_TRAIN = list\n";
        break;
    }

    o << "\nDT = " << num(phase.dt) << "  # timestep [ms]\n";
    if (batch) {
        o << "TRIAL_MS = " << num(phase.durationMs) << "  # one trial [ms]\n"
          << "GAP_MS = " << num(gap) << "  # silence after each trial, lets the network settle [ms]\n"
          << "TRIAL_STRIDE = TRIAL_MS + GAP_MS\n"
          << "N_TRIALS = " << nTrials << "\n"
          << "DURATION = N_TRIALS * TRIAL_STRIDE  # simulated time [ms]\n";
    } else {
        o << "DURATION = " << num(phase.durationMs) << "  # simulated time [ms]\n"
          << "TRIAL_MS = TRIAL_STRIDE = DURATION\n";
    }
    o << kHelpers;

    // ---------------- board-error classification (SpiNNaker)
    if (spinnaker)
        o << R"PY(

def board_unreachable(error):
    """True for errors that mean the board or spalloc server did not answer."""
    module = type(error).__module__ or ""
    names = [c.__name__ for c in type(error).__mro__]
    if module.startswith(("spinnman", "spalloc", "spinn_machine")) and any(
            "Timeout" in n or "IOException" in n or "Spalloc" in n for n in names):
        return True
    return isinstance(error, (ConnectionError, TimeoutError)) or type(error).__name__ == "gaierror"
)PY";

    // ---------------- network
    o << "\n\ndef build():\n"
      << "    \"\"\"Sets the simulator up and builds populations, projections and recordings.\"\"\"\n";
    if (spinnaker) {
        o << "    sim.setup(timestep=DT";
        if (m_options.spinnaker.timeScaleFactor > 0)
            o << ", time_scale_factor=" << m_options.spinnaker.timeScaleFactor;
        o << ")\n"
          << "    sim.set_number_of_neurons_per_core(sim.IF_curr_exp, " << m_options.spinnaker.neuronsPerCore
          << ")\n";
    } else {
        o << "    sim.setup(timestep=DT, min_delay=DT)\n";
        if (target == PynnTarget::Brian2)
            o << "    # pyNN.brian2 0.10 builds SpikeSourceArray on Brian 2's default clock: give it DT too.\n"
                 "    brian2.defaultclock.dt = DT * brian2.ms\n";
    }
    o << "    pops, projs, conns = [], [], []  # conns: each projection's connection rows (None: all-to-all)\n";

    for (int i = 0; i < int(phase.populations.size()); ++i) {
        const Population& p = phase.populations[std::size_t(i)];
        const std::string label = popLabel(phase, i);
        o << "\n";
        if (isSource(p)) {
            const bool batched =
                batch && std::find(phase.batch->sources.begin(), phase.batch->sources.end(), i) !=
                             phase.batch->sources.end();
            std::string expr;
            if (batched) {
                const TrialBatch& b = *phase.batch;
                const std::size_t k = std::size_t(std::find(b.sources.begin(), b.sources.end(), i) - b.sources.begin());
                std::vector<double> rows;
                for (std::size_t t = 0; t < b.inputs.size(); ++t) {
                    const SpikeList& s = b.inputs[t][k];
                    for (std::size_t j = 0; j < s.size(); ++j) {
                        rows.push_back(double(t));
                        rows.push_back(s.ids[j]);
                        rows.push_back(s.times[j]);
                    }
                }
                o << "    # '" << label << "': " << p.size << " spike sources, new spikes in every trial\n"
                  << "    # (rows [trial, neuron, time ms inside the trial])\n";
                expr = "trials(" + arrayExpr("trials_" + std::to_string(i) + ".npy", rows, 3) + ")";
            } else if (batch) {
                std::vector<double> rows;
                for (int t = 0; t < nTrials; ++t)
                    for (std::size_t j = 0; j < p.spikes.size(); ++j) {
                        rows.push_back(double(t));
                        rows.push_back(p.spikes.ids[j]);
                        rows.push_back(p.spikes.times[j]);
                    }
                o << "    # '" << label << "': " << p.size << " spike sources, the same spikes in every trial\n";
                expr = "trials(" + arrayExpr("trials_" + std::to_string(i) + ".npy", rows, 3) + ")";
            } else {
                o << "    # '" << label << "': " << p.size << " spike sources (rows [neuron, time ms])\n";
                expr = arrayExpr("spikes_" + std::to_string(i) + ".npy", spikeRows(p.spikes), 2);
            }
            o << "    pops.append(sim.Population(" << p.size << ", sim.SpikeSourceArray(spike_times=spike_trains("
              << p.size << ", " << expr << ")),\n"
              << "                               label=" << pyStr(label) << "))\n";
        } else {
            const model::NeuronParams& q = p.params;
            o << "    # '" << label << "': " << p.size << " IF_curr_exp neurons\n"
              << "    pops.append(sim.Population(" << p.size << ", sim.IF_curr_exp(\n"
              << "        cm=" << num(q.cm) << ", tau_m=" << num(q.tauM) << ", tau_refrac=" << num(q.tauRefrac)
              << ",  # nF, ms, ms\n"
              << "        v_rest=" << num(q.vRest) << ", v_reset=" << num(q.vReset) << ", v_thresh="
              << num(q.vThresh) << ",  # mV\n"
              << "        tau_syn_E=" << num(q.tauSynE) << ", tau_syn_I=" << num(q.tauSynI)
              << ", i_offset=" << num(q.iOffset) << "),  # ms, ms, nA\n"
              << "        label=" << pyStr(label) << "))\n";
            if (p.initialV) // otherwise PyNN's default initial v of IF_curr_exp, -65 mV
                o << "    pops[-1].initialize(v=" << num(*p.initialV) << ")\n";
        }
    }

    for (int i = 0; i < int(phase.projections.size()); ++i) {
        const Projection& pr = phase.projections[std::size_t(i)];
        const std::string label = projLabel(phase, i);
        const bool inhibitory = pr.receptor == Receptor::Inhibitory;
        // PyNN on NEST and Brian 2 wants negative inhibitory weights; sPyNNaker takes |w| (spinnaker.md §5.5).
        const bool negate = inhibitory && !spinnaker;
        const std::string receptor = inhibitory ? "\"inhibitory\"" : "\"excitatory\"";
        o << "\n    # '" << label << "': '" << popLabel(phase, pr.pre) << "' -> '" << popLabel(phase, pr.post)
          << "', " << (inhibitory ? "inhibitory" : "excitatory") << (pr.stdp ? ", plastic (STDP)" : ", static")
          << "\n";
        std::string connector, weight = "", delay = "";
        if (const auto* a = std::get_if<AllToAll>(&pr.connector)) {
            o << "    conn = None\n";
            connector = std::string("sim.AllToAllConnector(allow_self_connections=") +
                        (a->allowSelfConnections ? "True" : "False") + ")";
            weight = num(negate ? -a->weight : a->weight);
            delay = num(a->delay);
        } else {
            FromList list;
            std::string file = "conn_" + std::to_string(i) + ".npy";
            if (const auto* l = std::get_if<FromList>(&pr.connector)) {
                list = *l;
            } else {
                const auto& c = std::get<Convolution>(pr.connector);
                list = expandConvolution(c);
                o << "    # convolution " << model::formatShape(c.in) << " -> " << model::formatShape(c.out) << ", "
                  << c.kh << "x" << c.kw << " kernels, stride " << c.stride << (c.perChannel ? ", per channel" : "")
                  << "; flat index = c*H*W + y*W + x\n";
            }
            std::vector<double> rows;
            rows.reserve(list.pre.size() * 4);
            for (std::size_t k = 0; k < list.pre.size(); ++k) {
                rows.push_back(list.pre[k]);
                rows.push_back(list.post[k]);
                rows.push_back(list.weight[k]);
                rows.push_back(list.delay[k]);
            }
            o << "    conn = " << arrayExpr(file, rows, 4) << "  # " << list.pre.size()
              << " rows [pre, post, weight nA, delay ms]\n";
            connector = std::string("sim.FromListConnector(") + (negate ? "negated(conn)" : "conn") +
                        ", column_names=[\"weight\", \"delay\"])";
        }
        std::string synapse;
        if (pr.stdp) {
            const model::StdpParams& s = *pr.stdp;
            synapse = "sim.STDPMechanism(\n"
                      "            timing_dependence=sim.SpikePairRule(tau_plus=" +
                      num(s.tauPlus) + ", tau_minus=" + num(s.tauMinus) + ", A_plus=" + num(s.aPlus) +
                      ", A_minus=" + num(s.aMinus) +
                      "),\n"
                      "            weight_dependence=sim.AdditiveWeightDependence(w_min=" +
                      num(s.wMin) + ", w_max=" + num(s.wMax) + ")";
            if (!weight.empty())
                synapse += ",\n            weight=" + weight + ", delay=" + delay;
            if (target == PynnTarget::Brian2)
                synapse += ",\n            dendritic_delay_fraction=0.0";  // pyNN.brian2 supports axonal delays only
            synapse += ")";
        } else {
            synapse = weight.empty() ? "sim.StaticSynapse()"
                                     : "sim.StaticSynapse(weight=" + weight + ", delay=" + delay + ")";
        }
        o << "    projs.append(sim.Projection(pops[" << pr.pre << "], pops[" << pr.post << "], " << connector << ",\n"
          << "        synapse_type=" << synapse << ",\n"
          << "        receptor_type=" << receptor << ", label=" << pyStr(label) << "))\n"
          << "    conns.append(conn)\n";
    }

    // recordings
    o << "\n    # recordings\n";
    std::set<int> spikePops;
    for (const RecordSpikes& r : phase.recordSpikes)
        spikePops.insert(r.population);
    if (batch)
        spikePops.insert(phase.batch->countPopulation);
    for (int p : spikePops)
        o << "    pops[" << p << "].record(\"spikes\")\n";
    std::map<std::pair<int, std::string>, std::set<std::int32_t>> sampled; // (population, variable) → neurons
    std::map<int, double> interval;
    for (const RecordMembrane& m : phase.recordMembrane) {
        sampled[{m.population, variableName(m.variable)}].insert(m.neurons.begin(), m.neurons.end());
        interval[m.population] = m.intervalMs;
    }
    for (const auto& [key, set] : sampled) {
        const int p = key.first;
        const bool all = int(set.size()) == phase.populations[std::size_t(p)].size;
        const std::vector<std::int32_t> ids(set.begin(), set.end());
        o << "    pops[" << p << "]" << (all ? "" : "[" + intList(ids) + "]") << ".record(" << pyStr(key.second)
          << ", sampling_interval=" << num(interval[p]) << ")\n";
    }
    if (spinnaker && m_options.spinnaker.liveOutput && !phase.recordSpikes.empty()) {
        const SpinnakerSettings& s = m_options.spinnaker;
        o << "\n    # live spikes to the workbench while the board runs (database handshake first)\n";
        std::set<int> live;
        for (const RecordSpikes& r : phase.recordSpikes)
            live.insert(r.population);
        for (int p : live) {
            o << "    sim.external_devices.activate_live_output_for(\n"
              << "        pops[" << p << "], database_notify_host=" << pyStr(s.notifyHost)
              << ", database_notify_port_num=" << s.notifyPort << ",\n"
              << "        port=" << s.liveSpikePort;
            if (!s.liveSpikeHost.empty())
                o << ", host=" << pyStr(s.liveSpikeHost);
            o << ")\n";
        }
    }
    o << "    return pops, projs, conns\n";

    // ---------------- run
    // Stops: every weight snapshot time (a multiple of its interval) and the end.
    // In batch mode snapshots fall inside the recorded trials, at local multiples of
    // the interval, and are reported at k·duration + local time (gaps removed).
    std::map<std::int64_t, std::vector<std::pair<std::size_t, double>>> due; // step → (recording, reported ms)
    const auto totalSteps = std::int64_t(std::llround(total / phase.dt));
    const auto trialSteps = std::int64_t(std::llround(phase.durationMs / phase.dt));
    const auto strideSteps = std::int64_t(std::llround(stride / phase.dt));
    const int snapshotTrials = batch ? phase.batch->recordFirstTrials : 1;
    for (std::size_t r = 0; r < phase.recordWeights.size(); ++r) {
        const auto every = std::int64_t(std::llround(phase.recordWeights[r].everyMs / phase.dt));
        for (int t = 0; t < snapshotTrials; ++t)
            for (std::int64_t k = every; k <= (batch ? trialSteps : totalSteps); k += every)
                due[t * strideSteps + k].emplace_back(r, double(t * trialSteps + k) * phase.dt);
    }
    due[totalSteps];

    o << "\n\ndef run(pops, projs, conns):\n"
      << "    \"\"\"Runs the whole phase; returns the weight snapshots {recording: (times, weights)}.\"\"\"\n";
    if (!phase.recordWeights.empty()) {
        o << "    recorded = [";
        for (std::size_t r = 0; r < phase.recordWeights.size(); ++r)
            o << (r ? ", " : "") << phase.recordWeights[r].projection;
        o << "]  # projection of each weight recording\n";
    }
    o << "    snapshots = {";
    for (std::size_t r = 0; r < phase.recordWeights.size(); ++r)
        o << (r ? ", " : "") << r << ": ([], [])";
    o << "}\n"
      << "    # (time ms, [(weight recording, time reported for it ms), ...])\n"
      << "    stops = [";
    {
        std::size_t k = 0;
        for (const auto& [step, list] : due) {
            o << (k++ ? ", " : "") << "(" << (step == totalSteps ? std::string("DURATION") : num(double(step) * phase.dt))
              << ", [";
            for (std::size_t j = 0; j < list.size(); ++j)
                o << (j ? ", " : "") << "(" << list[j].first << ", " << num(list[j].second) << ")";
            o << "])";
        }
    }
    o << "]\n";
    if (!spinnaker && m_options.progressChunks > 1)
        o << "    # short pieces so that progress can be reported (cheap on this simulator)\n"
          << "    piece = max(DT, round(DURATION / " << m_options.progressChunks << " / DT) * DT)\n";
    else
        o << "    piece = DURATION  # one run: every extra run costs the board a pause and resume\n";
    o << "    now = 0.0\n"
      << "    for stop, weights_due in stops:\n"
      << "        while stop - now > 1e-9:\n"
      << "            step = min(piece, stop - now)\n"
      << "            sim.run(step)\n"
      << "            now += step\n"
      << "            print(\"progress %g/%g ms\" % (now, DURATION), flush=True)\n"
      << "        for r, reported in weights_due:\n"
      << "            snapshots[r][0].append(reported)\n"
      << "            snapshots[r][1].append(weights_of(projs[recorded[r]], conns[recorded[r]]))\n"
      << "    return snapshots\n";

    // ---------------- save
    o << "\n\ndef save_results(pops, projs, conns, snapshots):\n"
      << "    \"\"\"Writes every result as .npy into OUT.\"\"\"\n";
    for (std::size_t r = 0; r < phase.recordSpikes.size(); ++r) {
        const int p = phase.recordSpikes[r].population;
        if (batch)
            o << "    save(\"spikes_" << r << ".npy\", first_trials_spikes(spikes_of(pops[" << p << "]), "
              << phase.batch->recordFirstTrials << "))\n";
        else
            o << "    save(\"spikes_" << r << ".npy\", spikes_of(pops[" << p << "]))\n";
    }
    for (std::size_t r = 0; r < phase.recordMembrane.size(); ++r) {
        const RecordMembrane& m = phase.recordMembrane[r];
        o << "    times, values = membrane_of(pops[" << m.population << "], " << intList(m.neurons);
        if (m.variable != RecordMembrane::Variable::V)
            o << ", " << pyStr(variableName(m.variable));
        o << ")\n";
        if (batch)
            o << "    times, values = first_trials_membrane(times, values, " << phase.batch->recordFirstTrials
              << ")\n";
        o << "    save(\"v_" << r << ".npy\", values)\n"
          << "    save(\"v_times_" << r << ".npy\", times)\n";
    }
    for (std::size_t r = 0; r < phase.recordWeights.size(); ++r)
        o << "    save(\"weights_" << r << ".npy\", np.array(snapshots[" << r << "][1], dtype=float))\n"
          << "    save(\"weight_times_" << r << ".npy\", np.array(snapshots[" << r << "][0], dtype=float))\n";
    for (std::size_t i = 0; i < phase.projections.size(); ++i)
        if (phase.projections[i].stdp)
            o << "    save(\"final_weights_" << i << ".npy\", weights_of(projs[" << i << "], conns[" << i
              << "]))\n";
    if (batch) {
        const int c = phase.batch->countPopulation;
        o << "    save(\"counts.npy\", trial_counts(spikes_of(pops[" << c << "]), "
          << phase.populations[std::size_t(c)].size << ", N_TRIALS))\n";
    }

    // ---------------- main
    o << R"PY(

def main():
    start = time.time()
    pops, projs, conns = build()
    snapshots = run(pops, projs, conns)
    save_results(pops, projs, conns, snapshots)
    sim.end()
    with open(os.path.join(OUT, "done.json"), "w") as f:
        json.dump({"simulator": sim.__name__, "pynn": pyNN.__version__,
                   "simulated_ms": DURATION, "wall_s": round(time.time() - start, 3)}, f)


if __name__ == "__main__":
)PY";
    if (spinnaker)
        o << R"PY(    try:
        main()
    except Exception as error:  # noqa: B902 - the board's errors come from several packages
        if not board_unreachable(error):
            raise
        import traceback
        traceback.print_exc()
        fail(EXIT_BOARD_UNREACHABLE, "the SpiNNaker board or spalloc server did not answer (%s: %s)"
             % (type(error).__name__, error))
)PY";
    else
        o << "    main()\n";

    script.source = o.str();
    if (spinnaker && m_options.spinnakerConfigFile)
        script.files.push_back({"spynnaker.cfg", spynnakerCfgText(m_options.spinnaker)});
    return script;
}

// ------------------------------------------------------------ results

PynnTable readPynnTable(const std::filesystem::path& path)
{
    const model::NpyArray a = model::readNpy(path.string());
    PynnTable t;
    t.data = a.toDouble();
    t.rows = a.shape.empty() ? 1 : std::size_t(a.shape[0]);
    for (std::size_t i = 1; i < a.shape.size(); ++i)
        t.cols *= std::size_t(a.shape[i]);
    return t;
}

PhaseResult readPynnResults(const std::filesystem::path& outDir, const PhaseDescription& phase)
{
    if (!std::filesystem::exists(outDir / "done.json"))
        throw model::Error("the PyNN script ended without writing its results (done.json is missing)",
                           outDir.string());
    PhaseResult result;
    auto need = [&](const std::string& name, std::size_t cols) {
        PynnTable a = readPynnTable(outDir / name);
        if (a.rows > 0 && a.cols != cols)
            throw model::Error("expected " + std::to_string(cols) + " columns, found " + std::to_string(a.cols),
                               (outDir / name).string());
        return a;
    };
    for (std::size_t r = 0; r < phase.recordSpikes.size(); ++r) {
        const std::string name = "spikes_" + std::to_string(r) + ".npy";
        const PynnTable a = need(name, 2);
        const int size = phase.populations[std::size_t(phase.recordSpikes[r].population)].size;
        SpikeList s;
        for (std::size_t i = 0; i < a.rows; ++i) {
            const double id = a.at(i, 0);
            const double time = a.at(i, 1);
            if (!(id >= 0 && id < size && id == std::floor(id)) || !std::isfinite(time) || time < 0)
                throw model::Error("row " + std::to_string(i) + ": spike of neuron " + num(id)
                                       + " at " + num(time) + " ms, but the population has neurons 0 … "
                                       + std::to_string(size - 1) + " and times are finite and ≥ 0",
                                   (outDir / name).string());
            s.add(std::int32_t(id), time);
        }
        result.spikes.push_back(std::move(s));
    }
    for (std::size_t r = 0; r < phase.recordMembrane.size(); ++r) {
        const RecordMembrane& m = phase.recordMembrane[r];
        const PynnTable v = need("v_" + std::to_string(r) + ".npy", m.neurons.size());
        const PynnTable t = readPynnTable(outDir / ("v_times_" + std::to_string(r) + ".npy"));
        if (t.data.size() != v.rows)
            throw model::Error(std::to_string(t.data.size()) + " sample times for " + std::to_string(v.rows) +
                                   " membrane samples",
                               (outDir / ("v_times_" + std::to_string(r) + ".npy")).string());
        MembraneTrace trace;
        trace.neurons = m.neurons;
        trace.times = t.data;
        trace.values = v.data;
        result.membranes.push_back(std::move(trace));
    }
    auto nConnections = [&](int i) {
        const Projection& p = phase.projections[std::size_t(i)];
        return PynnScriptGenerator::connectionPairs(p, phase.populations[std::size_t(p.pre)].size,
                                                    phase.populations[std::size_t(p.post)].size, p.pre == p.post)
            .size();
    };
    for (std::size_t r = 0; r < phase.recordWeights.size(); ++r) {
        const std::size_t n = nConnections(phase.recordWeights[r].projection);
        const std::string name = "weights_" + std::to_string(r) + ".npy";
        const PynnTable w = readPynnTable(outDir / name);
        const PynnTable t = readPynnTable(outDir / ("weight_times_" + std::to_string(r) + ".npy"));
        std::vector<WeightSnapshot> snaps;
        const std::size_t rows = t.data.size();
        if (w.data.size() != rows * n)
            throw model::Error("holds " + std::to_string(w.data.size()) + " values, expected " +
                                   std::to_string(rows) + " snapshots × " + std::to_string(n) + " connections",
                               (outDir / name).string());
        for (std::size_t k = 0; k < rows; ++k) {
            WeightSnapshot s;
            s.timeMs = t.data[k];
            s.weights.assign(w.data.begin() + std::ptrdiff_t(k * n), w.data.begin() + std::ptrdiff_t((k + 1) * n));
            snaps.push_back(std::move(s));
        }
        result.weightSnapshots.push_back(std::move(snaps));
    }
    for (int i = 0; i < int(phase.projections.size()); ++i) {
        const Projection& p = phase.projections[std::size_t(i)];
        std::vector<double> w;
        if (p.stdp) {
            const std::string name = "final_weights_" + std::to_string(i) + ".npy";
            const PynnTable a = readPynnTable(outDir / name);
            if (a.data.size() != nConnections(i))
                throw model::Error("holds " + std::to_string(a.data.size()) + " weights for " +
                                       std::to_string(nConnections(i)) + " connections",
                                   (outDir / name).string());
            w.assign(a.data.begin(), a.data.end());
        } else if (const auto* l = std::get_if<FromList>(&p.connector)) {
            w = l->weight; // static list: the weights given; static all-to-all and convolutions: empty
        }
        result.finalWeights.push_back(std::move(w));
    }
    if (phase.batch) {
        const int size = phase.populations[std::size_t(phase.batch->countPopulation)].size;
        const PynnTable c = need("counts.npy", std::size_t(size));
        if (c.rows != phase.batch->inputs.size())
            throw model::Error("holds " + std::to_string(c.rows) + " trials, expected " +
                                   std::to_string(phase.batch->inputs.size()),
                               (outDir / "counts.npy").string());
        for (std::size_t t = 0; t < c.rows; ++t) {
            std::vector<std::int32_t> row(static_cast<std::size_t>(size));
            for (int j = 0; j < size; ++j) {
                const double count = c.at(t, std::size_t(j));
                if (!(count >= 0 && count <= double(std::numeric_limits<std::int32_t>::max())))
                    throw model::Error("trial " + std::to_string(t) + ", neuron " + std::to_string(j)
                                           + ": spike count " + num(count) + " is not a count",
                                       (outDir / "counts.npy").string());
                row[std::size_t(j)] = std::int32_t(std::llround(count));
            }
            result.counts.push_back(std::move(row));
        }
    }
    return result;
}

} // namespace scnn::hardware
