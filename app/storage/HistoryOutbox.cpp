#include "storage/HistoryOutbox.h"

#include "storage/HistoryStore.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDataStream>
#include <QDir>
#include <QFileInfo>
#include <QIODevice>
#include <QLockFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSysInfo>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace arr {

namespace {

QAtomicInt connectionCounter;

QString tr(const char *text)
{
    return QCoreApplication::translate("arr::HistoryOutbox", text);
}

// The encoding's version, first in every batch: a newer build's batches are kept, not misread.
constexpr quint8 EncodingVersion = 1;
// No batch the app makes comes near this many records: more is a damaged length, not a batch.
constexpr quint32 MaximumRecords = 10'000'000;

qint64 recordCount(const HistoryBatch &batch)
{
    return batch.observations.size() + batch.commands.size() + batch.disappearances.size() + batch.alerts.size();
}

// Times are kept as milliseconds since the epoch (UTC, as the history stores them), not in QDateTime's
// own stream form: reading that for a made-up time zone or year from a damaged file costs the
// system's time-zone rules, seconds for one value.
struct UtcOut
{
    const QDateTime &time;
};
struct UtcIn
{
    QDateTime &time;
};

QDataStream &operator<<(QDataStream &out, UtcOut t)
{
    return out << t.time.isValid() << (t.time.isValid() ? t.time.toMSecsSinceEpoch() : qint64(0));
}

QDataStream &operator>>(QDataStream &in, UtcIn t)
{
    bool valid = false;
    qint64 ms = 0;
    in >> valid >> ms;
    t.time = valid ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC) : QDateTime();
    return in;
}

void writeSpan(QDataStream &out, const std::optional<TimeSpan> &span)
{
    out << bool(span) << (span ? span->ticks() : qint64(0));
}

std::optional<TimeSpan> readSpan(QDataStream &in)
{
    bool present = false;
    qint64 ticks = 0;
    in >> present >> ticks;
    return present ? std::optional(TimeSpan::fromTicks(ticks)) : std::nullopt;
}

template<typename T> void writeOptional(QDataStream &out, const std::optional<T> &value)
{
    out << bool(value) << (value ? *value : T());
}

template<typename T> std::optional<T> readOptional(QDataStream &in)
{
    bool present = false;
    T value{};
    in >> present >> value;
    return present ? std::optional(value) : std::nullopt;
}

void writeSession(QDataStream &out, const Session &s)
{
    out << s.id << qint32(s.status) << s.statusText << s.size << s.hostname;
    writeSpan(out, s.elapsed);
    writeSpan(out, s.maxLease);
    out << s.message;
    writeOptional(out, s.teraflops);
    writeOptional(out, s.handshakePort);
    writeOptional(out, s.arrInspectorPort);
    out << UtcOut{s.creationTime} << s.errorCode << s.elapsedInWholeMinutes;
}

bool readSession(QDataStream &in, Session *s)
{
    qint32 status = 0;
    in >> s->id >> status >> s->statusText >> s->size >> s->hostname;
    if (status < qint32(SessionStatus::Unknown) || status > qint32(SessionStatus::Error))
        return false;
    s->status = SessionStatus(status);
    s->elapsed = readSpan(in);
    s->maxLease = readSpan(in);
    in >> s->message;
    s->teraflops = readOptional<double>(in);
    s->handshakePort = readOptional<int>(in);
    s->arrInspectorPort = readOptional<int>(in);
    in >> UtcIn{s->creationTime} >> s->errorCode >> s->elapsedInWholeMinutes;
    return in.status() == QDataStream::Ok;
}

bool readCount(QDataStream &in, quint32 *count)
{
    in >> *count;
    // Every record takes bytes: a count beyond what is left is a damaged length, not records.
    return in.status() == QDataStream::Ok && *count <= MaximumRecords && *count <= in.device()->bytesAvailable();
}

} // namespace

