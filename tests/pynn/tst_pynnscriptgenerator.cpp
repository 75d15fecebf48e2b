// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — PyNN script generation, checked without running a simulator.
#include "model/npy.h"
#include "hardware/spinnaker/pynnscriptgenerator.h"
#include "model/error.h"
#include "oraclecase.h"
#include "pynntestsupport.h"

#include <QTemporaryDir>
#include <QTest>

#include <set>

using namespace scnn;
using namespace scnn::hardware;

Q_DECLARE_METATYPE(scnn::hardware::PhaseDescription)

namespace {

/// Layer-1 training as the 2018 code ran it: 16 sources → 4 neurons with STDP,
/// lateral inhibition among the 4, spikes, membrane and weights recorded.
PhaseDescription trainingPhase()
{
    PhaseDescription ph;
    ph.durationMs = 300.0;
    Population in;
    in.label = "window";
    in.size = 16;
    in.type = CellType::SpikeSourceArray;
    for (int t = 0; t < 3; ++t)
        for (int i = 0; i < 16; i += 3)
            in.spikes.add(i, 100.0 * t + i);
    Population out;
    out.label = "kernels";
    out.size = 4;
    out.params = model::defaultLayerParams(0).train;
    ph.populations = {in, out};
    Projection stdp;
    stdp.label = "feedforward";
    stdp.pre = 0;
    stdp.post = 1;
    FromList l;
    for (int post = 0; post < 4; ++post)
        for (int pre = 0; pre < 16; ++pre) {
            l.pre.push_back(pre);
            l.post.push_back(post);
            l.weight.push_back(0.3f + 0.01f * float(pre % 5));
            l.delay.push_back(1.0f);
        }
    stdp.connector = l;
    stdp.stdp = model::StdpParams{};
    Projection inh;
    inh.label = "lateral inhibition";
    inh.pre = 1;
    inh.post = 1;
    inh.receptor = Receptor::Inhibitory;
    inh.connector = AllToAll{300.0f, 1.0f, false};
    ph.projections = {stdp, inh};
    ph.recordSpikes = {{0}, {1}};
    ph.recordMembrane = {{1, {2, 0}, 1.0}};
    ph.recordWeights = {{0, 100.0}};
    return ph;
}

/// Rebuild/test: a 9×9×1 image → conv 2 kernels 3×3 stride 2 → (4,4,2), 3 trials.
PhaseDescription batchPhase()
{
    PhaseDescription ph;
    ph.durationMs = 100.0;
    Population in;
    in.label = "image";
    in.size = 81;
    in.type = CellType::SpikeSourceArray;
    Population out;
    out.label = "conv1";
    out.size = 32;
    out.params = model::defaultLayerParams(0).rebuild;
    ph.populations = {in, out};
    Projection p;
    p.label = "conv1";
    p.pre = 0;
    p.post = 1;
    Convolution c;
    c.in = {9, 9, 1};
    c.out = {4, 4, 2};
    c.kh = c.kw = 3;
    c.stride = 2;
    for (int k = 0; k < 18; ++k)
        c.kernels.push_back(0.05f * float(k % 7));
    p.connector = c;
    ph.projections = {p};
    TrialBatch b;
    b.sources = {0};
    for (int t = 0; t < 3; ++t) {
        SpikeList s;
        for (int i = t; i < 81; i += 4)
            s.add(i, double((i * 7) % 50));
        b.inputs.push_back({s});
    }
    b.countPopulation = 1;
    b.recordFirstTrials = 1;
    ph.batch = b;
    ph.recordSpikes = {{1}};
    return ph;
}

/// Writes the script into a fresh folder and returns its path.
std::string writeScript(const PynnScript& s, QTemporaryDir& dir, const std::string& sub)
{
    return s.writeTo(dir.path().toStdString() + "/" + sub).string();
}

} // namespace

/**
 * @brief What the generator writes, checked statically: it compiles as Python
 * for every target, the sPyNNaker script calls only the API spinnaker.md
 * §6.1/§6.3 documents, convolutions expand as the oracle's lists, and every
 * phase PyNN cannot express is refused with a message naming the culprit.
 */
