#pragma once

#include <QDialog>

#include <memory>

class QTreeWidgetItem;

namespace Ui {
class AccountsDialog;
}

namespace arr {

class AccountEditDialog;
class AccountManager;
class Prompter;

// Lists the saved accounts: add, edit, remove, enable or disable each, and switch the built-in local
// emulator on or off. Says plainly where keys are kept (keychain, or memory only for this run).
class AccountsDialog : public QDialog
{
    Q_OBJECT

public:
    AccountsDialog(AccountManager *manager, Prompter *prompter, QWidget *parent = nullptr);
    ~AccountsDialog() override;

    // Opens the add dialog (returned for tests; it deletes itself when closed).
    AccountEditDialog *addAccount();
    AccountEditDialog *editAccount(const QString &name);
    // Asks through the prompter, then removes.
    void removeAccount(const QString &name);
    QString selectedName() const;
    void selectAccount(const QString &name);

private:
    void reload();
    void updateButtons();
    void updateKeyStorage();
    AccountEditDialog *openEditor(const QString &name);

    std::unique_ptr<Ui::AccountsDialog> m_ui;
    AccountManager *m_manager;
    Prompter *m_prompter;
    bool m_reloading = false;
};

} // namespace arr
