// SPDX-License-Identifier: GPL-3.0-or-later
// Loopback stand-ins for the sPyNNaker toolchain, the live packet gatherer and SCAMP, built from spinnaker.md.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/udp.hpp>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <thread>
#include <vector>

namespace scnn::test {

using Bytes = std::vector<std::uint8_t>;
using boost::asio::ip::udp;

struct Datagram
{
    Bytes bytes;
    udp::endpoint from;
};

/// A UDP socket on a loopback address with a timed receive.
class UdpPeer
{
public:
    explicit UdpPeer(const std::string& address = "127.0.0.1", std::uint16_t port = 0);
    std::uint16_t port() const;
    udp::endpoint endpoint() const;
    /// Connects the socket: it then only hears `to` (as the toolchain's notification socket).
    void connect(const udp::endpoint& to);
    void send(const Bytes& bytes);
    void sendTo(const Bytes& bytes, const udp::endpoint& to);
    std::optional<Datagram> receive(std::chrono::milliseconds timeout);

private:
    boost::asio::io_context m_io;
    udp::socket m_socket;
};

udp::endpoint loopback(std::uint16_t port);

// ---- hand-written packets (spinnaker.md §3, §4.5) ---------------------------

/// Default live-output packet: `count, 0x38`, u32 timestep, count × u32 key.
Bytes lpgPacket(std::uint32_t timestep, std::span<const std::uint32_t> keys);
/// `count, 0x08`, count × u32 key (no timestamps).
Bytes key32Packet(std::span<const std::uint32_t> keys);
/// `01 40` + path bytes.
Bytes databaseMessage(const std::string& path);
inline Bytes startMessage() { return {0x0B, 0x40}; }
inline Bytes stopMessage() { return {0x0A, 0x40}; }

// ---- the SQLite database ---------------------------------------------------------

struct TestPopulation
{
    std::string label;
    int size = 0;
    std::uint32_t baseKey = 0;   ///< See testKey()
    bool liveOutput = true;
};

enum class DbSchema {
    View7,    ///< 7.x tables plus label_event_atom_view and app_output_tag_view
    View6,    ///< 6.x tables plus the view (with its class column)
    Tables7,  ///< 7.x tables, no view (raw joins through Machine_vertices)
    Tables6,  ///< 6.x tables, no view
};

/// The key of neuron `atom`: baseKey + atom for 6.x; baseKey + (atom << 4)
/// for 7.x (4 colour bits, stored as zero in the database).
std::uint32_t testKey(const TestPopulation& population, int atom, DbSchema schema);

/// Writes an input_output_database as spinnaker.md §4.3 describes. Machine
/// vertices hold at most `perCore` atoms each (7.x forms).
void writeTestDatabase(const std::string& path, const std::vector<TestPopulation>& populations, DbSchema schema,
                       int machineTimeStepUs = 1000, int timeScaleFactor = 1, int perCore = 64,
                       const std::string& boardAddress = "127.0.0.1");

/// Runs SQL statements on a (new or existing) SQLite file.
void runSql(const std::string& path, const std::string& sql);

// ---- the toolchain's side of the notification protocol -------------------------

/// Sends the notifications to a listener from a socket connected to it, as the toolchain does.
class ToolchainPeer
{
public:
    explicit ToolchainPeer(std::uint16_t listenerPort, const std::string& from = "127.0.0.1");
    void announceDatabase(const std::string& path);
    /// The listener's answer, if any arrives in time.
    std::optional<Bytes> waitForReady(std::chrono::milliseconds timeout);
    void start();
    void stop();
    void sendRaw(const Bytes& bytes);

private:
    UdpPeer m_socket;
};

// ---- SCAMP -------------------------------------------------------------------------

enum class ScampMode {
    Good,           ///< 48-byte SCAMP 4.0.0 reply
    OldVersion,     ///< version field 342 (3.42), no version string
    Truncated,      ///< only pad + SDP header + cmd_rc
    ErrorCode,      ///< RC_ARG
    RetryThenGood,  ///< RC_P2P_BUSY to the first request, then Good
    Silent,         ///< receives but never answers
    BootingThenGood,///< P2P address 0xFFFF for the first two requests
    WrongSeq,       ///< echoes seq + 1
    NoIdString,     ///< RC_OK with the args only
};

/// Answers CMD_VER on a loopback port from its own thread.
class ScampPeer
{
public:
    explicit ScampPeer(ScampMode mode, std::uint8_t x = 0, std::uint8_t y = 0);
    ~ScampPeer();
    std::uint16_t port() const { return m_socket.port(); }
    int requests() const { return m_requests.load(); }
    Bytes firstRequest() const;

    static Bytes versionReply(std::uint16_t seq, std::uint8_t x, std::uint8_t y, bool booting, bool oldVersion);

private:
    void run();
    ScampMode m_mode;
    std::uint8_t m_x, m_y;
    UdpPeer m_socket;
    std::atomic<bool> m_stop{false};
    std::atomic<int> m_requests{0};
    mutable std::mutex m_mutex;
    Bytes m_first;
    std::thread m_thread;
};

/// A port on loopback nobody listens on (bound, then closed).
std::uint16_t unusedPort();

} // namespace scnn::test
