// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — parameter editors.
#include "app/workbench/parametereditor.h"

#include "app/workbench/experimentdocument.h"
#include "app/workbench/texts.h"
#include "app/workbench/widgetutil.h"
#include "app/workbench/wtafields.h"
#include "model/error.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>

namespace scnn::app {

namespace {

QDoubleSpinBox* makeField(const model::ParamInfo& info, QWidget* parent)
{
    auto* box = new QDoubleSpinBox(parent);
    box->setRange(info.min, info.max);
    box->setDecimals(info.max <= 1.0 ? 4 : 2);
    box->setSingleStep(info.max <= 1.0 ? 0.005 : 1.0);
    box->setSuffix(texts::unitSuffix(info.unit));
    box->setKeyboardTracking(true);
    box->setObjectName(QString::fromUtf8(info.key.data(), qsizetype(info.key.size())));
    return box;
}

QDoubleSpinBox* makeField(double min, double max, int decimals, const QString& suffix, QWidget* parent)
{
    auto* box = new QDoubleSpinBox(parent);
    box->setRange(min, max);
    box->setDecimals(decimals);
    box->setSuffix(suffix);
    return box;
}

QString defaultTip(double value, std::string_view unit)
{
    return QCoreApplication::translate("scnn::app::ParameterEditor", "Original default: %1%2")
        .arg(value)
        .arg(texts::unitSuffix(unit));
}

QString problemOf(const std::function<void()>& validate)
{
    try {
        validate();
    } catch (const model::Error& e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

} // namespace

ParameterEditor::ParameterEditor(ExperimentDocument* document, QWidget* parent)
    : QWidget(parent), m_document(document)
{
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(4, 4, 4, 4);
    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Layer"), this));
    m_layerChoice = new QComboBox(this);
    top->addWidget(m_layerChoice, 1);
    m_defaults = new QPushButton(tr("Restore defaults"), this);
    m_defaults->setToolTip(tr("Set this layer's parameters to the original package's values for its depth"));
    top->addWidget(m_defaults);
    outer->addLayout(top);

    m_note = new QLabel(tr("Pooling layers have no parameters."), this);
    m_note->setWordWrap(true);
    outer->addWidget(m_note);

    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_body = new QWidget(scroll);
    auto* body = new QVBoxLayout(m_body);
    body->setContentsMargins(0, 0, 0, 0);
    scroll->setWidget(m_body);
    outer->addWidget(scroll, 1);

    // Neurons: one row per parameter, training and rebuild side by side.
    auto* neurons = new QGroupBox(tr("Neurons (IF_curr_exp)"), m_body);
    auto* grid = new QGridLayout(neurons);
    auto* trainHead = new QLabel(tr("Training"), neurons);
    auto* rebuildHead = new QLabel(tr("Rebuild"), neurons);
    trainHead->setToolTip(tr("While the layer learns with STDP"));
    rebuildHead->setToolTip(tr("When the layer runs with its learned weights"));
    grid->addWidget(trainHead, 0, 1);
    grid->addWidget(rebuildHead, 0, 2);
    const auto& ninfo = model::neuronParamInfo();
    for (int f = 0; f < int(ninfo.size()); ++f) {
        auto* label = new QLabel(texts::paramLabel(ninfo[f].key, ninfo[f].label), neurons);
        label->setToolTip(QString::fromUtf8(ninfo[f].key.data(), qsizetype(ninfo[f].key.size())));
        grid->addWidget(label, f + 1, 0);
        m_train.push_back(makeField(ninfo[f], neurons));
        m_rebuild.push_back(makeField(ninfo[f], neurons));
        grid->addWidget(m_train.back(), f + 1, 1);
        grid->addWidget(m_rebuild.back(), f + 1, 2);
        connect(m_train.back(), &QDoubleSpinBox::valueChanged, this, [this, f](double v) {
            m_document->setNeuronParam(m_layer, ExperimentDocument::NeuronSet::Train, f, v);
        });
        connect(m_rebuild.back(), &QDoubleSpinBox::valueChanged, this, [this, f](double v) {
            m_document->setNeuronParam(m_layer, ExperimentDocument::NeuronSet::Rebuild, f, v);
        });
    }
    body->addWidget(neurons);

    auto* stdp = new QGroupBox(tr("Plasticity (STDP)"), m_body);
    auto* sform = new QFormLayout(stdp);
    m_rule = new QComboBox(stdp);
    m_rule->addItem(tr("Spike pair, additive"), int(model::StdpRule::PairAdditive));
    m_rule->addItem(tr("Multiplicative"), int(model::StdpRule::Multiplicative));
    sform->addRow(tr("Rule"), m_rule);
    connect(m_rule, &QComboBox::activated, this, [this](int i) {
        m_document->setStdpRule(m_layer, model::StdpRule(m_rule->itemData(i).toInt()));
    });
    const auto& sinfo = model::stdpParamInfo();
    for (int f = 0; f < int(sinfo.size()); ++f) {
        m_stdp.push_back(makeField(sinfo[f], stdp));
        sform->addRow(texts::paramLabel(sinfo[f].key, sinfo[f].label), m_stdp.back());
        connect(m_stdp.back(), &QDoubleSpinBox::valueChanged, this,
                [this, f](double v) { m_document->setStdpParam(m_layer, f, v); });
    }
    body->addWidget(stdp);

    auto* inhibition = new QGroupBox(tr("Lateral inhibition"), m_body);
    auto* iform = new QFormLayout(inhibition);
    m_inhibition = new QCheckBox(tr("Winner takes all among the kernels"), inhibition);
    iform->addRow(m_inhibition);
    m_inhibitionWeight = makeField(0.0, 1e4, 1, tr(" nA"), inhibition);
    m_inhibitionDelay = makeField(0.1, 100.0, 1, tr(" ms"), inhibition);
    iform->addRow(tr("Weight"), m_inhibitionWeight);
    iform->addRow(tr("Delay"), m_inhibitionDelay);
    connect(m_inhibition, &QCheckBox::toggled, this,
            [this](bool on) { m_document->setInhibitionEnabled(m_layer, on); });
    connect(m_inhibitionWeight, &QDoubleSpinBox::valueChanged, this,
            [this](double v) { m_document->setInhibitionWeight(m_layer, v); });
    connect(m_inhibitionDelay, &QDoubleSpinBox::valueChanged, this,
            [this](double v) { m_document->setInhibitionDelay(m_layer, v); });
    body->addWidget(inhibition);

    // The fast, latency-coded training mode (the mnist preset's).
    auto* wta = new QGroupBox(tr("Shared-kernel WTA training (fast, latency-coded)"), m_body);
    m_wtaGroup = wta;
    auto* wform = new QFormLayout(wta);
    m_wtaMode = new QLabel(wta);
    m_wtaMode->setWordWrap(true);
    wform->addRow(m_wtaMode);
    const model::SharedWtaParams wtaDefaults;
    const auto& wfields = wtaFields();
    for (int f = 0; f < int(wfields.size()); ++f) {
        const WtaField& field = wfields[std::size_t(f)];
        const QString unit = QString::fromUtf8(field.unit);
        auto* box = makeField(field.min, field.max, field.decimals,
                              unit.isEmpty() ? QString() : QLatin1Char(' ') + tr(field.unit), wta);
        box->setSingleStep(field.step);
        box->setObjectName(QLatin1String(field.key));
        box->setToolTip(tr("Default: %1").arg(field.get(wtaDefaults)));
        m_wta.push_back(box);
        wform->addRow(tr(field.label), box);
        connect(box, &QDoubleSpinBox::valueChanged, this,
                [this, f](double v) { m_document->setWtaParam(m_layer, f, v); });
    }
    m_wta[0]->setToolTip(tr("A neuron fires once, in the first time bin where the sum of the weights of its "
                            "inputs that have spiked reaches this (0: never fires). Default: %1")
                             .arg(wtaDefaults.threshold));
    m_wta[1]->setToolTip(tr("At most this many kernel maps win per image, at most one per map. Default: %1")
                             .arg(wtaDefaults.winners));
    m_wta[6]->setToolTip(tr("Both rates double every this many images until a⁺ reaches its largest value "
                            "(0: constant). Default: %1")
                             .arg(wtaDefaults.rateDoublingImages));
    m_wta[9]->setToolTip(tr("Images the layer learns from (0: all training examples). Default: %1")
                             .arg(wtaDefaults.trainImages));
    body->addWidget(wta);
    body->addStretch(1);
    // Wide enough for both neuron columns without a horizontal scroll bar.
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setMinimumWidth(m_body->sizeHint().width() + scroll->verticalScrollBar()->sizeHint().width() + 4);

    m_problem = makeProblemLabel(this);
    outer->addWidget(m_problem);

    connect(m_defaults, &QPushButton::clicked, this, [this] { m_document->restoreLayerDefaults(m_layer); });
    connect(m_layerChoice, &QComboBox::activated, this, [this](int i) {
        setLayer(m_layerChoice->itemData(i).toInt());
        emit layerChosen(m_layer);
    });
    connect(m_document, &ExperimentDocument::changed, this, [this](ExperimentDocument::Changes c) {
        if (c & ExperimentDocument::Change::Layers)
            fillLayerChoice();
        if (c & (ExperimentDocument::Change::Layers | ExperimentDocument::Change::Params))
            refresh();
    });
    fillLayerChoice();
    refresh();
}

void ParameterEditor::fillLayerChoice()
{
    const QSignalBlocker block(m_layerChoice);
    m_layerChoice->clear();
    const auto& layers = m_document->network().layers;
    for (int i = 0; i < int(layers.size()); ++i)
        m_layerChoice->addItem(layers[i].kind == model::LayerKind::Conv ? tr("%1 · Convolution").arg(i + 1)
                                                                        : tr("%1 · Max pooling").arg(i + 1),
                               i);
    if (m_layer >= int(layers.size()))
        m_layer = int(layers.size()) - 1;
    m_layerChoice->setCurrentIndex(std::max(0, m_layer));
}

void ParameterEditor::setLayer(int index)
{
    m_layer = index;
    const QSignalBlocker block(m_layerChoice);
    m_layerChoice->setCurrentIndex(m_layerChoice->findData(index));
    refresh();
}

void ParameterEditor::refresh()
{
    const model::Network& net = m_document->network();
    const bool conv = m_layer >= 0 && m_layer < int(net.layers.size())
                      && net.layers[m_layer].kind == model::LayerKind::Conv;
    m_body->setEnabled(conv);
    m_body->setVisible(conv);
    m_note->setVisible(!conv);
    m_defaults->setEnabled(conv);
    if (!conv) {
        m_problem->clear();
        return;
    }
    model::LayerParams p = net.layers[m_layer].params;
    const model::LayerParams defaults = model::defaultLayerParams(net.convIndex(m_layer));
    model::LayerParams d = defaults;
    const auto& ninfo = model::neuronParamInfo();
    const auto train = model::neuronParamFields(p.train);
    const auto rebuild = model::neuronParamFields(p.rebuild);
    const auto dTrain = model::neuronParamFields(d.train);
    const auto dRebuild = model::neuronParamFields(d.rebuild);
    for (std::size_t f = 0; f < ninfo.size(); ++f) {
        setQuietly(m_train[f], *train[f]);
        setQuietly(m_rebuild[f], *rebuild[f]);
        m_train[f]->setToolTip(defaultTip(*dTrain[f], ninfo[f].unit));
        m_rebuild[f]->setToolTip(defaultTip(*dRebuild[f], ninfo[f].unit));
    }
    const auto& sinfo = model::stdpParamInfo();
    const auto stdp = model::stdpParamFields(p.stdp);
    const auto dStdp = model::stdpParamFields(d.stdp);
    for (std::size_t f = 0; f < sinfo.size(); ++f) {
        setQuietly(m_stdp[f], *stdp[f]);
        m_stdp[f]->setToolTip(defaultTip(*dStdp[f], sinfo[f].unit));
    }
    {
        const QSignalBlocker block(m_rule);
        m_rule->setCurrentIndex(m_rule->findData(int(p.stdp.rule)));
    }
    {
        const QSignalBlocker block(m_inhibition);
        m_inhibition->setChecked(p.inhibition.enabled);
    }
    const auto& wfields = wtaFields();
    for (std::size_t f = 0; f < wfields.size(); ++f)
        setQuietly(m_wta[f], wfields[f].get(p.wta));
    const bool sharedWta = m_document->trainingMode(m_layer) == model::LayerTrainingMode::SharedWta;
    // The settings the layer uses come first.
    if (auto* body = qobject_cast<QVBoxLayout*>(m_body->layout());
        body && (body->indexOf(m_wtaGroup) == 0) != sharedWta) {
        body->removeWidget(m_wtaGroup);
        body->insertWidget(sharedWta ? 0 : body->count() - 1, m_wtaGroup);
    }
    m_wtaMode->setText(sharedWta ? tr("This layer trains in this mode; the neuron, STDP and inhibition settings "
                                      "below are not used.")
                                 : tr("This layer trains in the original windowed mode; these settings apply "
                                      "only in the shared-WTA mode."));
    setQuietly(m_inhibitionWeight, p.inhibition.weight);
    setQuietly(m_inhibitionDelay, p.inhibition.delay);
    m_inhibitionWeight->setEnabled(p.inhibition.enabled);
    m_inhibitionDelay->setEnabled(p.inhibition.enabled);
    m_defaults->setEnabled(p != defaults);

    const std::string where = "layer " + std::to_string(m_layer + 1);
    QString problem = problemOf([&] { model::validate(p.train, where + " training neurons"); });
    if (problem.isEmpty())
        problem = problemOf([&] { model::validate(p.rebuild, where + " rebuild neurons"); });
    if (problem.isEmpty())
        problem = problemOf([&] { model::validate(p.stdp, where + " STDP"); });
    if (problem.isEmpty())
        problem = problemOf([&] { model::validate(p.inhibition, where + " inhibition"); });
    if (problem.isEmpty())
        problem = problemOf([&] { model::validate(p.wta, where + " shared-WTA training"); });
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
}

// --- encoding and timing ------------------------------------------------------

EncodingEditor::EncodingEditor(ExperimentDocument* document, QWidget* parent)
    : QWidget(parent), m_document(document)
{
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(4, 4, 4, 4);

    auto* encoding = new QGroupBox(tr("Input encoding"), this);
    auto* eform = new QFormLayout(encoding);
    m_kind = new QComboBox(encoding);
    m_kind->addItem(tr("Rate code (regular, random phase)"), int(model::EncodingKind::RateRegular));
    m_kind->addItem(tr("Time to first spike"), int(model::EncodingKind::TimeToFirst));
    m_kind->addItem(tr("Poisson"), int(model::EncodingKind::Poisson));
    eform->addRow(tr("Code"), m_kind);
    m_fireFactor = makeField(0.01, 1000.0, 2, tr(" ms"), encoding);
    m_fireFactor->setToolTip(tr("Rate code: period = 255 / intensity × fire factor"));
    eform->addRow(tr("Fire factor"), m_fireFactor);
    m_threshold = new QSpinBox(encoding);
    m_threshold->setRange(0, 255);
    m_threshold->setToolTip(tr("Pixels below fire one random spike (rate code) or none (time code)"));
    eform->addRow(tr("Intensity threshold"), m_threshold);
    m_maxRate = makeField(0.1, 10000.0, 1, tr(" Hz"), encoding);
    eform->addRow(tr("Poisson rate at 255"), m_maxRate);
    m_dog = new QCheckBox(tr("Difference-of-Gaussians filter"), encoding);
    eform->addRow(m_dog);
    m_sigmaCenter = makeField(0.1, 20.0, 2, tr(" px"), encoding);
    m_sigmaSurround = makeField(0.1, 20.0, 2, tr(" px"), encoding);
    eform->addRow(tr("Centre sigma"), m_sigmaCenter);
    eform->addRow(tr("Surround sigma"), m_sigmaSurround);
    outer->addWidget(encoding);

    const model::EncodingParams original;
    auto* latency = new QGroupBox(tr("Latency code (shared-WTA layers)"), this);
    latency->setToolTip(tr("DoG responses above the threshold are ranked, strongest first, into time bins; "
                           "the centre and surround sigmas above are used at every scale."));
    auto* lform = new QFormLayout(latency);
    m_latencyBins = new QSpinBox(latency);
    m_latencyBins->setRange(1, 254);
    m_latencyBins->setSuffix(tr(" bins"));
    m_latencyBins->setObjectName(QStringLiteral("latency_bins"));
    m_latencyBins->setToolTip(tr("Time bins per image. Default: %1").arg(original.latencyBins));
    lform->addRow(tr("Time bins"), m_latencyBins);
    m_latencyThreshold = makeField(0.0, 1.0, 3, QString(), latency);
    m_latencyThreshold->setSingleStep(0.01);
    m_latencyThreshold->setObjectName(QStringLiteral("latency_threshold"));
    m_latencyThreshold->setToolTip(tr("Weakest DoG response that fires, on the 0 … 1 pixel scale. Default: %1")
                                       .arg(original.latencyThreshold));
    lform->addRow(tr("Response threshold"), m_latencyThreshold);
    m_dogWindow = new QSpinBox(latency);
    m_dogWindow->setRange(1, 63);
    m_dogWindow->setSingleStep(2);
    m_dogWindow->setSuffix(tr(" px"));
    m_dogWindow->setToolTip(tr("DoG window at the first scale, odd. Default: %1 px").arg(original.dogWindow));
    lform->addRow(tr("DoG window"), m_dogWindow);
    m_dogScales = new QSpinBox(latency);
    m_dogScales->setRange(1, 4);
    m_dogScales->setToolTip(tr("Scale s doubles both sigmas s times; each adds an on and an off channel. "
                               "Default: %1")
                                .arg(original.dogScales));
    lform->addRow(tr("DoG scales"), m_dogScales);
    outer->addWidget(latency);

    auto* timing = new QGroupBox(tr("Timing"), this);
    auto* tform = new QFormLayout(timing);
    m_dt = makeField(0.01, 10.0, 2, tr(" ms"), timing);
    m_delay = makeField(0.01, 100.0, 2, tr(" ms"), timing);
    m_presentation = makeField(1.0, 10000.0, 1, tr(" ms"), timing);
    m_idle = makeField(0.0, 10000.0, 1, tr(" ms"), timing);
    tform->addRow(tr("Timestep"), m_dt);
    tform->addRow(tr("Synaptic delay"), m_delay);
    tform->addRow(tr("Presentation window"), m_presentation);
    tform->addRow(tr("Silent tail"), m_idle);
    outer->addWidget(timing);

    m_problem = makeProblemLabel(this);
    outer->addWidget(m_problem);
    auto* defaults = new QPushButton(tr("Restore defaults"), this);
    defaults->setToolTip(tr("Set encoding and timing to the original package's values"));
    outer->addWidget(defaults, 0, Qt::AlignLeft);
    outer->addStretch(1);
    connect(defaults, &QPushButton::clicked, m_document, &ExperimentDocument::restoreEncodingTimingDefaults);

    auto encodingEdit = [this](const QString& key, auto apply) {
        model::EncodingParams e = m_document->network().encoding;
        apply(e);
        m_document->setEncoding(e, key);
    };
    auto timingEdit = [this](const QString& key, auto apply) {
        model::TimingParams t = m_document->network().timing;
        apply(t);
        m_document->setTiming(t, key);
    };
    connect(m_kind, &QComboBox::activated, this, [=, this](int i) {
        encodingEdit({}, [&](model::EncodingParams& e) { e.kind = model::EncodingKind(m_kind->itemData(i).toInt()); });
    });
    connect(m_fireFactor, &QDoubleSpinBox::valueChanged, this, [=](double v) {
        encodingEdit(QStringLiteral("fire"), [&](model::EncodingParams& e) { e.fireFactor = v; });
    });
    connect(m_threshold, &QSpinBox::valueChanged, this, [=](int v) {
        encodingEdit(QStringLiteral("threshold"), [&](model::EncodingParams& e) { e.intensityThreshold = v; });
    });
    connect(m_maxRate, &QDoubleSpinBox::valueChanged, this, [=](double v) {
        encodingEdit(QStringLiteral("rate"), [&](model::EncodingParams& e) { e.maxRateHz = v; });
    });
    connect(m_dog, &QCheckBox::toggled, this, [=](bool on) {
        encodingEdit({}, [&](model::EncodingParams& e) { e.differenceOfGaussians = on; });
    });
    connect(m_sigmaCenter, &QDoubleSpinBox::valueChanged, this, [=](double v) {
        encodingEdit(QStringLiteral("sigma-c"), [&](model::EncodingParams& e) { e.dogSigmaCenter = v; });
    });
    connect(m_sigmaSurround, &QDoubleSpinBox::valueChanged, this, [=](double v) {
        encodingEdit(QStringLiteral("sigma-s"), [&](model::EncodingParams& e) { e.dogSigmaSurround = v; });
    });
    connect(m_latencyBins, &QSpinBox::valueChanged, this, [=](int v) {
        encodingEdit(QStringLiteral("latency-bins"), [&](model::EncodingParams& e) { e.latencyBins = v; });
    });
    connect(m_latencyThreshold, &QDoubleSpinBox::valueChanged, this, [=](double v) {
        encodingEdit(QStringLiteral("latency-threshold"), [&](model::EncodingParams& e) { e.latencyThreshold = v; });
    });
    connect(m_dogWindow, &QSpinBox::valueChanged, this, [=](int v) {
        encodingEdit(QStringLiteral("dog-window"), [&](model::EncodingParams& e) { e.dogWindow = v; });
    });
    connect(m_dogScales, &QSpinBox::valueChanged, this, [=](int v) {
        encodingEdit(QStringLiteral("dog-scales"), [&](model::EncodingParams& e) { e.dogScales = v; });
    });
    connect(m_dt, &QDoubleSpinBox::valueChanged, this,
            [=](double v) { timingEdit(QStringLiteral("dt"), [&](model::TimingParams& t) { t.dt = v; }); });
    connect(m_delay, &QDoubleSpinBox::valueChanged, this, [=](double v) {
        timingEdit(QStringLiteral("delay"), [&](model::TimingParams& t) { t.synapticDelay = v; });
    });
    connect(m_presentation, &QDoubleSpinBox::valueChanged, this, [=](double v) {
        timingEdit(QStringLiteral("window"), [&](model::TimingParams& t) { t.presentationMs = v; });
    });
    connect(m_idle, &QDoubleSpinBox::valueChanged, this,
            [=](double v) { timingEdit(QStringLiteral("idle"), [&](model::TimingParams& t) { t.idleMs = v; }); });

    connect(m_document, &ExperimentDocument::changed, this, [this](ExperimentDocument::Changes c) {
        if (c & ExperimentDocument::Change::Params)
            refresh();
    });
    refresh();
}

void EncodingEditor::refresh()
{
    const model::EncodingParams& e = m_document->network().encoding;
    const model::TimingParams& t = m_document->network().timing;
    {
        const QSignalBlocker block(m_kind);
        m_kind->setCurrentIndex(m_kind->findData(int(e.kind)));
    }
    {
        const QSignalBlocker block(m_dog);
        m_dog->setChecked(e.differenceOfGaussians);
    }
    setQuietly(m_fireFactor, e.fireFactor);
    setQuietly(m_threshold, e.intensityThreshold);
    setQuietly(m_maxRate, e.maxRateHz);
    setQuietly(m_sigmaCenter, e.dogSigmaCenter);
    setQuietly(m_sigmaSurround, e.dogSigmaSurround);
    setQuietly(m_latencyBins, e.latencyBins);
    setQuietly(m_latencyThreshold, e.latencyThreshold);
    setQuietly(m_dogWindow, e.dogWindow);
    setQuietly(m_dogScales, e.dogScales);
    m_fireFactor->setEnabled(e.kind == model::EncodingKind::RateRegular);
    m_maxRate->setEnabled(e.kind == model::EncodingKind::Poisson);
    // The latency code of shared-WTA layers always filters with the sigmas.
    m_sigmaCenter->setEnabled(e.differenceOfGaussians || m_document->usesSharedWta());
    m_sigmaSurround->setEnabled(e.differenceOfGaussians || m_document->usesSharedWta());
    setQuietly(m_dt, t.dt);
    setQuietly(m_delay, t.synapticDelay);
    setQuietly(m_presentation, t.presentationMs);
    setQuietly(m_idle, t.idleMs);

    QString problem = problemOf([&] { model::validate(e, "encoding"); });
    if (problem.isEmpty())
        problem = problemOf([&] { model::validate(t, "timing"); });
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
}

} // namespace scnn::app
