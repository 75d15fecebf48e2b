// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: EIEIO data and command packets as they arrive over UDP.
#include "hardware/spinnaker/eieio.h"

#include <cstdlib>
#include <span>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace scnn::hardware;
    const std::span<const std::uint8_t> bytes(data, size);
    EieioDataPacket packet;
    if (decodeEieioData(bytes, packet) == EieioError::None) {
        if (packet.keys.size() != packet.header.count)
            std::abort();
        if (!packet.payloads.empty() && packet.payloads.size() != packet.keys.size())
            std::abort();
        if (packet.header.packetBytes() != size)
            std::abort();
    }
    EieioCommandPacket command;
    if (decodeEieioCommand(bytes, command) == EieioError::None) {
        if (command.data.size() + 2 != size)
            std::abort();
    }
    return 0;
}
