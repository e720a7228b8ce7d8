#include "ui/HistoryRangePicker.h"

#include "core/Clock.h"
#include "ui/WidgetHelpers.h"

#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace arr {

HistoryRangePicker::HistoryRangePicker(QWidget *bar, QHBoxLayout *row, const Clock *clock)
    : QObject(bar)
    , m_clock(clock)
    , m_range(new QComboBox(bar))
    , m_from(new QDateEdit(bar))
    , m_to(new QDateEdit(bar))
{
    m_range->setObjectName(u"historyRange"_s);
    m_range->addItem(tr("Today"), int(Range::Today));
    m_range->addItem(tr("This week"), int(Range::ThisWeek));
    m_range->addItem(tr("This month"), int(Range::ThisMonth));
    m_range->addItem(tr("Custom"), int(Range::Custom));
    m_range->setCurrentIndex(int(Range::ThisMonth));
    m_from->setObjectName(u"historyFrom"_s);
    m_to->setObjectName(u"historyTo"_s);
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
        connect(edit, &QDateEdit::dateChanged, this, [this] {
            if (range() == Range::Custom)
                Q_EMIT changed();
        });
    }
    connect(m_range, &QComboBox::currentIndexChanged, this, &HistoryRangePicker::onRangeChosen);

    addLabelled(row, tr("&Range:"), m_range);
    addLabelled(row, tr("&From:"), m_from);
    addLabelled(row, tr("&To:"), m_to);
    showRangeDates();
}

HistoryRangePicker::Range HistoryRangePicker::range() const
{
    return Range(m_range->currentData().toInt());
}

void HistoryRangePicker::setRange(Range range)
{
    m_range->setCurrentIndex(m_range->findData(int(range)));
}

void HistoryRangePicker::setCustomRange(QDate first, QDate last)
{
    const QSignalBlocker blockFrom(m_from);
    const QSignalBlocker blockTo(m_to);
    m_from->setDate(first);
    m_to->setDate(last);
    if (range() == Range::Custom)
        Q_EMIT changed();
    else
        setRange(Range::Custom);
}

std::pair<QDate, QDate> HistoryRangePicker::dates() const
{
    const QDate day = (m_clock ? m_clock->now() : QDateTime::currentDateTime()).toLocalTime().date();
    switch (range()) {
    case Range::Today:
        return {day, day};
    case Range::ThisWeek: {
        const int sinceStart = (day.dayOfWeek() - int(QLocale().firstDayOfWeek()) + 7) % 7;
        return {day.addDays(-sinceStart), day.addDays(6 - sinceStart)};
    }
    case Range::ThisMonth: {
        const QDate first(day.year(), day.month(), 1);
        return {first, first.addMonths(1).addDays(-1)};
    }
    case Range::Custom:
        break;
    }
    return {m_from->date(), m_to->date()};
}

void HistoryRangePicker::onRangeChosen()
{
    showRangeDates();
    Q_EMIT changed();
}

void HistoryRangePicker::showRangeDates()
{
    const bool custom = range() == Range::Custom;
    m_from->setEnabled(custom);
    m_to->setEnabled(custom);
    if (!custom) {
        const auto [first, last] = dates();
        const QSignalBlocker blockFrom(m_from);
        const QSignalBlocker blockTo(m_to);
        m_from->setDate(first);
        m_to->setDate(last);
    }
}

} // namespace arr
