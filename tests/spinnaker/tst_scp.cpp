// SPDX-License-Identifier: GPL-3.0-or-later
// SDP/SCP framing and CMD_VER replies against byte layouts written out from spinnaker.md §1–2.
#include "hardware/spinnaker/scp.h"
#include "model/error.h"

#include <QTest>

using namespace scnn::hardware;
using Bytes = std::vector<std::uint8_t>;

namespace {

Bytes withTail(Bytes head, const std::string& tail)
{
    for (char c : tail)
        head.push_back(static_cast<std::uint8_t>(c));
    return head;
}

/// A SCAMP 4.0.0 reply (48 bytes) from chip (x=1, y=2), physical core 3, seq 0x1234.
Bytes scamp4Reply()
{
    return withTail({0x00, 0x00, 0x07, 0x08, 0xFF, 0x00, 0x00, 0x00, 0x02, 0x01,   // pad, SDP header
                     0x80, 0x00, 0x34, 0x12,                                       // RC_OK, seq
                     0x00, 0x03, 0x02, 0x01,                                       // arg1
                     0x00, 0x01, 0xFF, 0xFF,                                       // arg2
                     0x00, 0xF1, 0x53, 0x65},                                      // arg3 = 1700000000
                    std::string("SC&MP/SpiNNaker") + '\0' + "4.0.0" + '\0');
}

} // namespace

class TestScp : public QObject
{
    Q_OBJECT

private slots:
    void versionRequestBytes()
    {
        // §2.1: 00 00 | 87 FF 00 FF FF FF 00 00 | 00 00 sL sH | 00×12
        const std::uint8_t head[] = {0x00, 0x00, 0x87, 0xFF, 0x00, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x00, 0x34, 0x12};
        Bytes expected(26, 0x00);
        std::copy(std::begin(head), std::end(head), expected.begin());
        QCOMPARE(encodeVersionRequest(0x1234), expected);
        QCOMPARE(encodeVersionRequest(0x1234).size(), std::size_t(26));
    }

    void versionRequestToChip()
    {
        const Bytes r = encodeVersionRequest(7, 1, 2, 3);
        QCOMPARE(r[4], std::uint8_t(0x03)); // port 0, cpu 3
        QCOMPARE(r[6], std::uint8_t(2));    // dest y
        QCOMPARE(r[7], std::uint8_t(1));    // dest x
        QCOMPARE(r[12], std::uint8_t(7));
    }

    void genericRequest()
    {
        ScpRequest q;
        q.command = static_cast<std::uint16_t>(ScpCommand::Read);
        q.seq = 0x0102;
        q.arg1 = 0xF5007F00;
        q.arg2 = 256;
        q.arg3 = 2;
        q.data = {0xAA};
        const Bytes r = encodeScpRequest(q);
        QCOMPARE(r.size(), std::size_t(27));
        QCOMPARE(r[10], std::uint8_t(2));
        QCOMPARE(r[14], std::uint8_t(0x00));
        QCOMPARE(r[17], std::uint8_t(0xF5));
        QCOMPARE(r[18], std::uint8_t(0x00));
        QCOMPARE(r[19], std::uint8_t(0x01));
        QCOMPARE(r[22], std::uint8_t(2));
        QCOMPARE(r[26], std::uint8_t(0xAA));
        q.data.assign(257, 0);
        QVERIFY_THROWS_EXCEPTION(scnn::model::Error, encodeScpRequest(q));
    }

    void parseScamp4Reply()
    {
        const Bytes bytes = scamp4Reply();
        QCOMPARE(bytes.size(), std::size_t(48));
        const auto reply = decodeScpReply(bytes);
        QVERIFY(reply);
        QCOMPARE(reply->result, std::uint16_t(0x80));
        QCOMPARE(reply->seq, std::uint16_t(0x1234));
        QCOMPARE(reply->sdp.flags, std::uint8_t(0x07));
        QCOMPARE(reply->sdp.destPortCpu, std::uint8_t(0xFF));
        QCOMPARE(reply->sdp.srceX, std::uint8_t(1));
        QCOMPARE(reply->sdp.srceY, std::uint8_t(2));
        std::string why;
        const auto v = parseVersionReply(reply->body, &why);
        QVERIFY2(v, why.c_str());
        QCOMPARE(v->name, std::string("SC&MP"));
        QCOMPARE(v->hardware, std::string("SpiNNaker"));
        QCOMPARE(v->version, std::string("4.0.0"));
        QCOMPARE(v->major, 4);
        QCOMPARE(v->minor, 0);
        QCOMPARE(v->patch, 0);
        QCOMPARE(v->x, 1);
        QCOMPARE(v->y, 2);
        QCOMPARE(v->virtualCpu, 0);
        QCOMPARE(v->physicalCpu, 3);
        QCOMPARE(v->bufferSize, 256);
        QCOMPARE(v->buildDate, std::uint32_t(1700000000));
        QCOMPARE(v->buildDateText(), std::string("2023-11-14 22:13:20 UTC"));
        QVERIFY(!v->booting);
    }

