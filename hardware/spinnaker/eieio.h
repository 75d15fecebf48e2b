// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — EIEIO packets (live spikes and commands), encode and decode.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace scnn::hardware {

/// Element type of an EIEIO data packet (header bits 11:10).
enum class EieioType : std::uint8_t {
    Key16 = 0,         ///< 16-bit keys, no payload
    KeyPayload16 = 1,  ///< 16-bit keys, 16-bit payloads
    Key32 = 2,         ///< 32-bit keys, no payload
    KeyPayload32 = 3,  ///< 32-bit keys, 32-bit payloads
};

/// EIEIO command IDs (SpiNNMan `EIEIO_COMMAND_IDS`); on the wire `id, 0x40`.
enum class EieioCommand : std::uint16_t {
    Database = 1,
    EventPadding = 2,
    EventStop = 3,
    StopSendingRequests = 4,
    StartSendingRequests = 5,
    SpinnakerRequestBuffers = 6,
    HostSendSequencedData = 7,
    SpinnakerRequestReadData = 8,
    HostDataRead = 9,
    StopPauseNotification = 10,
    StartResumeNotification = 11,
    HostDataReadAck = 12,
};

/// Bytes per key and per payload of a type.
std::size_t eieioKeyBytes(EieioType type);
std::size_t eieioPayloadBytes(EieioType type);

/**
 * @brief The header of an EIEIO data packet (spinnaker.md §3.1).
 *
 * On the wire the first two bytes are a little-endian u16: bit 15 P (key
 * prefix present), 14 F (prefix in the upper half-word), 13 D (payload prefix
 * present), 12 T (payloads are timestamps), 11:10 type, 9:8 tag, 7:0 count.
 * Then the key prefix (u16, if P), the payload prefix (u16 for 16-bit types,
 * u32 for 32-bit types, if D), then `count` elements of key [+ payload].
 */
struct EieioDataHeader
{
    EieioType type = EieioType::Key32;
    bool hasKeyPrefix = false;       ///< P
    bool prefixUpper = false;        ///< F: prefix goes into bits 31:16
    bool hasPayloadPrefix = false;   ///< D
    bool payloadIsTime = false;      ///< T: payloads are timestamps [timesteps]
    std::uint8_t tag = 0;            ///< Bits 9:8 (ignored by the board)
    std::uint8_t count = 0;          ///< Number of elements (≤ 255)
    std::uint16_t keyPrefix = 0;
    std::uint32_t payloadPrefix = 0;

    /// Header size in bytes including the prefixes (2 … 8).
    std::size_t headerBytes() const;
    /// Whole packet size in bytes for `count` elements.
    std::size_t packetBytes() const;
};

/**
 * @brief A decoded EIEIO data packet: keys with the key prefix applied and
 * payloads with the payload prefix applied (empty when the packet carries
 * neither payloads nor a payload prefix).
 */
struct EieioDataPacket
{
    EieioDataHeader header;
    std::vector<std::uint32_t> keys;
    std::vector<std::uint32_t> payloads; ///< One per key, or empty
};

/// Why a datagram is not a usable EIEIO packet.
enum class EieioError {
    None,
    TooShort,        ///< Fewer bytes than the header needs
    LengthMismatch,  ///< Length ≠ header + count × element size
    NotData,         ///< A command where a data packet was expected
    NotCommand,      ///< A data packet where a command was expected
};

/// A one-line description of an error, for logs and counters.
const char* eieioErrorText(EieioError error);

/// True when the first two bytes say "command" ((h & 0xC000) == 0x4000).
bool isEieioCommand(std::span<const std::uint8_t> bytes);

/**
 * @brief Decodes a data packet into `out` (its vectors are reused, so a
 * receive loop allocates nothing in steady state). Never trusts the count:
 * the datagram length must equal header + count × element size exactly.
 *
 * Key prefix: F = 1 → key | (prefix << 16); F = 0 → key | prefix, as
 * SpiNNMan's host-side decoder does (spinnaker.md §3.1; the board's own
 * decoder differs for F = 0 with 16-bit keys).
 */
EieioError decodeEieioData(std::span<const std::uint8_t> bytes, EieioDataPacket& out);

/// Appends the encoded packet to `out`; header.count is taken from keys.size().
/// Throws model::Error when sizes disagree or there are more than 255 keys.
void encodeEieioData(const EieioDataHeader& header, std::span<const std::uint32_t> keys,
                     std::span<const std::uint32_t> payloads, std::vector<std::uint8_t>& out);

/// A decoded command: its ID and any bytes that follow the two header bytes.
struct EieioCommandPacket
{
    std::uint16_t id = 0;
    std::span<const std::uint8_t> data;
};

EieioError decodeEieioCommand(std::span<const std::uint8_t> bytes, EieioCommandPacket& out);

/// `id & 0x3FFF | 0x4000` little-endian, followed by `data`.
std::vector<std::uint8_t> encodeEieioCommand(EieioCommand id, std::span<const std::uint8_t> data = {});

/// The database notification: `01 40` then the path as raw UTF-8 bytes, no NUL.
std::vector<std::uint8_t> encodeDatabaseNotification(const std::string& path);

} // namespace scnn::hardware
