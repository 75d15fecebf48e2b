// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — the pynn backend's process handling and failure messages.
#include "hardware/spinnaker/pynnbackend.h"
#include "model/error.h"
#include "pynntestsupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <fstream>
#include <thread>

using namespace scnn;
using namespace scnn::hardware;

namespace {

PhaseDescription tinyPhase()
{
    return test::constantCurrentPhase(50.0);
}

void writeFile(const QString& path, const char* text)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(text);
}

/// Whether a process is gone (or only a zombie waiting for its parent).
bool processGone(long pid)
{
    if (::kill(pid_t(pid), 0) != 0)
        return errno == ESRCH;
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
    const auto close = text.rfind(')');
    return close != std::string::npos && close + 2 < text.size() && text[close + 2] == 'Z';
}

} // namespace

/**
 * @brief PynnBackend against stand-in interpreters and stand-in Python
 * packages (a PYTHONPATH folder whose `pyNN`, `brian2` or `spinnman`
 * imports fail or raise as a missing install or an unreachable board
 * would): every failure must come back as a model::Error that says what
 * is missing and what to do, and cancel must end the process group.
 */
class TestPynnBackend : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void names();
    void interpreterNotFound();
    void pynnMissing();
    void simulatorMissing_data();
    void simulatorMissing();
    void boardUnreachable();
    void scriptTraceback();
    void outputIsStreamed();
    void cancelKillsTheProcessGroup();

private:
    PynnBackendOptions options() const;
    std::string errorOf(PynnBackend& backend, const PhaseDescription& phase = tinyPhase());
    QString stubDir(const char* name);

    QTemporaryDir m_tmp;
    bool m_numpy = false;
};

void TestPynnBackend::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    m_numpy = test::pythonHas("numpy");
}

PynnBackendOptions TestPynnBackend::options() const
{
    PynnBackendOptions o;
    o.python = test::testPython();
    o.runRoot = m_tmp.path().toStdString() + "/runs";
    o.writeUserSpynnakerCfg = false;
    // These tests stand in for the script with pythonArgs (-c …) or for the
    // interpreter itself (/bin/sh): one process per run (tst_pynnserver and
    // tst_pynnbrian2 cover the kept interpreter).
    o.reuseInterpreter = false;
    return o;
}

std::string TestPynnBackend::errorOf(PynnBackend& backend, const PhaseDescription& phase)
{
    try {
        backend.run(phase, RunControl{});
    } catch (const model::Error& e) {
        return e.what();
    }
    return "(no error)";
}

/// A PYTHONPATH folder with stand-in packages.
QString TestPynnBackend::stubDir(const char* name)
{
    return m_tmp.path() + QStringLiteral("/stubs/") + QString::fromLatin1(name);
}

void TestPynnBackend::names()
{
    PynnBackendOptions o;
    for (PynnTarget t : {PynnTarget::Brian2, PynnTarget::Nest, PynnTarget::Spinnaker}) {
        o.script.target = t;
        QCOMPARE(PynnBackend(o).name(), "pynn:" + std::string(toString(t)));
    }
}

void TestPynnBackend::interpreterNotFound()
{
    PynnBackendOptions o = options();
    o.python = "/nonexistent/bin/python3";
    PynnBackend a(o);
    std::string e = errorOf(a);
    QVERIFY2(e.find("the Python interpreter '/nonexistent/bin/python3' no such program") != std::string::npos, e.c_str());
    QVERIFY2(e.find("set the interpreter") != std::string::npos, e.c_str());
    o.python = "scnn-no-such-python";
    PynnBackend b(o);
    e = errorOf(b);
    QVERIFY2(e.find("'scnn-no-such-python' not found on PATH") != std::string::npos, e.c_str());
}

void TestPynnBackend::pynnMissing()
{
    if (!m_numpy)
        QSKIP("the test interpreter has no numpy");
    const QString dir = stubDir("nopynn");
    writeFile(dir + "/pyNN/__init__.py", "raise ImportError('No module named pyNN (stand-in)')\n");
    PynnBackendOptions o = options();
    o.environment = {{"PYTHONPATH", dir.toStdString()}};
    PynnBackend backend(o);
    const std::string e = errorOf(backend);
    QVERIFY2(e.find("PyNN is not installed for") != std::string::npos, e.c_str());
    QVERIFY2(e.find("apt install python3-pynn") != std::string::npos, e.c_str());
    QVERIFY2(e.find("run_phase.py") != std::string::npos, e.c_str()); // where: the script
}

