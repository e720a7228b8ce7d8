#include "ui/TeamHistoryForm.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace arr {

namespace {

// PostgreSQL's own port: shown as "default" (the URL leaves it out).
constexpr int DefaultPort = 5432;

} // namespace

TeamHistoryForm::TeamHistoryForm(QWidget *parent)
    : QWidget(parent)
    , m_local(new QRadioButton(tr("On this &computer"), this))
    , m_team(new QRadioButton(tr("&Shared with a team, in a PostgreSQL database"), this))
    , m_host(new QLineEdit(this))
    , m_port(new QSpinBox(this))
    , m_database(new QLineEdit(this))
    , m_user(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_tls(new QComboBox(this))
{
    m_local->setObjectName(u"localHistoryRadio"_s);
    m_team->setObjectName(u"teamHistoryRadio"_s);
    m_host->setObjectName(u"teamHostEdit"_s);
    m_host->setPlaceholderText(tr("db.example.com"));
    m_port->setObjectName(u"teamPortSpin"_s);
    m_port->setRange(1, 65535);
    m_port->setValue(DefaultPort);
    m_database->setObjectName(u"teamDatabaseEdit"_s);
    m_database->setPlaceholderText(tr("arr_history"));
    m_user->setObjectName(u"teamUserEdit"_s);
    m_user->setPlaceholderText(tr("your login name"));
    m_password->setObjectName(u"teamPasswordEdit"_s);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("unchanged"));
    m_password->setToolTip(tr("Kept in the system keychain, never in a file. Leave it empty to keep the one "
                              "saved; libpq's PGPASSWORD and ~/.pgpass work too."));
    m_tls->setObjectName(u"teamTlsCombo"_s);
    m_tls->addItem(tr("TLS when the server offers it (prefer)"), QString());
    m_tls->addItem(tr("TLS required (require)"), u"require"_s);
    m_tls->addItem(tr("TLS, the server's certificate verified (verify-full)"), u"verify-full"_s);
    m_tls->addItem(tr("No TLS (disable)"), u"disable"_s);

    auto *form = new QFormLayout;
    const auto row = [&](const QString &label, QWidget *field) {
        auto *name = new QLabel(label, this);
        name->setBuddy(field);
        form->addRow(name, field);
        m_teamFields << name << field;
    };
    row(tr("Se&rver:"), m_host);
    row(tr("P&ort:"), m_port);
    row(tr("&Database:"), m_database);
    row(tr("&User:"), m_user);
    row(tr("Pass&word:"), m_password);
    row(tr("&TLS:"), m_tls);
    m_note = new QLabel(tr("Everyone's windows and watchers that use the same database see the same history, "
                           "who did what, and the team's spend. Copy this computer's history into it from the "
                           "History window."),
        this);
    m_note->setObjectName(u"teamHistoryNote"_s);
    m_note->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_local);
    layout->addWidget(m_team);
    layout->addLayout(form);
    layout->addWidget(m_note);
    layout->addStretch();
    m_local->setChecked(true);

    for (QLineEdit *edit : {m_host, m_database, m_user})
        connect(edit, &QLineEdit::textEdited, this, &TeamHistoryForm::edited);
    connect(m_password, &QLineEdit::textEdited, this, [this] {
        m_passwordEdited = true;
        Q_EMIT edited();
    });
    connect(m_port, &QSpinBox::valueChanged, this, &TeamHistoryForm::edited);
    connect(m_tls, &QComboBox::currentIndexChanged, this, &TeamHistoryForm::edited);
    connect(m_team, &QRadioButton::toggled, this, [this] {
        updateEnabled();
        Q_EMIT edited();
    });
    updateEnabled();
}

void TeamHistoryForm::updateEnabled()
{
    for (QWidget *field : std::as_const(m_teamFields))
        field->setEnabled(m_team->isChecked() && m_team->isEnabled());
}

void TeamHistoryForm::setTeamUrl(const QString &url)
{
    const HistoryLocation location = HistoryLocation::fromUrl(url);
    const bool team = !url.trimmed().isEmpty();
    (team ? m_team : m_local)->setChecked(true);
    if (!location.isTeam())
        return;
    m_host->setText(location.host());
    m_port->setValue(location.port() > 0 ? location.port() : DefaultPort);
    m_database->setText(location.database());
    m_user->setText(location.user());
    m_tls->setCurrentIndex(std::max(0, m_tls->findData(location.sslMode())));
    // A mode the form does not offer (allow, verify-ca) is kept as the URL has it.
    if (m_tls->findData(location.sslMode()) < 0 && !location.sslMode().isEmpty()) {
        m_tls->addItem(location.sslMode(), location.sslMode());
        m_tls->setCurrentIndex(m_tls->count() - 1);
    }
}

HistoryLocation TeamHistoryForm::location() const
{
    if (!m_team->isChecked())
        return HistoryLocation::file({});
    return HistoryLocation::postgres(m_host->text(), m_port->value() == DefaultPort ? -1 : m_port->value(),
        m_database->text(), m_user->text(), m_tls->currentData().toString());
}

QString TeamHistoryForm::teamUrl() const
{
    const HistoryLocation team = location();
    return team.isTeam() ? team.displayName() : QString();
}

std::optional<QString> TeamHistoryForm::password() const
{
    if (!m_passwordEdited || m_password->text().isEmpty() || !m_team->isChecked())
        return std::nullopt;
    return m_password->text();
}

void TeamHistoryForm::setUnavailable(const QString &why)
{
    m_local->setEnabled(false);
    m_team->setEnabled(false);
    for (QWidget *field : std::as_const(m_teamFields))
        field->setEnabled(false);
    m_note->setText(why);
}

QString TeamHistoryForm::problem() const
{
    return m_team->isChecked() ? location().error() : QString();
}

} // namespace arr
