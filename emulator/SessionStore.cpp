#include "emulator/SessionStore.h"

#include "core/RequestValidator.h"
#include "emulator/SessionRequestRules.h"

#include <QStringBuilder>
#include <QUuid>

#include <algorithm>
#include <array>
#include <cstring>

using namespace Qt::StringLiterals;

namespace arr::emulator {

namespace {

ApiError badRequest(const QString &message)
{
    return ApiError{400, "BadRequest", message};
}

} // namespace

ApiError SessionStore::noSuchAccount(const QString &accountId)
{
    return ApiError{404, "NotFound", u"There is no account %1."_s.arg(accountId)};
}

SessionStore::SessionStore(const arr::Clock *clock)
    : m_clock(clock)
{
}

void SessionStore::setTimings(qint64 startDelayMs, qint64 stopDelayMs, qint64 retentionMs)
{
    m_startDelayMs = std::max<qint64>(0, startDelayMs);
    m_stopDelayMs = std::max<qint64>(0, stopDelayMs);
    m_retentionMs = std::max<qint64>(0, retentionMs);
}

void SessionStore::addAccount(const QString &accountId, const QString &key)
{
    Account &account = m_accounts[accountId.toCaseFolded()];
    if (account.id.isEmpty())
        account.id = accountId;
    account.key = key;
}

QString SessionStore::findAccount(const QString &accountId) const
{
    const Account *found = account(accountId);
    return found ? found->id : QString();
}

bool SessionStore::keyMatches(const QString &accountId, const QString &key) const
{
    const Account *found = account(accountId);
    return found && !key.isEmpty() && found->key == key;
}

QStringList SessionStore::accountIds() const
{
    QStringList ids;
    for (const Account &account : m_accounts)
        ids.append(account.id);
    ids.sort();
    return ids;
}

std::optional<ApiError> SessionStore::create(const QString &accountId, const QJsonObject &body, QString *sessionId)
{
    Account *owner = account(accountId);
    if (!owner)
        return noSuchAccount(accountId);

    std::optional<ApiError> error;
    const auto lease = rules::readLease(body, &error);
    if (!lease)
        return error;
    const auto size = rules::readSize(body, &error);
    if (!size)
        return error;
    if (!rules::checkModels(body, &error))
        return error;

    const qint64 now = m_clock->monotonicMs();
    Record record = newRecord(newUuid(), *size, *lease, now);
    purge(*owner, now);
    *sessionId = insert(*owner, std::move(record)).id;
    return std::nullopt;
}

std::optional<ApiError> SessionStore::update(
    const QString &accountId, const QString &sessionId, const QJsonObject &body)
{
    std::optional<ApiError> error;
    Record *record = findSession(accountId, sessionId, &error);
    if (!record)
        return error;
    const auto lease = rules::readLease(body, &error);
    if (!lease)
        return error;

    const State state = stateAt(*record, m_clock->monotonicMs());
    switch (state.status) {
    case arr::SessionStatus::Starting:
    case arr::SessionStatus::Ready:
        break;
    case arr::SessionStatus::Stopping:
    case arr::SessionStatus::Stopped:
        return badRequest(
            u"Session %1 has been stopped; the lease of a stopped session cannot be extended."_s.arg(record->id));
    case arr::SessionStatus::Expired:
        return badRequest(u"Session %1 has expired (its lease of %2 ran out); an expired session cannot be "
                          "extended. Create a new session."_s.arg(record->id, record->maxLease.toString()));
    default:
        return badRequest(
            u"Session %1 has failed; the lease of a failed session cannot be extended."_s.arg(record->id));
    }
    if (arr::RequestValidator::checkExtend(*lease, record->maxLease).check == arr::RequestCheck::LeaseNotLonger)
        return badRequest(u"The new maxLeaseTime %1 is not longer than the session's current lease of %2; a lease "
                          "can only be extended."_s.arg(lease->toString(), record->maxLease.toString()));
    record->maxLease = *lease;
    return std::nullopt;
}

std::optional<ApiError> SessionStore::stop(const QString &accountId, const QString &sessionId)
{
    std::optional<ApiError> error;
    Record *record = findSession(accountId, sessionId, &error);
    if (!record)
        return error;
    const qint64 now = m_clock->monotonicMs();
    const State state = stateAt(*record, now);
    // Stopping what is stopping, stopped, expired or failed has nothing left to do: the service
    // answered those with success too.
    if (state.status == arr::SessionStatus::Starting || state.status == arr::SessionStatus::Ready) {
        record->stopRequestedMs = now;
        record->stoppedMs = now + m_stopDelayMs;
    }
    return std::nullopt;
}

std::optional<ApiError> SessionStore::properties(
    const QString &accountId, const QString &sessionId, arr::Session *session)
{
    std::optional<ApiError> error;
    const Record *record = findSession(accountId, sessionId, &error);
    if (!record)
        return error;
    *session = toSession(*record, m_clock->monotonicMs());
    return std::nullopt;
}

QList<arr::Session> SessionStore::list(const QString &accountId)
{
    Account *owner = account(accountId);
    if (!owner)
        return {};
    const qint64 now = m_clock->monotonicMs();
    purge(*owner, now);
    QList<arr::Session> sessions;
    sessions.reserve(owner->sessions.size());
    for (const Record &record : std::as_const(owner->sessions))
        sessions.append(toSession(record, now));
    return sessions;
}

QList<arr::Session> SessionStore::peek(const QString &accountId) const
{
    const Account *owner = account(accountId);
    if (!owner)
        return {};
    const qint64 now = m_clock->monotonicMs();
    QList<arr::Session> sessions;
    for (const Record &record : owner->sessions) {
        if (!isGone(record, now))
            sessions.append(toSession(record, now));
    }
    return sessions;
}

QString SessionStore::seed(const QString &accountId, const SessionSeed &seed)
{
    Account *owner = account(accountId);
    if (!owner)
        return {};
    const qint64 now = m_clock->monotonicMs();
    const qint64 leaseMs = seed.maxLease.totalMilliseconds();
    qint64 ageMs = std::max<qint64>(0, seed.age.totalMilliseconds());
    // An expired seed ran out `age - maxLease` ago, or just now when that is not within the
    // retention: it should be listed, as asked.
    if (seed.status == arr::SessionStatus::Expired && (ageMs < leaseMs || ageMs - leaseMs >= m_retentionMs))
        ageMs = leaseMs;

    Record record = newRecord(newUuid(), seed.size.trimmed(), seed.maxLease, now - ageMs);
    switch (seed.status) {
    case arr::SessionStatus::Starting:
        if (record.readyAtMs <= now)
            record.readyAtMs = now + m_startDelayMs;
        break;
    case arr::SessionStatus::Ready:
        record.readyAtMs = std::min(record.readyAtMs, now);
        break;
    case arr::SessionStatus::Stopping:
        record.readyAtMs = std::min(record.readyAtMs, now);
        record.stopRequestedMs = now;
        record.stoppedMs = now + m_stopDelayMs;
        break;
    case arr::SessionStatus::Stopped:
        record.readyAtMs = std::min(record.readyAtMs, now);
        record.stopRequestedMs = now - m_stopDelayMs;
        record.stoppedMs = now;
        break;
    case arr::SessionStatus::Expired:
        record.failure = seed.message;
        break;
    case arr::SessionStatus::Error:
        record.failedMs = now;
        record.failure = seed.message.isEmpty()
            ? u"The session could not be started: no virtual machine of size %1 was available."_s.arg(record.size)
            : seed.message;
        break;
    default:
        break;
    }
    // No purge here: seeding thousands of sessions would scan the account once per session, and
    // every read purges first anyway.
    return insert(*owner, std::move(record)).id;
}

SessionStore::State SessionStore::stateAt(const Record &record, qint64 nowMs) const
{
    // The lease counts from creation (v1) or from Ready (GA).
    const qint64 leaseStartMs = record.leaseFromReady ? record.readyAtMs : record.createdMs;
    const qint64 leaseEndMs = leaseStartMs + record.maxLease.totalMilliseconds();
    // Elapsed time is lease time used: counted from the lease's start, frozen when the session
    // ends, and reported in whole seconds as the service did.
    const auto elapsedUntil = [&](qint64 untilMs) {
        const qint64 ms = std::max<qint64>(0, std::min(untilMs, leaseEndMs) - leaseStartMs);
        return arr::TimeSpan::fromSeconds(ms / 1000);
    };

    State state;
    if (record.failedMs && nowMs >= *record.failedMs) {
        state.status = arr::SessionStatus::Error;
        state.endedMs = *record.failedMs;
        state.elapsed = elapsedUntil(*record.failedMs);
        state.message = record.failure;
    } else if (record.stopRequestedMs) {
        const bool stopped = nowMs >= *record.stoppedMs;
        state.status = stopped ? arr::SessionStatus::Stopped : arr::SessionStatus::Stopping;
        if (stopped)
            state.endedMs = *record.stoppedMs;
        state.elapsed = elapsedUntil(*record.stopRequestedMs);
        state.hostnameVisible = !stopped && *record.stopRequestedMs >= record.readyAtMs;
    } else if (nowMs >= leaseEndMs) {
        state.status = arr::SessionStatus::Expired;
        state.endedMs = leaseEndMs;
        state.elapsed = record.maxLease;
        state.message = record.failure;
    } else if (nowMs < record.readyAtMs) {
        state.status = arr::SessionStatus::Starting;
        state.elapsed = elapsedUntil(nowMs);
    } else {
        state.status = arr::SessionStatus::Ready;
        state.elapsed = elapsedUntil(nowMs);
        state.hostnameVisible = true;
    }
    return state;
}

arr::Session SessionStore::toSession(const Record &record, qint64 nowMs) const
{
    const State state = stateAt(record, nowMs);
    arr::Session session;
    session.id = record.id;
    session.status = state.status;
    session.statusText = arr::sessionStatusWireName(state.status);
    session.size = record.size;
    if (state.hostnameVisible)
        session.hostname = record.hostname;
    session.elapsed = state.elapsed;
    session.maxLease = record.maxLease;
    // Written here rather than in stateAt(), which every purge runs for every session.
    session.message = state.status == arr::SessionStatus::Expired && state.message.isEmpty()
        ? u"The session's lease of %1 ran out."_s.arg(record.maxLease.toString())
        : state.message;
    return session;
}

bool SessionStore::isGone(const Record &record, qint64 nowMs) const
{
    const State state = stateAt(record, nowMs);
    return state.endedMs && nowMs >= *state.endedMs + m_retentionMs;
}

void SessionStore::purge(Account &account, qint64 nowMs)
{
    const auto removed
        = account.sessions.removeIf([this, nowMs](const Record &record) { return isGone(record, nowMs); });
    if (removed == 0)
        return;
    account.index.clear();
    for (qsizetype i = 0; i < account.sessions.size(); ++i)
        account.index.insert(account.sessions.at(i).id.toCaseFolded(), i);
}

SessionStore::Account *SessionStore::account(const QString &accountId)
{
    const auto it = m_accounts.find(accountId.toCaseFolded());
    return it == m_accounts.end() ? nullptr : &*it;
}

const SessionStore::Account *SessionStore::account(const QString &accountId) const
{
    const auto it = m_accounts.constFind(accountId.toCaseFolded());
    return it == m_accounts.constEnd() ? nullptr : &*it;
}

SessionStore::Record *SessionStore::findSession(
    const QString &accountId, const QString &sessionId, std::optional<ApiError> *error)
{
    Account *owner = account(accountId);
    if (!owner) {
        *error = noSuchAccount(accountId);
        return nullptr;
    }
    purge(*owner, m_clock->monotonicMs());
    const auto it = owner->index.constFind(sessionId.toCaseFolded());
    if (it == owner->index.constEnd()) {
        *error = ApiError{404, "NotFound", u"There is no session %1 in account %2."_s.arg(sessionId, owner->id)};
        return nullptr;
    }
    return &owner->sessions[*it];
}

SessionStore::Record SessionStore::newRecord(const QString &id, const QString &size, TimeSpan lease, qint64 createdMs)
{
    Record record;
    record.id = id;
    record.size = size;
    record.maxLease = lease;
    record.createLease = lease;
    record.createdMs = createdMs;
    record.readyAtMs = createdMs + m_startDelayMs;
    // Built at its exact size: a store of thousands of sessions keeps every hostname.
    record.hostname = newUuid() % u".remoterenderingvm.local.mixedreality.azure.com"_s;
    return record;
}

QString SessionStore::newUuid()
{
    std::array<quint32, 4> words;
    m_random.fillRange(words.data(), qsizetype(words.size()));
    std::array<char, 16> bytes;
    std::memcpy(bytes.data(), words.data(), bytes.size());
    // RFC 4122: version 4 (random), variant 10x.
    bytes[6] = char((bytes[6] & 0x0f) | 0x40);
    bytes[8] = char((bytes[8] & 0x3f) | 0x80);
    return QUuid::fromRfc4122(QByteArrayView(bytes.data(), qsizetype(bytes.size()))).toString(QUuid::WithoutBraces);
}

SessionStore::Record &SessionStore::insert(Account &account, Record record)
{
    record.serial = m_nextSerial++;
    account.index.insert(record.id.toCaseFolded(), account.sessions.size());
    account.sessions.append(std::move(record));
    return account.sessions.last();
}

} // namespace arr::emulator
