#pragma once

#include "core/Account.h"
#include "core/JsonCodec.h"

#include <QDialog>

#include <memory>

class QSpinBox;

namespace Ui {
class CreateSessionDialog;
}

namespace arr {

// Asks for what a new session needs: the account, a size (offered from the sizes the account's API
// version knows, or typed), a lease between 1 minute and 24 hours, and models to preload (URLs, each
// checked), and for the 2021-01-01 API an optional session id (a new UUID when left empty). Create is enabled only when
// all of it is valid; until then the dialog says what is wrong.
class CreateSessionDialog : public QDialog
{
    Q_OBJECT

public:
    CreateSessionDialog(const QList<Account> &accounts, QWidget *parent = nullptr);
    ~CreateSessionDialog() override;

    void setAccount(const QString &name);
    void setSize(const QString &size);
    void setLease(TimeSpan lease);

    QString account() const;
    CreateSessionRequest request() const;
    // Empty when Create is enabled.
    QString problem() const { return m_problem; }

    // The checks beyond RequestValidator's that only the dialog's fields need (a number field left
    // empty, several models in one text). Each returns empty when the input is usable.
    static QString leaseProblem(const QSpinBox *hours, const QSpinBox *minutes);
    // One URL per line; blank lines are ignored. `models` receives the URLs when all are valid.
    static QString modelsProblem(const QString &text, QList<QUrl> *models = nullptr);
    static QStringList sizesFor(ApiVersion version);
    // The API version of the chosen account.
    ApiVersion apiVersion() const;

private:
    void onAccountChanged();
    void validate();
    TimeSpan lease() const;

    std::unique_ptr<Ui::CreateSessionDialog> m_ui;
    QList<Account> m_accounts;
    QString m_problem;
};

} // namespace arr
