// SPDX-License-Identifier: GPL-3.0-or-later
// The window given bad input: network, parameter, timing and encoding edits block Run with the
// reason; the data panel says what is wrong with the data; a broken experiment folder opens as a
// message, never a crash. The rows are the GUI part of docs/bad-input.md.
#include "app/workbench/datapanel.h"
#include "app/workbench/experimentdocument.h"
#include "app/workbench/layerstackeditor.h"
#include "app/workbench/mainwindow.h"
#include "app/workbench/parametereditor.h"
#include "fakephase.h"
#include "idxfixture.h"
#include "model/experiment.h"
#include "model/fileutil.h"
#include "model/presets.h"
#include "testsupport.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QMessageBox>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

#include <filesystem>
#include <functional>

using namespace scnn;
using app::MainWindow;
using app::PhaseId;
Q_DECLARE_METATYPE(std::function<void(scnn::app::MainWindow&)>)

namespace {

using Edit = std::function<void(MainWindow&)>;

void typeInto(QSpinBox* box, const QString& text)
{
    box->selectAll();
    QTest::keyClicks(box, text);
    QTest::keyClick(box, Qt::Key_Enter);
}

} // namespace

class TestGuiBadInput : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    std::string m_data;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_tmp.isValid());
        m_data = m_tmp.filePath(QStringLiteral("data")).toStdString();
        std::filesystem::create_directories(m_data);
        test::writeSet(m_data, "train", std::vector<int>(10, 14), true, 28, 28);
    }

    void editsBlockRun_data()
    {
        QTest::addColumn<Edit>("edit");
        QTest::addColumn<QString>("reason");
        QTest::newRow("layer stack: kernel larger than the input")
            << Edit([](MainWindow& w) { typeInto(w.layerEditor()->sizeBox(0), QStringLiteral("29")); })
            << QStringLiteral("larger than its input");
        QTest::newRow("layer stack: second layer larger than what is left")
            << Edit([](MainWindow& w) {
                   w.document()->addLayer(model::LayerKind::Conv);
                   typeInto(w.layerEditor()->sizeBox(1), QStringLiteral("12"));
               })
            << QStringLiteral("Layer 2:");
        QTest::newRow("layer stack: too large for memory")
            << Edit([](MainWindow& w) {
                   typeInto(w.layerEditor()->kernelsBox(0), QStringLiteral("1024"));
                   typeInto(w.layerEditor()->sizeBox(0), QStringLiteral("1"));
                   typeInto(w.layerEditor()->strideBox(0), QStringLiteral("1"));
                   w.document()->addLayer(model::LayerKind::Conv);
                   typeInto(w.layerEditor()->kernelsBox(1), QStringLiteral("1024"));
                   typeInto(w.layerEditor()->sizeBox(1), QStringLiteral("1"));
                   typeInto(w.layerEditor()->strideBox(1), QStringLiteral("1"));
               })
            << QStringLiteral("synapses need about");
        QTest::newRow("parameters: v_reset above v_thresh")
            << Edit([](MainWindow& w) {
                   w.parameterEditor()->trainField(4)->setValue(0.0);
               })
            << QStringLiteral("must be below v_thresh");
        QTest::newRow("timing: idle time not below the presentation")
            << Edit([](MainWindow& w) {
                   model::TimingParams t = w.document()->network().timing;
                   t.idleMs = t.presentationMs;
                   w.document()->setTiming(t, QStringLiteral("idle"));
               })
            << QStringLiteral("idle time = 100 ms must be ≥ 0 and below the presentation time");
        QTest::newRow("encoding: equal DoG sigmas")
            << Edit([](MainWindow& w) {
                   model::EncodingParams e = w.document()->network().encoding;
                   e.differenceOfGaussians = true;
                   e.dogSigmaCenter = e.dogSigmaSurround = 1.0;
                   w.document()->setEncoding(e, QStringLiteral("dog"));
               })
            << QStringLiteral("DoG sigmas must be in (0 … 20] px and differ");
    }

    void editsBlockRun()
    {
        QFETCH(Edit, edit);
        QFETCH(QString, reason);
        MainWindow w;
        w.setPhaseProvider([](const PhaseId&) { return test::fakePhase(2, 1); });
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.runAction({PhaseId::Kind::RunAll})->isEnabled());
        edit(w);
        QVERIFY2(w.runBlockedReason().contains(reason), qPrintable(w.runBlockedReason()));
        QVERIFY(!w.runAction({PhaseId::Kind::RunAll})->isEnabled());
        QVERIFY(w.runProblemLabel()->isVisible());
        // Undo takes the bad edit back and Run works again.
        while (w.document()->undoStack()->canUndo())
            w.document()->undoStack()->undo();
        QVERIFY2(w.runBlockedReason().isEmpty(), qPrintable(w.runBlockedReason()));
    }

    /// The layer fields take only what can be built: typed numbers beyond the range are refused.
    void layerFieldsKeepTheirRange()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        typeInto(w.layerEditor()->kernelsBox(0), QStringLiteral("5000"));
        QVERIFY(w.document()->network().layers[0].kernels <= 1024);
        typeInto(w.layerEditor()->sizeBox(0), QStringLiteral("0"));
        QVERIFY(w.document()->network().layers[0].kh >= 1);
        typeInto(w.layerEditor()->strideBox(0), QStringLiteral("-3"));
        QVERIFY(w.document()->network().layers[0].stride >= 1);
        QVERIFY2(w.runBlockedReason().isEmpty(), qPrintable(w.runBlockedReason()));
    }

    void dataPanelSaysWhatIsWrong_data()
    {
        QTest::addColumn<QString>("folder");
        QTest::addColumn<int>("trainPerClass");
        QTest::addColumn<QString>("status");
        const QString data = QString::fromStdString(m_data);
        QTest::newRow("folder without the files") << m_tmp.path() << 10
                                                  << QStringLiteral("no train-images-idx3-ubyte[.gz] and "
                                                                    "train-labels-idx1-ubyte[.gz] of mnist");
        QTest::newRow("more examples than the files hold")
            << data << 20 << QStringLiteral("class 0 has 14 examples, 8 short of the 20 training + 2 held-out test");
        QTest::newRow("fits") << data << 10 << QStringLiteral("First ");
    }

    void dataPanelSaysWhatIsWrong()
    {
        QFETCH(QString, folder);
        QFETCH(int, trainPerClass);
        QFETCH(QString, status);
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.document()->setTestPerClass(2);
        w.document()->setTrainPerClass(trainPerClass);
        w.document()->setDataFolder(folder);
        QTRY_VERIFY2_WITH_TIMEOUT(w.dataPanel()->previewStatus()->text().contains(status),
                                  qPrintable(w.dataPanel()->previewStatus()->text()), 10000);
    }

    /// A broken experiment folder: a message naming the file and field, the old document stays.
    void brokenExperimentOpensAsMessage()
    {
        const std::string dir = m_tmp.filePath(QStringLiteral("broken")).toStdString();
        model::saveExperiment(model::makePreset("seed"), dir);
        std::string json = model::readTextFile(dir + "/experiment.json");
        json.replace(json.find("\"seed\": 1"), 9, "\"seed\": \"one\"");
        model::writeFileAtomic(dir + "/experiment.json", json);

        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const model::Experiment before = w.document()->experiment();
        QStringList texts;
        QTimer answer;
        connect(&answer, &QTimer::timeout, this, [&] {
            if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
                texts << box->text();
                box->accept();
            }
        });
        answer.start(20);
        QVERIFY(!w.openExperiment(QString::fromStdString(dir), true));
        QCOMPARE(texts.size(), 1);
        QVERIFY2(texts.first().contains(QStringLiteral("experiment.json: field dataset.seed: expected a non-negative whole "
                                                       "number, got string")),
                 qPrintable(texts.first()));
        QVERIFY(w.document()->experiment() == before);
    }
};

QTEST_MAIN(TestGuiBadInput)
#include "tst_guibadinput.moc"
