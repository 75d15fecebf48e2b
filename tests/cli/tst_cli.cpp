// SPDX-License-Identifier: GPL-3.0-or-later
// scnn new / info / import-seed: in-process through runCli, and the built binary for exit codes.
#include "app/cli/commands.h"
#include "clitestsupport.h"
#include "idxfixture.h"
#include "model/experiment.h"
#include "model/fileutil.h"
#include "testsupport.h"

#include <nlohmann/json.hpp>

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sstream>

using namespace scnn;
using nlohmann::json;

namespace {

using test::Run;
using test::scnnRun;

/// The number of lines in s (a trailing newline ends the last one).
int lines(const std::string& s)
{
    int n = 0;
    for (char c : s)
        n += c == '\n';
    return n;
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    std::string m_data;
    std::string path(const char* n) const { return m_tmp.filePath(QString::fromUtf8(n)).toStdString(); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_data = path("data");
        QDir().mkpath(QString::fromStdString(m_data));
        // 28×28 digits, 12 per class, no t10k files: test examples are held out.
        test::writeSet(m_data, "train", std::vector<int>(10, 12), true, 28, 28);
    }

    void newAndInfo()
    {
        const std::string dir = path("exp");
        Run r = scnnRun({"new", dir, "--preset", "seed", "--data", m_data, "--train-per-class", "8",
                         "--test-per-class", "3", "--seed", "7"});
        QVERIFY2(r.code == cli::ExitOk, r.err.c_str());
        QVERIFY2(r.out.find("32 training, 12 test examples (held out from the training files)")
                     != std::string::npos,
                 r.out.c_str());
        const model::Experiment e = model::loadExperiment(dir);
        QCOMPARE(e.seed, std::uint64_t(7));
        QCOMPARE(e.dataset.testPerClass, 3);
        QVERIFY(e.log.find("created from preset seed") != std::string::npos);

        r = scnnRun({"info", dir});
        QCOMPARE(r.code, int(cli::ExitOk));
        QVERIFY2(r.out.find("(28,28,1)") != std::string::npos, r.out.c_str());
        QVERIFY2(r.out.find("(9,9,4)") != std::string::npos, r.out.c_str());
        QVERIFY2(r.out.find("5184") != std::string::npos, r.out.c_str());

        r = scnnRun({"info", dir, "--json"});
        QCOMPARE(r.code, int(cli::ExitOk));
        QCOMPARE(lines(r.out), 1);
        const json j = json::parse(r.out);
        QVERIFY(j["tensors"] == json::parse("[[28,28,1],[9,9,4]]"));
        QVERIFY(j["neurons"] == 784 + 324);
        QVERIFY(j["synapses"] == 324 * 16);
        QVERIFY(j["layers"][0]["kernels"] == 4);
        QVERIFY(j["layers"][0]["trained"] == false);
        QVERIFY(j["history"].is_array());
    }

    void newRefusesExistingExperiment()
    {
        const std::string dir = path("twice");
        QCOMPARE(scnnRun({"new", dir, "--data", m_data, "--train-per-class", "2", "--test-per-class", "1"}).code,
                 int(cli::ExitOk));
        const std::string before = model::readTextFile(dir + "/experiment.json");
        const Run r = scnnRun({"new", dir, "--data", m_data});
        QCOMPARE(r.code, int(cli::ExitFailure));
        QVERIFY2(r.err.find("already holds an experiment") != std::string::npos, r.err.c_str());
        QCOMPARE(model::readTextFile(dir + "/experiment.json"), before);
    }

    void newChecksDataFirst()
    {
        // Not enough examples of class 7.
        Run r = scnnRun({"new", path("short"), "--data", m_data, "--train-per-class", "11", "--test-per-class", "2"});
        QCOMPARE(r.code, int(cli::ExitBadInput));
        QVERIFY2(r.err.find("class 0 has 12 examples, 1 short") != std::string::npos, r.err.c_str());
        QCOMPARE(lines(r.err), 1);
        QVERIFY(!QDir(QString::fromStdString(path("short"))).exists());

        // A truncated image file.
        const std::string bad = path("baddata");
        QDir().mkpath(QString::fromStdString(bad));
        test::writeSet(bad, "train", std::vector<int>(10, 2), false, 28, 28);
        const std::string images = bad + "/train-images-idx3-ubyte";
        const std::string bytes = model::readTextFile(images);
        model::writeFileAtomic(images, bytes.substr(0, bytes.size() - 100));
        r = scnnRun({"new", path("fromBad"), "--data", bad});
        QCOMPARE(r.code, int(cli::ExitBadInput));
        QVERIFY2(r.err.find(images + ": truncated") != std::string::npos, r.err.c_str());
        QVERIFY(!QDir(QString::fromStdString(path("fromBad"))).exists());
    }

    void usageErrors()
    {
        for (const std::vector<std::string>& argv : std::vector<std::vector<std::string>>{
                 {"new"},
                 {"new", path("u"), "--bogus", "1"},
                 {"new", path("u"), "--test-per-class", "3", "--validation", "3"},
                 {"new", path("u"), "--classes", "0,x"},
                 {"info"},
                 {"info", "a", "b"},
                 {"import-seed", "only-one"},
                 {"frobnicate"}}) {
            const Run r = scnnRun(argv);
            QCOMPARE(r.code, int(cli::ExitUsage));
            QCOMPARE(lines(r.err), 1);
        }
        const Run unknownPreset = scnnRun({"new", path("u"), "--preset", "nope", "--data", m_data});
        QCOMPARE(unknownPreset.code, int(cli::ExitBadInput));
        QVERIFY(unknownPreset.err.find("unknown preset 'nope'") != std::string::npos);
    }

    void infoOfBrokenExperiment()
    {
        Run r = scnnRun({"info", path("nothing-here")});
        QCOMPARE(r.code, int(cli::ExitBadInput));
        QVERIFY2(r.err.find("does not exist") != std::string::npos, r.err.c_str());
        const std::string dir = path("broken");
        QCOMPARE(scnnRun({"new", dir, "--data", m_data, "--train-per-class", "2", "--test-per-class", "1"}).code,
                 int(cli::ExitOk));
        json j = json::parse(model::readTextFile(dir + "/experiment.json"));
        j["model"]["layers"][0]["stride"] = "three";
        model::writeFileAtomic(dir + "/experiment.json", j.dump());
        r = scnnRun({"info", dir});
        QCOMPARE(r.code, int(cli::ExitBadInput));
        QVERIFY2(r.err.find("field model.layers[0].stride: expected a whole number") != std::string::npos,
                 r.err.c_str());
    }

    void importSeed()
    {
        const std::string dir = path("import");
        QCOMPARE(scnnRun({"new", dir, "--data", m_data, "--train-per-class", "2", "--test-per-class", "1"}).code,
                 int(cli::ExitOk));
        const std::string seedModel = path("seedmodel");
        QDir().mkpath(QString::fromStdString(seedModel));
        std::string rows;
        for (int k = 0; k < 4; ++k) {
            for (int i = 0; i < 16; ++i)
                rows += std::to_string(0.25 + 0.01 * k) + ",";
            rows += "\n";
        }
        model::writeFileAtomic(seedModel + "/w_layer_1", rows);
        Run r = scnnRun({"import-seed", seedModel, dir});
        QVERIFY2(r.code == cli::ExitOk, r.err.c_str());
        QVERIFY(r.out.find("imported w_layer_1") != std::string::npos);
        const model::Experiment e = model::loadExperiment(dir);
        QVERIFY(e.weights(0));
        QVERIFY(test::near(e.weights(0)->toDouble()[16], 0.26, 1e-6));
        r = scnnRun({"info", dir, "--json"});
        QVERIFY(json::parse(r.out)["layers"][0]["trained"] == true);
        QVERIFY(json::parse(r.out)["history"][0]["phase"] == "import seed weights");

        // Rows that do not fit: exit 3, the experiment is unchanged.
        const std::string before = model::readTextFile(dir + "/experiment.json");
        model::writeFileAtomic(seedModel + "/w_layer_1", "0.1,0.2,0.3,\n");
        r = scnnRun({"import-seed", seedModel, dir});
        QCOMPARE(r.code, int(cli::ExitBadInput));
        QVERIFY2(r.err.find("has 1 rows (kernels), but layer 1 has 4 kernels") != std::string::npos, r.err.c_str());
        QCOMPARE(model::readTextFile(dir + "/experiment.json"), before);
    }

    /// A run that needs more memory than there is is refused before it starts, unless --force.
    void runChecksLimitsFirst()
    {
        const std::string dir = path("limits");
        QCOMPARE(scnnRun({"new", dir, "--data", m_data, "--train-per-class", "2", "--test-per-class", "1"}).code,
                 int(cli::ExitOk));
        const std::string before = model::readTextFile(dir + "/experiment.json");
        qputenv("SCNN_MEMORY_LIMIT", "100000");
        Run r = scnnRun({"run", dir});
        QCOMPARE(r.code, int(cli::ExitBadInput));
        QVERIFY2(r.err.find("1108 neurons, 5184 static synapses and 64 plastic synapses with 8 + 4 examples need "
                            "about")
                     != std::string::npos,
                 r.err.c_str());
        QVERIFY2(r.err.find("more than the 98 KiB of memory available (--force runs it anyway)") != std::string::npos,
                 r.err.c_str());
        QCOMPARE(lines(r.err), 1);
        QCOMPARE(model::readTextFile(dir + "/experiment.json"), before);
        r = scnnRun({"train", dir, "--layer", "1", "--force"});
        qunsetenv("SCNN_MEMORY_LIMIT");
        QVERIFY2(r.code == cli::ExitOk, r.err.c_str());
        QVERIFY2(r.err.find("scnn: warning: 1108 neurons") != std::string::npos, r.err.c_str());
        QCOMPARE(model::loadExperiment(dir).history.size(), std::size_t(1));
    }

    void binaryExitCodes()
    {
        const QString binary = QStringLiteral(SCNN_BINARY_DIR "/app/scnn");
        if (!QFile::exists(binary))
            QSKIP("the scnn binary is not built");
        auto run = [&](const QStringList& args, QByteArray* err = nullptr) {
            QProcess p;
            p.start(binary, args);
            if (!p.waitForFinished(60000))
                return -1;
            if (err)
                *err = p.readAllStandardError();
            return p.exitCode();
        };
        const QString dir = m_tmp.filePath(QStringLiteral("bin-exp"));
        QCOMPARE(run({QStringLiteral("new"), dir, QStringLiteral("--data"), QString::fromStdString(m_data),
                      QStringLiteral("--train-per-class"), QStringLiteral("2"),
                      QStringLiteral("--test-per-class"), QStringLiteral("1")}),
                 0);
        QCOMPARE(run({QStringLiteral("info"), dir, QStringLiteral("--json")}), 0);
        QByteArray err;
        QCOMPARE(run({QStringLiteral("info")}, &err), 2);
        QCOMPARE(err.count('\n'), 1);
        QCOMPARE(run({QStringLiteral("info"), m_tmp.filePath(QStringLiteral("missing"))}, &err), 3);
        QCOMPARE(err.count('\n'), 1);
        QCOMPARE(run({QStringLiteral("version")}), 0);
        QCOMPARE(run({}), 2);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
