// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — EIEIO packets (live spikes and commands), encode and decode.
#include "hardware/spinnaker/eieio.h"

#include "hardware/spinnaker/wire.h"
#include "model/error.h"

namespace scnn::hardware {

namespace {

constexpr std::uint16_t kCommandMask = 0xC000;
constexpr std::uint16_t kCommandBits = 0x4000;

bool is32(EieioType type)
{
    return type == EieioType::Key32 || type == EieioType::KeyPayload32;
}

} // namespace

std::size_t eieioKeyBytes(EieioType type)
{
    return is32(type) ? 4 : 2;
}

std::size_t eieioPayloadBytes(EieioType type)
{
    switch (type) {
    case EieioType::KeyPayload16: return 2;
    case EieioType::KeyPayload32: return 4;
    default: return 0;
    }
}

std::size_t EieioDataHeader::headerBytes() const
{
    return 2 + (hasKeyPrefix ? 2 : 0) + (hasPayloadPrefix ? (is32(type) ? 4 : 2) : 0);
}

std::size_t EieioDataHeader::packetBytes() const
{
    return headerBytes() + std::size_t(count) * (eieioKeyBytes(type) + eieioPayloadBytes(type));
}

const char* eieioErrorText(EieioError error)
{
    switch (error) {
    case EieioError::None: return "ok";
    case EieioError::TooShort: return "shorter than its EIEIO header";
    case EieioError::LengthMismatch: return "length does not match header + count x element size";
    case EieioError::NotData: return "an EIEIO command where spike data was expected";
    case EieioError::NotCommand: return "EIEIO data where a command was expected";
    }
    return "unknown";
}

bool isEieioCommand(std::span<const std::uint8_t> bytes)
{
    return bytes.size() >= 2 && (wire::u16(bytes.data()) & kCommandMask) == kCommandBits;
}

EieioError decodeEieioData(std::span<const std::uint8_t> bytes, EieioDataPacket& out)
{
    out.keys.clear();
    out.payloads.clear();
    if (bytes.size() < 2)
        return EieioError::TooShort;
    const std::uint16_t h = wire::u16(bytes.data());
    if ((h & kCommandMask) == kCommandBits)
        return EieioError::NotData;

    EieioDataHeader& hd = out.header;
    hd.hasKeyPrefix = (h >> 15) & 1;
    hd.prefixUpper = (h >> 14) & 1;
    hd.hasPayloadPrefix = (h >> 13) & 1;
    hd.payloadIsTime = (h >> 12) & 1;
    hd.type = static_cast<EieioType>((h >> 10) & 3);
    hd.tag = static_cast<std::uint8_t>((h >> 8) & 3);
    hd.count = static_cast<std::uint8_t>(h & 0xFF);
    hd.keyPrefix = 0;
    hd.payloadPrefix = 0;

    const std::size_t headerBytes = hd.headerBytes();
    if (bytes.size() < headerBytes)
        return EieioError::TooShort;
    if (bytes.size() != hd.packetBytes())
        return EieioError::LengthMismatch;

    const std::uint8_t* p = bytes.data() + 2;
    const bool wide = is32(hd.type);
    if (hd.hasKeyPrefix) {
        hd.keyPrefix = wire::u16(p);
        p += 2;
    }
    if (hd.hasPayloadPrefix) {
        hd.payloadPrefix = wide ? wire::u32(p) : wire::u16(p);
        p += wide ? 4 : 2;
    }
    const std::uint32_t keyOr = !hd.hasKeyPrefix ? 0u
                                : hd.prefixUpper ? std::uint32_t(hd.keyPrefix) << 16
                                                 : std::uint32_t(hd.keyPrefix);
    const bool withPayload = eieioPayloadBytes(hd.type) > 0;
    out.keys.resize(hd.count);
    if (withPayload || hd.hasPayloadPrefix)
        out.payloads.resize(hd.count);
    for (std::size_t i = 0; i < hd.count; ++i) {
        const std::uint32_t key = wide ? wire::u32(p) : wire::u16(p);
        p += wide ? 4 : 2;
        out.keys[i] = key | keyOr;
        if (withPayload) {
            const std::uint32_t payload = wide ? wire::u32(p) : wire::u16(p);
            p += wide ? 4 : 2;
            out.payloads[i] = payload | hd.payloadPrefix;
        } else if (hd.hasPayloadPrefix) {
            out.payloads[i] = hd.payloadPrefix;
        }
    }
    return EieioError::None;
}

void encodeEieioData(const EieioDataHeader& header, std::span<const std::uint32_t> keys,
                     std::span<const std::uint32_t> payloads, std::vector<std::uint8_t>& out)
{
    const bool withPayload = eieioPayloadBytes(header.type) > 0;
    if (keys.size() > 255)
        throw model::Error("EIEIO packet: " + std::to_string(keys.size())
                           + " keys do not fit the 8-bit count (at most 255)");
    if (withPayload && payloads.size() != keys.size())
        throw model::Error("EIEIO packet: " + std::to_string(keys.size()) + " keys but "
                           + std::to_string(payloads.size()) + " payloads");
    if (!withPayload && !payloads.empty())
        throw model::Error("EIEIO packet: payloads given for a key-only type");
    const bool wide = is32(header.type);
    const std::uint16_t h = static_cast<std::uint16_t>(
        (header.hasKeyPrefix ? 0x8000 : 0) | (header.hasKeyPrefix && header.prefixUpper ? 0x4000 : 0)
        | (header.hasPayloadPrefix ? 0x2000 : 0) | (header.payloadIsTime ? 0x1000 : 0)
        | (static_cast<unsigned>(header.type) << 10) | ((header.tag & 3u) << 8) | keys.size());
    wire::putU16(out, h);
    if (header.hasKeyPrefix)
        wire::putU16(out, header.keyPrefix);
    if (header.hasPayloadPrefix) {
        if (wide)
            wire::putU32(out, header.payloadPrefix);
        else
            wire::putU16(out, static_cast<std::uint16_t>(header.payloadPrefix));
    }
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (wide)
            wire::putU32(out, keys[i]);
        else
            wire::putU16(out, static_cast<std::uint16_t>(keys[i]));
        if (withPayload) {
            if (wide)
                wire::putU32(out, payloads[i]);
            else
                wire::putU16(out, static_cast<std::uint16_t>(payloads[i]));
        }
    }
}

EieioError decodeEieioCommand(std::span<const std::uint8_t> bytes, EieioCommandPacket& out)
{
    if (bytes.size() < 2)
        return EieioError::TooShort;
    const std::uint16_t h = wire::u16(bytes.data());
    if ((h & kCommandMask) != kCommandBits)
        return EieioError::NotCommand;
    out.id = h & 0x3FFF;
    out.data = bytes.subspan(2);
    return EieioError::None;
}

std::vector<std::uint8_t> encodeEieioCommand(EieioCommand id, std::span<const std::uint8_t> data)
{
    std::vector<std::uint8_t> out;
    out.reserve(2 + data.size());
    wire::putU16(out, static_cast<std::uint16_t>((static_cast<std::uint16_t>(id) & 0x3FFF) | kCommandBits));
    out.insert(out.end(), data.begin(), data.end());
    return out;
}

std::vector<std::uint8_t> encodeDatabaseNotification(const std::string& path)
{
    const auto* p = reinterpret_cast<const std::uint8_t*>(path.data());
    return encodeEieioCommand(EieioCommand::Database, std::span<const std::uint8_t>(p, path.size()));
}

} // namespace scnn::hardware
