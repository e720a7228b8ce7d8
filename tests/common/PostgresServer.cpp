#include "common/PostgresServer.h"

#include <QDebug>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTcpServer>
#include <QVariant>
#include <QVersionNumber>

#include <algorithm>
#include <optional>

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <sys/types.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace {

const QString UserName = u"arrsm"_s;
const QString DatabaseName = u"arrsm"_s;
const QString AdminName = u"arrsm_admin"_s;
const QString Host = u"127.0.0.1"_s;
// Tries at a free port: another process may take the one chosen before the server binds it.
constexpr int PortTries = 3;

struct Programs
{
    QString initdb;
    QString pgCtl;
};

bool isExecutable(const QString &path)
{
    const QFileInfo info(path);
    return info.isFile() && info.isExecutable();
}

// Debian's newest server (/usr/lib/postgresql/<version>/bin), else whatever is on PATH.
std::optional<Programs> findPrograms()
{
    QDir versions(u"/usr/lib/postgresql"_s);
    QStringList names = versions.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(names.begin(), names.end(), [](const QString &a, const QString &b) {
        return QVersionNumber::fromString(a) > QVersionNumber::fromString(b);
    });
    for (const QString &name : std::as_const(names)) {
        const QString bin = versions.filePath(name + u"/bin"_s);
        const Programs programs{bin + u"/initdb"_s, bin + u"/pg_ctl"_s};
        if (isExecutable(programs.initdb) && isExecutable(programs.pgCtl))
            return programs;
    }
    const Programs onPath{QStandardPaths::findExecutable(u"initdb"_s), QStandardPaths::findExecutable(u"pg_ctl"_s)};
    if (!onPath.initdb.isEmpty() && !onPath.pgCtl.isEmpty())
        return onPath;
    return std::nullopt;
}

bool isRoot()
{
#ifdef Q_OS_UNIX
    return ::geteuid() == 0;
#else
    return false;
#endif
}

// How root starts a program as the postgres user: runuser (util-linux, PAM), else setpriv.
QStringList switchToServerUser()
{
    const QStringList sbin{u"/usr/sbin"_s, u"/sbin"_s, u"/usr/bin"_s, u"/bin"_s};
    QString runuser = QStandardPaths::findExecutable(u"runuser"_s);
    if (runuser.isEmpty())
        runuser = QStandardPaths::findExecutable(u"runuser"_s, sbin);
    if (!runuser.isEmpty())
        return {runuser, u"-u"_s, u"postgres"_s, u"--"_s};
    QString setpriv = QStandardPaths::findExecutable(u"setpriv"_s);
    if (setpriv.isEmpty())
        setpriv = QStandardPaths::findExecutable(u"setpriv"_s, sbin);
    if (!setpriv.isEmpty())
        return {setpriv, u"--reuid=postgres"_s, u"--regid=postgres"_s, u"--init-groups"_s, u"--"_s};
    return {};
}

bool hasServerUser()
{
#ifdef Q_OS_UNIX
    return ::getpwnam("postgres") != nullptr;
#else
    return false;
#endif
}

// Hex digits only: nothing to quote in SQL, a URL or a libpq connection string.
QString randomHex(int words)
{
    QString hex;
    for (int i = 0; i < words; ++i)
        hex += QString::number(QRandomGenerator::system()->generate(), 16).rightJustified(8, u'0');
    return hex;
}

int freeLoopbackPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

// Where the folder goes: the temporary folder, unless the postgres user could not reach into it (a
// TMPDIR under /root), then /tmp.
QString temporaryBase()
{
    const QString base = QDir::tempPath();
    if (!isRoot())
        return base;
    for (QFileInfo dir(base); !dir.isRoot(); dir = QFileInfo(dir.absolutePath())) {
        if (!(dir.permissions() & QFileDevice::ExeOther))
            return u"/tmp"_s;
    }
    return base;
}

QString lastLines(const QString &path, int count)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
    return lines.mid(std::max<qsizetype>(0, lines.size() - count)).join(u'\n');
}

} // namespace

PostgresServer::PostgresServer() = default;

