// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — the layer-stack editor.
#include "app/workbench/layerstackeditor.h"

#include "app/workbench/experimentdocument.h"
#include "app/workbench/texts.h"
#include "app/workbench/widgetutil.h"

#include <QButtonGroup>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace scnn::app {

namespace {

const QString kInvalidStyle = QStringLiteral("QSpinBox { border: 2px solid #d32f2f; border-radius: 3px; }");

QSpinBox* makeSpin(int min, int max, QWidget* parent)
{
    auto* box = new QSpinBox(parent);
    box->setRange(min, max);
    box->setKeyboardTracking(true);
    box->setAccelerated(true);
    return box;
}

void markField(QSpinBox* box, const QString& problem)
{
    box->setStyleSheet(problem.isEmpty() ? QString() : kInvalidStyle);
    box->setToolTip(problem);
    box->setProperty("invalid", !problem.isEmpty());
}

} // namespace

LayerStackEditor::LayerStackEditor(ExperimentDocument* document, QWidget* parent)
    : QWidget(parent), m_document(document), m_group(new QButtonGroup(this))
{
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(4, 4, 4, 4);
    m_inputLabel = new QLabel(this);
    outer->addWidget(m_inputLabel);

    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* inner = new QWidget(scroll);
    m_rowsLayout = new QVBoxLayout(inner);
    m_rowsLayout->setContentsMargins(0, 0, 0, 0);
    m_rowsLayout->addStretch(1);
    scroll->setWidget(inner);
    scroll->setMinimumHeight(90);
    outer->addWidget(scroll, 1);

    auto* buttons = new QHBoxLayout;
    m_addConv = new QPushButton(QIcon(QStringLiteral(":/icons/add-conv.svg")), tr("Add convolution"), this);
    m_addConv->setObjectName(QStringLiteral("addConv"));
    m_addConv->setToolTip(tr("Append a convolution layer that learns with STDP"));
    m_addPool = new QPushButton(QIcon(QStringLiteral(":/icons/add-pool.svg")), tr("Add pooling"), this);
    m_addPool->setObjectName(QStringLiteral("addPool"));
    m_addPool->setToolTip(tr("Append a max-pooling layer"));
    buttons->addWidget(m_addConv);
    buttons->addWidget(m_addPool);
    buttons->addStretch(1);
    outer->addLayout(buttons);
    m_totalLabel = new QLabel(this);
    m_totalLabel->setWordWrap(true);
    outer->addWidget(m_totalLabel);

    connect(m_addConv, &QPushButton::clicked, this, [this] {
        m_document->addLayer(model::LayerKind::Conv);
        setCurrentLayer(rowCount() - 1);
    });
    connect(m_addPool, &QPushButton::clicked, this, [this] {
        m_document->addLayer(model::LayerKind::Pool);
        setCurrentLayer(rowCount() - 1);
    });
    connect(m_group, &QButtonGroup::idClicked, this, [this](int id) {
        m_current = id;
        emit currentLayerChanged(id);
    });
    connect(m_document, &ExperimentDocument::changed, this, [this](ExperimentDocument::Changes c) {
        if (c & ExperimentDocument::Change::Layers)
            refresh();
    });
    refresh();
}

QSpinBox* LayerStackEditor::kernelsBox(int index) const { return m_rows.at(index).kernels; }
QSpinBox* LayerStackEditor::sizeBox(int index) const { return m_rows.at(index).size; }
QSpinBox* LayerStackEditor::strideBox(int index) const { return m_rows.at(index).stride; }
QLabel* LayerStackEditor::outputLabel(int index) const { return m_rows.at(index).output; }
QLabel* LayerStackEditor::problemLabel(int index) const { return m_rows.at(index).problem; }

void LayerStackEditor::setCurrentLayer(int index)
{
    if (index < 0 || index >= rowCount())
        return;
    m_current = index;
    m_rows[index].title->setChecked(true);
    emit currentLayerChanged(index);
}

