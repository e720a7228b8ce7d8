#pragma once

#include <QDate>
#include <QObject>

#include <utility>

class QComboBox;
class QDateEdit;
class QHBoxLayout;
class QWidget;

namespace arr {

class Clock;

// The History window's range of days: a preset (today, this week, this month) or two dates that
// only a custom range enables; the preset's days are shown in the date edits, ready to be adjusted.
class HistoryRangePicker : public QObject
{
    Q_OBJECT

public:
    enum class Range { Today, ThisWeek, ThisMonth, Custom };

    // Adds its labelled widgets to `row`, in `bar`; `clock` says what "today" is (null: the system's).
    HistoryRangePicker(QWidget *bar, QHBoxLayout *row, const Clock *clock);

    void setRange(Range range);
    // Chooses the custom range from `first` to `last`.
    void setCustomRange(QDate first, QDate last);
    // The range's first and last day (local time), from the preset or the date edits.
    std::pair<QDate, QDate> dates() const;

Q_SIGNALS:
    // The range chosen changed: the window reads it again.
    void changed();

private:
    Range range() const;
    void onRangeChosen();
    // Shows the preset's days in the date edits, which only a custom range enables.
    void showRangeDates();

    const Clock *m_clock;
    QComboBox *m_range;
    QDateEdit *m_from;
    QDateEdit *m_to;
};

} // namespace arr
