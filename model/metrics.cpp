// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — classification metrics.
#include "model/metrics.h"

#include "model/error.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <iomanip>
#include <set>
#include <sstream>

namespace scnn::model {

namespace {

void checkLists(const std::vector<int>& truth, const std::vector<int>& predicted)
{
    if (truth.size() != predicted.size())
        throw Error(std::to_string(truth.size()) + " true labels but " + std::to_string(predicted.size())
                        + " predictions",
                    "metrics");
    if (truth.empty())
        throw Error("no examples to score", "metrics");
}

} // namespace

double accuracy(const std::vector<int>& truth, const std::vector<int>& predicted)
{
    checkLists(truth, predicted);
    std::size_t ok = 0;
    for (std::size_t i = 0; i < truth.size(); ++i)
        ok += truth[i] == predicted[i];
    return double(ok) / double(truth.size());
}

ClassificationReport classificationReport(const std::vector<int>& truth,
                                          const std::vector<int>& predicted)
{
    checkLists(truth, predicted);
    std::set<int> all(truth.begin(), truth.end());
    all.insert(predicted.begin(), predicted.end());
    ClassificationReport r;
    r.classes.assign(all.begin(), all.end());
    const std::size_t n = r.classes.size();
    auto indexOf = [&](int label) {
        return std::size_t(std::lower_bound(r.classes.begin(), r.classes.end(), label) - r.classes.begin());
    };
    r.confusion.assign(n, std::vector<std::int64_t>(n, 0));
    for (std::size_t i = 0; i < truth.size(); ++i)
        ++r.confusion[indexOf(truth[i])][indexOf(predicted[i])];
    r.precision.assign(n, 0.0);
    r.recall.assign(n, 0.0);
    for (std::size_t k = 0; k < n; ++k) {
        std::int64_t rowSum = 0, colSum = 0;
        for (std::size_t j = 0; j < n; ++j) {
            rowSum += r.confusion[k][j];
            colSum += r.confusion[j][k];
        }
        const std::int64_t tp = r.confusion[k][k];
        r.correct += tp;
        r.precision[k] = colSum > 0 ? double(tp) / double(colSum) : 0.0;
        r.recall[k] = rowSum > 0 ? double(tp) / double(rowSum) : 0.0;
    }
    r.total = std::int64_t(truth.size());
    return r;
}

nlohmann::json ClassificationReport::toJson() const
{
    return {{"classes", classes},     {"confusion", confusion}, {"precision", precision},
            {"recall", recall},       {"correct", correct},     {"total", total},
            {"accuracy", accuracy()}};
}

ClassificationReport ClassificationReport::fromJson(const nlohmann::json& j, const std::string& where)
{
    ClassificationReport r;
    try {
        r.classes = j.at("classes").get<std::vector<int>>();
        r.confusion = j.at("confusion").get<std::vector<std::vector<std::int64_t>>>();
        r.precision = j.at("precision").get<std::vector<double>>();
        r.recall = j.at("recall").get<std::vector<double>>();
        r.correct = j.at("correct").get<std::int64_t>();
        r.total = j.at("total").get<std::int64_t>();
    } catch (const nlohmann::json::exception& e) {
        throw Error(std::string("classification report: ") + e.what(), where);
    }
    const std::size_t n = r.classes.size();
    bool ok = r.confusion.size() == n && r.precision.size() == n && r.recall.size() == n
              && r.correct >= 0 && r.correct <= r.total;
    for (const auto& row : r.confusion)
        ok = ok && row.size() == n;
    if (!ok)
        throw Error("classification report: sizes of classes, confusion, precision and recall "
                    "disagree",
                    where);
    return r;
}

std::string formatReport(const ClassificationReport& r)
{
    std::ostringstream s;
    s << "confusion (rows: true class, columns: predicted)\n      ";
    for (int c : r.classes)
        s << std::setw(6) << c;
    s << "  recall\n";
    for (std::size_t k = 0; k < r.classes.size(); ++k) {
        s << std::setw(6) << r.classes[k];
        for (std::int64_t v : r.confusion[k])
            s << std::setw(6) << v;
        s << "  " << std::fixed << std::setprecision(3) << r.recall[k] << "\n";
    }
    s << "precision";
    for (std::size_t k = 0; k < r.classes.size(); ++k)
        s << (k == 0 ? " " : " ") << std::fixed << std::setprecision(3) << r.precision[k];
    s << "\naccuracy " << std::fixed << std::setprecision(4) << r.accuracy() << " (" << r.correct << "/"
      << r.total << ")\n";
    return s.str();
}

} // namespace scnn::model
