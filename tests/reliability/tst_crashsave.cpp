// SPDX-License-Identifier: GPL-3.0-or-later
// Crash-safe saves: a process saving an experiment is SIGKILLed at every file-system step and at
// many moments; the folder must then open as the complete old or the complete new experiment.
#include "crashfixture.h"
#include "model/error.h"
#include "model/experiment.h"
#include "model/fileutil.h"

#include <QTemporaryDir>
#include <QTest>

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

using namespace scnn::model;
namespace fs = std::filesystem;

namespace {

const char* const userFile = "notes.txt";
const char* const userText = "my own notes, not managed by the workbench\n";

/// How one killed save ended, as seen by the next open.
enum class Outcome { Old, New };

/// Starts the saver; `env` is added to this process's environment.
pid_t spawnSaver(const std::string& dir, int version, int scale, const std::vector<std::string>& env)
{
    std::vector<std::string> vars;
    std::string asan = "ASAN_OPTIONS=verify_asan_link_order=0";
    for (char** e = environ; *e; ++e) {
        if (std::strncmp(*e, "ASAN_OPTIONS=", 13) == 0)
            asan = std::string(*e) + ":verify_asan_link_order=0";
        else if (std::strncmp(*e, "SCNN_KILL_", 10) != 0 && std::strncmp(*e, "LD_PRELOAD=", 11) != 0)
            vars.emplace_back(*e);
    }
    vars.push_back(asan);
    vars.push_back(std::string("LD_PRELOAD=") + SCNN_KILLSHIM);
    vars.insert(vars.end(), env.begin(), env.end());
    std::vector<char*> envp;
    for (std::string& v : vars)
        envp.push_back(v.data());
    envp.push_back(nullptr);
    std::string exe = SCNN_CRASHSAVER, v = std::to_string(version), s = std::to_string(scale), d = dir;
    char* argv[] = {exe.data(), d.data(), v.data(), s.data(), nullptr};
    pid_t pid = 0;
    if (::posix_spawn(&pid, exe.c_str(), nullptr, nullptr, argv, envp.data()) != 0)
        return -1;
    return pid;
}

int waitFor(pid_t pid)
{
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    return status;
}

/// Temporary siblings a save of `dir` left behind.
std::vector<std::string> leftovers(const std::string& dir)
{
    std::vector<std::string> out;
    const fs::path d(dir);
    const std::string prefix = "." + d.filename().string() + ".tmp-";
    for (const auto& entry : fs::directory_iterator(d.parent_path()))
        if (entry.path().filename().string().rfind(prefix, 0) == 0)
            out.push_back(entry.path().filename().string());
    return out;
}

} // namespace

