#include "storage/HistoryStore.h"

#include "storage/HistorySchema.h"
#include "storage/HistorySql.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QVariant>

using namespace Qt::StringLiterals;

// Copying one history into another: this computer's file into a team's database, so that what was
// recorded before the team shared one is in it. Safe to run twice: a session already there is merged
// (the widest life, the most billed time, the newest state, its extends not counted twice) and an
// event already there (same session, kind and moment) is not added again.
namespace arr {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("arr::HistoryStore", text);
}

// Sessions per transaction: a long copy holds the team's writers back a moment at a time, never for
// the whole copy.
constexpr int SessionsPerTransaction = 500;

QStringList columnsOf(const QSqlRecord &record, const QString &leaveOut = {})
{
    QStringList columns;
    for (int i = 0; i < record.count(); ++i) {
        if (record.fieldName(i) != leaveOut)
            columns << record.fieldName(i);
    }
    return columns;
}

QString marks(qsizetype count)
{
    QStringList marks;
    marks.fill(u"?"_s, count);
    return marks.join(u", "_s);
}

// Adds a session's events to the target, each unless an event of the same kind at the same moment is
// there already.
class EventCopier
{
public:
    explicit EventCopier(const QSqlDatabase &target)
        : m_has(target)
        , m_insert(target)
    {
    }

    // Prepares for events with the columns of `record` (the id left out: the target numbers its own).
    bool prepare(const QSqlRecord &record)
    {
        m_columns = columnsOf(record, u"id"_s);
        m_failed = &m_insert;
        if (!m_insert.prepare(
                u"INSERT INTO events (%1) VALUES (%2)"_s.arg(m_columns.join(u", "_s), marks(m_columns.size()))))
            return false;
        m_failed = &m_has;
        return m_has.prepare(
            u"SELECT 1 FROM events WHERE account = ? AND session_id = ? AND kind = ? AND at = ? LIMIT 1"_s);
    }

    // Copies the events `events` holds; false (failed() says where) when the target refused one.
    bool copy(QSqlQuery &events, int *added)
    {
        while (events.next()) {
            const QSqlRecord event = events.record();
            for (const QString &column : {u"account"_s, u"session_id"_s, u"kind"_s, u"at"_s})
                m_has.addBindValue(event.value(column));
            m_failed = &m_has;
            if (!m_has.exec())
                return false;
            const bool there = m_has.next();
            m_has.finish();
            if (there)
                continue;
            for (const QString &column : std::as_const(m_columns))
                m_insert.addBindValue(event.value(column));
            m_failed = &m_insert;
            if (!m_insert.exec())
                return false;
            ++*added;
        }
        return true;
    }

    const QSqlQuery &failed() const { return *m_failed; }

private:
    QSqlQuery m_has;
    QSqlQuery m_insert;
    QStringList m_columns;
    const QSqlQuery *m_failed = nullptr;
};

} // namespace

HistoryStore::CopyResult HistoryStore::copyTo(HistoryStore &target)
{
    CopyResult result;
    if (!m_open || !target.m_open || target.m_readOnly) {
        if (!m_open)
            result.error = m_problem;
        else
            result.error
                = target.m_problem.isEmpty() ? tr("%1 cannot be written").arg(target.m_filePath) : target.m_problem;
        return result;
    }
    QSqlDatabase from = QSqlDatabase::database(m_connectionName, false);
    QSqlDatabase to = QSqlDatabase::database(target.m_connectionName, false);
    QSqlQuery sessions(from);
    sessions.setForwardOnly(true);
    QSqlQuery events(from);
    events.setForwardOnly(true);
    // Both are at this build's schema (opening migrated them): the same columns on both sides.
    if (!sessions.exec(u"SELECT * FROM sessions ORDER BY first_seen"_s)
        || !events.prepare(u"SELECT * FROM events WHERE account = ? AND session_id = ? ORDER BY at"_s)) {
        result.error = tr("The session history %1 cannot be read (%2).").arg(m_filePath, sessions.lastError().text());
        return result;
    }
    const QStringList sessionColumns = columnsOf(sessions.record());
    QSqlQuery insertSession(to);
    EventCopier eventCopier(to);
    QSqlQuery q(to);
    bool prepared = false;
    int inTransaction = 0;
    const auto fail = [&](const QSqlQuery &failed) {
        result.error = tr("%1 cannot be written").arg(target.m_filePath) + u": "_s + failed.lastError().text();
        q.exec(u"ROLLBACK"_s);
        return result;
    };
    while (sessions.next()) {
        if (inTransaction == 0 && !target.beginCopy()) {
            result.error = tr("%1 cannot be written").arg(target.m_filePath);
            return result;
        }
        const QSqlRecord row = sessions.record();
        events.addBindValue(row.value(u"account"_s));
        events.addBindValue(row.value(u"session_id"_s));
        if (!events.exec()) {
            result.error = tr("The session history %1 cannot be read (%2).").arg(m_filePath, events.lastError().text());
            q.exec(u"ROLLBACK"_s);
            return result;
        }
        if (!prepared) {
            if (!insertSession.prepare(historysql::forDialect(target.m_dialect,
                    u"INSERT INTO sessions (%1) VALUES (%2)"_s.arg(
                        sessionColumns.join(u", "_s), marks(sessionColumns.size()))
                        + historysql::mergeSessionRows(historysql::ExtendCounts::Same))))
                return fail(insertSession);
            if (!eventCopier.prepare(events.record()))
                return fail(eventCopier.failed());
            prepared = true;
        }
        for (const QString &column : sessionColumns)
            insertSession.addBindValue(row.value(column));
        if (!insertSession.exec())
            return fail(insertSession);
        ++result.sessions;
        if (!eventCopier.copy(events, &result.events))
            return fail(eventCopier.failed());
        events.finish();
        if (++inTransaction == SessionsPerTransaction) {
            if (!q.exec(u"COMMIT"_s))
                return fail(q);
            inTransaction = 0;
        }
    }
    if (inTransaction > 0 && !q.exec(u"COMMIT"_s))
        return fail(q);
    result.ok = true;
    return result;
}

bool HistoryStore::beginCopy()
{
    // The team's writers wait for a moment: the copy holds the schema's lock alone, as a prune does.
    if (m_location.isTeam())
        return beginTeamPrune();
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    return q.exec(u"BEGIN IMMEDIATE"_s);
}

} // namespace arr
