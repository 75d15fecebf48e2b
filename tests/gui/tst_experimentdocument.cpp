// SPDX-License-Identifier: GPL-3.0-or-later
// The experiment document: edits, change flags, undo/redo and the modified flag.
#include "app/workbench/experimentdocument.h"
#include "model/presets.h"
#include "testsupport.h"

#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

using namespace scnn;
using app::ExperimentDocument;

class TestExperimentDocument : public QObject
{
    Q_OBJECT

private slots:
    void addLayerEmitsLayersAndUndoes()
    {
        ExperimentDocument doc;
        doc.reset(model::seedPreset());
        QSignalSpy changed(&doc, &ExperimentDocument::changed);
        QVERIFY(!doc.isModified());
        doc.addLayer(model::LayerKind::Pool);
        QCOMPARE(doc.network().layers.size(), std::size_t(2));
        QCOMPARE(changed.count(), 1);
        const auto flags = changed.at(0).at(0).value<ExperimentDocument::Changes>();
        QVERIFY(flags.testFlag(ExperimentDocument::Change::Layers));
        QVERIFY(!flags.testFlag(ExperimentDocument::Change::Data));
        QVERIFY(doc.isModified());
        doc.undoStack()->undo();
        QCOMPARE(doc.network(), model::seedNetwork());
        QVERIFY(!doc.isModified());
        doc.undoStack()->redo();
        QCOMPARE(doc.network().layers.back().kind, model::LayerKind::Pool);
    }

    void fieldEditsMerge()
    {
        ExperimentDocument doc;
        doc.setKernelCount(0, 5);
        doc.setKernelCount(0, 6);
        doc.setKernelCount(0, 7);
        QCOMPARE(doc.undoStack()->count(), 1);
        doc.setStride(0, 2);
        QCOMPARE(doc.undoStack()->count(), 2);
        doc.undoStack()->undo();
        QCOMPARE(doc.network().layers[0].kernels, 7);
        doc.undoStack()->undo();
        QCOMPARE(doc.network().layers[0].kernels, 4);
    }

    void editBackToStartIsNoStep()
    {
        ExperimentDocument doc;
        doc.setSeed(5);
        doc.setSeed(1);
        QVERIFY(!doc.isModified());
    }

    void parametersAndDefaults()
    {
        ExperimentDocument doc;
        doc.setNeuronParam(0, ExperimentDocument::NeuronSet::Rebuild, 5, -20.0); // v_thresh
        QCOMPARE(doc.network().layers[0].params.rebuild.vThresh, -20.0);
        doc.setStdpParam(0, 2, 0.05); // A_plus
        QCOMPARE(doc.network().layers[0].params.stdp.aPlus, 0.05);
        doc.restoreLayerDefaults(0);
        QCOMPARE(doc.network().layers[0].params, model::defaultLayerParams(0));
        doc.undoStack()->undo();
        QCOMPARE(doc.network().layers[0].params.stdp.aPlus, 0.05);
    }

    void movedLayerTakesDefaultsOfItsDepth()
    {
        ExperimentDocument doc;
        doc.addLayer(model::LayerKind::Conv);
        QCOMPARE(doc.network().layers[1].params, model::defaultLayerParams(1));
        doc.moveLayer(1, -1);
        QCOMPARE(doc.network().layers[0].params, model::defaultLayerParams(0));
        QCOMPARE(doc.network().layers[1].params, model::defaultLayerParams(1));
        QCOMPARE(doc.network().layers[0].kernels, 8);
    }

    void dataSelection()
    {
        ExperimentDocument doc;
        QSignalSpy changed(&doc, &ExperimentDocument::changed);
        doc.setClassEnabled(3, true);
        QCOMPARE(doc.data().classes, (std::vector<int>{0, 1, 3, 7, 8}));
        doc.setClassEnabled(0, false);
        QCOMPARE(doc.data().classes, (std::vector<int>{1, 3, 7, 8}));
        doc.setTrainPerClass(10);
        doc.setDataFolder(QStringLiteral("/data"));
        QCOMPARE(changed.last().at(0).value<ExperimentDocument::Changes>(),
                 ExperimentDocument::Changes(ExperimentDocument::Change::Data));
        while (doc.undoStack()->canUndo())
            doc.undoStack()->undo();
        QCOMPARE(doc.data(), app::DataSelection{});
    }

    void resultsMarkModified()
    {
        ExperimentDocument doc;
        QSignalSpy modified(&doc, &ExperimentDocument::modifiedChanged);
        doc.applyResult(doc.experiment(), ExperimentDocument::Change::Weights);
        QVERIFY(doc.isModified());
        QCOMPARE(modified.count(), 1);
        doc.markSaved();
        QVERIFY(!doc.isModified());
        QCOMPARE(modified.count(), 2);
    }
};

QTEST_GUILESS_MAIN(TestExperimentDocument)
#include "tst_experimentdocument.moc"