class TestPynnScriptGenerator : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void scriptsCompile_data();
    void scriptsCompile();
    void spinnakerUsesDocumentedApiOnly();
    void spinnakerCfg();
    void spinnakerCfgRejects();
    void convolutionMatchesOracleList();
    void perChannelConvolution();
    void rejects_data();
    void rejects();
    void npyRoundTrip();
    void resultsNeedDoneMarker();
    void resultsRejectForeignSpikes_data();
    void resultsRejectForeignSpikes();
    void settleTime();

private:
    bool m_python = false;
    QTemporaryDir m_tmp;
};

void TestPynnScriptGenerator::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    if (qEnvironmentVariableIsSet("SCNN_KEEP_PYNN_SCRIPTS")) { // to read the generated scripts
        m_tmp.setAutoRemove(false);
        qInfo("scripts are kept in %s", qPrintable(m_tmp.path()));
    }
    m_python = test::runPython("import ast") == 0;
}

void TestPynnScriptGenerator::scriptsCompile_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<PhaseDescription>("phase");
    for (const char* t : {"brian2", "nest", "spinnaker"}) {
        QTest::addRow("%s training", t) << QString::fromLatin1(t) << trainingPhase();
        QTest::addRow("%s batch", t) << QString::fromLatin1(t) << batchPhase();
    }
}

void TestPynnScriptGenerator::scriptsCompile()
{
    if (!m_python)
        QSKIP("no Python interpreter for the tests (set SCNN_TEST_PYTHON)");
    QFETCH(QString, target);
    QFETCH(PhaseDescription, phase);
    PynnScriptOptions o;
    o.target = pynnTargetFromString(target.toStdString());
    o.spinnaker.boardHost = "192.168.240.1";
    o.title = "Test phase";
    const PynnScript s = PynnScriptGenerator(o).generate(phase);
    const std::string path = writeScript(s, m_tmp, QTest::currentDataTag());
    QString out;
    QCOMPARE(test::runPython("import py_compile, sys; py_compile.compile(sys.argv[1], doraise=True)",
                             {QString::fromStdString(path)}, &out),
             0);
    // Big arrays live beside the script, small ones inside it.
    const bool hasFiles = std::any_of(s.files.begin(), s.files.end(),
                                      [](const PynnFile& f) { return f.relativePath.rfind("inputs/", 0) == 0; });
    QVERIFY(hasFiles);
    // Small arrays are written into the script instead.
    o.embedRows = 1000;
    const PynnScript embedded = PynnScriptGenerator(o).generate(phase);
    QVERIFY(embedded.source.find("np.array([[") != std::string::npos);
    QVERIFY(std::none_of(embedded.files.begin(), embedded.files.end(),
                         [](const PynnFile& f) { return f.relativePath.rfind("inputs/", 0) == 0; }));
    const std::string embeddedPath = writeScript(embedded, m_tmp, QTest::currentDataTag() + std::string("-embedded"));
    QCOMPARE(test::runPython("import py_compile, sys; py_compile.compile(sys.argv[1], doraise=True)",
                             {QString::fromStdString(embeddedPath)}, &out),
             0);
    QVERIFY(s.source.rfind("#!/usr/bin/env python3\n\"\"\"Test phase: a PyNN script", 0) == 0);
    if (!phase.batch && o.target != PynnTarget::Spinnaker) // PyNN wants negative inhibitory weights
        QVERIFY(s.source.find("StaticSynapse(weight=-300.0, delay=1.0)") != std::string::npos);
    if (o.target == PynnTarget::Brian2)
        QVERIFY(s.source.find("brian2.defaultclock.dt = DT * brian2.ms") != std::string::npos);
}

