// SessionStore's operations of the 2021-01-01 (GA) API, and a session as that API reports it; the
// accounts, the lifecycle and the v1 operations are in SessionStore.cpp.
#include "emulator/SessionStore.h"

#include "core/RequestValidator.h"
#include "emulator/SessionRequestRules.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace arr::emulator {

namespace {

// "standard" -> "Standard": the GA API spells sizes and states in PascalCase.
QString pascalCase(const QString &text)
{
    return text.isEmpty() ? text : text.left(1).toUpper() + text.mid(1);
}

} // namespace

std::optional<ApiError> SessionStore::createGa(
    const QString &accountId, const QString &sessionId, const QJsonObject &body, bool *created)
{
    *created = false;
    Account *owner = account(accountId);
    if (!owner)
        return noSuchAccount(accountId);
    if (auto refusal = rules::checkGaId(sessionId))
        return refusal;
    std::optional<ApiError> error;
    const auto lease = rules::readLeaseMinutes(body, &error);
    if (!lease)
        return error;
    const auto size = rules::readGaSize(body, &error);
    if (!size)
        return error;

    const qint64 now = m_clock->monotonicMs();
    purge(*owner, now);
    const auto it = owner->index.constFind(sessionId.toCaseFolded());
    if (it != owner->index.constEnd()) {
        const Record &existing = owner->sessions.at(*it);
        if (existing.id != sessionId) {
            return ApiError{409, "Conflict",
                u"Session id %1 differs only in case from the existing session %2; choose another id."_s.arg(
                    sessionId, existing.id)};
        }
        // A retried create: the same request again is answered with the session it made.
        if (existing.size.compare(*size, Qt::CaseInsensitive) == 0 && existing.createLease == *lease)
            return std::nullopt;
        return ApiError{409, "Conflict",
            u"Session %1 already exists with size %2 and a lease of %3 minutes; a create with the same id must "
            "have the same settings."_s.arg(sessionId, pascalCase(existing.size))
                .arg(existing.createLease.totalMinutes())};
    }

    Record record = newRecord(sessionId, *size, *lease, now);
    record.leaseFromReady = true;
    insert(*owner, std::move(record));
    *created = true;
    return std::nullopt;
}

std::optional<ApiError> SessionStore::updateGa(
    const QString &accountId, const QString &sessionId, const QJsonObject &body)
{
    std::optional<ApiError> error;
    Record *record = findGaSession(accountId, sessionId, &error);
    if (!record)
        return error;
    const auto lease = rules::readLeaseMinutes(body, &error);
    if (!lease)
        return error;
    const arr::Session session = gaSession(*record, m_clock->monotonicMs());
    if (session.status != arr::SessionStatus::Starting && session.status != arr::SessionStatus::Ready) {
        return ApiError{422, "UnprocessableEntity",
            u"Session %1 is %2; only a starting or ready session's lease can be extended."_s.arg(
                record->id, session.statusText)};
    }
    if (arr::RequestValidator::checkExtend(*lease, record->maxLease).check == arr::RequestCheck::LeaseNotLonger) {
        return ApiError{422, "UnprocessableEntity",
            u"The new maxLeaseTimeMinutes %1 is not larger than the session's current %2; a lease can only be "
            "extended."_s.arg(lease->totalMinutes())
                .arg(record->maxLease.totalMinutes())};
    }
    record->maxLease = *lease;
    return std::nullopt;
}

std::optional<ApiError> SessionStore::stopGa(const QString &accountId, const QString &sessionId)
{
    std::optional<ApiError> error;
    if (!findGaSession(accountId, sessionId, &error))
        return error;
    return stop(accountId, sessionId);
}

std::optional<ApiError> SessionStore::propertiesGa(
    const QString &accountId, const QString &sessionId, arr::Session *session)
{
    std::optional<ApiError> error;
    const Record *record = findGaSession(accountId, sessionId, &error);
    if (!record)
        return error;
    *session = gaSession(*record, m_clock->monotonicMs());
    return std::nullopt;
}

SessionStore::GaPage SessionStore::listGa(const QString &accountId, quint64 after, int pageSize)
{
    GaPage page;
    Account *owner = account(accountId);
    if (!owner)
        return page;
    const qint64 now = m_clock->monotonicMs();
    purge(*owner, now);
    const qsizetype limit = std::max(1, pageSize);
    quint64 lastListed = 0;
    for (const Record &record : std::as_const(owner->sessions)) {
        if (record.serial <= after)
            continue;
        // The GA list has the sessions that are starting or ready, nothing that has ended.
        const arr::SessionStatus status = stateAt(record, now).status;
        if (status != arr::SessionStatus::Starting && status != arr::SessionStatus::Ready)
            continue;
        if (page.sessions.size() == limit) {
            page.next = lastListed;
            break;
        }
        page.sessions.append(gaSession(record, now));
        lastListed = record.serial;
    }
    return page;
}

arr::Session SessionStore::gaSession(const Record &record, qint64 nowMs) const
{
    arr::Session session = toSession(record, nowMs);
    // The GA API has no Stopping: its stop answers that the session "is stopped", and a stopping
    // session can no longer be used or extended, so it reads as Stopped.
    if (session.status == arr::SessionStatus::Stopping) {
        session.status = arr::SessionStatus::Stopped;
        session.hostname.clear();
    }
    session.statusText = pascalCase(arr::sessionStatusWireName(session.status));
    session.size = pascalCase(record.size);
    // Time in Ready, whichever way the lease counts: until now, the stop, the failure or the
    // lease's end, whichever came first.
    const qint64 leaseStartMs = record.leaseFromReady ? record.readyAtMs : record.createdMs;
    qint64 untilMs = nowMs;
    if (record.failedMs && nowMs >= *record.failedMs)
        untilMs = *record.failedMs;
    else if (record.stopRequestedMs)
        untilMs = std::min(untilMs, *record.stopRequestedMs);
    untilMs = std::min(untilMs, leaseStartMs + record.maxLease.totalMilliseconds());
    session.elapsed = arr::TimeSpan::fromMilliseconds(std::max<qint64>(0, untilMs - record.readyAtMs));
    session.creationTime = m_clock->now().addMSecs(record.createdMs - nowMs);
    // The error object describes a failure to start; an expired session has none.
    if (session.status != arr::SessionStatus::Error)
        session.message.clear();
    if (session.status == arr::SessionStatus::Ready) {
        session.handshakePort = 50051;
        session.arrInspectorPort = 50052;
        session.teraflops = record.size.compare(u"premium"_s, Qt::CaseInsensitive) == 0
                || record.size.compare(u"big"_s, Qt::CaseInsensitive) == 0
            ? 21.2
            : 10.6;
    }
    return session;
}

SessionStore::Record *SessionStore::findGaSession(
    const QString &accountId, const QString &sessionId, std::optional<ApiError> *error)
{
    if (auto refusal = rules::checkGaId(sessionId)) {
        *error = refusal;
        return nullptr;
    }
    Record *record = findSession(accountId, sessionId, error);
    if (record && record->id != sessionId) {
        // GA ids are case-sensitive.
        *error = ApiError{404, "NotFound", u"There is no session %1 in account %2."_s.arg(sessionId, accountId)};
        return nullptr;
    }
    return record;
}

} // namespace arr::emulator
