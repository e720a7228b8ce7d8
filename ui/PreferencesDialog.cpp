#include "ui/PreferencesDialog.h"

#include "storage/Settings.h"
#include "ui/SessionStyle.h"
#include "ui/TeamHistoryForm.h"
#include "ui/WidgetHelpers.h"
#include "ui_PreferencesDialog.h"

#include <QHash>
#include <QHeaderView>
#include <QLocale>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTableWidgetItem>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace arr {

PreferencesDialog::PreferencesDialog(Settings *settings, const QList<Account> &accounts, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::PreferencesDialog>())
    , m_settings(settings)
    , m_savedAccounts(accounts)
{
    m_ui->setupUi(this);
    m_teamHistory = new TeamHistoryForm(m_ui->historyTab);
    m_ui->historyTabLayout->addWidget(m_teamHistory);
    m_teamHistory->setTeamUrl(settings->value(Settings::Key::HistoryTeamUrl).toString());
    connect(m_teamHistory, &TeamHistoryForm::edited, this, [this] { validate(); });
    m_ui->pollSpin->setMinimum(Settings::MinimumPollIntervalSeconds);
    m_ui->pollSpin->setValue(settings->pollIntervalSeconds());
    m_ui->warningSpin->setValue(settings->warningThresholdMinutes());
    m_ui->criticalSpin->setValue(settings->criticalThresholdMinutes());
    m_ui->expirySpin->setValue(settings->expiryNotificationMinutes());
    m_ui->notificationsBox->setChecked(settings->value(Settings::Key::NotificationsEnabled).toBool());
    m_ui->pollSpin->setToolTip(tr("The service asks clients to keep at least %1 seconds between calls.")
                                   .arg(Settings::MinimumPollIntervalSeconds));
    styleAsProblem(m_ui->problemLabel);
    fillLanguages(settings->language());

    m_pricing = settings->pricing(m_savedAccounts);
    m_ui->currencyEdit->setText(m_pricing.defaults.currency);
    m_ui->priceScopeCombo->addItem(tr("All accounts"), QString());
    setAccounts({}, {});
    m_ui->priceTable->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    connect(m_ui->priceScopeCombo, &QComboBox::currentIndexChanged, this, [this] {
        readPriceTable();
        fillPriceTable();
        validate();
    });
    connect(m_ui->priceTable, &QTableWidget::itemChanged, this, [this] { validate(); });
    connect(m_ui->currencyEdit, &QLineEdit::textEdited, this, [this] { validate(); });

    for (QSpinBox *spin : {m_ui->pollSpin, m_ui->warningSpin, m_ui->criticalSpin, m_ui->expirySpin})
        whenSpinBoxEdited(spin, this, [this] { validate(); });
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    validate();
}

PreferencesDialog::~PreferencesDialog() = default;

void PreferencesDialog::fillLanguages(const QString &current)
{
    m_ui->languageCombo->addItem(tr("System"), QString());
    // Each language in its own words, so that a person who cannot read the current one finds theirs.
    // (QLocale's native names are of a country's variant: "American English".)
    const QHash<QString, QString> names{{u"en"_s, u"English"_s}, {u"de"_s, u"Deutsch"_s}};
    for (const QString &code : Settings::languages())
        m_ui->languageCombo->addItem(names.value(code, QLocale(code).nativeLanguageName()), code);
    m_ui->languageCombo->setCurrentIndex(std::max(0, m_ui->languageCombo->findData(current)));
}

void PreferencesDialog::setAccounts(const QStringList &accounts, const QStringList &sizesSeen)
{
    readPriceTable();
    QStringList sizes = knownSessionSizes();
    for (QStringList extra : {sizesSeen, m_pricing.defaults.hourly.keys()}) {
        for (const QString &size : extra) {
            if (!size.isEmpty() && !sizes.contains(size, Qt::CaseInsensitive))
                sizes.append(size.toLower());
        }
    }
    for (const PriceList &list : std::as_const(m_pricing.accountOverrides)) {
        for (const QString &size : list.hourly.keys()) {
            if (!sizes.contains(size, Qt::CaseInsensitive))
                sizes.append(size);
        }
    }
    m_sizes = sizes;
    const QSignalBlocker blocker(m_ui->priceScopeCombo);
    while (m_ui->priceScopeCombo->count() > 1)
        m_ui->priceScopeCombo->removeItem(1);
    QStringList names = accounts;
    for (const QString &name : m_pricing.accountOverrides.keys()) {
        if (!names.contains(name))
            names.append(name);
    }
    for (const QString &name : std::as_const(names))
        m_ui->priceScopeCombo->addItem(name, name);
    const int current = m_ui->priceScopeCombo->findData(m_tableScope);
    m_ui->priceScopeCombo->setCurrentIndex(std::max(0, current));
    fillPriceTable();
}

void PreferencesDialog::showExamplePrices(const Pricing &examples)
{
    m_examples = true;
    m_pricing = examples;
    m_ui->currencyEdit->setText(examples.defaults.currency);
    m_ui->currencyEdit->setReadOnly(true);
    m_ui->priceTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_teamHistory->setUnavailable(tr("No history is kept in demo mode: its sessions are made up."));
    fillPriceTable();
}

QString PreferencesDialog::scopeAccount() const
{
    return m_ui->priceScopeCombo->currentData().toString();
}

