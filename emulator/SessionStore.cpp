#include "emulator/SessionStore.h"

#include "core/RequestValidator.h"

#include <QJsonArray>
#include <QStringBuilder>
#include <QUrl>
#include <QUuid>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>

using namespace Qt::StringLiterals;

namespace arr::emulator {

namespace {

ApiError noSuchAccount(const QString &accountId)
{
    return ApiError{404, "NotFound", u"There is no account %1."_s.arg(accountId)};
}

ApiError badRequest(const QString &message)
{
    return ApiError{400, "BadRequest", message};
}

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return u"a boolean"_s;
    case QJsonValue::Double:
        return u"a number"_s;
    case QJsonValue::String:
        return u"a string"_s;
    case QJsonValue::Array:
        return u"an array"_s;
    case QJsonValue::Object:
        return u"an object"_s;
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Undefined:
        break;
    }
    return u"missing"_s;
}

// The member `name` of a request body, matched ignoring case as the service's JSON reader did.
// Undefined when absent; an error when two spellings of it are present, since it is then unclear
// which one is meant.
QJsonValue member(const QJsonObject &body, QLatin1StringView name, std::optional<ApiError> *error)
{
    QJsonValue found(QJsonValue::Undefined);
    QString foundName;
    for (auto it = body.constBegin(); it != body.constEnd(); ++it) {
        if (it.key().compare(name, Qt::CaseInsensitive) != 0)
            continue;
        if (!foundName.isNull()) {
            *error = badRequest(u"The request body gives %1 twice (\"%2\" and \"%3\"); give it once."_s.arg(
                QString(name), foundName, it.key()));
            return QJsonValue(QJsonValue::Undefined);
        }
        found = it.value();
        foundName = it.key();
    }
    return found;
}

// maxLeaseTime: a .NET timespan string, longer than zero and at most a day.
std::optional<arr::TimeSpan> readLease(const QJsonObject &body, std::optional<ApiError> *error)
{
    const QJsonValue value = member(body, "maxLeaseTime"_L1, error);
    if (*error)
        return std::nullopt;
    if (value.isUndefined() || value.isNull()) {
        *error = badRequest(u"The request body has no maxLeaseTime; give the lease as a timespan such as \"4:0:0\"."_s);
        return std::nullopt;
    }
    if (!value.isString()) {
        *error = badRequest(
            u"maxLeaseTime must be a timespan string such as \"4:0:0\", but it is %1."_s.arg(typeName(value)));
        return std::nullopt;
    }
    QString why;
    const auto lease = arr::TimeSpan::parse(value.toString(), &why);
    if (!lease) {
        *error = badRequest(u"maxLeaseTime \"%1\" is not a timespan: %2"_s.arg(value.toString(), why));
        return std::nullopt;
    }
    // The client's verdict, in the service's words.
    switch (arr::RequestValidator::checkLease(*lease).check) {
    case arr::RequestCheck::Ok:
        return lease;
    case arr::RequestCheck::LeaseNotPositive:
        *error = badRequest(u"maxLeaseTime must be longer than zero, but it is %1."_s.arg(lease->toString()));
        return std::nullopt;
    default:
        *error = badRequest(u"maxLeaseTime %1 is longer than the largest lease, %2."_s.arg(
            lease->toString(), arr::MaximumLease.toString()));
        return std::nullopt;
    }
}

// size: one of the known sizes, in any case; answered in lower case.
std::optional<QString> readSize(const QJsonObject &body, std::optional<ApiError> *error)
{
    const QJsonValue value = member(body, "size"_L1, error);
    if (*error)
        return std::nullopt;
    const QStringList sizes = arr::knownSessionSizes();
    const QString choices = sizes.join(u", "_s);
    if (value.isUndefined() || value.isNull()) {
        *error = badRequest(u"The request body has no size; give one of %1."_s.arg(choices));
        return std::nullopt;
    }
    if (!value.isString()) {
        *error = badRequest(u"size must be a string, one of %1, but it is %2."_s.arg(choices, typeName(value)));
        return std::nullopt;
    }
    // A well-formed size the service does not offer is refused too: the service knows its catalogue.
    if (arr::RequestValidator::checkSize(value.toString()).ok()) {
        if (const auto known = arr::RequestValidator::knownSize(value.toString()))
            return known;
    }
    *error = badRequest(u"size \"%1\" is not one of %2."_s.arg(value.toString(), choices));
    return std::nullopt;
}

// models: optional (null or absent is none); else an array of absolute URLs.
bool checkModels(const QJsonObject &body, std::optional<ApiError> *error)
{
    const QJsonValue value = member(body, "models"_L1, error);
    if (*error)
        return false;
    if (value.isUndefined() || value.isNull())
        return true;
    if (!value.isArray()) {
        *error = badRequest(u"models must be an array of model URLs, but it is %1."_s.arg(typeName(value)));
        return false;
    }
    const QJsonArray models = value.toArray();
    for (qsizetype i = 0; i < models.size(); ++i) {
        const QJsonValue model = models.at(i);
        if (!model.isString()) {
            *error = badRequest(u"models[%1] must be a URL string, but it is %2."_s.arg(i).arg(typeName(model)));
            return false;
        }
        switch (arr::RequestValidator::checkModel(model.toString()).check) {
        case arr::RequestCheck::Ok:
            break;
        case arr::RequestCheck::ModelPlainHttp:
            *error = badRequest(u"models[%1] \"%2\" uses plain http to another host; models are fetched over "
                                "https."_s.arg(i)
                                    .arg(model.toString()));
            return false;
        case arr::RequestCheck::ModelScheme:
            *error = badRequest(
                u"models[%1] \"%2\" must be an https:// or builtin:// URL."_s.arg(i).arg(model.toString()));
            return false;
        default:
            *error = badRequest(u"models[%1] \"%2\" is not an absolute URL such as "
                                "https://account.blob.core.windows.net/container/model.arrAsset."_s.arg(i)
                                    .arg(model.toString()));
            return false;
        }
    }
    return true;
}

