// The dialogs on their own: each refuses bad input with a sentence saying what is wrong, before its
// OK button enables, and accepts good input.
#include "GuiFixture.h"

#include "core/RequestValidationTable.h"
#include "ui/CreateSessionDialog.h"
#include "ui/ErrorDialog.h"
#include "ui/ExtendSessionDialog.h"
#include "ui/PreferencesDialog.h"

#include "storage/Settings.h"

#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using arr::TimeSpan;

class TestDialogs : public QObject
{
    Q_OBJECT

private:
    static QPushButton *okButton(QDialog *dialog)
    {
        return dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    }
    static QString shownProblem(QDialog *dialog)
    {
        auto *label = dialog->findChild<QLabel *>(u"problemLabel"_s);
        return label->isVisibleTo(dialog) ? label->text() : QString();
    }
    static QList<arr::Account> oneAccount()
    {
        arr::Account account;
        account.name = u"Production"_s;
        account.accountId = u"01234567-89ab-cdef-0123-456789abcdef"_s;
        account.endpoint = arr::regionEndpoint(u"westeurope"_s);
        account.tokenEndpoint = arr::regionTokenEndpoint(u"westeurope"_s);
        return {account};
    }

private Q_SLOTS:
    void createRefusesBadLease_data();
    void createRefusesBadLease();
    void createRefusesBadSizeAndModels_data();
    void createRefusesBadSizeAndModels();
    void createGivesTheRequestTyped();
    void createWithoutAccountSaysSo();
    void createSessionIdOnlyForTheGaApi();
    void extendMustExceedCurrentAndStayWithinADay_data();
    void extendMustExceedCurrentAndStayWithinADay();
    void extendSeveralNamesTheOneThatCannot();
    void requestTable_data();
    void requestTable();
    void errorDialogShowsStatusMessageAndMsCv();
    void preferencesRefuseRedAboveAmber();
};

void TestDialogs::createRefusesBadLease_data()
{
    QTest::addColumn<QString>("hours");
    QTest::addColumn<QString>("minutes");
    QTest::addColumn<QString>("problem");
    QTest::newRow("zero") << u"0"_s << u"0"_s << u"longer than zero"_s;
    QTest::newRow("25 h") << u"25"_s << u"0"_s << u"longer than 24 hours"_s;
    QTest::newRow("24 h 30") << u"24"_s << u"30"_s << u"longer than 24 hours"_s;
    QTest::newRow("hours not a number") << u""_s << u"0"_s << u"hours as a whole number"_s;
    QTest::newRow("minutes not a number") << u"1"_s << u""_s << u"minutes as a whole number"_s;
    QTest::newRow("one minute") << u"0"_s << u"1"_s << QString();
    QTest::newRow("24 h") << u"24"_s << u"0"_s << QString();
}

void TestDialogs::createRefusesBadLease()
{
    QFETCH(QString, hours);
    QFETCH(QString, minutes);
    QFETCH(QString, problem);
    arr::CreateSessionDialog dialog(oneAccount());
    dialog.show();
    QVERIFY(okButton(&dialog)->isEnabled());
    QVERIFY(gui::retype(dialog.findChild<QSpinBox *>(u"leaseHoursSpin"_s), hours));
    QVERIFY(gui::retype(dialog.findChild<QSpinBox *>(u"leaseMinutesSpin"_s), minutes));
    // A spin box puts its last number back when it loses the focus, so an empty field is left last.
    if (hours.isEmpty())
        QVERIFY(gui::retype(dialog.findChild<QSpinBox *>(u"leaseHoursSpin"_s), hours));
    // Letters never get into a number field.
    QTest::keyClicks(dialog.findChild<QSpinBox *>(u"leaseHoursSpin"_s), u"x"_s);
    QVERIFY2(shownProblem(&dialog).contains(problem), qPrintable(shownProblem(&dialog)));
    QCOMPARE(okButton(&dialog)->isEnabled(), problem.isEmpty());
    if (problem.isEmpty()) {
        QCOMPARE(shownProblem(&dialog), QString());
    } else {
        // Nothing happens on Create (or Enter) while the input is wrong.
        QTest::mouseClick(okButton(&dialog), Qt::LeftButton);
        QTest::keyClick(&dialog, Qt::Key_Return);
        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
    }
}