class TestCrashSave : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;

    /// The folder now: must be version 0 or 1 of `scale`, complete, with the user's file.
    Outcome inspect(const std::string& dir, int scale, const QString& what)
    {
        Experiment e;
        try {
            e = loadExperiment(dir);
        } catch (const Error& err) {
            QTest::qFail(qPrintable(what + QStringLiteral(": the folder does not open: ") + QString::fromUtf8(err.what())),
                         __FILE__, __LINE__);
            throw;
        }
        if (readTextFile((fs::path(dir) / userFile).string()) != userText)
            QTest::qFail(qPrintable(what + QStringLiteral(": the user's own file was lost")), __FILE__, __LINE__);
        if (e == scnn::test::crashVersion(0, scale))
            return Outcome::Old;
        if (e == scnn::test::crashVersion(1, scale))
            return Outcome::New;
        QTest::qFail(qPrintable(what + QStringLiteral(": the folder opens as a mix of the old and the new experiment")),
                     __FILE__, __LINE__);
        throw Error("mixed experiment", dir);
    }

    /// Puts the old version in place (in this process) and checks no temporary folder is left.
    void resetToOld(const std::string& dir, int scale, const QString& what)
    {
        saveExperiment(scnn::test::crashVersion(0, scale), dir);
        const auto left = leftovers(dir);
        if (!left.empty())
            QTest::qFail(qPrintable(what + QStringLiteral(": the next save left ") + QString::fromStdString(left.front())),
                         __FILE__, __LINE__);
    }

    std::string freshOld(const char* name, int scale)
    {
        const std::string dir = m_tmp.filePath(QString::fromUtf8(name)).toStdString();
        saveExperiment(scnn::test::crashVersion(0, scale), dir);
        writeFileAtomic((fs::path(dir) / userFile).string(), userText);
        return dir;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        QVERIFY2(fs::exists(SCNN_CRASHSAVER), SCNN_CRASHSAVER);
        QVERIFY2(fs::exists(SCNN_KILLSHIM), SCNN_KILLSHIM);
    }

    void versionsDiffer()
    {
        QVERIFY(!(scnn::test::crashVersion(0) == scnn::test::crashVersion(1)));
    }

    /// SIGKILL just before the K-th file-system change of the save, for every K.
    void killAtEveryStep_data()
    {
        QTest::addColumn<bool>("exchange");
        QTest::newRow("renameat2 exchange") << true;
        QTest::newRow("two renames (no exchange)") << false;
    }

    void killAtEveryStep()
    {
        QFETCH(bool, exchange);
        const std::string dir = freshOld(exchange ? "steps-exchange" : "steps-renames", 1);
        int olds = 0, news = 0, steps = 0, withLeftovers = 0;
        for (int k = 1; k < 2000; ++k) {
            std::vector<std::string> env{"SCNN_KILL_AT_STEP=" + std::to_string(k)};
            if (!exchange)
                env.emplace_back("SCNN_KILL_NO_EXCHANGE=1");
            const pid_t pid = spawnSaver(dir, 1, 1, env);
            QVERIFY(pid > 0);
            const int status = waitFor(pid);
            if (WIFEXITED(status)) {
                QCOMPARE(WEXITSTATUS(status), 0);
                steps = k - 1;
                break;
            }
            QVERIFY2(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL, "the saver ended other than by our SIGKILL");
            const QString what = QStringLiteral("killed before step %1").arg(k);
            const Outcome o = inspect(dir, 1, what);
            if (QTest::currentTestFailed())
                return;
            (o == Outcome::Old ? olds : news) += 1;
            withLeftovers += leftovers(dir).empty() ? 0 : 1;
            // Every child starts from the same folder, so step K is the same call each time.
            resetToOld(dir, 1, what);
            if (QTest::currentTestFailed())
                return;
        }
        qInfo("%s: %d kill points (every file-system step of the save): %d old, %d new; %d left a temporary folder",
              exchange ? "exchange" : "two renames", steps, olds, news, withLeftovers);
        QVERIFY2(steps >= 20, "the save made fewer file-system changes than expected: is the shim preloaded?");
        QCOMPARE(olds + news, steps);
        QVERIFY(olds > 0);
        QVERIFY(news > 0);
        // The next save removes what the killed ones left.
        resetToOld(dir, 1, QStringLiteral("final save"));
        QCOMPARE(inspect(dir, 1, QStringLiteral("after the final save")), Outcome::Old);
    }

    /// SIGKILL at 60 moments spread over a save of ~6 MB (and its start-up).
    void killAtManyMoments()
    {
        const int scale = 400;
        const std::string dir = freshOld("moments", scale);
        // One save without a kill tells how long the child lives.
        const auto t0 = std::chrono::steady_clock::now();
        pid_t pid = spawnSaver(dir, 1, scale, {});
        QVERIFY(pid > 0);
        int status = waitFor(pid);
        const auto life = std::chrono::steady_clock::now() - t0;
        QVERIFY(WIFEXITED(status) && WEXITSTATUS(status) == 0);
        QCOMPARE(inspect(dir, scale, QStringLiteral("unkilled save")), Outcome::New);
        resetToOld(dir, scale, QStringLiteral("reset"));

        const int points = 60;
        int olds = 0, news = 0, finished = 0;
        for (int i = 0; i < points; ++i) {
            const auto delay = life * (i + 1) / points;
            pid = spawnSaver(dir, 1, scale, {});
            QVERIFY(pid > 0);
            std::this_thread::sleep_for(delay);
            ::kill(pid, SIGKILL);
            status = waitFor(pid);
            finished += WIFEXITED(status) ? 1 : 0;
            const QString what = QStringLiteral("killed after %1 us")
                                     .arg(std::chrono::duration_cast<std::chrono::microseconds>(delay).count());
            const Outcome o = inspect(dir, scale, what);
            if (QTest::currentTestFailed())
                return;
            (o == Outcome::Old ? olds : news) += 1;
            if (o == Outcome::New)
                resetToOld(dir, scale, what);
            if (QTest::currentTestFailed())
                return;
        }
        qInfo("moments: %d kills over a %lld ms save: %d old, %d new (%d had finished before the kill)", points,
              static_cast<long long>(std::chrono::duration_cast<std::chrono::milliseconds>(life).count()), olds, news,
              finished);
        QCOMPARE(olds + news, points);
    }

    /// A temporary folder of a live save is left alone; one of a dead process is removed.
    void liveSaveFolderIsKept()
    {
        const std::string dir = freshOld("live", 1);
        const fs::path parent = fs::path(dir).parent_path();
        const fs::path mine = parent / (".live.tmp-" + std::to_string(::getpid()) + "-abcdef");
        const fs::path dead = parent / ".live.tmp-999999999-abcdef";
        fs::create_directories(mine / "weights");
        fs::create_directories(dead / "weights");
        saveExperiment(scnn::test::crashVersion(1), dir);
        QVERIFY(fs::exists(mine));
        QVERIFY(!fs::exists(dead));
        fs::remove_all(mine);
    }
};

QTEST_GUILESS_MAIN(TestCrashSave)
#include "tst_crashsave.moc"