// maxLeaseTimeMinutes (GA): a whole number of minutes, larger than zero and at most a day.
std::optional<arr::TimeSpan> readLeaseMinutes(const QJsonObject &body, std::optional<ApiError> *error)
{
    const QJsonValue value = member(body, "maxLeaseTimeMinutes"_L1, error);
    if (*error)
        return std::nullopt;
    if (value.isUndefined() || value.isNull()) {
        *error = badRequest(
            u"The request body has no maxLeaseTimeMinutes; give the lease in whole minutes, such as 60."_s);
        return std::nullopt;
    }
    const qint64 largest = arr::MaximumLease.totalMinutes();
    if (!value.isDouble()) {
        *error = badRequest(
            u"maxLeaseTimeMinutes must be a whole number of minutes, but it is %1."_s.arg(typeName(value)));
        return std::nullopt;
    }
    const double minutes = value.toDouble();
    if (!std::isfinite(minutes) || minutes != std::floor(minutes)) {
        *error = badRequest(
            u"maxLeaseTimeMinutes must be a whole number of minutes, but it is %1."_s.arg(minutes, 0, 'g', 17));
        return std::nullopt;
    }
    if (minutes <= 0 || minutes > double(largest)) {
        *error = badRequest(
            u"maxLeaseTimeMinutes must be from 1 to %1, but it is %2."_s.arg(largest).arg(minutes, 0, 'f', 0));
        return std::nullopt;
    }
    const arr::TimeSpan lease = arr::TimeSpan::fromMinutes(qint64(minutes));
    // The client's verdict too, so that both sides keep one rule.
    if (!arr::RequestValidator::checkLease(lease).ok()) {
        *error = badRequest(u"maxLeaseTimeMinutes %1 is not a lease this service grants."_s.arg(qint64(minutes)));
        return std::nullopt;
    }
    return lease;
}

// size (GA): Standard or Premium, in any case; kept in lower case like the v1 sizes.
std::optional<QString> readGaSize(const QJsonObject &body, std::optional<ApiError> *error)
{
    const QJsonValue value = member(body, "size"_L1, error);
    if (*error)
        return std::nullopt;
    if (value.isUndefined() || value.isNull()) {
        *error = badRequest(u"The request body has no size; give Standard or Premium."_s);
        return std::nullopt;
    }
    if (!value.isString()) {
        *error = badRequest(u"size must be a string, Standard or Premium, but it is %1."_s.arg(typeName(value)));
        return std::nullopt;
    }
    const QString size = value.toString();
    for (const QString &known : {u"standard"_s, u"premium"_s}) {
        if (size.compare(known, Qt::CaseInsensitive) == 0)
            return known;
    }
    *error = badRequest(u"size \"%1\" is not Standard or Premium."_s.arg(size));
    return std::nullopt;
}

// A GA session id: letters, digits, '-' and '_', at most 256 characters (the client's own rule).
std::optional<ApiError> checkGaId(const QString &sessionId)
{
    const arr::RequestVerdict verdict
        = arr::RequestValidator::checkSessionId(sessionId, arr::SessionIdRule::Api20210101);
    if (!verdict.ok())
        return badRequest(verdict.sentence);
    // The validator trims what a person typed; an id in a path has no such slack.
    if (sessionId != sessionId.trimmed())
        return badRequest(u"The session id \"%1\" may contain only ASCII letters, digits, \"-\" and \"_\"."_s.arg(
            sessionId.trimmed()));
    return std::nullopt;
}

// "standard" -> "Standard": the GA API spells sizes and states in PascalCase.
QString pascalCase(const QString &text)
{
    return text.isEmpty() ? text : text.left(1).toUpper() + text.mid(1);
}

} // namespace

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
    const auto lease = readLease(body, &error);
    if (!lease)
        return error;
    const auto size = readSize(body, &error);
    if (!size)
        return error;
    if (!checkModels(body, &error))
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
    const auto lease = readLease(body, &error);
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

std::optional<ApiError> SessionStore::createGa(
    const QString &accountId, const QString &sessionId, const QJsonObject &body, bool *created)
{
    *created = false;
    Account *owner = account(accountId);
    if (!owner)
        return noSuchAccount(accountId);
    if (auto refusal = checkGaId(sessionId))
        return refusal;
    std::optional<ApiError> error;
    const auto lease = readLeaseMinutes(body, &error);
    if (!lease)
        return error;
    const auto size = readGaSize(body, &error);
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
    const auto lease = readLeaseMinutes(body, &error);
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
    if (auto refusal = checkGaId(sessionId)) {
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