void TestPynnScriptGenerator::spinnakerUsesDocumentedApiOnly()
{
    if (!m_python)
        QSKIP("no Python interpreter for the tests (set SCNN_TEST_PYTHON)");
    PynnScriptOptions o;
    o.target = PynnTarget::Spinnaker;
    o.spinnaker.boardHost = "spinn-5.local";
    o.spinnaker.neuronsPerCore = 64;
    o.spinnaker.timeScaleFactor = 10;
    o.spinnaker.notifyPort = 19876;
    o.spinnaker.liveSpikePort = 17777;
    for (const PhaseDescription& phase : {trainingPhase(), batchPhase()}) {
        const PynnScript s = PynnScriptGenerator(o).generate(phase);
        const std::string path = writeScript(s, m_tmp, phase.batch ? "whitelist-batch" : "whitelist-train");
        // Every call through the simulator module (sim.X(...), sim.X.Y(...)) and every
        // method called on a population or projection, as Python's own parser sees them.
        const char* lister = R"PY(
import ast, sys
tree = ast.parse(open(sys.argv[1]).read())
sim_calls, object_calls = set(), set()
objects = {"population", "projection", "pops", "projs"}
for node in ast.walk(tree):
    if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
        continue
    parts, f = [], node.func
    while isinstance(f, ast.Attribute):
        parts.append(f.attr)
        f = f.value
    indexed = isinstance(f, ast.Subscript)
    while isinstance(f, ast.Subscript):
        f = f.value
    if isinstance(f, ast.Name) and f.id == "sim":
        sim_calls.add(".".join(reversed(parts)))
    elif isinstance(f, ast.Name) and f.id in objects and (indexed or f.id in ("population", "projection")):
        object_calls.add(node.func.attr)
print(" ".join(sorted(sim_calls)))
print(" ".join(sorted(object_calls)))
)PY";
        QString out;
        QCOMPARE(test::runPython(lister, {QString::fromStdString(path)}, &out), 0);
        const QStringList lines = out.trimmed().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 2);
        // spinnaker.md §6.1 (setup) and §6.3 (the calls a generated script uses), plus the
        // standard PyNN model classes §6.3 names with them.
        const std::set<QString> documented = {
            "setup", "set_number_of_neurons_per_core", "Population", "IF_curr_exp", "SpikeSourceArray",
            "Projection", "FromListConnector", "AllToAllConnector", "StaticSynapse", "STDPMechanism",
            "SpikePairRule", "AdditiveWeightDependence", "external_devices.activate_live_output_for", "run", "end"};
        // §6.3: pop.record, pop.get_data, proj.get; PyNN's Population.id_to_index and
        // initialize are core PyNN (not listed in §6.3).
        const std::set<QString> methods = {"record", "get_data", "get", "id_to_index", "initialize"};
        const QStringList simCalls = lines[0].split(QLatin1Char(' '), Qt::SkipEmptyParts);
        for (const QString& c : simCalls)
            QVERIFY2(documented.count(c), qPrintable("undocumented sPyNNaker call sim." + c));
        for (const QString& c : lines[1].split(QLatin1Char(' '), Qt::SkipEmptyParts))
            QVERIFY2(methods.count(c), qPrintable("undocumented PyNN method ." + c));
        for (const char* needed : {"setup", "set_number_of_neurons_per_core", "Population", "Projection", "run", "end",
                                   "external_devices.activate_live_output_for"})
            QVERIFY2(simCalls.contains(QLatin1String(needed)), needed);
        QVERIFY(s.source.find("import pyNN.spiNNaker as sim") != std::string::npos);
        QVERIFY(s.source.find("import spynnaker8 as sim") != std::string::npos);
        QVERIFY(s.source.find("sim.set_number_of_neurons_per_core(sim.IF_curr_exp, 64)") != std::string::npos);
        QVERIFY(s.source.find("sim.setup(timestep=DT, time_scale_factor=10)") != std::string::npos);
        QVERIFY(s.source.find("database_notify_host=\"localhost\", database_notify_port_num=19876") !=
                std::string::npos);
        QVERIFY(s.source.find("port=17777") != std::string::npos);
        QVERIFY(s.source.find("dendritic_delay_fraction") == std::string::npos); // Brian 2 only
        // sPyNNaker takes |w| and the receptor: no negated inhibitory weights.
        QVERIFY(phase.batch || s.source.find("weight=300.0, delay=1.0") != std::string::npos);
        QVERIFY(s.source.find("FromListConnector(negated") == std::string::npos);
        const auto cfg = std::find_if(s.files.begin(), s.files.end(),
                                      [](const PynnFile& f) { return f.relativePath == "spynnaker.cfg"; });
        QVERIFY(cfg != s.files.end());
        QVERIFY(cfg->bytes.find("machine_name = spinn-5.local") != std::string::npos);
    }
}

