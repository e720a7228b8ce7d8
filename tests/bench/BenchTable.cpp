#include "BenchTable.h"

#include <QTextStream>

#include <algorithm>

using namespace Qt::StringLiterals;

void BenchTable::add(
    const QString &figure, const QString &measured, const QString &target, bool met, const QString &baseline)
{
    m_rows.append({figure, measured, target, baseline.isEmpty() ? u"–"_s : baseline, met});
}

int BenchTable::print(const QString &machine) const
{
    QTextStream out(stdout);
    const QStringList header{u"figure"_s, u"measured"_s, u"target"_s, u"baseline (same run)"_s, u"met"_s};
    QList<QStringList> lines{header};
    int missed = 0;
    for (const Row &row : m_rows) {
        lines.append({row.figure, row.measured, row.target, row.baseline, row.met ? u"yes"_s : u"NO"_s});
        missed += row.met ? 0 : 1;
    }
    QList<qsizetype> widths(header.size(), 0);
    for (const QStringList &line : lines) {
        for (qsizetype i = 0; i < line.size(); ++i)
            widths[i] = std::max(widths[i], line[i].size());
    }
    out << "\n" << machine << "\n\n";
    for (qsizetype l = 0; l < lines.size(); ++l) {
        out << "|";
        for (qsizetype i = 0; i < lines[l].size(); ++i)
            out << " " << lines[l][i].leftJustified(widths[i]) << " |";
        out << "\n";
        if (l == 0) {
            out << "|";
            for (qsizetype i = 0; i < header.size(); ++i)
                out << QString(widths[i] + 2, u'-') << "|";
            out << "\n";
        }
    }
    out << "\n" << (missed == 0 ? u"All targets met."_s : u"%1 target(s) missed."_s.arg(missed)) << "\n";
    out.flush();
    return missed;
}