QByteArray HistoryOutbox::encode(const HistoryBatch &batch)
{
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_4);
    out << EncodingVersion << quint32(batch.observations.size());
    for (const HistoryObservation &o : batch.observations) {
        out << o.account << o.accountKey << UtcOut{o.at} << o.msCv;
        writeOptional(out, o.pricePerHour);
        writeSession(out, o.session);
    }
    out << quint32(batch.commands.size());
    for (const HistoryCommand &c : batch.commands) {
        out << qint32(c.kind) << c.account << c.accountKey << c.sessionId << UtcOut{c.at} << c.detail << c.msCv
            << c.size;
        writeOptional(out, c.leaseSeconds);
        out << c.actor.user << c.actor.host << c.actor.program << c.actor.version;
    }
    out << quint32(batch.disappearances.size());
    for (const HistoryDisappearance &d : batch.disappearances) {
        out << d.account << d.accountKey << d.sessionId << UtcOut{d.at};
        writeOptional(out, d.billedSeconds);
    }
    out << quint32(batch.alerts.size());
    for (const HistoryAlert &a : batch.alerts) {
        out << a.account << a.accountKey << a.sessionId << UtcOut{a.at} << a.kind << a.text << a.actor.user
            << a.actor.host << a.actor.program << a.actor.version;
    }
    return bytes;
}

std::optional<HistoryBatch> HistoryOutbox::decode(const QByteArray &bytes)
{
    QDataStream in(bytes);
    in.setVersion(QDataStream::Qt_6_4);
    quint8 version = 0;
    in >> version;
    if (version != EncodingVersion)
        return std::nullopt;
    HistoryBatch batch;
    quint32 count = 0;
    if (!readCount(in, &count))
        return std::nullopt;
    for (quint32 i = 0; i < count; ++i) {
        HistoryObservation o;
        in >> o.account >> o.accountKey >> UtcIn{o.at} >> o.msCv;
        o.pricePerHour = readOptional<double>(in);
        if (!readSession(in, &o.session))
            return std::nullopt;
        batch.observations.append(o);
    }
    if (!readCount(in, &count))
        return std::nullopt;
    for (quint32 i = 0; i < count; ++i) {
        HistoryCommand c;
        qint32 kind = 0;
        in >> kind >> c.account >> c.accountKey >> c.sessionId >> UtcIn{c.at} >> c.detail >> c.msCv >> c.size;
        c.leaseSeconds = readOptional<qint64>(in);
        in >> c.actor.user >> c.actor.host >> c.actor.program >> c.actor.version;
        if (in.status() != QDataStream::Ok || kind < qint32(HistoryCommand::Kind::Created)
            || kind > qint32(HistoryCommand::Kind::Failed))
            return std::nullopt;
        c.kind = HistoryCommand::Kind(kind);
        batch.commands.append(c);
    }
    if (!readCount(in, &count))
        return std::nullopt;
    for (quint32 i = 0; i < count; ++i) {
        HistoryDisappearance d;
        in >> d.account >> d.accountKey >> d.sessionId >> UtcIn{d.at};
        d.billedSeconds = readOptional<qint64>(in);
        if (in.status() != QDataStream::Ok)
            return std::nullopt;
        batch.disappearances.append(d);
    }
    if (!readCount(in, &count))
        return std::nullopt;
    for (quint32 i = 0; i < count; ++i) {
        HistoryAlert a;
        in >> a.account >> a.accountKey >> a.sessionId >> UtcIn{a.at} >> a.kind >> a.text >> a.actor.user
            >> a.actor.host >> a.actor.program >> a.actor.version;
        if (in.status() != QDataStream::Ok)
            return std::nullopt;
        batch.alerts.append(a);
    }
    if (in.status() != QDataStream::Ok || !in.atEnd())
        return std::nullopt;
    return batch;
}

HistoryOutbox::HistoryOutbox(const QString &filePath)
    : m_filePath(filePath)
    , m_connectionName(u"arrsm-outbox-%1"_s.arg(connectionCounter.fetchAndAddRelaxed(1)))
{
}

HistoryOutbox::~HistoryOutbox()
{
    close();
}

QString HistoryOutbox::filePathFor(const QString &historyFile, const QString &teamDatabase)
{
    const QByteArray digest = QCryptographicHash::hash(teamDatabase.toUtf8(), QCryptographicHash::Sha1).toHex();
    const QFileInfo history(historyFile);
    return history.dir().filePath(
        u"%1.team-%2.outbox"_s.arg(history.completeBaseName(), QString::fromLatin1(digest.left(12))));
}

void HistoryOutbox::close()
{
    if (!QSqlDatabase::contains(m_connectionName))
        return;
    QSqlDatabase::database(m_connectionName, false).close();
    QSqlDatabase::removeDatabase(m_connectionName);
    m_open = false;
}

