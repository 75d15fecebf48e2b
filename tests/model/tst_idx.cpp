// SPDX-License-Identifier: GPL-3.0-or-later
// The strict IDX reader: round trips, gzip detection by content, and every kind of bad file.
#include "model/error.h"
#include "model/idx.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QTest>

#include <string>

using namespace scnn::model;

namespace {

IdxImages smallImages()
{
    IdxImages im;
    im.count = 5;
    im.rows = 3;
    im.cols = 4;
    for (int i = 0; i < im.count * im.rows * im.cols; ++i)
        im.pixels.push_back(std::uint8_t((i * 37) % 256));
    return im;
}

IdxLabels smallLabels()
{
    IdxLabels lb;
    lb.count = 5;
    lb.labels = {3, 1, 4, 1, 5};
    return lb;
}

std::vector<std::uint8_t> withU32(std::vector<std::uint8_t> b, std::size_t at, std::uint32_t v)
{
    b[at] = std::uint8_t(v >> 24);
    b[at + 1] = std::uint8_t(v >> 16);
    b[at + 2] = std::uint8_t(v >> 8);
    b[at + 3] = std::uint8_t(v);
    return b;
}

} // namespace

class TestIdx : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    std::string path(const char* name) const { return m_dir.filePath(QString::fromUtf8(name)).toStdString(); }

