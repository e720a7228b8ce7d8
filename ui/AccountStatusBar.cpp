#include "ui/AccountStatusBar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace arr {

namespace {

QColor colorFor(AccountHealth::State state)
{
    switch (state) {
    case AccountHealth::State::Healthy:
        return QColor(0x1a, 0x7f, 0x37);
    case AccountHealth::State::Connecting:
        return QColor(0x09, 0x69, 0xda);
    case AccountHealth::State::BackingOff:
    case AccountHealth::State::Offline:
        return QColor(0xbf, 0x87, 0x00);
    case AccountHealth::State::AuthenticationFailing:
    case AccountHealth::State::Misconfigured:
        return QColor(0xcf, 0x22, 0x2e);
    }
    return QColor(Qt::gray);
}

QString timeText(const QDateTime &time)
{
    return QLocale().toString(time.toLocalTime().time(), QLocale::ShortFormat);
}

} // namespace

AccountStatusBar::AccountStatusBar(SessionMonitor *monitor, QWidget *parent)
    : QWidget(parent)
    , m_monitor(monitor)
    , m_layout(new QHBoxLayout(this))
    , m_summary(new QLabel(this))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(16);
    m_summary->setObjectName(u"accountSummary"_s);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->hide();
    m_layout->addWidget(m_summary);
    // Many accounts change state at once (start-up, the network returning): one recount for all.
    m_summaryTimer.setSingleShot(true);
    m_summaryTimer.setInterval(0);
    connect(&m_summaryTimer, &QTimer::timeout, this, &AccountStatusBar::updateSummary);
    connect(monitor, &SessionMonitor::accountHealthChanged, this, &AccountStatusBar::updateHealth);
}

void AccountStatusBar::setAccounts(const QStringList &names)
{
    m_names = names;
    for (auto it = m_texts.begin(); it != m_texts.end();) {
        if (!names.contains(it.key())) {
            m_states.remove(it.key());
            it = m_texts.erase(it);
        } else {
            ++it;
        }
    }
    // The labels shown are rebuilt only when the list changed.
    const QStringList labelled = summarises() ? QStringList() : names;
    if (labelled != m_labelled) {
        m_labelled = labelled;
        qDeleteAll(m_labels);
        m_labels.clear();
        for (const QString &name : labelled) {
            auto *label = new QLabel(this);
            label->setObjectName(u"accountHealth:"_s + name);
            label->setTextFormat(Qt::RichText);
            m_labels.insert(name, label);
            m_layout->addWidget(label);
        }
    }
    m_summary->setVisible(summarises());
    for (const QString &name : names)
        updateHealth(name, m_monitor->health(name));
    if (summarises())
        updateSummary();
}

QString AccountStatusBar::describe(const QString &account, const AccountHealth &health)
{
    const QString state = accountHealthLabel(health.state);
    QString text = tr("%1: %2").arg(account, state);
    if (health.state == AccountHealth::State::BackingOff && health.failures > 1)
        text = tr("%1: %2 (%n failures)", nullptr, health.failures).arg(account, state);
    if (health.lastGoodPoll.isValid())
        text += tr(", last good poll %1").arg(timeText(health.lastGoodPoll));
    else if (health.state != AccountHealth::State::Connecting)
        text += tr(", no good poll yet");
    // "misconfigured" alone does not say what to fix.
    if (health.state == AccountHealth::State::Misconfigured && !health.lastError.message.isEmpty())
        text += u" – "_s + health.lastError.message;
    return text;
}

void AccountStatusBar::updateHealth(const QString &account, const AccountHealth &health)
{
    if (!m_names.contains(account))
        return;
    m_texts.insert(account, describe(account, health));
    m_states.insert(account, health.state);
    if (QLabel *label = m_labels.value(account))
        showHealth(label, account, health);
    if (summarises())
        m_summaryTimer.start();
}

void AccountStatusBar::showHealth(QLabel *label, const QString &account, const AccountHealth &health)
{
    const QString text = m_texts.value(account);
    // A screen reader says the words, not the coloured mark before them.
    label->setAccessibleName(text);
    label->setText(
        u"<span style=\"color:%1\">\u25cf</span> %2"_s.arg(colorFor(health.state).name(), text.toHtmlEscaped()));
    QStringList tip{text};
    if (health.lastGoodPoll.isValid())
        tip.append(
            tr("Last good poll: %1").arg(QLocale().toString(health.lastGoodPoll.toLocalTime(), QLocale::ShortFormat)));
    if (!health.lastError.ok())
        tip.append(tr("Last error: %1").arg(health.lastError.summary()));
    if (health.nextPollInMs > 0 && health.state != AccountHealth::State::Healthy)
        tip.append(tr("Next try in %1 s").arg((health.nextPollInMs + 999) / 1000));
    label->setToolTip(tip.join(u'\n'));
}

void AccountStatusBar::updateSummary()
{
    // States from best to worst: the mark takes the colour of the worst one present.
    const QList<AccountHealth::State> order{AccountHealth::State::Healthy, AccountHealth::State::Connecting,
        AccountHealth::State::Offline, AccountHealth::State::BackingOff, AccountHealth::State::AuthenticationFailing,
        AccountHealth::State::Misconfigured};
    QMap<int, int> counts;
    QStringList troubled;
    for (const QString &name : std::as_const(m_names)) {
        const AccountHealth::State state = m_states.value(name, AccountHealth::State::Connecting);
        ++counts[int(order.indexOf(state))];
        if (state != AccountHealth::State::Healthy)
            troubled.append(m_texts.value(name));
    }
    QStringList parts;
    AccountHealth::State worst = AccountHealth::State::Healthy;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        parts.append(u"%1 %2"_s.arg(it.value()).arg(accountHealthLabel(order.at(it.key()))));
        worst = order.at(it.key());
    }
    const QString text = tr("%n accounts: %1", nullptr, int(m_names.size())).arg(parts.join(u", "_s));
    m_summary->setText(
        u"<span style=\"color:%1\">\u25cf</span> %2"_s.arg(colorFor(worst).name(), text.toHtmlEscaped()));
    // The tooltip names the accounts that need a look, not hundreds of healthy ones.
    constexpr int MostInTooltip = 20;
    QStringList tip{text};
    tip.append(troubled.mid(0, MostInTooltip));
    if (troubled.size() > MostInTooltip)
        tip.append(tr("… and %n more", nullptr, int(troubled.size() - MostInTooltip)));
    m_summary->setToolTip(tip.join(u'\n'));
}

} // namespace arr
