#pragma once

#include "core/Account.h"

#include <QDialog>

#include <memory>

namespace Ui {
class AccountEditDialog;
}

namespace arr {

class AccountManager;

// Adds or edits one account: name, region (from the service's list) or a custom endpoint, token
// service, account id and key. Says what is wrong as the user types, and enables Save only when the
// account can be saved. Saving goes through the AccountManager: settings to the account store, the
// key to the keychain. When saving fails the dialog stays open with everything typed.
class AccountEditDialog : public QDialog
{
    Q_OBJECT

public:
    // `previousName` empty: a new account.
    AccountEditDialog(AccountManager *manager, const QString &previousName, QWidget *parent = nullptr);
    ~AccountEditDialog() override;

    Account account() const;
    QString key() const;
    // Empty when Save is enabled.
    QString problem() const { return m_problem; }
    // The name the account was saved under, once accepted.
    QString savedName() const { return m_savedName; }

    void accept() override;

private:
    void load(const Account &account);
    void onRegionChanged();
    void validate();
    bool isCustomRegion() const;
    // Grows the dialog to the height its wrapped notes need at its width.
    void fitHeightToText();

    std::unique_ptr<Ui::AccountEditDialog> m_ui;
    AccountManager *m_manager;
    QString m_previousName;
    QString m_problem;
    QString m_savedName;
    // The token service was typed by the user: a change of region leaves it alone.
    bool m_tokenEndpointEdited = false;
};

} // namespace arr
