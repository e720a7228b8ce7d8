#pragma once

#include "monitor/SessionMonitor.h"
#include "storage/HistoryRecords.h"

#include <QString>

#include <functional>
#include <optional>

namespace arr {

struct CommandOutcome;

// How what a front end saw and did becomes history records: each under its account's identity and
// with the price in force for its size. One rule for the window's recorder and for arrsm, so that a
// session only arrsm saw has its cost, and the same session seen by both is one row.
class HistoryRecording
{
public:
    // The price per hour of a size on an account (by name), when known.
    using PriceLookup = std::function<std::optional<double>(const QString &account, const QString &size)>;
    // The identity (Account::identity()) of the account a name stands for now.
    using IdentityLookup = std::function<QString(const QString &account)>;

    // Who this program's commands are recorded as sent by: the operating-system user, this computer's
    // name, `program` ("ARR Session Manager", "arrsm", "arrsm watch") and this build's version.
    static HistoryActor localActor(const QString &program);

    void setActor(const HistoryActor &actor) { m_actor = actor; }
    const HistoryActor &actor() const { return m_actor; }
    void setPriceLookup(PriceLookup lookup) { m_priceLookup = std::move(lookup); }
    void setIdentityLookup(IdentityLookup lookup) { m_identityLookup = std::move(lookup); }

    // The account's identity; the name itself without a lookup.
    QString identityOf(const QString &account) const;
    std::optional<double> priceOf(const QString &account, const QString &size) const;

    // What a poll or a read of `account` saw of `session` at `at` (UTC).
    HistoryObservation observation(
        const QString &account, const Session &session, const QDateTime &at, const QString &msCv) const;
    // What a command did, sent by actor(); nothing for what changes nothing at the service (setting a keep-alive
    // policy), or for a command that never named a session. `size`: the session's, when known.
    std::optional<HistoryCommand> command(
        const CommandOutcome &outcome, const QDateTime &at, const QString &size) const;
    // An alert given (budget, long-running, keep-alive ended or failed) as the history keeps it; nothing
    // for a notification that is no alert (ready, expired: the polls record those).
    std::optional<HistoryAlert> alert(const SessionNotification &notification, const QDateTime &at) const;
    // The notification an alert's kind (HistoryAlert::kind) was given as; nothing for a kind this build
    // does not know (a newer program's).
    static std::optional<SessionNotification::Kind> notificationKindOf(const QString &alertKind);
    // Fills in the identity of every record of the batch that has none.
    void identify(HistoryBatch &batch) const;

private:
    PriceLookup m_priceLookup;
    IdentityLookup m_identityLookup;
    HistoryActor m_actor;
};

} // namespace arr
