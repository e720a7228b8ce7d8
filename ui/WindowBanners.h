#pragma once

#include <QDateTime>
#include <QMap>
#include <QObject>
#include <QStringList>

#include <functional>

class QBoxLayout;
class QWidget;

namespace arr {

class MessageBar;
class SessionTableModel;
class Workspace;

// The message bars above the sessions: demo mode, a keychain that is missing, the accounts' problems
// (one line for a problem many share, each account behind Details), accounts that stopped answering
// (their rows marked stale until their next good poll, with "Retry now"), the session history being
// off or its damaged file replaced, and the bar notifications
// use when there is no system tray. Each bar says a thing once and goes when it is no longer true.
class WindowBanners : public QObject
{
    Q_OBJECT

public:
    // `showAccounts` opens the accounts dialog (the problems bar's button).
    WindowBanners(Workspace *workspace, SessionTableModel *model, std::function<void()> showAccounts, QWidget *parent);

    // Puts the bars, in their order, at the end of `layout`.
    void addTo(QBoxLayout *layout);
    MessageBar *notificationBar() const { return m_notificationBar; }

private:
    void updateAccountBars();
    // Marks the rows of an account that stopped answering as stale, and clears the mark at its next
    // good poll; the unreachable bar names every such account.
    void onAccountHealthChanged(const QString &account);
    void onAccountsChanged();
    void updateUnreachableBar();
    // History turned off, or a damaged file replaced: everything else goes on, and the bar says so.
    void showHistoryProblem(const QString &problem);

    Workspace *m_workspace;
    SessionTableModel *m_model;
    std::function<void()> m_showAccounts;
    MessageBar *m_demoBar;
    // The whole window only watches: --read-only, or another window runs on the same settings.
    MessageBar *m_watchOnlyBar;
    MessageBar *m_keyStorageBar;
    MessageBar *m_problemsBar;
    MessageBar *m_unreachableBar;
    MessageBar *m_historyBar;
    MessageBar *m_notificationBar;
    // Problems the user dismissed; the bar comes back only when the list changes.
    QStringList m_dismissedProblems;
    // Accounts not answering, with when their next poll is due (the clock's time at the last change
    // plus the monitor's wait).
    QMap<QString, QDateTime> m_unreachable;
};

} // namespace arr
