// SPDX-License-Identifier: GPL-3.0-or-later
// The SVM readout: separable data, degenerate input, save/load, determinism; metrics.
#include "model/error.h"
#include "model/metrics.h"
#include "model/svm.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include <fstream>
#include <random>

using namespace scnn::model;

namespace {

/// `perClass` points around a centre per class in `dims` dimensions; well
/// separated (centres 10 apart, spread 1) unless `spread` is large.
void blobs(int classes, int perClass, int dims, double spread, std::uint64_t seed, Features& x,
           std::vector<int>& y)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> noise(0.0, spread);
    x = Features(classes * perClass, dims);
    y.clear();
    for (int i = 0; i < classes * perClass; ++i) {
        const int c = i % classes;
        for (int d = 0; d < dims; ++d)
            x.at(i, d) = float((d % classes == c ? 10.0 : 0.0) + noise(rng));
        y.push_back(c * 3 + 1); // labels need not be 0 … n−1
    }
}

} // namespace

class TestSvm : public QObject
{
    Q_OBJECT

private slots:
    void separatesToySet_data()
    {
        QTest::addColumn<int>("kernel");
        QTest::addColumn<int>("classes");
        QTest::newRow("linear 2") << int(SvmOptions::Kernel::Linear) << 2;
        QTest::newRow("linear 4") << int(SvmOptions::Kernel::Linear) << 4;
        QTest::newRow("rbf 4") << int(SvmOptions::Kernel::Rbf) << 4;
    }

    void separatesToySet()
    {
        QFETCH(int, kernel);
        QFETCH(int, classes);
        Features x, xt;
        std::vector<int> y, yt;
        blobs(classes, 30, 6, 1.0, 1, x, y);
        blobs(classes, 20, 6, 1.0, 2, xt, yt);
        SvmOptions o;
        o.kernel = SvmOptions::Kernel(kernel);
        const Svm svm = Svm::train(x, y, o);
        QVERIFY(svm.c() > 0.0);
        QCOMPARE(int(svm.cvCurve().size()), 7);
        QCOMPARE(accuracy(y, svm.predict(x)), 1.0);
        QCOMPARE(accuracy(yt, svm.predict(xt)), 1.0);
        QCOMPARE(int(svm.classes().size()), classes);
    }

    void noisyIsNotPerfectButBetterThanChance()
    {
        Features x;
        std::vector<int> y;
        blobs(2, 100, 4, 8.0, 3, x, y);
        const auto cv = Svm::crossValidate(x, y, SvmOptions{});
        for (const CvPoint& p : cv) {
            QVERIFY2(p.accuracy > 0.6, "cross-validation should beat chance");
            QVERIFY2(p.accuracy < 1.0, "overlapping blobs cannot be separated");
        }
    }

    void degenerateInput()
    {
        Features x(10, 3);
        std::vector<int> one(10, 7);
        try {
            Svm::train(x, one, SvmOptions{});
            QFAIL("one class must be refused");
        } catch (const Error& e) {
            QVERIFY2(std::string(e.what()).find("only one class") != std::string::npos, e.what());
        }
        Features empty(10, 0);
        std::vector<int> two{0, 1, 0, 1, 0, 1, 0, 1, 0, 1};
        try {
            Svm::train(empty, two, SvmOptions{});
            QFAIL("zero features must be refused");
        } catch (const Error& e) {
            QVERIFY2(std::string(e.what()).find("zero columns") != std::string::npos, e.what());
        }
        QVERIFY_THROWS_EXCEPTION(Error, Svm::train(Features(0, 3), {}, SvmOptions{}));
        QVERIFY_THROWS_EXCEPTION(Error, Svm::train(x, {0, 1}, SvmOptions{}));
        Features nan(2, 1);
        nan.at(0, 0) = std::numeric_limits<float>::quiet_NaN();
        QVERIFY_THROWS_EXCEPTION(Error, Svm::train(nan, {0, 1}, SvmOptions{}));
        // All-zero features still train (constant columns scale to 0) without crashing.
        const Svm flat = Svm::train(Features(10, 3), two, SvmOptions{});
        QCOMPARE(int(flat.predict(Features(4, 3)).size()), 4);
        QVERIFY_THROWS_EXCEPTION(Error, flat.predict(Features(4, 2)));
    }

