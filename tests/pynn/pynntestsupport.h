// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — shared helpers of the PyNN tests.
#pragma once

#include "hardware/spinnaker/pynnbackend.h"
#include "testsupport.h"

#include <QProcess>
#include <QStringList>

#include <cstdlib>
#include <string>

namespace scnn::test {

/// The interpreter the PyNN tests use: $SCNN_TEST_PYTHON, else Debian's system python.
inline std::string testPython()
{
    const char* env = std::getenv("SCNN_TEST_PYTHON");
    return env && *env ? env : "/usr/bin/python3";
}

/// Runs `python -c code`; returns its exit status (-1 when it could not start).
inline int runPython(const std::string& code, const QStringList& extraArgs = {}, QString* out = nullptr)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QString::fromStdString(testPython()), QStringList{QStringLiteral("-c"), QString::fromStdString(code)} + extraArgs);
    if (!p.waitForStarted(10000) || !p.waitForFinished(120000))
        return -1;
    if (out)
        *out = QString::fromUtf8(p.readAll());
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

/// True when the test interpreter can import these modules (found, not imported: fast).
inline bool pythonHas(const std::string& modules)
{
    return runPython("import importlib.util, sys\n"
                     "sys.exit(0 if all(importlib.util.find_spec(m) for m in '" +
                     modules + "'.split()) else 1)") == 0;
}

/// One IF_curr_exp neuron driven by a constant 3 nA for `durationMs`: the smallest phase.
inline hardware::PhaseDescription constantCurrentPhase(double durationMs)
{
    hardware::PhaseDescription ph;
    ph.durationMs = durationMs;
    hardware::Population p;
    p.label = "neuron";
    p.size = 1;
    p.params.iOffset = 3.0;
    p.params.tauRefrac = 1.0;
    p.params.vThresh = -10.0;
    ph.populations = {p};
    ph.recordSpikes = {{0}};
    return ph;
}

/// Backend options for Brian 2 runs in tests: numpy code generation (no Cython
/// compile on a cold cache: a first Cython run costs ~15 s more here).
inline hardware::PynnBackendOptions brian2TestOptions(const std::string& runRoot)
{
    hardware::PynnBackendOptions o;
    o.python = testPython();
    o.script.target = hardware::PynnTarget::Brian2;
    o.script.brian2Codegen = "numpy";
    o.runRoot = runRoot;
    return o;
}

} // namespace scnn::test
