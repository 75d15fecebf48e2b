// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — the SVM readout over LIBLINEAR and libsvm.
#include "model/svm.h"

#include "model/error.h"
#include "model/fileutil.h"
#include "model/svmmodelcheck.h"

#include <linear.h>
#include <libsvm/svm.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <sstream>
#include <thread>

namespace scnn::model {

namespace {

void quiet(const char*) {}

/// Both libraries print progress on stdout unless told otherwise; once per process.
void silenceLibraries()
{
    static std::once_flag once;
    std::call_once(once, [] {
        set_print_string_function(&quiet);
        svm_set_print_string_function(&quiet);
    });
}

std::string number(double v)
{
    std::ostringstream s;
    s << v;
    return s.str();
}

struct LinearModelDeleter
{
    void operator()(::model* m) const
    {
        if (m)
            free_and_destroy_model(&m);
    }
};

struct SvmModelDeleter
{
    void operator()(svm_model* m) const
    {
        if (m)
            svm_free_and_destroy_model(&m);
    }
};

using LinearModelPtr = std::unique_ptr<::model, LinearModelDeleter>;
using SvmModelPtr = std::unique_ptr<svm_model, SvmModelDeleter>;

/// The scaled, sparse rows both libraries read (index 1-based, terminated by −1).
/// LIBLINEAR's bias column is appended when `bias` is set.
struct SparseRows
{
    std::vector<std::vector<feature_node>> linear;
    std::vector<std::vector<svm_node>> kernel;
};

template<typename Node>
std::vector<Node> sparseRow(const float* row, int cols, const Standardizer& s, bool bias)
{
    std::vector<Node> nodes;
    for (int j = 0; j < cols; ++j) {
        const double v = s.apply(j, row[j]);
        if (v != 0.0)
            nodes.push_back(Node{j + 1, v});
    }
    if (bias)
        nodes.push_back(Node{cols + 1, 1.0});
    nodes.push_back(Node{-1, 0.0});
    return nodes;
}

void checkTrainingInput(const Features& x, const std::vector<int>& labels)
{
    if (x.rows <= 0)
        throw Error("no training examples", "SVM");
    if (x.cols <= 0)
        throw Error("the training features have zero columns (the last layer produced no "
                    "features)",
                    "SVM");
    if (x.values.size() != std::size_t(x.rows) * std::size_t(x.cols))
        throw Error("feature matrix holds " + std::to_string(x.values.size()) + " values, not "
                        + std::to_string(x.rows) + " × " + std::to_string(x.cols),
                    "SVM");
    if (labels.size() != std::size_t(x.rows))
        throw Error(std::to_string(labels.size()) + " labels for " + std::to_string(x.rows)
                        + " feature rows",
                    "SVM");
    for (std::size_t i = 0; i < x.values.size(); ++i)
        if (!std::isfinite(x.values[i]))
            throw Error("feature " + std::to_string(i % std::size_t(x.cols)) + " of example "
                            + std::to_string(i / std::size_t(x.cols)) + " is not a finite number",
                        "SVM");
    const std::set<int> classes(labels.begin(), labels.end());
    if (classes.size() < 2)
        throw Error("the training examples have only one class (" + std::to_string(*classes.begin())
                        + "); an SVM needs at least two",
                    "SVM");
}

std::vector<double> defaultGrid()
{
    std::vector<double> g;
    // Standardised spike counts favour small C; large C only costs time.
    // Every other power of two: each fit is cheap, the fits are many.
    for (int e = -10; e <= 2; e += 2)
        g.push_back(std::ldexp(1.0, e));
    return g;
}

/// Stratified fold of every example: each class's examples are shuffled by
/// the seed and dealt round-robin, so every fold sees every class.
std::vector<int> assignFolds(const std::vector<int>& labels, int folds, std::uint64_t seed)
{
    std::map<int, std::vector<int>> byClass;
    for (int i = 0; i < int(labels.size()); ++i)
        byClass[labels[i]].push_back(i);
    std::mt19937_64 engine(seed);
    std::vector<int> fold(labels.size(), 0);
    int next = 0;
    for (auto& [label, idx] : byClass) {
        for (std::size_t i = idx.size(); i > 1; --i) {
            const std::size_t j = std::size_t(engine() % i); // bias negligible for our sizes
            std::swap(idx[i - 1], idx[j]);
        }
        for (int i : idx)
            fold[i] = next++ % folds;
    }
    return fold;
}

int resolveThreads(int threads)
{
    if (threads > 0)
        return threads;
    return std::max(1u, std::thread::hardware_concurrency());
}

} // namespace

// ---------------------------------------------------------------------------

std::string_view toString(FeatureScaling s)
{
    switch (s) {
    case FeatureScaling::None: return "none";
    case FeatureScaling::MeanStd: return "mean_std";
    case FeatureScaling::MaxAbs: return "max_abs";
    }
    return "none";
}

FeatureScaling featureScalingFromString(std::string_view s)
{
    if (s == "none") return FeatureScaling::None;
    if (s == "mean_std") return FeatureScaling::MeanStd;
    if (s == "max_abs") return FeatureScaling::MaxAbs;
    throw Error("unknown feature scaling '" + std::string(s) + "' (none, mean_std, max_abs)");
}

std::string_view toString(SvmOptions::Kernel k)
{
    return k == SvmOptions::Kernel::Rbf ? "rbf" : "linear";
}

SvmOptions::Kernel svmKernelFromString(std::string_view s)
{
    if (s == "linear") return SvmOptions::Kernel::Linear;
    if (s == "rbf") return SvmOptions::Kernel::Rbf;
    throw Error("unknown SVM kernel '" + std::string(s) + "' (linear, rbf)");
}

Standardizer Standardizer::fit(const Features& x, FeatureScaling kind)
{
    Standardizer s;
    s.kind = kind;
    s.offset.assign(std::size_t(x.cols), 0.0);
    s.factor.assign(std::size_t(x.cols), 1.0);
    if (kind == FeatureScaling::None || x.rows == 0)
        return s;
    for (int j = 0; j < x.cols; ++j) {
        if (kind == FeatureScaling::MeanStd) {
            double sum = 0.0;
            for (int i = 0; i < x.rows; ++i)
                sum += x.at(i, j);
            const double mean = sum / x.rows;
            double var = 0.0;
            for (int i = 0; i < x.rows; ++i) {
                const double d = x.at(i, j) - mean;
                var += d * d;
            }
            const double sd = std::sqrt(var / x.rows);
            s.offset[j] = mean;
            s.factor[j] = sd > 0.0 ? 1.0 / sd : 0.0;
        } else {
            double m = 0.0;
            for (int i = 0; i < x.rows; ++i)
                m = std::max(m, double(std::abs(x.at(i, j))));
            s.factor[j] = m > 0.0 ? 1.0 / m : 0.0;
        }
    }
    return s;
}

nlohmann::json Standardizer::toJson() const
{
    return {{"kind", std::string(toString(kind))}, {"offset", offset}, {"factor", factor}};
}

Standardizer Standardizer::fromJson(const nlohmann::json& j, const std::string& where)
{
    Standardizer s;
    try {
        s.kind = featureScalingFromString(j.at("kind").get<std::string>());
        s.offset = j.at("offset").get<std::vector<double>>();
        s.factor = j.at("factor").get<std::vector<double>>();
    } catch (const nlohmann::json::exception& e) {
        throw Error(std::string("feature scaling: ") + e.what(), where);
    }
    if (s.offset.size() != s.factor.size())
        throw Error("feature scaling has " + std::to_string(s.offset.size()) + " offsets but "
                        + std::to_string(s.factor.size()) + " factors",
                    where);
    for (std::size_t i = 0; i < s.offset.size(); ++i)
        if (!std::isfinite(s.offset[i]) || !std::isfinite(s.factor[i]))
            throw Error("feature scaling entry " + std::to_string(i) + " is not finite", where);
    return s;
}

// ---------------------------------------------------------------------------

struct Svm::Impl
{
    LinearModelPtr linear;
    SvmModelPtr kernel;
    // libsvm keeps pointers into the training rows; they live as long as the model.
    std::vector<std::vector<svm_node>> supportRows;