bool HistoryOutbox::open()
{
    if (m_open)
        return true;
    QDir().mkpath(QFileInfo(m_filePath).absolutePath());
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
    db.setDatabaseName(m_filePath);
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    QSqlQuery q(db);
    // Each batch is kept as the encoding above; `unreadable` marks one that could not be read back,
    // kept for a person to look at rather than deleted.
    // WAL with synchronous=NORMAL: what was added survives a killed program (not a power cut) without
    // waiting for the disk twice per batch, all day.
    if (!db.open() || !q.exec(u"PRAGMA journal_mode=WAL"_s) || !q.exec(u"PRAGMA synchronous=NORMAL"_s)
        || !q.exec(u"CREATE TABLE IF NOT EXISTS outbox (id INTEGER PRIMARY KEY AUTOINCREMENT, added INTEGER NOT NULL,"
                   " records INTEGER NOT NULL, unreadable INTEGER NOT NULL DEFAULT 0, batch BLOB NOT NULL)"_s)) {
        const QString error = q.lastError().isValid() ? q.lastError().text() : db.lastError().text();
        m_problem = tr("Records for the team history cannot be kept in %1: %2").arg(m_filePath, error);
        q = QSqlQuery();
        db = QSqlDatabase();
        close();
        return false;
    }
    m_open = true;
    m_problem.clear();
    return true;
}

bool HistoryOutbox::append(const HistoryBatch &batch)
{
    if (!open())
        return false;
    QSqlQuery q(QSqlDatabase::database(m_connectionName));
    q.prepare(u"INSERT INTO outbox (added, records, batch) VALUES (?, ?, ?)"_s);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(recordCount(batch));
    q.addBindValue(encode(batch));
    if (!q.exec()) {
        m_problem = tr("Records for the team history cannot be kept in %1: %2").arg(m_filePath, q.lastError().text());
        return false;
    }
    return true;
}

HistoryOutbox::Delivery HistoryOutbox::deliver(HistoryStore &store, int *delivered)
{
    if (delivered)
        *delivered = 0;
    if (!open())
        return Delivery::Failed;
    // One deliverer per outbox: a lock left by a program that was killed is taken over.
    QLockFile lock(m_filePath + u".lock"_s);
    if (!lock.tryLock(0))
        return Delivery::OtherDelivers;
    for (;;) {
        bool empty = false;
        if (!deliverOne(store, &empty))
            return Delivery::Failed;
        if (empty)
            return Delivery::Delivered;
        if (delivered)
            ++*delivered;
    }
}

bool HistoryOutbox::deliverOne(HistoryStore &store, bool *empty)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    QSqlQuery q(db);
    if (!q.exec(u"SELECT id, added, batch FROM outbox WHERE unreadable = 0 ORDER BY id LIMIT 1"_s)) {
        m_problem = tr("Records for the team history cannot be read from %1: %2").arg(m_filePath, q.lastError().text());
        return false;
    }
    if (!q.next()) {
        *empty = true;
        return true;
    }
    const qint64 id = q.value(0).toLongLong();
    std::optional<HistoryBatch> batch = decode(q.value(2).toByteArray());
    // The same on every delivery of this row and no other's: its outbox (the computer and the file),
    // its number there and when it was added (a file made anew numbers from 1 again).
    const QByteArray origin = QSysInfo::machineHostName().toUtf8() + '\n' + m_filePath.toUtf8() + '\n'
        + QByteArray::number(id) + '\n' + q.value(1).toByteArray();
    q.finish();
    if (!batch) {
        q.prepare(u"UPDATE outbox SET unreadable = 1 WHERE id = ?"_s);
        q.addBindValue(id);
        return q.exec();
    }
    batch->deliveryKey = QString::fromLatin1(QCryptographicHash::hash(origin, QCryptographicHash::Sha1).toHex());
    if (!store.isOpen() || store.isReadOnly() || !store.record(*batch)) {
        m_problem = store.problem();
        return false;
    }
    // Delivered: a program killed right here delivers this batch once more when it starts again, and
    // the history passes it over (its delivery key).
    q.prepare(u"DELETE FROM outbox WHERE id = ?"_s);
    q.addBindValue(id);
    if (!q.exec()) {
        m_problem
            = tr("Records for the team history cannot be removed from %1: %2").arg(m_filePath, q.lastError().text());
        return false;
    }
    return true;
}

qint64 HistoryOutbox::waitingRecords() const
{
    if (!m_open)
        return -1;
    QSqlQuery q(QSqlDatabase::database(m_connectionName));
    if (!q.exec(u"SELECT COALESCE(SUM(records), 0) FROM outbox WHERE unreadable = 0"_s) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

} // namespace arr
