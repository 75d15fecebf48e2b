// SPDX-License-Identifier: GPL-3.0-or-later
// Dataset location, reproducible draws without replacement, held-out splits and shortages.
#include "model/dataset.h"
#include "model/error.h"
#include "model/idx.h"
#include "idxfixture.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <map>
#include <set>

using namespace scnn::model;

using scnn::test::writeSet;

namespace {

int indexOf(const Examples& ex, int i)
{
    return ex.image(i)[0] | (ex.image(i)[1] << 8);
}

std::map<int, int> classCounts(const Examples& ex)
{
    std::map<int, int> m;
    for (int l : ex.labels)
        ++m[l];
    return m;
}

void expectError(const DatasetSelection& s, const std::string& part)
{
    try {
        loadDataset(s);
        QFAIL(("loadDataset accepted a selection that should fail with: " + part).c_str());
    } catch (const Error& e) {
        const std::string m = e.what();
        QVERIFY2(m.find(part) != std::string::npos, m.c_str());
    }
}

} // namespace

class TestDataset : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    std::string m_trainOnly;
    std::string m_withTest;

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_trainOnly = m_tmp.filePath(QStringLiteral("train-only")).toStdString();
        m_withTest = m_tmp.filePath(QStringLiteral("with-test")).toStdString();
        QDir().mkpath(QString::fromStdString(m_trainOnly));
        QDir().mkpath(QString::fromStdString(m_withTest));
        writeSet(m_trainOnly, "train", std::vector<int>(10, 30), true);
        writeSet(m_withTest, "train", std::vector<int>(10, 30), false);
        writeSet(m_withTest, "t10k", {12, 12, 12, 12, 12, 12, 12, 3, 12, 12}, true);
    }

    void validatesSelection()
    {
        DatasetSelection s;
        s.dataDir = m_trainOnly;
        s.classes = {0, 1, 1};
        expectError(s, "class 1 is selected twice");
        s.classes = {0, 10};
        expectError(s, "class 10 is outside");
        s.classes = {3};
        expectError(s, "at least 2 classes");
        s.classes = {0, 1};
        s.name = "cifar";
        expectError(s, "unknown dataset 'cifar'");
    }

    void heldOutSplitNeverOverlaps()
    {
        DatasetSelection s;
        s.dataDir = m_trainOnly;
        s.classes = {0, 1, 7, 8};
        s.trainPerClass = 20;
        s.testPerClass = 10;
        const Dataset d = loadDataset(s);
        QVERIFY(d.testFromValidation);
        QCOMPARE(d.train.size(), 80);
        QCOMPARE(d.test.size(), 40);
        QCOMPARE(d.train.rows, 4);
        for (auto [c, n] : classCounts(d.train))
            QCOMPARE(n, 20);
        for (auto [c, n] : classCounts(d.test))
            QCOMPARE(n, 10);
        std::set<int> trainIdx;
        for (int i = 0; i < d.train.size(); ++i) {
            QCOMPARE(indexOf(d.train, i), d.train.sourceIndex[std::size_t(i)]);
            QVERIFY2(trainIdx.insert(d.train.sourceIndex[std::size_t(i)]).second, "drawn twice");
        }
        for (int i = 0; i < d.test.size(); ++i) {
            QCOMPARE(indexOf(d.test, i), d.test.sourceIndex[std::size_t(i)]);
            QVERIFY2(!trainIdx.count(d.test.sourceIndex[std::size_t(i)]), "test example also in training");
        }
        // Shuffled across classes, not in blocks.
        QVERIFY(d.train.labels[0] != d.train.labels[1] || d.train.labels[1] != d.train.labels[2]
                || d.train.labels[2] != d.train.labels[3]);
    }

    void reproducibleAndSeedDependent()
    {
        DatasetSelection s;
        s.dataDir = m_trainOnly;
        s.classes = {2, 5};
        s.trainPerClass = 10;
        s.testPerClass = 5;
        const Dataset a = loadDataset(s);
        const Dataset b = loadDataset(s);
        QVERIFY(a.train.sourceIndex == b.train.sourceIndex);
        QVERIFY(a.test.sourceIndex == b.test.sourceIndex);
        s.seed = 2;
        const Dataset c = loadDataset(s);
        QVERIFY(a.train.sourceIndex != c.train.sourceIndex);
        // A class's draw does not depend on which other classes are selected.
        s.seed = 1;
        s.classes = {5, 2, 9};
        const Dataset d = loadDataset(s);
        std::set<int> a2, d2;
        for (int i = 0; i < a.train.size(); ++i)
            if (a.train.labels[std::size_t(i)] == 2)
                a2.insert(a.train.sourceIndex[std::size_t(i)]);
        for (int i = 0; i < d.train.size(); ++i)
            if (d.train.labels[std::size_t(i)] == 2)
                d2.insert(d.train.sourceIndex[std::size_t(i)]);
        QVERIFY(a2 == d2);
    }

    void testFilesUsedWhenPresent()
    {
        DatasetSelection s;
        s.dataDir = m_withTest;
        s.classes = {0, 1};
        s.trainPerClass = 30;
        s.testPerClass = 0;
        const Dataset d = loadDataset(s);
        QVERIFY(!d.testFromValidation);
        QVERIFY(d.files.hasTestFiles());
        QCOMPARE(d.train.size(), 60);
        QCOMPARE(d.test.size(), 24);
        // Forced validation: test examples come from the training files.
        s.validation = true;
        s.trainPerClass = 20;
        s.testPerClass = 10;
        const Dataset v = loadDataset(s);
        QVERIFY(v.testFromValidation);
        QCOMPARE(v.test.size(), 20);
        // "All" on a held-out split keeps a sixth for testing.
        s.trainPerClass = 0;
        s.testPerClass = 0;
        const Dataset all = loadDataset(s);
        QCOMPARE(all.test.size(), 2 * 5);
        QCOMPARE(all.train.size(), 2 * 25);
    }

    void shortages()
    {
        DatasetSelection s;
        s.dataDir = m_trainOnly;
        s.classes = {0, 7};
        s.trainPerClass = 25;
        s.testPerClass = 10;
        expectError(s, "class 0 has 30 examples, 5 short of the 25 training + 10 held-out test");
        s.dataDir = m_withTest;
        s.trainPerClass = 10;
        s.testPerClass = 5;
        expectError(s, "class 7 has 3 test examples, 2 short of the 5 asked for");
    }

    void badFiles()
    {
        const std::string dir = m_tmp.filePath(QStringLiteral("mismatch")).toStdString();
        QDir().mkpath(QString::fromStdString(dir));
        writeSet(dir, "train", std::vector<int>(10, 3), false);
        IdxLabels lb;
        lb.count = 7;
        lb.labels = {0, 1, 2, 3, 4, 5, 6};
        writeBytes(dir + "/train-labels-idx1-ubyte", idxBytes(lb));
        DatasetSelection s;
        s.dataDir = dir;
        s.trainPerClass = 1;
        s.testPerClass = 1;
        expectError(s, "holds 30 images but " + dir + "/train-labels-idx1-ubyte holds 7 labels");
        lb.count = 30;
        lb.labels.assign(30, 1);
        lb.labels[4] = 12;
        writeBytes(dir + "/train-labels-idx1-ubyte", idxBytes(lb));
        expectError(s, "label 12 of example 4 is outside 0 … 9");
        writeBytes(dir + "/train-images-idx3-ubyte", {0, 0, 8, 3, 0});
        expectError(s, "train-images-idx3-ubyte: truncated header");
    }

    void locating()
    {
        DatasetSelection s;
        s.dataDir = m_tmp.filePath(QStringLiteral("nowhere")).toStdString();
        expectError(s, "no train-images-idx3-ubyte[.gz]");

        // $SCNN_DATA, with the files in a subfolder named after the dataset.
        const std::string root = m_tmp.filePath(QStringLiteral("envroot")).toStdString();
        QDir().mkpath(QString::fromStdString(root + "/fashion-mnist"));
        writeSet(root + "/fashion-mnist", "train", std::vector<int>(10, 2), true);
        s.dataDir.clear();
        s.name = "fashion-mnist";
        qputenv("SCNN_DATA", QByteArray::fromStdString(root));
        auto path = dataSearchPath(s);
        QCOMPARE(path.front(), root);
        QCOMPARE(path.back(), std::string("/usr/share/datasets/fashion-mnist"));
        QCOMPARE(locateData(s).directory, root + "/fashion-mnist");

        // The user's data folder.
        qunsetenv("SCNN_DATA");
        const std::string xdg = m_tmp.filePath(QStringLiteral("xdg")).toStdString();
        QDir().mkpath(QString::fromStdString(xdg + "/scnn"));
        writeSet(xdg + "/scnn", "train", std::vector<int>(10, 2), false);
        qputenv("XDG_DATA_HOME", QByteArray::fromStdString(xdg));
        s.name = "mnist";
        QCOMPARE(locateData(s).directory, xdg + "/scnn");
        qunsetenv("XDG_DATA_HOME");
    }

    void sharedMnistValidationSplit()
    {
        if (!scnn::test::sharedExists("data/mnist"))
            QSKIP("shared MNIST files not found (../shared/data/mnist)");
        DatasetSelection s;
        s.dataDir = scnn::test::sharedDir("data/mnist");
        s.trainPerClass = 100;
        s.testPerClass = 50;
        const Dataset d = loadDataset(s);
        QVERIFY(d.testFromValidation); // the shared copy has no t10k files
        QCOMPARE(d.train.size(), 400);
        QCOMPARE(d.test.size(), 200);
        QCOMPARE(d.train.rows, 28);
        QCOMPARE(classCounts(d.train).size(), std::size_t(4));
        QVERIFY(classCounts(d.train).count(7));
    }

    void fashionMnistInstalled()
    {
        if (!QFile::exists(QStringLiteral("/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz")))
            QSKIP("Debian's dataset-fashion-mnist is not installed");
        qunsetenv("SCNN_DATA");
        qputenv("XDG_DATA_HOME", m_tmp.filePath(QStringLiteral("empty-xdg")).toUtf8());
        DatasetSelection s;
        s.name = "fashion-mnist";
        s.classes = {0, 9};
        s.trainPerClass = 5;
        s.testPerClass = 5;
        const Dataset d = loadDataset(s);
        qunsetenv("XDG_DATA_HOME");
        QVERIFY(!d.testFromValidation);
        QCOMPARE(d.test.size(), 10);
    }
};

QTEST_GUILESS_MAIN(TestDataset)
#include "tst_dataset.moc"
