// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — editors for layer parameters and for encoding/timing.
#pragma once

#include <QWidget>

#include <vector>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace scnn::app {

class ExperimentDocument;

/**
 * @brief Edits the parameters of one conv layer: training and rebuild neuron
 * sets side by side, STDP and lateral inhibition. The fields are generated
 * from model::neuronParamInfo() and model::stdpParamInfo() with their units
 * and ranges; tooltips give the original default, and "Restore defaults"
 * brings back the original values for the layer's depth.
 */
class ParameterEditor : public QWidget
{
    Q_OBJECT

public:
    explicit ParameterEditor(ExperimentDocument* document, QWidget* parent = nullptr);

    /// Shows layer `index` (an index into Network::layers; pooling shows a note).
    void setLayer(int index);
    int layer() const { return m_layer; }

    QDoubleSpinBox* trainField(int field) const { return m_train.at(field); }
    QDoubleSpinBox* rebuildField(int field) const { return m_rebuild.at(field); }
    QDoubleSpinBox* stdpField(int field) const { return m_stdp.at(field); }
    /// Field `field` of wtaFields(): the shared-WTA (latency-coded) training settings.
    QDoubleSpinBox* wtaField(int field) const { return m_wta.at(field); }
    QLabel* problemLabel() const { return m_problem; }

signals:
    /// The user picked another layer in the editor's own selector.
    void layerChosen(int index);

private:
    void refresh();
    void fillLayerChoice();

    ExperimentDocument* m_document;
    int m_layer = 0;
    QComboBox* m_layerChoice = nullptr;
    QWidget* m_body = nullptr;
    QLabel* m_note = nullptr;
    std::vector<QDoubleSpinBox*> m_train;
    std::vector<QDoubleSpinBox*> m_rebuild;
    QComboBox* m_rule = nullptr;
    std::vector<QDoubleSpinBox*> m_stdp;
    QCheckBox* m_inhibition = nullptr;
    QDoubleSpinBox* m_inhibitionWeight = nullptr;
    QDoubleSpinBox* m_inhibitionDelay = nullptr;
    std::vector<QDoubleSpinBox*> m_wta;
    QLabel* m_wtaMode = nullptr;
    QWidget* m_wtaGroup = nullptr;
    QLabel* m_problem = nullptr;
    QPushButton* m_defaults = nullptr;
};

/**
 * @brief Edits how pixels become spikes (rate, time or Poisson code, DoG
 * filter), the latency code of shared-WTA layers (time bins, threshold, DoG
 * window and scales) and the global timing (timestep, delay, presentation
 * window).
 */
class EncodingEditor : public QWidget
{
    Q_OBJECT

public:
    explicit EncodingEditor(ExperimentDocument* document, QWidget* parent = nullptr);

    QSpinBox* latencyBinsField() const { return m_latencyBins; }
    QDoubleSpinBox* latencyThresholdField() const { return m_latencyThreshold; }

private:
    void refresh();

    ExperimentDocument* m_document;
    QComboBox* m_kind = nullptr;
    QDoubleSpinBox* m_fireFactor = nullptr;
    QSpinBox* m_threshold = nullptr;
    QDoubleSpinBox* m_maxRate = nullptr;
    QCheckBox* m_dog = nullptr;
    QDoubleSpinBox* m_sigmaCenter = nullptr;
    QDoubleSpinBox* m_sigmaSurround = nullptr;
    QSpinBox* m_latencyBins = nullptr;
    QDoubleSpinBox* m_latencyThreshold = nullptr;
    QSpinBox* m_dogWindow = nullptr;
    QSpinBox* m_dogScales = nullptr;
    QDoubleSpinBox* m_dt = nullptr;
    QDoubleSpinBox* m_delay = nullptr;
    QDoubleSpinBox* m_presentation = nullptr;
    QDoubleSpinBox* m_idle = nullptr;
    QLabel* m_problem = nullptr;
};

} // namespace scnn::app