void TestPynnScriptGenerator::spinnakerCfg()
{
    SpinnakerSettings s;
    s.boardHost = "10.11.192.1";
    s.boardVersion = 3;
    s.timeScaleFactor = 5;
    std::string t = spynnakerCfgText(s);
    QVERIFY(t.find("[Machine]\nmachine_name = 10.11.192.1\nversion = 3\ntime_scale_factor = 5\n") != std::string::npos);
    QVERIFY(t.find("[Database]\nnotify_hostname = localhost\nnotify_port = 19999\n") != std::string::npos);
    QVERIFY(t.find("live_spike_port = 17895") != std::string::npos);
    QVERIFY(t.find("spalloc") == std::string::npos);

    s = {};
    s.spallocServer = "spinnaker.cs.man.ac.uk";
    s.spallocUser = "alice";
    s.spallocMachine = "SpiNNaker1M";
    t = spynnakerCfgText(s);
    QVERIFY(t.find("spalloc_server = spinnaker.cs.man.ac.uk\nspalloc_port = 22244\nspalloc_user = alice\n"
                   "spalloc_machine = SpiNNaker1M\n") != std::string::npos);
    QVERIFY(t.find("machine_name") == std::string::npos);
    QVERIFY(t.find("time_scale_factor") == std::string::npos);

    s = {};
    s.virtualBoard = true;
    QVERIFY(spynnakerCfgText(s).find("virtual_board = True\nversion = 5\n") != std::string::npos);

    const std::string path = m_tmp.path().toStdString() + "/written.cfg";
    writeSpynnakerCfg(path, s);
    QFile f(QString::fromStdString(path));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll().toStdString(), spynnakerCfgText(s));
}

void TestPynnScriptGenerator::spinnakerCfgRejects()
{
    auto message = [](const SpinnakerSettings& s) {
        try {
            spynnakerCfgText(s);
        } catch (const model::Error& e) {
            return std::string(e.what());
        }
        return std::string();
    };
    SpinnakerSettings s;
    QVERIFY(message(s).find("no SpiNNaker machine chosen") != std::string::npos);
    s.boardHost = "1.2.3.4";
    s.spallocServer = "x";
    QVERIFY(message(s).find("only one of") != std::string::npos);
    s.spallocServer.clear();
    s.boardVersion = 4;
    QVERIFY(message(s).find("board version 4") != std::string::npos);
    s.boardVersion = 5;
    s.neuronsPerCore = 300;
    QVERIFY(message(s).find("neurons per core 300") != std::string::npos);
    s.neuronsPerCore = 100;
    s.boardHost = "bad host\nmachine_name = other";
    QVERIFY(message(s).find("board host") != std::string::npos);
    s.boardHost.clear();
    s.spallocServer = "server";
    QVERIFY(message(s).find("spalloc needs a user") != std::string::npos);
}

void TestPynnScriptGenerator::convolutionMatchesOracleList()
{
    if (!test::sharedExists("data/oracle/conv_small"))
        QSKIP("the shared oracle data (../shared/data/oracle) is absent");
    const test::OracleCase c = test::loadOracleCase(test::sharedDir("data/oracle/conv_small"));
    const FromList got = PynnScriptGenerator::expandConvolution(test::convSmallConvolution(c));
    const auto& want = std::get<FromList>(c.phase.projections[0].connector);
    QCOMPARE(got.pre, want.pre);
    QCOMPARE(got.post, want.post);
    QCOMPARE(got.weight, want.weight);
    QCOMPARE(got.delay, want.delay);
}

void TestPynnScriptGenerator::perChannelConvolution()
{
    // 2 input channels, 3 kernels 2×2 applied per channel → 6 output maps.
    Convolution c;
    c.in = {3, 3, 2};
    c.out = {2, 2, 6};
    c.kh = c.kw = 2;
    c.perChannel = true;
    c.kernels = {1, 2, 3, 4, 10, 20, 30, 40, 100, 200, 300, 400};
    const FromList l = PynnScriptGenerator::expandConvolution(c);
    QCOMPARE(l.pre.size(), std::size_t(6 * 4 * 4)); // every output sees one channel's 2×2 window
    for (std::size_t i = 0; i < l.pre.size(); ++i) {
        const int map = l.post[i] / 4, channel = l.pre[i] / 9;
        QCOMPARE(channel, map % 2);
        const float base = map / 2 == 0 ? 1.0f : map / 2 == 1 ? 10.0f : 100.0f;
        QVERIFY(l.weight[i] == base || l.weight[i] == 2 * base || l.weight[i] == 3 * base || l.weight[i] == 4 * base);
    }
    PhaseDescription ph;
    ph.durationMs = 10;
    Population in;
    in.size = 18;
    in.type = CellType::SpikeSourceArray;
    Population out;
    out.size = 24;
    ph.populations = {in, out};
    Projection p;
    p.pre = 0;
    p.post = 1;
    p.connector = c;
    ph.projections = {p};
    PynnScriptGenerator().validate(ph); // consistent shapes pass
}