void TestPynnBackend::simulatorMissing_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("hint");
    QTest::newRow("brian2") << "brian2" << "Brian 2 is not installed" << "apt install python3-brian";
    QTest::newRow("nest") << "nest" << "NEST is not installed" << "NEST installation guide";
    QTest::newRow("spinnaker") << "spinnaker" << "sPyNNaker is not installed" << "pip install sPyNNaker";
}

void TestPynnBackend::simulatorMissing()
{
    if (!m_numpy)
        QSKIP("the test interpreter has no numpy");
    QFETCH(QString, target);
    QFETCH(QString, message);
    QFETCH(QString, hint);
    // A PyNN without the simulators: the stand-ins fail to import as a missing package would.
    const QString dir = stubDir("nosimulator");
    writeFile(dir + "/pyNN/__init__.py", "__version__ = 'stand-in'\n");
    writeFile(dir + "/brian2/__init__.py", "raise ImportError('No module named brian2 (stand-in)')\n");
    writeFile(dir + "/nest/__init__.py", "raise ImportError('No module named nest (stand-in)')\n");
    writeFile(dir + "/spynnaker8/__init__.py", "raise ImportError('No module named spynnaker8 (stand-in)')\n");
    PynnBackendOptions o = options();
    o.environment = {{"PYTHONPATH", dir.toStdString()}};
    o.script.target = pynnTargetFromString(target.toStdString());
    o.script.spinnaker.boardHost = "10.0.0.99";
    PynnBackend backend(o);
    const std::string e = errorOf(backend);
    QVERIFY2(e.find(message.toStdString()) != std::string::npos, e.c_str());
    QVERIFY2(e.find(hint.toStdString()) != std::string::npos, e.c_str());
}

void TestPynnBackend::boardUnreachable()
{
    if (!m_numpy)
        QSKIP("the test interpreter has no numpy");
    // A stand-in sPyNNaker whose setup() fails the way SpiNNMan does when no board answers.
    const QString dir = stubDir("noboard");
    writeFile(dir + "/pyNN/__init__.py", "__version__ = 'stand-in'\n");
    writeFile(dir + "/pyNN/spiNNaker/__init__.py",
              "from spinnman.exceptions import SpinnmanIOException\n"
              "IF_curr_exp = object()\n"
              "def setup(**kw):\n"
              "    raise SpinnmanIOException('Could not connect to 10.0.0.99: timed out')\n");
    writeFile(dir + "/spinnman/__init__.py", "");
    writeFile(dir + "/spinnman/exceptions.py", "class SpinnmanIOException(Exception):\n    pass\n");
    PynnBackendOptions o = options();
    o.environment = {{"PYTHONPATH", dir.toStdString()}};
    o.script.target = PynnTarget::Spinnaker;
    o.script.spinnaker.boardHost = "10.0.0.99";
    // sPyNNaker stops its first run without a user configuration file: the backend writes one.
    o.writeUserSpynnakerCfg = true;
    const QByteArray home = qgetenv("HOME");
    const QString fakeHome = m_tmp.path() + QStringLiteral("/home");
    QDir().mkpath(fakeHome);
    qputenv("HOME", fakeHome.toUtf8());
    PynnBackend backend(o);
    const std::string e = errorOf(backend);
    qputenv("HOME", home);
    QVERIFY2(e.find("SpiNNaker is unreachable (board 10.0.0.99)") != std::string::npos, e.c_str());
    QVERIFY2(e.find("SpinnmanIOException: Could not connect to 10.0.0.99") != std::string::npos, e.c_str());
    QFile cfg(fakeHome + QStringLiteral("/.spynnaker.cfg"));
    QVERIFY(cfg.open(QIODevice::ReadOnly));
    QVERIFY(cfg.readAll().contains("machine_name = 10.0.0.99"));
    // The run folder has its own spynnaker.cfg (read from the working folder) and is kept after a failure.
    QVERIFY(QFile::exists(QString::fromStdString((backend.lastRunFolder() / "spynnaker.cfg").string())));
}

