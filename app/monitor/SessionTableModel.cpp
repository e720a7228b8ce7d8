#include "monitor/SessionTableModel.h"

#include "core/Clock.h"

#include <QLocale>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace arr {

namespace {

// Replaces a row's session with a newer report of it, keeping the id string that the row index
// shares with the row.
void takeNewerReport(Session *kept, const Session &fresh)
{
    const QString id = kept->id;
    *kept = fresh;
    kept->id = id;
}

} // namespace

SessionTableModel::SessionTableModel(const Clock *clock, QObject *parent)
    : QAbstractTableModel(parent)
    , m_clock(clock ? clock : SystemClock::instance())
{
}

int SessionTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

int SessionTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

std::optional<TimeSpan> SessionTableModel::remainingOf(const Record &record) const
{
    const Session &session = record.session;
    if (!session.maxLease || !session.elapsed)
        return std::nullopt;
    if (isFinalStatus(session.status))
        return TimeSpan();
    TimeSpan elapsed = *session.elapsed;
    // The lease runs while the session is up; between polls, count on from the last known value.
    if (session.status == SessionStatus::Ready)
        elapsed
            = elapsed + TimeSpan::fromMilliseconds(std::max<qint64>(0, m_clock->monotonicMs() - record.observedAtMono));
    return remainingLease(*session.maxLease, elapsed);
}

SessionTableModel::RemainingLevel SessionTableModel::levelFor(const std::optional<TimeSpan> &remaining) const
{
    if (!remaining)
        return RemainingLevel::Unknown;
    const qint64 ms = remaining->totalMilliseconds();
    if (ms <= m_criticalMs)
        return RemainingLevel::Critical;
    if (ms <= m_warningMs)
        return RemainingLevel::Warning;
    return RemainingLevel::Normal;
}

QVariant SessionTableModel::displayValue(const Record &record, int column) const
{
    const Session &s = record.session;
    const auto span
        = [](const std::optional<TimeSpan> &value) { return value ? QVariant(value->toDisplayString()) : QVariant(); };
    switch (column) {
    case AccountColumn:
        return record.account;
    case SessionIdColumn:
        return s.id;
    case StatusColumn:
        return record.pendingCommand.isEmpty() ? s.statusLabel()
                                               : s.statusLabel() + u" \u2013 "_s + record.pendingCommand;
    case SizeColumn:
        return s.size;
    case HostnameColumn:
        return s.hostname;
    case ElapsedColumn:
        return span(s.elapsed);
    case LeaseColumn:
        return span(s.maxLease);
    case RemainingColumn:
        if (isFinalStatus(s.status))
            return QVariant();
        return span(remainingOf(record));
    case MessageColumn:
        return s.message;
    case TeraflopsColumn:
        return s.teraflops ? QVariant(QLocale().toString(*s.teraflops, 'f', 1)) : QVariant();
    case HandshakePortColumn:
        return s.handshakePort ? QVariant(*s.handshakePort) : QVariant();
    case CreatedColumn:
        return s.creationTime.isValid()
            ? QVariant(QLocale().toString(s.creationTime.toLocalTime(), QLocale::ShortFormat))
            : QVariant();
    default:
        return {};
    }
}

QVariant SessionTableModel::rawValue(const Record &record, int column) const
{
    const Session &s = record.session;
    const auto ms = [](const std::optional<TimeSpan> &value) {
        return value ? QVariant(value->totalMilliseconds()) : QVariant();
    };
    switch (column) {
    case StatusColumn:
        return int(s.status);
    case ElapsedColumn:
        return ms(s.elapsed);
    case LeaseColumn:
        return ms(s.maxLease);
    case RemainingColumn:
        return ms(remainingOf(record));
    case TeraflopsColumn:
        return s.teraflops ? QVariant(*s.teraflops) : QVariant();
    case HandshakePortColumn:
        return s.handshakePort ? QVariant(*s.handshakePort) : QVariant();
    case CreatedColumn:
        return s.creationTime;
    default:
        return displayValue(record, column);
    }
}

QVariant SessionTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Record &record = m_records[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return displayValue(record, index.column());
    case Qt::ToolTipRole:
        if (index.column() == MessageColumn || index.column() == StatusColumn)
            return record.session.message.isEmpty() ? QVariant() : QVariant(record.session.message);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == ElapsedColumn || index.column() == LeaseColumn || index.column() == RemainingColumn
            || index.column() == TeraflopsColumn || index.column() == HandshakePortColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case RawValueRole:
        return rawValue(record, index.column());
    case SessionIdRole:
        return record.session.id;
    case AccountRole:
        return record.account;
    case StatusRole:
        return int(record.session.status);
    case RemainingLevelRole:
        return int(isFinalStatus(record.session.status) ? RemainingLevel::Unknown : levelFor(remainingOf(record)));
    case RemainingMsRole: {
        const auto remaining = remainingOf(record);
        return remaining ? QVariant(remaining->totalMilliseconds()) : QVariant();
    }
    case SessionRole:
        return QVariant::fromValue(record.session);
    case LastMsCvRole:
        return record.lastMsCv;
    case PendingCommandRole:
        return record.pendingCommand;
    default:
        return {};
    }
}

