#include "common/PostgresServer.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// True when nothing accepts connections on 127.0.0.1:`port` (refused at once, or not within 3 s).
bool nothingListensOn(int port)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, quint16(port));
    return !socket.waitForConnected(3'000);
}

QString sqlError(const QSqlQuery &query)
{
    return query.lastError().text();
}

} // namespace

// The PostgreSQL server the team-history tests start for themselves (tests/common/PostgresServer):
// reached through QPSQL with a user and a password on loopback, stopped and started again in the
// middle of a test with its data, and gone without a trace afterwards, also when the test process dies.
class TestPostgresServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void keepsItsDataAcrossARestart();
    void refusesAWrongPassword();
    void leavesNothingBehind();
    void leavesNothingBehindAProcessThatDied();
};

void TestPostgresServer::initTestCase()
{
    if (const QString why = PostgresServer::unavailableReason(); !why.isEmpty())
        QSKIP(qPrintable(why));
}

void TestPostgresServer::keepsItsDataAcrossARestart()
{
    PostgresServer server;
    QElapsedTimer clock;
    clock.start();
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    qInfo("made and started in %lld ms on port %d", clock.elapsed(), server.port());
    const int port = server.port();
    QVERIFY(port > 0);
    QVERIFY(server.isRunning());
    QVERIFY(server.url().startsWith(u"postgresql://arrsm:"_s));
    QVERIFY(server.url().endsWith(u"@127.0.0.1:%1/arrsm"_s.arg(port)));

    {
        QSqlDatabase db = server.addDatabase(u"first"_s);
        QVERIFY2(db.open(), qPrintable(db.lastError().text()));
        QSqlQuery query(db);
        // Loopback only, no Unix socket anywhere; an ordinary user, not a superuser.
        QVERIFY2(query.exec(u"SELECT current_setting('listen_addresses'), host(inet_server_addr()), current_user, "
                            u"(SELECT rolsuper FROM pg_roles WHERE rolname = current_user)"_s),
            qPrintable(sqlError(query)));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), u"127.0.0.1"_s);
        QCOMPARE(query.value(1).toString(), u"127.0.0.1"_s);
        QCOMPARE(query.value(2).toString(), u"arrsm"_s);
        QCOMPARE(query.value(3).toBool(), false);
        for (const QString &folder : {u"/tmp"_s, u"/var/run/postgresql"_s, server.directory()})
            QVERIFY(!QFileInfo::exists(u"%1/.s.PGSQL.%2"_s.arg(folder).arg(port)));

        QVERIFY2(query.exec(u"CREATE TABLE sessions (id text PRIMARY KEY, status text NOT NULL)"_s),
            qPrintable(sqlError(query)));
        {
            QSqlQuery insert(db);
            QVERIFY(insert.prepare(u"INSERT INTO sessions (id, status) VALUES (?, ?)"_s));
            insert.addBindValue(u"a1b2c3"_s);
            insert.addBindValue(u"ready"_s);
            QVERIFY2(insert.exec(), qPrintable(sqlError(insert)));
        }

        clock.restart();
        QVERIFY2(server.stop(), qPrintable(server.errorString()));
        qInfo("stopped in %lld ms", clock.elapsed());
        QVERIFY(!server.isRunning());

        // The open connection is gone, and a new one is refused, within the connect timeout.
        QVERIFY(!query.exec(u"SELECT 1"_s));
        QSqlDatabase whileStopped = server.addDatabase(u"while-stopped"_s);
        clock.restart();
        QVERIFY(!whileStopped.open());
        QVERIFY2(clock.elapsed() < 15'000, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(!whileStopped.lastError().text().isEmpty());
        QVERIFY(nothingListensOn(port));
    }
    QSqlDatabase::removeDatabase(u"first"_s);
    QSqlDatabase::removeDatabase(u"while-stopped"_s);

    clock.restart();
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    qInfo("started again in %lld ms", clock.elapsed());
    QCOMPARE(server.port(), port);
    {
        QSqlDatabase db = server.addDatabase(u"again"_s);
        QVERIFY2(db.open(), qPrintable(db.lastError().text()));
        QSqlQuery query(db);
        QVERIFY2(query.exec(u"SELECT id, status FROM sessions"_s), qPrintable(sqlError(query)));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), u"a1b2c3"_s);
        QCOMPARE(query.value(1).toString(), u"ready"_s);
        QVERIFY(!query.next());
    }
    QSqlDatabase::removeDatabase(u"again"_s);
}

void TestPostgresServer::refusesAWrongPassword()
{
    PostgresServer server;
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    {
        QSqlDatabase db = server.addDatabase(u"wrong"_s);
        db.setPassword(u"not-the-password"_s);
        QVERIFY(!db.open());
        QVERIFY2(
            db.lastError().text().contains(u"password authentication failed"_s), qPrintable(db.lastError().text()));
        // No password at all is refused too (no trust, no peer authentication).
        db.setPassword(QString());
        QVERIFY(!db.open());
    }
    QSqlDatabase::removeDatabase(u"wrong"_s);
}

void TestPostgresServer::leavesNothingBehind()
{
    QString directory;
    int port = 0;
    {
        PostgresServer server;
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        directory = server.directory();
        port = server.port();
        QVERIFY(QFileInfo::exists(server.dataDirectory() + u"/PG_VERSION"_s));
    }
    QVERIFY2(!QFileInfo::exists(directory), qPrintable(directory));
    QVERIFY(nothingListensOn(port));
}

void TestPostgresServer::leavesNothingBehindAProcessThatDied()
{
    QProcess holder;
    holder.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    holder.start(QString::fromUtf8(POSTGRES_SERVER_HOLDER), {});
    QVERIFY(holder.waitForStarted(10'000));
    QElapsedTimer clock;
    clock.start();
    while (!holder.canReadLine() && holder.state() == QProcess::Running && clock.elapsed() < 90'000)
        holder.waitForReadyRead(1'000);
    const QStringList fields = QString::fromUtf8(holder.readLine()).trimmed().split(u' ');
    QCOMPARE(fields.size(), 3);
    const int port = fields[0].toInt();
    const QString directory = fields[2];
    QVERIFY(QFileInfo::exists(directory));

    // The server answers, with the password the holder was given.
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, u"held"_s);
        db.setHostName(u"127.0.0.1"_s);
        db.setPort(port);
        db.setDatabaseName(u"arrsm"_s);
        db.setUserName(u"arrsm"_s);
        db.setPassword(fields[1]);
        db.setConnectOptions(u"connect_timeout=10;sslmode=disable"_s);
        QVERIFY2(db.open(), qPrintable(db.lastError().text()));
    }
    QSqlDatabase::removeDatabase(u"held"_s);

    // SIGKILL: no destructor runs. The watchdog stops the server and removes the folder.
    holder.kill();
    QVERIFY(holder.waitForFinished(10'000));
    clock.restart();
    QTRY_VERIFY_WITH_TIMEOUT(!QFileInfo::exists(directory), 60'000);
    qInfo("cleaned up %lld ms after the kill", clock.elapsed());
    QVERIFY(nothingListensOn(port));
}

QTEST_GUILESS_MAIN(TestPostgresServer)
#include "tst_postgresserver.moc"
