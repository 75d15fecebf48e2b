// SPDX-License-Identifier: GPL-3.0-or-later
// scnn-workbench's command line: every bad argument gets one clear line and an exit code.
#include "model/experiment.h"
#include "model/presets.h"
#include "testsupport.h"

#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

class TestWorkbenchArgs : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    const QString m_binary = QStringLiteral(SCNN_BINARY_DIR "/app/scnn-workbench");

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        if (!QFile::exists(m_binary))
            QSKIP("the scnn-workbench binary is not built");
        scnn::model::saveExperiment(scnn::model::makePreset("seed"), m_tmp.filePath(QStringLiteral("exp")).toStdString());
    }

    void badArguments_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<bool>("display");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        const QString png = m_tmp.filePath(QStringLiteral("shot.png"));
        const QString exp = m_tmp.filePath(QStringLiteral("exp"));
        const QString shot = QStringLiteral("--screenshot");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("--bogus")} << true << 1
                                        << QStringLiteral("Unknown option 'bogus'.");
        QTest::newRow("unknown preset") << QStringList{QStringLiteral("--preset"), QStringLiteral("nope")} << true << 2
                                        << QStringLiteral("scnn-workbench: unknown preset 'nope' (seed, mnist, classroom)");
        QTest::newRow("preset without value") << QStringList{QStringLiteral("--preset")} << true << 1
                                              << QStringLiteral("Missing value after '--preset'.");
        QTest::newRow("unknown language") << QStringList{QStringLiteral("--language"), QStringLiteral("xx")} << true
                                          << 2 << QStringLiteral("scnn-workbench: unknown language 'xx' (en, de, fr)");
        QTest::newRow("unknown panel") << QStringList{QStringLiteral("--raise"), QStringLiteral("data,bogus"), shot, png}
                                       << true << 2
                                       << QStringLiteral("scnn-workbench: --raise: no panel or view called 'bogus'");
        QTest::newRow("two folders") << QStringList{exp, exp} << true << 2
                                     << QStringLiteral("scnn-workbench: one experiment folder at most, not 2");
        QTest::newRow("missing folder") << QStringList{m_tmp.filePath(QStringLiteral("nothing")), shot, png} << true
                                        << 1 << QStringLiteral("nothing: does not exist");
        QTest::newRow("folder without experiment") << QStringList{m_tmp.path(), shot, png} << true << 1
                                                   << QStringLiteral("has no experiment.json; it is not an experiment folder");
        QTest::newRow("unwritable screenshot")
            << QStringList{shot, m_tmp.filePath(QStringLiteral("no/such/dir/x.png"))} << true << 1
            << QStringLiteral("scnn-workbench: could not write the screenshot");
        QTest::newRow("no display") << QStringList{} << false << 1
                                    << QStringLiteral("scnn-workbench: no display (DISPLAY and WAYLAND_DISPLAY are not set)");
        QTest::newRow("experiment.json stands for its folder")
            << QStringList{exp + QStringLiteral("/experiment.json"), shot, png} << true << 0 << QString();
    }

    void badArguments()
    {
        QFETCH(QStringList, args);
        QFETCH(bool, display);
        QFETCH(int, code);
        QFETCH(QString, message);
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        if (display)
            env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        else
            env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_tmp.filePath(QStringLiteral("config")));
        p.setProcessEnvironment(env);
        p.start(m_binary, args);
        QVERIFY(p.waitForFinished(60000));
        const QString err = QString::fromLocal8Bit(p.readAllStandardError());
        QCOMPARE(p.exitStatus(), QProcess::NormalExit); // never a crash
        QVERIFY2(p.exitCode() == code, qPrintable(QStringLiteral("exit %1: %2").arg(p.exitCode()).arg(err)));
        if (!message.isEmpty())
            QVERIFY2(err.contains(message), qPrintable(err));
    }
};

QTEST_MAIN(TestWorkbenchArgs)
#include "tst_workbenchargs.moc"
