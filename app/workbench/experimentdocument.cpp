// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — the experiment document and its undo commands.
#include "app/workbench/experimentdocument.h"

#include "model/presets.h"

#include <QDir>
#include <QFileInfo>
#include <QUndoCommand>
#include <QUndoStack>

#include <algorithm>

namespace scnn::app {

/**
 * @brief One undoable edit: the document content before and after.
 * Edits of the same field (same merge key) that follow each other merge.
 */
class EditCommand : public QUndoCommand
{
public:
    EditCommand(ExperimentDocument* doc, const QString& text, ExperimentDocument::Changes changes,
                const QString& mergeKey, DocumentState before, DocumentState after)
        : QUndoCommand(text), m_doc(doc), m_changes(changes), m_mergeKey(mergeKey),
          m_before(std::move(before)), m_after(std::move(after))
    {
    }

    void undo() override
    {
        m_doc->setState(m_before, m_changes, nullptr, m_setAside);
        m_setAside.clear();
    }
    void redo() override { m_doc->setState(m_after, m_changes, &m_setAside, {}); }

    int id() const override { return m_mergeKey.isEmpty() ? -1 : 0x5c; }

    bool mergeWith(const QUndoCommand* other) override
    {
        const auto* o = static_cast<const EditCommand*>(other);
        if (o->m_mergeKey != m_mergeKey || o->m_doc != m_doc)
            return false;
        m_after = o->m_after;
        m_setAside.insert(o->m_setAside.begin(), o->m_setAside.end());
        m_changes |= o->m_changes;
        setObsolete(m_after == m_before);
        return true;
    }

private:
    ExperimentDocument* m_doc;
    ExperimentDocument::Changes m_changes;
    QString m_mergeKey;
    DocumentState m_before;
    DocumentState m_after;
    std::map<std::string, model::NpyArray> m_setAside; ///< Arrays that did not fit m_after
};

ExperimentDocument::ExperimentDocument(QObject* parent)
    : QObject(parent), m_experiment(model::seedPreset()), m_undo(new QUndoStack(this))
{
    connect(m_undo, &QUndoStack::cleanChanged, this, [this] { updateModified(); });
}

ExperimentDocument::~ExperimentDocument() = default;

DocumentState ExperimentDocument::state() const
{
    model::BoardRunSettings board;
    try {
        board = model::boardRunSettings(m_experiment);
    } catch (const std::exception&) {
        // A wrong stored value shows as the defaults; the SpiNNaker panel's next edit replaces it.
    }
    return {m_experiment.network, m_experiment.dataset, m_experiment.seed, m_experiment.backend, board};
}

void ExperimentDocument::reset(const model::Experiment& experiment, const QString& filePath)
{
    m_undo->clear();
    m_resultsDirty = false;
    setFilePath(filePath);
    m_experiment = experiment;
    emit changed(Change::All);
    m_undo->setClean();
    updateModified();
}

void ExperimentDocument::setFilePath(const QString& path)
{
    if (path == m_filePath)
        return;
    m_filePath = path;
    emit filePathChanged(path);
}

QString ExperimentDocument::displayName() const
{
    if (m_filePath.isEmpty())
        return tr("Untitled");
    return QFileInfo(QDir::cleanPath(m_filePath)).fileName();
}

bool ExperimentDocument::isModified() const
{
    return !m_undo->isClean() || m_resultsDirty;
}

void ExperimentDocument::markSaved()
{
    m_resultsDirty = false;
    m_undo->setClean();
    updateModified();
}

void ExperimentDocument::updateModified()
{
    const bool now = isModified();
    if (now != m_lastModified) {
        m_lastModified = now;
        emit modifiedChanged(now);
    }
}

void ExperimentDocument::setState(const DocumentState& state, Changes changes,
                                  std::map<std::string, model::NpyArray>* setAside,
                                  const std::map<std::string, model::NpyArray>& restore)
{
    m_experiment.network = state.network;
    m_experiment.dataset = state.data;
    m_experiment.seed = state.seed;
    m_experiment.backend = state.backend;
    if (m_experiment.extra.contains("spinnaker") || !(state.board == model::BoardRunSettings{}))
        model::setBoardRunSettings(m_experiment, state.board);
    for (const auto& [key, array] : restore)
        m_experiment.arrays[key] = array;
    if (setAside) {
        for (auto it = m_experiment.arrays.begin(); it != m_experiment.arrays.end();) {
            if (!model::arrayProblem(m_experiment.network, it->first, it->second).empty()) {
                (*setAside)[it->first] = std::move(it->second);
                it = m_experiment.arrays.erase(it);
                changes |= Change::Weights;
            } else {
                ++it;
            }
        }
    }
    emit changed(changes);
}

void ExperimentDocument::edit(const QString& text, Changes changes, const QString& mergeKey,
                              const std::function<void(DocumentState&)>& mutate)
{
    const DocumentState before = state();
    DocumentState after = before;
    mutate(after);
    if (after == before)
        return;
    m_undo->push(new EditCommand(this, text, changes, mergeKey, before, std::move(after)));
}

void ExperimentDocument::applyResult(const model::Experiment& experiment, Changes changes)
{
    m_resultsDirty = true;
    m_experiment = experiment;
    emit changed(changes);
    updateModified();
}

bool ExperimentDocument::validLayer(int index) const
{
    return index >= 0 && index < int(m_experiment.network.layers.size());
}

bool ExperimentDocument::validConv(int index) const
{
    return validLayer(index) && m_experiment.network.layers[index].kind == model::LayerKind::Conv;
}

// --- layer stack --------------------------------------------------------------

namespace {

/// Conv layers carry their original defaults by depth; renumber after a move.
void refreshDefaultsOfUntouched(model::Network& net, const model::Network& before)
{
    // A layer whose parameters equal the defaults of its old depth takes the
    // defaults of its new depth, as the original assigned them by position.
    for (std::size_t i = 0; i < net.layers.size(); ++i) {
        model::Layer& l = net.layers[i];
        if (l.kind != model::LayerKind::Conv)
            continue;
        for (std::size_t j = 0; j < before.layers.size(); ++j) {
            if (before.layers[j].kind == model::LayerKind::Conv && before.layers[j] == l) {
                const int oldConv = before.convIndex(int(j));
                if (l.params == model::defaultLayerParams(oldConv))
                    l.params = model::defaultLayerParams(net.convIndex(int(i)));
                break;
            }
        }
    }
}

} // namespace

void ExperimentDocument::addLayer(model::LayerKind kind)
{
    const bool conv = kind == model::LayerKind::Conv;
    edit(conv ? tr("Add convolution layer") : tr("Add pooling layer"), Change::Layers | Change::Params,
         {}, [&](DocumentState& s) {
             model::Network& net = s.network;
             const model::Shape last = net.shapes().back();
             const int room = std::max(1, std::min(last.h, last.w));
             if (conv) {
                 const int k = std::min(3, room);
                 net.layers.push_back(model::Layer::conv(8, k, 1, net.convLayerCount()));
             } else {
                 const int k = std::min(2, room);
                 net.layers.push_back(model::Layer::pool(k, k));
             }
         });
}

void ExperimentDocument::removeLayer(int index)
{
    if (!validLayer(index))
        return;
    edit(tr("Remove layer %1").arg(index + 1), Change::Layers | Change::Params, {}, [&](DocumentState& s) {
        const model::Network before = s.network;
        s.network.layers.erase(s.network.layers.begin() + index);
        refreshDefaultsOfUntouched(s.network, before);
    });
}

void ExperimentDocument::moveLayer(int index, int delta)
{
    const int to = index + delta;
    if (!validLayer(index) || !validLayer(to) || delta == 0)
        return;
    edit(delta < 0 ? tr("Move layer %1 up").arg(index + 1) : tr("Move layer %1 down").arg(index + 1),
         Change::Layers | Change::Params, {}, [&](DocumentState& s) {
             const model::Network before = s.network;
             std::swap(s.network.layers[index], s.network.layers[to]);
             refreshDefaultsOfUntouched(s.network, before);
         });
}

void ExperimentDocument::setKernelCount(int index, int kernels)
{
    if (!validLayer(index))
        return;
    edit(tr("Set kernel count of layer %1 to %2").arg(index + 1).arg(kernels), Change::Layers,
         QStringLiteral("kernels/%1").arg(index),
         [&](DocumentState& s) { s.network.layers[index].kernels = kernels; });
}

void ExperimentDocument::setKernelSize(int index, int size)
{
    if (!validLayer(index))
        return;
    edit(tr("Set kernel size of layer %1 to %2").arg(index + 1).arg(size), Change::Layers,
         QStringLiteral("size/%1").arg(index), [&](DocumentState& s) {
             s.network.layers[index].kh = size;
             s.network.layers[index].kw = size;
         });
}

void ExperimentDocument::setStride(int index, int stride)
{
    if (!validLayer(index))
        return;
    edit(tr("Set stride of layer %1 to %2").arg(index + 1).arg(stride), Change::Layers,
         QStringLiteral("stride/%1").arg(index),
         [&](DocumentState& s) { s.network.layers[index].stride = stride; });
}

// --- parameters ---------------------------------------------------------------

void ExperimentDocument::setNeuronParam(int index, NeuronSet set, int field, double value)
{
    const auto& info = model::neuronParamInfo();
    if (!validConv(index) || field < 0 || field >= int(info.size()))
        return;
    const QString key = QString::fromUtf8(info[field].key.data(), qsizetype(info[field].key.size()));
    edit(tr("Set %1 of layer %2").arg(key).arg(index + 1), Change::Params,
         QStringLiteral("neuron/%1/%2/%3").arg(index).arg(int(set)).arg(field), [&](DocumentState& s) {
             model::LayerParams& p = s.network.layers[index].params;
             *model::neuronParamFields(set == NeuronSet::Train ? p.train : p.rebuild)[field] = value;
         });
}

void ExperimentDocument::setStdpRule(int index, model::StdpRule rule)
{
    if (!validConv(index))
        return;
    edit(tr("Set STDP rule of layer %1").arg(index + 1), Change::Params, {},
         [&](DocumentState& s) { s.network.layers[index].params.stdp.rule = rule; });
}

void ExperimentDocument::setStdpParam(int index, int field, double value)
{
    const auto& info = model::stdpParamInfo();
    if (!validConv(index) || field < 0 || field >= int(info.size()))
        return;
    const QString key = QString::fromUtf8(info[field].key.data(), qsizetype(info[field].key.size()));
    edit(tr("Set %1 of layer %2").arg(key).arg(index + 1), Change::Params,
         QStringLiteral("stdp/%1/%2").arg(index).arg(field), [&](DocumentState& s) {
             *model::stdpParamFields(s.network.layers[index].params.stdp)[field] = value;
         });
}

void ExperimentDocument::setInhibitionEnabled(int index, bool enabled)
{
    if (!validConv(index))
        return;
    edit(enabled ? tr("Enable inhibition in layer %1").arg(index + 1)
                 : tr("Disable inhibition in layer %1").arg(index + 1),
         Change::Params, {}, [&](DocumentState& s) { s.network.layers[index].params.inhibition.enabled = enabled; });
}

void ExperimentDocument::setInhibitionWeight(int index, double weight)
{
    if (!validConv(index))
        return;
    edit(tr("Set inhibition weight of layer %1").arg(index + 1), Change::Params,
         QStringLiteral("inhibition-weight/%1").arg(index),
         [&](DocumentState& s) { s.network.layers[index].params.inhibition.weight = weight; });
}

void ExperimentDocument::setInhibitionDelay(int index, double delay)
{
    if (!validConv(index))
        return;
    edit(tr("Set inhibition delay of layer %1").arg(index + 1), Change::Params,
         QStringLiteral("inhibition-delay/%1").arg(index),
         [&](DocumentState& s) { s.network.layers[index].params.inhibition.delay = delay; });
}

void ExperimentDocument::restoreLayerDefaults(int index)
{
    if (!validConv(index))
        return;
    edit(tr("Restore defaults of layer %1").arg(index + 1), Change::Params, {}, [&](DocumentState& s) {
        s.network.layers[index].params = model::defaultLayerParams(s.network.convIndex(index));
    });
}

void ExperimentDocument::setTiming(const model::TimingParams& timing, const QString& mergeKey)
{
    edit(tr("Change timing"), Change::Params, QStringLiteral("timing/") + mergeKey,
         [&](DocumentState& s) { s.network.timing = timing; });
}

void ExperimentDocument::setEncoding(const model::EncodingParams& encoding, const QString& mergeKey)
{
    edit(tr("Change encoding"), Change::Params, QStringLiteral("encoding/") + mergeKey,
         [&](DocumentState& s) { s.network.encoding = encoding; });
}

void ExperimentDocument::restoreEncodingTimingDefaults()
{
    edit(tr("Restore encoding and timing defaults"), Change::Params, {}, [](DocumentState& s) {
        s.network.timing = {};
        s.network.encoding = {};
    });
}

// --- data selection -----------------------------------------------------------

void ExperimentDocument::setDataFolder(const QString& folder)
{
    edit(tr("Choose data folder"), Change::Data, {},
         [&](DocumentState& s) {
        s.data.dataDir = folder.toStdString();
        if (!folder.isEmpty())
            s.data.name = folder.contains(QStringLiteral("fashion"), Qt::CaseInsensitive) ? "fashion-mnist" : "mnist";
    });
}

void ExperimentDocument::setBackend(const QString& name)
{
    edit(tr("Choose backend %1").arg(name), Change::Params, {},
         [&](DocumentState& s) { s.backend = name.toStdString(); });
}

void ExperimentDocument::setBoardRunSettings(const model::BoardRunSettings& settings, const QString& mergeKey)
{
    settings.validate();
    edit(tr("Change SpiNNaker settings"), Change::Params, mergeKey,
         [&](DocumentState& s) { s.board = settings; });
}

void ExperimentDocument::setDatasetName(const QString& name)
{
    edit(tr("Choose dataset"), Change::Data, {}, [&](DocumentState& s) { s.data.name = name.toStdString(); });
}

void ExperimentDocument::setClassEnabled(int label, bool enabled)
{
    std::vector<int> classes = m_experiment.dataset.classes;
    classes.erase(std::remove(classes.begin(), classes.end(), label), classes.end());
    if (enabled)
        classes.push_back(label);
    setClasses(classes);
}

void ExperimentDocument::setClasses(const std::vector<int>& classes)
{
    std::vector<int> sorted = classes;
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    edit(tr("Choose classes"), Change::Data, {}, [&](DocumentState& s) { s.data.classes = sorted; });
}

void ExperimentDocument::setTrainPerClass(int n)
{
    edit(tr("Set training examples per class to %1").arg(n), Change::Data, QStringLiteral("train-per-class"),
         [&](DocumentState& s) { s.data.trainPerClass = n; });
}

void ExperimentDocument::setTestPerClass(int n)
{
    edit(tr("Set test examples per class to %1").arg(n), Change::Data, QStringLiteral("test-per-class"),
         [&](DocumentState& s) { s.data.testPerClass = n; });
}

void ExperimentDocument::setSeed(std::uint64_t seed)
{
    edit(tr("Set seed to %1").arg(seed), Change::Data, QStringLiteral("seed"), [&](DocumentState& s) {
        s.data.seed = seed;
        s.seed = seed;
    });
}

} // namespace scnn::app
