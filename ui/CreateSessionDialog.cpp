#include "ui/CreateSessionDialog.h"

#include "core/RequestValidator.h"
#include "ui/SessionStyle.h"
#include "ui/WidgetHelpers.h"
#include "ui_CreateSessionDialog.h"

#include <QPushButton>

using namespace Qt::StringLiterals;

namespace arr {

CreateSessionDialog::CreateSessionDialog(const QList<Account> &accounts, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::CreateSessionDialog>())
    , m_accounts(accounts)
{
    m_ui->setupUi(this);
    setWindowIcon(style::icon(u"new-session"_s));
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("&Create"));
    for (const Account &account : accounts)
        m_ui->accountCombo->addItem(account.name, account.name);
    m_ui->modelsEdit->setPlaceholderText(
        tr("Optional: models to preload, one URL per line, e.g.\nhttps://account.blob.core.windows.net/models/"
           "engine.arrAsset"));
    styleAsProblem(m_ui->problemLabel);
    m_ui->noteLabel->setEnabled(false);
    onAccountChanged();

    connect(m_ui->accountCombo, &QComboBox::currentIndexChanged, this, [this] {
        onAccountChanged();
        validate();
    });
    connect(m_ui->sizeCombo, &QComboBox::currentTextChanged, this, &CreateSessionDialog::validate);
    whenSpinBoxEdited(m_ui->leaseHoursSpin, this, [this] { validate(); });
    whenSpinBoxEdited(m_ui->leaseMinutesSpin, this, [this] { validate(); });
    connect(m_ui->modelsEdit, &QPlainTextEdit::textChanged, this, &CreateSessionDialog::validate);
    connect(m_ui->sessionIdEdit, &QLineEdit::textChanged, this, &CreateSessionDialog::validate);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, [this] {
        validate();
        if (m_problem.isEmpty())
            accept();
    });
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    validate();
}

CreateSessionDialog::~CreateSessionDialog() = default;

QStringList CreateSessionDialog::sizesFor(ApiVersion version)
{
    switch (version) {
    case ApiVersion::V1:
        // v1 served both eras: standard/premium from 2020, small/big before.
        return knownSessionSizes();
    case ApiVersion::Api20210101:
        return {u"Standard"_s, u"Premium"_s};
    }
    return knownSessionSizes();
}

ApiVersion CreateSessionDialog::apiVersion() const
{
    for (const Account &account : m_accounts) {
        if (account.name == m_ui->accountCombo->currentData().toString())
            return account.apiVersion;
    }
    return ApiVersion::V1;
}

void CreateSessionDialog::onAccountChanged()
{
    const QString typed = m_ui->sizeCombo->currentText();
    const ApiVersion version = apiVersion();
    // v1 names sessions itself and takes models at create; 2021-01-01 lets the client name the session
    // and loads models from the rendering client.
    const bool ga = version == ApiVersion::Api20210101;
    m_ui->sessionIdEdit->setEnabled(ga);
    m_ui->sessionIdEdit->setPlaceholderText(
        ga ? tr("Optional: letters, digits, - and _; a new UUID when empty") : tr("Named by the service (v1 API)"));
    m_ui->modelsEdit->setEnabled(!ga);
    const QSignalBlocker blocker(m_ui->sizeCombo);
    m_ui->sizeCombo->clear();
    m_ui->sizeCombo->addItems(sizesFor(version));
    if (!typed.isEmpty())
        m_ui->sizeCombo->setCurrentText(typed);
}

void CreateSessionDialog::setAccount(const QString &name)
{
    const int index = m_ui->accountCombo->findData(name);
    if (index >= 0)
        m_ui->accountCombo->setCurrentIndex(index);
}

void CreateSessionDialog::setSize(const QString &size)
{
    if (!size.isEmpty())
        m_ui->sizeCombo->setCurrentText(size);
}

void CreateSessionDialog::setLease(TimeSpan lease)
{
    if (lease < MinimumLease || lease > MaximumLease)
        return;
    m_ui->leaseHoursSpin->setValue(int(lease.totalMinutes() / 60));
    m_ui->leaseMinutesSpin->setValue(int(lease.totalMinutes() % 60));
}

QString CreateSessionDialog::account() const
{
    return m_ui->accountCombo->currentData().toString();
}

TimeSpan CreateSessionDialog::lease() const
{
    return TimeSpan::fromHours(m_ui->leaseHoursSpin->value()) + TimeSpan::fromMinutes(m_ui->leaseMinutesSpin->value());
}

CreateSessionRequest CreateSessionDialog::request() const
{
    CreateSessionRequest request;
    request.maxLease = lease();
    request.size = m_ui->sizeCombo->currentText().trimmed();
    if (apiVersion() == ApiVersion::Api20210101)
        request.sessionId = m_ui->sessionIdEdit->text().trimmed();
    else
        modelsProblem(m_ui->modelsEdit->toPlainText(), &request.models);
    return request;
}

QString CreateSessionDialog::leaseProblem(const QSpinBox *hours, const QSpinBox *minutes)
{
    if (!hours->hasAcceptableInput())
        return tr("Enter the lease hours as a whole number.");
    if (!minutes->hasAcceptableInput())
        return tr("Enter the lease minutes as a whole number from 0 to 59.");
    return RequestValidator::checkLease(TimeSpan::fromHours(hours->value()) + TimeSpan::fromMinutes(minutes->value()))
        .sentence;
}

QString CreateSessionDialog::modelsProblem(const QString &text, QList<QUrl> *models)
{
    QList<QUrl> urls;
    const QStringList lines = text.split(u'\n');
    for (const QString &typed : lines) {
        const QString line = typed.trimmed();
        if (line.isEmpty())
            continue;
        QUrl url;
        if (const RequestVerdict verdict = RequestValidator::checkModel(line, &url); !verdict.ok())
            return verdict.sentence;
        urls.append(url);
    }
    if (models)
        *models = urls;
    return {};
}

void CreateSessionDialog::validate()
{
    QString problem;
    if (m_ui->accountCombo->count() == 0)
        problem = tr("There is no account to create a session in: add one under Accounts first.");
    if (problem.isEmpty())
        problem = RequestValidator::checkSize(m_ui->sizeCombo->currentText()).sentence;
    if (problem.isEmpty())
        problem = leaseProblem(m_ui->leaseHoursSpin, m_ui->leaseMinutesSpin);
    const bool ga = apiVersion() == ApiVersion::Api20210101;
    if (problem.isEmpty() && !ga)
        problem = modelsProblem(m_ui->modelsEdit->toPlainText());
    const QString sessionId = m_ui->sessionIdEdit->text().trimmed();
    if (problem.isEmpty() && ga && !sessionId.isEmpty())
        problem = RequestValidator::checkSessionId(sessionId, SessionIdRule::Api20210101).sentence;
    m_problem = problem;
    m_ui->problemLabel->setText(problem);
    m_ui->problemLabel->setVisible(!problem.isEmpty());
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());

    // A size outside the known list is allowed (the service may have added one), but said.
    const QString size = m_ui->sizeCombo->currentText().trimmed();
    const bool known = RequestValidator::knownSize(size).has_value();
    const QString note = RequestValidator::checkSize(size).ok() && !known
        ? tr("\"%1\" is not a size this API version is known to offer; the service may refuse it.").arg(size)
        : QString();
    m_ui->noteLabel->setText(note);
    m_ui->noteLabel->setVisible(!note.isEmpty());
}

} // namespace arr