    static constexpr double bias = 1.0;

    static Impl trainOn(const Features& x, const std::vector<int>& labels,
                        const std::vector<int>& rows, const Standardizer& s,
                        const SvmOptions& o, double c)
    {
        Impl impl;
        const int l = int(rows.size());
        std::vector<double> y(std::size_t(l), 0.0);
        for (int i = 0; i < l; ++i)
            y[i] = labels[rows[i]];
        if (o.kernel == SvmOptions::Kernel::Linear) {
            std::vector<std::vector<feature_node>> nodes(static_cast<std::size_t>(l));
            std::vector<feature_node*> ptrs(static_cast<std::size_t>(l));
            for (int i = 0; i < l; ++i) {
                nodes[i] = sparseRow<feature_node>(x.row(rows[i]), x.cols, s, true);
                ptrs[i] = nodes[i].data();
            }
            problem prob{};
            prob.l = l;
            prob.n = x.cols + 1;
            prob.y = y.data();
            prob.x = ptrs.data();
            prob.bias = bias;
            parameter param{};
            // LinearSVC's solver: dual coordinate descent on the squared hinge loss.
            param.solver_type = L2R_L2LOSS_SVC_DUAL;
            param.eps = o.epsilon;
            param.C = c;
            param.p = 0.1;
            if (const char* err = check_parameter(&prob, &param))
                throw Error(std::string("LIBLINEAR rejects the problem: ") + err, "SVM");
            {
                // The dual solver permutes coordinates with rand(): serialise the
                // calls and seed them so results do not depend on threads.
                static std::mutex randMutex;
                std::lock_guard lock(randMutex);
                std::srand(1u);
                impl.linear.reset(::train(&prob, &param));
            }
            if (!impl.linear)
                throw Error("LIBLINEAR failed to train", "SVM");
        } else {
            impl.supportRows.resize(std::size_t(l));
            std::vector<svm_node*> ptrs(static_cast<std::size_t>(l));
            for (int i = 0; i < l; ++i) {
                impl.supportRows[i] = sparseRow<svm_node>(x.row(rows[i]), x.cols, s, false);
                ptrs[i] = impl.supportRows[i].data();
            }
            svm_problem prob{};
            prob.l = l;
            prob.y = y.data();
            prob.x = ptrs.data();
            svm_parameter param{};
            param.svm_type = C_SVC;
            param.kernel_type = RBF;
            param.gamma = o.gamma > 0.0 ? o.gamma : 1.0 / x.cols;
            param.cache_size = 100.0;
            param.eps = 1e-3; // libsvm's default
            param.C = c;
            param.shrinking = 1;
            param.probability = 0;
            if (const char* err = svm_check_parameter(&prob, &param))
                throw Error(std::string("libsvm rejects the problem: ") + err, "SVM");
            impl.kernel.reset(svm_train(&prob, &param));
            if (!impl.kernel)
                throw Error("libsvm failed to train", "SVM");
            // svm_train copies the problem's y but points at our x rows: keep them.
        }
        return impl;
    }

