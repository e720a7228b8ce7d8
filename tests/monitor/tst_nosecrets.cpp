#include "common/LoggedEntries.h"
#include "common/MonitorPolls.h"
#include "common/SecretReading.h"
#include "common/TestEmulator.h"
#include "core/Clock.h"
#include "emulator/EmulatorServer.h"
#include "monitor/SessionMonitor.h"
#include "service/RequestLog.h"
#include "storage/AccountStore.h"
#include "storage/SecretStore.h"
#include "storage/Settings.h"

#include <QDirIterator>
#include <QLoggingCategory>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using arr::TimeSpan;

namespace {

QMutex logMutex;
QStringList capturedLog;
QtMessageHandler previousHandler = nullptr;

void captureMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&logMutex);
        capturedLog.append(QString::fromLatin1(context.category ? context.category : "") + u": "_s + message);
    }
    if (previousHandler)
        previousHandler(type, context, message);
}

QStringList filesContaining(const QString &root, const QList<QByteArray> &needles)
{
    QStringList hits;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray content = file.readAll();
        for (const QByteArray &needle : needles) {
            if (!needle.isEmpty() && content.contains(needle))
                hits.append(file.fileName());
        }
    }
    return hits;
}

} // namespace

// After an account is added and polled and commanded, neither its key nor any token it was issued
// is in a file of the app's or in a log line, whatever the logging rules.
class TestNoSecrets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void keyAndTokenStayOutOfFilesAndLogs();
};

void TestNoSecrets::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"ArrSessionManagerTest"_s);
    QCoreApplication::setApplicationName(u"arr-session-manager-nosecrets"_s);
    // Every category of the app at its most talkative.
    QLoggingCategory::setFilterRules(u"arrsm.*=true"_s);
    previousHandler = qInstallMessageHandler(captureMessage);
}

void TestNoSecrets::cleanupTestCase()
{
    qInstallMessageHandler(previousHandler);
    for (const auto location :
        {QStandardPaths::AppConfigLocation, QStandardPaths::AppDataLocation, QStandardPaths::CacheLocation})
        QDir(QStandardPaths::writableLocation(location)).removeRecursively();
}

void TestNoSecrets::keyAndTokenStayOutOfFilesAndLogs()
{
    const QString accountId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString key = u"k3y-"_s + QUuid::createUuid().toString(QUuid::Id128);
    arr::ManualClock clock;
    const auto emulator = startEmulator(&clock, accountId, key);
    QVERIFY(emulator);

    // Add the account as the app does: settings for the account, the keychain for the key.
    arr::Settings settings;
    QSettings accountSettings(settings.fileName(), settings.format());
    arr::AccountStore accounts(&accountSettings);
    const arr::Account account = accountOn(u"Secret test"_s, accountId, *emulator);
    QCOMPARE(accounts.save(account), QString());
    arr::KeychainSecretStore secrets(u"arr-session-manager-nosecrets"_s);
    bool written = false;
    secrets.write(
        arr::accountSecretName(accountId), key, this, [&written](const arr::SecretResult &r) { written = r.ok; });
    QTRY_VERIFY(written);
    accountSettings.sync();

    // Polls, a create, an extend, a stop, and a token refresh after a revocation.
    QNetworkAccessManager network;
    arr::RequestLog log;
    arr::SessionMonitor monitor(&network, &log, &clock);
    shortenIntervals(monitor, 1000);
    const arr::SecretResult stored = readSecretAndWait(secrets, arr::accountSecretName(accountId));
    QVERIFY(stored.ok);
    monitor.addAccount(accounts.find(account.name).value(), stored.value);
    QList<arr::CommandOutcome> outcomes;
    connect(&monitor, &arr::SessionMonitor::commandFinished, this,
        [&outcomes](const arr::CommandOutcome &o) { outcomes.append(o); });
    monitor.createSession(account.name, {TimeSpan::fromHours(1), u"standard"_s, {}});
    QTRY_COMPARE(outcomes.size(), 1);
    const QString id = outcomes.first().sessionId;
    clock.advance(30'000);
    emulator->revokeTokens();
    monitor.extendSession(account.name, id, TimeSpan::fromHours(2));
    QTRY_COMPARE(outcomes.size(), 2);
    monitor.stopSession(account.name, id);
    QTRY_COMPARE(outcomes.size(), 3);
    for (const auto &outcome : outcomes)
        QVERIFY2(outcome.succeeded, qPrintable(outcome.description));
    QVERIFY(emulator->requestCount(u"token"_s) >= 2);

    // The secrets to look for: the key, the credentials sent to the token service, and any JWT (its
    // header starts {"alg" or {"typ"; "eyJ" alone turns up by chance in a random MS-CV).
    const QList<QByteArray> needles{
        key.toUtf8(), (accountId + u':' + key).toUtf8(), QByteArray("eyJhbGci"), QByteArray("eyJ0eXAi")};
    for (const auto location : {QStandardPaths::AppConfigLocation, QStandardPaths::AppDataLocation,
             QStandardPaths::CacheLocation, QStandardPaths::GenericConfigLocation}) {
        const QString root = QStandardPaths::writableLocation(location);
        QVERIFY2(filesContaining(root, needles).isEmpty(), qPrintable(filesContaining(root, needles).join(u", "_s)));
    }
    QVERIFY(QFile::exists(settings.fileName()));
    for (const arr::RequestLogEntry &entry : loggedEntries(log)) {
        for (const QByteArray &needle : needles)
            QVERIFY2(!entry.toLine().contains(QString::fromUtf8(needle)), qPrintable(entry.toLine()));
    }
    QMutexLocker lock(&logMutex);
    QVERIFY2(!capturedLog.isEmpty(), "the debug categories produced nothing to check");
    for (const QString &line : std::as_const(capturedLog)) {
        for (const QByteArray &needle : needles)
            QVERIFY2(!line.contains(QString::fromUtf8(needle)), qPrintable(line));
    }
}

QTEST_GUILESS_MAIN(TestNoSecrets)
#include "tst_nosecrets.moc"
