#pragma once

#include "monitor/SessionMonitor.h"
#include "workspace/KeepAlivePolicy.h"

#include <QHash>
#include <QObject>
#include <QSet>

#include <functional>

#include <optional>

namespace arr {

class Clock;
class Settings;

// The desktop app's keep-alive policies, one per session: evaluates each after every poll of its
// account, asks the monitor for the extends a policy decides on (marked automatic), keeps the
// policies in the settings (per account identity and session id) so that they survive a restart and a
// rename of the account, and drops a
// policy when its bound is reached or its session ends.
class KeepAliveManager : public QObject
{
    Q_OBJECT

public:
    // The identity (Account::identity()) of the account a name stands for now.
    using IdentityLookup = std::function<QString(const QString &account)>;

    // Policies are kept (and stored) by the identity `identityOf` gives an account's name, so that a
    // renamed account keeps them; without a lookup, by the name. Without settings, policies last as
    // long as this manager (arrsm keep-alive: a policy for one run, which leaves the saved ones alone).
    KeepAliveManager(SessionMonitor *monitor, Settings *settings, const Clock *clock, IdentityLookup identityOf = {},
        QObject *parent = nullptr);
    ~KeepAliveManager() override;

    // Replaces any policy of that session. Returns an error sentence, or empty.
    QString start(const QString &account, const QString &sessionId, const KeepAliveSpec &spec);
    void cancel(const QString &account, const QString &sessionId);
    std::optional<KeepAliveSpec> policy(const QString &account, const QString &sessionId) const;
    int count() const { return int(m_policies.size()); }
    // When the session will stop if the policy runs to its bound (UTC); invalid without a policy or
    // while the session's elapsed time is unknown.
    QDateTime keptAliveUntil(const QString &account, const QString &sessionId) const;

    // Evaluates the account's policies now (after each of its polls, and when one is started).
    void evaluate(const QString &account);
    // Whether policies may extend the sessions of an account; a policy of an account that may not
    // is kept (for the window that may) but not run.
    void setMayExtend(std::function<bool(const QString &account)> mayExtend) { m_mayExtend = std::move(mayExtend); }

Q_SIGNALS:
    // What a policy decided on a poll of its session (before the manager acts on it): for a front end
    // that tells each step in its own words.
    void decided(const QString &account, const QString &sessionId, const arr::KeepAlivePolicy::Decision &decision);
    // A policy was started, changed or dropped.
    void policiesChanged(const QString &account, const QString &sessionId);
    // A policy ended: its bound was reached or its session ended; `sentence` says which and when the
    // session stops.
    void policyEnded(const QString &account, const QString &sessionId, const QString &sentence);
    // A policy ended because the service accepted extends that did not take, or its lease is beyond
    // the bound: `sentence` says which. To be told as a warning.
    void policyFailed(const QString &account, const QString &sessionId, const QString &sentence);
    // An automatic extend finished (succeeded or not): for the request history.
    void automaticExtendFinished(const arr::CommandOutcome &outcome);
    // The first automatic extend of a policy: to be told to the user once.
    void notify(const arr::SessionNotification &notification);

private:
    struct Entry
    {
        KeepAliveSpec spec;
        KeepAliveProgress progress;
        bool extending = false;
        bool notified = false;
    };
    QString keyOf(const QString &account, const QString &sessionId) const;
    QString identityOf(const QString &account) const;
    void drop(const QString &key, const QString &account, const QString &sessionId, const QString &sentence,
        bool failed = false);
    void onCommandFinished(const CommandOutcome &outcome);
    void load();
    void store();

    SessionMonitor *m_monitor;
    Settings *m_settings;
    const Clock *m_clock;
    IdentityLookup m_identityOf;
    // By account identity, a line break, and session id (neither can contain one).
    QHash<QString, Entry> m_policies;
    std::function<bool(const QString &account)> m_mayExtend;
};

} // namespace arr
