// SPDX-License-Identifier: GPL-3.0-or-later
// The board probe against a loopback SCAMP stand-in: good, old, malformed, error, booting and silent boards.
#include "hardware/spinnaker/boardprobe.h"
#include "loopbackpeer.h"

#include <QTest>

#include <thread>

using namespace scnn::hardware;
using namespace scnn::test;
using namespace std::chrono_literals;

namespace {

ProbeOptions options(std::uint16_t port, std::chrono::milliseconds timeout = 2000ms)
{
    ProbeOptions o;
    o.host = "127.0.0.1";
    o.port = port;
    o.timeout = timeout;
    return o;
}

bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

} // namespace

class TestBoardProbe : public QObject
{
    Q_OBJECT

private slots:
    void goodBoard()
    {
        ScampPeer board(ScampMode::Good, 1, 2);
        const ProbeResult r = probeBoard(options(board.port()));
        QVERIFY2(r.ok(), r.message.c_str());
        QCOMPARE(r.status, ProbeStatus::Answered);
        QVERIFY(r.version);
        QCOMPARE(r.version->name, std::string("SC&MP"));
        QCOMPARE(r.version->version, std::string("4.0.0"));
        QCOMPARE(r.version->x, 1);
        QCOMPARE(r.version->y, 2);
        QCOMPARE(r.version->virtualCpu, 0);
        QCOMPARE(r.version->physicalCpu, 3);
        QCOMPARE(r.requests, 1);
        const std::string from = "127.0.0.1:" + std::to_string(board.port());
        QCOMPARE(r.responder, from);
        QCOMPARE(r.message, "SC&MP 4.0.0 on SpiNNaker answered from " + from
                                + ": chip (1,2), core 0 (physical 3), built 2023-11-14 22:13:20 UTC");
        QCOMPARE(r.notes.size(), std::size_t(1));
        QVERIFY(contains(r.notes[0], "SCAMP 4.x"));

        // What went out is the documented CMD_VER request (seq aside).
        const Bytes q = board.firstRequest();
        QCOMPARE(q.size(), std::size_t(26));
        const Bytes head{0x00, 0x00, 0x87, 0xFF, 0x00, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x00};
        QCOMPARE(Bytes(q.begin(), q.begin() + 12), head);
        QCOMPARE(Bytes(q.begin() + 14, q.end()), Bytes(12, 0x00));
    }

    void oldScamp()
    {
        ScampPeer board(ScampMode::OldVersion);
        const ProbeResult r = probeBoard(options(board.port()));
        QVERIFY2(r.ok(), r.message.c_str());
        QCOMPARE(r.version->version, std::string("3.42"));
        QVERIFY(contains(r.notes[0], "SCAMP 3.x"));
    }

