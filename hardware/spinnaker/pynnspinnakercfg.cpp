// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — SpiNNaker settings and the sPyNNaker configuration file.
#include "hardware/spinnaker/pynnspinnakercfg.h"

#include "model/error.h"

#include <cctype>
#include <fstream>
#include <sstream>

namespace scnn::hardware {

namespace {

bool validHostText(const std::string& s)
{
    if (s.empty() || s.size() > 253)
        return false;
    for (char c : s)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_' || c == ':'))
            return false;
    return true;
}

void checkHost(const std::string& value, const char* field, const std::string& where)
{
    if (!value.empty() && !validHostText(value))
        throw model::Error(std::string(field) + " '" + value +
                               "' is not a host name or IP address (letters, digits, '.', '-', ':' only)",
                           where);
}

void checkPort(int port, const char* field, const std::string& where)
{
    if (port < 1 || port > 65535)
        throw model::Error(std::string(field) + " " + std::to_string(port) + " is not a UDP/TCP port (1–65535)",
                           where);
}

} // namespace

void validate(const SpinnakerSettings& s, const std::string& where, bool requireMachine)
{
    checkHost(s.boardHost, "board host", where);
    checkHost(s.spallocServer, "spalloc server", where);
    checkHost(s.notifyHost, "notification host", where);
    checkHost(s.liveSpikeHost, "live spike host", where);
    const int machines = int(!s.boardHost.empty()) + int(!s.spallocServer.empty()) + int(s.virtualBoard);
    if (machines == 0 && requireMachine)
        throw model::Error("no SpiNNaker machine chosen: set a board host, a spalloc server or a virtual board",
                           where);
    if (machines > 1)
        throw model::Error("choose only one of board host, spalloc server and virtual board", where);
    if (s.boardVersion != 3 && s.boardVersion != 5)
        throw model::Error("board version " + std::to_string(s.boardVersion) +
                               " is not supported (3 = SpiNN-3, 5 = SpiNN-5)",
                           where);
    if (!s.spallocServer.empty()) {
        checkPort(s.spallocPort, "spalloc port", where);
        if (s.spallocUser.empty())
            throw model::Error("spalloc needs a user name (spalloc_user)", where);
    }
    for (char c : s.spallocUser + s.spallocMachine)
        if (c == '\n' || c == '\r' || c == '#' || c == ';' || c == '[')
            throw model::Error("spalloc user/machine contain a character a .cfg file cannot hold", where);
    if (s.timeScaleFactor < 0 || s.timeScaleFactor > 10000)
        throw model::Error("time scale factor " + std::to_string(s.timeScaleFactor) +
                               " is out of range (0 = default, 1–10000)",
                           where);
    if (s.neuronsPerCore < 1 || s.neuronsPerCore > 256)
        throw model::Error("neurons per core " + std::to_string(s.neuronsPerCore) +
                               " is out of range (1–256, spinnaker.md §6.4)",
                           where);
    checkPort(s.notifyPort, "notification port", where);
    checkPort(s.liveSpikePort, "live spike port", where);
}

std::string spynnakerCfgText(const SpinnakerSettings& s)
{
    validate(s, "SpiNNaker settings");
    std::ostringstream o;
    o << "# sPyNNaker configuration written by SpikingConvNet Workbench from its SpiNNaker settings.\n"
         "# Read by the toolchain from the run folder (spynnaker.cfg) or the home folder (.spynnaker.cfg).\n\n"
         "[Machine]\n";
    if (!s.boardHost.empty()) {
        o << "machine_name = " << s.boardHost << "\n"
          << "version = " << s.boardVersion << "\n";
    } else if (!s.spallocServer.empty()) {
        o << "spalloc_server = " << s.spallocServer << "\n"
          << "spalloc_port = " << s.spallocPort << "\n"
          << "spalloc_user = " << s.spallocUser << "\n";
        if (!s.spallocMachine.empty())
            o << "spalloc_machine = " << s.spallocMachine << "\n";
        o << "version = " << s.boardVersion << "\n";
    } else {
        o << "virtual_board = True\n"
          << "version = " << s.boardVersion << "\n";
    }
    if (s.timeScaleFactor > 0)
        o << "time_scale_factor = " << s.timeScaleFactor << "\n";
    o << "\n[Database]\n"
      << "notify_hostname = " << s.notifyHost << "\n"
      << "notify_port = " << s.notifyPort << "\n"
      << "\n[Recording]\n"
      << "live_spike_port = " << s.liveSpikePort << "\n";
    if (!s.liveSpikeHost.empty())
        o << "live_spike_host = " << s.liveSpikeHost << "\n";
    return o.str();
}

void writeSpynnakerCfg(const std::filesystem::path& path, const SpinnakerSettings& s)
{
    const std::string text = spynnakerCfgText(s);
    const std::filesystem::path tmp = path.string() + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out)
            throw model::Error("cannot write the sPyNNaker configuration", tmp.string());
        out << text;
        if (!out.flush())
            throw model::Error("cannot write the sPyNNaker configuration", tmp.string());
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec)
        throw model::Error("cannot rename the sPyNNaker configuration into place: " + ec.message(),
                           path.string());
}

} // namespace scnn::hardware
