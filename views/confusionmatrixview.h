// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — confusion matrix with counts, per-class rates, precision and recall.
#pragma once

#include "views/customplotview.h"

#include <QStringList>

#include <cstdint>
#include <span>
#include <vector>

class QCPColorMap;
class QCPItemText;
class QCPTextElement;
class QMouseEvent;

namespace scnn::views {

/**
 * @brief Confusion matrix of a test run.
 *
 * `counts[t·n + p]` is the number of examples of true class t predicted as
 * class p. Cells are coloured by the row-normalised rate (the share of
 * class t's examples predicted as p, white = 0 … dark blue = 1) and show the
 * count and that rate. Recall per true class is printed on the right,
 * precision per predicted class on top, the overall accuracy in the title;
 * hovering a cell explains it in a tooltip.
 *
 * @code
 * auto* confusion = new ConfusionMatrixView(parent);
 * confusion->setMatrix(counts, 4, {tr("0"), tr("1"), tr("7"), tr("8")});
 * @endcode
 */
class ConfusionMatrixView : public CustomPlotView
{
    Q_OBJECT

public:
    explicit ConfusionMatrixView(QWidget* parent = nullptr);
    ~ConfusionMatrixView() override;

    /// Sets an n×n matrix (row = true class, column = predicted); labels default to 0…n−1.
    void setMatrix(std::span<const std::int32_t> counts, int classes, const QStringList& classLabels = {});
    void clear();

    int classCount() const { return m_n; }
    /// Share of all examples on the diagonal [%]; NaN without examples.
    double accuracyPercent() const;
    /// Recall of true class t = counts[t][t] / row sum; NaN for an empty row.
    double recall(int trueClass) const;
    /// Precision of predicted class p = counts[p][p] / column sum; NaN for an empty column.
    double precision(int predictedClass) const;
    /// Widget rectangle of one cell (after layout), empty if none.
    QRect cellRect(int trueClass, int predictedClass) const;

protected:
    void fontApplied() override;
    void retranslate() override;

private:
    std::int64_t count(int t, int p) const { return m_counts[std::size_t(t) * std::size_t(m_n) + std::size_t(p)]; }
    std::int64_t rowSum(int t) const;
    std::int64_t columnSum(int p) const;
    void updateCellTexts();
    void updateTitle();
    void showToolTip(QMouseEvent* event);
    QString label(int c) const;

    QCPColorMap* m_map = nullptr;
    QCPTextElement* m_title = nullptr;
    std::vector<QCPItemText*> m_texts;
    std::vector<std::int64_t> m_counts;
    QStringList m_labels;
    int m_n = 0;
};

} // namespace scnn::views
