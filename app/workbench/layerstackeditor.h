// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — the layer-stack editor.
#pragma once

#include <QWidget>

#include <vector>

class QLabel;
class QButtonGroup;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QToolButton;
class QVBoxLayout;

namespace scnn::app {

class ExperimentDocument;

/**
 * @brief Edits the sequential model: one row per layer with kernel count,
 * kernel size and stride, its output tensor, neurons and synapses (updated
 * as you type), and up/down/remove buttons; Add convolution / Add pooling
 * below. A setting that makes a layer impossible is framed red at its field
 * with the reason beside it.
 */
class LayerStackEditor : public QWidget
{
    Q_OBJECT

public:
    explicit LayerStackEditor(ExperimentDocument* document, QWidget* parent = nullptr);

    /// Widgets of row `index`, for tests and focus handling.
    QSpinBox* kernelsBox(int index) const;
    QSpinBox* sizeBox(int index) const;
    QSpinBox* strideBox(int index) const;
    QLabel* outputLabel(int index) const;
    QLabel* problemLabel(int index) const;
    QPushButton* addConvButton() const { return m_addConv; }
    QPushButton* addPoolButton() const { return m_addPool; }
    int rowCount() const { return int(m_rows.size()); }

    int currentLayer() const { return m_current; }
    void setCurrentLayer(int index);

signals:
    /// The user selected layer `index` (to show its parameters).
    void currentLayerChanged(int index);

private:
    struct Row
    {
        QWidget* frame = nullptr;
        QRadioButton* title = nullptr;
        QSpinBox* kernels = nullptr;
        QSpinBox* size = nullptr;
        QSpinBox* stride = nullptr;
        QLabel* output = nullptr;
        QLabel* counts = nullptr;
        QLabel* problem = nullptr;
        QToolButton* up = nullptr;
        QToolButton* down = nullptr;
        QToolButton* remove = nullptr;
        bool conv = true;
    };

    void refresh();
    void rebuildRows();
    void updateRow(int index);
    Row makeRow(int index, bool conv);

    ExperimentDocument* m_document;
    QLabel* m_inputLabel = nullptr;
    QLabel* m_totalLabel = nullptr;
    QVBoxLayout* m_rowsLayout = nullptr;
    QPushButton* m_addConv = nullptr;
    QPushButton* m_addPool = nullptr;
    QButtonGroup* m_group = nullptr;
    std::vector<Row> m_rows;
    int m_current = 0;
};

} // namespace scnn::app