void PreferencesDialog::fillPriceTable()
{
    m_tableScope = scopeAccount();
    const QSignalBlocker blocker(m_ui->priceTable);
    const PriceList list = m_tableScope.isEmpty() ? m_pricing.defaults : m_pricing.accountOverrides.value(m_tableScope);
    const QLocale locale;
    m_ui->priceTable->setRowCount(int(m_sizes.size()));
    for (int row = 0; row < m_sizes.size(); ++row) {
        auto *size = new QTableWidgetItem(m_sizes.at(row));
        size->setFlags(Qt::ItemIsEnabled);
        m_ui->priceTable->setItem(row, 0, size);
        const auto price = list.hourlyPrice(m_sizes.at(row));
        auto *cell = new QTableWidgetItem(price ? locale.toString(*price, 'f', 2) : QString());
        cell->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_ui->priceTable->setItem(row, 1, cell);
    }
    if (m_examples)
        m_ui->priceNoteLabel->setText(tr("The demo uses these example prices; they are not saved."));
    else if (m_tableScope.isEmpty())
        m_ui->priceNoteLabel->setText(tr("Leave a price empty to show that size's cost as billed hours."));
    else
        m_ui->priceNoteLabel->setText(
            tr("Prices negotiated for %1; an empty one uses the price for all accounts.").arg(m_tableScope));
}

QString PreferencesDialog::readPriceTable()
{
    if (m_examples || m_ui->priceTable->rowCount() == 0)
        return {};
    PriceList list;
    if (m_tableScope.isEmpty())
        list.currency = m_pricing.defaults.currency;
    QString problem;
    const QLocale locale;
    for (int row = 0; row < m_ui->priceTable->rowCount(); ++row) {
        const QTableWidgetItem *sizeItem = m_ui->priceTable->item(row, 0);
        const QTableWidgetItem *priceItem = m_ui->priceTable->item(row, 1);
        if (!sizeItem || !priceItem)
            continue;
        const QString text = priceItem->text().trimmed();
        if (text.isEmpty())
            continue;
        bool ok = false;
        double price = locale.toDouble(text, &ok);
        if (!ok)
            price = QLocale::c().toDouble(text, &ok);
        if (!ok || !std::isfinite(price) || price < 0) {
            if (problem.isEmpty())
                problem = tr("The price for %1 is not a number of zero or more.").arg(sizeItem->text());
            continue;
        }
        list.hourly.insert(sizeItem->text().toLower(), price);
    }
    if (m_tableScope.isEmpty())
        m_pricing.defaults = list;
    else if (list.isEmpty())
        m_pricing.accountOverrides.remove(m_tableScope);
    else
        m_pricing.accountOverrides.insert(m_tableScope, list);
    return problem;
}

void PreferencesDialog::validate()
{
    QString problem;
    for (QSpinBox *spin : {m_ui->pollSpin, m_ui->warningSpin, m_ui->criticalSpin, m_ui->expirySpin}) {
        if (!spin->hasAcceptableInput()) {
            problem = tr("Enter every value as a whole number within its range.");
            break;
        }
    }
    if (problem.isEmpty())
        problem = readPriceTable();
    const QString currency = m_ui->currencyEdit->text().trimmed();
    if (problem.isEmpty() && !m_examples && !currency.isEmpty()
        && (currency.size() != 3 || !std::all_of(currency.begin(), currency.end(), [](QChar c) {
               return c.isLetter() && c.unicode() < 128;
           })))
        problem = tr("Enter the currency as its three-letter ISO code (EUR, USD), or leave it empty.");
    if (problem.isEmpty() && !m_examples)
        problem = m_teamHistory->problem();
    if (problem.isEmpty() && m_ui->criticalSpin->value() > m_ui->warningSpin->value())
        problem = tr("The red threshold (%1 min) must not be above the amber one (%2 min).")
                      .arg(m_ui->criticalSpin->value())
                      .arg(m_ui->warningSpin->value());
    m_problem = problem;
    m_ui->problemLabel->setText(problem);
    m_ui->problemLabel->setVisible(!problem.isEmpty());
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

void PreferencesDialog::accept()
{
    validate();
    if (!m_problem.isEmpty())
        return;
    m_settings->setValue(Settings::Key::PollIntervalSeconds, m_ui->pollSpin->value());
    m_settings->setValue(Settings::Key::WarningThresholdMinutes, m_ui->warningSpin->value());
    m_settings->setValue(Settings::Key::CriticalThresholdMinutes, m_ui->criticalSpin->value());
    m_settings->setValue(Settings::Key::ExpiryNotificationMinutes, m_ui->expirySpin->value());
    m_settings->setValue(Settings::Key::NotificationsEnabled, m_ui->notificationsBox->isChecked());
    m_settings->setLanguage(m_ui->languageCombo->currentData().toString());
    if (!m_examples) {
        m_pricing.defaults.currency = m_ui->currencyEdit->text().trimmed().toUpper();
        m_settings->setPricing(m_pricing, m_savedAccounts);
        m_settings->setValue(Settings::Key::HistoryTeamUrl, m_teamHistory->teamUrl());
    }
    QDialog::accept();
}

HistoryLocation PreferencesDialog::teamHistory() const
{
    return m_teamHistory->location();
}

std::optional<QString> PreferencesDialog::teamPassword() const
{
    return m_examples ? std::nullopt : m_teamHistory->password();
}

} // namespace arr
