#include "storage/HistoryInserter.h"

#include <QSqlError>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace arr::historysql {

void StatementRunner::operator()(QSqlQuery &query, const QVariantList &values)
{
    for (int i = 0; i < values.size(); ++i) {
        // A null QString binds as NULL; the text columns want ''.
        const QVariant &v = values[i];
        query.bindValue(
            i, !v.isNull() && v.typeId() == QMetaType::QString && v.toString().isNull() ? QVariant(u""_s) : v);
    }
    if (!query.exec() && ok) {
        ok = false;
        firstError = query.lastError().text();
    }
}

RowInserter::RowInserter(const QSqlDatabase &db, QString head, int columns, StatementRunner *run)
    : m_db(db)
    , m_head(std::move(head))
    , m_columns(columns)
    , m_run(run)
    , m_full(db)
{
}

void RowInserter::add(const QVariantList &row)
{
    m_values.append(row);
    if (++m_rows == RowsPerStatement)
        flush();
}

void RowInserter::flush()
{
    if (m_rows == 0)
        return;
    if (m_rows == RowsPerStatement) {
        if (!m_fullPrepared)
            m_full.prepare(statement(m_rows));
        m_fullPrepared = true;
        (*m_run)(m_full, m_values);
    } else {
        QSqlQuery partial(m_db);
        partial.prepare(statement(m_rows));
        (*m_run)(partial, m_values);
    }
    m_values.clear();
    m_rows = 0;
}

QString RowInserter::statement(int rows) const
{
    QString one = u"(?"_s;
    for (int i = 1; i < m_columns; ++i)
        one.append(u",?"_s);
    one.append(u')');
    QString sql = m_head;
    for (int i = 0; i < rows; ++i) {
        if (i > 0)
            sql.append(u',');
        sql.append(one);
    }
    return sql;
}

} // namespace arr::historysql
