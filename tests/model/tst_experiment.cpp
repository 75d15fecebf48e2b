// SPDX-License-Identifier: GPL-3.0-or-later
// Experiment folders: round trips, atomic re-saves, and a clear error for every kind of corruption.
#include "model/error.h"
#include "model/experiment.h"
#include "model/fileutil.h"
#include "model/presets.h"
#include "testsupport.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <filesystem>
#include <functional>
#include <limits>

using namespace scnn::model;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

/// A seed experiment with weights, a recording, an SVM, history and a log.
Experiment richExperiment()
{
    Experiment e = makePreset("seed");
    std::vector<float> w(64);
    for (int i = 0; i < 64; ++i)
        w[std::size_t(i)] = float(i) / 64.0f;
    e.setWeights(0, w);
    e.setWeights(0, std::vector<float>(64, 0.3f), true);
    e.arrays["recordings/layer1_spikes.npy"] = NpyArray::fromInt64({3, 2}, {0, 5, 3, 7, 1, 9});
    e.arrays["features/train.npy"] = NpyArray::fromDouble({2, 2}, {0.5, 1.5, 2.5, 3.5});
    e.svmModel = "svm_type c_svc\nkernel_type linear\nnr_class 4\n";
    e.history.push_back({"train layer 1", "2026-01-02T03:04:05Z", 12.5, 400, std::nullopt, "rate code"});
    e.history.push_back({"test", "2026-01-02T03:10:00Z", 1.25, 200, 0.875, ""});
    e.addLog("created from preset seed");
    e.extra["future_section"] = {{"x", 1}};
    return e;
}

std::string slurp(const std::string& p)
{
    return readTextFile(p);
}

} // namespace

class TestExperiment : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    std::string dir(const char* n) const { return m_tmp.filePath(QString::fromUtf8(n)).toStdString(); }

    void expectLoadError(const std::string& d, const std::string& part, const std::string& where = {})
    {
        try {
            loadExperiment(d);
            QFAIL(("loaded a broken experiment; expected: " + part).c_str());
        } catch (const Error& e) {
            const std::string m = e.what();
            QVERIFY2(m.find(part) != std::string::npos, m.c_str());
            if (!where.empty())
                QVERIFY2(e.where().find(where) != std::string::npos, m.c_str());
        }
    }

