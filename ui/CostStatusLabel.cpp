#include "ui/CostStatusLabel.h"

#include "core/BilledTimeSource.h"
#include "core/Clock.h"
#include "monitor/LiveSessions.h"
#include "workspace/Spend.h"
#include "workspace/Workspace.h"

#include <QLocale>
#include <QMap>

using namespace Qt::StringLiterals;

namespace arr {

CostStatusLabel::CostStatusLabel(const LiveSessions *sessions, const BilledTimeSource *spent, QWidget *parent)
    : QLabel(parent)
    , m_sessions(sessions)
    , m_spent(spent)
{
    setTextFormat(Qt::PlainText);
    const auto changed = [this] { m_sessionsChanged = true; };
    connect(m_sessions, &LiveSessions::inserted, this, changed);
    connect(m_sessions, &LiveSessions::removed, this, changed);
    connect(m_sessions, &LiveSessions::changed, this, changed);
    refresh();
}

void CostStatusLabel::tick()
{
    constexpr qint64 TodayRefreshMs = 15'000;
    if (m_sessionsChanged || m_sessions->clock()->monotonicMs() - m_refreshedAtMono >= TodayRefreshMs)
        refresh();
}

void CostStatusLabel::setPricing(const Pricing &pricing)
{
    m_pricing = pricing;
    refresh();
}

void CostStatusLabel::refresh()
{
    m_sessionsChanged = false;
    m_refreshedAtMono = m_sessions->clock()->monotonicMs();
    SpendTally spend(m_pricing);
    for (int i = 0; i < m_sessions->count(); ++i) {
        const TrackedSession &entry = m_sessions->at(i);
        // The local emulator's sessions cost nothing, outside the demo (which shows example prices
        // for them and says so).
        if (!m_pricing.examples && Workspace::isMadeUp(entry.account))
            continue;
        spend.addListed(entry.account, entry.session);
    }
    spend.addToday(m_spent->billedSince(startOfToday(*m_sessions->clock())));
    const CostTotal &rate = spend.total().rate;
    const int ready = spend.total().ready;
    const CostTotal &today = spend.total().today;
    const QMap<QString, AccountSpend> &accounts = spend.accounts();

    const QLocale locale;
    const auto rateText = [&locale](const CostTotal &total, int readyCount) {
        if (!total.hasAmount())
            return tr("%n session(s) ready", nullptr, readyCount);
        QString text = tr("%1/h").arg(total.toDisplayString(locale));
        return text;
    };
    QString text = rate.hasAmount() ? tr("Burn rate %1").arg(rateText(rate, ready)) : rateText(rate, ready);
    text += u" \u00b7 "_s + tr("Today %1").arg(today.toDisplayString(locale));
    if (m_pricing.examples)
        text += u" "_s + tr("(example prices)");
    else if (!m_pricing.hasAnyPrice())
        text += u" "_s + tr("billed");
    setText(text);

    QStringList tip;
    if (m_pricing.examples)
        tip.append(tr("The demo uses example prices, not real ones."));
    else if (!m_pricing.hasAnyPrice())
        tip.append(tr("No prices are set: cost is shown as billed time (time ready). Set prices in Preferences."));
    tip.append(m_spent->includesEndedSessions()
            ? tr("Today counts the sessions billed since midnight: those listed now and, from the session "
                 "history, those that ended.")
            : tr("Today counts the sessions this window has watched since midnight."));
    for (auto it = accounts.constBegin(); it != accounts.constEnd(); ++it)
        tip.append(
            tr("%1: %2 now, %3 today").arg(it.key(), rateText(it->rate, it->ready), it->today.toDisplayString(locale)));
    setToolTip(tip.join(u'\n'));
}

} // namespace arr
