// SPDX-License-Identifier: GPL-3.0-or-later
// The key map read from databases laid out as spinnaker.md §4.3 describes (6.x/7.x, view or raw tables).
#include "hardware/spinnaker/livedatabase.h"
#include "loopbackpeer.h"
#include "model/error.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include <fstream>

using namespace scnn::hardware;
using namespace scnn::test;

Q_DECLARE_METATYPE(DbSchema)

class TestLiveDatabase : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    std::string file(const char* name) const { return (m_dir.path() + QLatin1Char('/') + QLatin1String(name)).toStdString(); }

    static std::vector<TestPopulation> pops()
    {
        return {{"input", 100, 0x10000, true}, {"conv1", 150, 0x20000, true}, {"readout", 10, 0x30000, false}};
    }

private slots:
    void schemas_data()
    {
        QTest::addColumn<DbSchema>("schema");
        QTest::addColumn<QString>("source");
        QTest::newRow("7.x view") << DbSchema::View7 << QStringLiteral("label_event_atom_view");
        QTest::newRow("6.x view") << DbSchema::View6 << QStringLiteral("label_event_atom_view");
        QTest::newRow("7.x tables") << DbSchema::Tables7 << QStringLiteral("7.x tables");
        QTest::newRow("6.x tables") << DbSchema::Tables6 << QStringLiteral("6.x tables");
    }

    void schemas()
    {
        QFETCH(DbSchema, schema);
        QFETCH(QString, source);
        const std::string path = file("db.sqlite3");
        writeTestDatabase(path, pops(), schema, 100, 10, 64);
        const LiveDatabase db = LiveDatabase::load(path);
        QCOMPARE(QString::fromStdString(db.source()), source);
        QCOMPARE(db.path(), path);
        QCOMPARE(db.timestepMs(), 0.1);
        QCOMPARE(db.timeScaleFactor(), 10.0);
        QVERIFY(db.runtimeMs());
        QCOMPARE(*db.runtimeMs(), 1000.0);
        QCOMPARE(db.keyCount(), std::size_t(260));
        for (const TestPopulation& p : pops()) {
            const auto index = db.populationIndex(p.label);
            QVERIFY(index);
            const LivePopulation& lp = db.populations()[std::size_t(*index)];
            QCOMPARE(lp.size, p.size);
            for (int a = 0; a < p.size; ++a) {
                const std::uint32_t key = testKey(p, a, schema);
                const KeyTarget* t = db.find(key);
                QVERIFY(t);
                QCOMPARE(t->population, *index);
                QCOMPARE(t->atom, a);
                QCOMPARE(db.keyOf(*index, a), std::optional<std::uint32_t>(key));
            }
            QVERIFY(!db.keyOf(*index, p.size));
            QVERIFY(!db.keyOf(*index, -1));
        }
        QVERIFY(!db.find(0x10000 - 1));
        QVERIFY(!db.find(0xFFFFFFFF));
        QVERIFY(!db.populationIndex("LiveSpikeReceiver"));
        QVERIFY(!db.populationIndex("nope"));
        if (schema == DbSchema::View7) {
            QCOMPARE(db.outputTags().size(), std::size_t(2));
            QCOMPARE(db.outputTags()[0].tag, 7);
            QCOMPARE(db.outputTags()[0].port, 17895);
            QCOMPARE(db.outputTags()[0].ipAddress, std::string("0.0.0.0"));
            QVERIFY(db.outputTags()[0].stripSdp);
            QVERIFY(db.populations()[std::size_t(*db.populationIndex("conv1"))].liveOutput);
            QVERIFY(!db.populations()[std::size_t(*db.populationIndex("readout"))].liveOutput);
        } else {
            QVERIFY(db.outputTags().empty());
        }
    }

    void missingFile()
    {
        try {
            LiveDatabase::load(file("absent.sqlite3"));
            QFAIL("no error");
        } catch (const scnn::model::Error& e) {
            QVERIFY2(std::string(e.what()).find("absent.sqlite3") != std::string::npos, e.what());
            QVERIFY2(std::string(e.what()).find("no such file") != std::string::npos, e.what());
        }
    }

    void notSqlite()
    {
        const std::string path = file("text.sqlite3");
        std::ofstream(path) << "this is not a database, it is a text file long enough to have a header\n";
        try {
            LiveDatabase::load(path);
            QFAIL("no error");
        } catch (const scnn::model::Error& e) {
            QVERIFY2(std::string(e.what()).find("text.sqlite3") != std::string::npos, e.what());
        }
    }

    void noKeyMap()
    {
        const std::string path = file("empty.sqlite3");
        runSql(path, "CREATE TABLE unrelated(x INTEGER)");
        try {
            LiveDatabase::load(path);
            QFAIL("no error");
        } catch (const scnn::model::Error& e) {
            QVERIFY2(std::string(e.what()).find("label_event_atom_view") != std::string::npos, e.what());
        }
    }

    void conflictingKeys()
    {
        const std::string path = file("dup.sqlite3");
        runSql(path, "CREATE TABLE m(label TEXT, event INTEGER, atom INTEGER);"
                     "CREATE VIEW label_event_atom_view AS SELECT atom, event, label FROM m;"
                     "INSERT INTO m VALUES ('a', 5, 0), ('b', 5, 3);");
        try {
            LiveDatabase::load(path);
            QFAIL("no error");
        } catch (const scnn::model::Error& e) {
            QVERIFY2(std::string(e.what()).find("key 0x5 maps to two neurons: 'a' atom 0 and 'b' atom 3")
                         != std::string::npos,
                     e.what());
        }
    }

    void endlessViewStopsInTime()
    {
        const std::string path = file("endless.sqlite3");
        runSql(path, "CREATE VIEW label_event_atom_view AS WITH RECURSIVE c(x) AS "
                     "(SELECT 1 UNION ALL SELECT x + 1 FROM c) "
                     "SELECT 'a' AS label, 7 AS event, 0 AS atom FROM c WHERE x < 0;");
        QElapsedTimer clock;
        clock.start();
        try {
            LiveDatabase::load(path, std::chrono::milliseconds(200));
            QFAIL("no error");
        } catch (const scnn::model::Error& e) {
            QVERIFY2(std::string(e.what()).find("longer than 200 ms") != std::string::npos, e.what());
            QVERIFY2(std::string(e.what()).find("endless.sqlite3") != std::string::npos, e.what());
        }
        QVERIFY2(clock.elapsed() < 20000, "the time limit must stop the query");
    }

    void sparseAtomsCostNoMemory()
    {
        // 64 populations whose only neuron is atom 2^24 − 1: once cost 64 × 128 MiB.
        const std::string path = file("sparse.sqlite3");
        runSql(path, "CREATE TABLE m(label TEXT, event INTEGER, atom INTEGER);"
                     "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 64) "
                     "INSERT INTO m SELECT 'p' || x, x, 16777215 FROM c;"
                     "CREATE VIEW label_event_atom_view AS SELECT label, event, atom FROM m;");
        const LiveDatabase db = LiveDatabase::load(path);
        QCOMPARE(db.populations().size(), std::size_t(64));
        QCOMPARE(db.populations()[5].size, 16777216);
        QCOMPARE(db.keyOf(5, 16777215), std::optional<std::uint32_t>(6));
        QVERIFY(!db.keyOf(5, 0));
        QVERIFY(!db.keyOf(64, 16777215));
    }

    void overlongLabel()
    {
        const std::string path = file("label.sqlite3");
        runSql(path, "CREATE TABLE m(label TEXT, event INTEGER, atom INTEGER);"
                     "INSERT INTO m VALUES (hex(zeroblob(2500)), 1, 0);"
                     "CREATE VIEW label_event_atom_view AS SELECT label, event, atom FROM m;");
        try {
            LiveDatabase::load(path);
            QFAIL("no error");
        } catch (const scnn::model::Error& e) {
            QVERIFY2(std::string(e.what()).find("text of 5000 bytes") != std::string::npos, e.what());
        }
    }

    void badRows_data()
    {
        QTest::addColumn<QString>("row");
        QTest::addColumn<QString>("message");
        QTest::newRow("negative key") << QStringLiteral("('a', -1, 0)") << QStringLiteral("not a 32-bit multicast key");
        QTest::newRow("key above 32 bits") << QStringLiteral("('a', 4294967296, 0)")
                                           << QStringLiteral("not a 32-bit multicast key");
        QTest::newRow("negative atom") << QStringLiteral("('a', 1, -2)") << QStringLiteral("atom -2");
        QTest::newRow("huge atom") << QStringLiteral("('a', 1, 2000000000)") << QStringLiteral("atom 2000000000");
    }

    void badRows()
    {
        QFETCH(QString, row);
        QFETCH(QString, message);
        const std::string path = file("bad.sqlite3");
        std::remove(path.c_str());
        runSql(path, "CREATE TABLE m(label TEXT, event INTEGER, atom INTEGER);"
                     "CREATE VIEW label_event_atom_view AS SELECT atom, event, label FROM m;"
                     "INSERT INTO m VALUES " + row.toStdString() + ";");
        try {
            LiveDatabase::load(path);
            QFAIL("no error");
        } catch (const scnn::model::Error& e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(message), e.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestLiveDatabase)
#include "tst_livedatabase.moc"
