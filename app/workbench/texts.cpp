// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — translated texts for model values.
#include "app/workbench/texts.h"

#include "model/error.h"

#include <QRegularExpression>
#include <QtGlobal>

namespace scnn::app::texts {

namespace {

/// The translation context of these texts.
struct Texts
{
    Q_DECLARE_TR_FUNCTIONS(Texts)
};

} // namespace

QString shape(const model::Shape& s)
{
    return QStringLiteral("(%1, %2, %3)").arg(s.h).arg(s.w).arg(s.c);
}

LayerProblem layerProblem(const model::Network& net, int index)
{
    LayerProblem p;
    if (index < 0 || index >= int(net.layers.size()))
        return p;
    const model::Layer& l = net.layers[index];
    const model::Shape in = net.shapes()[index];
    const bool conv = l.kind == model::LayerKind::Conv;
    if (conv && l.kernels <= 0) {
        p.field = LayerField::Kernels;
        p.text = Texts::tr("The kernel count %1 must be at least 1.").arg(l.kernels);
    } else if (l.kh <= 0 || l.kw <= 0) {
        p.field = LayerField::Size;
        p.text = Texts::tr("The size %1 must be at least 1.").arg(l.kh);
    } else if (l.stride <= 0) {
        p.field = LayerField::Stride;
        p.text = Texts::tr("The stride %1 must be at least 1.").arg(l.stride);
    } else if (in.h <= 0 || in.w <= 0 || in.c <= 0) {
        p.field = LayerField::Layer;
        p.text = Texts::tr("Its input is empty: fix the layer above first.");
    } else if (l.kh > in.h || l.kw > in.w) {
        p.field = LayerField::Size;
        p.text = conv ? Texts::tr("The kernel %1×%2 is larger than its input %3×%4.").arg(l.kh).arg(l.kw).arg(in.h).arg(in.w)
                      : Texts::tr("The pooling window %1×%2 is larger than its input %3×%4.")
                            .arg(l.kh).arg(l.kw).arg(in.h).arg(in.w);
    } else if (index == 0 && !conv) {
        p.field = LayerField::Layer;
        p.text = Texts::tr("The first layer must be a convolution: pooling the input learns nothing.");
    } else {
        const std::string other = net.layerProblem(index);
        if (!other.empty()) {
            p.field = LayerField::Layer;
            p.text = QString::fromStdString(other);
        }
    }
    return p;
}

QString networkProblem(const model::Network& net)
{
    if (net.layers.empty())
        return Texts::tr("The network has no layers: add a convolution.");
    for (int i = 0; i < int(net.layers.size()); ++i) {
        const LayerProblem p = layerProblem(net, i);
        if (!p.text.isEmpty())
            return Texts::tr("Layer %1: %2").arg(i + 1).arg(p.text);
    }
    try {
        net.validate();
    } catch (const model::Error& e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

QString paramLabel(std::string_view key, std::string_view fallback)
{
    static const struct
    {
        const char* key;
        const char* label;
    } labels[] = {
        {"cm", QT_TRANSLATE_NOOP("Texts", "Membrane capacitance")},
        {"tau_m", QT_TRANSLATE_NOOP("Texts", "Membrane time constant")},
        {"tau_refrac", QT_TRANSLATE_NOOP("Texts", "Refractory period")},
        {"v_rest", QT_TRANSLATE_NOOP("Texts", "Resting potential")},
        {"v_reset", QT_TRANSLATE_NOOP("Texts", "Reset potential")},
        {"v_thresh", QT_TRANSLATE_NOOP("Texts", "Threshold")},
        {"tau_syn_E", QT_TRANSLATE_NOOP("Texts", "Excitatory synaptic time constant")},
        {"tau_syn_I", QT_TRANSLATE_NOOP("Texts", "Inhibitory synaptic time constant")},
        {"i_offset", QT_TRANSLATE_NOOP("Texts", "Offset current")},
        {"tau_plus", QT_TRANSLATE_NOOP("Texts", "Potentiation time constant")},
        {"tau_minus", QT_TRANSLATE_NOOP("Texts", "Depression time constant")},
        {"A_plus", QT_TRANSLATE_NOOP("Texts", "Potentiation amplitude")},
        {"A_minus", QT_TRANSLATE_NOOP("Texts", "Depression amplitude")},
        {"w_min", QT_TRANSLATE_NOOP("Texts", "Minimum weight")},
        {"w_max", QT_TRANSLATE_NOOP("Texts", "Maximum weight")},
        {"w_init_mean", QT_TRANSLATE_NOOP("Texts", "Initial weight mean")},
        {"w_init_sigma", QT_TRANSLATE_NOOP("Texts", "Initial weight spread")},
    };
    for (const auto& entry : labels)
        if (key == entry.key)
            return Texts::tr(entry.label);
    return QString::fromUtf8(fallback.data(), qsizetype(fallback.size()));
}

QString unitSuffix(std::string_view unit)
{
    if (unit.empty())
        return {};
    return QStringLiteral(" ") + QString::fromUtf8(unit.data(), qsizetype(unit.size()));
}

QString className(const QString& folder, int label)
{
    static const char* const fashion[] = {
        QT_TRANSLATE_NOOP("Texts", "T-shirt/top"),
        QT_TRANSLATE_NOOP("Texts", "Trouser"),
        QT_TRANSLATE_NOOP("Texts", "Pullover"),
        QT_TRANSLATE_NOOP("Texts", "Dress"),
        QT_TRANSLATE_NOOP("Texts", "Coat"),
        QT_TRANSLATE_NOOP("Texts", "Sandal"),
        QT_TRANSLATE_NOOP("Texts", "Shirt"),
        QT_TRANSLATE_NOOP("Texts", "Sneaker"),
        QT_TRANSLATE_NOOP("Texts", "Bag"),
        QT_TRANSLATE_NOOP("Texts", "Ankle boot"),
    };
    if (label >= 0 && label < 10 && folder.contains(QStringLiteral("fashion"), Qt::CaseInsensitive))
        return QStringLiteral("%1 %2").arg(label).arg(Texts::tr(fashion[label]));
    return QString::number(label);
}

QString stage(const QString& pipelineStage)
{
    static const QRegularExpression layer(QStringLiteral("^train layer (\\d+): (.+)$"));
    const QRegularExpressionMatch m = layer.match(pipelineStage);
    if (m.hasMatch()) {
        const QString what = m.captured(2);
        const QString n = m.captured(1);
        if (what == QLatin1String("windows"))
            return Texts::tr("train layer %1: windows").arg(n);
        if (what == QLatin1String("images"))
            return Texts::tr("train layer %1: images").arg(n);
        if (what == QLatin1String("rebuilding layers below"))
            return Texts::tr("train layer %1: rebuilding the layers below").arg(n);
        return pipelineStage;
    }
    if (pipelineStage == QLatin1String("loading data"))
        return Texts::tr("loading data");
    if (pipelineStage == QLatin1String("svm: features"))
        return Texts::tr("SVM: features of the training examples");
    if (pipelineStage == QLatin1String("svm: choosing C"))
        return Texts::tr("SVM: choosing C");
    if (pipelineStage == QLatin1String("test: features"))
        return Texts::tr("test: features of the test examples");
    return pipelineStage;
}

} // namespace scnn::app::texts
