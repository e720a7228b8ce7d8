#pragma once

#include "monitor/SessionMonitor.h"

#include <QMap>
#include <QTimer>
#include <QWidget>

class QHBoxLayout;
class QLabel;

namespace arr {

// One entry per monitored account for the status bar: its state in words (healthy, backing off,
// failing to authenticate, …) with a coloured mark, and the time of its last good poll; the last
// error, with its MS-CV, in the tooltip. Past a handful of accounts, one line counts them by state
// instead ("120 accounts: 118 healthy, 2 backing off"), the accounts that are not healthy in its
// tooltip.
class AccountStatusBar : public QWidget
{
    Q_OBJECT

public:
    AccountStatusBar(SessionMonitor *monitor, QWidget *parent = nullptr);

    // Shows these accounts, in this order, each in the monitor's current state.
    void setAccounts(const QStringList &names);
    void updateHealth(const QString &account, const AccountHealth &health);

    static QString describe(const QString &account, const AccountHealth &health);

    // More accounts than this are summed up in one line.
    static constexpr int MostListed = 6;

private:
    bool summarises() const { return m_names.size() > MostListed; }
    void showHealth(QLabel *label, const QString &account, const AccountHealth &health);
    void updateSummary();

    SessionMonitor *m_monitor;
    QHBoxLayout *m_layout;
    QStringList m_names;
    // The accounts with a label of their own, in order.
    QStringList m_labelled;
    QMap<QString, QLabel *> m_labels;
    QMap<QString, QString> m_texts;
    QMap<QString, AccountHealth::State> m_states;
    QLabel *m_summary;
    QTimer m_summaryTimer;
};

} // namespace arr