void TestPynnScriptGenerator::rejects_data()
{
    QTest::addColumn<PhaseDescription>("phase");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("message");
    PhaseDescription p = trainingPhase();
    p.populations[1].label = "window";
    QTest::newRow("duplicate label") << p << "brian2" << "population 1 'window': label is used by two";
    p = trainingPhase();
    p.populations[1].type = CellType::NonLeakyIf;
    QTest::newRow("non-leaky") << p << "brian2" << "'kernels': cell type 'non-leaky IF' has no PyNN";
    p = trainingPhase();
    p.projections[0].stdp->rule = model::StdpRule::Multiplicative;
    QTest::newRow("multiplicative") << p << "nest" << "'feedforward': STDP rule 'multiplicative'";
    p = trainingPhase();
    std::get<FromList>(p.projections[0].connector).delay[5] = 0.5f;
    QTest::newRow("short delay") << p << "brian2" << "connection 5: delay 0.5 ms is shorter than the timestep";
    p = trainingPhase();
    std::get<FromList>(p.projections[0].connector).post[3] = 4;
    QTest::newRow("post out of range") << p << "brian2" << "connection 3: pre 3 / post 4 outside";
    p = trainingPhase();
    std::get<FromList>(p.projections[0].connector).pre[1] = 0;
    QTest::newRow("plastic duplicate pair") << p << "brian2" << "appears twice";
    p = trainingPhase();
    p.projections[1].stdp = model::StdpParams{};
    QTest::newRow("plastic inhibition") << p << "brian2" << "plastic inhibitory projections are not supported on Brian 2";
    p = trainingPhase();
    p.recordMembrane[0].population = 0;
    QTest::newRow("membrane of source") << p << "brian2" << "'window' is a spike source and has no membrane";
    p = trainingPhase();
    p.recordMembrane.push_back({1, {3}, 2.0});
    QTest::newRow("two intervals") << p << "brian2" << "one interval";
    p = trainingPhase();
    p.recordWeights[0].projection = 1;
    QTest::newRow("static weights") << p << "brian2" << "is static";
    p = trainingPhase();
    p.populations[0].spikes.add(16, 3.0);
    QTest::newRow("spike id") << p << "brian2" << "neuron 16 is outside 0..15";
    p = batchPhase();
    std::get<Convolution>(p.projections[0].connector).out = {3, 3, 2};
    QTest::newRow("conv shape") << p << "brian2" << "do not match the populations' sizes";
    p = batchPhase();
    std::get<Convolution>(p.projections[0].connector).kernels.pop_back();
    QTest::newRow("kernel count") << p << "brian2" << "has 17 kernel weights, expected 18";
    p = batchPhase();
    p.batch->inputs[1][0].add(3, 120.0);
    QTest::newRow("trial spike late") << p << "brian2" << "trial 1: spike at 120.0 ms";
    p = batchPhase();
    p.batch->inputs[2].clear();
    QTest::newRow("trial lists") << p << "brian2" << "trial 2 has 0 spike lists for 1 sources";
    p = batchPhase();
    p.projections[0].stdp = model::StdpParams{};
    QTest::newRow("plastic conv") << p << "brian2" << "plastic";
    p = trainingPhase();
    QTest::newRow("no board") << p << "spinnaker" << "no SpiNNaker machine chosen";
}

void TestPynnScriptGenerator::rejects()
{
    QFETCH(PhaseDescription, phase);
    QFETCH(QString, target);
    QFETCH(QString, message);
    PynnScriptOptions o;
    o.target = pynnTargetFromString(target.toStdString());
    try {
        PynnScriptGenerator(o).generate(phase);
        QFAIL("accepted");
    } catch (const model::Error& e) {
        QVERIFY2(std::string(e.what()).find(message.toStdString()) != std::string::npos, e.what());
    }
}