private slots:
    void roundTripRawAndGzip()
    {
        const IdxImages im = smallImages();
        const IdxLabels lb = smallLabels();
        writeBytes(path("img"), idxBytes(im));
        writeBytes(path("lab"), idxBytes(lb));
        // Gzip is detected from the bytes, not the name: no .gz here …
        writeBytes(path("img-compressed"), gzipBytes(idxBytes(im)));
        // … and a raw file that happens to be called .gz.
        writeBytes(path("lab-raw.gz"), idxBytes(lb));
        for (const char* name : {"img", "img-compressed"}) {
            const IdxImages r = readIdxImages(path(name));
            QCOMPARE(r.count, 5);
            QCOMPARE(r.rows, 3);
            QCOMPARE(r.cols, 4);
            QVERIFY(r.pixels == im.pixels);
            QCOMPARE(int(r.image(2)[0]), int(im.pixels[24]));
        }
        for (const char* name : {"lab", "lab-raw.gz"}) {
            const IdxLabels r = readIdxLabels(path(name));
            QCOMPARE(r.count, 5);
            QVERIFY(r.labels == lb.labels);
        }
    }

    void concatenatedGzipMembers()
    {
        const auto bytes = idxBytes(smallImages());
        const std::vector<std::uint8_t> a(bytes.begin(), bytes.begin() + 20);
        const std::vector<std::uint8_t> b(bytes.begin() + 20, bytes.end());
        auto gz = gzipBytes(a);
        const auto gzb = gzipBytes(b);
        gz.insert(gz.end(), gzb.begin(), gzb.end());
        writeBytes(path("two-members"), gz);
        QVERIFY(readIdxImages(path("two-members")).pixels == smallImages().pixels);
    }

    void badImages_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("gzip");
        QTest::addColumn<QString>("expect");
        const auto good = idxBytes(smallImages());
        auto qb = [](const std::vector<std::uint8_t>& v) {
            return QByteArray(reinterpret_cast<const char*>(v.data()), qsizetype(v.size()));
        };
        QTest::newRow("label magic") << qb(withU32(good, 0, 0x00000801)) << false << "bad magic number 0x00000801";
        QTest::newRow("not idx") << qb(withU32(good, 0, 0x89504e47)) << false << "bad magic number 0x89504e47";
        QTest::newRow("int type") << qb(withU32(good, 0, 0x00000c03)) << false << "not unsigned byte";
        QTest::newRow("4 dims") << qb(withU32(good, 0, 0x00000804)) << false << "4 dimensions";
        QTest::newRow("empty") << QByteArray() << false << "truncated: only 0 bytes";
        QTest::newRow("short header") << qb({good.begin(), good.begin() + 10}) << false << "truncated header";
        QTest::newRow("truncated data") << qb({good.begin(), good.end() - 7}) << false << "holds only 53";
        QTest::newRow("count too big") << qb(withU32(good, 4, 6)) << false << "truncated";
        QTest::newRow("trailing") << qb([&] { auto b = good; b.push_back(0); b.push_back(1); return b; }())
                                  << false << "2 bytes of trailing garbage";
        QTest::newRow("zero images") << qb(withU32(good, 4, 0)) << false << "holds 0 images";
        QTest::newRow("zero rows") << qb(withU32(good, 8, 0)) << false << "image size 0x4";
        QTest::newRow("absurd side") << qb(withU32(good, 12, 100000)) << false << "outside 1";
        QTest::newRow("absurd count") << qb(withU32(good, 4, 0xffffffffu)) << false << "more than any dataset";
        QTest::newRow("gzip truncated") << qb([&] { auto g = gzipBytes(good); g.resize(g.size() / 2); return g; }())
                                        << true << "truncated gzip";
        QTest::newRow("gzip corrupt") << qb([&] { auto g = gzipBytes(good); g[12] ^= 0xff; g[13] ^= 0x5a; return g; }())
                                      << true << "gzip";
        QTest::newRow("gzip trailing") << qb([&] { auto g = gzipBytes(good); g.push_back(7); return g; }())
                                       << true << "trailing garbage after the gzip stream";
        QTest::newRow("gzip of truncated data") << qb(gzipBytes({good.begin(), good.end() - 1})) << true << "holds only 59";
    }

    void badImages()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expect);
        const std::string file = path("bad-images");
        writeBytes(file, std::vector<std::uint8_t>(bytes.begin(), bytes.end()));
        try {
            readIdxImages(file);
            QFAIL("the reader accepted a malformed file");
        } catch (const Error& e) {
            const std::string m = e.what();
            QVERIFY2(m.find(file) == 0, m.c_str());
            QVERIFY2(m.find(expect.toStdString()) != std::string::npos, m.c_str());
        }
    }

    void badLabels()
    {
        const auto good = idxBytes(smallLabels());
        const std::string file = path("bad-labels");
        struct Case { std::vector<std::uint8_t> bytes; const char* expect; };
        const std::vector<Case> cases = {
            {withU32(good, 0, 0x00000803), "bad magic number 0x00000803"},
            {{good.begin(), good.end() - 1}, "truncated"},
            {withU32(good, 4, 0), "holds 0 labels"},
            {[&] { auto b = good; b.push_back(9); return b; }(), "1 bytes of trailing garbage"},
            {{good.begin(), good.begin() + 6}, "truncated header"},
        };
        for (const Case& c : cases) {
            writeBytes(file, c.bytes);
            try {
                readIdxLabels(file);
                QFAIL(c.expect);
            } catch (const Error& e) {
                const std::string m = e.what();
                QVERIFY2(m.find(file) == 0 && m.find(c.expect) != std::string::npos, m.c_str());
            }
        }
    }

    void missingFile()
    {
        try {
            readIdxImages(path("does-not-exist"));
            QFAIL("opened a missing file");
        } catch (const Error& e) {
            QVERIFY2(std::string(e.what()).find("cannot open") != std::string::npos, e.what());
            QCOMPARE(e.where(), path("does-not-exist"));
        }
    }

    void sharedMnist()
    {
        if (!scnn::test::sharedExists("data/mnist"))
            QSKIP("shared MNIST files not found (../shared/data/mnist)");
        const IdxImages im = readIdxImages(scnn::test::sharedDir("data/mnist/train-images-idx3-ubyte.gz"));
        const IdxLabels lb = readIdxLabels(scnn::test::sharedDir("data/mnist/train-labels-idx1-ubyte.gz"));
        QCOMPARE(im.count, 60000);
        QCOMPARE(im.rows, 28);
        QCOMPARE(im.cols, 28);
        QCOMPARE(lb.count, 60000);
        // The first training digit of MNIST is a 5, the second a 0.
        QCOMPARE(int(lb.labels[0]), 5);
        QCOMPARE(int(lb.labels[1]), 0);
        int maxPixel = 0;
        for (int i = 0; i < 784; ++i)
            maxPixel = std::max(maxPixel, int(im.image(0)[i]));
        QCOMPARE(maxPixel, 255);
    }
};

QTEST_GUILESS_MAIN(TestIdx)
#include "tst_idx.moc"
