// SPDX-License-Identifier: GPL-3.0-or-later
// One interpreter for several scripts: exit statuses, tracebacks, working folder, output, cancel,
// an interpreter that dies, restarts after maxScripts, and a missing interpreter.
#include "hardware/spinnaker/pynnprocess.h"
#include "model/error.h"
#include "pynntestsupport.h"

#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <fstream>

using namespace scnn::hardware::pynn;

class TestPynnServer : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    std::filesystem::path script(const std::string& name, const std::string& code)
    {
        const std::filesystem::path p = std::filesystem::path(m_dir.path().toStdString()) / name;
        std::ofstream(p) << code;
        return p;
    }

    PynnProcess::Spec spec() const
    {
        PynnProcess::Spec s;
        s.program = scnn::test::testPython();
        s.env = {{"PYTHONDONTWRITEBYTECODE", "1"}};
        return s;
    }

    struct Ran
    {
        PynnProcess::Outcome outcome;
        std::vector<std::string> out;
        std::vector<std::string> err;
    };

    Ran run(PynnServer& server, const std::filesystem::path& path, std::vector<std::string> args = {},
            std::function<bool()> stop = {})
    {
        Ran r;
        r.outcome = server.run(path, args, path.parent_path(), 60.0,
                               [&](const std::string& line, bool err) { (err ? r.err : r.out).push_back(line); },
                               stop);
        return r;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (scnn::test::runPython("import sys") != 0)
            QSKIP("no Python interpreter for the tests");
    }

    void scriptsShareOneInterpreter()
    {
        PynnServer server(spec(), "json");
        const auto who = script("who.py", "import os, sys\n"
                                          "print('pid', os.getpid())\n"
                                          "print('argv', ' '.join(sys.argv[1:]))\n"
                                          "print('cwd', os.getcwd())\n"
                                          "print('main', __name__)\n");
        const Ran a = run(server, who, {"one", "two"});
        const Ran b = run(server, who, {"three"});
        QCOMPARE(a.outcome.exitStatus, 0);
        QCOMPARE(b.outcome.exitStatus, 0);
        QCOMPARE(a.out.size(), std::size_t(4));
        QCOMPARE(a.out[0], b.out[0]); // same process
        QCOMPARE(a.out[1], std::string("argv one two"));
        QCOMPARE(b.out[1], std::string("argv three"));
        QCOMPARE(a.out[2], "cwd " + std::filesystem::canonical(who.parent_path()).string());
        QCOMPARE(a.out[3], std::string("main __main__"));
        QCOMPARE(server.starts(), 1);
    }

    void exitStatusAndTraceback()
    {
        PynnServer server(spec(), {});
        const Ran exits = run(server, script("exits.py", "import sys\nsys.stderr.write('going\\n')\nsys.exit(4)\n"));
        QCOMPARE(exits.outcome.exitStatus, 4);
        QCOMPARE(exits.outcome.stderrTail, std::vector<std::string>{"going"});
        const Ran raises = run(server, script("raises.py", "def build():\n    raise ValueError('boom')\nbuild()\n"));
        QCOMPARE(raises.outcome.exitStatus, 1);
        const std::string tail = raises.outcome.stderrTail.empty() ? "" : raises.outcome.stderrTail.back();
        QVERIFY2(tail.find("ValueError: boom") != std::string::npos, tail.c_str());
        // The tail is this script's only.
        for (const std::string& l : raises.outcome.stderrTail)
            QVERIFY(l != "going");
        const Ran fine = run(server, script("fine.py", "x = 1\n"));
        QCOMPARE(fine.outcome.exitStatus, 0);
        QCOMPARE(server.starts(), 1);
    }

    void cancelEndsTheInterpreterAndTheNextScriptGetsANewOne()
    {
        PynnServer server(spec(), {});
        const auto t0 = std::chrono::steady_clock::now();
        const Ran slow = run(server, script("slow.py", "import time\nprint('started', flush=True)\ntime.sleep(60)\n"), {},
                             [&] { return std::chrono::steady_clock::now() - t0 > std::chrono::milliseconds(300); });
        QVERIFY(slow.outcome.stopped);
        QVERIFY(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(30));
        const Ran next = run(server, script("next.py", "print('again')\n"));
        QCOMPARE(next.outcome.exitStatus, 0);
        QCOMPARE(next.out, std::vector<std::string>{"again"});
        QCOMPARE(server.starts(), 2);
    }

    void aDyingInterpreterIsReported()
    {
        PynnServer server(spec(), {});
        const Ran dies = run(server, script("dies.py", "import os, sys\nsys.stderr.write('bye\\n')\nsys.stderr.flush()\n"
                                                       "os._exit(7)\n"));
        QCOMPARE(dies.outcome.exitStatus, 7);
        QVERIFY(!dies.outcome.stopped);
        const Ran next = run(server, script("next2.py", "print('fresh')\n"));
        QCOMPARE(next.outcome.exitStatus, 0);
        QCOMPARE(server.starts(), 2);
    }

    void restartsAfterMaxScripts()
    {
        PynnServer server(spec(), {}, 2);
        const auto s = script("pid.py", "import os\nprint(os.getpid())\n");
        const Ran a = run(server, s);
        const Ran b = run(server, s);
        const Ran c = run(server, s);
        QCOMPARE(a.out, b.out);
        QVERIFY(c.out != a.out);
        QCOMPARE(server.starts(), 2);
    }

    void missingInterpreter()
    {
        PynnProcess::Spec s = spec();
        s.program = "/nonexistent/bin/python3";
        PynnServer server(s, {});
        QVERIFY_THROWS_EXCEPTION(scnn::model::Error, run(server, script("x.py", "pass\n")));
    }
};

QTEST_GUILESS_MAIN(TestPynnServer)
#include "tst_pynnserver.moc"
