#include "workspace/KeepAliveManager.h"

#include "core/Clock.h"
#include "storage/Settings.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace arr {

KeepAliveManager::KeepAliveManager(
    SessionMonitor *monitor, Settings *settings, const Clock *clock, IdentityLookup identityOf, QObject *parent)
    : QObject(parent)
    , m_monitor(monitor)
    , m_settings(settings)
    , m_clock(clock ? clock : SystemClock::instance())
    , m_identityOf(std::move(identityOf))
{
    load();
    connect(m_monitor, &SessionMonitor::pollFinished, this, [this](const QString &account, const ApiResult &result) {
        if (result.ok())
            evaluate(account);
    });
    connect(m_monitor, &SessionMonitor::commandFinished, this, &KeepAliveManager::onCommandFinished);
}

KeepAliveManager::~KeepAliveManager() = default;

QString KeepAliveManager::identityOf(const QString &account) const
{
    return m_identityOf ? m_identityOf(account) : account;
}

QString KeepAliveManager::keyOf(const QString &account, const QString &sessionId) const
{
    return identityOf(account) + u'\n' + sessionId;
}

QString KeepAliveManager::start(const QString &account, const QString &sessionId, const KeepAliveSpec &spec)
{
    if (const QString problem = spec.validationError(); !problem.isEmpty())
        return problem;
    if (account.isEmpty() || sessionId.isEmpty() || account.contains(u'\n') || sessionId.contains(u'\n'))
        return tr("There is no such session to keep alive.");
    Entry &entry = m_policies[keyOf(account, sessionId)];
    entry.spec = spec;
    entry.notified = false;
    store();
    Q_EMIT policiesChanged(account, sessionId);
    evaluate(account);
    return {};
}

void KeepAliveManager::cancel(const QString &account, const QString &sessionId)
{
    if (m_policies.remove(keyOf(account, sessionId)) == 0)
        return;
    store();
    Q_EMIT policiesChanged(account, sessionId);
}

std::optional<KeepAliveSpec> KeepAliveManager::policy(const QString &account, const QString &sessionId) const
{
    const auto it = m_policies.constFind(keyOf(account, sessionId));
    if (it == m_policies.cend())
        return std::nullopt;
    return it->spec;
}

QDateTime KeepAliveManager::keptAliveUntil(const QString &account, const QString &sessionId) const
{
    const auto spec = policy(account, sessionId);
    const TrackedSession *tracked = m_monitor->sessions().find(account, sessionId);
    if (!spec || !tracked || !tracked->session.elapsed)
        return {};
    const KeepAlivePolicy policy(*spec, m_clock);
    const auto remaining = m_monitor->sessions().remaining(*tracked);
    const TimeSpan lease = tracked->session.maxLease.value_or(TimeSpan());
    if (!remaining)
        return {};
    const TimeSpan elapsed = lease - *remaining;
    const TimeSpan cap = std::max(policy.cap(elapsed), lease);
    return m_clock->now().addMSecs((cap - elapsed).totalMilliseconds());
}

void KeepAliveManager::evaluate(const QString &account)
{
    if (m_mayExtend && !m_mayExtend(account))
        return;
    const LiveSessions &sessions = m_monitor->sessions();
    const QString identity = identityOf(account);
    const QStringList keys = m_policies.keys();
    for (const QString &key : keys) {
        const QString policyAccount = key.section(u'\n', 0, 0);
        const QString sessionId = key.section(u'\n', 1);
        if (policyAccount != identity)
            continue;
        Entry &entry = m_policies[key];
        const TrackedSession *tracked = sessions.find(account, sessionId);
        if (!tracked) {
            // The account was polled and the session is not among its sessions: it has ended.
            drop(key, account, sessionId,
                tr("Session %1 is no longer listed; it is no longer kept alive.").arg(sessionId));
            continue;
        }
        if (entry.extending || !tracked->pendingCommand.isEmpty())
            continue;
        const KeepAlivePolicy policy(entry.spec, m_clock);
        const KeepAlivePolicy::Decision decision
            = policy.evaluate(tracked->session, tracked->observedAtMono, entry.progress);
        Q_EMIT decided(account, sessionId, decision);
        // A receiver may have ended the policy, or this manager.
        if (!m_policies.contains(key))
            continue;
        switch (decision.action) {
        case KeepAlivePolicy::Decision::Action::Wait:
        case KeepAlivePolicy::Decision::Action::ExtendNotTaken:
            // A first extend that did not show is asked for again at the next poll, not at once.
            break;
        case KeepAlivePolicy::Decision::Action::Failed:
            drop(key, account, sessionId, decision.problem, true);
            break;
        case KeepAlivePolicy::Decision::Action::Extend:
            entry.extending = true;
            m_monitor->extendSession(account, sessionId, decision.newLease, true);
            break;
        case KeepAlivePolicy::Decision::Action::CapReached:
            if (decision.beyondBound) {
                drop(key, account, sessionId,
                    tr("%1 It will stop at %2.")
                        .arg(decision.problem, QLocale().toString(decision.endsAt.toLocalTime(), QLocale::ShortFormat)),
                    true);
                break;
            }
            drop(key, account, sessionId,
                tr("Session %1 was kept alive %2; it will stop at %3.")
                    .arg(sessionId, entry.spec.describe(),
                        QLocale().toString(decision.endsAt.toLocalTime(), QLocale::ShortFormat)));
            break;
        case KeepAlivePolicy::Decision::Action::SessionEnded:
            drop(key, account, sessionId, tr("Session %1 ended; it is no longer kept alive.").arg(sessionId));
            break;
        }
    }
}