void TestDialogs::createRefusesBadSizeAndModels_data()
{
    QTest::addColumn<QString>("size");
    QTest::addColumn<QString>("models");
    QTest::addColumn<QString>("problem");
    QTest::newRow("no size") << u""_s << u""_s << u"size is empty"_s;
    QTest::newRow("two words") << u"very big"_s << u""_s << u"not a single word"_s;
    QTest::newRow("not a url") << u"standard"_s << u"engine model"_s << u"\"engine model\" is not a full URL"_s;
    QTest::newRow("relative") << u"standard"_s << u"models/engine.arrAsset"_s << u"not a full URL"_s;
    QTest::newRow("second line bad") << u"standard"_s << u"https://a.example/x.arrAsset\nhttps//broken"_s
                                     << u"\"https//broken\""_s;
    QTest::newRow("good models") << u"standard"_s << u"https://a.example/x.arrAsset\n\nbuiltin://Engine"_s << QString();
    QTest::newRow("unknown size is allowed") << u"huge"_s << u""_s << QString();
}

void TestDialogs::createRefusesBadSizeAndModels()
{
    QFETCH(QString, size);
    QFETCH(QString, models);
    QFETCH(QString, problem);
    arr::CreateSessionDialog dialog(oneAccount());
    dialog.show();
    QVERIFY(gui::retype(dialog.findChild<QComboBox *>(u"sizeCombo"_s), size));
    auto *modelsEdit = dialog.findChild<QPlainTextEdit *>(u"modelsEdit"_s);
    modelsEdit->setFocus();
    const QStringList lines = models.split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (i > 0)
            QTest::keyClick(modelsEdit, Qt::Key_Return);
        QTest::keyClicks(modelsEdit, lines.at(i));
    }
    QVERIFY2(shownProblem(&dialog).contains(problem), qPrintable(shownProblem(&dialog)));
    QCOMPARE(okButton(&dialog)->isEnabled(), problem.isEmpty());
}

void TestDialogs::createGivesTheRequestTyped()
{
    arr::CreateSessionDialog dialog(oneAccount());
    dialog.show();
    QVERIFY(gui::retype(dialog.findChild<QComboBox *>(u"sizeCombo"_s), u"premium"_s));
    QVERIFY(gui::retype(dialog.findChild<QSpinBox *>(u"leaseHoursSpin"_s), u"3"_s));
    QVERIFY(gui::retype(dialog.findChild<QSpinBox *>(u"leaseMinutesSpin"_s), u"15"_s));
    QTest::keyClicks(dialog.findChild<QPlainTextEdit *>(u"modelsEdit"_s), u" https://a.example/x.arrAsset "_s);
    QVERIFY(gui::click(okButton(&dialog)));
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.account(), u"Production"_s);
    const arr::CreateSessionRequest request = dialog.request();
    QCOMPARE(request.size, u"premium"_s);
    QCOMPARE(request.maxLease, TimeSpan::fromMinutes(195));
    QCOMPARE(request.models, QList<QUrl>{QUrl(u"https://a.example/x.arrAsset"_s)});
}

void TestDialogs::createWithoutAccountSaysSo()
{
    arr::CreateSessionDialog dialog({});
    dialog.show();
    QVERIFY(!okButton(&dialog)->isEnabled());
    QVERIFY(shownProblem(&dialog).contains(u"add one under Accounts"_s));
}

