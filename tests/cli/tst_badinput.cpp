// SPDX-License-Identifier: GPL-3.0-or-later
// Every scnn subcommand given bad arguments: one line naming what is wrong, the right exit code,
// and nothing written. The rows are the command-line part of docs/bad-input.md.
#include "app/cli/commands.h"
#include "clitestsupport.h"
#include "idxfixture.h"
#include "model/experiment.h"
#include "model/fileutil.h"

#include <nlohmann/json.hpp>

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <filesystem>
#include <functional>

using namespace scnn;
using nlohmann::json;
using JsonEdit = std::function<void(json&)>;
Q_DECLARE_METATYPE(JsonEdit)

class TestBadInput : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    std::string m_data;
    std::string m_exp;
    int m_folders = 0;
    std::string path(const char* n) const { return m_tmp.filePath(QString::fromUtf8(n)).toStdString(); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_data = path("data");
        QDir().mkpath(QString::fromStdString(m_data));
        test::writeSet(m_data, "train", std::vector<int>(10, 12), true, 28, 28);
        m_exp = path("exp");
        const test::Run r = test::scnnRun({"new", m_exp, "--data", m_data, "--train-per-class", "2",
                                           "--test-per-class", "1"});
        QVERIFY2(r.code == cli::ExitOk, r.err.c_str());
    }

    void badArguments_data()
    {
        QTest::addColumn<QStringList>("argv");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        const QString exp = QString::fromStdString(m_exp);
        const QString data = QString::fromStdString(m_data);
        const QString fresh = QString::fromStdString(path("fresh"));
        const QString py = QString::fromStdString(path("out.py"));
        auto row = [](const char* name, QStringList argv, int code, const char* message) {
            QTest::newRow(name) << argv << code << QString::fromUtf8(message);
        };
        const int usage = cli::ExitUsage, input = cli::ExitBadInput, fail = cli::ExitFailure;
        row("unknown command", {"frobnicate"}, usage, "scnn: unknown command 'frobnicate' (see 'scnn help')");
        row("version extra", {"version", "extra"}, usage, "scnn version: unexpected argument 'extra'");
        row("new: no folder", {"new"}, usage, "scnn new: missing DIR (usage: scnn new DIR");
        row("new: option without value", {"new", fresh, "--preset"}, usage,
            "scnn new: option --preset needs a value");
        row("new: unknown option", {"new", fresh, "--bogus"}, usage, "scnn new: unknown option --bogus");
        row("new: no data there", {"new", fresh, "--data", fresh + "/none"}, input,
            "/none: no train-images-idx3-ubyte[.gz] and train-labels-idx1-ubyte[.gz] of mnist in this folder");
        row("new: unknown dataset", {"new", fresh, "--data", data, "--dataset", "cifar"}, input,
            "scnn new: dataset: unknown dataset 'cifar' (known: mnist, fashion-mnist)");
        row("new: class twice", {"new", fresh, "--data", data, "--classes", "0,0"}, input,
            "scnn new: dataset: class 0 is selected twice");
        row("new: class 11", {"new", fresh, "--data", data, "--classes", "11"}, usage,
            "scnn new: --classes: 11 is outside 0 … 9");
        row("new: no classes", {"new", fresh, "--data", data, "--classes", ""}, usage, "scnn new: --classes is empty");
        row("new: negative count", {"new", fresh, "--data", data, "--train-per-class", "-1"}, usage,
            "scnn new: --train-per-class = -1 is outside 0 … 1000000");
        row("new: count not a number", {"new", fresh, "--data", data, "--train-per-class", "abc"}, usage,
            "scnn new: --train-per-class expects a whole number, got 'abc'");
        row("new: count beyond int", {"new", fresh, "--data", data, "--train-per-class", "99999999999"}, usage,
            "scnn new: --train-per-class = 99999999999 is outside 0 … 1000000");
        row("new: more than the data has", {"new", fresh, "--data", data, "--train-per-class", "12"}, input,
            "class 0 has 12 examples, 50 short of the 12 training + 50 held-out test examples asked for");
        row("new: negative seed", {"new", fresh, "--data", data, "--seed", "-5"}, usage,
            "scnn new: --seed = -5 is outside 0 … 9223372036854775807");
        row("new: unknown backend", {"new", fresh, "--data", data, "--backend", "quantum"}, usage,
            "scnn new: unknown backend 'quantum' (known: sim, sim:spinnaker, pynn:spinnaker, pynn:nest, pynn:brian2)");
        row("new: folder that cannot be made", {"new", "/proc/scnn-new", "--data", data, "--train-per-class", "2",
                                                 "--test-per-class", "1"},
            input, "scnn new: /proc/scnn-new: cannot create a temporary folder beside it: No such file or directory");
        row("new: folder holds an experiment", {"new", exp, "--data", data}, fail,
            "already holds an experiment; choose another folder");
        row("info: no folder", {"info"}, usage, "scnn info: missing DIR (usage: scnn info DIR [--json])");
        row("info: missing folder", {"info", fresh + "/none"}, input, "/none: does not exist");
        row("info: not an experiment", {"info", data}, input, "has no experiment.json; it is not an experiment folder");
        row("info: extra argument", {"info", exp, "extra"}, usage, "scnn info: unexpected argument 'extra'");
        row("info: unknown option", {"info", exp, "--bogus"}, usage, "scnn info: unknown option --bogus");
        row("import-seed: missing folder", {"import-seed", fresh + "/none", exp}, input, "/none: is not a folder");
        row("import-seed: no weight files", {"import-seed", data, exp}, input, "holds no w_layer_N weight files");
        row("bench: unknown network", {"bench", "--network", "nope"}, usage,
            "scnn bench: --network must be seed-inference, seed-training or large, not 'nope'");
        row("bench: unknown option", {"bench", "--bogus"}, usage, "scnn bench: unknown option --bogus");
        row("probe: no host", {"probe"}, usage, "scnn probe: missing board HOST[:PORT]");
        row("probe: empty host", {"probe", ":17893"}, usage, "scnn probe: board address ':17893' has no host");
        row("probe: port out of range", {"probe", "host:99999"}, usage,
            "scnn probe: board port '99999' is not a UDP port (1 … 65535)");
        row("probe: zero timeout", {"probe", "127.0.0.1", "--timeout-ms", "0"}, usage,
            "scnn probe: --timeout-ms = 0 is outside 1 … 600000");
        row("probe: negative attempts", {"probe", "127.0.0.1", "--attempts", "-1"}, usage,
            "scnn probe: --attempts = -1 is outside 1 … 100");
        row("listen: port out of range", {"listen", "--notify-port", "70000"}, usage,
            "scnn listen: --notify-port = 70000 is outside 0 … 65535");
        row("listen: negative time", {"listen", "--seconds", "-1"}, usage,
            "scnn listen: --seconds = -1 is outside 0.001 … 1e+07");
        row("listen: allow not an address", {"listen", "--allow", "not-an-ip", "--seconds", "0.01"}, fail,
            "scnn listen: allowed sender: 'not-an-ip' is not a numeric IP address");
        row("listen: bind not an address", {"listen", "--bind", "999.1.1.1", "--seconds", "0.01"}, fail,
            "scnn listen: live receiver bind address: '999.1.1.1' is not a numeric IP address");
        row("listen: database missing", {"listen", "--database", fresh + "/none.sqlite3", "--seconds", "0.01"}, fail,
            "none.sqlite3: no such file (the path announced by the toolchain must be readable here)");
        row("export-pynn: no phase", {"export-pynn", exp}, usage, "scnn export-pynn: --phase layer:N|svm|test is required");
        row("export-pynn: unknown phase", {"export-pynn", exp, "--phase", "bogus", "--target", "brian2", "-o", py},
            usage, "scnn export-pynn: --phase must be layer:N, svm or test, not 'bogus'");
        row("export-pynn: unknown target", {"export-pynn", exp, "--phase", "svm", "--target", "cray", "-o", py}, usage,
            "scnn export-pynn: unknown PyNN target 'cray' (known: spinnaker, nest, brian2)");
        row("export-pynn: layer beyond the network",
            {"export-pynn", exp, "--phase", "layer:9", "--target", "brian2", "-o", py}, input,
            "scnn export-pynn: train layer 9: the network has 1 layers");
        row("export-pynn: zero neurons per core",
            {"export-pynn", exp, "--phase", "layer:1", "--target", "spinnaker", "-o", py, "--neurons-per-core", "0"},
            usage, "scnn export-pynn: --neurons-per-core = 0 is outside 1 … 256");
        row("train: no layer", {"train", exp}, usage, "scnn train: --layer N or --layer svm is required");
        row("train: layer 0", {"train", exp, "--layer", "0"}, usage, "scnn train: --layer = 0 is outside 1 … 9999");
        row("train: layer beyond the network", {"train", exp, "--layer", "2"}, input,
            "scnn train: train layer 2: the network has 1 layers");
        row("train: layer not a number", {"train", exp, "--layer", "abc"}, usage,
            "scnn train: --layer expects a whole number, got 'abc'");
        row("train: zero replicas", {"train", exp, "--layer", "1", "--replicas", "0"}, usage,
            "scnn train: --replicas = 0 is outside 1 … 64");
        row("train: negative threads", {"train", exp, "--layer", "1", "--threads", "-1"}, usage,
            "scnn train: --threads = -1 is outside 0 … 1024");
        row("train: svm before the layers", {"train", exp, "--layer", "svm"}, input,
            "scnn train: rebuild: layer 1 has not been trained yet (train it first)");
        row("test: no svm yet", {"test", exp}, input, "scnn test: test: there is no trained SVM yet (run the svm phase first)");
        row("run: missing folder", {"run", fresh + "/none"}, input, "/none: does not exist");
        row("run: too many threads", {"run", exp, "--threads", "5000"}, usage,
            "scnn run: --threads = 5000 is outside 0 … 1024");
        row("train: unknown backend", {"train", exp, "--layer", "1", "--backend", "quantum"}, usage,
            "scnn train: unknown backend 'quantum' (known: sim, sim:spinnaker, pynn:spinnaker, pynn:nest, pynn:brian2)");
        row("run: zero neurons per core", {"run", exp, "--neurons-per-core", "0"}, usage,
            "scnn run: --neurons-per-core = 0 is outside 1 … 256");
        row("run: time scale factor 0", {"run", exp, "--time-scale-factor", "0"}, usage,
            "scnn run: --time-scale-factor = 0 is outside 1 … 10000");
        row("train: board version 7", {"train", exp, "--layer", "1", "--board-version", "7"}, usage,
            "scnn train: --board-version = 7 is outside 3 … 5");
        row("baseline: missing folder", {"baseline", fresh + "/none"}, input, "/none: does not exist");
    }

    /// Experiment folders with a bad field or file, through the command that reads it.
    void badFolders_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<JsonEdit>("edit");
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        const QString info = QStringLiteral("info");
        const JsonEdit none = [](json&) {};
        QTest::newRow("unknown backend") << QStringLiteral("run") << JsonEdit([](json& j) { j["backend"] = "quantum"; })
                                         << QString() << QByteArray() << int(cli::ExitBadInput)
                                         << QStringLiteral("experiment.json backend: unknown backend 'quantum' (known: "
                                                           "sim, sim:spinnaker, pynn:spinnaker, pynn:nest, pynn:brian2)");
        QTest::newRow("more examples than the data has")
            << QStringLiteral("run") << JsonEdit([](json& j) { j["dataset"]["train_per_class"] = 20; }) << QString()
            << QByteArray() << int(cli::ExitBadInput)
            << QStringLiteral("train-labels-idx1-ubyte.gz: class 0 has 12 examples, 9 short of the 20 training + 1 "
                              "held-out test examples asked for");
        QTest::newRow("number beyond double") << info << JsonEdit([](json& j) { j["seed"] = "@1e400@"; }) << QString()
                                              << QByteArray() << int(cli::ExitBadInput)
                                              << QStringLiteral("is not valid JSON: [json.exception.out_of_range.406] "
                                                                "number overflow parsing '1e400'");
        QTest::newRow("array path leaves the folder")
            << info << JsonEdit([](json& j) { j["arrays"]["../../etc/passwd.npy"] = {{"dtype", "<f4"}, {"shape", {1}}}; })
            << QString() << QByteArray() << int(cli::ExitBadInput)
            << QStringLiteral("array name '../../etc/passwd.npy' must be a relative path of names made of letters, "
                              "digits, _ . -");
        QTest::newRow("too large for memory")
            << info << JsonEdit([](json& j) {
                   auto& layers = j["model"]["layers"];
                   layers[0]["kernels"] = 1024;
                   layers[0]["kernel"] = {1, 1};
                   layers[0]["stride"] = 1;
                   layers.push_back(layers[0]);
               })
            << QString() << QByteArray() << int(cli::ExitBadInput)
            << QStringLiteral("field model: network: 1606416 neurons and 822886400 synapses need about 12654 MiB, "
                              "more than the 8192 MiB allowed");
        QTest::newRow("log under another name") << info << JsonEdit([](json& j) { j["log"] = "other.txt"; })
                                                << QString() << QByteArray() << int(cli::ExitBadInput)
                                                << QStringLiteral("field log: expected \"log.txt\" or null");
        QTest::newRow("binary log is only text") << info << none << QStringLiteral("log.txt")
                                                 << QByteArray("\x00\x01\xff\xfe log", 9) << int(cli::ExitOk)
                                                 << QString();
        QTest::newRow("empty svm.model") << info << JsonEdit([](json& j) { j["svm"] = "svm.model"; })
                                         << QStringLiteral("svm.model") << QByteArray() << int(cli::ExitBadInput)
                                         << QStringLiteral("svm.model: is empty");
        QTest::newRow("svm.model missing") << info << JsonEdit([](json& j) { j["svm"] = "svm.model"; }) << QString()
                                           << QByteArray() << int(cli::ExitBadInput)
                                           << QStringLiteral("field svm: the SVM file");
    }

    void badFolders()
    {
        QFETCH(QString, command);
        QFETCH(JsonEdit, edit);
        QFETCH(QString, file);
        QFETCH(QByteArray, content);
        QFETCH(int, code);
        QFETCH(QString, message);
        const std::string dir = path("folder-") + std::to_string(++m_folders);
        std::filesystem::copy(m_exp, dir, std::filesystem::copy_options::recursive);
        json j = json::parse(model::readTextFile(dir + "/experiment.json"));
        edit(j);
        std::string text = j.dump(1);
        for (std::size_t at; (at = text.find("\"@")) != std::string::npos;) // an unquoted raw number
            text.replace(at, text.find("@\"", at) + 2 - at, text.substr(at + 2, text.find("@\"", at) - at - 2));
        model::writeFileAtomic(dir + "/experiment.json", text);
        if (!file.isEmpty())
            model::writeFileAtomic(dir + "/" + file.toStdString(), content.toStdString());
        const test::Run r = test::scnnRun({command.toStdString(), dir});
        QVERIFY2(r.code == code, (std::to_string(r.code) + ": " + r.err).c_str());
        QVERIFY2(r.err.find(message.toStdString()) != std::string::npos, r.err.c_str());
        QVERIFY2(std::count(r.err.begin(), r.err.end(), '\n') <= 1, r.err.c_str());
    }

    void badArguments()
    {
        QFETCH(QStringList, argv);
        QFETCH(int, code);
        QFETCH(QString, message);
        std::vector<std::string> args;
        for (const QString& a : argv)
            args.push_back(a.toStdString());
        const std::string before = model::readTextFile(m_exp + "/experiment.json");
        const test::Run r = test::scnnRun(args);
        QVERIFY2(r.code == code, (std::to_string(r.code) + ": " + r.err).c_str());
        QVERIFY2(r.err.find(message.toStdString()) != std::string::npos, r.err.c_str());
        QVERIFY2(std::count(r.err.begin(), r.err.end(), '\n') <= 2, r.err.c_str()); // a line (and a progress note)
        QCOMPARE(model::readTextFile(m_exp + "/experiment.json"), before);
        QVERIFY(!std::filesystem::exists(path("fresh")));
    }
};

QTEST_GUILESS_MAIN(TestBadInput)
#include "tst_badinput.moc"
