// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — SpiNNaker settings and the sPyNNaker configuration file.
#pragma once

#include <filesystem>
#include <string>

namespace scnn::hardware {

/**
 * @brief Where and how phases run on SpiNNaker (the workbench's SpiNNaker settings).
 *
 * Exactly one of `boardHost`, `spallocServer` or `virtualBoard` selects the
 * machine (spinnaker.md §6.2, `[Machine]`). The live-output fields say where
 * the generated script sends the recorded populations' spikes (§4.5, §6.3).
 */
struct SpinnakerSettings
{
    std::string boardHost;         ///< IP or host name of a directly attached board (`machine_name`)
    int boardVersion = 5;          ///< 3 = 4-chip SpiNN-3, 5 = 48-chip SpiNN-5 (`version`)
    std::string spallocServer;     ///< spalloc server host (`spalloc_server`)
    int spallocPort = 22244;       ///< spalloc server port (`spalloc_port`)
    std::string spallocUser;       ///< spalloc user name (`spalloc_user`)
    std::string spallocMachine;    ///< Optional spalloc machine name (`spalloc_machine`)
    bool virtualBoard = false;     ///< Map without hardware (`virtual_board`); nothing runs
    int timeScaleFactor = 0;       ///< Slow-down versus real time [1]; 0: the toolchain's default
    int neuronsPerCore = 100;      ///< IF_curr_exp neurons per core (≤ 256; the 2018 code used 100)

    bool liveOutput = true;              ///< Stream recorded populations' spikes to the workbench
    std::string notifyHost = "localhost"; ///< Where the workbench listens for the database notification
    int notifyPort = 19999;              ///< Notification port of the workbench's listener
    int liveSpikePort = 17895;           ///< UDP port the live spikes are sent to
    std::string liveSpikeHost;           ///< Live spike destination; empty: the toolchain's default

    bool operator==(const SpinnakerSettings&) const = default;
};

/// Throws model::Error naming the field when a setting is invalid or
/// (with `requireMachine`) no machine is chosen.
void validate(const SpinnakerSettings& s, const std::string& where, bool requireMachine = true);

/// The text of a `.spynnaker.cfg` / `spynnaker.cfg` for these settings
/// (`[Machine]` board or spalloc keys, time scale factor; `[Database]` and
/// `[Recording]` keys of the live link). Validates first.
std::string spynnakerCfgText(const SpinnakerSettings& s);

/// Writes spynnakerCfgText() to `path` (atomically: temporary file, then rename).
void writeSpynnakerCfg(const std::filesystem::path& path, const SpinnakerSettings& s);

} // namespace scnn::hardware
