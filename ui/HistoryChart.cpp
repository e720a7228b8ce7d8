#include "ui/HistoryChart.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QLocale>
#include <QMap>
#include <QSet>
#include <QStackedBarSeries>
#include <QValueAxis>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace arr {

namespace {

// Up to this many days every day gets a bar (empty days included, so gaps show); beyond, only days
// with sessions, or the bars would be too thin to see.
constexpr qint64 MaxContinuousDays = 62;

// What the bars measure: the cost, when the selection's amounts are all in one currency; else the
// billed hours.
struct Measure
{
    bool cost = false;
    QString currency;
    bool severalCurrencies = false;
    // Billed sessions without an amount, left out of a chart of cost.
    bool anyUnpriced = false;
};

Measure measureOf(const QList<HistorySession> &sessions, const Pricing &pricing)
{
    QSet<QString> currencies;
    Measure measure;
    for (const HistorySession &s : sessions) {
        if (s.cost)
            currencies.insert(pricing.currencyFor(s.account));
        else if (s.billedSeconds > 0)
            measure.anyUnpriced = true;
    }
    measure.cost = currencies.size() == 1;
    measure.currency = measure.cost ? *currencies.cbegin() : QString();
    measure.severalCurrencies = currencies.size() > 1;
    return measure;
}

// Per account (sorted by name), per day: each bar's part. `days` gains the days with a session.
QMap<QString, QMap<QDate, double>> barParts(
    const QList<HistorySession> &sessions, bool cost, QDate first, QList<QDate> &days)
{
    QMap<QString, QMap<QDate, double>> values;
    for (const HistorySession &s : sessions) {
        const double value = cost ? s.cost.value_or(0.0) : double(s.billedSeconds) / 3600.0;
        QDate day = s.firstSeen.toLocalTime().date();
        if (first.isValid() && day < first)
            day = first;
        values[s.account][day] += value;
        if (!days.contains(day))
            days.append(day);
    }
    std::sort(days.begin(), days.end());
    return values;
}

} // namespace

HistoryChart::HistoryChart(QWidget *parent)
    : QChartView(parent)
{
    setRenderHint(QPainter::Antialiasing);
    chart()->legend()->setAlignment(Qt::AlignBottom);
    chart()->setAnimationOptions(QChart::NoAnimation);
    setMinimumHeight(260);
}

void HistoryChart::setSessions(const QList<HistorySession> &sessions, const Pricing &pricing, QDate first, QDate last)
{
    QChart *chart = this->chart();
    chart->removeAllSeries();
    const QList<QAbstractAxis *> axes = chart->axes();
    for (QAbstractAxis *axis : axes) {
        chart->removeAxis(axis);
        delete axis;
    }

    const Measure measure = measureOf(sessions, pricing);
    QList<QDate> days;
    if (first.isValid() && last.isValid() && first.daysTo(last) < MaxContinuousDays) {
        for (QDate day = first; day <= last; day = day.addDays(1))
            days.append(day);
    }
    const QMap<QString, QMap<QDate, double>> values = barParts(sessions, measure.cost, first, days);

    QString title;
    if (sessions.isEmpty())
        title = tr("No sessions in this range");
    else if (measure.cost)
        title = measure.anyUnpriced ? tr("Cost per day by account (sessions without a price are not included)")
                                    : tr("Cost per day by account");
    else if (measure.severalCurrencies)
        title = tr("Billed hours per day by account (the costs are in several currencies)");
    else
        title = tr("Billed hours per day by account (no prices set)");
    chart->setTitle(title);
    if (sessions.isEmpty())
        return;

    auto *series = new QStackedBarSeries(chart);
    QList<double> dayTotals(days.size(), 0.0);
    for (auto account = values.cbegin(); account != values.cend(); ++account) {
        auto *set = new QBarSet(account.key(), series);
        for (qsizetype i = 0; i < days.size(); ++i) {
            const double value = account.value().value(days[i], 0.0);
            set->append(value);
            dayTotals[i] += value;
        }
        series->append(set);
    }
    double highest = 0;
    for (double total : std::as_const(dayTotals))
        highest = std::max(highest, total);
    chart->addSeries(series);
    addAxes(series, days, highest,
        measure.cost ? (measure.currency.isEmpty() ? tr("Cost") : measure.currency) : tr("Hours"));
}

void HistoryChart::addAxes(QStackedBarSeries *series, const QList<QDate> &days, double highest, const QString &unit)
{
    QChart *chart = this->chart();
    // Within one month the day numbers say it all (the month goes in the axis title); across months
    // each label names its month too, turned upright when there are many.
    const QLocale locale;
    const bool oneMonth
        = !days.isEmpty() && days.first().year() == days.last().year() && days.first().month() == days.last().month();
    QStringList labels;
    for (const QDate &day : days)
        labels << (oneMonth ? locale.toString(day.day()) : locale.toString(day, u"d MMM"_s));
    auto *dayAxis = new QBarCategoryAxis(chart);
    dayAxis->append(labels);
    dayAxis->setLabelsAngle(!oneMonth && days.size() > 14 ? -90 : 0);
    if (oneMonth)
        dayAxis->setTitleText(locale.toString(days.first(), u"MMMM yyyy"_s));
    chart->addAxis(dayAxis, Qt::AlignBottom);
    series->attachAxis(dayAxis);

    auto *valueAxis = new QValueAxis(chart);
    valueAxis->setRange(0, highest > 0 ? highest : 1);
    valueAxis->applyNiceNumbers();
    // The values in the locale's digits and decimal separator ("2,50" in German); the format gives
    // the decimals only, the chart writes the number with its locale.
    chart->setLocalizeNumbers(true);
    chart->setLocale(locale);
    valueAxis->setLabelFormat(highest < 10 ? u"%.2f"_s : u"%.0f"_s);
    valueAxis->setTitleText(unit);
    chart->addAxis(valueAxis, Qt::AlignLeft);
    series->attachAxis(valueAxis);
}

} // namespace arr
