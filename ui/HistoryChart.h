#pragma once

#include "core/Cost.h"
#include "storage/HistoryRecords.h"

#include <QChartView>
#include <QDate>
#include <QList>

class QStackedBarSeries;

namespace arr {

// The History window's bar chart: per day, one bar stacked by account, of the cost the history
// recorded, or of the billed hours when the selection holds no amount (no prices) or amounts in more
// than one currency (those do not add up). A session counts on the day it was first seen (local
// time), or on the first day of the range when it began before it.
class HistoryChart : public QChartView
{
    Q_OBJECT

public:
    explicit HistoryChart(QWidget *parent = nullptr);

    // Draws the selection over the days [first, last]: every day of a range up to two months, only
    // the days with sessions in a longer one.
    void setSessions(const QList<HistorySession> &sessions, const Pricing &pricing, QDate first, QDate last);

private:
    // The day axis below the bars and the value axis, titled `unit`, beside them.
    void addAxes(QStackedBarSeries *series, const QList<QDate> &days, double highest, const QString &unit);
};

} // namespace arr