    void parseOldVersionField()
    {
        Bytes bytes = scamp4Reply();
        bytes[20] = 342 & 0xFF; // version field major*100 + minor
        bytes[21] = 342 >> 8;
        bytes.resize(26);
        const Bytes id = withTail({}, std::string("SC&MP/SpiNNaker") + '\0');
        bytes.insert(bytes.end(), id.begin(), id.end());
        const auto v = parseVersionReply(decodeScpReply(bytes)->body);
        QVERIFY(v);
        QCOMPARE(v->version, std::string("3.42"));
        QCOMPARE(v->major, 3);
        QCOMPARE(v->minor, 42);
    }

    void bootingAddress()
    {
        Bytes bytes = scamp4Reply();
        bytes[16] = 0xFF;
        bytes[17] = 0xFF;
        const auto v = parseVersionReply(decodeScpReply(bytes)->body);
        QVERIFY(v);
        QVERIFY(v->booting);
    }

    void malformedReplies_data()
    {
        QTest::addColumn<Bytes>("bytes");
        QTest::addColumn<QString>("reason");
        const Bytes good = scamp4Reply();
        QTest::newRow("13 bytes") << Bytes(good.begin(), good.begin() + 13) << QStringLiteral("shorter than");
        Bytes pad = good;
        pad[1] = 1;
        QTest::newRow("pad") << pad << QStringLiteral("pad bytes");
        QTest::newRow("no args") << Bytes(good.begin(), good.begin() + 20) << QStringLiteral("fewer than the 12");
        QTest::newRow("no id") << Bytes(good.begin(), good.begin() + 26) << QStringLiteral("no ID string");
        QTest::newRow("unterminated") << Bytes(good.begin(), good.end() - 1) << QStringLiteral("NUL-terminated");
        QTest::newRow("no version string")
            << withTail(Bytes(good.begin(), good.begin() + 26), std::string("SC&MP/SpiNNaker") + '\0')
            << QStringLiteral("no version string");
        QTest::newRow("no name")
            << withTail(Bytes(good.begin(), good.begin() + 26), std::string("/SpiNNaker") + '\0' + "4.0.0" + '\0')
            << QStringLiteral("has no name before '/'");
        QTest::newRow("bad version")
            << withTail(Bytes(good.begin(), good.begin() + 26), std::string("SC&MP/SpiNNaker") + '\0' + "4.x" + '\0')
            << QStringLiteral("not major.minor.patch");
    }

    void malformedReplies()
    {
        QFETCH(Bytes, bytes);
        QFETCH(QString, reason);
        std::string why;
        const auto reply = decodeScpReply(bytes, &why);
        if (reply)
            QVERIFY(!parseVersionReply(reply->body, &why));
        QVERIFY2(QString::fromStdString(why).contains(reason), why.c_str());
    }

    void returnCodes()
    {
        QCOMPARE(scpResultText(0x81), std::string("RC_LEN (0x81: bad packet length)"));
        QCOMPARE(scpResultText(0x84), std::string("RC_ARG (0x84: invalid arguments)"));
        QCOMPARE(scpResultText(0x8F), std::string("RC_PKT_TX (0x8F: packet transmission failed)"));
        QCOMPARE(scpResultText(0x42), std::string("unknown return code 0x42"));
        QVERIFY(scpResultIsRetryable(0x86));
        QVERIFY(scpResultIsRetryable(0x8E));
        QVERIFY(scpResultIsRetryable(0x81));
        QVERIFY(scpResultIsRetryable(0x8B));
        QVERIFY(scpResultIsRetryable(0x8D));
        QVERIFY(!scpResultIsRetryable(0x80));
        QVERIFY(!scpResultIsRetryable(0x84));
        QVERIFY(!scpResultIsRetryable(0x89));
    }
};

QTEST_GUILESS_MAIN(TestScp)
#include "tst_scp.moc"