void TestDialogs::createSessionIdOnlyForTheGaApi()
{
    QList<arr::Account> accounts = oneAccount();
    arr::Account ga = accounts.constFirst();
    ga.name = u"GA"_s;
    ga.apiVersion = arr::ApiVersion::Api20210101;
    accounts.append(ga);
    arr::CreateSessionDialog dialog(accounts);
    dialog.show();
    auto *idEdit = dialog.findChild<QLineEdit *>(u"sessionIdEdit"_s);
    QVERIFY(idEdit);
    // v1 names sessions itself.
    QVERIFY(!idEdit->isEnabled());
    QVERIFY(okButton(&dialog)->isEnabled());
    QVERIFY(dialog.request().sessionId.isEmpty());

    dialog.setAccount(u"GA"_s);
    QVERIFY(idEdit->isEnabled());
    QCOMPARE(dialog.findChild<QComboBox *>(u"sizeCombo"_s)->itemText(0), u"Standard"_s);
    // Empty: the client picks a UUID when sending.
    QVERIFY(okButton(&dialog)->isEnabled());
    QTest::keyClicks(idEdit, u"render/1"_s);
    QVERIFY(!okButton(&dialog)->isEnabled());
    QVERIFY2(!shownProblem(&dialog).isEmpty(), "a bad id is explained");
    QVERIFY(gui::retype(idEdit, QString(257, u'a')));
    QVERIFY(!okButton(&dialog)->isEnabled());
    QVERIFY(gui::retype(idEdit, u" nightly_render-1 "_s));
    QCOMPARE(shownProblem(&dialog), QString());
    QVERIFY(gui::click(okButton(&dialog)));
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.account(), u"GA"_s);
    QCOMPARE(dialog.request().sessionId, u"nightly_render-1"_s);
}

void TestDialogs::extendMustExceedCurrentAndStayWithinADay_data()
{
    QTest::addColumn<bool>("total");
    QTest::addColumn<QString>("hours");
    QTest::addColumn<QString>("minutes");
    QTest::addColumn<QString>("problem");
    QTest::addColumn<QString>("newLease");
    // The session's lease is 4 h.
    QTest::newRow("add nothing") << false << u"0"_s << u"0"_s << u"must be longer"_s << u"04:00:00"_s;
    QTest::newRow("add 30 min") << false << u"0"_s << u"30"_s << QString() << u"04:30:00"_s;
    QTest::newRow("add 21 h") << false << u"21"_s << u"0"_s << u"longer than 24 hours"_s << u"1 d 01:00:00"_s;
    QTest::newRow("total shorter") << true << u"3"_s << u"0"_s << u"must be longer"_s << u"03:00:00"_s;
    QTest::newRow("total equal") << true << u"4"_s << u"0"_s << u"must be longer"_s << u"04:00:00"_s;
    QTest::newRow("total 25 h") << true << u"25"_s << u"0"_s << u"longer than 24 hours"_s << u"1 d 01:00:00"_s;
    QTest::newRow("total 24 h") << true << u"24"_s << u"0"_s << QString() << u"1 d 00:00:00"_s;
    QTest::newRow("total not a number") << true << u""_s << u"0"_s << u"whole numbers"_s << QString();
}

void TestDialogs::extendMustExceedCurrentAndStayWithinADay()
{
    QFETCH(bool, total);
    QFETCH(QString, hours);
    QFETCH(QString, minutes);
    QFETCH(QString, problem);
    QFETCH(QString, newLease);
    arr::ExtendSessionDialog dialog(
        {{u"Production"_s, u"session-1"_s, TimeSpan::fromHours(4), TimeSpan::fromMinutes(200)}});
    dialog.show();
    auto *tree = dialog.findChild<QTreeWidget *>();
    QCOMPARE(tree->topLevelItem(0)->text(2), u"04:00:00"_s);
    QCOMPARE(tree->topLevelItem(0)->text(3), u"03:20:00"_s);
    const QString prefix = total ? u"total"_s : u"add"_s;
    QVERIFY(gui::retype(dialog.findChild<QSpinBox *>(prefix + u"HoursSpin"_s), hours));
    QVERIFY(gui::retype(dialog.findChild<QSpinBox *>(prefix + u"MinutesSpin"_s), minutes));
    if (hours.isEmpty())
        QVERIFY(gui::retype(dialog.findChild<QSpinBox *>(prefix + u"HoursSpin"_s), hours));
    QCOMPARE(dialog.findChild<QRadioButton *>(prefix + u"Radio"_s)->isChecked(), true);
    QVERIFY2(shownProblem(&dialog).contains(problem), qPrintable(shownProblem(&dialog)));
    QCOMPARE(okButton(&dialog)->isEnabled(), problem.isEmpty());
    QCOMPARE(tree->topLevelItem(0)->text(4), newLease);
}

