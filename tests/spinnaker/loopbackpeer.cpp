// SPDX-License-Identifier: GPL-3.0-or-later
// Loopback stand-ins for the sPyNNaker toolchain, the live packet gatherer and SCAMP, built from spinnaker.md.
#include "loopbackpeer.h"

#include <sqlite3.h>

#include <stdexcept>

namespace scnn::test {

namespace asio = boost::asio;

// ---- UdpPeer -----------------------------------------------------------------

UdpPeer::UdpPeer(const std::string& address, std::uint16_t port)
    : m_socket(m_io, udp::endpoint(asio::ip::make_address(address), port))
{
    m_socket.set_option(udp::socket::receive_buffer_size(1 << 20));
}

std::uint16_t UdpPeer::port() const
{
    return m_socket.local_endpoint().port();
}

udp::endpoint UdpPeer::endpoint() const
{
    return m_socket.local_endpoint();
}

void UdpPeer::connect(const udp::endpoint& to)
{
    m_socket.connect(to);
}

void UdpPeer::send(const Bytes& bytes)
{
    boost::system::error_code ec;
    m_socket.send(asio::buffer(bytes), 0, ec);
}

void UdpPeer::sendTo(const Bytes& bytes, const udp::endpoint& to)
{
    boost::system::error_code ec;
    m_socket.send_to(asio::buffer(bytes), to, 0, ec);
}

std::optional<Datagram> UdpPeer::receive(std::chrono::milliseconds timeout)
{
    Bytes buffer(65536);
    Datagram d;
    bool got = false;
    bool done = false;
    m_socket.async_receive_from(asio::buffer(buffer), d.from,
                                [&](const boost::system::error_code& ec, std::size_t n) {
                                    done = true;
                                    if (!ec) {
                                        got = true;
                                        buffer.resize(n);
                                    }
                                });
    m_io.restart();
    m_io.run_for(timeout);
    if (!done) {
        m_socket.cancel();
        m_io.restart();
        m_io.run();
    }
    if (!got)
        return std::nullopt;
    d.bytes = std::move(buffer);
    return d;
}

udp::endpoint loopback(std::uint16_t port)
{
    return udp::endpoint(asio::ip::address_v4::loopback(), port);
}

std::uint16_t unusedPort()
{
    UdpPeer p;
    return p.port();
}

// ---- packets --------------------------------------------------------------------

namespace {

void le32(Bytes& b, std::uint32_t v)
{
    b.push_back(v & 0xFF);
    b.push_back((v >> 8) & 0xFF);
    b.push_back((v >> 16) & 0xFF);
    b.push_back((v >> 24) & 0xFF);
}

} // namespace

Bytes lpgPacket(std::uint32_t timestep, std::span<const std::uint32_t> keys)
{
    Bytes b{static_cast<std::uint8_t>(keys.size()), 0x38};
    le32(b, timestep);
    for (std::uint32_t k : keys)
        le32(b, k);
    return b;
}

Bytes key32Packet(std::span<const std::uint32_t> keys)
{
    Bytes b{static_cast<std::uint8_t>(keys.size()), 0x08};
    for (std::uint32_t k : keys)
        le32(b, k);
    return b;
}

Bytes databaseMessage(const std::string& path)
{
    Bytes b;
    b.reserve(2 + path.size());
    b.push_back(0x01);
    b.push_back(0x40);
    for (char c : path)
        b.push_back(static_cast<std::uint8_t>(c));
    return b;
}

// ---- database --------------------------------------------------------------------

std::uint32_t testKey(const TestPopulation& population, int atom, DbSchema schema)
{
    const bool v7 = schema == DbSchema::View7 || schema == DbSchema::Tables7;
    return population.baseKey + (static_cast<std::uint32_t>(atom) << (v7 ? 4 : 0));
}

namespace {

void exec(sqlite3* db, const std::string& sql)
{
    char* error = nullptr;
    if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
        const std::string message = error ? error : "?";
        sqlite3_free(error);
        throw std::runtime_error("test database: " + message + " in " + sql);
    }
}

std::string quote(const std::string& s)
{
    std::string out = "'";
    for (char c : s) {
        if (c == '\'')
            out += '\'';
        out += c;
    }
    return out + "'";
}

} // namespace

