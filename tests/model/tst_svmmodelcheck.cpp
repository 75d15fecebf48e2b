// SPDX-License-Identifier: GPL-3.0-or-later
// SVM model files are checked completely before LIBLINEAR or libsvm reads them.
#include "model/error.h"
#include "model/svmmodelcheck.h"

#include <QTest>

using namespace scnn::model;

namespace {

const char* linear3 = "solver_type L2R_L2LOSS_SVC_DUAL\nnr_class 3\nlabel 0 1 7\nnr_feature 2\nbias -1\nw\n"
                      "0.1 0.2 -0.3 \n0.4 -0.5 0.6 \n";
const char* rbf2 = "svm_type c_svc\nkernel_type rbf\ngamma 0.25\nnr_class 2\ntotal_sv 2\nrho 0.1\n"
                   "label 0 1\nnr_sv 1 1\nSV\n1 1:0.5 2:0.1 \n-1 1:0.2 3:0.4 \n";

std::string replace(std::string s, const std::string& from, const std::string& to)
{
    s.replace(s.find(from), from.size(), to);
    return s;
}

} // namespace

class TestSvmModelCheck : public QObject
{
    Q_OBJECT

private slots:
    void validFilesPass()
    {
        checkLinearModelText(linear3, "svm.model");
        checkLibsvmModelText(rbf2, "svm.model");
    }

    void linearRejected_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        const std::string l = linear3;
        QTest::newRow("truncated") << QString::fromStdString(l.substr(0, l.size() - 6)) << "file ends";
        QTest::newRow("comma decimal") << QString::fromStdString(replace(l, "0.6", "0,6")) << "line 8";
        QTest::newRow("extra value") << QString::fromStdString(l + "1.0\n") << "more values";
        QTest::newRow("unknown key") << QString::fromStdString(replace(l, "bias", "bios")) << "unknown keyword 'bios'";
        QTest::newRow("huge classes") << QString::fromStdString(replace(l, "nr_class 3", "nr_class 99999999"))
                                      << "nr_class 99999999 is outside";
        QTest::newRow("labels short") << QString::fromStdString(replace(l, "label 0 1 7", "label 0 1"))
                                      << "not a whole number";
        QTest::newRow("no solver") << QString::fromStdString(replace(l, "solver_type L2R_L2LOSS_SVC_DUAL\n", ""))
                                   << "no solver_type";
        QTest::newRow("regression solver")
            << QString::fromStdString(replace(l, "L2R_L2LOSS_SVC_DUAL", "L2R_L2LOSS_SVR")) << "not a LIBLINEAR classifier";
        QTest::newRow("nan") << QString::fromStdString(replace(l, "0.1", "nan")) << "not a finite number";
        // liblinear leaks the first label array of a repeated label line.
        QTest::newRow("label twice") << QString::fromStdString(replace(l, "label 0 1 7\n", "label 0 1 7\nlabel 0 1 7\n"))
                                     << "header keyword 'label' appears twice";
    }

    void linearRejected()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        try {
            checkLinearModelText(text.toStdString(), "exp/svm.model");
            QFAIL("accepted a malformed model file");
        } catch (const Error& e) {
            const QString m = QString::fromUtf8(e.what());
            QVERIFY2(m.startsWith(QStringLiteral("exp/svm.model: line ")), qPrintable(m));
            QVERIFY2(m.contains(expected), qPrintable(m));
        }
    }

    void libsvmRejected_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        const std::string r = rbf2;
        QTest::newRow("missing sv") << QString::fromStdString(r.substr(0, r.rfind("-1"))) << "file ends after 1 of 2";
        QTest::newRow("nr_sv sum") << QString::fromStdString(replace(r, "nr_sv 1 1", "nr_sv 1 2")) << "adds up to 3";
        QTest::newRow("index order") << QString::fromStdString(replace(r, "1:0.5 2:0.1", "2:0.5 1:0.1"))
                                     << "not increasing";
        QTest::newRow("not pair") << QString::fromStdString(replace(r, "3:0.4", "3=0.4")) << "not index:value";
        QTest::newRow("nu_svc") << QString::fromStdString(replace(r, "c_svc", "nu_svc")) << "not c_svc";
        QTest::newRow("nr_sv twice") << QString::fromStdString(replace(r, "nr_sv 1 1\n", "nr_sv 1 1\nnr_sv 1 1\n"))
                                     << "header keyword 'nr_sv' appears twice";
    }

    void libsvmRejected()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        try {
            checkLibsvmModelText(text.toStdString(), "svm.model");
            QFAIL("accepted a malformed model file");
        } catch (const Error& e) {
            const QString m = QString::fromUtf8(e.what());
            QVERIFY2(m.contains(expected), qPrintable(m));
        }
    }
};

QTEST_APPLESS_MAIN(TestSvmModelCheck)
#include "tst_svmmodelcheck.moc"