QVariant SessionTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case AccountColumn:
        return tr("Account");
    case SessionIdColumn:
        return tr("Session ID");
    case StatusColumn:
        return tr("Status");
    case SizeColumn:
        return tr("Size");
    case HostnameColumn:
        return tr("Hostname");
    case ElapsedColumn:
        return tr("Elapsed");
    case LeaseColumn:
        return tr("Lease");
    case RemainingColumn:
        return tr("Remaining");
    case MessageColumn:
        return tr("Message");
    case TeraflopsColumn:
        return tr("Teraflops");
    case HandshakePortColumn:
        return tr("Handshake port");
    case CreatedColumn:
        return tr("Created");
    default:
        return {};
    }
}

void SessionTableModel::renumberFrom(size_t first)
{
    // Rows of one account mostly follow each other: look its index up once per run of them.
    QHash<QString, int> *rows = nullptr;
    const QString *rowsAccount = nullptr;
    for (size_t row = first; row < m_records.size(); ++row) {
        const Record &record = m_records[row];
        if (!rowsAccount || record.account != *rowsAccount) {
            rows = &m_rowsByAccount[record.account];
            rowsAccount = &record.account;
        }
        (*rows)[record.session.id] = int(row);
    }
}

void SessionTableModel::removeRows(std::vector<int> rows)
{
    if (rows.empty())
        return;
    std::sort(rows.begin(), rows.end());
    for (int row : rows) {
        const Record &record = m_records[size_t(row)];
        const auto index = m_rowsByAccount.find(record.account);
        if (index == m_rowsByAccount.end())
            continue;
        index->remove(record.session.id);
        if (index->isEmpty())
            m_rowsByAccount.erase(index);
    }
    // Remove contiguous runs from the back, so earlier row numbers stay valid.
    size_t end = rows.size();
    while (end > 0) {
        size_t begin = end - 1;
        while (begin > 0 && rows[begin - 1] == rows[begin] - 1)
            --begin;
        const int first = rows[begin];
        const int last = rows[end - 1];
        beginRemoveRows({}, first, last);
        m_records.erase(m_records.begin() + first, m_records.begin() + last + 1);
        endRemoveRows();
        end = begin;
    }
    // The rows after the first removed one moved up.
    renumberFrom(size_t(rows.front()));
}