void writeTestDatabase(const std::string& path, const std::vector<TestPopulation>& populations, DbSchema schema,
                       int machineTimeStepUs, int timeScaleFactor, int perCore, const std::string& boardAddress)
{
    std::remove(path.c_str());
    sqlite3* db = nullptr;
    if (sqlite3_open(path.c_str(), &db) != SQLITE_OK)
        throw std::runtime_error("test database: cannot create " + path);
    const bool v7 = schema == DbSchema::View7 || schema == DbSchema::Tables7;
    const bool view = schema == DbSchema::View7 || schema == DbSchema::View6;
    exec(db, "BEGIN");
    exec(db, "CREATE TABLE configuration_parameters(parameter_id TEXT, value REAL)");
    exec(db, "INSERT INTO configuration_parameters VALUES ('machine_time_step', " + std::to_string(machineTimeStepUs)
                 + "), ('time_scale_factor', " + std::to_string(timeScaleFactor)
                 + "), ('infinite_run', 'False'), ('runtime', 1000.0)");
    exec(db, "CREATE TABLE IP_tags(vertex_id INTEGER, tag INTEGER, board_address TEXT, ip_address TEXT, "
             "port INTEGER, strip_sdp INTEGER)");
    if (v7) {
        exec(db, "CREATE TABLE Application_vertices(vertex_id INTEGER PRIMARY KEY AUTOINCREMENT, vertex_label TEXT)");
        exec(db, "CREATE TABLE Machine_vertices(vertex_id INTEGER PRIMARY KEY AUTOINCREMENT, label TEXT)");
        exec(db, "CREATE TABLE graph_mapper_vertex(application_vertex_id INTEGER, machine_vertex_id INTEGER)");
        exec(db, "CREATE TABLE event_to_atom_mapping(vertex_id INTEGER, atom_id INTEGER, "
                 "event_id INTEGER PRIMARY KEY)");
        exec(db, "CREATE TABLE m_vertex_to_lpg_vertex(pre_vertex_id INTEGER, partition_id TEXT, "
                 "post_vertex_id INTEGER)");
        exec(db, "CREATE TABLE Placements(vertex_id INTEGER PRIMARY KEY, chip_x INTEGER, chip_y INTEGER, "
                 "chip_p INTEGER)");
        // The live packet gatherer and its tag (7 for a default activate_live_output_for).
        exec(db, "INSERT INTO Application_vertices(vertex_label) VALUES ('LiveSpikeReceiver')");
        exec(db, "INSERT INTO Machine_vertices(label) VALUES ('LiveSpikeReceiver:0')");
        exec(db, "INSERT INTO graph_mapper_vertex VALUES (1, 1)");
        exec(db, "INSERT INTO Placements VALUES (1, 0, 0, 1)");
        exec(db, "INSERT INTO IP_tags VALUES (1, 7, " + quote(boardAddress) + ", '0.0.0.0', 17895, 1)");
        int app = 1;
        int machine = 1;
        for (const TestPopulation& p : populations) {
            ++app;
            exec(db, "INSERT INTO Application_vertices(vertex_label) VALUES (" + quote(p.label) + ")");
            for (int lo = 0; lo < p.size; lo += perCore) {
                ++machine;
                exec(db, "INSERT INTO Machine_vertices(label) VALUES (" + quote(p.label + ":" + std::to_string(lo))
                             + ")");
                exec(db, "INSERT INTO graph_mapper_vertex VALUES (" + std::to_string(app) + ", "
                             + std::to_string(machine) + ")");
                if (p.liveOutput)
                    exec(db, "INSERT INTO m_vertex_to_lpg_vertex VALUES (" + std::to_string(machine)
                                 + ", 'SPIKE', 1)");
                for (int a = lo; a < std::min(p.size, lo + perCore); ++a)
                    exec(db, "INSERT INTO event_to_atom_mapping VALUES (" + std::to_string(machine) + ", "
                                 + std::to_string(a) + ", " + std::to_string(testKey(p, a, schema)) + ")");
            }
        }
        if (view) {
            exec(db, "CREATE VIEW label_event_atom_view AS SELECT e.atom_id AS atom, e.event_id AS event, "
                     "a.vertex_label AS label FROM event_to_atom_mapping e "
                     "JOIN graph_mapper_vertex g ON g.machine_vertex_id = e.vertex_id "
                     "JOIN Application_vertices a ON a.vertex_id = g.application_vertex_id");
            exec(db, "CREATE VIEW app_output_tag_view AS SELECT DISTINCT pa.vertex_label AS pre_vertex_label, "
                     "la.vertex_label AS post_vertex_label, t.ip_address, t.port, t.strip_sdp, t.board_address, "
                     "t.tag, pl.chip_x, pl.chip_y FROM m_vertex_to_lpg_vertex l "
                     "JOIN graph_mapper_vertex pg ON pg.machine_vertex_id = l.pre_vertex_id "
                     "JOIN Application_vertices pa ON pa.vertex_id = pg.application_vertex_id "
                     "JOIN graph_mapper_vertex lg ON lg.machine_vertex_id = l.post_vertex_id "
                     "JOIN Application_vertices la ON la.vertex_id = lg.application_vertex_id "
                     "JOIN IP_tags t ON t.vertex_id = l.post_vertex_id "
                     "JOIN Placements pl ON pl.vertex_id = l.post_vertex_id");
        }
    } else {
        exec(db, "CREATE TABLE Application_vertices(vertex_id INTEGER PRIMARY KEY AUTOINCREMENT, vertex_label TEXT, "
                 "vertex_class TEXT, no_atoms INTEGER, max_atom_constrant INTEGER)");
        exec(db, "CREATE TABLE graph_mapper_vertex(application_vertex_id INTEGER, machine_vertex_id INTEGER, "
                 "lo_atom INTEGER, hi_atom INTEGER)");
        exec(db, "CREATE TABLE event_to_atom_mapping(vertex_id INTEGER, atom_id INTEGER, "
                 "event_id INTEGER PRIMARY KEY)");
        for (const TestPopulation& p : populations) {
            exec(db, "INSERT INTO Application_vertices(vertex_label, vertex_class, no_atoms, max_atom_constrant) "
                     "VALUES (" + quote(p.label) + ", 'Population', " + std::to_string(p.size) + ", 256)");
            exec(db, "INSERT INTO graph_mapper_vertex VALUES (last_insert_rowid(), 0, 0, "
                         + std::to_string(p.size - 1) + ")");
            for (int a = 0; a < p.size; ++a)
                exec(db, "INSERT INTO event_to_atom_mapping VALUES ((SELECT max(vertex_id) FROM "
                         "Application_vertices), " + std::to_string(a) + ", " + std::to_string(testKey(p, a, schema))
                             + ")");
        }
        if (view)
            exec(db, "CREATE VIEW label_event_atom_view AS SELECT e.atom_id AS atom, e.event_id AS event, "
                     "a.vertex_label AS label, a.vertex_class AS class FROM event_to_atom_mapping e "
                     "JOIN Application_vertices a ON a.vertex_id = e.vertex_id");
    }
    exec(db, "COMMIT");
    sqlite3_close(db);
}