    void saveLoadRoundTrip_data()
    {
        QTest::addColumn<int>("kernel");
        QTest::newRow("linear") << int(SvmOptions::Kernel::Linear);
        QTest::newRow("rbf") << int(SvmOptions::Kernel::Rbf);
    }

    void saveLoadRoundTrip()
    {
        QFETCH(int, kernel);
        Features x, xt;
        std::vector<int> y, yt;
        blobs(3, 40, 5, 4.0, 4, x, y);
        blobs(3, 40, 5, 4.0, 5, xt, yt);
        SvmOptions o;
        o.kernel = SvmOptions::Kernel(kernel);
        const Svm svm = Svm::train(x, y, o);
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("svm.model")).toStdString();
        svm.save(path);
        const nlohmann::json scaling = nlohmann::json::parse(svm.standardizer().toJson().dump());
        const Svm back = Svm::load(path, Standardizer::fromJson(scaling, "test"), o.kernel);
        QCOMPARE(back.predict(xt), svm.predict(xt));
        QCOMPARE(back.classes(), svm.classes());
    }

    void loadErrorsNameTheFile()
    {
        QTemporaryDir dir;
        const std::string missing = dir.filePath(QStringLiteral("none.model")).toStdString();
        try {
            Svm::load(missing, Standardizer{});
            QFAIL("missing file must throw");
        } catch (const Error& e) {
            QCOMPARE(e.where(), missing);
        }
        const std::string garbage = dir.filePath(QStringLiteral("bad.model")).toStdString();
        std::ofstream(garbage) << "solver_type NONSENSE\nnr_class x\n";
        try {
            Svm::load(garbage, Standardizer{});
            QFAIL("garbage must throw");
        } catch (const Error& e) {
            QCOMPARE(e.where(), garbage);
        }
        QVERIFY_THROWS_EXCEPTION(Error, Standardizer::fromJson(nlohmann::json{{"kind", "x"}}, "t"));
    }

    void deterministicOverThreads()
    {
        Features x;
        std::vector<int> y;
        blobs(3, 50, 6, 5.0, 6, x, y);
        SvmOptions one;
        one.threads = 1;
        SvmOptions two = one;
        two.threads = 2;
        const auto a = Svm::crossValidate(x, y, one);
        const auto b = Svm::crossValidate(x, y, two);
        QCOMPARE(a.size(), b.size());
        for (std::size_t i = 0; i < a.size(); ++i)
            QCOMPARE(a[i].accuracy, b[i].accuracy);
        QCOMPARE(Svm::train(x, y, one).predict(x), Svm::train(x, y, two).predict(x));
    }

    void metrics()
    {
        const std::vector<int> truth{0, 0, 0, 1, 1, 7};
        const std::vector<int> pred{0, 0, 1, 1, 7, 7};
        const ClassificationReport r = classificationReport(truth, pred);
        QCOMPARE(r.classes, (std::vector<int>{0, 1, 7}));
        QCOMPARE(r.confusion[0], (std::vector<std::int64_t>{2, 1, 0}));
        QCOMPARE(r.confusion[1], (std::vector<std::int64_t>{0, 1, 1}));
        QCOMPARE(r.confusion[2], (std::vector<std::int64_t>{0, 0, 1}));
        QCOMPARE(r.accuracy(), 4.0 / 6.0);
        QCOMPARE(r.precision[0], 1.0);
        QCOMPARE(r.recall[0], 2.0 / 3.0);
        QCOMPARE(r.precision[1], 0.5);
        QCOMPARE(r.precision[2], 0.5);
        QCOMPARE(r.recall[2], 1.0);
        const ClassificationReport back = ClassificationReport::fromJson(r.toJson(), "t");
        QCOMPARE(back.confusion, r.confusion);
        QVERIFY_THROWS_EXCEPTION(Error, accuracy({1, 2}, {1}));
        QVERIFY_THROWS_EXCEPTION(Error, classificationReport({}, {}));
        QVERIFY(formatReport(r).find("accuracy 0.6667") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestSvm)
#include "tst_svm.moc"
