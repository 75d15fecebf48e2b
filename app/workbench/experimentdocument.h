// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — the experiment as a QObject document with undo.
#pragma once

#include "app/workbench/documentstate.h"
#include "model/experiment.h"

#include <QFlags>
#include <QObject>
#include <QString>

#include <functional>

class QUndoStack;

namespace scnn::app {

/**
 * @brief The open experiment: the pure model::Experiment wrapped in a QObject
 * that announces coarse changes, keeps the undo stack, the file path and the
 * modified flag.
 *
 * Every edit of the model, its parameters and the data selection goes through
 * edit() (or one of the named helpers built on it) and lands on the undo stack
 * as one command; consecutive edits of the same field merge, so typing 1, 2 in
 * a spin box is one undo step. Learned arrays that no longer fit the edited
 * model (a kernel count changed) are set aside by the command and come back
 * on undo. Views observe changed(); they never edit the experiment directly.
 *
 * @code
 * ExperimentDocument doc;
 * connect(&doc, &ExperimentDocument::changed, view, [](ExperimentDocument::Changes c) {
 *     if (c & ExperimentDocument::Change::Layers) rebuild();
 * });
 * doc.addLayer(model::LayerKind::Pool);   // undoable
 * doc.undoStack()->undo();
 * @endcode
 */
class ExperimentDocument : public QObject
{
    Q_OBJECT

public:
    enum class Change {
        None = 0,
        Layers = 0x01,  ///< Layers added, removed, moved or resized (shapes change)
        Params = 0x02,  ///< Neuron, STDP, inhibition, encoding or timing parameters
        Data = 0x04,    ///< Data folder, classes, counts or seed
        Weights = 0x08, ///< Learned weights
        Results = 0x10, ///< Phase history, accuracy, recordings
        All = 0x1f,
    };
    Q_DECLARE_FLAGS(Changes, Change)
    Q_FLAG(Changes)

    /// Which neuron parameter set of a conv layer an edit addresses.
    enum class NeuronSet { Train, Rebuild };

    explicit ExperimentDocument(QObject* parent = nullptr);
    ~ExperimentDocument() override;

    /// The whole experiment (a run copies it as its snapshot).
    const model::Experiment& experiment() const { return m_experiment; }
    /// The editable part.
    DocumentState state() const;
    const model::Network& network() const { return m_experiment.network; }
    const DataSelection& data() const { return m_experiment.dataset; }

    QUndoStack* undoStack() const { return m_undo; }

    /// Replaces the whole content (New, Open): clears undo history, not modified.
    void reset(const model::Experiment& experiment, const QString& filePath = {});

    QString filePath() const { return m_filePath; }
    void setFilePath(const QString& path);
    /// File name for titles: the folder name, or "Untitled".
    QString displayName() const;

    bool isModified() const;
    /// Marks the current content as saved.
    void markSaved();

    /**
     * One undoable edit: copies the state, lets `mutate` change the copy and
     * pushes a command when the copy differs. Commands with the same non-empty
     * `mergeKey` that follow each other merge into one.
     */
    void edit(const QString& text, Changes changes, const QString& mergeKey,
              const std::function<void(DocumentState&)>& mutate);

    /// Applies a finished run's (or an import's) result: not undoable, marks the document modified.
    void applyResult(const model::Experiment& experiment, Changes changes);

    // Layer stack
    void addLayer(model::LayerKind kind);
    void removeLayer(int index);
    void moveLayer(int index, int delta);
    void setKernelCount(int index, int kernels);
    void setKernelSize(int index, int size);
    void setStride(int index, int stride);

    // Parameters of conv layer `index` (index into network().layers)
    void setNeuronParam(int index, NeuronSet set, int field, double value);
    void setStdpRule(int index, model::StdpRule rule);
    void setStdpParam(int index, int field, double value);
    void setInhibitionEnabled(int index, bool enabled);
    void setInhibitionWeight(int index, double weight);
    void setInhibitionDelay(int index, double delay);
    void restoreLayerDefaults(int index);
    void setTiming(const model::TimingParams& timing, const QString& mergeKey);
    void setEncoding(const model::EncodingParams& encoding, const QString& mergeKey);
    void restoreEncodingTimingDefaults();
    /// Where phases run ("sim", "sim:spinnaker", "pynn:brian2", …).
    void setBackend(const QString& name);
    /// Neurons per core and time scale factor of SpiNNaker runs (undoable;
    /// edits with the same `mergeKey` merge). Throws model::Error for invalid values.
    void setBoardRunSettings(const model::BoardRunSettings& settings, const QString& mergeKey = {});

    // Data selection
    /// Sets the folder (empty: search the usual places); a folder named *fashion* selects Fashion-MNIST.
    void setDataFolder(const QString& folder);
    void setDatasetName(const QString& name);
    void setClassEnabled(int label, bool enabled);
    void setClasses(const std::vector<int>& classes);
    void setTrainPerClass(int n);
    void setTestPerClass(int n);
    void setSeed(std::uint64_t seed);

signals:
    /// The content changed; `changes` says which parts.
    void changed(scnn::app::ExperimentDocument::Changes changes);
    /// The modified flag flipped.
    void modifiedChanged(bool modified);
    void filePathChanged(const QString& path);

private:
    friend class EditCommand;
    /// Writes the editable part; moves arrays that no longer fit into `setAside`.
    void setState(const DocumentState& state, Changes changes, std::map<std::string, model::NpyArray>* setAside,
                  const std::map<std::string, model::NpyArray>& restore);
    void updateModified();
    bool validLayer(int index) const;
    bool validConv(int index) const;

    model::Experiment m_experiment;
    QUndoStack* m_undo = nullptr;
    QString m_filePath;
    bool m_resultsDirty = false;
    bool m_lastModified = false;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(ExperimentDocument::Changes)

} // namespace scnn::app
