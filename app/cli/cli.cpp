// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commands.h"

#include "model/error.h"

#include <iostream>
#include <new>

namespace scnn::cli {

// Each command lives in its own cmd_<name>.cpp.
int cmdVersion(Args& args, Io& io);
int cmdProbe(Args& args, Io& io);
int cmdListen(Args& args, Io& io);

const std::vector<Command>& commandTable()
{
    static const std::vector<Command> table = {
        {"version", "version", "print the version", {}, &cmdVersion},
        {"probe", "probe HOST[:PORT] [--timeout-ms N] [--attempts N] [--json]",
         "ask a SpiNNaker board who it is (SCP CMD_VER to port 17893; never boots or writes)", {"json"}, &cmdProbe},
        {"listen",
         "listen [--notify-port P] [--spike-port P] [--database FILE] [--seconds N] [--bind ADDR] [--spike-bind ADDR] "
         "[--allow ADDR,...] [--allow-database-boards] [--json]",
         "take part in sPyNNaker's database handshake and count live spikes per population",
         {"json", "allow-database-boards"}, &cmdListen},
    };
    return table;
}

namespace {

void printHelp(std::ostream& out)
{
    out << "usage: scnn <command> [options]\n\ncommands:\n";
    for (const Command& c : commandTable())
        out << "  " << c.usage << "\n      " << c.summary << "\n";
}

} // namespace

int runCli(const std::vector<std::string>& argv, Io& io)
{
    if (argv.empty() || argv[0] == "help" || argv[0] == "--help" || argv[0] == "-h") {
        printHelp(argv.empty() ? io.err : io.out);
        return argv.empty() ? ExitUsage : ExitOk;
    }
    const Command* command = nullptr;
    for (const Command& c : commandTable())
        if (argv[0] == c.name)
            command = &c;
    if (!command) {
        io.err << "scnn: unknown command '" << argv[0] << "' (see 'scnn help')\n";
        return ExitUsage;
    }
    try {
        Args args(std::vector<std::string>(argv.begin() + 1, argv.end()), command->flags);
        return command->run(args, io);
    } catch (const UsageError& e) {
        io.err << "scnn " << command->name << ": " << e.what() << " (usage: scnn " << command->usage
               << ")\n";
        return ExitUsage;
    } catch (const model::Cancelled&) {
        io.err << "scnn " << command->name << ": cancelled; the experiment is as it was before\n";
        return ExitFailure;
    } catch (const model::Error& e) {
        io.err << "scnn " << command->name << ": " << e.what() << "\n";
        return ExitBadInput;
    } catch (const std::bad_alloc&) {
        io.err << "scnn " << command->name << ": out of memory\n";
        return ExitFailure;
    } catch (const std::exception& e) {
        io.err << "scnn " << command->name << ": " << e.what() << "\n";
        return ExitFailure;
    }
}

} // namespace scnn::cli
