// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — classification metrics: accuracy, confusion, precision, recall.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace scnn::model {

/**
 * @brief How well predicted labels match true labels.
 *
 * `classes` lists the labels in ascending order (every label seen in either
 * list); `confusion[t][p]` counts the examples of class classes[t] predicted
 * as classes[p]. Precision of a class is 0 when nothing was predicted as it,
 * recall is 0 when it had no examples.
 */
struct ClassificationReport
{
    std::vector<int> classes;
    std::vector<std::vector<std::int64_t>> confusion;
    std::vector<double> precision; ///< Per class [fraction]
    std::vector<double> recall;    ///< Per class [fraction]
    std::int64_t correct = 0;
    std::int64_t total = 0;

    double accuracy() const { return total > 0 ? double(correct) / double(total) : 0.0; }
    nlohmann::json toJson() const;
    /// Throws Error naming `where` when fields are missing or inconsistent.
    static ClassificationReport fromJson(const nlohmann::json& j, const std::string& where);
};

/// Throws Error when the lists differ in length or are empty.
ClassificationReport classificationReport(const std::vector<int>& truth,
                                          const std::vector<int>& predicted);

/// Fraction of equal entries; throws Error when the lists differ in length or are empty.
double accuracy(const std::vector<int>& truth, const std::vector<int>& predicted);

/// A plain-text table of the confusion matrix with precision and recall, for the command line.
std::string formatReport(const ClassificationReport& r);

} // namespace scnn::model
