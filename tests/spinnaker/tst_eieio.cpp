// SPDX-License-Identifier: GPL-3.0-or-later
// EIEIO encode/decode against byte layouts written out from spinnaker.md §3 and §4.5.
#include "hardware/spinnaker/eieio.h"
#include "model/error.h"

#include <QTest>

#include <random>

using namespace scnn::hardware;
using Bytes = std::vector<std::uint8_t>;

Q_DECLARE_METATYPE(Bytes)

class TestEieio : public QObject
{
    Q_OBJECT

private slots:
    void decodeData_data()
    {
        QTest::addColumn<Bytes>("bytes");
        QTest::addColumn<int>("type");
        QTest::addColumn<bool>("isTime");
        QTest::addColumn<std::vector<std::uint32_t>>("keys");
        QTest::addColumn<std::vector<std::uint32_t>>("payloads");

        // §4.5 default live output: count, 0x38, u32 timestep, u32 keys.
        QTest::newRow("lpg default")
            << Bytes{0x03, 0x38, 0x04, 0x03, 0x02, 0x01, 0x10, 0x00, 0x00, 0x00, 0x20, 0x00, 0x00, 0x00,
                     0xEF, 0xBE, 0xAD, 0xDE}
            << 2 << true << std::vector<std::uint32_t>{0x10, 0x20, 0xDEADBEEF}
            << std::vector<std::uint32_t>{0x01020304, 0x01020304, 0x01020304};
        // P=1 F=1, 16-bit keys: key | (prefix << 16).
        QTest::newRow("key16 prefix upper")
            << Bytes{0x02, 0xC0, 0xCD, 0xAB, 0x01, 0x00, 0x02, 0x00} << 0 << false
            << std::vector<std::uint32_t>{0xABCD0001, 0xABCD0002} << std::vector<std::uint32_t>{};
        // P=1 F=0: SpiNNMan ORs the prefix without shifting.
        QTest::newRow("key16 prefix lower")
            << Bytes{0x01, 0x80, 0x00, 0x01, 0x23, 0x00} << 0 << false << std::vector<std::uint32_t>{0x0123}
            << std::vector<std::uint32_t>{};
        // T=1, KEY_PAYLOAD_16_BIT: per-key timestamps.
        QTest::newRow("key payload 16 time")
            << Bytes{0x02, 0x14, 0x05, 0x00, 0x07, 0x00, 0x06, 0x00, 0x08, 0x00} << 1 << true
            << std::vector<std::uint32_t>{5, 6} << std::vector<std::uint32_t>{7, 8};
        // D=1 with KEY_PAYLOAD_32_BIT: the prefix is OR-ed into each payload.
        QTest::newRow("key payload 32 prefix")
            << Bytes{0x01, 0x2C, 0x00, 0x00, 0x01, 0x00, 0x44, 0x33, 0x22, 0x11, 0x05, 0x00, 0x00, 0x00} << 3 << false
            << std::vector<std::uint32_t>{0x11223344} << std::vector<std::uint32_t>{0x00010005};
        // D=1 with a key-only 16-bit type: the prefix becomes every payload.
        QTest::newRow("key16 payload prefix")
            << Bytes{0x02, 0x20, 0x2A, 0x00, 0x01, 0x00, 0x02, 0x00} << 0 << false
            << std::vector<std::uint32_t>{1, 2} << std::vector<std::uint32_t>{0x2A, 0x2A};
        // 32-bit keys, no payload, no prefix (what the injector sends).
        QTest::newRow("key32 plain") << Bytes{0x01, 0x08, 0x78, 0x56, 0x34, 0x12} << 2 << false
                                     << std::vector<std::uint32_t>{0x12345678} << std::vector<std::uint32_t>{};
        QTest::newRow("empty count") << Bytes{0x00, 0x38, 0x09, 0x00, 0x00, 0x00} << 2 << true
                                     << std::vector<std::uint32_t>{} << std::vector<std::uint32_t>{};
    }

    void decodeData()
    {
        QFETCH(Bytes, bytes);
        QFETCH(int, type);
        QFETCH(bool, isTime);
        QFETCH(std::vector<std::uint32_t>, keys);
        QFETCH(std::vector<std::uint32_t>, payloads);
        EieioDataPacket p;
        QCOMPARE(decodeEieioData(bytes, p), EieioError::None);
        QCOMPARE(int(p.header.type), type);
        QCOMPARE(p.header.payloadIsTime, isTime);
        QCOMPARE(p.keys, keys);
        QCOMPARE(p.payloads, payloads);
        QCOMPARE(p.header.packetBytes(), bytes.size());
        QVERIFY(!isEieioCommand(bytes));
    }

