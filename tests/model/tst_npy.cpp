// SPDX-License-Identifier: GPL-3.0-or-later
// The .npy reader/writer against numpy itself, the oracle's files, and malformed headers.
#include "model/error.h"
#include "model/fileutil.h"
#include "model/npy.h"
#include "testsupport.h"

#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace scnn::model;

namespace {

const QString python = QStringLiteral("/usr/bin/python3");

bool haveNumpy()
{
    if (!QFile::exists(python))
        return false;
    QProcess p;
    p.start(python, {QStringLiteral("-c"), QStringLiteral("import numpy")});
    return p.waitForFinished(30000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

QString runPython(const QString& code)
{
    QProcess p;
    p.start(python, {QStringLiteral("-c"), code});
    if (!p.waitForFinished(60000))
        return QStringLiteral("TIMEOUT");
    const QString err = QString::fromUtf8(p.readAllStandardError());
    if (p.exitCode() != 0)
        return QStringLiteral("FAILED: ") + err;
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

std::string header(const std::string& dict)
{
    std::string h = dict;
    while ((10 + h.size() + 1) % 64)
        h.push_back(' ');
    h.push_back('\n');
    std::string out("\x93NUMPY\x01\x00", 8);
    out.push_back(char(h.size() & 0xff));
    out.push_back(char(h.size() >> 8));
    return out + h;
}

} // namespace

class TestNpy : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::string path(const char* n) const { return m_dir.filePath(QString::fromUtf8(n)).toStdString(); }

private slots:
    void roundTrip()
    {
        const std::vector<NpyArray> arrays = {
            NpyArray::fromFloat({2, 3}, {1.5f, -2.0f, 3.25f, 0.0f, 1e-7f, 65504.0f}),
            NpyArray::fromDouble({4}, {0.1, 0.2, -1e300, 3.0}),
            NpyArray::fromInt32({1, 2, 2}, {-1, 2, 2147483647, -2147483647 - 1}),
            NpyArray::fromInt64({0, 5}, {}),
            NpyArray::fromInt64({}, {42}),
        };
        for (const NpyArray& a : arrays) {
            writeNpy(path("a.npy"), a);
            const NpyArray b = readNpy(path("a.npy"));
            QVERIFY(a == b);
            const std::string bytes = readTextFile(path("a.npy"));
            QCOMPARE((10 + std::size_t(static_cast<unsigned char>(bytes[8]))) % 64, std::size_t(0));
        }
        QCOMPARE(arrays[0].toDouble()[2], 3.25);
        QCOMPARE(arrays[2].toInt64()[2], std::int64_t(2147483647));
        QVERIFY_THROWS_EXCEPTION(Error, NpyArray::fromFloat({2, 2}, {1.0f}));
    }

    void numpyReadsOurs()
    {
        if (!haveNumpy())
            QSKIP("/usr/bin/python3 with numpy is not available");
        writeNpy(path("f4.npy"), NpyArray::fromFloat({2, 3}, {1, 2, 3, 4, 5, 6.5f}));
        writeNpy(path("i8.npy"), NpyArray::fromInt64({3}, {-5, 0, 1LL << 40}));
        writeNpy(path("i4.npy"), NpyArray::fromInt32({2, 1}, {7, -7}));
        writeNpy(path("f8.npy"), NpyArray::fromDouble({}, {0.125}));
        const QString code = QStringLiteral(
            "import numpy as np, sys\n"
            "d = sys.argv[0]\n"
            "a = np.load(%1 + '/f4.npy'); b = np.load(%1 + '/i8.npy'); c = np.load(%1 + '/i4.npy'); e = np.load(%1 + '/f8.npy')\n"
            "print(a.dtype, a.shape, a[1, 2], b.dtype, b.tolist(), c.dtype, c.shape, c[1, 0], e.dtype, e.shape, float(e))")
                                 .arg(QStringLiteral("'") + m_dir.path() + QStringLiteral("'"));
        QCOMPARE(runPython(code),
                 QStringLiteral("float32 (2, 3) 6.5 int64 [-5, 0, 1099511627776] int32 (2, 1) -7 float64 () 0.125"));
    }

    void weReadNumpys()
    {
        if (!haveNumpy())
            QSKIP("/usr/bin/python3 with numpy is not available");
        const QString code = QStringLiteral(
            "import numpy as np\n"
            "np.save(%1 + '/np_f8.npy', np.arange(12, dtype='<f8').reshape(3, 4) / 4)\n"
            "np.save(%1 + '/np_i4.npy', np.array([[1, -2], [3, -4]], dtype='<i4'))\n"
            "np.save(%1 + '/np_f4.npy', np.array([0.5, 0.25], dtype='<f4'))\n"
            "np.save(%1 + '/np_fortran.npy', np.asfortranarray(np.ones((2, 3))))\n"
            "np.save(%1 + '/np_u8.npy', np.zeros(3, dtype=np.uint8))\n"
            "np.save(%1 + '/np_big.npy', np.zeros(3, dtype='>f8'))\n"
            "print('ok')")
                                 .arg(QStringLiteral("'") + m_dir.path() + QStringLiteral("'"));
        QCOMPARE(runPython(code), QStringLiteral("ok"));
        const NpyArray a = readNpy(path("np_f8.npy"));
        QCOMPARE(a.shape, (std::vector<std::int64_t>{3, 4}));
        QCOMPARE(a.type(), NpyType::Float64);
        QCOMPARE(a.toDouble()[7], 1.75);
        const NpyArray b = readNpy(path("np_i4.npy"));
        QCOMPARE(b.type(), NpyType::Int32);
        QCOMPARE(b.toInt64()[3], std::int64_t(-4));
        QCOMPARE(readNpy(path("np_f4.npy")).toFloat()[1], 0.25f);
        for (auto [file, why] : {std::pair{"np_fortran.npy", "Fortran"}, {"np_u8.npy", "'|u1'"},
                                 {"np_big.npy", "'>f8'"}}) {
            try {
                readNpy(path(file));
                QFAIL(file);
            } catch (const Error& e) {
                QVERIFY2(std::string(e.what()).find(why) != std::string::npos, e.what());
                QCOMPARE(e.where(), path(file));
            }
        }
    }

    void oracleFiles()
    {
        if (!scnn::test::sharedExists("data/oracle"))
            QSKIP("shared oracle data not found (../shared/data/oracle)");
        int n = 0;
        QDirIterator it(QString::fromStdString(scnn::test::sharedDir("data/oracle")),
                        {QStringLiteral("*.npy")}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const std::string file = it.next().toStdString();
            const NpyArray a = readNpy(file);
            QCOMPARE(std::int64_t(a.size()), a.elementCount());
            ++n;
        }
        QVERIFY2(n >= 10, qPrintable(QString::number(n)));
        const std::string spikes = scnn::test::sharedDir("data/oracle/conv_small/expected/spikes.npy");
        const NpyArray s = readNpy(spikes);
        QCOMPARE(s.shape.size(), std::size_t(2));
        QCOMPARE(s.shape[1], std::int64_t(2));
        QCOMPARE(s.type(), NpyType::Float64);
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expect");
        auto q = [](const std::string& s) { return QByteArray(s.data(), qsizetype(s.size())); };
        const std::string data8(8, '\0');
        QTest::newRow("empty") << QByteArray() << "not a .npy file";
        QTest::newRow("wrong magic") << q("\x93NUMPX\x01\x00\x10\x00") << "not a .npy file";
        QTest::newRow("preamble") << q(std::string("\x93NUMPY\x01", 7)) << "truncated: the .npy preamble";
        QTest::newRow("version 2") << q(std::string("\x93NUMPY\x02\x00\x00\x00", 10)) << "version 2.0";
        QTest::newRow("header cut") << q(header("{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }").substr(0, 40))
                                    << "truncated: the header";
        QTest::newRow("no brace") << q(header("'descr': '<f8'") + data8) << "must start with '{'";
        QTest::newRow("missing shape") << q(header("{'descr': '<f8', 'fortran_order': False, }") + data8)
                                       << "missing key 'shape'";
        QTest::newRow("missing descr") << q(header("{'fortran_order': False, 'shape': (1,), }") + data8)
                                       << "missing key 'descr'";
        QTest::newRow("unknown key") << q(header("{'descr': '<f8', 'fortran_order': False, 'shape': (1,), 'x': 1}") + data8)
                                     << "unknown key 'x'";
        QTest::newRow("twice") << q(header("{'descr': '<f8', 'descr': '<f8', 'fortran_order': False, 'shape': (1,)}") + data8)
                               << "appears twice";
        QTest::newRow("bad bool") << q(header("{'descr': '<f8', 'fortran_order': 0, 'shape': (1,)}") + data8)
                                  << "True or False";
        QTest::newRow("negative dim") << q(header("{'descr': '<f8', 'fortran_order': False, 'shape': (-1,)}") + data8)
                                      << "non-negative whole numbers";
        QTest::newRow("shape list") << q(header("{'descr': '<f8', 'fortran_order': False, 'shape': [1]}") + data8)
                                    << "must be a tuple";
        QTest::newRow("unterminated") << q(header("{'descr': '<f8") + data8) << "unterminated string";
        QTest::newRow("object type") << q(header("{'descr': '|O', 'fortran_order': False, 'shape': (1,)}") + data8)
                                     << "element type '|O'";
        QTest::newRow("truncated data") << q(header("{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }") + data8)
                                        << "needs 16 data bytes, the file holds 8";
        QTest::newRow("trailing") << q(header("{'descr': '<i4', 'fortran_order': False, 'shape': (1,), }") + data8)
                                  << "4 bytes of trailing garbage";
        QTest::newRow("absurd") << q(header("{'descr': '<f8', 'fortran_order': False, 'shape': (100000000, 100000000)}") + data8)
                                << "more than";
        QTest::newRow("no newline") << q([] { auto h = header("{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }");
                                               h.back() = ' '; return h + std::string(8, '\0'); }())
                                    << "one newline";
    }

    void malformed()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expect);
        const std::string file = path("bad.npy");
        writeFileAtomic(file, bytes.toStdString());
        try {
            readNpy(file);
            QFAIL("accepted a malformed .npy file");
        } catch (const Error& e) {
            const std::string m = e.what();
            QVERIFY2(m.find(file) == 0, m.c_str());
            QVERIFY2(m.find(expect.toStdString()) != std::string::npos, m.c_str());
        }
    }
};

QTEST_GUILESS_MAIN(TestNpy)
#include "tst_npy.moc"
