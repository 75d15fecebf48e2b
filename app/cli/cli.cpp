// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commands.h"

#include "model/error.h"

#include <iostream>
#include <new>

namespace scnn::cli {

// Each command lives in its own cmd_<name>.cpp.
int cmdVersion(Args& args, Io& io);
int cmdNew(Args& args, Io& io);
int cmdInfo(Args& args, Io& io);
int cmdImportSeed(Args& args, Io& io);
int cmdBench(Args& args, Io& io);
int cmdProbe(Args& args, Io& io);
int cmdListen(Args& args, Io& io);
int cmdTrain(Args& args, Io& io);
int cmdTest(Args& args, Io& io);
int cmdRun(Args& args, Io& io);
int cmdBaseline(Args& args, Io& io);
int cmdExportPynn(Args& args, Io& io);

// Options of the phase commands for the PyNN backends (string-literal concatenation).
#define SCNN_BOARD_OPTIONS                                                                             \
    " [--backend NAME] [--python PATH] [--board HOST | --spalloc SERVER --spalloc-user USER]"           \
    " [--board-version 3|5] [--neurons-per-core N] [--time-scale-factor F] [--yes]"

const std::vector<Command>& commandTable()
{
    static const std::vector<Command> table = {
        {"version", "version", "print the version", {}, &cmdVersion},
        {"new",
         "new DIR [--preset seed] [--data D] [--dataset mnist|fashion-mnist] [--classes 0,1,7,8] "
         "[--train-per-class N] [--test-per-class M | --validation M] [--seed S] [--backend sim|pynn:brian2|…] [--json]",
         "create an experiment folder from a preset, checking the selected data first",
         {"json"},
         &cmdNew},
        {"info", "info DIR [--json]", "show the network structure, counts and phase history of an experiment",
         {"json"}, &cmdInfo},
        {"import-seed", "import-seed MODEL_DIR DIR [--json]",
         "import the original package's w_layer_N weight files into an experiment",
         {"json"},
         &cmdImportSeed},
        {"bench", "bench [--json] [--network seed-inference|seed-training|large]",
         "measure the embedded simulator's speed on three networks", {"json"}, &cmdBench},
        {"probe", "probe HOST[:PORT] [--timeout-ms N] [--attempts N] [--json]",
         "ask a SpiNNaker board who it is (SCP CMD_VER to port 17893; never boots or writes)", {"json"}, &cmdProbe},
        {"listen",
         "listen [--notify-port P] [--spike-port P] [--database FILE] [--seconds N] [--bind ADDR] [--spike-bind ADDR] "
         "[--allow ADDR,...] [--allow-database-boards] [--json]",
         "take part in sPyNNaker's database handshake and count live spikes per population",
         {"json", "allow-database-boards"}, &cmdListen},
        {"export-pynn",
         "export-pynn DIR --phase layer:N|svm|test --target spinnaker|nest|brian2 -o FILE [--board HOST | "
         "--spalloc SERVER --spalloc-user USER] [--board-version 3|5] [--neurons-per-core N] "
         "[--time-scale-factor F] [--no-live-output] [--json]",
         "write one phase of an experiment as a standalone PyNN script (inputs as .npy beside it)",
         {"json", "no-live-output"}, &cmdExportPynn},
        {"train", "train DIR --layer N|svm [--replicas K] [--threads N] [--force] [--json]" SCNN_BOARD_OPTIONS,
         "train conv layer N with STDP (or the SVM readout) and save it in the experiment",
         {"json", "yes", "force"}, &cmdTrain},
        {"test", "test DIR [--threads N] [--force] [--json]" SCNN_BOARD_OPTIONS,
         "accuracy, confusion matrix, precision and recall on the test examples", {"json", "yes", "force"},
         &cmdTest},
        {"run", "run DIR [--threads N] [--force] [--json]" SCNN_BOARD_OPTIONS,
         "every phase not done yet, in order (layers, svm, test)", {"json", "yes", "force"}, &cmdRun},
        {"baseline", "baseline DIR [--threads N] [--json]",
         "a linear SVM on the raw pixels of the same examples, for comparison", {"json"}, &cmdBaseline},
    };
    return table;
}
#undef SCNN_BOARD_OPTIONS

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
