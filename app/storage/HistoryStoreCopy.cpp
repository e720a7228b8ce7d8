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
    QSqlQuery insertEvent(to);
    QSqlQuery hasEvent(to);
    QSqlQuery q(to);
    bool prepared = false;
    QStringList eventColumns;
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
            eventColumns = columnsOf(events.record(), u"id"_s);
            prepared = insertSession.prepare(historysql::forDialect(target.m_dialect,
                           u"INSERT INTO sessions (%1) VALUES (%2)"_s.arg(
                               sessionColumns.join(u", "_s), marks(sessionColumns.size()))
                               + historysql::mergeSessionRows(historysql::ExtendCounts::Same)))
                && insertEvent.prepare(u"INSERT INTO events (%1) VALUES (%2)"_s.arg(
                    eventColumns.join(u", "_s), marks(eventColumns.size())))
                && hasEvent.prepare(
                    u"SELECT 1 FROM events WHERE account = ? AND session_id = ? AND kind = ? AND at = ? LIMIT 1"_s);
            if (!prepared)
                return fail(!insertSession.lastError().isValid()
                        ? (!insertEvent.lastError().isValid() ? hasEvent : insertEvent)
                        : insertSession);
        }
        for (const QString &column : sessionColumns)
            insertSession.addBindValue(row.value(column));
        if (!insertSession.exec())
            return fail(insertSession);
        ++result.sessions;
        while (events.next()) {
            const QSqlRecord event = events.record();
            for (const QString &column : {u"account"_s, u"session_id"_s, u"kind"_s, u"at"_s})
                hasEvent.addBindValue(event.value(column));
            if (!hasEvent.exec())
                return fail(hasEvent);
            const bool there = hasEvent.next();
            hasEvent.finish();
            if (there)
                continue;
            for (const QString &column : std::as_const(eventColumns))
                insertEvent.addBindValue(event.value(column));
            if (!insertEvent.exec())
                return fail(insertEvent);
            ++result.events;
        }
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