void TestPynnScriptGenerator::npyRoundTrip()
{
    // Input arrays go out through model::npyBytes, results come back through readPynnTable.
    const std::vector<double> values = {0.0, -1.5, 3.25, 1e-300, 7.0, 8.0};
    const std::string path = m_tmp.path().toStdString() + "/a.npy";
    PynnScript s;
    s.files.push_back({"a.npy", model::npyBytes(model::NpyArray::fromDouble({3, 2}, values))});
    s.writeTo(m_tmp.path().toStdString(), "unused.py");
    const PynnTable a = readPynnTable(path);
    QCOMPARE(a.rows, std::size_t(3));
    QCOMPARE(a.cols, std::size_t(2));
    QCOMPARE(a.data, values);
    QCOMPARE(a.at(2, 1), 8.0);
    if (m_python && test::pythonHas("numpy")) {
        QString out;
        QCOMPARE(test::runPython("import numpy, sys; a = numpy.load(sys.argv[1]); print(a.shape, a.dtype, a[1, 0]);"
                                 "numpy.save(sys.argv[1] + '.i8.npy', numpy.arange(6, dtype=numpy.int64).reshape(2, 3))",
                                 {QString::fromStdString(path)}, &out),
                 0);
        QCOMPARE(out.trimmed(), QStringLiteral("(3, 2) float64 3.25"));
        const PynnTable b = readPynnTable(path + ".i8.npy"); // counts.npy is int64
        QCOMPARE(b.rows, std::size_t(2));
        QCOMPARE(b.at(1, 2), 5.0);
    }
}

void TestPynnScriptGenerator::resultsNeedDoneMarker()
{
    try {
        readPynnResults(m_tmp.path().toStdString() + "/nothing", trainingPhase());
        QFAIL("accepted");
    } catch (const model::Error& e) {
        QVERIFY(std::string(e.what()).find("done.json is missing") != std::string::npos);
    }
}

void TestPynnScriptGenerator::resultsRejectForeignSpikes_data()
{
    QTest::addColumn<double>("id");
    QTest::addColumn<double>("time");
    QTest::addColumn<QString>("message");
    // spikes_0.npy records population 0 ("window", 16 neurons)
    QTest::newRow("neuron past the population") << 16.0 << 5.0 << QStringLiteral("neuron 16.0 at 5.0 ms");
    QTest::newRow("negative neuron") << -1.0 << 5.0 << QStringLiteral("neuron -1.0");
    QTest::newRow("fractional neuron") << 2.5 << 5.0 << QStringLiteral("neuron 2.5");
    QTest::newRow("time not a number") << 2.0 << std::nan("") << QStringLiteral("at nan ms");
    QTest::newRow("negative time") << 2.0 << -3.0 << QStringLiteral("at -3.0 ms");
}

void TestPynnScriptGenerator::resultsRejectForeignSpikes()
{
    QFETCH(double, id);
    QFETCH(double, time);
    QFETCH(QString, message);
    // A script from another network (or a damaged file) must not put spikes on neurons that do not exist.
    const std::string dir = m_tmp.path().toStdString() + "/foreign";
    PynnScript s;
    s.files.push_back({"done.json", "{}"});
    s.files.push_back({"spikes_0.npy", model::npyBytes(model::NpyArray::fromDouble({2, 2}, {0.0, 1.0, id, time}))});
    s.writeTo(dir, "unused.py");
    try {
        readPynnResults(dir, trainingPhase());
        QFAIL("accepted");
    } catch (const model::Error& e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains(message), e.what());
        QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("spikes_0.npy")), e.what());
        QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("row 1")), e.what());
    }
}

void TestPynnScriptGenerator::settleTime()
{
    // rebuild parameters: tau_refrac 1, tau_m 10, tau_syn 5 → 14·10 + 1 ms delay
    QCOMPARE(PynnScriptGenerator::settleTimeMs(batchPhase()), 141.0);
    PynnScriptOptions o;
    o.trialGapMs = 0.0;
    QCOMPARE(PynnScriptGenerator(o).trialGapMs(batchPhase()), 0.0);
    const PynnScript s = PynnScriptGenerator(o).generate(batchPhase());
    QVERIFY(s.source.find("GAP_MS = 0.0") != std::string::npos);
}

QTEST_GUILESS_MAIN(TestPynnScriptGenerator)
#include "tst_pynnscriptgenerator.moc"