    void encodeMatchesHandLayout()
    {
        EieioDataHeader h;
        h.type = EieioType::Key32;
        h.hasPayloadPrefix = true;
        h.payloadIsTime = true;
        h.payloadPrefix = 0x01020304;
        const std::vector<std::uint32_t> keys{0x10, 0x20, 0xDEADBEEF};
        Bytes out;
        encodeEieioData(h, keys, {}, out);
        QCOMPARE(out, (Bytes{0x03, 0x38, 0x04, 0x03, 0x02, 0x01, 0x10, 0x00, 0x00, 0x00, 0x20, 0x00, 0x00, 0x00,
                             0xEF, 0xBE, 0xAD, 0xDE}));

        EieioDataHeader k16;
        k16.type = EieioType::Key16;
        k16.hasKeyPrefix = true;
        k16.prefixUpper = true;
        k16.keyPrefix = 0xABCD;
        out.clear();
        const std::vector<std::uint32_t> low{1, 2};
        encodeEieioData(k16, low, {}, out);
        QCOMPARE(out, (Bytes{0x02, 0xC0, 0xCD, 0xAB, 0x01, 0x00, 0x02, 0x00}));

        EieioDataHeader kp16;
        kp16.type = EieioType::KeyPayload16;
        kp16.payloadIsTime = true;
        out.clear();
        const std::vector<std::uint32_t> k{5, 6};
        const std::vector<std::uint32_t> pl{7, 8};
        encodeEieioData(kp16, k, pl, out);
        QCOMPARE(out, (Bytes{0x02, 0x14, 0x05, 0x00, 0x07, 0x00, 0x06, 0x00, 0x08, 0x00}));
    }

    void roundTripEveryType()
    {
        std::mt19937 rng(7);
        for (int type = 0; type < 4; ++type)
            for (int flags = 0; flags < 16; ++flags) {
                EieioDataHeader h;
                h.type = static_cast<EieioType>(type);
                h.hasKeyPrefix = flags & 1;
                h.prefixUpper = true;
                h.hasPayloadPrefix = flags & 2;
                h.payloadIsTime = flags & 4;
                h.tag = (flags & 8) ? 2 : 0;
                h.keyPrefix = 0x1234;
                h.payloadPrefix = eieioKeyBytes(h.type) == 4 ? 0x00100000u : 0x0100u;
                const bool wide = eieioKeyBytes(h.type) == 4;
                const std::size_t n = 1 + rng() % 60;
                std::vector<std::uint32_t> keys(n), payloads;
                for (auto& k : keys)
                    k = h.hasKeyPrefix ? (rng() & 0xFFFF) : (wide ? rng() : rng() & 0xFFFF);
                if (eieioPayloadBytes(h.type)) {
                    payloads.resize(n);
                    for (auto& p : payloads)
                        p = wide ? rng() : rng() & 0xFFFF;
                }
                Bytes out;
                encodeEieioData(h, keys, payloads, out);
                h.count = static_cast<std::uint8_t>(n);
                QCOMPARE(out.size(), h.packetBytes());
                EieioDataPacket p;
                QCOMPARE(decodeEieioData(out, p), EieioError::None);
                QCOMPARE(p.header.tag, h.tag);
                for (std::size_t i = 0; i < n; ++i) {
                    const std::uint32_t expectKey = keys[i] | (h.hasKeyPrefix ? 0x12340000u : 0u);
                    QCOMPARE(p.keys[i], expectKey);
                    if (!payloads.empty())
                        QCOMPARE(p.payloads[i], payloads[i] | (h.hasPayloadPrefix ? h.payloadPrefix : 0u));
                    else if (h.hasPayloadPrefix)
                        QCOMPARE(p.payloads[i], h.payloadPrefix);
                }
            }
    }

