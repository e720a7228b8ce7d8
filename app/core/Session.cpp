#include "core/Session.h"

#include <QCoreApplication>

#include <array>
#include <utility>

using namespace Qt::StringLiterals;

namespace arr {

namespace {

constexpr std::array<std::pair<SessionStatus, QLatin1StringView>, 7> WireNames{{
    {SessionStatus::None, "none"_L1},
    {SessionStatus::Starting, "starting"_L1},
    {SessionStatus::Ready, "ready"_L1},
    {SessionStatus::Stopping, "stopping"_L1},
    {SessionStatus::Stopped, "stopped"_L1},
    {SessionStatus::Expired, "expired"_L1},
    {SessionStatus::Error, "error"_L1},
}};

} // namespace

SessionStatus parseSessionStatus(QStringView text)
{
    const QStringView trimmed = text.trimmed();
    for (const auto &[status, name] : WireNames) {
        if (trimmed.compare(name, Qt::CaseInsensitive) == 0)
            return status;
    }
    return SessionStatus::Unknown;
}

QString sessionStatusWireName(SessionStatus status)
{
    for (const auto &[candidate, name] : WireNames) {
        if (candidate == status)
            return QString(name);
    }
    return {};
}

QString sessionStatusDisplayName(SessionStatus status)
{
    switch (status) {
    case SessionStatus::None:
        return QCoreApplication::translate("arr::Session", "None");
    case SessionStatus::Starting:
        return QCoreApplication::translate("arr::Session", "Starting");
    case SessionStatus::Ready:
        return QCoreApplication::translate("arr::Session", "Ready");
    case SessionStatus::Stopping:
        return QCoreApplication::translate("arr::Session", "Stopping");
    case SessionStatus::Stopped:
        return QCoreApplication::translate("arr::Session", "Stopped");
    case SessionStatus::Expired:
        return QCoreApplication::translate("arr::Session", "Expired");
    case SessionStatus::Error:
        return QCoreApplication::translate("arr::Session", "Error");
    case SessionStatus::Unknown:
        break;
    }
    return QCoreApplication::translate("arr::Session", "Unknown");
}

bool isFinalStatus(SessionStatus status)
{
    return status == SessionStatus::Stopped || status == SessionStatus::Expired || status == SessionStatus::Error;
}

QString sessionRangeProblem(const Session &session)
{
    if (session.maxLease && (*session.maxLease > MaximumLease || session.maxLease->totalMilliseconds() < 0))
        return QCoreApplication::translate(
            "arr::Session", "Session %1 has a lease of %2, outside the API's 0 to 24 hours.")
            .arg(session.id, session.maxLease->toString());
    if (session.elapsed && session.elapsed->totalMilliseconds() < 0)
        return QCoreApplication::translate("arr::Session", "Session %1 has a negative elapsed time (%2).")
            .arg(session.id, session.elapsed->toString());
    return {};
}

bool sameSessionId(QStringView a, QStringView b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

bool isTransitionalStatus(SessionStatus status)
{
    return status == SessionStatus::Starting || status == SessionStatus::Stopping;
}

QStringList knownSessionSizes()
{
    return {u"standard"_s, u"premium"_s, u"small"_s, u"big"_s};
}

std::optional<TimeSpan> Session::remaining() const
{
    if (!maxLease || !elapsed)
        return std::nullopt;
    return remainingLease(*maxLease, *elapsed);
}

QString Session::statusLabel() const
{
    if (status == SessionStatus::Unknown)
        return statusText.isEmpty() ? sessionStatusDisplayName(status) : statusText;
    return sessionStatusDisplayName(status);
}

bool Session::operator==(const Session &other) const
{
    return id == other.id && status == other.status && statusText == other.statusText && size == other.size
        && hostname == other.hostname && elapsed == other.elapsed && maxLease == other.maxLease
        && message == other.message && teraflops == other.teraflops && handshakePort == other.handshakePort
        && arrInspectorPort == other.arrInspectorPort && creationTime == other.creationTime
        && errorCode == other.errorCode && elapsedInWholeMinutes == other.elapsedInWholeMinutes;
}

QDateTime leaseExpiresAt(const Session &session, const QDateTime &observedAt)
{
    const auto left = session.remaining();
    if (!left || !observedAt.isValid())
        return {};
    return observedAt.addMSecs(left->totalMilliseconds());
}

} // namespace arr