PostgresServer::~PostgresServer()
{
    if (m_watchdog) {
        // The watchdog does what it would do had this process died: stops the server and removes the
        // folder. So that path is taken by every test, not only by one that crashes.
        m_watchdog->closeWriteChannel();
        if (m_watchdog->waitForFinished(60'000))
            return;
        m_watchdog->kill();
        m_watchdog->waitForFinished(5'000);
    }
    if (m_running) {
        QString output;
        run(m_pgCtl, {u"stop"_s, u"-D"_s, dataDirectory(), u"-m"_s, u"immediate"_s, u"-w"_s, u"-t"_s, u"20"_s}, 30'000,
            &output);
    }
}

QString PostgresServer::unavailableReason()
{
    if (!QSqlDatabase::isDriverAvailable(u"QPSQL"_s))
        return u"Qt's PostgreSQL driver (QPSQL) is not installed (Debian: libqt6sql6-psql)."_s;
    if (!findPrograms())
        return u"PostgreSQL's server programs (initdb, pg_ctl) are not installed (Debian: postgresql)."_s;
    if (isRoot() && !hasServerUser())
        return u"Running as root, and there is no postgres user to run the PostgreSQL server as (it refuses root)."_s;
    if (isRoot() && switchToServerUser().isEmpty())
        return u"Running as root, and neither runuser nor setpriv is there to run the PostgreSQL server as the "
               u"postgres user."_s;
    return {};
}

QString PostgresServer::hostName() const
{
    return Host;
}

QString PostgresServer::userName() const
{
    return UserName;
}

QString PostgresServer::databaseName() const
{
    return DatabaseName;
}

QString PostgresServer::url() const
{
    return u"postgresql://%1:%2@%3:%4/%5"_s.arg(UserName, m_password, Host, QString::number(m_port), DatabaseName);
}

QVariant PostgresServer::scalar(const QString &sql) const
{
    const QString connection = u"postgres-server-scalar"_s;
    QVariant result;
    {
        QSqlDatabase db = addDatabase(connection);
        QSqlQuery q(db);
        if (!db.open()) {
            qWarning() << db.lastError().text();
        } else {
            // No notices on the test's output ("table ... does not exist, skipping").
            q.exec(u"SET client_min_messages TO warning"_s);
            if (!q.exec(sql))
                qWarning() << q.lastError().text();
            else
                result = q.next() ? q.value(0) : QVariant(u""_s);
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return result;
}

QSqlDatabase PostgresServer::addDatabase(const QString &connectionName) const
{
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, connectionName);
    db.setHostName(Host);
    db.setPort(m_port);
    db.setDatabaseName(DatabaseName);
    db.setUserName(UserName);
    db.setPassword(m_password);
    // The server has no TLS; a PGSSLMODE=require in the environment would otherwise refuse it.
    db.setConnectOptions(u"connect_timeout=10;sslmode=disable"_s);
    return db;
}

QString PostgresServer::dataDirectory() const
{
    return m_dir ? m_dir->filePath(u"data"_s) : QString();
}

QString PostgresServer::logFile() const
{
    return m_dir ? m_dir->filePath(u"server.log"_s) : QString();
}

bool PostgresServer::start(int timeoutMs)
{
    m_error.clear();
    if (m_running)
        return true;
    QElapsedTimer clock;
    clock.start();
    const auto left = [&] { return std::max(1'000, int(timeoutMs - clock.elapsed())); };
    if (!m_created) {
        if (!create(left()))
            return false;
        // A port chosen free may be taken before the server binds it: then another one.
        for (int attempt = 1;; ++attempt) {
            if (startServer(left()))
                break;
            if (attempt == PortTries || !lastLines(logFile(), 20).contains(u"could not bind"_s))
                return false;
            m_port = freeLoopbackPort();
            writePort();
        }
        m_running = true;
        if (!createUserAndDatabase()) {
            stop();
            return false;
        }
        m_created = true;
        return true;
    }
    if (!startServer(left()))
        return false;
    m_running = true;
    return true;
}

bool PostgresServer::stop(int timeoutMs)
{
    m_error.clear();
    if (!m_running)
        return true;
    QString output;
    const int seconds = std::max(1, timeoutMs / 1000);
    if (!run(m_pgCtl,
            {u"stop"_s, u"-D"_s, dataDirectory(), u"-m"_s, u"fast"_s, u"-w"_s, u"-t"_s, QString::number(seconds)},
            timeoutMs + 5'000, &output)) {
        fail(u"pg_ctl stop failed."_s, output);
        return false;
    }
    m_running = false;
    return true;
}

bool PostgresServer::create(int timeoutMs)
{
    if (const QString why = unavailableReason(); !why.isEmpty()) {
        fail(why);
        return false;
    }
    const auto programs = findPrograms();
    m_initdb = programs->initdb;
    m_pgCtl = programs->pgCtl;

    m_dir = std::make_unique<QTemporaryDir>(temporaryBase() + u"/arrsm-postgres-XXXXXX"_s);
    if (!m_dir->isValid()) {
        fail(u"Cannot make a temporary folder for the server: %1."_s.arg(m_dir->errorString()));
        return false;
    }
    startWatchdog();

    m_adminPassword = randomHex(4);
    m_password = randomHex(4);
    const QString passwordFile = m_dir->filePath(u"admin-password"_s);
    {
        QFile file(passwordFile);
        if (!file.open(QIODevice::WriteOnly) || file.write(m_adminPassword.toLatin1() + '\n') < 0) {
            fail(u"Cannot write %1."_s.arg(passwordFile));
            return false;
        }
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
#ifdef Q_OS_UNIX
    if (isRoot()) {
        const passwd *user = ::getpwnam("postgres");
        for (const QString &path : {m_dir->path(), passwordFile}) {
            if (::chown(QFile::encodeName(path).constData(), user->pw_uid, user->pw_gid) != 0) {
                fail(u"Cannot hand %1 to the postgres user."_s.arg(path));
                return false;
            }
        }
    }
#endif

    QString output;
    // No fsync: the cluster is thrown away, and a test's machine does not lose power.
    if (!run(m_initdb,
            {u"-D"_s, dataDirectory(), u"-U"_s, AdminName, u"--pwfile"_s, passwordFile, u"-A"_s, u"scram-sha-256"_s,
                u"-E"_s, u"UTF8"_s, u"--no-locale"_s, u"--no-sync"_s},
            timeoutMs, &output)) {
        fail(u"initdb failed."_s, output);
        return false;
    }
    QFile::remove(passwordFile);

    QFile conf(dataDirectory() + u"/postgresql.conf"_s);
    if (!conf.open(QIODevice::Append)) {
        fail(u"Cannot add to %1."_s.arg(conf.fileName()));
        return false;
    }
    // Loopback only, no Unix socket (so no folder of the system's is needed); passwords as SCRAM, whatever
    // the version's default; small and quick, since a test's server holds little and is thrown away.
    conf.write("\n# arrsm tests (tests/common/PostgresServer.cpp)\n"
               "listen_addresses = '127.0.0.1'\n"
               "unix_socket_directories = ''\n"
               "password_encryption = 'scram-sha-256'\n"
               "fsync = off\n"
               "synchronous_commit = off\n"
               "full_page_writes = off\n"
               "shared_buffers = '32MB'\n"
               "max_parallel_workers_per_gather = 0\n");
    conf.close();
    m_port = freeLoopbackPort();
    writePort();
    return true;
}

void PostgresServer::writePort()
{
    // The last setting of a name in the file wins, so a later port replaces an earlier one.
    QFile conf(dataDirectory() + u"/postgresql.conf"_s);
    if (conf.open(QIODevice::Append))
        conf.write("port = " + QByteArray::number(m_port) + '\n');
}

bool PostgresServer::startServer(int timeoutMs)
{
    QString output;
    const int seconds = std::max(1, timeoutMs / 1000);
    if (!run(m_pgCtl,
            {u"start"_s, u"-D"_s, dataDirectory(), u"-l"_s, logFile(), u"-w"_s, u"-t"_s, QString::number(seconds)},
            timeoutMs + 5'000, &output)) {
        fail(u"pg_ctl start failed on port %1."_s.arg(m_port), output);
        return false;
    }
    return true;
}

bool PostgresServer::createUserAndDatabase()
{
    const QString name = u"arrsm-postgres-setup-%1"_s.arg(m_port);
    bool ok = false;
    {
        QSqlDatabase admin = QSqlDatabase::addDatabase(u"QPSQL"_s, name);
        admin.setHostName(Host);
        admin.setPort(m_port);
        admin.setDatabaseName(u"postgres"_s);
        admin.setUserName(AdminName);
        admin.setPassword(m_adminPassword);
        admin.setConnectOptions(u"connect_timeout=10;sslmode=disable"_s);
        if (!admin.open()) {
            fail(u"Cannot connect to the new server as its administrator: %1"_s.arg(admin.lastError().text()));
        } else {
            QSqlQuery query(admin);
            // An ordinary user, as a team's database would give the app; the password is hex, no quoting needed.
            ok = query.exec(u"CREATE ROLE %1 LOGIN PASSWORD '%2'"_s.arg(UserName, m_password))
                && query.exec(u"CREATE DATABASE %1 OWNER %2"_s.arg(DatabaseName, UserName));
            if (!ok)
                fail(u"Cannot create the test's user and database: %1"_s.arg(query.lastError().text()));
            admin.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

void PostgresServer::startWatchdog()
{
    // Waits for this process to close its end of the pipe (on purpose, or by dying), then stops the
    // server and removes the folder. Should even that fail, the server ends itself within a minute of
    // its data directory's lock file going away.
    const QString script = u"dir=$1 data=$2 pgctl=$3; shift 3\n"
                           u"read -r line\n"
                           u"\"$@\" \"$pgctl\" stop -D \"$data\" -m immediate -w -t 20 >/dev/null 2>&1\n"
                           u"rm -rf -- \"$dir\"\n"_s;
    QStringList arguments{u"-c"_s, script, u"postgres-watchdog"_s, m_dir->path(), dataDirectory(), m_pgCtl};
    if (isRoot())
        arguments += switchToServerUser();
    m_watchdog = std::make_unique<QProcess>();
    m_watchdog->setProgram(u"/bin/sh"_s);
    m_watchdog->setArguments(arguments);
    // Nothing written to a pipe nobody may read any more: that would end the watchdog with SIGPIPE.
    m_watchdog->setStandardOutputFile(QProcess::nullDevice());
    m_watchdog->setStandardErrorFile(QProcess::nullDevice());
#ifdef Q_OS_UNIX
    // A session of its own: a signal to the test's process group (Ctrl+C) leaves it to clean up.
    m_watchdog->setChildProcessModifier([] { ::setsid(); });
#endif
    m_watchdog->start();
    if (!m_watchdog->waitForStarted(10'000)) {
        // The destructor stops the server itself, and QTemporaryDir removes the folder.
        m_watchdog.reset();
    }
}

QStringList PostgresServer::asServerUser(const QString &program, const QStringList &arguments) const
{
    QStringList command = isRoot() ? switchToServerUser() : QStringList();
    command += program;
    command += arguments;
    return command;
}

bool PostgresServer::run(const QString &program, const QStringList &arguments, int timeoutMs, QString *output)
{
    const QStringList command = asServerUser(program, arguments);
    QProcess process;
    process.setProgram(command.first());
    process.setArguments(command.mid(1));
    // A folder the postgres user may enter; and no libpq settings of the environment's.
    process.setWorkingDirectory(m_dir ? m_dir->path() : QDir::tempPath());
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    const QStringList keys = environment.keys();
    for (const QString &key : keys) {
        if (key.startsWith(u"PG"_s))
            environment.remove(key);
    }
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.setStandardInputFile(QProcess::nullDevice());
    process.start();
    if (!process.waitForStarted(10'000)) {
        *output = process.errorString();
        return false;
    }
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5'000);
        *output = QString::fromLocal8Bit(process.readAll())
            + u"\n%1 did not finish within %2 s."_s.arg(QFileInfo(program).fileName()).arg(timeoutMs / 1000);
        return false;
    }
    *output = QString::fromLocal8Bit(process.readAll());
    return process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

void PostgresServer::fail(const QString &sentence, const QString &output)
{
    m_error = sentence;
    if (!output.trimmed().isEmpty())
        m_error += u"\n"_s + output.trimmed();
    const QString log = lastLines(logFile(), 20);
    if (!log.isEmpty())
        m_error += u"\nServer log (last lines):\n"_s + log;
}
