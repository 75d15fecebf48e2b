// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — `scnn export-pynn` on a small experiment.
#include "app/cli/commands.h"
#include "pynntestsupport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include <sstream>

using namespace scnn;

/**
 * @brief export-pynn writes a script per phase and target that compiles as
 * Python, with its inputs beside it, leaves the experiment untouched and
 * rejects wrong options with a usage error.
 */
class TestExportPynn : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void exportsEveryPhase_data();
    void exportsEveryPhase();
    void usageErrors();

private:
    int scnn(const std::vector<std::string>& argv, std::string* out = nullptr, std::string* err = nullptr);
    QByteArray experimentJson() const;

    QTemporaryDir m_tmp;
    std::string m_dir;
};

int TestExportPynn::scnn(const std::vector<std::string>& argv, std::string* out, std::string* err)
{
    std::ostringstream o, e;
    cli::Io io{o, e};
    const int rc = cli::runCli(argv, io);
    if (out)
        *out = o.str();
    if (err)
        *err = e.str();
    if (rc != 0)
        qInfo("scnn %s: %s", argv.front().c_str(), e.str().c_str());
    return rc;
}

QByteArray TestExportPynn::experimentJson() const
{
    QFile f(QString::fromStdString(m_dir + "/experiment.json"));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void TestExportPynn::initTestCase()
{
    if (!test::sharedExists("data/mnist"))
        QSKIP("the shared MNIST copy (../shared/data/mnist) is absent");
    QVERIFY(m_tmp.isValid());
    m_dir = m_tmp.path().toStdString() + "/exp";
    QCOMPARE(scnn({"new", m_dir, "--data", test::sharedDir("data/mnist"), "--classes", "0,1", "--train-per-class", "2",
                   "--test-per-class", "1"}),
             0);
    // svm needs the layer's kernels and test the SVM: train both once on the embedded simulator.
    QCOMPARE(scnn({"train", m_dir, "--layer", "1"}), 0);
    QCOMPARE(scnn({"train", m_dir, "--layer", "svm"}), 0);
}

void TestExportPynn::exportsEveryPhase_data()
{
    QTest::addColumn<QString>("phase");
    QTest::addColumn<QString>("target");
    QTest::addColumn<bool>("batch");
    QTest::newRow("layer 1 on brian2") << "layer:1" << "brian2" << false;
    QTest::newRow("layer 1 on spinnaker") << "layer:1" << "spinnaker" << false;
    QTest::newRow("svm on nest") << "svm" << "nest" << true;
    QTest::newRow("test on spinnaker") << "test" << "spinnaker" << true;
}

void TestExportPynn::exportsEveryPhase()
{
    QFETCH(QString, phase);
    QFETCH(QString, target);
    QFETCH(bool, batch);
    const QByteArray before = experimentJson();
    const std::string file = m_tmp.path().toStdString() + "/" + QTest::currentDataTag() + "/phase.py";
    std::vector<std::string> argv = {"export-pynn", m_dir, "--phase", phase.toStdString(), "--target",
                                     target.toStdString(), "-o", file, "--json"};
    if (target == QLatin1String("spinnaker"))
        argv.insert(argv.end(), {"--board", "192.168.240.253", "--neurons-per-core", "64"});
    std::string out;
    QCOMPARE(scnn(argv, &out), 0);
    const auto j = nlohmann::json::parse(out);
    QCOMPARE(j.at("script").get<std::string>(), file);
    QCOMPARE(j.at("target").get<std::string>(), target.toStdString());
    QCOMPARE(j.at("trials").get<int>() > 0, batch);
    QVERIFY(j.at("duration_ms").get<double>() > 0);
    for (const auto& f : j.at("files"))
        QVERIFY2(QFile::exists(QString::fromStdString(f.get<std::string>())), f.get<std::string>().c_str());
    QCOMPARE(experimentJson(), before); // export changes nothing
    QFile script(QString::fromStdString(file));
    QVERIFY(script.open(QIODevice::ReadOnly));
    const QByteArray text = script.readAll();
    QVERIFY(text.contains("python3 phase.py OUTPUT_DIR"));
    QCOMPARE(text.contains("counts.npy"), batch);
    QCOMPARE(text.contains("STDPMechanism("), !batch);
    if (target == QLatin1String("spinnaker"))
        QVERIFY(text.contains("set_number_of_neurons_per_core(sim.IF_curr_exp, 64)"));
    if (test::runPython("import ast") == 0)
        QCOMPARE(test::runPython("import py_compile, sys; py_compile.compile(sys.argv[1], doraise=True)",
                                 {QString::fromStdString(file)}),
                 0);
}

void TestExportPynn::usageErrors()
{
    std::string err;
    const std::string file = m_tmp.path().toStdString() + "/bad/phase.py";
    QCOMPARE(scnn({"export-pynn", m_dir, "--phase", "layer:x", "--target", "brian2", "-o", file}, nullptr, &err),
             int(cli::ExitUsage));
    QCOMPARE(scnn({"export-pynn", m_dir, "--phase", "readout", "--target", "brian2", "-o", file}, nullptr, &err),
             int(cli::ExitUsage));
    QVERIFY(err.find("layer:N, svm or test") != std::string::npos);
    QCOMPARE(scnn({"export-pynn", m_dir, "--phase", "svm", "--target", "neuron", "-o", file}, nullptr, &err),
             int(cli::ExitUsage));
    QVERIFY(err.find("known: spinnaker, nest, brian2") != std::string::npos);
    QCOMPARE(scnn({"export-pynn", m_dir, "--phase", "svm", "--target", "brian2"}, nullptr, &err), int(cli::ExitUsage));
    QVERIFY(err.find("-o FILE") != std::string::npos);
    QVERIFY(!QFile::exists(QString::fromStdString(file)));
}

QTEST_GUILESS_MAIN(TestExportPynn)
#include "tst_exportpynn.moc"
