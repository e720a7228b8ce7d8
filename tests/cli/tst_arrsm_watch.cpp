#include "common/ArrsmProcess.h"
#include "emulator/EmulatorServer.h"
#include "storage/HistoryStore.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include <csignal>

using namespace Qt::StringLiterals;
using arr::emulator::EmulatorServer;
using arr::emulator::SessionSeed;

namespace {

const QString AccountId = u"0a1b2c3d-4e5f-4061-8293-a4b5c6d7e8f9"_s;
const QString AccountKey = u"watch-test-key-c2VjcmV0"_s;

} // namespace

// arrsm watch: the application layer without a window, run as a service would run it.
class TestArrsmWatch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_home = std::make_unique<QTemporaryDir>();
        QVERIFY(m_home->isValid());
        m_emulator = std::make_unique<EmulatorServer>();
        m_emulator->addAccount(AccountId, AccountKey);
        QVERIFY2(m_emulator->listen(QHostAddress::LocalHost, 0), qPrintable(m_emulator->errorString()));
    }

    void cleanup()
    {
        m_emulator.reset();
        m_home.reset();
    }

    // Watches, serves the metrics with the watcher's own gauges, records the history, and on SIGTERM
    // writes what it saw and exits with 0.
    void servesMetricsRecordsAndStopsCleanly()
    {
#ifndef Q_OS_UNIX
        QSKIP("SIGTERM is a POSIX signal.");
#endif
        SessionSeed ready;
        ready.status = arr::SessionStatus::Ready;
        const QString id = m_emulator->addSession(AccountId, ready);
        QProcess watcher;
        watcher.setProcessEnvironment(environment());
        watcher.start(QStringLiteral(ARRSM_BINARY), {u"watch"_s, u"--metrics-listen"_s, u"127.0.0.1:0"_s});
        QVERIFY(watcher.waitForStarted(10'000));
        QString url;
        QByteArray err;
        QVERIFY(QTest::qWaitFor(
            [&] {
                err += watcher.readAllStandardError();
                const QRegularExpressionMatch found
                    = QRegularExpression(u"metrics at (http://\\S+/metrics)"_s).match(QString::fromUtf8(err));
                url = found.captured(1);
                return !url.isEmpty();
            },
            15'000));

        // The first poll's sessions show once it has answered.
        QByteArray metrics;
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         metrics = scrape(url);
                         return metrics.contains(id.toUtf8());
                     },
                     15'000),
            metrics.constData());
        QVERIFY(metrics.endsWith("# EOF\n"));
        const QString text = QString::fromUtf8(metrics);
        QVERIFY(text.contains(u"arrsm_sessions{account=\"%1\",status=\"ready\""_s.arg(AccountId)));
        QVERIFY(text.contains(u"arrsm_session_kept_alive{account=\"%1\",session_id=\"%2\"} 0\n"_s.arg(AccountId, id)));
        QVERIFY(text.contains(u"arrsm_account_spent_today{account=\"%1\",unit=\"hours\"}"_s.arg(AccountId)));

        ::kill(pid_t(watcher.processId()), SIGTERM);
        QVERIFY(watcher.waitForFinished(15'000));
        QCOMPARE(watcher.exitStatus(), QProcess::NormalExit);
        QCOMPARE(watcher.exitCode(), 0);

        arr::HistoryStore history(m_home->filePath(u"data/ArrSessionManager/arr-session-manager/history.sqlite"_s));
        QCOMPARE(history.open(), arr::HistoryStore::OpenResult::Opened);
        const QList<arr::HistorySession> rows = history.sessions();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().sessionId, id);
        QCOMPARE(rows.first().accountKey, arr::accountIdentity(m_emulator->baseUrl(), AccountId));
    }

    void refusesWhatDoesNotApply()
    {
        QProcess json;
        json.setProcessEnvironment(environment());
        json.start(QStringLiteral(ARRSM_BINARY), {u"watch"_s, u"--json"_s});
        QVERIFY(json.waitForFinished(15'000));
        QCOMPARE(json.exitCode(), 2);

        QTcpServer taken;
        QVERIFY(taken.listen(QHostAddress::LocalHost, 0));
        QProcess busy;
        busy.setProcessEnvironment(environment());
        busy.start(QStringLiteral(ARRSM_BINARY),
            {u"watch"_s, u"--metrics-listen"_s, u"127.0.0.1:%1"_s.arg(taken.serverPort())});
        QVERIFY(busy.waitForFinished(15'000));
        QCOMPARE(busy.exitCode(), 1);
        QVERIFY2(busy.readAllStandardError().contains("cannot be served"), "no reason given");

        QProcess anywhere;
        anywhere.setProcessEnvironment(environment());
        anywhere.start(QStringLiteral(ARRSM_BINARY), {u"watch"_s, u"--metrics-listen"_s, u"0.0.0.0:0"_s});
        QVERIFY(anywhere.waitForFinished(15'000));
        QCOMPARE(anywhere.exitCode(), 1);
    }

private:
    QProcessEnvironment environment() const
    {
        return arrsmEnvironment(m_home->path(), m_emulator->baseUrl(), AccountId, AccountKey);
    }

    QByteArray scrape(const QString &url)
    {
        QNetworkReply *reply = m_network.get(QNetworkRequest(QUrl(url)));
        QSignalSpy finished(reply, &QNetworkReply::finished);
        const bool answered = finished.wait(5'000);
        const QByteArray body = answered ? reply->readAll() : QByteArray();
        reply->deleteLater();
        return body;
    }

    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<EmulatorServer> m_emulator;
    QNetworkAccessManager m_network;
};

QTEST_GUILESS_MAIN(TestArrsmWatch)
#include "tst_arrsm_watch.moc"