private slots:
    void roundTrip()
    {
        const Experiment e = richExperiment();
        saveExperiment(e, dir("round"));
        const Experiment back = loadExperiment(dir("round"));
        QCOMPARE(back.network.layers.size(), std::size_t(1));
        QVERIFY(back.network == e.network);
        QVERIFY(back.dataset == e.dataset);
        QCOMPARE(back.history.size(), std::size_t(2));
        QVERIFY(back.history == e.history);
        QVERIFY(back.arrays == e.arrays);
        QCOMPARE(back.svmModel, e.svmModel);
        QCOMPARE(back.log, e.log);
        QVERIFY(back.extra == e.extra);
        QVERIFY(back == e);
        QVERIFY(QFile::exists(QString::fromStdString(dir("round") + "/weights/layer1.npy")));
        const json j = json::parse(slurp(dir("round") + "/experiment.json"));
        QVERIFY(j["format_version"].get<int>() == Experiment::formatVersion);
        QVERIFY(j["model"]["layers"][0]["train"]["tau_refrac"].get<double>() == 2060.0);
        QVERIFY(j["arrays"]["weights/layer1.npy"]["shape"] == json({4, 1, 4, 4}));
    }

    void deeperModelRoundTrip()
    {
        Experiment e = makePreset("seed");
        e.network.input = {28, 28, 2};
        e.network.layers = {Layer::conv(6, 5, 1, 0), Layer::pool(2, 2), Layer::conv(3, 3, 2, 1)};
        e.network.layers[2].perChannel = true;
        e.network.layers[2].params.stdp.rule = StdpRule::Multiplicative;
        e.network.classifier.kind = ClassifierSpec::Kind::Rbf;
        e.network.encoding.kind = EncodingKind::Poisson;
        e.network.encoding.differenceOfGaussians = true;
        e.network.timing.dt = 0.1;
        e.dataset.name = "fashion-mnist";
        e.dataset.classes = {3, 9};
        e.dataset.validation = true;
        e.seed = 123456789012345ULL;
        e.backend = "spinnaker";
        QCOMPARE(weightsShape(e.network, 2), (std::vector<std::int64_t>{3, 1, 3, 3}));
        QCOMPARE(weightsShape(e.network, 0), (std::vector<std::int64_t>{6, 2, 5, 5}));
        e.setWeights(2, std::vector<float>(27, 0.5f));
        QVERIFY_THROWS_EXCEPTION(Error, e.setWeights(1, {}));
        saveExperiment(e, dir("deep"));
        QVERIFY(loadExperiment(dir("deep")) == e);
    }

    void resaveIsAtomicAndKeepsForeignFiles()
    {
        Experiment e = richExperiment();
        const std::string d = dir("resave");
        saveExperiment(e, d);
        writeFileAtomic(d + "/notes.txt", "my notes\n");
        e.arrays.erase("features/train.npy");
        e.history.push_back({"svm", "2026-01-02T03:05:00Z", 0.5, 400, 0.9, ""});
        saveExperiment(e, d);
        QCOMPARE(slurp(d + "/notes.txt"), std::string("my notes\n"));
        QVERIFY(!fs::exists(d + "/features/train.npy"));   // no longer part of the experiment
        QVERIFY(loadExperiment(d) == e);
        // No temporary folders are left beside it.
        for (const auto& entry : fs::directory_iterator(m_tmp.path().toStdString()))
            QVERIFY2(entry.path().filename().string().find(".tmp-") == std::string::npos,
                     entry.path().c_str());
    }

    void failedSaveLeavesOldFolder()
    {
        Experiment e = richExperiment();
        const std::string d = dir("failsafe");
        saveExperiment(e, d);
        const std::string before = slurp(d + "/experiment.json");
        Experiment bad = e;
        bad.arrays["weights/layer1.npy"] = NpyArray::fromFloat({2}, {1, 2}); // does not fit the model
        QVERIFY_THROWS_EXCEPTION(Error, saveExperiment(bad, d));
        bad = e;
        bad.arrays["../escape.npy"] = NpyArray::fromFloat({1}, {1});
        QVERIFY_THROWS_EXCEPTION(Error, saveExperiment(bad, d));
        QCOMPARE(slurp(d + "/experiment.json"), before);
        QVERIFY(loadExperiment(d) == e);
    }

    void refusesToReplaceOtherFolders()
    {
        const std::string d = dir("not-an-experiment");
        QDir().mkpath(QString::fromStdString(d));
        writeFileAtomic(d + "/thesis.tex", "precious");
        try {
            saveExperiment(makePreset("seed"), d);
            QFAIL("replaced a folder that is not an experiment");
        } catch (const Error& err) {
            QVERIFY2(std::string(err.what()).find("refusing") != std::string::npos, err.what());
        }
        QCOMPARE(slurp(d + "/thesis.tex"), std::string("precious"));
    }

    void arrayKeys()
    {
        validateArrayKey("weights/layer1.npy");
        validateArrayKey("recordings/run-2/spikes_0.npy");
        for (const char* bad : {"/abs.npy", "../up.npy", "a/../b.npy", "w.txt", "a//b.npy", ".npy", "a b.npy"})
            QVERIFY_THROWS_EXCEPTION(Error, validateArrayKey(bad));
    }

    /// NaN or infinite kernels would run as garbage: refused on save and on open, naming the weight.
    void nonFiniteWeights()
    {
        Experiment e = richExperiment();
        const std::string d = dir("nanweights");
        saveExperiment(e, d);
        std::vector<float> w(64, 0.5f);
        w[5] = std::numeric_limits<float>::quiet_NaN();
        e.arrays[weightsKey(0)] = NpyArray::fromFloat({4, 1, 4, 4}, w);
        QVERIFY_THROWS_EXCEPTION(Error, saveExperiment(e, d));
        writeNpy(d + "/weights/layer1.npy", e.arrays[weightsKey(0)]);
        expectLoadError(d, "weight 5 is NaN; weights must be finite numbers", "weights/layer1.npy");
        w[5] = std::numeric_limits<float>::infinity();
        writeNpy(d + "/weights/layer1.npy", NpyArray::fromFloat({4, 1, 4, 4}, w));
        expectLoadError(d, "weight 5 is infinite", "weights/layer1.npy");
    }

    void notAnExperiment()
    {
        expectLoadError(dir("missing"), "does not exist");
        QDir().mkpath(m_tmp.filePath(QStringLiteral("empty")));
        expectLoadError(dir("empty"), "has no experiment.json");
    }

    void corrupted_data()
    {
        QTest::addColumn<int>("row"); // index into the edit table below
        QTest::addColumn<QString>("expect");
        QTest::newRow("missing key") << 0 << "field model.layers[0].stride: missing";
        QTest::newRow("wrong type") << 1 << "field seed: expected a non-negative whole number, got string";
        QTest::newRow("out of range") << 2 << "field model.layers[0].train.tau_m: -1 is outside";
        QTest::newRow("newer format") << 3 << "newer version";
        QTest::newRow("unknown layer") << 4 << "unknown layer type 'dense'";
        QTest::newRow("unknown param") << 5 << "field model.layers[0].train.tau_mm: unknown parameter";
        QTest::newRow("bad class") << 6 << "field dataset.classes[1]: 12 is outside 0 … 9";
        QTest::newRow("kernel too big") << 7 << "field model: layer 1 (conv)";
        QTest::newRow("bad time") << 8 << "field history[0].started: 'yesterday'";
        QTest::newRow("accuracy") << 9 << "field history[1].accuracy: 1.5 is outside 0 … 1";
        QTest::newRow("manifest shape") << 10 << "but experiment.json lists <f4 (4, 1, 2, 8)";
        QTest::newRow("model changed") << 11 << "does not fit layer 1, which needs (kernels, channels, kh, kw) = (5, 1, 4, 4)";
        QTest::newRow("bad key") << 12 << "must be a relative path";
        QTest::newRow("no model") << 13 << "field model: missing";
        QTest::newRow("v_reset above threshold") << 14 << "field model: layer 1 (conv) training neurons";
        QTest::newRow("array of ints") << 15 << "field model.input[0]: expected a whole number, got 28.5";
        QTest::newRow("top level not object") << 16 << "top level: expected an object";
        QTest::newRow("bad encoding") << 17 << "field model.encoding.kind";
    }

    void corrupted()
    {
        QFETCH(int, row);
        QFETCH(QString, expect);
        using Edit = std::function<void(json&)>;
        const std::vector<Edit> edits = {
            [](json& j) { j["model"]["layers"][0].erase("stride"); },
            [](json& j) { j["seed"] = "one"; },
            [](json& j) { j["model"]["layers"][0]["train"]["tau_m"] = -1; },
            [](json& j) { j["format_version"] = 99; },
            [](json& j) { j["model"]["layers"][0]["type"] = "dense"; },
            [](json& j) { j["model"]["layers"][0]["train"]["tau_mm"] = 1; },
            [](json& j) { j["dataset"]["classes"] = {0, 12}; },
            [](json& j) { j["model"]["input"] = {3, 3, 1}; },
            [](json& j) { j["history"][0]["started"] = "yesterday"; },
            [](json& j) { j["history"][1]["accuracy"] = 1.5; },
            [](json& j) { j["arrays"]["weights/layer1.npy"]["shape"] = {4, 1, 2, 8}; },
            [](json& j) { j["model"]["layers"][0]["kernels"] = 5; },
            [](json& j) { j["arrays"]["../x.npy"] = {{"dtype", "<f4"}, {"shape", {1}}}; },
            [](json& j) { j.erase("model"); },
            [](json& j) { j["model"]["layers"][0]["train"]["v_reset"] = 0.0; },
            [](json& j) { j["model"]["input"] = {28.5, 28, 1}; },
            [](json& j) { j = json::array(); },
            [](json& j) { j["model"]["encoding"]["kind"] = "morse"; },
        };
        const std::string d = dir(("corrupt" + std::to_string(row)).c_str());
        saveExperiment(richExperiment(), d);
        json j = json::parse(slurp(d + "/experiment.json"));
        edits[std::size_t(row)](j);
        writeFileAtomic(d + "/experiment.json", j.dump(1));
        try {
            loadExperiment(d);
            QFAIL("loaded a corrupted experiment");
        } catch (const Error& e) {
            const std::string m = e.what();
            QVERIFY2(m.find(expect.toStdString()) != std::string::npos, m.c_str());
            QVERIFY2(m.find(d) == 0, m.c_str()); // names the file
        }
    }

    void brokenFiles()
    {
        const std::string d = dir("broken");
        saveExperiment(richExperiment(), d);
        const std::string good = slurp(d + "/experiment.json");

        writeFileAtomic(d + "/experiment.json", good.substr(0, good.size() / 2));
        expectLoadError(d, "is not valid JSON", d + "/experiment.json");
        writeFileAtomic(d + "/experiment.json", good);

        fs::remove(d + "/recordings/layer1_spikes.npy");
        expectLoadError(d, "recordings/layer1_spikes.npy is missing");
        saveExperiment(richExperiment(), d);

        const std::string w = slurp(d + "/weights/layer1.npy");
        writeFileAtomic(d + "/weights/layer1.npy", w.substr(0, w.size() - 4));
        expectLoadError(d, "truncated", d + "/weights/layer1.npy");
        saveExperiment(richExperiment(), d);

        fs::remove(d + "/svm.model");
        expectLoadError(d, "svm.model is missing");
        saveExperiment(richExperiment(), d);
        loadExperiment(d);
    }
};

QTEST_GUILESS_MAIN(TestExperiment)
#include "tst_experiment.moc"
