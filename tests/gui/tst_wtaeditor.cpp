// SPDX-License-Identifier: GPL-3.0-or-later
// The editors of the shared-WTA (fast, latency-coded) training and of the
// latency code: typing into them edits the document, and undo, redo and
// "Restore defaults" bring the values back, in the model and on screen.
#include "app/workbench/experimentdocument.h"
#include "app/workbench/mainwindow.h"
#include "app/workbench/parametereditor.h"
#include "app/workbench/wtafields.h"

#include <QDoubleSpinBox>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>
#include <QUndoStack>

#include <cstring>

using namespace scnn;
using app::MainWindow;

namespace {

/// Types `text` into a spin box as a user would and leaves the field.
template<typename Box>
void typeInto(Box* box, const QString& text)
{
    box->setFocus();
    box->selectAll();
    QTest::keyClicks(box, text);
    QTest::keyClick(box, Qt::Key_Tab);
}

int fieldIndex(const char* key)
{
    const auto& fields = app::wtaFields();
    for (std::size_t i = 0; i < fields.size(); ++i)
        if (std::strcmp(fields[i].key, key) == 0)
            return int(i);
    return -1;
}

} // namespace

class TestWtaEditor : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void wtaFieldEditsUndoesAndRedoes()
    {
        MainWindow w;
        w.newFromPreset(QStringLiteral("mnist"));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        app::ExperimentDocument* doc = w.document();
        QVERIFY(doc->trainingMode(0) == model::LayerTrainingMode::SharedWta);
        w.raisePanel(QStringLiteral("parameters"));
        w.parameterEditor()->setLayer(0);
        const int winners = fieldIndex("winners");
        const int threshold = fieldIndex("threshold");
        QVERIFY(winners >= 0 && threshold >= 0);
        QDoubleSpinBox* box = w.parameterEditor()->wtaField(winners);
        QVERIFY(box->isVisibleTo(&w));
        const int before = doc->network().layers[0].params.wta.winners;
        QCOMPARE(int(box->value()), before);

        typeInto(box, QStringLiteral("9"));
        QCOMPARE(doc->network().layers[0].params.wta.winners, 9);
        QVERIFY(doc->isModified());
        // Another field, then undo both, then redo both.
        typeInto(w.parameterEditor()->wtaField(threshold), QStringLiteral("12.5"));
        QCOMPARE(doc->network().layers[0].params.wta.threshold, 12.5);
        doc->undoStack()->undo();
        QCOMPARE(doc->network().layers[0].params.wta.threshold, 15.0);
        QCOMPARE(w.parameterEditor()->wtaField(threshold)->value(), 15.0);
        doc->undoStack()->undo();
        QCOMPARE(doc->network().layers[0].params.wta.winners, before);
        QCOMPARE(int(box->value()), before);
        doc->undoStack()->redo();
        QCOMPARE(doc->network().layers[0].params.wta.winners, 9);
        QCOMPARE(int(box->value()), 9);
        doc->undoStack()->redo();
        QCOMPARE(doc->network().layers[0].params.wta.threshold, 12.5);

        // An out-of-range value is clamped by the field, never stored.
        typeInto(box, QStringLiteral("0"));
        QVERIFY(doc->network().layers[0].params.wta.winners >= 1);

        // Restore defaults brings the original layer settings back, undoably.
        auto* restore = w.parameterEditor()->findChild<QPushButton*>();
        QVERIFY(restore && restore->isEnabled());
        QTest::mouseClick(restore, Qt::LeftButton);
        QVERIFY(doc->network().layers[0].params.wta == model::SharedWtaParams{});
        QCOMPARE(int(box->value()), model::SharedWtaParams{}.winners);
        doc->undoStack()->undo();
        QCOMPARE(doc->network().layers[0].params.wta.threshold, 12.5);
    }

    void latencyFieldsEditUndoAndRestore()
    {
        MainWindow w;
        w.newFromPreset(QStringLiteral("mnist"));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.raisePanel(QStringLiteral("encoding"));
        app::ExperimentDocument* doc = w.document();
        auto* bins = w.findChild<QSpinBox*>(QStringLiteral("latency_bins"));
        auto* threshold = w.findChild<QDoubleSpinBox*>(QStringLiteral("latency_threshold"));
        QVERIFY(bins && threshold);
        const model::EncodingParams before = doc->network().encoding;
        QCOMPARE(bins->value(), before.latencyBins);

        typeInto(bins, QStringLiteral("30"));
        QCOMPARE(doc->network().encoding.latencyBins, 30);
        typeInto(threshold, QStringLiteral("0.2"));
        QCOMPARE(doc->network().encoding.latencyThreshold, 0.2);
        doc->undoStack()->undo();
        QCOMPARE(threshold->value(), before.latencyThreshold);
        doc->undoStack()->undo();
        QCOMPARE(doc->network().encoding.latencyBins, before.latencyBins);
        QCOMPARE(bins->value(), before.latencyBins);
        doc->undoStack()->redo();
        QCOMPARE(bins->value(), 30);

        // Restore defaults of the encoding panel.
        QPushButton* restore = nullptr;
        for (auto* b : w.findChildren<QPushButton*>())
            if (b->parentWidget() == bins->parentWidget()->parentWidget() && b->isVisibleTo(&w))
                restore = b;
        QVERIFY(restore);
        QTest::mouseClick(restore, Qt::LeftButton);
        QCOMPARE(doc->network().encoding.latencyBins, model::EncodingParams{}.latencyBins);
        QCOMPARE(bins->value(), model::EncodingParams{}.latencyBins);
    }
};

QTEST_MAIN(TestWtaEditor)
#include "tst_wtaeditor.moc"
