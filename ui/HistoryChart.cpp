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

    QSet<QString> currencies;
    bool anyUnpriced = false;
    for (const HistorySession &s : sessions) {
        if (s.cost)
            currencies.insert(pricing.currencyFor(s.account));
        else if (s.billedSeconds > 0)
            anyUnpriced = true;
    }
    const bool showsCost = currencies.size() == 1;
    const QString currency = showsCost ? *currencies.cbegin() : QString();

    QList<QDate> days;
    if (first.isValid() && last.isValid() && first.daysTo(last) < MaxContinuousDays) {
        for (QDate day = first; day <= last; day = day.addDays(1))
            days.append(day);
    }
    const auto dayOf = [&](const HistorySession &s) {
        const QDate day = s.firstSeen.toLocalTime().date();
        return first.isValid() && day < first ? first : day;
    };
    // Per account (sorted by name), per day: the bar's part.
    QMap<QString, QMap<QDate, double>> values;
    for (const HistorySession &s : sessions) {
        const double value = showsCost ? s.cost.value_or(0.0) : double(s.billedSeconds) / 3600.0;
        const QDate day = dayOf(s);
        values[s.account][day] += value;
        if (!days.contains(day))
            days.append(day);
    }
    std::sort(days.begin(), days.end());

    QString title;
    if (sessions.isEmpty())
        title = tr("No sessions in this range");
    else if (showsCost)
        title = anyUnpriced ? tr("Cost per day by account (sessions without a price are not included)")
                            : tr("Cost per day by account");
    else if (currencies.size() > 1)
        title = tr("Billed hours per day by account (the costs are in several currencies)");
    else
        title = tr("Billed hours per day by account (no prices set)");
    chart->setTitle(title);
    if (sessions.isEmpty())
        return;

    auto *series = new QStackedBarSeries(chart);
    double highest = 0;
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
    for (double total : std::as_const(dayTotals))
        highest = std::max(highest, total);
    chart->addSeries(series);

    // Within one month the day numbers say it all (the month goes in the axis title); across months
    // each label names its month too, turned upright when there are many.
    const QLocale locale;
    const bool oneMonth
        = !days.isEmpty() && days.first().year() == days.last().year() && days.first().month() == days.last().month();
    QStringList labels;
    for (const QDate &day : std::as_const(days))
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
    valueAxis->setTitleText(showsCost ? (currency.isEmpty() ? tr("Cost") : currency) : tr("Hours"));
    chart->addAxis(valueAxis, Qt::AlignLeft);
    series->attachAxis(valueAxis);
}

} // namespace arr
