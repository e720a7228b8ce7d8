#pragma once

#include <QList>
#include <QString>

// The one table every benchmark prints: each figure, its target, the baseline measured in the same
// run where there is one, and whether the target was met.
class BenchTable
{
public:
    struct Row
    {
        QString figure;
        QString measured;
        QString target;
        QString baseline;
        bool met = true;
    };

    void add(
        const QString &figure, const QString &measured, const QString &target, bool met, const QString &baseline = {});
    // Prints the table as Markdown to stdout; returns the number of targets missed.
    int print(const QString &machine) const;

private:
    QList<Row> m_rows;
};