void TestDialogs::extendSeveralNamesTheOneThatCannot()
{
    arr::ExtendSessionDialog dialog({{u"A"_s, u"short-one"_s, TimeSpan::fromHours(1), std::nullopt},
        {u"A"_s, u"long-one"_s, TimeSpan::fromMinutes(23 * 60 + 30), TimeSpan::fromMinutes(5)}});
    dialog.show();
    QVERIFY(gui::click(gui::buttonWithText(&dialog, u"+30 min"_s)));
    QVERIFY(okButton(&dialog)->isEnabled());
    QCOMPARE(dialog.newLeaseFor(dialog.targets().at(0)), TimeSpan::fromMinutes(90));
    QCOMPARE(dialog.newLeaseFor(dialog.targets().at(1)), TimeSpan::fromHours(24));
    QVERIFY(gui::click(gui::buttonWithText(&dialog, u"+1 h"_s)));
    QVERIFY(!okButton(&dialog)->isEnabled());
    QVERIFY(shownProblem(&dialog).contains(u"long-one"_s));
    QVERIFY(!shownProblem(&dialog).contains(u"short-one"_s));
}

void TestDialogs::requestTable_data()
{
    QTest::addColumn<int>("row");
    const QList<validation::Case> cases = validation::cases();
    for (int i = 0; i < cases.size(); ++i) {
        // Session ids are never typed into a dialog.
        if (cases.at(i).field != validation::Field::SessionId)
            QTest::newRow(cases.at(i).name) << i;
    }
}

// The validator's table through the dialogs: what the dialog shows is exactly the validator's sentence,
// and OK is enabled exactly when the verdict is Ok.
void TestDialogs::requestTable()
{
    QFETCH(int, row);
    const validation::Case c = validation::cases().at(row);
    std::unique_ptr<QDialog> dialog;
    // False when the lease is not one to type or a field is missing.
    const auto typeLease = [&dialog](const QString &prefix, const QString &text) {
        const auto lease = TimeSpan::parseDuration(text);
        return lease && !lease->isNegative()
            && gui::retype(
                dialog->findChild<QSpinBox *>(prefix + u"HoursSpin"_s), QString::number(lease->totalMinutes() / 60))
            && gui::retype(
                dialog->findChild<QSpinBox *>(prefix + u"MinutesSpin"_s), QString::number(lease->totalMinutes() % 60));
    };
    if (c.field == validation::Field::Extend) {
        dialog = std::make_unique<arr::ExtendSessionDialog>(
            QList<arr::ExtendTarget>{{u"Production"_s, u"session-1"_s, c.current, std::nullopt}});
        dialog->show();
        QVERIFY(typeLease(u"total"_s, c.input));
    } else {
        dialog = std::make_unique<arr::CreateSessionDialog>(oneAccount());
        dialog->show();
        switch (c.field) {
        case validation::Field::Lease:
            QVERIFY(typeLease(u"lease"_s, c.input));
            break;
        case validation::Field::Size:
            QVERIFY(gui::retype(dialog->findChild<QComboBox *>(u"sizeCombo"_s), c.input));
            break;
        case validation::Field::Model:
            dialog->findChild<QPlainTextEdit *>(u"modelsEdit"_s)->setFocus();
            QTest::keyClicks(dialog->findChild<QPlainTextEdit *>(u"modelsEdit"_s), c.input);
            break;
        case validation::Field::Extend:
        case validation::Field::SessionId:
            QFAIL("not a create field");
        }
    }
    QCOMPARE(shownProblem(dialog.get()), c.sentence);
    QCOMPARE(okButton(dialog.get())->isEnabled(), c.check == arr::RequestCheck::Ok);
}