void runSql(const std::string& path, const std::string& sql)
{
    sqlite3* db = nullptr;
    if (sqlite3_open(path.c_str(), &db) != SQLITE_OK)
        throw std::runtime_error("test database: cannot open " + path);
    try {
        exec(db, sql);
    } catch (...) {
        sqlite3_close(db);
        throw;
    }
    sqlite3_close(db);
}

// ---- ToolchainPeer ------------------------------------------------------------------

ToolchainPeer::ToolchainPeer(std::uint16_t listenerPort, const std::string& from) : m_socket(from)
{
    m_socket.connect(loopback(listenerPort));
}

void ToolchainPeer::announceDatabase(const std::string& path)
{
    m_socket.send(databaseMessage(path));
}

std::optional<Bytes> ToolchainPeer::waitForReady(std::chrono::milliseconds timeout)
{
    auto d = m_socket.receive(timeout);
    if (!d)
        return std::nullopt;
    return d->bytes;
}

void ToolchainPeer::start()
{
    m_socket.send(startMessage());
}

void ToolchainPeer::stop()
{
    m_socket.send(stopMessage());
}

void ToolchainPeer::sendRaw(const Bytes& bytes)
{
    m_socket.send(bytes);
}

// ---- ScampPeer --------------------------------------------------------------------

