#pragma once

#include "core/Cost.h"

#include <QLabel>

namespace arr {

class BilledTimeSource;
class LiveSessions;

// The status bar's cost: the burn rate now (the hourly prices of the ready sessions summed) and what
// has been spent since local midnight, each account's share in the tooltip. Without prices it shows
// the billed time instead ("3 sessions ready · today 4.5 h"), never an invented amount; the demo's
// prices are called examples.
class CostStatusLabel : public QLabel
{
    Q_OBJECT

public:
    // `spent` says what was billed today; it is asked on every refresh.
    CostStatusLabel(const LiveSessions *sessions, const BilledTimeSource *spent, QWidget *parent = nullptr);

    void setPricing(const Pricing &pricing);
    // Recomputes the text and the tooltip now.
    void refresh();
    // For the window's one-second tick: recomputes when the sessions changed since the last time, or
    // when a quarter of a minute has passed (today's amount moves with time, but a figure summed over
    // thousands of sessions need not be redone every second).
    void tick();

private:
    const LiveSessions *m_sessions;
    const BilledTimeSource *m_spent;
    Pricing m_pricing;
    bool m_sessionsChanged = false;
    qint64 m_refreshedAtMono = 0;
};

} // namespace arr
