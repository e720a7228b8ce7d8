#include "ui/KeepAliveDialog.h"

#include "core/Account.h"
#include "core/Clock.h"
#include "core/SafeText.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QTimeEdit>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace arr {

namespace {

QLineEdit *durationEdit(const QString &name, const QString &accessibleName, QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(name);
    edit->setAccessibleName(accessibleName);
    edit->setPlaceholderText(KeepAliveDialog::tr("H:MM"));
    edit->setMaxLength(16);
    return edit;
}

// "0:30" for half an hour: the form arrsm's options take.
QString hoursMinutes(TimeSpan span)
{
    const qint64 minutes = span.totalMinutes();
    return u"%1:%2"_s.arg(minutes / 60).arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

KeepAliveDialog::KeepAliveDialog(const Target &target, const Clock *clock, QWidget *parent)
    : QDialog(parent)
    , m_target(target)
    , m_clock(clock ? clock : SystemClock::instance())
{
    setObjectName(u"keepAliveDialog"_s);
    setWindowTitle(tr("Keep session alive"));

    auto *intro
        = new QLabel(tr("Keep session <b>%1</b> (%2) running by extending its lease before it runs out, "
                        "up to a limit you set. Nothing is extended beyond the limit or the service's 24 hours.")
                         .arg(safeText(target.sessionId, 80).toHtmlEscaped(),
                             safeText(target.account, MaximumAccountNameLength).toHtmlEscaped()),
            this);
    intro->setWordWrap(true);

    QLayout *form = createForm();

    m_summary = new QLabel(this);
    m_summary->setObjectName(u"keepAliveSummary"_s);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Keep alive"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(u"keepAliveOkButton"_s);
    if (target.current) {
        m_cancelPolicy = m_buttons->addButton(tr("&Stop keeping alive"), QDialogButtonBox::DestructiveRole);
        m_cancelPolicy->setObjectName(u"cancelKeepAliveButton"_s);
        connect(m_cancelPolicy, &QPushButton::clicked, this, [this] {
            Q_EMIT cancelPolicyRequested();
            reject();
        });
    }
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        validate();
        if (m_problem.isEmpty())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_summary);
    layout->addStretch();
    layout->addWidget(m_buttons);

    KeepAliveSpec initial;
    // A first suggestion: two more hours, at most the service's day.
    initial.maxLease = std::min(target.lease.value_or(TimeSpan()) + TimeSpan::fromHours(2), ServiceMaximumLease);
    initial.until = m_clock->now().addSecs(2 * 3600);
    load(target.current.value_or(initial));

    for (QLineEdit *edit : {m_leaseEdit, m_stepEdit, m_beforeEdit})
        connect(edit, &QLineEdit::textChanged, this, &KeepAliveDialog::validate);
    connect(m_untilEdit, &QTimeEdit::timeChanged, this, &KeepAliveDialog::validate);
    connect(m_untilChoice, &QRadioButton::toggled, this, &KeepAliveDialog::validate);
    validate();
}

QLayout *KeepAliveDialog::createForm()
{
    m_untilChoice = new QRadioButton(tr("&Until"), this);
    m_untilChoice->setObjectName(u"keepAliveUntilChoice"_s);
    m_untilEdit = new QTimeEdit(this);
    m_untilEdit->setObjectName(u"keepAliveUntilEdit"_s);
    m_untilEdit->setAccessibleName(tr("Keep alive until (time of day)"));
    m_untilEdit->setDisplayFormat(QLocale().timeFormat(QLocale::ShortFormat));
    m_leaseChoice = new QRadioButton(tr("Up to a total &lease of"), this);
    m_leaseChoice->setObjectName(u"keepAliveLeaseChoice"_s);
    m_leaseEdit = durationEdit(u"keepAliveMaxLeaseEdit"_s, tr("Longest total lease"), this);
    auto *group = new QButtonGroup(this);
    group->addButton(m_untilChoice);
    group->addButton(m_leaseChoice);
    m_stepEdit = durationEdit(u"keepAliveStepEdit"_s, tr("Extend by"), this);
    m_beforeEdit = durationEdit(u"keepAliveBeforeEdit"_s, tr("When less than this is left"), this);

    auto *form = new QFormLayout;
    form->addRow(m_untilChoice, m_untilEdit);
    form->addRow(m_leaseChoice, m_leaseEdit);
    auto *stepLabel = new QLabel(tr("Extend &by:"), this);
    stepLabel->setBuddy(m_stepEdit);
    form->addRow(stepLabel, m_stepEdit);
    auto *beforeLabel = new QLabel(tr("When less than this is &left:"), this);
    beforeLabel->setBuddy(m_beforeEdit);
    form->addRow(beforeLabel, m_beforeEdit);
    return form;
}

void KeepAliveDialog::load(const KeepAliveSpec &spec)
{
    const bool until = spec.bound == KeepAliveSpec::Bound::UntilTime;
    m_untilChoice->setChecked(until);
    m_leaseChoice->setChecked(!until);
    m_untilEdit->setTime(spec.until.isValid() ? spec.until.toLocalTime().time() : QTime(18, 0));
    m_leaseEdit->setText(hoursMinutes(spec.maxLease));
    m_stepEdit->setText(hoursMinutes(spec.step));
    m_beforeEdit->setText(hoursMinutes(spec.before));
}

KeepAliveSpec KeepAliveDialog::spec() const
{
    KeepAliveSpec spec;
    spec.bound = m_untilChoice->isChecked() ? KeepAliveSpec::Bound::UntilTime : KeepAliveSpec::Bound::MaxLease;
    if (spec.bound == KeepAliveSpec::Bound::UntilTime)
        spec.until = KeepAliveSpec::nextOccurrence(m_untilEdit->time(), m_clock->now());
    spec.maxLease = TimeSpan::parseDuration(m_leaseEdit->text()).value_or(TimeSpan());
    spec.step = TimeSpan::parseDuration(m_stepEdit->text()).value_or(TimeSpan());
    spec.before = TimeSpan::parseDuration(m_beforeEdit->text()).value_or(TimeSpan());
    return spec;
}

void KeepAliveDialog::validate()
{
    m_untilEdit->setEnabled(m_untilChoice->isChecked());
    m_leaseEdit->setEnabled(m_leaseChoice->isChecked());
    m_problem.clear();
    const auto check = [this](QLineEdit *edit, const QString &what) {
        QString why;
        if (m_problem.isEmpty() && edit->isEnabled() && !TimeSpan::parseDuration(edit->text(), &why))
            m_problem = tr("%1: %2").arg(what, why);
    };
    check(m_leaseEdit, tr("Total lease"));
    check(m_stepEdit, tr("Extend by"));
    check(m_beforeEdit, tr("Less than"));
    const KeepAliveSpec entered = spec();
    if (m_problem.isEmpty())
        m_problem = entered.validationError();
    if (m_problem.isEmpty() && entered.bound == KeepAliveSpec::Bound::MaxLease && m_target.lease
        && entered.maxLease <= *m_target.lease)
        m_problem = tr("The session's lease is already %1: choose a longer total lease.")
                        .arg(m_target.lease->toDisplayString());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_problem.isEmpty());
    if (!m_problem.isEmpty()) {
        m_summary->setText(m_problem);
        return;
    }
    const QLocale locale;
    if (entered.bound == KeepAliveSpec::Bound::UntilTime) {
        const QDateTime until = entered.until.toLocalTime();
        const bool today = until.date() == m_clock->now().toLocalTime().date();
        m_summary->setText(tr("Extended by %1 whenever less than %2 is left, never past %3; it then stops when its "
                              "lease ends.")
                               .arg(entered.step.toDisplayString(), entered.before.toDisplayString(),
                                   today ? locale.toString(until.time(), QLocale::ShortFormat)
                                         : locale.toString(until, QLocale::ShortFormat)));
    } else {
        m_summary->setText(tr("Extended by %1 whenever less than %2 is left, up to a total lease of %3; it then "
                              "stops when that lease ends.")
                               .arg(entered.step.toDisplayString(), entered.before.toDisplayString(),
                                   entered.maxLease.toDisplayString()));
    }
}

} // namespace arr
