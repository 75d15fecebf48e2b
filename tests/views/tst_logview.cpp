// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — tests of LogView: appending, line limit, monospace font following the widget font.
#include "viewtestsupport.h"

#include "views/logview.h"

#include <QFontInfo>
#include <QPlainTextEdit>
#include <QVBoxLayout>

using namespace scnn::views;

class TestLogView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void appendsAndTrims()
    {
        LogView log;
        log.appendLine(QStringLiteral("first"));
        log.appendLines({QStringLiteral("second"), QStringLiteral("third")});
        QCOMPARE(log.lineCount(), 3);
        QCOMPARE(log.text(), QStringLiteral("first\nsecond\nthird"));
        log.setMaximumLines(2);
        log.appendLine(QStringLiteral("fourth"));
        QCOMPARE(log.lineCount(), 2);
        QCOMPARE(log.text(), QStringLiteral("third\nfourth"));
        log.clear();
        QCOMPARE(log.lineCount(), 0);
        auto* edit = log.findChild<QPlainTextEdit*>();
        QVERIFY(edit->isReadOnly());
    }

    void monospaceFollowsTheFont()
    {
        QWidget parent;
        auto* layout = new QVBoxLayout(&parent);
        auto* log = new LogView;
        layout->addWidget(log);
        auto* edit = log->findChild<QPlainTextEdit*>();
        QVERIFY(QFontInfo(edit->font()).fixedPitch());
        const double before = edit->font().pointSizeF();
        QFont big = parent.font();
        big.setPointSizeF(big.pointSizeF() * 2);
        parent.setFont(big);
        QVERIFY(edit->font().pointSizeF() > before * 1.5);
        QVERIFY(QFontInfo(edit->font()).fixedPitch());
    }
};

QTEST_MAIN(TestLogView)
#include "tst_logview.moc"
