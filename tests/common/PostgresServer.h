#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QTemporaryDir>

#include <memory>

class QProcess;

// A throwaway PostgreSQL server of a test's own: initdb and pg_ctl (Debian's newest, under
// /usr/lib/postgresql/<version>/bin, else those on PATH) in a temporary folder; listening on
// 127.0.0.1 only, on a free port, with no Unix socket; one database owned by one ordinary user who
// logs in with a password (SCRAM). The server refuses to run as root: under root it runs as the
// `postgres` system user (runuser or setpriv), the folder handed to that user.
//
// It can be stopped and started again in the middle of a test: same data, same port. The destructor
// stops it and removes the folder, also when a test fails; a watchdog process does the same if the test
// process dies without running it (a crash, CTest's timeout).
//
//     if (const QString why = PostgresServer::unavailableReason(); !why.isEmpty())
//         QSKIP(qPrintable(why));
//     PostgresServer server;
//     QVERIFY2(server.start(), qPrintable(server.errorString()));
//     QSqlDatabase db = server.addDatabase(u"history"_s);
class PostgresServer
{
public:
    PostgresServer();
    ~PostgresServer();
    PostgresServer(const PostgresServer &) = delete;
    PostgresServer &operator=(const PostgresServer &) = delete;

    // Why no server can be started here, in one sentence (for QSKIP); empty when one can. Needs the
    // QCoreApplication (to find Qt's SQL drivers).
    static QString unavailableReason();

    // The first time: makes the cluster, its user and database. Then starts the server and waits until it
    // takes connections. Every step is bounded; the whole start takes at most about `timeoutMs`.
    bool start(int timeoutMs = 60'000);
    // Stops the server (fast shutdown: open connections are cut), keeping its data and port.
    bool stop(int timeoutMs = 30'000);
    bool isRunning() const { return m_running; }
    // What went wrong last, with the end of the server's log.
    QString errorString() const { return m_error; }

    QString hostName() const;
    int port() const { return m_port; }
    QString userName() const;
    QString password() const { return m_password; }
    QString databaseName() const;
    // postgresql://USER:PASSWORD@127.0.0.1:PORT/DATABASE (libpq's form; the password is plain hex).
    QString url() const;
    // A QPSQL connection to the database as the user, set up but not opened, with a bounded connect
    // timeout. Remove it with QSqlDatabase::removeDatabase() once every copy is gone.
    QSqlDatabase addDatabase(const QString &connectionName) const;
    // Runs `sql` as the user on a connection of its own, beside what the test drives: the first value,
    // "" for a statement that gives no row, an invalid value (and a warning saying why) when it fails.
    QVariant scalar(const QString &sql) const;

    // The temporary folder, the cluster's data directory in it and the server's log.
    QString directory() const { return m_dir ? m_dir->path() : QString(); }
    QString dataDirectory() const;
    QString logFile() const;

private:
    bool create(int timeoutMs);
    bool createUserAndDatabase();
    bool startServer(int timeoutMs);
    void startWatchdog();
    void writePort();
    // Runs a PostgreSQL program (as the postgres user under root); its output goes to `output`.
    bool run(const QString &program, const QStringList &arguments, int timeoutMs, QString *output);
    QStringList asServerUser(const QString &program, const QStringList &arguments) const;
    void fail(const QString &sentence, const QString &output = {});

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_watchdog;
    QString m_initdb;
    QString m_pgCtl;
    QString m_adminPassword;
    QString m_password;
    QString m_error;
    int m_port = 0;
    bool m_created = false;
    bool m_running = false;
};