LayerStackEditor::Row LayerStackEditor::makeRow(int index, bool conv)
{
    Row r;
    r.conv = conv;
    auto* frame = new QFrame;
    frame->setFrameShape(QFrame::StyledPanel);
    frame->setObjectName(QStringLiteral("layerRow%1").arg(index));
    r.frame = frame;
    auto* grid = new QGridLayout(frame);
    grid->setContentsMargins(6, 4, 6, 4);
    grid->setVerticalSpacing(2);

    r.title = new QRadioButton(frame);
    m_group->addButton(r.title, index);
    QFont bold = r.title->font();
    bold.setBold(true);
    r.title->setFont(bold);
    grid->addWidget(r.title, 0, 0, 1, 2);

    auto* fields = new QHBoxLayout;
    r.kernels = makeSpin(1, 1024, frame);
    r.kernels->setObjectName(QStringLiteral("kernels"));
    r.kernels->setToolTip(tr("Number of kernels (output maps)"));
    r.size = makeSpin(1, 64, frame);
    r.size->setObjectName(QStringLiteral("size"));
    r.stride = makeSpin(1, 64, frame);
    r.stride->setObjectName(QStringLiteral("stride"));
    if (conv) {
        fields->addWidget(new QLabel(tr("Kernels"), frame));
        fields->addWidget(r.kernels);
        fields->addSpacing(8);
        fields->addWidget(new QLabel(tr("Size"), frame));
    } else {
        r.kernels->hide();
        fields->addWidget(new QLabel(tr("Window"), frame));
    }
    fields->addWidget(r.size);
    fields->addSpacing(8);
    fields->addWidget(new QLabel(tr("Stride"), frame));
    fields->addWidget(r.stride);
    fields->addStretch(1);

    auto tool = [frame](const QString& icon, const QString& tip) {
        auto* b = new QToolButton(frame);
        b->setIcon(QIcon(icon));
        b->setToolTip(tip);
        b->setAutoRaise(true);
        return b;
    };
    r.up = tool(QStringLiteral(":/icons/up.svg"), tr("Move layer up"));
    r.down = tool(QStringLiteral(":/icons/down.svg"), tr("Move layer down"));
    r.remove = tool(QStringLiteral(":/icons/remove.svg"), tr("Remove layer"));
    fields->addWidget(r.up);
    fields->addWidget(r.down);
    fields->addWidget(r.remove);
    grid->addLayout(fields, 1, 0, 1, 2);

    r.output = new QLabel(frame);
    r.output->setObjectName(QStringLiteral("output"));
    r.counts = new QLabel(frame);
    r.counts->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    grid->addWidget(r.output, 2, 0);
    grid->addWidget(r.counts, 2, 1);
    r.problem = makeProblemLabel(frame);
    grid->addWidget(r.problem, 3, 0, 1, 2);

    // Each change is one undoable edit; the document merges typing into one step.
    connect(r.kernels, &QSpinBox::valueChanged, this, [this, index](int v) { m_document->setKernelCount(index, v); });
    connect(r.size, &QSpinBox::valueChanged, this, [this, index](int v) { m_document->setKernelSize(index, v); });
    connect(r.stride, &QSpinBox::valueChanged, this, [this, index](int v) { m_document->setStride(index, v); });
    connect(r.up, &QToolButton::clicked, this, [this, index] {
        m_document->moveLayer(index, -1);
        setCurrentLayer(index - 1);
    });
    connect(r.down, &QToolButton::clicked, this, [this, index] {
        m_document->moveLayer(index, +1);
        setCurrentLayer(index + 1);
    });
    connect(r.remove, &QToolButton::clicked, this, [this, index] {
        m_document->removeLayer(index);
        setCurrentLayer(std::min(index, rowCount() - 1));
    });
    return r;
}

void LayerStackEditor::rebuildRows()
{
    for (Row& r : m_rows) {
        // deleteLater: the click that removed a layer may come from this row.
        m_group->removeButton(r.title);
        m_rowsLayout->removeWidget(r.frame);
        r.frame->hide();
        r.frame->deleteLater();
    }
    m_rows.clear();
    const auto& layers = m_document->network().layers;
    for (int i = 0; i < int(layers.size()); ++i) {
        m_rows.push_back(makeRow(i, layers[i].kind == model::LayerKind::Conv));
        m_rowsLayout->insertWidget(i, m_rows.back().frame);
    }
    if (m_current >= rowCount())
        m_current = rowCount() - 1;
    if (m_current >= 0)
        m_rows[m_current].title->setChecked(true);
}

void LayerStackEditor::refresh()
{
    const model::Network& net = m_document->network();
    bool sameRows = m_rows.size() == net.layers.size();
    for (std::size_t i = 0; sameRows && i < net.layers.size(); ++i)
        sameRows = m_rows[i].conv == (net.layers[i].kind == model::LayerKind::Conv);
    if (!sameRows)
        rebuildRows();
    for (int i = 0; i < rowCount(); ++i)
        updateRow(i);

    const QLocale loc;
    m_inputLabel->setText(tr("Input %1 · %2 pixels")
                              .arg(texts::shape(net.input))
                              .arg(loc.toString(qlonglong(net.input.size()))));
    m_totalLabel->setText(tr("Total: %1 neurons, %2 synapses")
                              .arg(loc.toString(qlonglong(net.totalNeurons())))
                              .arg(loc.toString(qlonglong(net.totalSynapses()))));
}

void LayerStackEditor::updateRow(int index)
{
    const model::Network& net = m_document->network();
    const model::Layer& l = net.layers[index];
    const auto shapes = net.shapes();
    const auto counts = net.counts();
    Row& r = m_rows[index];
    r.title->setText(l.kind == model::LayerKind::Conv ? tr("%1 · Convolution").arg(index + 1)
                                                      : tr("%1 · Max pooling").arg(index + 1));
    setQuietly(r.kernels, std::max(1, l.kernels));
    setQuietly(r.size, l.kh);
    setQuietly(r.stride, l.stride);
    r.up->setEnabled(index > 0);
    r.down->setEnabled(index + 1 < rowCount());

    const QLocale loc;
    const model::Shape& out = shapes[index + 1];
    const texts::LayerProblem problem = texts::layerProblem(net, index);
    if (problem.text.isEmpty()) {
        r.output->setText(tr("→ %1").arg(texts::shape(out)));
        r.counts->setText(tr("%1 neurons · %2 synapses")
                              .arg(loc.toString(qlonglong(counts[index].neurons)))
                              .arg(loc.toString(qlonglong(counts[index].synapses))));
    } else {
        r.output->setText(tr("→ no output"));
        r.counts->clear();
    }
    markField(r.kernels, problem.field == texts::LayerField::Kernels ? problem.text : QString());
    markField(r.size, problem.field == texts::LayerField::Size ? problem.text : QString());
    markField(r.stride, problem.field == texts::LayerField::Stride ? problem.text : QString());
    r.problem->setText(problem.text);
    r.problem->setVisible(!problem.text.isEmpty());
}

} // namespace scnn::app
