#include "ui/AccountEditDialog.h"

#include "ui/SessionStyle.h"
#include "ui/WidgetHelpers.h"
#include "ui_AccountEditDialog.h"
#include "workspace/AccountManager.h"

#include "storage/AccountStore.h"

#include <QPushButton>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace arr {

namespace {

QUrl urlFrom(const QString &text)
{
    return QUrl(text.trimmed(), QUrl::StrictMode);
}

} // namespace

AccountEditDialog::AccountEditDialog(AccountManager *manager, const QString &previousName, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::AccountEditDialog>())
    , m_manager(manager)
    , m_previousName(previousName)
{
    m_ui->setupUi(this);
    setWindowTitle(previousName.isEmpty() ? tr("Add account") : tr("Edit account %1").arg(previousName));
    for (const QString &region : knownRegions())
        m_ui->regionCombo->addItem(region, region);
    m_ui->regionCombo->addItem(tr("Custom endpoint…"), QString());
    m_ui->apiVersionCombo->addItem(tr("v1 (2019)"), apiVersionName(ApiVersion::V1));
    m_ui->apiVersionCombo->addItem(tr("2021-01-01 (GA)"), apiVersionName(ApiVersion::Api20210101));
    m_ui->tokenEndpointEdit->setPlaceholderText(defaultTokenEndpoint().toString());

    styleAsProblem(m_ui->problemLabel);

    m_ui->keyStorageLabel->setText(manager->keysArePersistent()
            ? tr("The key is stored in the system keychain, never in a settings file.")
            : tr("No system keychain is available: the key is kept in memory for this run only and must be "
                 "entered again next time. It is never written to a file."));

    const std::optional<Account> existing
        = previousName.isEmpty() ? std::nullopt : manager->store()->find(previousName);
    if (existing) {
        load(*existing);
        m_ui->keyEdit->setPlaceholderText(tr("Leave empty to keep the stored key"));
    } else {
        m_ui->regionCombo->setCurrentIndex(int(knownRegions().indexOf(u"westeurope"_s)));
        onRegionChanged();
        m_ui->keyEdit->setPlaceholderText(tr("The primary or secondary key of the account"));
    }

    connect(m_ui->regionCombo, &QComboBox::currentIndexChanged, this, [this] {
        onRegionChanged();
        validate();
    });
    connect(m_ui->tokenEndpointEdit, &QLineEdit::textEdited, this, [this] { m_tokenEndpointEdited = true; });
    connect(m_ui->showKeyBox, &QCheckBox::toggled, this,
        [this](bool show) { m_ui->keyEdit->setEchoMode(show ? QLineEdit::Normal : QLineEdit::Password); });
    for (QLineEdit *edit :
        {m_ui->nameEdit, m_ui->endpointEdit, m_ui->tokenEndpointEdit, m_ui->accountIdEdit, m_ui->keyEdit})
        connect(edit, &QLineEdit::textChanged, this, &AccountEditDialog::validate);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &AccountEditDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    validate();
    fitHeightToText();
}

AccountEditDialog::~AccountEditDialog() = default;

void AccountEditDialog::fitHeightToText()
{
    // Qt sizes a window from its layout's minimum, which leaves out how tall the wrapped notes are
    // at the window's width: without this, the keychain note is cut off after two lines.
    const int needed = heightForWidth(width());
    if (needed > height())
        resize(width(), needed);
}

void AccountEditDialog::load(const Account &account)
{
    m_ui->nameEdit->setText(account.name);
    m_ui->accountIdEdit->setText(account.accountId);
    m_ui->enabledBox->setChecked(account.enabled);
    m_ui->readOnlyBox->setChecked(account.readOnly);
    m_ui->budgetSpin->setValue(account.dailyBudget);
    m_ui->longRunningSpin->setValue(account.longRunningHours);
    m_ui->apiVersionCombo->setCurrentIndex(
        std::max(0, m_ui->apiVersionCombo->findData(apiVersionName(account.apiVersion))));
    int regionIndex = m_ui->regionCombo->count() - 1;
    const QStringList regions = knownRegions();
    for (int i = 0; i < regions.size(); ++i) {
        if (regionEndpoint(regions.at(i)) == account.endpoint)
            regionIndex = i;
    }
    const QSignalBlocker blocker(m_ui->regionCombo);
    m_ui->regionCombo->setCurrentIndex(regionIndex);
    onRegionChanged();
    m_ui->endpointEdit->setText(account.endpoint.toString());
    m_ui->tokenEndpointEdit->setText(account.tokenEndpoint.toString());
    // A token service other than the region's default was chosen on purpose: keep it.
    m_tokenEndpointEdited
        = isCustomRegion() || account.tokenEndpoint != regionTokenEndpoint(regions.value(regionIndex));
}

bool AccountEditDialog::isCustomRegion() const
{
    return m_ui->regionCombo->currentData().toString().isEmpty();
}

void AccountEditDialog::onRegionChanged()
{
    const QString region = m_ui->regionCombo->currentData().toString();
    const bool custom = region.isEmpty();
    m_ui->endpointEdit->setReadOnly(!custom);
    if (custom) {
        m_ui->endpointEdit->setFocus();
        if (!m_tokenEndpointEdited && m_ui->tokenEndpointEdit->text().isEmpty())
            m_ui->tokenEndpointEdit->setText(defaultTokenEndpoint().toString());
        return;
    }
    m_ui->endpointEdit->setText(regionEndpoint(region).toString());
    if (!m_tokenEndpointEdited)
        m_ui->tokenEndpointEdit->setText(regionTokenEndpoint(region).toString());
}

Account AccountEditDialog::account() const
{
    Account account;
    account.name = m_ui->nameEdit->text().trimmed();
    account.endpoint = urlFrom(m_ui->endpointEdit->text());
    account.tokenEndpoint = urlFrom(m_ui->tokenEndpointEdit->text());
    account.accountId = m_ui->accountIdEdit->text().trimmed();
    account.enabled = m_ui->enabledBox->isChecked();
    account.readOnly = m_ui->readOnlyBox->isChecked();
    account.dailyBudget = m_ui->budgetSpin->value();
    account.longRunningHours = m_ui->longRunningSpin->value();
    account.apiVersion = parseApiVersion(m_ui->apiVersionCombo->currentData().toString()).value_or(ApiVersion::V1);
    return account;
}

QString AccountEditDialog::key() const
{
    return m_ui->keyEdit->text().trimmed();
}

void AccountEditDialog::validate()
{
    m_problem = m_manager->validate(account(), m_previousName, key());
    m_ui->problemLabel->setText(m_problem);
    m_ui->problemLabel->setVisible(!m_problem.isEmpty());
    m_ui->buttonBox->button(QDialogButtonBox::Save)->setEnabled(m_problem.isEmpty());
    fitHeightToText();
}

void AccountEditDialog::accept()
{
    validate();
    if (!m_problem.isEmpty())
        return;
    const Account edited = account();
    const QString problem = m_manager->saveAccount(edited, m_previousName, key());
    if (!problem.isEmpty()) {
        // Nothing typed is lost: the dialog stays open and says why.
        m_problem = problem;
        m_ui->problemLabel->setText(problem);
        m_ui->problemLabel->show();
        fitHeightToText();
        return;
    }
    m_savedName = edited.name;
    // The key leaves the widget as soon as it is stored.
    m_ui->keyEdit->clear();
    QDialog::accept();
}

} // namespace arr
