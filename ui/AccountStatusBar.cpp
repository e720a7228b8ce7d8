#include "ui/AccountStatusBar.h"

#include <QHBoxLayout>
#include <QLabel>

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
    return time.toLocalTime().toString(u"HH:mm:ss"_s);
}

} // namespace

AccountStatusBar::AccountStatusBar(SessionMonitor *monitor, QWidget *parent)
    : QWidget(parent)
    , m_monitor(monitor)
    , m_layout(new QHBoxLayout(this))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(16);
    connect(monitor, &SessionMonitor::accountHealthChanged, this, &AccountStatusBar::updateHealth);
}

void AccountStatusBar::setAccounts(const QStringList &names)
{
    for (auto it = m_labels.begin(); it != m_labels.end();) {
        if (!names.contains(it.key())) {
            delete it.value();
            m_texts.remove(it.key());
            it = m_labels.erase(it);
        } else {
            ++it;
        }
    }
    for (const QString &name : names) {
        if (!m_labels.contains(name)) {
            auto *label = new QLabel(this);
            label->setTextFormat(Qt::RichText);
            m_labels.insert(name, label);
        }
        m_layout->removeWidget(m_labels.value(name));
    }
    for (const QString &name : names)
        m_layout->addWidget(m_labels.value(name));
    for (const QString &name : names)
        updateHealth(name, m_monitor->health(name));
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
    QLabel *label = m_labels.value(account);
    if (!label)
        return;
    const QString text = describe(account, health);
    m_texts.insert(account, text);
    label->setText(
        u"<span style=\"color:%1\">\u25cf</span> %2"_s.arg(colorFor(health.state).name(), text.toHtmlEscaped()));
    QStringList tip{text};
    if (health.lastGoodPoll.isValid())
        tip.append(tr("Last good poll: %1").arg(health.lastGoodPoll.toLocalTime().toString(Qt::ISODate)));
    if (!health.lastError.ok())
        tip.append(tr("Last error: %1").arg(health.lastError.summary()));
    if (health.nextPollInMs > 0 && health.state != AccountHealth::State::Healthy)
        tip.append(tr("Next try in %1 s").arg((health.nextPollInMs + 999) / 1000));
    label->setToolTip(tip.join(u'\n'));
}

QString AccountStatusBar::textFor(const QString &account) const
{
    return m_texts.value(account);
}

} // namespace arr