void TestDialogs::errorDialogShowsStatusMessageAndMsCv()
{
    arr::ApiResult result;
    result.kind = arr::ErrorKind::NotFound;
    result.httpStatus = 404;
    result.message = u"Session abc was not found."_s;
    result.serviceCode = u"NotFound"_s;
    result.msCv = "Ab12Cd34Ef56.0";
    arr::ErrorDialog dialog(u"Could not stop"_s, u"Could not stop session abc (Production)."_s, result);
    dialog.show();
    QVERIFY(dialog.findChild<QLabel *>(u"statusValue"_s)->text().contains(u"404"_s));
    QCOMPARE(dialog.findChild<QLabel *>(u"messageValue"_s)->text(), result.message);
    QCOMPARE(dialog.findChild<QLabel *>(u"codeValue"_s)->text(), u"NotFound"_s);
    QCOMPARE(dialog.findChild<QLabel *>(u"msCvValue"_s)->text(), u"Ab12Cd34Ef56.0"_s);
    QVERIFY(gui::click(dialog.findChild<QPushButton *>(u"copyMsCvButton"_s)));
    QCOMPARE(QGuiApplication::clipboard()->text(), u"Ab12Cd34Ef56.0"_s);
    QVERIFY(gui::click(dialog.findChild<QPushButton *>(u"copyDetailsButton"_s)));
    const QString details = QGuiApplication::clipboard()->text();
    for (const QString &part : {u"Could not stop session abc"_s, u"HTTP 404"_s, result.message, u"Ab12Cd34Ef56.0"_s})
        QVERIFY2(details.contains(part), qPrintable(part));

    // No answer at all: said so, and nothing to copy.
    arr::ApiResult dropped;
    dropped.kind = arr::ErrorKind::Network;
    dropped.message = u"Connection refused"_s;
    arr::ErrorDialog noAnswer(u"Could not stop"_s, u"Could not stop session abc."_s, dropped);
    QVERIFY(noAnswer.findChild<QLabel *>(u"statusValue"_s)->text().contains(u"No HTTP answer"_s));
    QVERIFY(!noAnswer.findChild<QPushButton *>(u"copyMsCvButton"_s)->isEnabled());
}

void TestDialogs::preferencesRefuseRedAboveAmber()
{
    QTemporaryDir directory;
    arr::Settings settings(directory.filePath(u"settings.ini"_s));
    arr::PreferencesDialog dialog(&settings, {});
    dialog.show();
    QVERIFY(okButton(&dialog)->isEnabled());
    QVERIFY(gui::retype(dialog.findChild<QSpinBox *>(u"warningSpin"_s), u"15"_s));
    QVERIFY(gui::retype(dialog.findChild<QSpinBox *>(u"criticalSpin"_s), u"20"_s));
    QVERIFY(!okButton(&dialog)->isEnabled());
    QVERIFY(shownProblem(&dialog).contains(u"red threshold"_s));
    QVERIFY(gui::retype(dialog.findChild<QSpinBox *>(u"criticalSpin"_s), u"5"_s));
    QVERIFY(gui::click(okButton(&dialog)));
    QCOMPARE(settings.warningThresholdMinutes(), 15);
    QCOMPARE(settings.criticalThresholdMinutes(), 5);
}

QTEST_MAIN(TestDialogs)
#include "tst_dialogs.moc"
