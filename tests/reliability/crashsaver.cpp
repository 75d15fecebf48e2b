// SPDX-License-Identifier: GPL-3.0-or-later
// Saves one version of the crash-test experiment; the test kills this process while it saves.
//
// Usage: crashsaver DIR VERSION [SCALE]   (VERSION 0 or 1, see crashfixture.h)
#include "crashfixture.h"
#include "model/error.h"

#include <cstdio>
#include <cstdlib>

int main(int argc, char** argv)
{
    if (argc < 3) {
        std::fprintf(stderr, "usage: crashsaver DIR VERSION [SCALE]\n");
        return 2;
    }
    const scnn::model::Experiment e = scnn::test::crashVersion(std::atoi(argv[2]), argc > 3 ? std::atoi(argv[3]) : 1);
    try {
        scnn::model::saveExperiment(e, argv[1]);
    } catch (const scnn::model::Error& err) {
        std::fprintf(stderr, "crashsaver: %s\n", err.what());
        return 1;
    }
    return 0;
}