ScampPeer::ScampPeer(ScampMode mode, std::uint8_t x, std::uint8_t y) : m_mode(mode), m_x(x), m_y(y)
{
    m_thread = std::thread([this] { run(); });
}

ScampPeer::~ScampPeer()
{
    m_stop = true;
    m_thread.join();
}

Bytes ScampPeer::firstRequest() const
{
    std::lock_guard lock(m_mutex);
    return m_first;
}

Bytes ScampPeer::versionReply(std::uint16_t seq, std::uint8_t x, std::uint8_t y, bool booting, bool oldVersion)
{
    // spinnaker.md §1.3 reply routing and §2.1 response layout.
    Bytes b{0x00, 0x00, 0x07, 0x08, 0xFF, 0x00, 0x00, 0x00, y, x};
    b.push_back(0x80); // RC_OK
    b.push_back(0x00);
    b.push_back(seq & 0xFF);
    b.push_back(seq >> 8);
    // arg1: virtual cpu 0, physical cpu 3, P2P address (y, x) or 0xFFFF.
    b.push_back(0x00);
    b.push_back(0x03);
    b.push_back(booting ? 0xFF : y);
    b.push_back(booting ? 0xFF : x);
    // arg2: buffer size 256, version 0xFFFF (or 342 for the old form).
    b.push_back(0x00);
    b.push_back(0x01);
    b.push_back(oldVersion ? (342 & 0xFF) : 0xFF);
    b.push_back(oldVersion ? (342 >> 8) : 0xFF);
    le32(b, 1700000000u); // arg3: build date 2023-11-14 22:13:20 UTC
    const std::string id = oldVersion ? std::string("SC&MP/SpiNNaker") + '\0'
                                      : std::string("SC&MP/SpiNNaker") + '\0' + "4.0.0" + '\0';
    b.insert(b.end(), id.begin(), id.end());
    return b;
}

void ScampPeer::run()
{
    while (!m_stop) {
        auto d = m_socket.receive(std::chrono::milliseconds(20));
        if (!d)
            continue;
        const int n = ++m_requests;
        {
            std::lock_guard lock(m_mutex);
            if (m_first.empty())
                m_first = d->bytes;
        }
        if (d->bytes.size() < 14)
            continue;
        const std::uint16_t seq = static_cast<std::uint16_t>(d->bytes[12] | (d->bytes[13] << 8));
        Bytes reply;
        switch (m_mode) {
        case ScampMode::Good: reply = versionReply(seq, m_x, m_y, false, false); break;
        case ScampMode::OldVersion: reply = versionReply(seq, m_x, m_y, false, true); break;
        case ScampMode::Truncated: reply = Bytes{0x00, 0x00, 0x07, 0x08, 0xFF, 0x00, 0x00, 0x00, 0x00, 0x00, 0x80}; break;
        case ScampMode::ErrorCode:
        case ScampMode::RetryThenGood:
            if (m_mode == ScampMode::RetryThenGood && n > 1) {
                reply = versionReply(seq, m_x, m_y, false, false);
            } else {
                reply = Bytes{0x00, 0x00, 0x07, 0x08, 0xFF, 0x00, 0x00, 0x00, m_y, m_x};
                reply.push_back(m_mode == ScampMode::ErrorCode ? 0x84 : 0x8D);
                reply.push_back(0x00);
                reply.push_back(seq & 0xFF);
                reply.push_back(seq >> 8);
            }
            break;
        case ScampMode::Silent: break;
        case ScampMode::BootingThenGood: reply = versionReply(seq, m_x, m_y, n <= 2, false); break;
        case ScampMode::WrongSeq: reply = versionReply(static_cast<std::uint16_t>(seq + 1), m_x, m_y, false, false); break;
        case ScampMode::NoIdString:
            reply = versionReply(seq, m_x, m_y, false, false);
            reply.resize(26);
            break;
        }
        if (!reply.empty())
            m_socket.sendTo(reply, d->from);
    }
}

} // namespace scnn::test