    void rejectsBadPackets_data()
    {
        QTest::addColumn<Bytes>("bytes");
        QTest::addColumn<int>("error");
        QTest::newRow("empty") << Bytes{} << int(EieioError::TooShort);
        QTest::newRow("one byte") << Bytes{0x03} << int(EieioError::TooShort);
        QTest::newRow("header cut in timestamp") << Bytes{0x01, 0x38, 0x00, 0x00} << int(EieioError::TooShort);
        QTest::newRow("count says 3, carries 2")
            << Bytes{0x03, 0x38, 0x00, 0x00, 0x00, 0x00, 1, 0, 0, 0, 2, 0, 0, 0} << int(EieioError::LengthMismatch);
        QTest::newRow("trailing byte") << Bytes{0x01, 0x08, 1, 0, 0, 0, 9} << int(EieioError::LengthMismatch);
        QTest::newRow("odd key bytes") << Bytes{0x01, 0x08, 1, 0, 0} << int(EieioError::LengthMismatch);
        QTest::newRow("count 255, nothing") << Bytes{0xFF, 0x08} << int(EieioError::LengthMismatch);
        QTest::newRow("command") << Bytes{0x01, 0x40} << int(EieioError::NotData);
        QTest::newRow("stop command") << Bytes{0x0A, 0x40} << int(EieioError::NotData);
    }

    void rejectsBadPackets()
    {
        QFETCH(Bytes, bytes);
        QFETCH(int, error);
        EieioDataPacket p;
        QCOMPARE(int(decodeEieioData(bytes, p)), error);
        QVERIFY(p.keys.empty());
        QVERIFY(std::string(eieioErrorText(static_cast<EieioError>(error))).size() > 3);
    }

    void randomBytesNeverCrash()
    {
        std::mt19937 rng(42);
        EieioDataPacket p;
        int decoded = 0;
        for (int i = 0; i < 20000; ++i) {
            Bytes b(rng() % 300);
            for (auto& x : b)
                x = static_cast<std::uint8_t>(rng());
            if (decodeEieioData(b, p) == EieioError::None) {
                ++decoded;
                QCOMPARE(p.header.packetBytes(), b.size());
                QCOMPARE(p.keys.size(), std::size_t(p.header.count));
            }
        }
        QVERIFY(decoded < 20000);
    }

    void commands()
    {
        const std::string path = "reports/2026-01-01/run_1/input_output_database.sqlite3";
        const Bytes db = encodeDatabaseNotification(path);
        Bytes expected;
        expected.push_back(0x01);
        expected.push_back(0x40);
        for (char ch : path)
            expected.push_back(static_cast<std::uint8_t>(ch));
        QCOMPARE(db, expected);
        QVERIFY(isEieioCommand(db));
        EieioCommandPacket c;
        QCOMPARE(decodeEieioCommand(db, c), EieioError::None);
        QCOMPARE(c.id, std::uint16_t(1));
        QCOMPARE(std::string(c.data.begin(), c.data.end()), path);

        QCOMPARE(encodeEieioCommand(EieioCommand::Database), (Bytes{0x01, 0x40}));
        QCOMPARE(encodeEieioCommand(EieioCommand::StopPauseNotification), (Bytes{0x0A, 0x40}));
        QCOMPARE(encodeEieioCommand(EieioCommand::StartResumeNotification), (Bytes{0x0B, 0x40}));
        QCOMPARE(encodeEieioCommand(EieioCommand::HostDataReadAck), (Bytes{0x0C, 0x40}));
        const Bytes stop{0x0A, 0x40};
        QCOMPARE(decodeEieioCommand(stop, c), EieioError::None);
        QCOMPARE(c.id, std::uint16_t(10));
        QVERIFY(c.data.empty());
        QCOMPARE(decodeEieioCommand(Bytes{0x03, 0x38}, c), EieioError::NotCommand);
        QCOMPARE(decodeEieioCommand(Bytes{0x01}, c), EieioError::TooShort);
    }

    void encodeRejectsBadSizes()
    {
        EieioDataHeader h;
        h.type = EieioType::KeyPayload32;
        Bytes out;
        const std::vector<std::uint32_t> keys(3, 1), payloads(2, 1), many(256, 1);
        QVERIFY_THROWS_EXCEPTION(scnn::model::Error, encodeEieioData(h, keys, payloads, out));
        h.type = EieioType::Key32;
        QVERIFY_THROWS_EXCEPTION(scnn::model::Error, encodeEieioData(h, many, {}, out));
        QVERIFY_THROWS_EXCEPTION(scnn::model::Error, encodeEieioData(h, keys, payloads, out));
    }
};

QTEST_GUILESS_MAIN(TestEieio)
#include "tst_eieio.moc"
