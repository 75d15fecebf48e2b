// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — SDP framing and SCP requests/replies (CMD_VER) over UDP.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace scnn::hardware {

/// UDP port of SCAMP on a board's Ethernet chip (and of the BMP).
inline constexpr std::uint16_t kScampPort = 17893;
/// The boot port: never send here from an inspecting tool (it boots the board).
inline constexpr std::uint16_t kBootPort = 54321;

/// SDP flags (spinnaker.md §1.3).
inline constexpr std::uint8_t kSdpReplyExpected = 0x87;
inline constexpr std::uint8_t kSdpNoReply = 0x07;
/// `TAG_NONE`: the host sets it on requests.
inline constexpr std::uint8_t kSdpTagNone = 0xFF;

/// SCP command codes used here.
enum class ScpCommand : std::uint16_t { Ver = 0, Read = 2, Iptag = 26, Info = 31 };

/// SCP return codes (`cmd_rc` of replies).
enum class ScpResult : std::uint16_t {
    Ok = 0x80,
    Len = 0x81,
    Sum = 0x82,
    Cmd = 0x83,
    Arg = 0x84,
    Port = 0x85,
    Timeout = 0x86,
    Route = 0x87,
    Cpu = 0x88,
    Dead = 0x89,
    Buf = 0x8A,
    P2pNoReply = 0x8B,
    P2pReject = 0x8C,
    P2pBusy = 0x8D,
    P2pTimeout = 0x8E,
    PktTx = 0x8F,
};

/// "RC_LEN (0x81, bad packet length)"; unknown codes are named by their number.
std::string scpResultText(std::uint16_t code);
/// True for the codes SpiNNMan retries (RC_TIMEOUT, RC_P2P_TIMEOUT, RC_LEN,
/// RC_P2P_NOREPLY, RC_P2P_BUSY).
bool scpResultIsRetryable(std::uint16_t code);

/**
 * @brief The 8-byte SDP header as it follows the 2 pad bytes of a UDP datagram.
 */
struct SdpHeader
{
    std::uint8_t flags = kSdpReplyExpected;
    std::uint8_t tag = kSdpTagNone;
    std::uint8_t destPortCpu = 0;      ///< (port << 5) | cpu
    std::uint8_t srcePortCpu = 0xFF;
    std::uint8_t destY = 255;
    std::uint8_t destX = 255;
    std::uint8_t srceY = 0;
    std::uint8_t srceX = 0;
};

/// An SCP request (SDP data when talking to the kernel).
struct ScpRequest
{
    SdpHeader sdp;
    std::uint16_t command = 0;
    std::uint16_t seq = 0;
    std::uint32_t arg1 = 0;
    std::uint32_t arg2 = 0;
    std::uint32_t arg3 = 0;
    std::vector<std::uint8_t> data; ///< ≤ 256 bytes
};

/// UDP payload: 2 pad bytes, SDP header, cmd_rc, seq, all three args (always
/// sent, SCAMP rejects shorter kernel commands) and data. Throws model::Error
/// when data exceeds 256 bytes.
std::vector<std::uint8_t> encodeScpRequest(const ScpRequest& request);

/// CMD_VER to chip (x, y), core `cpu`: flags 0x87, tag 0xFF, srce 0xFF.
std::vector<std::uint8_t> encodeVersionRequest(std::uint16_t seq, std::uint8_t x = 255,
                                               std::uint8_t y = 255, std::uint8_t cpu = 0);

/// An SCP reply: the SDP header, return code, sequence number and the bytes after them.
struct ScpReply
{
    SdpHeader sdp;
    std::uint16_t result = 0;
    std::uint16_t seq = 0;
    std::vector<std::uint8_t> body; ///< Bytes after cmd_rc/seq (args, then data)
};

/// Decodes a UDP payload received from port 17893. Returns nullopt and sets
/// `why` when it is not an SCP reply (too short, non-zero pad).
std::optional<ScpReply> decodeScpReply(std::span<const std::uint8_t> bytes, std::string* why = nullptr);

/**
 * @brief What a CMD_VER reply says (SpiNNMan `VersionInfo`).
 */
struct VersionInfo
{
    std::string name;          ///< "SC&MP", "BC&MP", …
    std::string hardware;      ///< "SpiNNaker", …
    std::string version;       ///< "4.0.0" or "3.42"
    int major = 0;
    int minor = 0;
    int patch = 0;
    int x = 0;                 ///< Chip that answered
    int y = 0;
    int virtualCpu = 0;
    int physicalCpu = 0;
    int bufferSize = 0;        ///< SCP data buffer size [bytes]
    std::uint32_t buildDate = 0; ///< Unix seconds, 0 if unset
    bool booting = false;      ///< P2P address still 0xFFFF: SCAMP has not finished booting

    /// "2024-03-05 12:00:00 UTC", or "unset" for 0.
    std::string buildDateText() const;
};

/// Parses the body of an RC_OK CMD_VER reply (arg1..3 + "name/hw\0[ver\0]").
/// Returns nullopt and says what is wrong in `why`.
std::optional<VersionInfo> parseVersionReply(std::span<const std::uint8_t> body, std::string* why = nullptr);

} // namespace scnn::hardware