    int predict(const float* row, int cols, const Standardizer& s) const
    {
        if (linear) {
            const auto nodes = sparseRow<feature_node>(row, cols, s, linear->bias >= 0);
            return int(std::lround(::predict(linear.get(), nodes.data())));
        }
        const auto nodes = sparseRow<svm_node>(row, cols, s, false);
        return int(std::lround(svm_predict(kernel.get(), nodes.data())));
    }
};

Svm::Svm() : m_impl(std::make_unique<Impl>()) {}
Svm::Svm(Svm&&) noexcept = default;
Svm& Svm::operator=(Svm&&) noexcept = default;
Svm::~Svm() = default;

bool Svm::isTrained() const
{
    return m_impl && (m_impl->linear || m_impl->kernel);
}

int Svm::featureCount() const
{
    return m_scaling.size();
}

std::vector<int> Svm::classes() const
{
    std::vector<int> out;
    if (m_impl && m_impl->linear) {
        out.resize(std::size_t(get_nr_class(m_impl->linear.get())));
        get_labels(m_impl->linear.get(), out.data());
    } else if (m_impl && m_impl->kernel) {
        out.resize(std::size_t(svm_get_nr_class(m_impl->kernel.get())));
        svm_get_labels(m_impl->kernel.get(), out.data());
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<CvPoint> Svm::crossValidate(const Features& x, const std::vector<int>& labels,
                                        const SvmOptions& o)
{
    silenceLibraries();
    checkTrainingInput(x, labels);
    if (o.folds < 2)
        throw Error("cross-validation needs at least 2 folds, got " + std::to_string(o.folds), "SVM");
    const int folds = std::min(o.folds, x.rows);
    if (folds < 2)
        throw Error("cross-validation needs at least 2 training examples", "SVM");
    const std::vector<double> grid = o.cGrid.empty() ? defaultGrid() : o.cGrid;
    for (double c : grid)
        if (!(c > 0.0) || !std::isfinite(c))
            throw Error("C = " + number(c) + " in the grid is not a positive number", "SVM");

    const Standardizer s = Standardizer::fit(x, o.scaling);
    const std::vector<int> fold = assignFolds(labels, folds, o.seed);
    std::vector<std::vector<int>> trainRows(static_cast<std::size_t>(folds)), testRows(static_cast<std::size_t>(folds));
    for (int i = 0; i < x.rows; ++i)
        for (int f = 0; f < folds; ++f)
            (fold[i] == f ? testRows[f] : trainRows[f]).push_back(i);

    // One task per (C, fold); each writes only its own counter, so the
    // result does not depend on the number of threads.
    const int tasks = int(grid.size()) * folds;
    std::vector<int> correct(static_cast<std::size_t>(tasks), 0);
    std::atomic<int> next{0};
    std::atomic<int> finished{0};
    std::exception_ptr failure;
    std::mutex failureMutex;
    std::mutex progressMutex;
    auto worker = [&] {
        for (int t = next++; t < tasks; t = next++) {
            const int ci = t / folds;
            const int f = t % folds;
            try {
                if (o.cancel && o.cancel->load(std::memory_order_relaxed))
                    throw Cancelled();
                const Impl m = Impl::trainOn(x, labels, trainRows[f], s, o, grid[ci]);
                int ok = 0;
                for (int i : testRows[f])
                    ok += m.predict(x.row(i), x.cols, s) == labels[i];
                correct[t] = ok;
                const int done = ++finished;
                if (o.progress) {
                    std::lock_guard lock(progressMutex);
                    o.progress(done, tasks);
                }
            } catch (...) {
                std::lock_guard lock(failureMutex);
                if (!failure)
                    failure = std::current_exception();
            }
        }
    };
    const int nThreads = std::min(resolveThreads(o.threads), tasks);
    std::vector<std::thread> pool;
    for (int i = 1; i < nThreads; ++i)
        pool.emplace_back(worker);
    worker();
    for (auto& t : pool)
        t.join();
    if (failure)
        std::rethrow_exception(failure);

    std::vector<CvPoint> out;
    for (std::size_t ci = 0; ci < grid.size(); ++ci) {
        int ok = 0;
        for (int f = 0; f < folds; ++f)
            ok += correct[ci * std::size_t(folds) + std::size_t(f)];
        out.push_back({grid[ci], double(ok) / x.rows});
    }
    return out;
}

Svm Svm::train(const Features& x, const std::vector<int>& labels, const SvmOptions& o)
{
    silenceLibraries();
    checkTrainingInput(x, labels);
    if (o.c < 0.0 || !std::isfinite(o.c))
        throw Error("C = " + number(o.c) + " must be positive (or 0 to choose it)", "SVM");
    Svm svm;
    svm.m_kernel = o.kernel;
    double c = o.c;
    if (c == 0.0) {
        svm.m_cv = crossValidate(x, labels, o);
        // Best accuracy; among equals the C closest to 1 (LinearSVC's default) in log scale.
        const CvPoint* best = nullptr;
        for (const CvPoint& p : svm.m_cv) {
            if (!best || p.accuracy > best->accuracy
                || (p.accuracy == best->accuracy
                    && std::abs(std::log(p.c)) < std::abs(std::log(best->c))))
                best = &p;
        }
        c = best->c;
    }
    svm.m_c = c;
    svm.m_scaling = Standardizer::fit(x, o.scaling);
    std::vector<int> all(static_cast<std::size_t>(x.rows));
    for (int i = 0; i < x.rows; ++i)
        all[i] = i;
    *svm.m_impl = Impl::trainOn(x, labels, all, svm.m_scaling, o, c);
    return svm;
}

std::vector<int> Svm::predict(const Features& x) const
{
    if (!isTrained())
        throw Error("the SVM has not been trained", "SVM");
    if (x.cols != featureCount())
        throw Error("features have " + std::to_string(x.cols) + " columns but the SVM was trained on "
                        + std::to_string(featureCount()),
                    "SVM");
    std::vector<int> out(std::size_t(x.rows));
    for (int i = 0; i < x.rows; ++i)
        out[i] = m_impl->predict(x.row(i), x.cols, m_scaling);
    return out;
}

int Svm::predictOne(const float* row) const
{
    if (!isTrained())
        throw Error("the SVM has not been trained", "SVM");
    return m_impl->predict(row, featureCount(), m_scaling);
}

void Svm::save(const std::string& path) const
{
    if (!isTrained())
        throw Error("the SVM has not been trained", path);
    const std::string tmp = path + ".tmp";
    const int rc = m_impl->linear ? save_model(tmp.c_str(), m_impl->linear.get())
                                  : svm_save_model(tmp.c_str(), m_impl->kernel.get());
    if (rc != 0) {
        std::remove(tmp.c_str());
        throw Error("cannot write the SVM model file", path);
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
        std::remove(tmp.c_str());
        throw Error("cannot rename the SVM model file into place: " + ec.message(), path);
    }
}

Svm Svm::load(const std::string& path, Standardizer scaling, SvmOptions::Kernel kernel)
{
    silenceLibraries();
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        throw Error("SVM model file does not exist", path);
    Svm svm;
    svm.m_kernel = kernel;
    int features = 0;
    // The libraries' readers trust their input: check the whole text first.
    const std::string text = readTextFile(path, std::size_t(1) << 31);
    if (kernel == SvmOptions::Kernel::Linear)
        checkLinearModelText(text, path);
    else
        checkLibsvmModelText(text, path);
    if (kernel == SvmOptions::Kernel::Linear) {
        svm.m_impl->linear.reset(load_model(path.c_str()));
        if (!svm.m_impl->linear)
            throw Error("not a readable LIBLINEAR model file", path);
        features = get_nr_feature(svm.m_impl->linear.get());
        svm.m_c = 0.0; // LIBLINEAR files do not store C; the experiment does
    } else {
        svm.m_impl->kernel.reset(svm_load_model(path.c_str()));
        if (!svm.m_impl->kernel)
            throw Error("not a readable libsvm model file", path);
        svm.m_c = svm.m_impl->kernel->param.C;
        // libsvm files do not store the feature count; trust the scaling.
        features = scaling.size();
    }
    if (features != scaling.size())
        throw Error("the model has " + std::to_string(features) + " features but its scaling has "
                        + std::to_string(scaling.size()),
                    path);
    if (svm.classes().size() < 2)
        throw Error("the model knows fewer than two classes", path);
    svm.m_scaling = std::move(scaling);
    return svm;
}

} // namespace scnn::model
