#pragma once

#include "core/Clock.h"
#include "core/Session.h"
#include "core/TimeSpan.h"
#include "emulator/ApiError.h"
#include "emulator/EmulatorOptions.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>

#include <optional>

namespace arr::emulator {

// The emulated service's state: accounts and their sessions, and the rules of the v1 contract for
// creating, extending, stopping and reading them. Knows nothing of HTTP beyond the status of a
// refusal. A session's state is never stored: it is computed from the clock whenever it is read
// (created -> starting -> ready -> expired, or stop -> stopping -> stopped), so that time moved by
// a ManualClock is all a test needs. Not thread-safe; EmulatorServer serialises access.
class SessionStore
{
public:
    explicit SessionStore(const arr::Clock *clock);

    // The lifecycle timings; a change applies to sessions created (resp. stopped) afterwards, except
    // the retention, which applies to every session.
    void setTimings(qint64 startDelayMs, qint64 stopDelayMs, qint64 retentionMs);

    // Adds an account, or changes the key of an existing one. Account ids are matched ignoring case.
    void addAccount(const QString &accountId, const QString &key);
    // The id as it was added, for any spelling of it; empty when there is no such account.
    QString findAccount(const QString &accountId) const;
    bool keyMatches(const QString &accountId, const QString &key) const;
    QStringList accountIds() const;

    // The operations of the v1 session API, for an account that exists (see findAccount). Each
    // returns the refusal, if any. Bodies are validated strictly: see SessionRequestRules.h.
    std::optional<ApiError> create(const QString &accountId, const QJsonObject &body, QString *sessionId);
    std::optional<ApiError> update(const QString &accountId, const QString &sessionId, const QJsonObject &body);
    std::optional<ApiError> stop(const QString &accountId, const QString &sessionId);
    std::optional<ApiError> properties(const QString &accountId, const QString &sessionId, arr::Session *session);
    // What the list answers: every session not yet past its retention, oldest first.
    QList<arr::Session> list(const QString &accountId);
    // The same as list() without forgetting sessions past their retention.
    QList<arr::Session> peek(const QString &accountId) const;

    // Puts a session in place directly; returns its id, or an empty string for an unknown account.
    QString seed(const QString &accountId, const SessionSeed &seed);

    // The operations of the 2021-01-01 API (GA), for an account that exists. Ids are chosen by the
    // client and matched with their case (an id that differs from a session's only in case is
    // unknown, and cannot be created beside it); sessions created here count their lease from Ready.
    // A session reads as the GA API reports it (gaSession()): Stopping shows as Stopped, `elapsed`
    // is the time in Ready, and creationTime, ports and teraflops are set.
    // Creates the session, or finds the one created with the same id and the same settings
    // (*created false); 409 when the id is taken with other settings.
    std::optional<ApiError> createGa(
        const QString &accountId, const QString &sessionId, const QJsonObject &body, bool *created);
    // 422 when the new lease is not larger than the current one or the session has ended.
    std::optional<ApiError> updateGa(const QString &accountId, const QString &sessionId, const QJsonObject &body);
    std::optional<ApiError> stopGa(const QString &accountId, const QString &sessionId);
    std::optional<ApiError> propertiesGa(const QString &accountId, const QString &sessionId, arr::Session *session);
    // One page of the GA list: the starting and ready sessions, oldest first, that were created
    // after the one `after` names (0: from the start), at most `pageSize`; `next` names the last one
    // listed when more follow (for the continuation token), else 0.
    struct GaPage
    {
        QList<arr::Session> sessions;
        quint64 next = 0;
    };
    GaPage listGa(const QString &accountId, quint64 after, int pageSize);

private:
    struct Record
    {
        QString id;
        QString size;
        arr::TimeSpan maxLease;
        qint64 createdMs = 0;
        qint64 readyAtMs = 0;
        std::optional<qint64> stopRequestedMs;
        std::optional<qint64> stoppedMs;
        std::optional<qint64> failedMs;
        QString failure;
        QString hostname;
        // The lease the session was created with (what a repeated GA create must match).
        arr::TimeSpan createLease;
        // GA: the lease counts from Ready rather than from creation.
        bool leaseFromReady = false;
        // Order of creation across the store, never reused: continuation tokens name it.
        quint64 serial = 0;
    };
    struct Account
    {
        QString id;
        QString key;
        QList<Record> sessions; // oldest first
        QHash<QString, qsizetype> index; // case-folded session id -> position in sessions
    };
    struct State
    {
        arr::SessionStatus status = arr::SessionStatus::Starting;
        // When a final state was reached; nullopt while the session is live.
        std::optional<qint64> endedMs;
        arr::TimeSpan elapsed;
        QString message;
        bool hostnameVisible = false;
    };

    State stateAt(const Record &record, qint64 nowMs) const;
    arr::Session toSession(const Record &record, qint64 nowMs) const;
    arr::Session gaSession(const Record &record, qint64 nowMs) const;
    // The GA lookup: the id with its case; 404 otherwise.
    Record *findGaSession(const QString &accountId, const QString &sessionId, std::optional<ApiError> *error);
    bool isGone(const Record &record, qint64 nowMs) const;
    // Forgets the account's sessions that are past their retention.
    void purge(Account &account, qint64 nowMs);
    Account *account(const QString &accountId);
    const Account *account(const QString &accountId) const;
    // The live record of a session, after purging its account; nullptr with *error set when the
    // account or the session is not there.
    Record *findSession(const QString &accountId, const QString &sessionId, std::optional<ApiError> *error);
    Record &insert(Account &account, Record record);
    // A session as a create or a seed puts it in place: created at `createdMs`, ready a start delay
    // later, with a hostname of its own.
    Record newRecord(const QString &id, const QString &size, TimeSpan lease, qint64 createdMs);
    // A random (version 4) UUID for a session id or a hostname.
    QString newUuid();
    // The 404 of an account that is not there.
    static ApiError noSuchAccount(const QString &accountId);

    const arr::Clock *m_clock;
    qint64 m_startDelayMs = 20'000;
    qint64 m_stopDelayMs = 3'000;
    qint64 m_retentionMs = 10 * 60'000;
    quint64 m_nextSerial = 1;
    QHash<QString, Account> m_accounts; // by case-folded id
    // Seeded once from the system's source, which asks the processor for every number it gives:
    // on a virtual machine that costs microseconds a call, and a store seeds thousands at once.
    QRandomGenerator m_random = QRandomGenerator::securelySeeded();
};

} // namespace arr::emulator