    void failures_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("requests");
        QTest::newRow("truncated") << int(ScampMode::Truncated) << int(ProbeStatus::Malformed)
                                   << QStringLiteral("malformed reply from 127.0.0.1:%1: 11 bytes, shorter than the 14 "
                                                     "of pad + SDP header + cmd_rc + seq")
                                   << 1;
        QTest::newRow("error code") << int(ScampMode::ErrorCode) << int(ProbeStatus::ErrorCode)
                                    << QStringLiteral("board at 127.0.0.1:%1 answered CMD_VER with RC_ARG (0x84: "
                                                      "invalid arguments)")
                                    << 1;
        QTest::newRow("wrong seq") << int(ScampMode::WrongSeq) << int(ProbeStatus::Malformed)
                                   << QStringLiteral("matches none of the requests sent") << 1;
        QTest::newRow("no id string") << int(ScampMode::NoIdString) << int(ProbeStatus::Malformed)
                                      << QStringLiteral("CMD_VER reply carries no ID string") << 1;
    }

    void failures()
    {
        QFETCH(int, mode);
        QFETCH(int, status);
        QFETCH(QString, message);
        QFETCH(int, requests);
        ScampPeer board(static_cast<ScampMode>(mode));
        const ProbeResult r = probeBoard(options(board.port()));
        QCOMPARE(int(r.status), status);
        QVERIFY(!r.ok());
        const QString expected = message.contains(QStringLiteral("%1")) ? message.arg(board.port()) : message;
        QVERIFY2(QString::fromStdString(r.message).contains(expected), r.message.c_str());
        QCOMPARE(r.requests, requests);
        if (status == int(ProbeStatus::ErrorCode))
            QCOMPARE(r.returnCode, std::uint16_t(0x84));
    }

    void retriesRetryableCodes()
    {
        ScampPeer board(ScampMode::RetryThenGood);
        const ProbeResult r = probeBoard(options(board.port()));
        QVERIFY2(r.ok(), r.message.c_str());
        QCOMPARE(r.requests, 2);
    }

    void waitsWhileBooting()
    {
        ScampPeer board(ScampMode::BootingThenGood, 0, 0);
        ProbeOptions o = options(board.port(), 3000ms);
        o.bootPoll = 20ms;
        const ProbeResult r = probeBoard(o);
        QVERIFY2(r.ok(), r.message.c_str());
        QCOMPARE(r.requests, 3);
        QVERIFY(!r.version->booting);
    }

    void reportsStillBooting()
    {
        ScampPeer board(ScampMode::BootingThenGood);
        ProbeOptions o = options(board.port(), 150ms);
        o.bootPoll = 1000ms; // the next poll would come after the deadline
        const ProbeResult r = probeBoard(o);
        QCOMPARE(r.status, ProbeStatus::Booting);
        QVERIFY2(contains(r.message, "is still booting"), r.message.c_str());
        QCOMPARE(r.requests, 1);
    }

    void silentBoardTimesOut()
    {
        ScampPeer board(ScampMode::Silent);
        ProbeOptions o = options(board.port(), 300ms);
        o.attempts = 3;
        const ProbeResult r = probeBoard(o);
        QCOMPARE(r.status, ProbeStatus::Timeout);
        QCOMPARE(r.requests, 3);
        QCOMPARE(r.message, "no reply from 127.0.0.1:" + std::to_string(board.port())
                                + " within 300 ms (3 CMD_VER requests, 100 ms apart): the board is off, unreachable "
                                  "or not booted (nothing was sent to the boot port)");
        QVERIFY(QTest::qWaitFor([&] { return board.requests() == 3; }, 2000));
    }

    void nothingListens()
    {
        const std::uint16_t port = unusedPort();
        const ProbeResult r = probeBoard(options(port));
        QCOMPARE(r.status, ProbeStatus::Unreachable);
        QVERIFY2(contains(r.message, "ICMP port unreachable: nothing listens on UDP port " + std::to_string(port)),
                 r.message.c_str());
    }

    void refusesBootPortAndEmptyHost()
    {
        ProbeResult r = probeBoard(options(kBootPort));
        QCOMPARE(r.status, ProbeStatus::BadAddress);
        QVERIFY(contains(r.message, "boot port"));
        QCOMPARE(r.requests, 0);
        ProbeOptions o;
        r = probeBoard(o);
        QCOMPARE(r.status, ProbeStatus::BadAddress);
        QCOMPARE(r.message, std::string("no board host given"));
    }

    void cancels()
    {
        ScampPeer board(ScampMode::Silent);
        std::atomic<bool> cancel{false};
        ProbeOptions o = options(board.port(), 20000ms);
        o.cancel = &cancel;
        std::thread canceller([&] {
            std::this_thread::sleep_for(100ms);
            cancel = true;
        });
        const ProbeResult r = probeBoard(o);
        canceller.join();
        QCOMPARE(r.status, ProbeStatus::Cancelled);
        QVERIFY(r.elapsed < 10000ms);
    }
};

QTEST_GUILESS_MAIN(TestBoardProbe)
#include "tst_boardprobe.moc"
