#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

// How the session history's write runs its statements; not part of the storage API.
namespace arr::historysql {

// Binds `values` in order and runs the statement; the first failure is kept.
class StatementRunner
{
public:
    void operator()(QSqlQuery &query, const QVariantList &values);

    bool ok = true;
    QString firstError;
};

// Inserts rows into one table, up to RowsPerStatement of them in one multi-row INSERT.
class RowInserter
{
public:
    RowInserter(const QSqlDatabase &db, QString head, int columns, StatementRunner *run);

    void add(const QVariantList &row);
    void flush();

private:
    static constexpr int RowsPerStatement = 50;

    QString statement(int rows) const;

    QSqlDatabase m_db;
    QString m_head;
    int m_columns;
    StatementRunner *m_run;
    QSqlQuery m_full;
    bool m_fullPrepared = false;
    QVariantList m_values;
    int m_rows = 0;
};

} // namespace arr::historysql