void SessionTableModel::applyPoll(
    const QString &account, const QList<Session> &sessions, qint64 observedAtMono, const QByteArray &msCv)
{
    // Which existing rows of this account are still listed.
    QHash<QString, const Session *> incoming;
    incoming.reserve(sessions.size());
    for (const Session &session : sessions)
        incoming.insert(session.id, &session);

    std::vector<int> gone;
    std::vector<int> changed;
    for (size_t row = 0; row < m_records.size(); ++row) {
        Record &record = m_records[row];
        if (record.account != account)
            continue;
        const auto it = incoming.constFind(record.session.id);
        if (it == incoming.constEnd()) {
            gone.push_back(int(row));
            continue;
        }
        const Session &fresh = **it;
        // Every row's countdown is corrected by the poll; only a changed session is announced, since
        // the countdown column is refreshed by tick() anyway.
        record.observedAtMono = observedAtMono;
        if (!msCv.isEmpty())
            record.lastMsCv = msCv;
        if (record.session != fresh) {
            takeNewerReport(&record.session, fresh);
            changed.push_back(int(row));
        }
        incoming.erase(it);
    }

    // Announce changed rows as contiguous ranges; one range when most rows changed.
    if (!changed.empty()) {
        if (changed.size() * 2 > m_records.size()) {
            Q_EMIT dataChanged(index(changed.front(), 0), index(changed.back(), ColumnCount - 1));
        } else {
            size_t begin = 0;
            while (begin < changed.size()) {
                size_t end = begin + 1;
                while (end < changed.size() && changed[end] == changed[end - 1] + 1)
                    ++end;
                Q_EMIT dataChanged(index(changed[begin], 0), index(changed[end - 1], ColumnCount - 1));
                begin = end;
            }
        }
    }

    removeRows(std::move(gone));

    // New sessions, appended in the order the service listed them.
    if (!incoming.isEmpty()) {
        std::vector<const Session *> added;
        added.reserve(size_t(incoming.size()));
        for (const Session &session : sessions) {
            if (incoming.contains(session.id))
                added.push_back(&session);
        }
        const int first = int(m_records.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        // One allocation of the final size, rather than doubling through a copy of every row.
        m_records.reserve(m_records.size() + added.size());
        QHash<QString, int> &rows = m_rowsByAccount[account];
        for (const Session *session : added) {
            Record record;
            record.account = account;
            record.session = *session;
            record.observedAtMono = observedAtMono;
            record.lastMsCv = msCv;
            rows.insert(record.session.id, int(m_records.size()));
            m_records.push_back(std::move(record));
        }
        endInsertRows();
    }
}

void SessionTableModel::upsertSession(
    const QString &account, const Session &session, qint64 observedAtMono, const QByteArray &msCv)
{
    const int row = rowOf(account, session.id);
    if (row >= 0) {
        Record &record = m_records[size_t(row)];
        record.observedAtMono = observedAtMono;
        if (!msCv.isEmpty())
            record.lastMsCv = msCv;
        if (record.session != session) {
            takeNewerReport(&record.session, session);
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        }
        return;
    }
    const int first = int(m_records.size());
    beginInsertRows({}, first, first);
    Record record;
    record.account = account;
    record.session = session;
    record.observedAtMono = observedAtMono;
    record.lastMsCv = msCv;
    m_rowsByAccount[account].insert(record.session.id, first);
    m_records.push_back(std::move(record));
    endInsertRows();
}

void SessionTableModel::removeAccount(const QString &account)
{
    std::vector<int> rows;
    for (size_t row = 0; row < m_records.size(); ++row) {
        if (m_records[row].account == account)
            rows.push_back(int(row));
    }
    removeRows(std::move(rows));
}

void SessionTableModel::setLastMsCv(const QString &account, const QString &sessionId, const QByteArray &msCv)
{
    const int row = rowOf(account, sessionId);
    if (row < 0 || msCv.isEmpty())
        return;
    m_records[size_t(row)].lastMsCv = msCv;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1), {LastMsCvRole});
}

void SessionTableModel::setPendingCommand(const QString &account, const QString &sessionId, const QString &description)
{
    const int row = rowOf(account, sessionId);
    if (row < 0 || m_records[size_t(row)].pendingCommand == description)
        return;
    m_records[size_t(row)].pendingCommand = description;
    Q_EMIT dataChanged(index(row, StatusColumn), index(row, StatusColumn), {Qt::DisplayRole, PendingCommandRole});
}

void SessionTableModel::tick()
{
    if (m_records.empty())
        return;
    Q_EMIT dataChanged(index(0, RemainingColumn), index(int(m_records.size()) - 1, RemainingColumn),
        {Qt::DisplayRole, RawValueRole, RemainingMsRole, RemainingLevelRole});
}

void SessionTableModel::setThresholds(qint64 warningMs, qint64 criticalMs)
{
    m_warningMs = std::max(warningMs, criticalMs);
    m_criticalMs = criticalMs;
    tick();
}

int SessionTableModel::rowOf(const QString &account, const QString &sessionId) const
{
    const auto rows = m_rowsByAccount.constFind(account);
    return rows == m_rowsByAccount.constEnd() ? -1 : rows->value(sessionId, -1);
}

const Session *SessionTableModel::session(int row) const
{
    return row >= 0 && size_t(row) < m_records.size() ? &m_records[size_t(row)].session : nullptr;
}

QString SessionTableModel::accountAt(int row) const
{
    return row >= 0 && size_t(row) < m_records.size() ? m_records[size_t(row)].account : QString();
}

std::optional<TimeSpan> SessionTableModel::remainingAt(int row) const
{
    if (row < 0 || size_t(row) >= m_records.size())
        return std::nullopt;
    return remainingOf(m_records[size_t(row)]);
}

QList<Session> SessionTableModel::sessionsOf(const QString &account) const
{
    QList<Session> sessions;
    for (const Record &record : m_records) {
        if (record.account == account)
            sessions.append(record.session);
    }
    return sessions;
}

} // namespace arr

namespace arr {

QHash<QString, SessionStatus> SessionTableModel::statusesOf(const QString &account) const
{
    QHash<QString, SessionStatus> statuses;
    for (const Record &record : m_records) {
        if (record.account == account)
            statuses.insert(record.session.id, record.session.status);
    }
    return statuses;
}

bool SessionTableModel::hasTransitionalSession(const QString &account) const
{
    return std::any_of(m_records.begin(), m_records.end(), [&account](const Record &record) {
        return record.account == account && isTransitionalStatus(record.session.status);
    });
}

} // namespace arr