void TestPynnBackend::scriptTraceback()
{
    PynnBackendOptions o = options();
    o.pythonArgs = {"-c", "def build():\n    raise ValueError('boom in the script')\nbuild()\n"};
    PynnBackend backend(o);
    const std::string e = errorOf(backend);
    QVERIFY2(e.find("the PyNN script failed (exit status 1)") != std::string::npos, e.c_str());
    QVERIFY2(e.find("Traceback") != std::string::npos || e.find("line 2, in build") != std::string::npos, e.c_str());
    QVERIFY2(e.find("ValueError: boom in the script") != std::string::npos, e.c_str());
    QVERIFY(std::filesystem::exists(backend.lastRunFolder() / "run_phase.py")); // kept for inspection
}

void TestPynnBackend::outputIsStreamed()
{
    PynnBackendOptions o = options();
    std::vector<std::string> lines;
    o.log = [&](const std::string& l) { lines.push_back(l); };
    o.pythonArgs = {"-c", "import sys\nprint('hello from the script')\nprint('progress 5/10 ms')\n"
                          "sys.stderr.write('a warning\\n')\n"};
    PynnBackend backend(o);
    std::vector<Progress> progress;
    RunControl control;
    control.progress = [&](const Progress& p) { progress.push_back(p); };
    try {
        backend.run(tinyPhase(), control);
        QFAIL("a script that writes no results must fail");
    } catch (const model::Error& e) {
        QVERIFY2(std::string(e.what()).find("done.json is missing") != std::string::npos, e.what());
    }
    QVERIFY(std::find(lines.begin(), lines.end(), "hello from the script") != lines.end());
    QVERIFY(std::find(lines.begin(), lines.end(), "a warning") != lines.end());
    QCOMPARE(progress.size(), std::size_t(1));
    QCOMPARE(progress[0].done, std::int64_t(5));
    QCOMPARE(progress[0].total, std::int64_t(10));
}

void TestPynnBackend::cancelKillsTheProcessGroup()
{
    if (!QFile::exists(QStringLiteral("/bin/sh")))
        QSKIP("no /bin/sh");
    PynnBackendOptions o = options();
    // A stand-in interpreter that starts a child of its own and waits: "$0" is the script path.
    o.python = "/bin/sh";
    o.pythonArgs = {"-c", "sleep 30 & echo $! > \"$0.pid\"; echo started; wait"};
    bool started = false;
    o.log = [&](const std::string& l) { started = started || l == "started"; };
    PynnBackend backend(o);
    std::atomic<bool> cancel{false};
    RunControl control;
    control.cancel = &cancel;
    bool cancelled = false;
    QElapsedTimer latency;
    std::thread worker([&] {
        try {
            backend.run(tinyPhase(), control);
        } catch (const model::Cancelled&) {
            cancelled = true;
        } catch (const std::exception& e) {
            qWarning("%s", e.what());
        }
    });
    const std::filesystem::path pidFile = [&] {
        for (int i = 0; i < 500 && backend.lastRunFolder().empty(); ++i)
            QTest::qWait(10);
        return backend.lastRunFolder() / "run_phase.py.pid";
    }();
    for (int i = 0; i < 500 && !std::filesystem::exists(pidFile); ++i)
        QTest::qWait(10);
    QTest::qWait(100);
    latency.start();
    cancel = true;
    worker.join();
    const qint64 ms = latency.elapsed();
    QVERIFY(cancelled);
    QVERIFY(started);
    qInfo("cancel returned after %lld ms", static_cast<long long>(ms));
    std::ifstream in(pidFile);
    long grandchild = 0;
    in >> grandchild;
    QVERIFY(grandchild > 0);
    bool gone = false;
    for (int i = 0; i < 200 && !gone; ++i) {
        gone = processGone(grandchild);
        if (!gone)
            QTest::qWait(10);
    }
    QVERIFY2(gone, "the interpreter's child survived the cancel");
}

QTEST_GUILESS_MAIN(TestPynnBackend)
#include "tst_pynnbackend.moc"