void KeepAliveManager::drop(
    const QString &key, const QString &account, const QString &sessionId, const QString &sentence, bool failed)
{
    m_policies.remove(key);
    store();
    Q_EMIT policiesChanged(account, sessionId);
    if (failed)
        Q_EMIT policyFailed(account, sessionId, sentence);
    else
        Q_EMIT policyEnded(account, sessionId, sentence);
}

void KeepAliveManager::onCommandFinished(const CommandOutcome &outcome)
{
    if (!outcome.automatic || outcome.kind != CommandOutcome::Kind::Extend)
        return;
    Q_EMIT automaticExtendFinished(outcome);
    const auto it = m_policies.find(keyOf(outcome.account, outcome.sessionId));
    if (it == m_policies.end())
        return;
    it->extending = false;
    // The service said yes (confirmed by a poll or not): the next poll shows whether it took.
    if (outcome.accepted && outcome.requestedLease) {
        const TrackedSession *tracked = m_monitor->sessions().find(outcome.account, outcome.sessionId);
        if (tracked)
            KeepAlivePolicy(it->spec, m_clock).extendAccepted(tracked->session, *outcome.requestedLease, it->progress);
    }
    if (outcome.succeeded && !it->notified) {
        it->notified = true;
        SessionNotification notification;
        notification.kind = SessionNotification::Kind::KeptAlive;
        notification.account = outcome.account;
        notification.sessionId = outcome.sessionId;
        notification.text = tr("Session %1 is being kept alive %2: its lease was extended automatically to %3.")
                                .arg(outcome.sessionId, it->spec.describe(),
                                    outcome.requestedLease ? outcome.requestedLease->toDisplayString() : QString());
        Q_EMIT notify(notification);
    }
    Q_EMIT policiesChanged(outcome.account, outcome.sessionId);
}

void KeepAliveManager::load()
{
    if (!m_settings)
        return;
    const QJsonArray array
        = QJsonDocument::fromJson(m_settings->value(Settings::Key::KeepAlivePolicies).toString().toUtf8()).array();
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        // Policies stored before identities name their account: it stands for the identity it has now.
        QString identity = object.value(u"accountIdentity"_s).toString();
        if (identity.isEmpty())
            identity = identityOf(object.value(u"account"_s).toString());
        const QString sessionId = object.value(u"sessionId"_s).toString();
        const auto spec = KeepAliveSpec::fromJson(object);
        // An entry that cannot be read (a hand-edited file) is not kept: no policy is safer than a
        // guessed one.
        if (identity.isEmpty() || identity.contains(u'\n') || sessionId.isEmpty() || !spec)
            continue;
        m_policies.insert(identity + u'\n' + sessionId, Entry{*spec, {}, false, false});
    }
}

void KeepAliveManager::store()
{
    if (!m_settings)
        return;
    QJsonArray array;
    for (auto it = m_policies.cbegin(); it != m_policies.cend(); ++it) {
        QJsonObject object = it->spec.toJson();
        object.insert(u"accountIdentity"_s, it.key().section(u'\n', 0, 0));
        object.insert(u"sessionId"_s, it.key().section(u'\n', 1));
        array.append(object);
    }
    m_settings->setValue(
        Settings::Key::KeepAlivePolicies, QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact)));
    m_settings->sync();
}

} // namespace arr
