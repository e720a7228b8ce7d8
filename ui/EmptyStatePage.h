#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace arr {

// What the window shows instead of an empty table: no account yet (add one, or try the local
// emulator), no answer yet, or no session (start one). The buttons say what was asked for.
class EmptyStatePage : public QWidget
{
    Q_OBJECT

public:
    explicit EmptyStatePage(QWidget *parent = nullptr);

    void showNoAccounts(bool canUseEmulator);
    void showWaitingForAnswer(bool canUseEmulator);
    // Nothing is asked: no account can be polled as set up (`account` is the first such, `reason`
    // what is wrong with it, such as its missing key). Offers to edit it.
    void showAccountNeedsFixing(const QString &account, const QString &reason, bool canUseEmulator);
    // The account the edit button is for.
    // `newSessionShortcut` as shown to the user ("Ctrl+N").
    void showNoSessions(bool canUseEmulator, const QString &newSessionShortcut);

Q_SIGNALS:
    void addAccountClicked();
    void emulatorClicked();
    void newSessionClicked();
    void editAccountClicked(const QString &account);

private:
    QLabel *m_headline;
    QLabel *m_text;
    QPushButton *m_addAccount;
    QPushButton *m_emulator;
    QPushButton *m_newSession;
    QPushButton *m_editAccount;
    QString m_accountToFix;
};

} // namespace arr
