#pragma once

#include "storage/HistoryRecords.h"

#include <QObject>

namespace arr {

class AccountStore;
class BudgetWatch;
class Clock;
class HistoryRecorder;

// The budget alerts that other programs (arrsm watch, another person's window on a team history) gave
// today for the accounts this workspace watches, as the history holds them. The recorder keeps one alert
// per account, kind and day, whichever program gave it first; this passes each on once (given()) unless
// this workspace gave it itself, and one passed on counts as given here too, so that this workspace's
// own BudgetWatch does not give it a second time today (nor after a restart). A front end that shows
// alerts to a person starts it (the window); arrsm watch gives its own on stderr and does not.
// The history is read again after each of this workspace's writes (a minute at most while a session is
// billed) and, for a team database, once a minute: a budget alert comes with billed sessions.
class AlertsGivenElsewhere : public QObject
{
    Q_OBJECT

public:
    AlertsGivenElsewhere(HistoryRecorder *history, BudgetWatch *budgets, const AccountStore *accounts,
        const Clock *clock, QObject *parent = nullptr);

    // Reads today's alerts now and after every write of the history; the day and the watched accounts
    // are looked at again with each refresh() (after every poll).
    void start();
    void refresh();

Q_SIGNALS:
    // A budget alert another program gave (its actor says which), at its own time.
    void given(const arr::HistoryAlert &alert);

private:
    void take(const QDateTime &since, const QList<arr::HistoryAlert> &alerts);
    // The accounts this workspace watches, by identity.
    QStringList watchedIdentities() const;

    HistoryRecorder *m_history;
    BudgetWatch *m_budgets;
    const AccountStore *m_accounts;
    const Clock *m_clock;
    bool m_started = false;
    QDateTime m_since;
};

} // namespace arr
