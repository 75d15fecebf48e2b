// SPDX-License-Identifier: GPL-3.0-or-later
// Import of the original w_layer_N files and the preset registry.
#include "model/error.h"
#include "model/fileutil.h"
#include "model/presets.h"
#include "model/seedimport.h"
#include "testsupport.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace scnn::model;

namespace {

/// `rows` rows of `perRow` values v = 0.01·(row·perRow + i), each ending in a comma.
std::string weightText(int rows, int perRow)
{
    std::string s;
    for (int r = 0; r < rows; ++r) {
        for (int i = 0; i < perRow; ++i)
            s += std::to_string(0.01 * (r * perRow + i)) + ",";
        s += "\n";
    }
    return s;
}

} // namespace

class TestSeedImport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    int m_n = 0;

    /// A fresh model folder with the given w_layer_N files.
    std::string modelDir(const std::vector<std::pair<int, std::string>>& files)
    {
        const std::string d = m_tmp.filePath(QStringLiteral("model%1").arg(++m_n)).toStdString();
        QDir().mkpath(QString::fromStdString(d));
        for (const auto& [n, text] : files)
            writeFileAtomic(d + "/w_layer_" + std::to_string(n), text);
        return d;
    }

    void expectImportError(Experiment e, const std::string& dir, const std::string& part)
    {
        const Experiment before = e;
        try {
            importSeedWeights(e, dir);
            QFAIL(("imported files that do not fit; expected: " + part).c_str());
        } catch (const Error& err) {
            QVERIFY2(std::string(err.what()).find(part) != std::string::npos, err.what());
        }
        QVERIFY(e == before); // nothing changed
    }

private slots:
    void presetRegistry()
    {
        const Experiment e = makePreset("seed");
        QCOMPARE(e.network.shapes().back(), (Shape{9, 9, 4}));
        QCOMPARE(e.dataset.classes, (std::vector<int>{0, 1, 7, 8}));
        QCOMPARE(e.network.layers[0].params.train.tauRefrac, 2060.0);
        QCOMPARE(e.network.layers[0].params.rebuild.vThresh, -10.0);
        QVERIFY(e.network.encoding.kind == EncodingKind::RateRegular);
        validate(e);
        QVERIFY(presetNames().size() >= 3);
        QVERIFY_THROWS_EXCEPTION(Error, makePreset("nonsense"));
        try {
            makePreset("nonsense");
        } catch (const Error& err) {
            QVERIFY2(std::string(err.what()).find("known: seed") != std::string::npos, err.what());
        }
    }

    void importsSeedWeights()
    {
        Experiment e = makePreset("seed");
        std::string text = weightText(4, 16);
        text += "\n"; // a blank line at the end is fine
        const auto imported = importSeedWeights(e, modelDir({{1, text}}));
        QCOMPARE(imported.size(), std::size_t(1));
        const NpyArray* w = e.weights(0);
        QVERIFY(w);
        QCOMPARE(w->shape, (std::vector<std::int64_t>{4, 1, 4, 4}));
        const auto v = w->toDouble();
        QVERIFY(scnn::test::near(v[17], 0.17, 1e-6)); // kernel 1, row 0, col 1
        QVERIFY(scnn::test::near(v[63], 0.63, 1e-6));
        QCOMPARE(e.history.back().phase, std::string("import seed weights"));
        QVERIFY(e.log.find("w_layer_1") != std::string::npos);
        // Without trailing commas, with spaces and CRLF line ends.
        Experiment f = makePreset("seed");
        std::string plain;
        for (int r = 0; r < 4; ++r) {
            for (int i = 0; i < 16; ++i)
                plain += (i ? ", " : "") + std::to_string(-0.5 + i * 0.0625);
            plain += "\r\n";
        }
        importSeedWeights(f, modelDir({{1, plain}}));
        QCOMPARE(f.weights(0)->toDouble()[15], 0.4375);
    }

    void twoLayers()
    {
        Experiment e = makePreset("seed");
        e.network.layers.push_back(Layer::conv(2, 3, 1, 1));
        // (9,9,4) input: standard kernels need 3·3·4 = 36 values per row.
        expectImportError(e, modelDir({{1, weightText(4, 16)}, {2, weightText(2, 9)}}),
                          "rows have 9 values, but each kernel of layer 2 has 3x3x4 = 36 weights (the "
                          "original's per-channel kernels would fit");
        importSeedWeights(e, modelDir({{1, weightText(4, 16)}, {2, weightText(2, 36)}}));
        QCOMPARE(e.weights(1)->shape, (std::vector<std::int64_t>{2, 4, 3, 3}));
        e.network.layers[1].perChannel = true;
        e.arrays.clear();
        importSeedWeights(e, modelDir({{1, weightText(4, 16)}, {2, weightText(2, 9)}}));
        QCOMPARE(e.weights(1)->shape, (std::vector<std::int64_t>{2, 1, 3, 3}));
    }

    void doesNotFit()
    {
        const Experiment e = makePreset("seed");
        expectImportError(e, modelDir({{1, weightText(3, 16)}}),
                          "has 3 rows (kernels), but layer 1 has 4 kernels");
        expectImportError(e, modelDir({{1, weightText(4, 9)}}),
                          "rows have 9 values, but each kernel of layer 1 has 4x4 weights");
        expectImportError(e, modelDir({{1, weightText(4, 16)}, {2, weightText(4, 16)}}),
                          "the model has 1 convolution layer(s), so there is no layer 2");
        expectImportError(e, modelDir({}), "holds no w_layer_N weight files");
        expectImportError(e, modelDir({{1, "0.1,0.2\n0.3,abc,\n"}}), "line 2, column 5: 'abc' is not a number");
        expectImportError(e, modelDir({{1, "0.1,0.2\n0.3\n"}}), "line 2 has 1 values, the first row has 2");
        expectImportError(e, modelDir({{1, "0.1,,0.2\n"}}), "line 1, column 5: empty value");
        expectImportError(e, modelDir({{1, "\n\n"}}), "holds no weights");
        expectImportError(e, m_tmp.filePath(QStringLiteral("nope")).toStdString(), "is not a folder");
    }
};

QTEST_GUILESS_MAIN(TestSeedImport)
#include "tst_seedimport.moc"
