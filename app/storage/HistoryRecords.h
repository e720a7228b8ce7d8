#pragma once

#include "core/Session.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace arr {

// The values the session history stores and hands back. Times are UTC.

// Accounts: each record names its account twice. `accountKey` is the account's identity (see
// accountIdentity()): the history keeps one row per identity and session id, so that a renamed account,
// or one reached through arrsm's environment, keeps its sessions. `account` is the name to show: the
// one a record was made under and, when read back, the current name of the saved account with that
// identity (a history from before identities, for a name no saved account has, keeps the name as its
// identity).

// Who sent a command: the operating-system user, the computer, and the program with its version
// ("ARR Session Manager", "arrsm", "arrsm watch"). Empty for a record made before the history kept
// it, or by a program that did not say: unknown, never guessed.
struct HistoryActor
{
    QString user;
    QString host;
    QString program;
    QString version;

    bool isKnown() const { return !program.isEmpty(); }
    // "alice on ops-laptop (arrsm 0.1.0)"; "unknown" for a sender the history does not know. In English
    // for files and arrsm (English), or in the window's language (Translated): one wording for both.
    enum class Wording { English, Translated };
    QString text(Wording wording) const;
    bool operator==(const HistoryActor &other) const
    {
        return user == other.user && host == other.host && program == other.program && version == other.version;
    }
    bool operator!=(const HistoryActor &other) const { return !(*this == other); }
};

// One session as the history knows it: one row per account identity and session id.
struct HistorySession
{
    QString account;
    QString accountKey;
    QString sessionId;
    QString size;
    // The last status seen, as the service spelt it in v1 wire form ("ready").
    QString status;
    QDateTime firstSeen;
    // When the session became ready: seen happening (the poll that first saw it ready after starting),
    // or, for a session already ready when first seen, derived from the service's elapsed time
    // (readyAtDerived). Invalid if it never was ready or when is not known.
    QDateTime readyAt;
    bool readyAtDerived = false;
    QDateTime lastSeen;
    // When it was first seen in a final state, or when it disappeared from the list; invalid while open.
    QDateTime endedAt;
    // Stopped, expired or error; or the last known status when it disappeared from the list.
    QString finalStatus;
    // The lease (maximum lease time) last seen, in seconds.
    std::optional<qint64> leaseSeconds;
    // Time in the ready state, as the service reported it (v1 sessionElapsedTime); 0 if never ready.
    qint64 billedSeconds = 0;
    // The price per hour of the size in force when the session was recorded, and the cost it gives;
    // empty when no price was known.
    std::optional<double> pricePerHour;
    std::optional<double> cost;
    int extendCount = 0;
    bool createdHere = false;
    bool stoppedHere = false;
    // Disappeared from the list without a final status: closed at its last known state.
    bool closedUnseen = false;
    QString lastMessage;
    // Who created it: the sender of its "created" event (creatorOf()); unknown when none of our programs
    // did, or before the history kept who.
    HistoryActor createdBy = {};
};

// One thing that happened to a session.
struct HistoryEvent
{
    QString account;
    QString accountKey;
    QString sessionId;
    QDateTime at;
    // "created", "ready", "extended", "stopped", "expired", "failed", "disappeared", "command-failed".
    QString kind;
    QString detail;
    QString msCv;
    // Who sent the command of a created, extended, stopped or command-failed event; unknown for what
    // a poll saw.
    HistoryActor actor = {};
};

// The actor of the first "created" event among `events`; unknown when there is none.
HistoryActor creatorOf(const QList<HistoryEvent> &events);

// Which sessions to read: those whose life [first seen, ended or last seen] overlaps [since, until).
// Empty or invalid members do not filter.
struct HistoryQuery
{
    QDateTime since;
    QDateTime until;
    // Account names (as shown), each standing for the identity it has now.
    QStringList accounts;
    QStringList sizes;
    // Last status (wire names, "stopped").
    QStringList statuses;
    // At most this many sessions, newest first; 0 for all.
    int limit = 0;
};

// What the app or arrsm saw of one session at one moment.
struct HistoryObservation
{
    QString account;
    Session session;
    QDateTime at;
    QString msCv;
    // The price per hour of the session's size at that moment, when known.
    std::optional<double> pricePerHour;
    // The account's identity; empty to use `account` as it.
    QString accountKey;
};

// What the app or arrsm did.
struct HistoryCommand
{
    enum class Kind { Created, Extended, Stopped, Failed };
    Kind kind = Kind::Created;
    QString account;
    QString sessionId;
    QDateTime at;
    QString detail;
    QString msCv;
    // Created: the size asked for. Extended: the new lease.
    QString size;
    std::optional<qint64> leaseSeconds;
    // The account's identity; empty to use `account` as it.
    QString accountKey;
    // Who sent it (HistoryRecording fills it in for every front end).
    HistoryActor actor = {};
};

// A session gone from its account's list.
struct HistoryDisappearance
{
    QString account;
    QString sessionId;
    QDateTime at;
    // The billed time last seen, when it is newer than what was written (billed time is written once
    // a minute of it has gone by).
    std::optional<qint64> billedSeconds;
    // The account's identity; empty to use `account` as it.
    QString accountKey;
};

// An alert a program gave: a budget's 80 % or all of it (the account's: no session), a session ready
// longer than its account allows, a keep-alive policy that ended or gave up. One per account, session,
// kind and day, whichever program gave it first.
struct HistoryAlert
{
    QString account;
    // Empty for an alert about the account.
    QString sessionId;
    QDateTime at;
    // "budget-warning", "budget-reached", "long-running", "keep-alive-ended", "keep-alive-failed".
    QString kind;
    QString text;
    HistoryActor actor = {};
    // The account's identity; empty to use `account` as it.
    QString accountKey;
};

// The kinds of HistoryAlert, in the order above.
const QStringList &historyAlertKinds();

// Which alerts to read: those given in [since, until), of these account identities, of these kinds
// (historyAlertKinds()). Empty or invalid members do not filter.
struct HistoryAlertQuery
{
    QDateTime since;
    QDateTime until;
    QStringList accountKeys;
    QStringList kinds;
    // Only the accounts' own alerts (a budget's), not those about a session.
    bool accountsOnly = false;
};

// Everything one poll or one command changed, written in one transaction.
struct HistoryBatch
{
    QList<HistoryObservation> observations;
    QList<HistoryCommand> commands;
    QList<HistoryDisappearance> disappearances;
    QList<HistoryAlert> alerts;
    // Set by the outbox that delivers the batch (HistoryOutbox): a batch whose key the history holds
    // was delivered before and is passed over. Empty for a batch written directly.
    QString deliveryKey;

    bool isEmpty() const
    {
        return observations.isEmpty() && commands.isEmpty() && disappearances.isEmpty() && alerts.isEmpty();
    }
};

} // namespace arr

Q_DECLARE_METATYPE(arr::HistoryBatch)
