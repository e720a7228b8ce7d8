#pragma once

#include "core/Account.h"
#include "core/Cost.h"
#include "storage/HistoryLocation.h"

#include <QDialog>

#include <memory>
#include <optional>

namespace Ui {
class PreferencesDialog;
}

namespace arr {

class Settings;
class TeamHistoryForm;

// The app's preferences: poll interval, the remaining-lease thresholds (amber, red), how long before
// a lease ends to warn, whether to notify at all, the window's language (from the next start), the
// prices per hour (a currency, a price per size for all accounts and, per account, the prices
// negotiated for it), and where the history is kept (this computer, or a team's database; from the
// next start). Writes to Settings on OK;
// the caller applies.
class PreferencesDialog : public QDialog
{
    Q_OBJECT

public:
    // `accounts`: the saved accounts, by whose identity their own prices are kept.
    PreferencesDialog(Settings *settings, const QList<Account> &accounts, QWidget *parent = nullptr);
    ~PreferencesDialog() override;

    // The accounts whose prices can be set apart and the sizes the service has reported, listed
    // beside the known ones.
    void setAccounts(const QStringList &accounts, const QStringList &sizesSeen);
    // Shows these prices read-only and never saves any (the demo's example prices).
    void showExamplePrices(const Pricing &examples);

    QString problem() const { return m_problem; }
    // After OK: the team database chosen and the password typed for it, when one was, for the caller
    // to keep in the keychain.
    HistoryLocation teamHistory() const;
    std::optional<QString> teamPassword() const;
    void accept() override;

private:
    void validate();
    // "System" and each language the window can speak, `current` (a code, "" for the system's) chosen.
    void fillLanguages(const QString &current);
    void fillPriceTable();
    // Reads the table into the prices of the scope it shows; a problem sentence when a cell is not a price.
    QString readPriceTable();
    QString scopeAccount() const;

    std::unique_ptr<Ui::PreferencesDialog> m_ui;
    Settings *m_settings;
    QList<Account> m_savedAccounts;
    QString m_problem;
    Pricing m_pricing;
    QStringList m_sizes;
    // The scope the table shows: "" for all accounts, else an account name.
    QString m_tableScope;
    bool m_examples = false;
    TeamHistoryForm *m_teamHistory;
};

} // namespace arr
