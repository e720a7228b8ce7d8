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
    // `newSessionShortcut` as shown to the user ("Ctrl+N").
    void showNoSessions(bool canUseEmulator, const QString &newSessionShortcut);

Q_SIGNALS:
    void addAccountClicked();
    void emulatorClicked();
    void newSessionClicked();

private:
    QLabel *m_headline;
    QLabel *m_text;
    QPushButton *m_addAccount;
    QPushButton *m_emulator;
    QPushButton *m_newSession;
};

} // namespace arr
