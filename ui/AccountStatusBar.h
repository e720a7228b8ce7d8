#pragma once

#include "monitor/SessionMonitor.h"

#include <QMap>
#include <QWidget>

class QHBoxLayout;
class QLabel;

namespace arr {

// One entry per monitored account for the status bar: its state in words (healthy, backing off,
// failing to authenticate, …) with a coloured mark, and the time of its last good poll; the last
// error, with its MS-CV, in the tooltip.
class AccountStatusBar : public QWidget
{
    Q_OBJECT

public:
    AccountStatusBar(SessionMonitor *monitor, QWidget *parent = nullptr);

    // Shows these accounts, in this order, each in the monitor's current state.
    void setAccounts(const QStringList &names);
    void updateHealth(const QString &account, const AccountHealth &health);

    // The plain text shown for an account (for tests and accessibility).
    QString textFor(const QString &account) const;
    static QString describe(const QString &account, const AccountHealth &health);

private:
    SessionMonitor *m_monitor;
    QHBoxLayout *m_layout;
    QMap<QString, QLabel *> m_labels;
    QMap<QString, QString> m_texts;
};

} // namespace arr
