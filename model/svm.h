// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — the SVM readout: LIBLINEAR (linear) or libsvm (RBF).
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace scnn::model {

/**
 * @brief A dense feature matrix: `rows` examples × `cols` features, row-major.
 */
struct Features
{
    int rows = 0;
    int cols = 0;
    std::vector<float> values; ///< rows · cols

    Features() = default;
    Features(int r, int c) : rows(r), cols(c), values(std::size_t(r) * std::size_t(c), 0.0f) {}

    float* row(int i) { return values.data() + std::size_t(i) * std::size_t(cols); }
    const float* row(int i) const { return values.data() + std::size_t(i) * std::size_t(cols); }
    float& at(int i, int j) { return row(i)[j]; }
    float at(int i, int j) const { return row(i)[j]; }
};

/// How features are scaled before the SVM (parameters learnt on the training features).
enum class FeatureScaling {
    None,    ///< Raw features
    MeanStd, ///< (x − mean) / std per feature; constant features become 0
    MaxAbs,  ///< x / max|x| per feature; keeps zeros zero (sparse, for large problems)
};

std::string_view toString(FeatureScaling s);
FeatureScaling featureScalingFromString(std::string_view s); ///< Throws Error for unknown names

/**
 * @brief Per-feature affine scaling x' = (x − offset) · factor, learnt from training features.
 */
struct Standardizer
{
    FeatureScaling kind = FeatureScaling::MeanStd;
    std::vector<double> offset; ///< Subtracted first (the mean for MeanStd, else 0)
    std::vector<double> factor; ///< Then multiplied (1/std, 1/max|x|, or 1)

    static Standardizer fit(const Features& x, FeatureScaling kind);
    double apply(int feature, float value) const { return (double(value) - offset[feature]) * factor[feature]; }
    int size() const { return int(factor.size()); }

    nlohmann::json toJson() const;
    /// Throws Error naming `where` for missing fields or mismatched sizes.
    static Standardizer fromJson(const nlohmann::json& j, const std::string& where);
};

/// Settings of the SVM readout.
struct SvmOptions
{
    enum class Kernel { Linear, Rbf };
    Kernel kernel = Kernel::Linear;
    double c = 0.0;                 ///< SVM C; 0 chooses C by cross-validation over `cGrid`
    std::vector<double> cGrid;      ///< Empty: 2^-10, 2^-8, … 2^2
    int folds = 5;                  ///< Cross-validation folds
    double gamma = 0.0;             ///< RBF: exp(−gamma·|x−y|²); 0 means 1/features
    FeatureScaling scaling = FeatureScaling::MeanStd;
    std::uint64_t seed = 1;         ///< Fold assignment
    int threads = 1;                ///< Cross-validation runs folds on this many threads (0: all cores)
    /// Called after each cross-validation fit with (done, total); on the caller's threads.
    std::function<void(int done, int total)> progress;
    /// Checked between fits; when set, training throws Cancelled.
    const std::atomic<bool>* cancel = nullptr;
    double epsilon = 0.1;           ///< Stopping tolerance of the solver (LIBLINEAR's default for the dual)
};

/// Cross-validation accuracy of one C.
struct CvPoint
{
    double c = 0.0;
    double accuracy = 0.0; ///< Fraction of training examples classified right when held out
};

/**
 * @brief A trained multi-class SVM (one-vs-rest linear SVM like LinearSVC with
 * LIBLINEAR's L2-regularised squared-hinge solver, or libsvm's RBF C-SVC),
 * with the feature scaling it was trained with.
 *
 * @code
 * Features x(n, f); std::vector<int> y(n);   // … fill
 * Svm svm = Svm::train(x, y, SvmOptions{});  // C by 5-fold cross-validation
 * std::vector<int> predicted = svm.predict(xTest);
 * svm.save("dir/svm.model");                 // LIBLINEAR's own format
 * nlohmann::json scaling = svm.standardizer().toJson();
 * Svm again = Svm::load("dir/svm.model", Standardizer::fromJson(scaling, "svm"));
 * @endcode
 *
 * Training is deterministic: LIBLINEAR's dual solver draws from a reseeded
 * rand() under a lock, libsvm draws nothing, and the folds come from
 * `SvmOptions::seed`, so results do not depend on threads.
 */
class Svm
{
public:
    Svm();
    Svm(Svm&&) noexcept;
    Svm& operator=(Svm&&) noexcept;
    ~Svm();

    /// Throws Error for fewer than two classes, zero features or examples,
    /// size mismatches and non-finite values.
    static Svm train(const Features& x, const std::vector<int>& labels, const SvmOptions& options);

    /// Cross-validation accuracy for each C (what train() uses to choose C).
    static std::vector<CvPoint> crossValidate(const Features& x, const std::vector<int>& labels,
                                              const SvmOptions& options);

    bool isTrained() const;
    int featureCount() const;
    SvmOptions::Kernel kernel() const { return m_kernel; }
    double c() const { return m_c; }
    const std::vector<CvPoint>& cvCurve() const { return m_cv; }
    std::vector<int> classes() const;
    const Standardizer& standardizer() const { return m_scaling; }

    /// Class label of each row; throws Error when the column count differs.
    std::vector<int> predict(const Features& x) const;
    int predictOne(const float* row) const;

    /// Writes the model file atomically (LIBLINEAR's or libsvm's own text format).
    void save(const std::string& path) const;
    /// Reads a model file written by save(); throws Error naming the file.
    static Svm load(const std::string& path, Standardizer scaling,
                    SvmOptions::Kernel kernel = SvmOptions::Kernel::Linear);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
    SvmOptions::Kernel m_kernel = SvmOptions::Kernel::Linear;
    double m_c = 0.0;
    std::vector<CvPoint> m_cv;
    Standardizer m_scaling;
};

std::string_view toString(SvmOptions::Kernel k);
SvmOptions::Kernel svmKernelFromString(std::string_view s); ///< Throws Error for unknown names

} // namespace scnn::model
